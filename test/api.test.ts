import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../analysis/engine/engine.js';
import { domainSums, strataSql, type DimSpec } from '../analysis/domainSums.js';
import { finishEstimate } from '../analysis/estimate.js';
import { proportionCi } from '../analysis/ci.js';
import { ENGINES, REFERENCE_DIR, engineWithCsv, parseCsv, relErr } from './engines.js';

/**
 * The R survey package's own `api` example (stratified SRS with fpc; one-stage cluster sample with
 * fpc), reproduced through the same SQL sums and final step as the child labour estimates.
 */
const REF = REFERENCE_DIR;
const expected = parseCsv(readFileSync(REF + 'api_expected.csv', 'utf8'));
const TOL = 1e-9;

const DESIGNS = {
  apistrat: `SELECT TRY_CAST(pw AS DOUBLE) AS _w, stype AS _h, CAST(rowid AS VARCHAR) AS _psu, TRY_CAST(fpc AS DOUBLE) AS _fpc, * FROM apistrat`,
  apiclus1: `SELECT TRY_CAST(pw AS DOUBLE) AS _w, '1' AS _h, dnum AS _psu, TRY_CAST(fpc AS DOUBLE) AS _fpc, * FROM apiclus1`,
};
const VARS = { api00: 'TRY_CAST(api00 AS DOUBLE)', yes: `CASE WHEN "sch.wide" = 'Yes' THEN 1 ELSE 0 END` };

describe.each(ENGINES)('R survey api examples on %s', (engineName) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await engineWithCsv(engineName, {
      apistrat: REF + 'api_apistrat.csv',
      apiclus1: REF + 'api_apiclus1.csv',
    });
  }, 60_000);
  afterAll(() => engine?.close());

  const cases = expected.map((e, i) => [`${e.design} ${e.call} ${e.domain || '(all)'} #${i}`, e] as const);
  it.each(cases)('%s', async (_, e) => {
    await engine.run(`CREATE OR REPLACE TABLE d AS ${DESIGNS[e.design as keyof typeof DESIGNS]}`);
    await engine.run(strataSql('d', 'design_strata', 'count'));
    const dims: DimSpec[] = e.domain ? [{ name: 'stype', sql: 'stype' }] : [];
    const y = e.call!.includes('api00') ? VARS.api00 : VARS.yes;
    const [sums] = await domainSums(engine, { table: 'd', strata: 'design_strata', lonely: 'adjust' }, dims, [y], []);
    const s = sums!.find((x) => !e.domain || `stype=${x.cell.stype}` === e.domain)!;
    const est = finishEstimate(s, { ci: 'logit', level: 0.95, smallCell: { rule: 'mics-dhs' } });
    expect(relErr(est.estimate!, Number(e.estimate))).toBeLessThan(TOL);
    expect(relErr(est.se!, Number(e.se))).toBeLessThan(TOL);
    expect(est.df).toBe(Number(e.df));
    if (e.deff) expect(relErr(est.deff!, Number(e.deff))).toBeLessThan(TOL);
    if (e.ci_low) {
      const [lo, hi] = proportionCi('logit', est.estimate!, est.se!, est.df, est.n_unweighted, 0.95);
      expect(relErr(lo!, Number(e.ci_low))).toBeLessThan(TOL);
      expect(relErr(hi!, Number(e.ci_high))).toBeLessThan(TOL);
    }
  });
});
