import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../analysis/index.js';
import { formatCi, formatEstimate, formatGap, formatP, formatPercent } from '../../renderer/model/formatStat.js';
import { reportBreakdowns } from '../../renderer/model/draftAnalysis.js';
import { resultsLayout } from '../../renderer/model/resultsLayout.js';
import { readAnalysis, runSample } from './fixtures.js';

let result: AnalysisResult;
let flagged: AnalysisResult;

beforeAll(async () => {
  const a = readAnalysis('mics6_synthetic.analysis.json');
  const base = { ...a, frameworks: [{ preset: 'ilo_ge2020' }], breakdowns: reportBreakdowns(a.mapping) };
  result = await runSample(base);
  // A strict small-cell rule, so that region-by-sex cells (450-650 cases) are flagged.
  flagged = await runSample({ ...base, options: { ...a.options, smallCell: { rule: 'mics-dhs', suppressBelow: 500, parenthesesBelow: 600 } } });
});

describe('the report table (Results step)', () => {
  it('lays out total, age, region, area and extra columns, with boys, girls, total and gap on each row', () => {
    const sections = resultsLayout(result, 'ilo_ge2020', 'child_labour');
    expect(sections.map((s) => s.dimension)).toEqual(['total', 'age_group', 'region', 'area', 'CB7', 'windex5']);
    const total = sections[0]!.rows[0]!;
    const national = result.rows.find((r) => r.framework === 'ilo_ge2020' && r.indicator === 'child_labour' && r.breakdown === 'total')!;
    expect(total.total).toBe(national);
    expect(total.boys!.cell.sex).toBe('1');
    expect(total.girls!.cell.sex).toBe('2');
    expect(total.gap!.gap).toBeCloseTo(total.boys!.estimate! - total.girls!.estimate!, 12);
    // The age group spanning every age repeats the total line; the overlapping 5-14 stays, as in reports.
    expect(sections[1]!.rows.map((r) => r.code)).toEqual(['5-11', '12-14', '15-17', '5-14']);
    expect(sections[2]!.rows.map((r) => r.code)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(sections[3]!.rows.map((r) => r.code)).toEqual(['1', '2']);
    for (const s of sections) for (const r of s.rows) expect([r.boys, r.girls, r.total].every((x) => x !== null)).toBe(true);
  });

  it('leaves boys and girls empty where the analysis has no breakdown by sex', async () => {
    const sample = await runSample({ ...readAnalysis('mics6_synthetic.analysis.json'), frameworks: [{ preset: 'ilo_ge2020' }] });
    const area = resultsLayout(sample, 'ilo_ge2020', 'child_labour').find((s) => s.dimension === 'area')!;
    expect(area.rows.every((r) => r.total !== null && r.boys === null && r.girls === null && r.gap === null)).toBe(true);
  });

  it('shows flagged estimates with the MICS conventions: parentheses for caution, an asterisk when suppressed', () => {
    const region = resultsLayout(flagged, 'ilo_ge2020', 'child_labour').find((s) => s.dimension === 'region')!;
    const cells = region.rows.flatMap((r) => [r.boys!, r.girls!]);
    const suppressed = cells.find((c) => c.flag === 'suppressed')!;
    const caution = cells.find((c) => c.flag === 'caution')!;
    expect(suppressed.n_unweighted).toBeLessThan(500);
    expect(formatEstimate(suppressed.estimate, suppressed.flag, 'en')).toBe('*');
    expect(formatCi(suppressed.ci_low, suppressed.ci_high, suppressed.flag, 'en')).toBe('–');
    expect(formatEstimate(caution.estimate, caution.flag, 'en')).toBe(`(${(caution.estimate! * 100).toFixed(1)})`);
    expect(formatEstimate(0.14551, 'ok', 'fr-FR')).toBe('14,6');
  });

  it('formats intervals, gaps and p-values for print', () => {
    expect(formatPercent(0.14550211, 'en')).toBe('14.6');
    expect(formatCi(0.1324, 0.1596, 'ok', 'en')).toBe('13.2–16.0');
    expect(formatGap(0.068, 'en')).toBe('+6.8');
    expect(formatGap(-0.002, 'en')).toBe('-0.2');
    expect(formatP(0.00001, 'en')).toBe('<0.001');
    expect(formatP(0.0342, 'en')).toBe('0.034');
    expect(formatP(null, 'en')).toBe('–');
  });
});
