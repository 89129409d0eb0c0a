import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveAnalysis } from '../analysis/analysisFile.js';
import type { Engine } from '../analysis/engine/engine.js';
import { importData } from '../analysis/import/load.js';
import { formatMessageIn } from '../analysis/messages.js';
import { runAnalysis } from '../analysis/run.js';
import { ENGINES } from './engines.js';
import { engineFor, sourceFor } from './import/sources.js';

/**
 * A column named rowid (a database or SQLite export's row id): DuckDB's own row number, which every
 * query naming a row reads, was hidden by it, and the app (which reads every column) stopped with
 * ENGINE_FAILED ("No function matches '+(VARCHAR, INTEGER_LITERAL)'", a probe). Read as rowid_2, with
 * a note; the results are those of the same file without it (both engines, CSV and Parquet).
 */
const DIR = new URL('./fixtures/import/formats/', import.meta.url).pathname;
const a = resolveAnalysis(JSON.parse(readFileSync(DIR + 'survey.analysis.json', 'utf8')), 'survey.analysis.json');
const tmp = mkdtempSync(join(tmpdir(), 'reserved-'));
const lines = readFileSync(DIR + 'survey.csv', 'utf8').trim().split('\n');
// The row id second, as text ("r1", ...); a column already named rowid_2 after it, so the free name is rowid_3.
const csv = join(tmp, 'export.csv');
writeFileSync(csv, lines.map((l, i) => { const f = l.split(','); return [f[0], i ? `r${i}` : 'RowID', i ? 'x' : 'rowid_2', ...f.slice(1)].join(','); }).join('\n') + '\n');
const parquet = join(tmp, 'export.parquet');

beforeAll(async () => {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  await c.run(`COPY (SELECT 'id' || CAST(hhid AS VARCHAR) AS rowid, * FROM read_parquet('${DIR}survey.parquet')) TO '${parquet}' (FORMAT parquet)`);
  c.closeSync();
});

const estimates = (r: Awaited<ReturnType<typeof runAnalysis>>) => r.rows;

describe.each(ENGINES)('a column named rowid on %s', (engineName) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await engineFor(engineName, [DIR + 'survey.csv', DIR + 'survey.parquet', csv, parquet]);
  });
  afterAll(() => engine?.close());

  it.each([['survey.csv', 'export.csv', 'RowID', 'RowID_3', 2], ['survey.parquet', 'export.parquet', 'rowid', 'rowid_2', 1]] as const)(
    '%s with it (%s): read as another name, said, and the same results', async (plain, withId, column, renamed, at) => {
      await importData(engine, sourceFor(engineName, DIR + plain));
      const expected = estimates(await runAnalysis(engine, a, plain));
      const imported = await importData(engine, sourceFor(engineName, join(tmp, withId)));
      const note = imported.messages.find((m) => m.code === 'DATA_COLUMN_RESERVED_RENAMED')!;
      expect(note).toMatchObject({ severity: 'warning', params: { column, renamed, at } });
      expect(formatMessageIn(note, 'en')).toContain(`Column ${at} of ${withId} is named "${column}", the name the app's engine gives its own row numbers: it is read as "${renamed}".`);
      expect(imported.columns.map((c) => c.name)).toContain(renamed);
      const r = await runAnalysis(engine, a, withId);
      expect(estimates(r)).toEqual(expected);
      expect(r.rows.length).toBeGreaterThan(100);
    });
});
