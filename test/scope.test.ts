import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveAnalysis } from '../analysis/analysisFile.js';
import type { Engine } from '../analysis/engine/engine.js';
import { importData } from '../analysis/import/load.js';
import { AnalysisError } from '../analysis/messages.js';
import { runAnalysis, type ResultRow } from '../analysis/run.js';
import { validateData } from '../analysis/validate.js';
import { ENGINES, loadRows } from './engines.js';
import { engineFor, sourceFor } from './import/sources.js';

/**
 * Who is counted (issue 10): the universe, zero weights, and a design that has clusters. These are
 * the cases where the app used to print a wrong or misleading figure without a word: a universe of
 * completed interviews, zero-weight rows that flipped a small-cell flag, a cluster column with an
 * unexpected name that left the design without clusters.
 */
const COLS = ['wt', 'stratum', 'psu_code', 'FS17', 'sex', 'age', 'region', 'hours'];

/** A seeded clustered file: 2 strata x 12 clusters x 10 children; region 9 holds 20 children. */
function rows(): string[][] {
  let seed = 7;
  const next = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
  const out: string[][] = [];
  for (let h = 1; h <= 2; h++) {
    for (let c = 1; c <= 12; c++) {
      const effect = next() * 20;
      for (let k = 0; k < 10; k++) {
        const region = h === 1 && c <= 2 ? '9' : String(1 + (c % 3));
        const hours = next() < 0.3 ? String(Math.round(effect + next() * 15)) : '0';
        out.push([(0.5 + next()).toFixed(4), String(h), String(c), '1', String(1 + (k % 2)), String(5 + ((c + k) % 13)), region, hours]);
      }
    }
  }
  return out;
}

const MAPPING = {
  weight: 'wt',
  stratum: 'stratum',
  psu: 'psu_code',
  age: 'age',
  sex: { column: 'sex', male: '1', female: '2' },
  region: { column: 'region' },
  econHours: { columns: ['hours'] },
};
const analysis = (mapping: Record<string, unknown> = {}) =>
  resolveAnalysis(
    { version: 1, data: { path: 'x.csv' }, mapping: { ...MAPPING, ...mapping }, frameworks: [{ preset: 'sdg_871_econ' }], indicators: ['children_in_employment'], breakdowns: [[], ['region']] },
    'scope.analysis.json',
  );
const cell = (r: ResultRow[], region: string) => r.find((x) => x.breakdown === 'region' && x.cell.region === region)!;
const stats = (x: ResultRow) => ({ estimate: x.estimate, se: x.se, n: x.n_unweighted, df: x.df, deff: x.deff_replace, flag: x.flag });

