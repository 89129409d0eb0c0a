import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveAnalysis } from '../analysis/analysisFile.js';
import type { Engine } from '../analysis/engine/engine.js';
import { AnalysisError } from '../analysis/messages.js';
import { runAnalysis, type AnalysisResult } from '../analysis/run.js';
import { validateData } from '../analysis/validate.js';
import { ENGINES, REFERENCE_DIR, engineWithCsv, parseCsv, relErr } from './engines.js';

/**
 * Golden values from R survey 4.1.1 for what the shared reference does not cover, made by the
 * committed script scripts/r/make_extra_golden.R: every lonely-PSU policy, the Korn-Graubard and
 * Wald intervals, and the boys-girls gap (svyby + svycontrast) with its p-value.
 */
const TOL = 1e-9;
const golden = (f: string) => parseCsv(readFileSync(new URL(`./fixtures/r-golden/${f}`, import.meta.url), 'utf8'));
const base = JSON.parse(readFileSync(new URL('./fixtures/reference.analysis.json', import.meta.url), 'utf8'));
const LONELY_CSV = new URL('./fixtures/lonely_sample.csv', import.meta.url).pathname;

function analysis(options: object, breakdowns: string[][]) {
  return resolveAnalysis(
    { ...base, frameworks: [{ preset: 'ilo_ge2020' }], indicators: ['children_in_employment'], breakdowns, options: { ...base.options, ...options } },
    'test.analysis.json',
  );
}
const domainOf = (r: { breakdown: string; cell: Record<string, string> }) =>
  r.breakdown === 'total' ? 'total' : r.breakdown === 'sex' ? `sex=${r.cell.sex}` : `region=${r.cell.region}`;

