import type { TopLevelSpec } from 'vega-lite';
import type { AnalysisResult, Indicator } from '../../analysis/index.js';
import { breakdownRows, datum, sexSeries, type ChartDatum, type SexLabels } from './chartData.js';
import { type ChartText } from './chartLayers.js';
import { sexAgeChart } from './sexAgeChart.js';

/** Urban and rural prevalence, boys, girls and total (the same drawing as the age chart). */
export function areaData(result: AnalysisResult, framework: string, indicator: Indicator, labels: SexLabels, areaLabels: { urban: string; rural: string }): ChartDatum[] {
  const area = result.analysis.mapping.area;
  if (!area) return [];
  const name = (code: string) => (code === area.urban ? areaLabels.urban : areaLabels.rural);
  const known = (code: string) => code === area.urban || code === area.rural;
  const series = [labels.boys, labels.girls, labels.total];
  return [
    ...breakdownRows(result, framework, indicator, ['sex', 'area']).filter((r) => known(r.cell.area!)).map((r) => datum(r, name(r.cell.area!), sexSeries(result, r.cell.sex!, labels))),
    ...breakdownRows(result, framework, indicator, ['area']).filter((r) => known(r.cell.area!)).map((r) => datum(r, name(r.cell.area!), labels.total)),
  ].sort((a, b) => (a.group === b.group ? series.indexOf(a.series) - series.indexOf(b.series) : a.group === areaLabels.urban ? -1 : 1));
}

export function areaChart(values: ChartDatum[], t: ChartText, labels: SexLabels, areaLabels: { urban: string; rural: string }): TopLevelSpec {
  return sexAgeChart(values, [areaLabels.urban, areaLabels.rural], t, labels);
}
