import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { Field, Float64, Int32, makeData, RecordBatch, Schema, Struct, Table, tableToIPC, Utf8, type Data, type DataType } from 'apache-arrow';
import { LOCKDOWN, type ColumnData, type Engine, type FileSource, type Row, type TypedColumn } from './engine.js';
import { ident, sqlString, toJs } from './values.js';

/** Registered files live under this virtual folder; it is the only place SQL may read from. */
export const WASM_FILE_DIR = '/local/';

interface ArrowLikeTable {
  numRows: number;
  schema: { fields: { name: string }[] };
  getChildAt(i: number): { get(row: number): unknown; nullCount: number; toArray(): unknown } | null;
}

/** The part of DuckDB-WASM the engine uses; both the async (browser worker) and blocking (Node) builds fit. */
export interface WasmDb {
  registerFileBuffer(name: string, buffer: Uint8Array): Promise<void> | void;
  dropFile?(name: string): Promise<void> | void;
}
/** A record batch of a streamed result, as the engine reads it. */
interface ArrowLikeBatch {
  numRows: number;
  schema: { fields: { name: string }[] };
  getChildAt(i: number): { nullCount: number; toArray(): unknown } | null;
}
export interface WasmConnection {
  query(sql: string): Promise<ArrowLikeTable> | ArrowLikeTable;
  /** A streamed result (allowStreamResult): record batches as DuckDB produces them. */
  send(sql: string, allowStreamResult?: boolean): Promise<AsyncIterable<ArrowLikeBatch> | Iterable<ArrowLikeBatch>>;
  insertArrowFromIPCStream(buffer: Uint8Array, options: { name: string; create?: boolean }): Promise<void> | void;
  close(): Promise<void> | void;
}

/** Rows per Arrow record batch handed to DuckDB-WASM: bounds the extra memory of a load. */
const BATCH_ROWS = 1 << 17;

/** Arrow validity bitmap (LSB first) of valid[off, off + n), and the number of missing cells. */
function bitmap(valid: Uint8Array, off: number, n: number): { bits: Uint8Array; nulls: number } {
  const bits = new Uint8Array((n + 7) >> 3);
  let nulls = 0;
  for (let i = 0; i < n; i++) {
    if (valid[off + i]) bits[i >> 3]! |= 1 << (i & 7);
    else nulls++;
  }
  return { bits, nulls };
}

/** Arrow Utf8 data of strings[off, off + n) (missing cells: empty and null). */
function utf8Data(c: Extract<ColumnData, { type: 'varchar' }>, off: number, n: number): Data<Utf8> {
  const offsets = new Int32Array(n + 1);
  let bytes = new Uint8Array(Math.max(16, n * 8));
  const encoder = new TextEncoder();
  let at = 0;
  for (let i = 0; i < n; i++) {
    const s = c.valid && !c.valid[off + i] ? '' : c.values[off + i]!;
    if (at + s.length * 3 > bytes.length) {
      const grown = new Uint8Array(Math.max(bytes.length * 2, at + s.length * 3));
      grown.set(bytes.subarray(0, at));
      bytes = grown;
    }
    let k = 0;
    for (; k < s.length; k++) {
      const ch = s.charCodeAt(k);
      if (ch >= 0x80) break;
      bytes[at + k] = ch;
    }
    at += k < s.length ? k + encoder.encodeInto(s.slice(k), bytes.subarray(at + k)).written : k;
    offsets[i + 1] = at;
  }
  const v = c.valid ? bitmap(c.valid, off, n) : { bits: undefined, nulls: 0 };
  return makeData({ type: new Utf8(), length: n, nullCount: v.nulls, valueOffsets: offsets, data: bytes.subarray(0, at), nullBitmap: v.bits });
}

/** One record batch of columns[.][off, off + n) as an Arrow IPC stream (schema + batch). */
function ipcBatch(columns: ColumnData[], off: number, n: number): Uint8Array {
  const children: Data[] = columns.map((c) => {
    if (c.type === 'varchar') return utf8Data(c, off, n);
    const v = c.valid ? bitmap(c.valid, off, n) : { bits: undefined, nulls: 0 };
    return c.type === 'int32'
      ? makeData({ type: new Int32(), length: n, nullCount: v.nulls, data: c.values.subarray(off, off + n), nullBitmap: v.bits })
      : makeData({ type: new Float64(), length: n, nullCount: v.nulls, data: c.values.subarray(off, off + n), nullBitmap: v.bits });
  });
  const fields = columns.map((c, j) => new Field(c.name, children[j]!.type as DataType, true));
  const schema = new Schema(fields);
  const batch = new RecordBatch(schema, makeData({ type: new Struct(fields), length: n, nullCount: 0, children }));
  return tableToIPC(new Table(schema, [batch]), 'stream');
}

