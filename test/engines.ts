import { readFileSync } from 'node:fs';
import type { Engine } from '../analysis/engine/engine.js';
import { createNativeEngine } from '../analysis/engine/nativeEngine.js';
import { createNodeWasmEngine } from '../analysis/engine/nodeWasm.js';
import { trimSpaces } from '../analysis/import/trimSpaces.js';

/** The engines every estimator test runs against: the app's (DuckDB-WASM) and the command line's (native). */
export const ENGINES = ['duckdb-wasm', 'duckdb-native'] as const;
export type EngineName = (typeof ENGINES)[number];

/** Creates an engine that may read the given files, and loads each as a text-typed table. */
export async function engineWithCsv(name: EngineName, tables: Record<string, string>): Promise<Engine> {
  const files = Object.values(tables);
  const engine = name === 'duckdb-wasm' ? await createNodeWasmEngine() : await createNativeEngine({ files });
  for (const [table, path] of Object.entries(tables)) {
    const ref = await engine.registerFile(table + '.csv', name === 'duckdb-wasm' ? { bytes: readFileSync(path) } : { path });
    await engine.run(`CREATE OR REPLACE TABLE ${table} AS SELECT * FROM read_csv(${ref}, all_varchar = true, header = true)`);
  }
  return engine;
}

/** Relative difference, with exact zero equal to zero. */
export function relErr(actual: number, expected: number): number {
  if (actual === expected) return 0;
  return Math.abs(actual - expected) / Math.max(Math.abs(expected), Number.MIN_VALUE);
}

/** A tiny CSV parser for the reference files (quoted fields, doubled quotes). */
export function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field); field = '';
      if (row.length > 1 || row[0] !== '') rows.push(row);
      row = [];
    } else field += ch;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  const [head, ...body] = rows;
  return body.map((r) => Object.fromEntries(head!.map((h, i) => [h, r[i] ?? ''])));
}

/** ../shared/reference beside the repository (as in CI); SHARED_DIR overrides the shared folder. */
export const REFERENCE_DIR = `${process.env.SHARED_DIR ?? new URL('../../shared', import.meta.url).pathname}/reference/`;

/** An engine whose raw table `src` holds the given rows (all text, as a CSV file would give them). */
export async function engineWithRows(name: EngineName, columns: string[], rows: (string | null)[][]): Promise<Engine> {
  const engine = name === 'duckdb-wasm' ? await createNodeWasmEngine() : await createNativeEngine();
  await loadRows(engine, columns, rows);
  return engine;
}

/** A raw table of text cells, stored as importData stores a file's (cells trimmed: trimSpaces.ts). */
export async function loadRows(engine: Engine, columns: string[], rows: (string | null)[][], table = 'src'): Promise<void> {
  const lit = (v: string | null) => (v === null ? 'NULL::VARCHAR' : `'${v.replace(/'/g, "''")}'`);
  const values = rows.map((r) => `(${r.map(lit).join(', ')})`).join(',\n');
  await engine.run(`CREATE OR REPLACE TABLE ${table} AS SELECT * FROM (VALUES ${values}) t(${columns.map((c) => `"${c}"`).join(', ')})`);
  await trimSpaces(engine, table);
}
