import { beforeAll, describe, expect, it } from 'vitest';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { AnalysisResult } from '../../analysis/index.js';
import { areaChart, areaData } from '../../renderer/charts/areaChart.js';
import type { ChartText } from '../../renderer/charts/chartLayers.js';
import { hazardChart, hazardData } from '../../renderer/charts/hazardChart.js';
import { PALETTE } from '../../renderer/charts/palette.js';
import { GE2020_REGIONS, regionChart, regionData } from '../../renderer/charts/regionChart.js';
import { sexAgeChart, sexAgeData } from '../../renderer/charts/sexAgeChart.js';
import { reportBreakdowns } from '../../renderer/model/draftAnalysis.js';
import { readAnalysis, runSample } from './fixtures.js';

const labels = { boys: 'Boys', girls: 'Girls', total: 'Total' };
const text: ChartText = { title: 'T', description: 'D', axisPercent: '%', group: 'G', series: 'S', estimate: 'E', ci: 'CI', n: 'n' };
let result: AnalysisResult;
let flagged: AnalysisResult;

beforeAll(async () => {
  const a = readAnalysis('mics6_synthetic.analysis.json');
  const base = { ...a, frameworks: [{ preset: 'ilo_ge2020' }], breakdowns: reportBreakdowns(a.mapping) };
  result = await runSample(base);
  flagged = await runSample({ ...base, options: { ...a.options, smallCell: { rule: 'mics-dhs', suppressBelow: 700, parenthesesBelow: 1500 } } });
});

/** Every object in a spec, depth first, to look for aggregates and encodings wherever they are. */
function* walk(x: unknown): Generator<Record<string, unknown>> {
  if (Array.isArray(x)) for (const y of x) yield* walk(y);
  else if (x && typeof x === 'object') {
    yield x as Record<string, unknown>;
    for (const y of Object.values(x)) yield* walk(y);
  }
}

function specs(r: AnalysisResult): TopLevelSpec[] {
  const parts = { hazardous: 'Hazardous', other: 'Other' };
  return [
    sexAgeChart(sexAgeData(r, 'ilo_ge2020', 'child_labour', labels), r.analysis.ageGroups.map((g) => g.label), text, labels),
    regionChart(regionData(r, 'ilo_ge2020', 'child_labour', 'Total'), text, { label: 'Africa', value: GE2020_REGIONS[0].value }),
    areaChart(areaData(r, 'ilo_ge2020', 'child_labour', labels, { urban: 'Urban', rural: 'Rural' }), text, labels, { urban: 'Urban', rural: 'Rural' }),
    hazardChart(hazardData(r, 'ilo_ge2020', labels, parts), text, labels, parts),
  ];
}

describe('charts (Charts step)', () => {
  it('draws error bars from the core’s ci_low and ci_high, never from a Vega-Lite interval aggregate', () => {
    for (const spec of specs(result)) {
      const objects = [...walk(spec)];
      expect(objects.some((o) => o.field === 'ci_low')).toBe(true);
      expect(objects.some((o) => o.field === 'ci_high')).toBe(true);
      for (const o of objects) {
        expect(['ci', 'ci0', 'ci1', 'stderr', 'stdev']).not.toContain(o.aggregate);
        expect(['errorbar', 'errorband']).not.toContain(o.type);
        expect(o.op === 'ci0' || o.op === 'ci1').toBe(false);
      }
      // Valid Vega-Lite, compiled as vega-embed will.
      expect(() => compile(spec)).not.toThrow();
    }
  });

  it('carries the core’s own numbers into the chart data', () => {
    const data = sexAgeData(result, 'ilo_ge2020', 'child_labour', labels);
    const row = result.rows.find((r) => r.framework === 'ilo_ge2020' && r.indicator === 'child_labour' && r.breakdown === 'sex_x_age_group' && r.cell.sex === '2' && r.cell.age_group === '12-14')!;
    expect(data.find((d) => d.group === '12-14' && d.series === 'Girls')).toMatchObject({ estimate: row.estimate, ci_low: row.ci_low, ci_high: row.ci_high, n: row.n_unweighted });
    expect(data.map((d) => d.series).slice(0, 3)).toEqual(['Boys', 'Girls', 'Total']);
    const regions = regionData(result, 'ilo_ge2020', 'child_labour', 'Total').map((d) => d.estimate!);
    expect(regions).toEqual([...regions].sort((a, b) => b - a));
  });

  it('draws flagged estimates distinctly: pale dashed bars for caution, an asterisk and no bar when suppressed', () => {
    const data = sexAgeData(flagged, 'ilo_ge2020', 'child_labour', labels);
    expect(new Set(data.map((d) => d.flag))).toEqual(new Set(['ok', 'caution', 'suppressed']));
    const spec = JSON.stringify(specs(flagged)[0]);
    expect(spec).toContain("datum.flag === 'caution'");
    expect(spec).toContain('"strokeDash"');
    expect(spec).toContain('"text":"*"');
    expect(() => compile(specs(flagged)[0]!)).not.toThrow();
  });

  it('uses colour-blind-safe colours whose grey levels differ', () => {
    const grey = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
      return 0.299 * r! + 0.587 * g! + 0.114 * b!;
    };
    const levels = [PALETTE.boys, PALETTE.girls, PALETTE.total].map(grey).sort((a, b) => a - b);
    expect(levels[1]! - levels[0]!).toBeGreaterThan(40);
    expect(levels[2]! - levels[1]!).toBeGreaterThan(15);
  });

  it('splits child labour into hazardous work and the rest, which add up to child labour', () => {
    const d = hazardData(result, 'ilo_ge2020', labels, { hazardous: 'H', other: 'O' });
    for (const t of d.totals) {
      const sum = d.segments.filter((s) => s.group === t.group).reduce((acc, s) => acc + s.value, 0);
      expect(sum).toBeCloseTo(t.estimate, 12);
    }
  });
});
