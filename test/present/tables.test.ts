import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../analysis/index.js';
import { formatP, formatPercent, formatPoints, MISSING } from '../../analysis/present/format.js';
import { samplingErrors } from '../../analysis/present/samplingErrors.js';
import { standardTable } from '../../analysis/present/standardTable.js';
import { columnsOf } from '../../analysis/present/tableModel.js';
import { chartLocale } from '../../analysis/present/chartLocale.js';
import { smallCellNotes } from '../../analysis/export/smallCellNotes.js';
import { reportBreakdowns } from '../../renderer/model/draftAnalysis.js';
import { readAnalysis, runSample } from '../renderer/fixtures.js';

/**
 * The presentation layer's tables on the MICS sample (the app's engine, DuckDB-WASM): the standard
 * table's rows and columns, the publication rules of its cells, the sampling errors, the number
 * formats of each language (its texts are the catalogue's, analysis/i18n/<lang>/present.ts: see
 * test/i18n.test.ts).
 */
let result: AnalysisResult;
let flagged: AnalysisResult;

beforeAll(async () => {
  const a = readAnalysis('mics6_synthetic.analysis.json');
  const base = { ...a, frameworks: [{ preset: 'ilo_ge2020' }], breakdowns: reportBreakdowns(a.mapping) };
  result = await runSample(base);
  // A strict small-cell rule, so that region-by-sex cells (450-650 cases) are flagged.
  flagged = await runSample({ ...base, options: { ...a.options, smallCell: { rule: 'mics-dhs', suppressBelow: 500, parenthesesBelow: 600 } } });
});

describe('the standard table', () => {
  it('rows: total, age groups (not the one spanning every age), region, area, extras; columns: boys, girls, total, gap', () => {
    const t = standardTable(result, 'en', 'ilo_ge2020', 'child_labour')!;
    expect(t.groups.map((g) => g.key)).toEqual(['male', 'female', 'total', 'gap']);
    expect(columnsOf(t).map((c) => c.key)).toEqual(['estimate', 'ci', 'se', 'n', 'estimate', 'ci', 'se', 'n', 'estimate', 'ci', 'se', 'n', 'gap', 'p']);
    expect(t.lines.filter((l) => l.kind === 'group').map((l) => l.dim)).toEqual(['age_group', 'region', 'area', 'CB7', 'windex5']);
    expect(t.lines.filter((l) => l.dim === 'age_group' && l.kind === 'value').map((l) => l.code)).toEqual(['5-11', '12-14', '15-17', '5-14']);
    expect(t.lines.filter((l) => l.dim === 'region' && l.kind === 'value').map((l) => l.code)).toEqual(['1', '2', '3', '4', '5', '6']);
    const total = t.lines[0]!;
    const national = result.rows.find((r) => r.framework === 'ilo_ge2020' && r.indicator === 'child_labour' && r.breakdown === 'total')!;
    expect(total.rows.total).toBe(national);
    expect(total.cells[8]!.text).toBe(formatPercent('en', national.estimate));
    expect(total.gap!.gap).toBeCloseTo(total.rows.male!.estimate! - total.rows.female!.estimate!, 12);
    expect(total.cells[12]!.text).toBe(formatPoints('en', total.gap!.gap));
    expect(t.title).toBe('Table 2. Child labour: ILO/UNICEF Global Estimates 2020 (headline)');
  });

  it('suppressed: "*" with its interval, SE and gap withheld ("–"), n shown; caution: "(…)"; numbers stay behind the text', () => {
    const t = standardTable(flagged, 'en', 'ilo_ge2020', 'child_labour')!;
    const cells = t.lines.filter((l) => l.dim === 'region' && l.kind === 'value').flatMap((l) => [l.cells.slice(0, 4), l.cells.slice(4, 8)]);
    const suppressed = cells.find((c) => c[0]!.flag === 'suppressed')!;
    expect(suppressed.map((c) => c.text).slice(0, 3)).toEqual(['*', MISSING, MISSING]);
    expect(suppressed[0]!.numbers).toEqual([]);
    expect(Number(suppressed[3]!.text)).toBeLessThan(500);
    const caution = cells.find((c) => c[0]!.flag === 'caution')!;
    expect(caution[0]!.text).toBe(`(${(caution[0]!.numbers[0]!).toFixed(1)})`);
    expect(caution[1]!.text).toMatch(/^\(\d+\.\d–\d+\.\d\)$/);
    const withheldGap = t.lines.find((l) => l.dim === 'region' && (l.rows.male?.flag === 'suppressed' || l.rows.female?.flag === 'suppressed'))!;
    expect(withheldGap.cells.slice(-2).map((c) => c.text)).toEqual([MISSING, MISSING]);
  });

  it('children with no sex code (in the total column only) are counted in the note on unclassified children, as those of a characteristic are (a walk)', () => {
    const isTotal = (r: AnalysisResult['rows'][number]) => r.framework === 'ilo_ge2020' && r.indicator === 'child_labour' && r.breakdown === 'total';
    expect(standardTable(result, 'en', 'ilo_ge2020', 'child_labour')!.footnotes.find((f) => f.id === 'unclassified')?.text ?? '').not.toMatch(/Sex \d/);
    const three = { ...result, rows: result.rows.map((r) => (isTotal(r) ? { ...r, n_unweighted: r.n_unweighted + 3 } : r)) };
    const t = standardTable(three, 'en', 'ilo_ge2020', 'child_labour')!;
    expect(t.footnotes.find((f) => f.id === 'unclassified')!.text).toMatch(/^Children counted with no value for a characteristic .*: Sex 3(,|\.)/);
  });

  it('the footnotes of a CV rule with decimals say the thresholds applied (a walk: 9.5 % printed "10 %")', () => {
    const rule = { rule: 'cv', flagAt: 0.075, suppressAt: 0.095 } as const;
    expect(smallCellNotes('en', rule)).toEqual([
      '( ) Figures in parentheses have a coefficient of variation of 7.5 % or more: interpret with caution.',
      '* Figures with a coefficient of variation of 9.5 % or more are suppressed.',
    ]);
    expect(smallCellNotes('fr', rule)[1]).toContain('9,5 %');
    expect(smallCellNotes('en', { rule: 'cv', flagAt: 0.166, suppressAt: 0.333 })[1]).toContain('of 33.3 % or more');
    expect(smallCellNotes('en', { rule: 'cv' })).toEqual([expect.stringContaining('of 20 % or more'), expect.stringContaining('of 30 % or more')]);
  });

  it('writes numbers in each language: 14.6 / 14,6, signed gaps, p-values', () => {
    expect(formatPercent('en', 0.14550211)).toBe('14.6');
    expect(formatPercent('fr', 0.14550211)).toBe('14,6');
    expect(formatPercent('es', 0.14550211)).toBe('14,6');
    expect(formatPoints('en', 0.068)).toBe('+6.8');
    expect(formatPoints('en', -0.002)).toBe('-0.2');
    expect(formatP('en', 0.00001)).toBe('<0.001');
    expect(formatP('fr', 0.0342)).toBe('0,034');
    expect(formatP('en', null)).toBe(MISSING);
    expect(chartLocale('fr').number).toMatchObject({ decimal: ',', percent: expect.stringMatching(/^\s%$/) });
    expect(chartLocale('en').number).toMatchObject({ decimal: '.', thousands: ',', percent: '%' });
  });
});

