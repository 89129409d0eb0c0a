import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAnalysis } from '../analysis/analysisFile.js';
import type { Engine } from '../analysis/engine/engine.js';
import { runAnalysis, type AnalysisResult } from '../analysis/run.js';
import { ENGINES, REFERENCE_DIR, engineWithCsv, parseCsv, relErr } from './engines.js';

/**
 * Every row of ../shared/reference/children_sample_expected.csv (R survey 4.1.1) reproduced within
 * 1e-9 relative error, on each engine, through the full pipeline: analysis file, mapping,
 * classification SQL, domain sums, final step.
 */
const TOL = 1e-9;
const analysisPath = new URL('./fixtures/reference.analysis.json', import.meta.url).pathname;
const expected = parseCsv(readFileSync(REFERENCE_DIR + 'children_sample_expected.csv', 'utf8'));
const NUMERIC = ['estimate', 'se', 'ci_low', 'ci_high', 'total', 'total_se', 'population', 'deff', 'deff_replace'] as const;

describe.each(ENGINES)('reference results of R survey on %s', (engineName) => {
  let engine: Engine;
  let result: AnalysisResult;
  beforeAll(async () => {
    const a = parseAnalysis(readFileSync(analysisPath, 'utf8'), analysisPath);
    engine = await engineWithCsv(engineName, { src: resolve(dirname(analysisPath), a.data.path) });
    result = await runAnalysis(engine, a, 'children_sample.csv');
  }, 120_000);
  afterAll(() => engine?.close());

  it('produces exactly the reference rows, in the same number', () => {
    expect(result.rows.length).toBe(expected.length);
  });

  const key = (r: Record<string, unknown>) =>
    [r.framework, r.indicator, r.breakdown, r.sex, r.age_group, r.region, r.area].join('|');

  it.each(expected.map((e) => [key(e), e] as const))('%s', (_, e) => {
    const row = result.rows.find((r) => key({ ...r, ...r.cell }) === key(e));
    expect(row, 'row present').toBeDefined();
    for (const col of NUMERIC) {
      const want = e[col]!;
      const got = row![col];
      if (want === 'NA') expect(got, col).toBeNull();
      else expect(relErr(got as number, Number(want)), `${col}: ${got} vs ${want}`).toBeLessThan(TOL);
    }
    expect(row!.df).toBe(Number(e.df));
    expect(row!.n_unweighted).toBe(Number(e.n_unweighted));
  });
});
