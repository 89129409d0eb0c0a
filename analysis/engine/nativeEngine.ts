import { DOUBLE, DuckDBDataChunk, DuckDBInstance, DuckDBVector, INTEGER, VARCHAR, type DuckDBConnection, type DuckDBMaterializedResult, type DuckDBType } from '@duckdb/node-api';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOCKDOWN, type ColumnData, type Engine, type FileSource, type Row, type TypedColumn } from './engine.js';
import { ident, sqlString, toJs } from './values.js';

/**
 * The columns of a materialised result as typed arrays. node-api hands each 2,048-row chunk's vector as
 * an object over the native memory; its typed array (`items`) is copied into one array per column
 * (reading cell by cell through getItem costs a call per cell, about 10x slower at 2M rows).
 */
function nativeColumns(result: DuckDBMaterializedResult): Record<string, TypedColumn> {
  const names = result.columnNames();
  const rows = result.rowCount;
  const out: Record<string, TypedColumn> = {};
  const chunks = result.chunkCount;
  let at = 0;
  for (let c = 0; c < chunks; c++) {
    const chunk = result.getChunk(c);
    const n = chunk.rowCount;
    for (let j = 0; j < names.length; j++) {
      const vector = chunk.getColumnVector(j) as unknown as {
        items?: TypedColumn;
        validity?: { data: unknown; itemValid(i: number): boolean };
        getItem(i: number): unknown;
      };
      const items = vector.items;
      if (!(items instanceof Float64Array || items instanceof Int32Array || items instanceof Int8Array)) {
        throw new Error(`column ${names[j]} is not DOUBLE, INTEGER or TINYINT`);
      }
      const name = names[j]!;
      out[name] ??= new (items.constructor as new (n: number) => TypedColumn)(rows);
      if (vector.validity?.data) {
        for (let i = 0; i < n; i++) if (!vector.validity.itemValid(i)) throw new Error(`column ${name} has a NULL at row ${at + i + 1}`);
      }
      out[name]!.set(items.subarray(0, n), at);
    }
    at += n;
  }
  if (chunks === 0) for (const name of names) out[name] = new Float64Array(0);
  return out;
}

interface NativeOptions {
  /** The only files the engine may read by path. */
  files?: string[];
  threads?: number;
  /** DuckDB's memory_limit (default 80 % of the RAM); beyond it, sorts and joins spill to the private folder. */
  memoryLimit?: string;
}

/** A DuckDB instance whose temporary directory is `scratch`, locked down before any data is read. */
async function openLocked(options: NativeOptions, scratch: string): Promise<{ instance: DuckDBInstance; con: DuckDBConnection }> {
  const instance = await DuckDBInstance.create(':memory:', {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
    temp_directory: scratch,
    ...(options.threads ? { threads: String(options.threads) } : {}),
    ...(options.memoryLimit ? { memory_limit: options.memoryLimit } : {}),
  });
  const con = await instance.connect();
  const allowed = (options.files ?? []).map(sqlString).join(', ');
  for (const s of [
    ...LOCKDOWN,
    `SET allowed_paths = [${allowed}]`,
    `SET allowed_directories = [${sqlString(scratch + '/')}]`,
    'SET enable_external_access = false',
    'SET lock_configuration = true',
  ]) {
    await con.run(s);
  }
  return { instance, con };
}

/**
 * Native DuckDB for the command line and the tests. The files it may read are fixed when it is
 * created (`allowed_paths`), then external access is switched off and the configuration locked, so
 * no later statement can reach the network or another file.
 *
 * Each engine has a private folder (mkdtemp: a new name, mode 0700, removed on close). It is DuckDB's
 * temporary directory, where big sorts and joins spill beyond the memory limit, and the scratch
 * folder where files given as bytes (a CSV transcoded from windows-1252 to UTF-8, for instance) are
 * written. It is the only folder the engine may read besides the declared files: DuckDB adds its
 * temporary directory to the allowed ones when external access is switched off, and its default
 * (`.tmp` in the working directory, shared with whatever else is there) would otherwise be readable.
 * Binary formats (.sav, .dta, .xlsx) never go through it: their decoded columns are appended in
 * data chunks (`insertColumns`).
 */
