import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from '../analysis/engine/engine.js';
import { createNativeEngine } from '../analysis/engine/nativeEngine.js';
import { createNodeWasmEngine } from '../analysis/engine/nodeWasm.js';
import { sharedTerms } from '../analysis/sharedTerms.js';
import { ENGINES } from './engines.js';

/**
 * The classification's SQL computes the terms its expressions share once (analysis/sharedTerms.ts):
 * which groups become terms, and that the rewritten query gives the same values, NULLs included.
 */
describe('sharedTerms', () => {
  it('names a group that occurs twice, longest first, and leaves the others', () => {
    const scope = '((_in AND _w > 0) AND age = floor(age))';
    const { terms, exprs } = sharedTerms([`CASE WHEN ${scope} THEN 1 END`, `CASE WHEN ${scope} THEN (x >= 14 OR y) END`], '_t');
    expect(terms).toEqual([scope]);
    expect(exprs).toEqual(['CASE WHEN _t0 THEN 1 END', 'CASE WHEN _t0 THEN (x >= 14 OR y) END']);
  });

  it('keeps a shorter group that only repeats inside a longer term', () => {
    const inner = '(econ_hours >= 1 OR absent)';
    const outer = `(${inner} AND industry_in_list)`;
    const { terms } = sharedTerms([`${outer} OR a`, `${outer} OR b`], '_t');
    expect(terms).toEqual([outer]);
  });

  it('never names function arguments, IN lists, quoted text or a term that could fail', () => {
    const exprs = [
      'TRY_CAST("age (years)" AS DOUBLE) > 1 AND industry IN (5, 6, 7, 8) AND \'(a long text literal)\' <> v AND (CAST(w AS INTEGER) > 10)',
      'TRY_CAST("age (years)" AS DOUBLE) > 2 AND industry IN (5, 6, 7, 8) AND \'(a long text literal)\' <> u AND (CAST(w AS INTEGER) > 10)',
    ];
    expect(sharedTerms(exprs, '_t')).toEqual({ terms: [], exprs });
  });

  it('finds groups after AND, OR, NOT, WHEN, THEN, ELSE and operators', () => {
    const g = '(hours_a >= 43 OR hours_b >= 43)';
    const { terms, exprs } = sharedTerms([`NOT ${g}`, `x AND ${g}`, `CASE WHEN y THEN ${g} ELSE ${g} END`, `1 + ${g}::INTEGER`], '_t');
    expect(terms).toEqual([g]);
    expect(exprs).toEqual(['NOT _t0', 'x AND _t0', 'CASE WHEN y THEN _t0 ELSE _t0 END', '1 + _t0::INTEGER']);
  });
});

describe.each(ENGINES)('a query with shared terms on %s', (name) => {
  let engine: Engine | undefined;
  afterEach(async () => engine?.close());

  it('gives the values of the query as written, NULLs included', async () => {
    engine = name === 'duckdb-wasm' ? await createNodeWasmEngine() : await createNativeEngine();
    await engine.run(`CREATE TABLE c AS SELECT * FROM (VALUES
      (1, 12.0, 20.0, TRUE, TRUE), (2, 12.0, NULL, NULL, TRUE), (3, 16.0, 50.0, FALSE, TRUE), (4, NULL, 5.0, TRUE, NULL),
      (5, 7.0, 0.0, FALSE, TRUE), (6, 13.5, 14.0, FALSE, TRUE)) t(_row, age, econ_hours, absent, _in)`);
    const scope = '(_in AND age = floor(age) AND (age BETWEEN 5 AND 11 OR age BETWEEN 12 AND 17))';
    const employed = '((econ_hours >= 1) OR absent)';
    const written = [
      `CASE WHEN ${scope} THEN CAST(${employed} AS INTEGER) END`,
      `CASE WHEN ${scope} THEN CAST((${employed} AND econ_hours >= 14) AS INTEGER) END`,
      `CASE WHEN ${scope} THEN CAST(((age BETWEEN 12 AND 17) AND ${employed} AND NOT (econ_hours >= 43)) AS INTEGER) END`,
    ];
    const shared = sharedTerms(written, '_term');
    expect(shared.terms).toEqual([scope, employed]);
    const plain = await engine.query(`SELECT _row, ${written.map((e, i) => `${e} AS y${i}`).join(', ')} FROM c ORDER BY _row`);
    const rewritten = await engine.query(
      `SELECT _row, ${shared.exprs.map((e, i) => `${e} AS y${i}`).join(', ')} FROM (SELECT *${shared.terms.map((t, k) => `, ${t} AS _term${k}`).join('')} FROM c) ORDER BY _row`,
    );
    expect(rewritten).toEqual(plain);
    expect(plain.map((r) => [r.y0, r.y1, r.y2])).toEqual([[1, 1, 1], [null, null, null], [1, 1, 0], [null, null, null], [0, 0, 0], [null, null, null]]);
  });
});