describe('the sampling errors', () => {
  it('by sex, area and region for the headline indicators: deft = sqrt(deff), limits = the core’s interval, counts', () => {
    const t = samplingErrors(result, 'en')!;
    expect(columnsOf(t).map((c) => c.key)).toEqual(['estimate', 'se', 'cv', 'deff', 'deft', 'n', 'weighted', 'lower', 'upper']);
    expect(t.lines.filter((l) => l.kind === 'group').map((l) => l.id)).toEqual(['child_labour', 'hazardous_work', 'children_in_employment']);
    expect(t.lines.filter((l) => l.id.startsWith('child_labour-')).map((l) => l.label)).toEqual(['Total', 'Boys', 'Girls', 'Urban', 'Rural', '1', '2', '3', '4', '5', '6']);
    const row = result.rows.find((r) => r.framework === 'ilo_ge2020' && r.indicator === 'child_labour' && r.breakdown === 'region' && r.cell.region === '3')!;
    const line = t.lines.find((l) => l.id === 'child_labour-region-3')!;
    const [est, se, cv, deff, deft, n, weighted, lower, upper] = line.cells.map((c) => c.numbers[0]);
    expect([est, se, lower, upper].map((x) => x! / 100)).toEqual([row.estimate, row.se, row.ci_low, row.ci_high].map((x) => expect.closeTo(x!, 12)));
    expect(cv).toBeCloseTo(row.cv!, 12);
    expect(deff).toBeCloseTo(row.deff_replace!, 12); // the sample asks for deff "replace"
    expect(deft).toBeCloseTo(Math.sqrt(row.deff_replace!), 12);
    expect([n, weighted]).toEqual([row.n_unweighted, row.population]);
    const flaggedTable = samplingErrors(flagged, 'en')!;
    const suppressed = flaggedTable.lines.find((l) => l.cells[0]?.text === '*');
    if (suppressed) expect(suppressed.cells.slice(1, 5).map((c) => c.text)).toEqual([MISSING, MISSING, MISSING, MISSING]);
  });
});
