import type { TopLevelSpec } from 'vega-lite';
import type { AnalysisResult, Indicator } from '../../analysis/index.js';
import { breakdownRows, datum, sexSeries, type ChartDatum, type SexLabels } from './chartData.js';
import { barLayer, CHART_CONFIG, errorBarLayer, suppressedLayer, valueMax, type ChartText } from './chartLayers.js';
import { PALETTE } from './palette.js';

/** Prevalence by age group, boys, girls and total side by side, each with its confidence interval. */
export function sexAgeData(result: AnalysisResult, framework: string, indicator: Indicator, labels: SexLabels): ChartDatum[] {
  const order = new Map(result.analysis.ageGroups.map((g, i) => [g.label, i]));
  const bySex = breakdownRows(result, framework, indicator, ['sex', 'age_group']).map((r) => datum(r, r.cell.age_group!, sexSeries(result, r.cell.sex!, labels)));
  const total = breakdownRows(result, framework, indicator, ['age_group']).map((r) => datum(r, r.cell.age_group!, labels.total));
  const series = [labels.boys, labels.girls, labels.total];
  return [...bySex, ...total]
    .filter((d) => d.series !== labels.total || total.length)
    .sort((a, b) => (order.get(a.group) ?? 99) - (order.get(b.group) ?? 99) || series.indexOf(a.series) - series.indexOf(b.series));
}

export function sexAgeChart(values: ChartDatum[], groups: string[], t: ChartText, labels: SexLabels): TopLevelSpec {
  const series = [labels.boys, labels.girls, labels.total].filter((s) => values.some((d) => d.series === s));
  const colours = { [labels.boys]: PALETTE.boys, [labels.girls]: PALETTE.girls, [labels.total]: PALETTE.total };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: t.title,
    description: t.description,
    // The step is one bar's width; a chart of totals only gets wider bars.
    width: { step: series.length === 1 ? 56 : 26 },
    height: 300,
    data: { values },
    encoding: {
      x: { field: 'group', type: 'nominal', sort: groups, title: t.group, axis: { labelAngle: 0 } },
      xOffset: { field: 'series', type: 'nominal', sort: series },
      color: { field: 'series', type: 'nominal', title: null, sort: series, scale: { domain: series, range: series.map((s) => colours[s]!) } },
    },
    layer: [barLayer(t, 'y', valueMax(values)), errorBarLayer('y'), suppressedLayer('y')],
    config: CHART_CONFIG,
  } as TopLevelSpec;
}