describe.each(ENGINES)('R survey golden values on %s', (engineName) => {
  let lonely: Engine;
  let sample: Engine;
  beforeAll(async () => {
    lonely = await engineWithCsv(engineName, { src: LONELY_CSV });
    sample = await engineWithCsv(engineName, { src: REFERENCE_DIR + 'children_sample.csv' });
  }, 120_000);
  afterAll(async () => {
    await lonely?.close();
    await sample?.close();
  });

  const lonelyRows = golden('lonely_psu.csv');
  describe.each(['remove', 'certainty', 'adjust', 'average'])('lonely PSU policy %s', (policy) => {
    let result: AnalysisResult;
    beforeAll(async () => {
      result = await runAnalysis(lonely, analysis({ lonelyPsu: policy }, [[], ['sex'], ['region']]), 'lonely_sample.csv');
    });
    it('warns that stratum 9 has a single PSU and names the policy', () => {
      const w = result.messages.find((m) => m.code === 'LONELY_PSU_PRESENT');
      expect(w?.params).toMatchObject({ strata: '9', policy });
    });
    it.each(lonelyRows.filter((g) => g.policy === policy).map((g) => [g.domain, g] as const))('%s matches R', (_, g) => {
      const row = result.rows.find((r) => domainOf(r) === g.domain)!;
      expect(relErr(row.estimate!, Number(g.estimate))).toBeLessThan(TOL);
      expect(relErr(row.se!, Number(g.se))).toBeLessThan(TOL);
      expect(relErr(row.total, Number(g.total))).toBeLessThan(TOL);
      expect(relErr(row.total_se!, Number(g.total_se))).toBeLessThan(TOL);
    });
  });

  it('lonely PSU policy fail stops with LONELY_PSU_FAIL naming stratum 9, as R fails on the domains that use it', async () => {
    expect(lonelyRows.filter((g) => g.policy === 'fail' && g.domain === 'total')[0]!.error).toMatch(/Stratum \(9\) has only one PSU/);
    const err = await runAnalysis(lonely, analysis({ lonelyPsu: 'fail' }, [[]]), 'lonely_sample.csv').catch((e) => e);
    expect(err).toBeInstanceOf(AnalysisError);
    expect((err as AnalysisError).code).toBe('LONELY_PSU_FAIL');
    expect((err as AnalysisError).msg.params.strata).toBe('9');
    // The message names the file and the stratum column, as every other message does (a probe).
    expect((err as AnalysisError).message).toMatch(/^lonely_sample\.csv: stratum 9 of column "\S+" has a single PSU\./);
  });

  it('policy fail does not stop for a stratum whose single PSU holds no child in scope, as R (its subset drops those rows)', async () => {
    // The reference sample (no lonely stratum; its estimates match R in reference.test.ts) plus a
    // stratum of one PSU with children aged 3 and 4 only: R's svymean on subset(design, age 5-17)
    // never visits it, so "fail" gives the reference's numbers; with a child aged 9 in it R stops.
    const engine = await engineWithCsv(engineName, { src: REFERENCE_DIR + 'children_sample.csv' });
    try {
      const plain = await runAnalysis(sample, analysis({ lonelyPsu: 'adjust' }, [[], ['sex'], ['region']]), 'children_sample.csv');
      const cols = '9901, 99, 350, 1, {age}, 1, 1, 0, 0, 0, NULL, NULL, 0, 0, 0, 0, 0';
      const child = (age: number) => `(${cols.replace('{age}', String(age)).split(', ').map((v) => (v === 'NULL' ? 'NULL' : `'${v}'`)).join(', ')})`;
      await engine.run(`INSERT INTO src VALUES ${child(3)}, ${child(4)}, ${child(4)}`);
      const withOut = await runAnalysis(engine, analysis({ lonelyPsu: 'fail' }, [[], ['sex'], ['region']]), 'children_sample.csv');
      expect(withOut.messages.filter((m) => m.code.startsWith('LONELY_PSU'))).toEqual([]);
      expect(withOut.rows.length).toBe(plain.rows.length);
      withOut.rows.forEach((r, i) => {
        const p = plain.rows[i]!;
        expect([r.breakdown, r.cell, r.df, r.n_unweighted]).toEqual([p.breakdown, p.cell, p.df, p.n_unweighted]);
        expect(relErr(r.estimate!, p.estimate!)).toBeLessThan(1e-12);
        expect(relErr(r.se!, p.se!)).toBeLessThan(1e-12);
      });
      const report = await validateData(engine, analysis({ lonelyPsu: 'fail' }, [[]]), 'children_sample.csv');
      expect([report.design.strata, report.design.lonelyStrata, report.ok]).toEqual([plain.design.strata + 1, [], true]);
      // The national estimate's df, as the total row has it (R: degf of the subset of children in scope).
      expect(report.design.dfInScope).toBe(plain.rows.find((r) => r.breakdown === 'total')!.df);
      await engine.run(`INSERT INTO src VALUES ${child(9)}`);
      const err = await runAnalysis(engine, analysis({ lonelyPsu: 'fail' }, [[]]), 'children_sample.csv').catch((e) => e);
      expect((err as AnalysisError).msg?.params.strata).toBe('99');
      expect((await validateData(engine, analysis({ lonelyPsu: 'fail' }, [[]]), 'children_sample.csv')).findings.map((f) => f.code)).toContain('LONELY_PSU_FAIL');
    } finally {
      await engine.close();
    }
  });

  const intervals = golden('intervals.csv');
  const cellName = (r: { breakdown: string; cell: Record<string, string> }) =>
    (r.breakdown.startsWith('region') ? `region=${r.cell.region}` : 'total') + (r.cell.sex ? `&sex=${r.cell.sex}` : '');
  it.each([
    ['korn-graubard', 'kg'],
    ['wald', 'wald'],
  ] as const)('%s intervals match R svyciprop(method = "beta") / Wald with t on the domain df', async (method, col) => {
    const result = await runAnalysis(sample, analysis({ ci: method }, [[], ['sex'], ['region'], ['region', 'sex']]), 'children_sample.csv');
    for (const g of intervals) {
      const row = result.rows.find((r) => cellName(r) === g.domain)!;
      expect(row.df, g.domain).toBe(Number(g.df));
      expect(relErr(row.ci_low!, Number(g[`${col}_low`])), `${g.domain} low`).toBeLessThan(TOL);
      expect(relErr(row.ci_high!, Number(g[`${col}_high`])), `${g.domain} high`).toBeLessThan(TOL);
    }
  });

  it('the boys-girls gap, its SE, df and p-value match svyby + svycontrast', async () => {
    const result = await runAnalysis(sample, analysis({}, [['sex'], ['region', 'sex']]), 'children_sample.csv');
    const gaps = golden('sex_gap.csv');
    expect(result.gaps).toHaveLength(gaps.length);
    for (const g of gaps) {
      const row = result.gaps.find((r) => (r.breakdown === 'sex' ? 'total' : `region=${r.cell.region}`) === g.parent)!;
      expect(relErr(row.boys!, Number(g.boys))).toBeLessThan(TOL);
      expect(relErr(row.girls!, Number(g.girls))).toBeLessThan(TOL);
      expect(relErr(row.gap!, Number(g.gap))).toBeLessThan(TOL);
      expect(relErr(row.se!, Number(g.se))).toBeLessThan(TOL);
      expect(row.df).toBe(Number(g.df));
      expect(relErr(row.p_value!, Number(g.p_value))).toBeLessThan(TOL);
    }
  });
});
