import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAnalysis, type ResolvedAnalysis } from '../analysis/analysisFile.js';
import type { Engine } from '../analysis/engine/engine.js';
import { runAnalysis, type AnalysisResult, type ResultRow } from '../analysis/run.js';
import { ENGINES, REFERENCE_DIR, engineWithCsv, relErr } from './engines.js';

/**
 * Properties a design-based estimator must have, checked on the reference sample: results do not
 * depend on row order, on the scale of the weights (for proportions), on zero-weight rows added in
 * existing PSUs, or on the labels of the strata.
 */
const path = new URL('./fixtures/reference.analysis.json', import.meta.url).pathname;
const analysis: ResolvedAnalysis = parseAnalysis(readFileSync(path, 'utf8'), path);
const key = (r: ResultRow) => [r.framework, r.indicator, r.breakdown, ...Object.values(r.cell)].join('|');
const COLS = ['estimate', 'se', 'ci_low', 'ci_high', 'total', 'total_se', 'population', 'deff_replace'] as const;

function compare(a: AnalysisResult, b: AnalysisResult, cols: readonly (keyof ResultRow)[], scale: Partial<Record<keyof ResultRow, number>> = {}, tol = 1e-12) {
  expect(b.rows.length).toBe(a.rows.length);
  const other = new Map(b.rows.map((r) => [key(r), r]));
  let worst = 0;
  for (const r of a.rows) {
    const s = other.get(key(r))!;
    for (const c of cols) {
      const x = r[c] as number | null;
      const y = s[c] as number | null;
      if (x === null || y === null) expect(y, `${key(r)} ${c}`).toBe(x);
      else worst = Math.max(worst, relErr(y, x * (scale[c] ?? 1)));
    }
  }
  expect(worst).toBeLessThan(tol);
}

describe.each(ENGINES)('estimator properties on %s', (engineName) => {
  let engine: Engine;
  let baseline: AnalysisResult;
  beforeAll(async () => {
    engine = await engineWithCsv(engineName, { original: REFERENCE_DIR + 'children_sample.csv' });
    await engine.run('CREATE TABLE src AS SELECT * FROM original');
    baseline = await runAnalysis(engine, analysis, 'children_sample.csv');
  }, 120_000);
  afterAll(() => engine?.close());

  const variant = async (sql: string) => {
    await engine.run(`CREATE OR REPLACE TABLE src AS ${sql}`);
    return runAnalysis(engine, analysis, 'variant.csv');
  };

  it('rows shuffled: identical results', async () => {
    const r = await variant('SELECT * FROM original ORDER BY hash(rowid * 7919 + 17)');
    compare(baseline, r, [...COLS, 'df', 'n_unweighted', 'deff']);
  });

  it('all weights multiplied by 3.7: proportions, SEs, CIs and design effects unchanged, totals scaled', async () => {
    const r = await variant(`SELECT * REPLACE (CAST(CAST(weight AS DOUBLE) * 3.7 AS VARCHAR) AS weight) FROM original`);
    compare(baseline, r, ['estimate', 'se', 'ci_low', 'ci_high', 'deff_replace', 'df', 'n_unweighted'], {}, 1e-11);
    compare(baseline, r, ['total', 'total_se', 'population'], { total: 3.7, total_se: 3.7, population: 3.7 }, 1e-11);
  });

  it('zero-weight rows added in existing PSUs: estimates, SEs, totals and df unchanged', async () => {
    const r = await variant(`SELECT * FROM original UNION ALL SELECT * REPLACE ('0' AS weight) FROM original WHERE rowid % 7 = 0`);
    compare(baseline, r, ['estimate', 'se', 'ci_low', 'ci_high', 'total', 'total_se', 'population', 'df'], {}, 1e-11);
    expect(r.messages.find((m) => m.code === 'WEIGHT_ZERO')?.params.count).toBe(446);
  });

  it('strata relabelled: identical results', async () => {
    const r = await variant(`SELECT * REPLACE ('S-' || CAST(9 - CAST(stratum AS INTEGER) AS VARCHAR) AS stratum) FROM original`);
    compare(baseline, r, [...COLS, 'df', 'n_unweighted', 'deff']);
  });
});
