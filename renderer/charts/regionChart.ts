import type { TopLevelSpec } from 'vega-lite';
import type { AnalysisResult, Indicator } from '../../analysis/index.js';
import { breakdownRows, datum, type ChartDatum } from './chartData.js';
import { barLayer, CHART_CONFIG, errorBarLayer, suppressedLayer, valueMax, type ChartText } from './chartLayers.js';
import { PALETTE } from './palette.js';

/** A published figure drawn as a reference line (../shared/definitions.md section 6). */
export interface Reference {
  label: string;
  value: number;
}

/**
 * Regional child labour prevalence of the ILO/UNICEF Global Estimates 2020 (ages 5-17), as printed by
 * the ILO's IPEC+ programme document citing that report. Comparable with the GE 2020 headline only.
 */
export const GE2020_REGIONS = [
  { id: 'africa', value: 0.216 },
  { id: 'arab_states', value: 0.058 },
  { id: 'asia_pacific', value: 0.056 },
  { id: 'europe_central_asia', value: 0.057 },
  { id: 'latin_america', value: 0.06 },
] as const;

/** Regions (named by `name`: the file's value labels), highest prevalence first. */
export function regionData(result: AnalysisResult, framework: string, indicator: Indicator, total: string, name: (code: string) => string = (c) => c): ChartDatum[] {
  return breakdownRows(result, framework, indicator, ['region'])
    .map((r) => datum(r, name(r.cell.region!), total))
    .sort((a, b) => (b.estimate ?? -1) - (a.estimate ?? -1));
}

export function regionChart(values: ChartDatum[], t: ChartText, reference: Reference | null): TopLevelSpec {
  const max = Math.max(valueMax(values), reference ? Math.ceil(reference.value * 20) / 20 : 0);
  const layers: object[] = [
    {
      encoding: {
        y: { field: 'group', type: 'nominal', sort: values.map((d) => d.group), title: t.group },
        color: { value: PALETTE.total },
      },
      layer: [barLayer(t, 'x', max), errorBarLayer('x'), suppressedLayer('x')],
    },
  ];
  if (reference) {
    layers.push({
      data: { values: [reference] },
      layer: [
        { mark: { type: 'rule', color: PALETTE.reference, strokeDash: [6, 3], strokeWidth: 1.5 }, encoding: { x: { field: 'value', type: 'quantitative' } } },
        {
          mark: { type: 'text', align: 'left', dx: 4, dy: -6, color: PALETTE.reference, fontSize: 11 },
          encoding: { x: { field: 'value', type: 'quantitative' }, y: { value: 0 }, text: { field: 'label' } },
        },
      ],
    });
  }
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: t.title,
    description: t.description,
    width: 520,
    height: { step: 24 },
    data: { values },
    layer: layers,
    config: CHART_CONFIG,
  } as TopLevelSpec;
}
