import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { LOCKDOWN, type Engine, type FileSource, type Row } from './engine.js';
import { sqlString, toJs } from './values.js';

/** Registered files live under this virtual folder; it is the only place SQL may read from. */
export const WASM_FILE_DIR = '/local/';

interface ArrowLikeTable {
  numRows: number;
  schema: { fields: { name: string }[] };
  getChildAt(i: number): { get(row: number): unknown } | null;
}

/** The part of DuckDB-WASM the engine uses; both the async (browser worker) and blocking (Node) builds fit. */
export interface WasmDb {
  registerFileBuffer(name: string, buffer: Uint8Array): Promise<void> | void;
  dropFile?(name: string): Promise<void> | void;
}
export interface WasmConnection {
  query(sql: string): Promise<ArrowLikeTable> | ArrowLikeTable;
  close(): Promise<void> | void;
}

function arrowRows(table: ArrowLikeTable): Row[] {
  const names = table.schema.fields.map((f) => f.name);
  const cols = names.map((_, i) => table.getChildAt(i));
  const rows: Row[] = new Array(table.numRows);
  for (let r = 0; r < table.numRows; r++) {
    const row: Row = {};
    for (let c = 0; c < names.length; c++) row[names[c]!] = toJs(cols[c]!.get(r));
    rows[r] = row;
  }
  return rows;
}

/**
 * Wraps an instantiated DuckDB-WASM database (browser worker or Node) as an Engine and locks it down:
 * no extension is installed or loaded, and only files under WASM_FILE_DIR, which the app registers
 * from the user's own files, can be read.
 */
export async function wasmEngine(db: WasmDb | AsyncDuckDB, con: WasmConnection | AsyncDuckDBConnection): Promise<Engine> {
  const c = con as WasmConnection;
  const d = db as WasmDb;
  for (const s of [
    ...LOCKDOWN,
    `SET allowed_directories = [${sqlString(WASM_FILE_DIR)}]`,
    'SET enable_external_access = false',
    'SET lock_configuration = true',
  ]) {
    await c.query(s);
  }
  return {
    name: 'duckdb-wasm',
    async run(sql) {
      await c.query(sql);
    },
    async query(sql) {
      return arrowRows(await c.query(sql));
    },
    async registerFile(name: string, source: FileSource) {
      if (!('bytes' in source)) throw new Error('the WASM engine reads files from their bytes');
      const path = WASM_FILE_DIR + name.replace(/[^A-Za-z0-9._-]/g, '_');
      await d.registerFileBuffer(path, source.bytes);
      return sqlString(path);
    },
    async close() {
      await c.close();
    },
  };
}
