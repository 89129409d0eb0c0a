import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../analysis/engine/engine.js';
import { importData } from '../../analysis/import/load.js';
import { ENGINES } from '../engines.js';
import { engineFor, sourceFor } from './sources.js';

/**
 * A Parquet file with 4-byte float columns (what R arrow, pandas and DuckDB write for FLOAT/float32):
 * each cell is the double the float holds exactly, the value R, Stata and DuckDB compute with, not
 * the float's shortest text (309.09515 is another number, and moved estimates 1e-8 from R's).
 */
const path = join(mkdtempSync(join(tmpdir(), 'parquet-float-')), 'floats.parquet');

beforeAll(async () => {
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  await con.run(`COPY (SELECT * FROM (VALUES (309.09515::FLOAT, 309.09515::DOUBLE, 12.0::FLOAT, 0.1::FLOAT, NULL::FLOAT), (1.5::FLOAT, 2.25::DOUBLE, -3.0::FLOAT, 'NaN'::FLOAT, 7::FLOAT)) t(w, d, h, tenth, gap))
    TO '${path}' (FORMAT parquet)`);
  con.closeSync();
});

describe.each(ENGINES)('Parquet float columns on %s', (engineName) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await engineFor(engineName, [path]);
  });
  afterAll(() => engine?.close());

  it('reads a float as the double it holds; whole floats, doubles and NaN as a CSV writes them', async () => {
    const r = await importData(engine, sourceFor(engineName, path));
    expect(r.columns.map((c) => c.type)).toEqual(['number', 'number', 'number', 'number', 'number']);
    expect(await engine.query('SELECT * FROM src')).toEqual([
      { w: '309.09515380859375', d: '309.09515', h: '12', tenth: '0.10000000149011612', gap: null },
      { w: '1.5', d: '2.25', h: '-3', tenth: 'NaN', gap: '7' },
    ]);
  });
});
