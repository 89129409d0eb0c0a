import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../analysis/engine/engine.js';
import { createNodeWasmEngine } from '../../analysis/engine/nodeWasm.js';
import { bytesSource, importData } from '../../analysis/import/load.js';
import { estimateDelimited } from '../../analysis/import/sizeGuard.js';
import { AnalysisError } from '../../analysis/messages.js';

/**
 * The app's guard against files too large for its 4 GB of WebAssembly memory: estimated before
 * loading, for every format, with a message that names the file and the command line.
 */
const FORMATS = new URL('../fixtures/import/formats/', import.meta.url).pathname;
const source = (f: string) => bytesSource(basename(f), new Uint8Array(readFileSync(FORMATS + f)));

describe('size guard of the app', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await createNodeWasmEngine();
  }, 60_000);
  afterAll(() => engine?.close());

  it('estimates rows and columns of a delimited file from its first bytes', () => {
    const line = (i: number) => `${i},${i % 7},${(i * 13) % 1000}.25,text ${i % 50}\n`;
    const text = 'id,stratum,weight,label\n' + Array.from({ length: 200_000 }, (_, i) => line(i)).join('');
    const bytes = new TextEncoder().encode(text);
    const e = estimateDelimited(bytes.subarray(0, 1 << 20), bytes.length);
    expect(e.columns).toBe(4);
    expect(Math.abs(e.rows - 200_000) / 200_000).toBeLessThan(0.05);
    expect(estimateDelimited(new TextEncoder().encode('a;b;c\n1;2;3\n'), 12)).toEqual({ rows: 1, columns: 3 });
    // With the whole file in hand, rows are counted exactly (with or without a final line end).
    expect(estimateDelimited(bytes.subarray(0, 1 << 20), bytes.length, bytes)).toEqual({ rows: 200_000, columns: 4 });
    expect(estimateDelimited(bytes, bytes.length - 1, bytes.subarray(0, bytes.length - 1)).rows).toBe(200_000);
  });

  // survey.* is 576 rows x 18 columns: a limit of 5,000 cells stops each format, 20,000 lets it through.
  it.each(['survey.csv', 'survey.tsv', 'survey.sav', 'survey-118.dta', 'survey.xlsx', 'survey.parquet'])(
    '%s over the limit stops with DATA_TOO_LARGE_FOR_APP before loading; under it, loads',
    async (f) => {
      await engine.run('DROP TABLE IF EXISTS guarded');
      const sheet = f.endsWith('.xlsx') ? { sheet: 'Enfants' } : {};
      const err = await importData(engine, source(f), { ...sheet, maxCells: 5_000, table: 'guarded' }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AnalysisError);
      const msg = (err as AnalysisError).msg;
      expect(msg.code).toBe('DATA_TOO_LARGE_FOR_APP');
      expect(msg.text).toContain(f);
      expect(msg.text).toMatch(/about 5\d\d rows of 18 columns/);
      expect(msg.action).toContain('clstats run');
      expect(await engine.query(`SELECT table_name FROM duckdb_tables() WHERE table_name = 'guarded'`)).toEqual([]);
      const ok = await importData(engine, source(f), { ...sheet, maxCells: 20_000, table: 'guarded' });
      expect(ok.rows).toBe(576);
    },
  );
});