/** The batches of one column as one typed array. */
function concatColumns(list: TypedColumn[]): TypedColumn {
  if (list.length === 1) return list[0]!;
  const first = list[0]!;
  const out = new (first.constructor as new (n: number) => TypedColumn)(list.reduce((n, a) => n + a.length, 0));
  let at = 0;
  for (const a of list) {
    if (a.constructor !== first.constructor) throw new Error('internal: a column changed type between batches');
    out.set(a as never, at);
    at += a.length;
  }
  return out;
}

/** The typed columns of a result without rows (a stream of no batch): empty arrays of its types. */
function emptyColumns(table: ArrowLikeTable): Record<string, TypedColumn> {
  const out: Record<string, TypedColumn> = {};
  table.schema.fields.forEach((f, i) => {
    const values = table.getChildAt(i)!.toArray();
    if (!(values instanceof Float64Array || values instanceof Int32Array || values instanceof Int8Array)) {
      throw new Error(`column ${f.name} is not DOUBLE, INTEGER or TINYINT`);
    }
    out[f.name] = values;
  });
  return out;
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
    readsParquet: false,
    async run(sql) {
      await c.query(sql);
    },
    async query(sql) {
      return arrowRows(await c.query(sql));
    },
    async columns(sql) {
      // Streamed, batch by batch: DuckDB-WASM never holds the whole result (millions of rows) in its
      // memory, which only grows (WebAssembly memory is never given back): the app's peak memory.
      const parts = new Map<string, TypedColumn[]>();
      for await (const batch of await c.send(sql, true)) {
        batch.schema.fields.forEach((f, i) => {
          const col = batch.getChildAt(i)!;
          if (col.nullCount > 0) throw new Error(`column ${f.name} has NULL values`);
          const values = col.toArray();
          if (!(values instanceof Float64Array || values instanceof Int32Array || values instanceof Int8Array)) {
            throw new Error(`column ${f.name} is not DOUBLE, INTEGER or TINYINT`);
          }
          if (!parts.has(f.name)) parts.set(f.name, []);
          parts.get(f.name)!.push(values);
        });
      }
      if (!parts.size) return emptyColumns(await c.query(sql));
      const out: Record<string, TypedColumn> = {};
      for (const [name, list] of parts) out[name] = concatColumns(list);
      return out;
    },
    async registerFile(name: string, source: FileSource) {
      if (!('bytes' in source)) throw new Error('the WASM engine reads files from their bytes');
      const path = WASM_FILE_DIR + name.replace(/[^A-Za-z0-9._-]/g, '_');
      // In the browser build, DuckDB-WASM transfers the buffer it is given to its worker, which leaves
      // the caller's array empty; the caller (and its other views of the same bytes) keeps its copy.
      await d.registerFileBuffer(path, source.bytes.slice());
      return sqlString(path);
    },
    async dropFile(ref: string) {
      const path = ref.replace(/^'|'$/g, '').replace(/''/g, "'");
      if (path.startsWith(WASM_FILE_DIR)) await d.dropFile?.(path);
    },
    async insertColumns(table: string, columns: ColumnData[], rows: number, progress?: (rowsDone: number) => void) {
      await c.query(`DROP TABLE IF EXISTS ${ident(table)}`);
      if (columns.length === 0) {
        await c.query(`CREATE TABLE ${ident(table)} AS SELECT 1 WHERE false`);
        return;
      }
      for (let off = 0; off === 0 || off < rows; off += BATCH_ROWS) {
        const n = Math.min(BATCH_ROWS, rows - off);
        await c.insertArrowFromIPCStream(ipcBatch(columns, off, n), { name: table, create: off === 0 });
        progress?.(off + n);
      }
    },
    async insertArrowIPC(table: string, ipc: Uint8Array) {
      await c.query(`DROP TABLE IF EXISTS ${ident(table)}`);
      await c.insertArrowFromIPCStream(ipc, { name: table, create: true });
    },
    async close() {
      await c.close();
    },
  };
}
