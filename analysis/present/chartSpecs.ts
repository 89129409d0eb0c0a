import { t } from '../export/i18n.js';
import { indicatorLabel } from '../export/statements.js';
import type { AnalysisResult, ResultRow } from '../run.js';
import { backgroundCharts, type BackgroundChartId } from './backgroundCharts.js';
import { chartContext, chartDescription, chartSubtitle, type ChartOptions } from './chartContext.js';
import { datum, rankedBars, type VegaLiteSpec } from './chartMarks.js';
import { byDimension, chartLabel } from './dimensionBars.js';
import { hazardousChart } from './hazardousChart.js';
import { dimensionLabel } from './labels.js';
import { PALETTE } from './palette.js';
import { referenceComparable, referenceLine } from './referenceLines.js';

/**
 * The standard charts as Vega-Lite specs: pure functions of the results, drawn by the app
 * (vega-embed), by the command line (vega's headless View, to SVG and PNG) and into the report. The
 * same analysis gives the same spec everywhere: palette (palette.ts), the core's intervals and flags
 * (chartMarks.ts), sizes from the number of categories (chartSize.ts), the language's number format
 * (config.locale) and, on the region chart, the GE 2020 reference line asked for. After them, one
 * chart per background characteristic with rows (backgroundCharts.ts: background_wealth_quintile).
 */
export type ChartId = 'sex_age' | 'regions' | 'areas' | 'hazardous' | BackgroundChartId;

export interface ChartSpec {
  id: ChartId;
  title: string;
  spec: VegaLiteSpec;
}

const label = chartLabel;

/** Prevalence by sex and age group. */
export function sexAgeChart(result: AnalysisResult, opts: ChartOptions = {}): ChartSpec | null {
  const c = chartContext(result, opts);
  if (!c) return null;
  const title = t(c.lang, 'chart.sex_age', { indicator: indicatorLabel(c.lang, c.fw, c.ind) });
  const spec = byDimension(c, 'age_group', title);
  return spec && { id: 'sex_age', title, spec };
}

/** Prevalence by area (urban, rural), by sex where estimated. */
export function areasChart(result: AnalysisResult, opts: ChartOptions = {}): ChartSpec | null {
  const c = chartContext(result, opts);
  if (!c || !result.analysis.mapping.area) return null;
  const title = t(c.lang, 'chart.areas', { indicator: indicatorLabel(c.lang, c.fw, c.ind) });
  const spec = byDimension(c, 'area', title);
  return spec && { id: 'areas', title, spec };
}

/** Regions ranked by prevalence (highest first; suppressed figures last), with intervals and a reference line. */
export function regionsChart(result: AnalysisResult, opts: ChartOptions = {}): ChartSpec | null {
  const c = chartContext(result, opts);
  if (!c) return null;
  const rows = c.idx
    .codes('region')
    .map((code) => ({ code, row: c.idx.get(c.fw.id, c.ind, { region: code }) }))
    .filter((x): x is { code: string; row: ResultRow } => x.row !== null);
  if (!rows.length) return null;
  const value = (r: ResultRow) => (r.flag === 'suppressed' || r.estimate === null ? -Infinity : r.estimate);
  rows.sort((a, b) => value(b.row) - value(a.row) || a.code.localeCompare(b.code, undefined, { numeric: true }));
  const title = t(c.lang, 'chart.regions', { indicator: indicatorLabel(c.lang, c.fw, c.ind) });
  const total = t(c.lang, 'sex.total');
  const reference = referenceComparable(c.fw.id, c.ind) ? referenceLine(c.lang, opts.reference) : null;
  const spec = rankedBars(
    {
      lang: c.lang,
      title,
      subtitle: chartSubtitle(c, reference ? reference.notes : []),
      description: chartDescription(c, title),
      axisTitle: dimensionLabel(c.lang, 'region', c.labels, c.result.analysis.mapping),
      level: c.result.analysis.options.level,
      groups: rows.map((x) => label(c, 'region', x.code)),
      series: [total],
      colors: [PALETTE.total],
      data: rows.map((x) => datum(c.lang, label(c, 'region', x.code), total, x.row)),
    },
    reference,
  );
  return { id: 'regions', title, spec };
}

export { backgroundCharts, hazardousChart };

/** Every standard chart the results allow, in report order, then the background characteristics' charts (MICS order). */
export function chartSpecs(result: AnalysisResult, opts: ChartOptions = {}): ChartSpec[] {
  const standard = [sexAgeChart(result, opts), regionsChart(result, opts), areasChart(result, opts), hazardousChart(result, opts)].filter(
    (x): x is ChartSpec => x !== null,
  );
  return [...standard, ...backgroundCharts(result, opts)];
}
