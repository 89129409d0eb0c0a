import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { Table, writeParquet } from 'parquet-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveAnalysis } from '../../analysis/analysisFile.js';
import type { Engine } from '../../analysis/engine/engine.js';
import { importData } from '../../analysis/import/load.js';
import { runAnalysis } from '../../analysis/run.js';
import { ENGINES } from '../engines.js';
import { engineFor, sourceFor } from './sources.js';

/**
 * A Parquet file with columns whose names differ only in capitals: DuckDB reads the second under a
 * name of its own (AGE_1), so a mapped "age" after an unmapped "AGE" was "not in the file", and the
 * advice named the twin (a probe: a weight of 1, sex codes swapped). The file's own names are read as a
 * CSV's are: the mapped one keeps its name, the other is read as <name>_2, said (both engines).
 */
const DIR = new URL('../fixtures/import/formats/', import.meta.url).pathname;
const a = resolveAnalysis(JSON.parse(readFileSync(DIR + 'survey.analysis.json', 'utf8')), 'survey.analysis.json');
const [head, ...lines] = readFileSync(DIR + 'survey.csv', 'utf8').trim().split('\n');
const names = head!.split(',');
const cells = lines.map((l) => l.split(','));
const column = (n: string) => cells.map((r) => r[names.indexOf(n)] || null);
const tmp = mkdtempSync(join(tmpdir(), 'parquet-twins-'));
const twins = join(tmp, 'twins.parquet');
// Unmapped twins first, as the probe wrote them: AGE (the age + 30), WEIGHT (1), then the survey's columns.
const arrays: Record<string, (string | null)[]> = {
  AGE: column('age').map((v) => (v === null ? null : String(Number(v) + 30))),
  WEIGHT: column('weight').map(() => '1'),
  ...Object.fromEntries(names.map((n) => [n, column(n)])),
};
writeFileSync(twins, writeParquet(Table.fromIPCStream(tableToIPC(tableFromArrays(arrays), 'stream'))));

describe.each(ENGINES)('a Parquet file with names differing only in capitals on %s', (engineName) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await engineFor(engineName, [DIR + 'survey.csv', twins]);
  });
  afterAll(() => engine?.close());

  const mapped = ['age', 'weight', 'sex', 'stratum', 'psu'];
  // The app reads every column, knowing the mapped ones when an analysis file comes with the data (sheetWith); the command line reads the mapped ones.
  it.each([['the app (every column read)', { sheetWith: mapped }], ['the command line (the mapped columns)', { columns: mapped }]] as const)(
    '%s: the mapped age and weight read, the twins as AGE_2 and WEIGHT_2, said; the CSV\'s results', async (_, options) => {
      await importData(engine, sourceFor(engineName, DIR + 'survey.csv'));
      const expected = (await runAnalysis(engine, a, 'survey.csv')).rows;
      const imported = await importData(engine, sourceFor(engineName, twins), options);
      expect(imported.messages.filter((m) => m.code === 'DATA_COLUMN_CASE_RENAMED').map((m) => [m.params.column, m.params.renamed, m.params.other])).toEqual([
        ['AGE', 'AGE_2', 'age'], ['WEIGHT', 'WEIGHT_2', 'weight'],
      ]);
      if ('sheetWith' in options) {
        const r = await runAnalysis(engine, a, 'twins.parquet');
        expect(r.rows.length).toBeGreaterThan(100);
        expect(r.rows).toEqual(expected);
      }
    });
});