describe.each(ENGINES)('who is counted, on %s', (engineName) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await engineFor(engineName, []);
  });
  afterAll(() => engine?.close());
  const run = async (data: string[][], mapping: Record<string, unknown> = {}) => {
    await loadRows(engine, COLS, data);
    return (await runAnalysis(engine, analysis(mapping), 'scope.csv')).rows;
  };

  it('10 zero-weight rows added to a 20-case domain change nothing: n, df, design effect and flag stay (suppressed)', async () => {
    const base = rows();
    const before = cell(await run(base), '9');
    expect(before.n_unweighted).toBe(20);
    expect(before.flag).toBe('suppressed');
    const extra = base.filter((r) => r[6] === '9').slice(0, 10).map((r) => ['0', ...r.slice(1)]);
    const after = cell(await run([...base, ...extra]), '9');
    expect(stats(after)).toEqual(stats(before));
  });

  it('a universe is a domain of the full design: rows out of it count nowhere, their clusters still count in the strata', async () => {
    const base = rows();
    // Interviews not completed (FS17 = 2), with a weight, in a cluster that also has completed ones.
    const incomplete = base.map((r, i) => (i % 10 === 3 ? [r[0]!, r[1]!, r[2]!, '2', ...r.slice(4)] : r));
    const withUniverse = await run(incomplete, { universe: { column: 'FS17', keep: ['1'] } });
    // The same rows with weight 0 and no universe: the same domain semantics, so the same numbers.
    const zeroed = await run(incomplete.map((r) => (r[3] === '2' ? ['0', ...r.slice(1)] : r)));
    const total = withUniverse.find((x) => x.breakdown === 'total')!;
    expect(total.n_unweighted).toBe(base.length - base.length / 10);
    const same = stats(zeroed.find((x) => x.breakdown === 'total')!);
    for (const [k, v] of Object.entries(stats(total))) {
      if (typeof v === 'number') expect(v, k).toBeCloseTo(same[k as keyof typeof same] as number, 12);
      else expect(v, k).toBe(same[k as keyof typeof same]);
    }
    expect(total.df).toBe(24 - 2);
    // Without the universe those children would be counted.
    expect((await run(incomplete)).find((x) => x.breakdown === 'total')!.n_unweighted).toBe(base.length);
  });

  it('rows outside the universe with no age (MICS: no CB3 for an interview not completed) are said apart, not as "the other 0"', async () => {
    const base = rows();
    const incomplete = base.map((r, i) => (i % 10 === 3 ? [r[0]!, r[1]!, r[2]!, '2', r[4]!, '', ...r.slice(6)] : r));
    await loadRows(engine, COLS, incomplete);
    const report = await validateData(engine, analysis({ universe: { column: 'FS17', keep: ['1'] } }), 'fs.csv');
    const applied = report.findings.find((f) => f.code === 'UNIVERSE_APPLIED')!;
    expect(applied.text).toContain(`${base.length - 24} of the ${base.length - 24} children aged 5-17 in fs.csv are in scope; the other 0 stay`);
    const apart = report.findings.find((f) => f.code === 'UNIVERSE_OUTSIDE_NO_AGE');
    expect(apart?.text).toBe('Besides, 24 rows of fs.csv outside the universe (FS17 not 1) have no age (interviews not completed): not counted among the children above, in no estimate, and they stay in the design.');
    expect(report.findings.some((f) => f.code === 'AGE_INVALID')).toBe(false);
    expect(report.findings.map((f) => f.code)).not.toContain('UNIVERSE_AGES_OUTSIDE');
  });

  it('rows in the universe with an age outside 5-17 (MICS: a CB3 of 3 or 19 in a completed interview) are counted and said (a probe: left out without a word)', async () => {
    const base = rows();
    const ageAt = COLS.indexOf('age');
    const keyed = base.map((r, i) => (i % 50 === 7 ? r.map((c, j) => (j === ageAt ? (i % 100 === 7 ? '3' : '19') : c)) : r));
    await loadRows(engine, COLS, keyed);
    const report = await validateData(engine, analysis({ universe: { column: 'FS17', keep: ['1'] } }), 'fs.csv');
    const said = report.findings.find((f) => f.code === 'UNIVERSE_AGES_OUTSIDE');
    const count = keyed.filter((_, i) => i % 50 === 7).length;
    expect(said?.text).toBe(`Besides, ${count} rows of fs.csv in the universe (FS17 = 1) have an age (age) outside 5-17, or none: not counted among the children above, and in no estimate.`);
    expect(said?.severity).toBe('info');
  });

  it('no PSU mapped: an error naming the column that looks like the cluster; "no clusters" must be chosen', async () => {
    await loadRows(engine, COLS, rows());
    const a = analysis({ psu: undefined });
    const report = await validateData(engine, a, 'scope.csv');
    const err = report.findings.find((f) => f.code === 'PSU_NOT_MAPPED');
    expect(err?.severity).toBe('error');
    expect(err?.text).toContain('scope.csv');
    expect(err?.action).toContain('"psu_code"');
    const e = await runAnalysis(engine, a, 'scope.csv').catch((x: unknown) => x);
    expect((e as AnalysisError).code).toBe('PSU_NOT_MAPPED');
    // Chosen explicitly, it runs, says so, and gives the smaller SE of a design without clusters.
    const noClusters = await run(rows(), { psu: undefined, noClusters: true });
    const clustered = await run(rows());
    const seOf = (r: ResultRow[]) => r.find((x) => x.breakdown === 'total')!.se!;
    expect(seOf(noClusters)).toBeLessThan(seOf(clustered));
    const chosen = await validateData(engine, analysis({ psu: undefined, noClusters: true }), 'scope.csv');
    expect(chosen.findings.map((f) => f.code)).toContain('NO_CLUSTERS_CHOSEN');
    expect(chosen.ok).toBe(true);
  });

  it('the same column in two roles is a warning naming both roles', async () => {
    await loadRows(engine, COLS, rows());
    const report = await validateData(engine, analysis({ area: { column: 'sex', urban: '1', rural: '2' } }), 'scope.csv');
    const w = report.findings.find((f) => f.code === 'COLUMN_IN_TWO_ROLES');
    expect(w?.severity).toBe('warning');
    expect(w?.params).toMatchObject({ column: 'sex', roles: 'sex, area' });
  });

  it('a 5 MB field in a data row: DATA_LINE_TOO_LONG with the line, not the field quoted back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clstats-long-'));
    const lines = ['wt,stratum,psu_code,age,sex', ...Array.from({ length: 20 }, (_, i) => `1,1,${i},10,1`)];
    lines[8] = `1,1,7,10,${'x'.repeat(5_000_000)}`;
    writeFileSync(join(dir, 'long.csv'), lines.join('\n') + '\n');
    const own = await engineFor(engineName, [join(dir, 'long.csv')]);
    const e = (await importData(own, sourceFor(engineName, join(dir, 'long.csv'))).catch((x: unknown) => x)) as AnalysisError;
    await own.close();
    expect(e).toBeInstanceOf(AnalysisError);
    expect(e.msg).toMatchObject({ code: 'DATA_LINE_TOO_LONG', params: { file: expect.stringMatching(/long\.csv$/), line: 9 } });
    expect(e.message.length).toBeLessThan(600);
  });
});
