import { t } from '../export/i18n.js';
import { chartDescription, chartSubtitle, sexSeries, type ChartContext } from './chartContext.js';
import { datum, groupedBars, type Datum, type VegaLiteSpec } from './chartMarks.js';
import { categoryLabel, dimensionLabel } from './labels.js';
import { PALETTE } from './palette.js';
import type { SexKey } from './standardTable.js';

/** A category as the tables name it (the file's value label, the language's words, else the code). */
export const chartLabel = (c: ChartContext, dim: string, code: string) => categoryLabel(c.result, c.lang, dim, code, c.labels);

/**
 * Bars by a dimension (age group, area, a background characteristic) with boys, girls and total side
 * by side where estimated, categories in the result's order (the tables' order). Shared by the
 * standard charts (chartSpecs.ts) and the background charts (backgroundCharts.ts), so that they draw
 * alike: same marks, palette, sizes, intervals and flags (chartMarks.ts).
 */
export function byDimension(c: ChartContext, dim: string, title: string): VegaLiteSpec | null {
  const codes = c.idx.codes(dim);
  if (!codes.length) return null;
  const data: Datum[] = [];
  const present = new Set<SexKey>();
  for (const code of codes) {
    for (const s of sexSeries(c, { [dim]: code })) {
      if (!s.row) continue;
      present.add(s.key);
      data.push(datum(c.lang, chartLabel(c, dim, code), t(c.lang, `sex.${s.key}`), s.row));
    }
  }
  if (!data.length) return null;
  const keys = (['male', 'female', 'total'] as const).filter((k) => present.has(k));
  return groupedBars({
    lang: c.lang,
    title,
    subtitle: chartSubtitle(c),
    description: chartDescription(c, title),
    axisTitle: dimensionLabel(c.lang, dim, c.labels, c.result.analysis.mapping),
    level: c.result.analysis.options.level,
    groups: codes.map((code) => chartLabel(c, dim, code)),
    series: keys.map((k) => t(c.lang, `sex.${k}`)),
    colors: keys.map((k) => PALETTE[k]),
    data,
  });
}
