import type { TopLevelSpec } from 'vega-lite';
import type { AnalysisResult, Flag } from '../../analysis/index.js';
import { breakdownRows, sexSeries, type SexLabels } from './chartData.js';
import { CHART_CONFIG, IS_CAUTION, type ChartText } from './chartLayers.js';
import { PALETTE } from './palette.js';

/** One stacked segment: the part of child labour that is hazardous work, or the rest. */
export interface HazardSegment {
  group: string;
  part: string;
  order: number;
  value: number;
  flag: Flag;
}

/** Child labour with its interval, drawn as the error bar on top of each stack. */
export interface HazardTotal {
  group: string;
  estimate: number;
  ci_low: number | null;
  ci_high: number | null;
  flag: Flag;
}

export interface HazardData {
  segments: HazardSegment[];
  totals: HazardTotal[];
}

/**
 * Hazardous work within child labour, for boys, girls and all children: child labour splits into
 * "child labour other than hazardous work" and the remainder, which is the hazardous work counted in
 * child labour (under the Global Estimates, all hazardous work; under MICS6 PR.3.4, the part of child
 * labour that is also hazardous work). Under SDG 8.7.1 hazards are no rule of child labour, and the
 * Charts step draws no such chart (definitionNotes.ts, drawsHazardChart): splitting that child labour
 * by hazardous work would present hazardous work as part of a definition that does not count it.
 */
export function hazardData(result: AnalysisResult, framework: string, labels: SexLabels, parts: { hazardous: string; other: string }): HazardData {
  const cl = [...breakdownRows(result, framework, 'child_labour', ['sex']), ...breakdownRows(result, framework, 'child_labour', [])];
  const other = [...breakdownRows(result, framework, 'child_labour_other_than_hazardous', ['sex']), ...breakdownRows(result, framework, 'child_labour_other_than_hazardous', [])];
  const segments: HazardSegment[] = [];
  const totals: HazardTotal[] = [];
  for (const c of cl) {
    const o = other.find((x) => x.breakdown === c.breakdown && x.cell.sex === c.cell.sex);
    if (!o || c.estimate === null || o.estimate === null || c.flag === 'suppressed') continue;
    const group = sexSeries(result, c.cell.sex!, labels);
    segments.push({ group, part: parts.hazardous, order: 0, value: Math.max(c.estimate - o.estimate, 0), flag: c.flag });
    segments.push({ group, part: parts.other, order: 1, value: o.estimate, flag: c.flag });
    totals.push({ group, estimate: c.estimate, ci_low: c.ci_low, ci_high: c.ci_high, flag: c.flag });
  }
  return { segments, totals };
}

export function hazardChart(data: HazardData, t: ChartText, labels: SexLabels, parts: { hazardous: string; other: string }): TopLevelSpec {
  const groups = [labels.boys, labels.girls, labels.total];
  const max = Math.min(1, Math.ceil(Math.max(0.05, ...data.totals.map((d) => d.ci_high ?? d.estimate)) * 20) / 20);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: t.title,
    description: t.description,
    width: 360,
    height: 300,
    encoding: { x: { field: 'group', type: 'nominal', sort: groups, title: null, axis: { labelAngle: 0 } } },
    layer: [
      {
        data: { values: data.segments },
        mark: { type: 'bar', stroke: PALETTE.outline, strokeWidth: 0.75 },
        encoding: {
          y: { field: 'value', type: 'quantitative', stack: 'zero', title: t.axisPercent, axis: { format: '%' }, scale: { domain: [0, max] } },
          color: { field: 'part', type: 'nominal', title: null, sort: [parts.hazardous, parts.other], scale: { domain: [parts.hazardous, parts.other], range: [PALETTE.hazardous, PALETTE.other] } },
          order: { field: 'order', type: 'quantitative' },
          fillOpacity: { condition: { test: IS_CAUTION, value: 0.35 }, value: 1 },
          strokeDash: { condition: { test: IS_CAUTION, value: [4, 2] }, value: [1, 0] },
          tooltip: [
            { field: 'group', type: 'nominal', title: t.series },
            { field: 'part', type: 'nominal', title: t.group },
            { field: 'value', type: 'quantitative', title: t.estimate, format: '.1%' },
          ],
        },
      },
      {
        data: { values: data.totals },
        transform: [{ filter: 'isValid(datum.ci_low) && isValid(datum.ci_high)' }],
        mark: { type: 'rule', color: PALETTE.errorBar, strokeWidth: 1.5 },
        encoding: { y: { field: 'ci_low', type: 'quantitative' }, y2: { field: 'ci_high' } },
      },
    ],
    config: CHART_CONFIG,
  } as TopLevelSpec;
}