export async function createNativeEngine(options: NativeOptions = {}): Promise<Engine> {
  const scratch = mkdtempSync(join(tmpdir(), 'clstats-'));
  let instance: DuckDBInstance;
  let con: DuckDBConnection;
  try {
    ({ instance, con } = await openLocked(options, scratch));
  } catch (e) {
    rmSync(scratch, { recursive: true, force: true });
    throw e;
  }
  const registered = new Set(options.files ?? []);
  return {
    name: 'duckdb-native',
    readsParquet: true,
    async run(sql) {
      await con.run(sql);
    },
    async query(sql) {
      const reader = await con.runAndReadAll(sql);
      const names = reader.columnNames();
      const rows: Row[] = [];
      for (const values of reader.getRows()) {
        const row: Row = {};
        for (let i = 0; i < names.length; i++) row[names[i]!] = toJs(values[i]);
        rows.push(row);
      }
      return rows;
    },
    async columns(sql) {
      const result = (await con.run(sql)) as DuckDBMaterializedResult;
      return nativeColumns(result);
    },
    async registerFile(name: string, source: FileSource) {
      if ('bytes' in source) {
        const path = join(scratch, `${registered.size}-${name.replace(/[^A-Za-z0-9._-]/g, '_')}`);
        writeFileSync(path, source.bytes, { mode: 0o600, flag: 'wx' });
        registered.add(path);
        return sqlString(path);
      }
      if (!registered.has(source.path)) {
        throw new Error(`file ${name} was not declared when the engine was created`);
      }
      return sqlString(source.path);
    },
    async insertColumns(table: string, columns: ColumnData[], rows: number, progress?: (rowsDone: number) => void) {
      const types: DuckDBType[] = columns.map((c) => (c.type === 'int32' ? INTEGER : c.type === 'double' ? DOUBLE : VARCHAR));
      const sqlTypes = columns.map((c) => (c.type === 'int32' ? 'INTEGER' : c.type === 'double' ? 'DOUBLE' : 'VARCHAR'));
      await con.run(`CREATE OR REPLACE TABLE ${ident(table)} (${columns.map((c, j) => `${ident(c.name)} ${sqlTypes[j]}`).join(', ')})`);
      if (columns.length === 0) return;
      const appender = await con.createAppender(table);
      const size = DuckDBVector.standardSize();
      try {
        for (let off = 0; off < rows; off += size) {
          const n = Math.min(size, rows - off);
          const chunk = DuckDBDataChunk.create(types, n);
          columns.forEach((c, j) => fillVector(chunk.getColumnVector(j), c, off, n));
          appender.appendDataChunk(chunk);
          if (((off / size) & 63) === 63) {
            // Every 131,072 rows: say how far, and let the event loop run (the command line's progress line).
            progress?.(off + n);
            await new Promise((resolve) => setTimeout(resolve, 0));
          }
        }
      } finally {
        appender.closeSync();
      }
      progress?.(rows);
    },
    async close() {
      con.closeSync();
      instance.closeSync();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

/**
 * One column's cells [off, off + n) into a chunk's vector. Numbers are copied in one typed-array copy
 * into the vector's item buffer when node-api exposes it (`items`, a Float64Array or Int32Array: about
 * three times faster than a call per cell), then only the missing cells are marked; otherwise, and for
 * strings, through setItem. flush() hands the buffer to DuckDB.
 */
function fillVector(vector: DuckDBVector, c: ColumnData, off: number, n: number): void {
  const v = vector as unknown as { items?: unknown; setItem(i: number, x: number | string | null): void; flush(): void };
  const valid = c.valid;
  if (c.type !== 'varchar' && (c.type === 'double' ? v.items instanceof Float64Array : v.items instanceof Int32Array) && (v.items as Float64Array).length === n) {
    (v.items as Float64Array | Int32Array).set(c.values.subarray(off, off + n));
    if (valid) for (let i = 0; i < n; i++) if (!valid[off + i]) v.setItem(i, null);
  } else {
    const values = c.values;
    if (valid) for (let i = 0; i < n; i++) v.setItem(i, valid[off + i] ? values[off + i]! : null);
    else for (let i = 0; i < n; i++) v.setItem(i, values[off + i]!);
  }
  v.flush();
}
