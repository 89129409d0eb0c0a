import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columnCounts } from '../analysis/columnCounts.js';
import type { Engine } from '../analysis/engine/engine.js';
import { ENGINES, engineWithRows } from './engines.js';
import { mulberry32 } from '../scripts/seeded.js';

/**
 * The column counts of the Data step's profile and the cluster candidates (columnCounts.ts): counted
 * from each column's distinct values, checked here against a plain count of the
 * cells in JavaScript, on a file wider than one query's batch of 48 columns, grouped both ways.
 */
const ROWS = 400;
const WIDTH = 61;

/** Column j: a mix chosen by j % 6 of codes, text, decimals, blanks, numbers with signs and exponents. */
function table(): { names: string[]; rows: (string | null)[][] } {
  const rnd = mulberry32(20261203);
  const names = Array.from({ length: WIDTH }, (_, j) => `c${j}`);
  const cell = (j: number, i: number): string | null => {
    const u = rnd();
    switch (j % 6) {
      case 0: return String(1 + Math.floor(u * 3)); // codes 1-3
      case 1: return u < 0.1 ? '' : u < 0.15 ? null : String(Math.floor(u * 40)); // blanks, 36 values
      case 2: return u < 0.02 ? 'n/a' : (u * 100).toFixed(2); // decimals and one text code
      case 3: return ['-4', '+2', '1e3', '2.0', '7.5', 'DK'][i % 6]!; // signs, exponent, whole 2.0
      case 4: return j === 4 ? ['a,b', 'c\\d', 'e\\,f', 'g h'][i % 4]! : j === 10 ? ['x=1', 'y\\N', '\\N', '='][i % 4]! : `name ${i}`; // codes with commas and backslashes; all distinct text
      default: return j === 59 ? null : u < 0.5 ? '' : String(j); // all blank (c59) or one code
    }
  };
  return { names, rows: Array.from({ length: ROWS }, (_, i) => names.map((_, j) => cell(j, i))) };
}

/** The same counts, cell by cell, the way a reader would count them. */
function expected(names: string[], rows: (string | null)[][], maxCodes: number) {
  return names.map((name, j) => {
    const cells = rows.map((r) => r[j]).filter((v): v is string => v !== null && v !== '');
    const values = new Set(cells);
    const num = (v: string) => (Number.isFinite(Number(v)) && /\d/.test(v) ? Number(v) : undefined);
    return {
      name,
      rows: cells.length,
      distinct: values.size,
      numbers: cells.filter((v) => num(v) !== undefined).length,
      nonInteger: cells.filter((v) => !Number.isInteger(num(v))).length,
      codes: values.size <= maxCodes ? [...values].sort() : [],
    };
  });
}

describe.each(ENGINES)('columnCounts on %s', (engineName) => {
  let engine: Engine;
  const { names, rows } = table();
  beforeAll(async () => {
    engine = await engineWithRows(engineName, names, rows);
  }, 60_000);
  afterAll(() => engine?.close());

  // Both ways of grouping (columnCounts.ts UNION_ROWS): a GROUP BY per column, and grouping sets.
  const PATHS = [['a GROUP BY per column', 0], ['grouping sets', Infinity]] as const;

  it.each(PATHS)('counts blanks, distinct values, numbers and whole numbers of every column, in batches (%s)', async (_, unionRows) => {
    const { rows: n, counts } = await columnCounts(engine, 'src', names, 20, 0, unionRows);
    expect(n).toBe(ROWS);
    const got = names.map((name) => ({ name, ...counts.get(name)!, codes: [...counts.get(name)!.codes].sort() }));
    expect(got).toEqual(expected(names, rows, 20));
    // The cases above as a user reads them in the Data step.
    // c3: 'DK' in 66 of the 400 rows (i % 6 = 5); '+2' and '1e3' are numbers.
    expect(counts.get('c3')).toMatchObject({ rows: ROWS, distinct: 6, numbers: ROWS - 66, codes: expect.arrayContaining(['DK', '1e3', '+2']) });
    expect(counts.get('c59')).toMatchObject({ rows: 0, distinct: 0, codes: [] });
    expect(counts.get('c1')!.codes).toEqual([]);
    expect([...counts.get('c4')!.codes].sort()).toEqual(['a,b', 'c\\d', 'e\\,f', 'g h']);
  });

  it.each(PATHS)('lists every distinct cell with its count, NULL and blank apart, for columns with at most maxValues of them (%s)', async (_, unionRows) => {
    const { counts } = await columnCounts(engine, 'src', names, 20, 40, unionRows);
    names.forEach((name, j) => {
      const tally = new Map<string | null, number>();
      for (const r of rows) tally.set(r[j]!, (tally.get(r[j]!) ?? 0) + 1);
      const listed = counts.get(name)!.values;
      if (tally.size > 40) return expect(listed, name).toBeUndefined();
      const key = (v: string | null) => (v === null ? '\u0000' : v);
      expect(new Map(listed!.map((x) => [key(x.v), x.n])), name).toEqual(new Map([...tally].map(([v, n]) => [key(v), n])));
    });
    // c1: blanks written '' and missing cells apart; c4: commas, backslashes and equal signs unescaped.
    expect(counts.get('c1')!.values!.filter((x) => x.v === null || x.v === '').length).toBe(2);
    expect(counts.get('c4')!.values!.map((x) => x.v).sort()).toEqual(['a,b', 'c\\d', 'e\\,f', 'g h']);
    expect(names.filter((name) => counts.get(name)!.values).length).toBeGreaterThan(30);
  });

  it('gives zero counts and the row count for a table without rows', async () => {
    await engine.run('CREATE OR REPLACE TABLE empty (a VARCHAR, b VARCHAR)');
    const { rows: n, counts } = await columnCounts(engine, 'empty', ['a', 'b'], 20);
    expect(n).toBe(0);
    expect(counts.get('b')).toEqual({ rows: 0, distinct: 0, nonInteger: 0, numbers: 0, codes: [] });
  });
});
