import { BACKGROUND, type Background } from '../background.js';
import { t } from '../export/i18n.js';
import { indicatorLabel } from '../export/statements.js';
import type { AnalysisResult } from '../run.js';
import { chartContext, type ChartOptions } from './chartContext.js';
import type { ChartSpec } from './chartSpecs.js';
import { byDimension } from './dimensionBars.js';
import { dimensionLabel } from './labels.js';

/** A background characteristic's chart id, also its file name: background_wealth_quintile.svg. */
export type BackgroundChartId = `background_${Background}`;

/**
 * One chart per MICS background characteristic of the mapping (`mapping.background`: school
 * attendance, functional difficulties, mother's education, wealth index quintile, ethnicity), in the
 * MICS table order, for each that has rows in the result (breakdown [column], and [sex, column] for
 * boys and girls): the selected indicator's prevalence by category, drawn as the area chart is
 * (dimensionBars.ts), categories in the tables' order and named as the tables name them
 * (labels.ts: the file's value labels, the MICS words of the wealth quintiles). A characteristic
 * without rows (not among the breakdowns) has no chart.
 */
export function backgroundCharts(result: AnalysisResult, opts: ChartOptions = {}): ChartSpec[] {
  const c = chartContext(result, opts);
  if (!c) return [];
  const m = result.analysis.mapping;
  const out: ChartSpec[] = [];
  for (const b of BACKGROUND) {
    const column = m.background?.[b];
    if (!column) continue;
    // The heading in the title's running text, lower-cased as the trend charts do: the catalogue's own words, no acronyms.
    const dimension = dimensionLabel(c.lang, column, c.labels, m).toLocaleLowerCase(c.lang);
    const title = t(c.lang, 'chart.background', { indicator: indicatorLabel(c.lang, c.fw, c.ind), dimension });
    const spec = byDimension(c, column, title);
    if (spec) out.push({ id: `background_${b}`, title, spec });
  }
  return out;
}
