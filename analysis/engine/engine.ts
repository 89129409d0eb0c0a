/**
 * The small interface the statistical core needs from a SQL engine. Two implementations ship:
 * DuckDB-WASM (the app's engine, also runnable in Node) and native DuckDB (`@duckdb/node-api`, the
 * command line's engine: faster, no 4 GB WebAssembly ceiling). The test suite runs against both.
 *
 * Every engine is locked down when it is created: extensions are never installed or loaded
 * (offline they would hang or fail), external access is off, and only the files the app registers
 * can be read. Numbers cross the boundary once, in `toJs` (values.ts): the core never sees a BigInt.
 */
export type Value = number | string | boolean | null;
export type Row = Record<string, Value>;

/** A local file given to the engine: a path on disk (native) or its bytes (WASM, browser). */
export type FileSource = { path: string } | { bytes: Uint8Array };

/**
 * A column decoded in JavaScript (SPSS, Stata, Excel readers), handed to the engine as typed arrays:
 * never one object per row. `valid` holds 1 where the cell is present, 0 where it is missing (absent:
 * every cell present). String cells of missing rows are ignored.
 */
export type ColumnData =
  | { name: string; type: 'int32'; values: Int32Array; valid?: Uint8Array }
  | { name: string; type: 'double'; values: Float64Array; valid?: Uint8Array }
  | { name: string; type: 'varchar'; values: readonly string[]; valid?: Uint8Array };

/** A numeric result column as a typed array: DOUBLE, INTEGER or TINYINT. */
export type TypedColumn = Float64Array | Int32Array | Int8Array;

export interface Engine {
  readonly name: 'duckdb-wasm' | 'duckdb-native';
  /** Runs statements that return nothing the caller needs. */
  run(sql: string): Promise<void>;
  /** Runs a query and returns plain rows (numbers, strings, booleans, null). */
  query(sql: string): Promise<Row[]>;
  /**
   * Runs a query whose columns are all DOUBLE, INTEGER or TINYINT and returns them as typed arrays, in
   * the query's row order (for estimation: millions of rows, never one object per row). The query must
   * not return NULL (COALESCE in SQL): a NULL cell is an error.
   */
  columns(sql: string): Promise<Record<string, TypedColumn>>;
  /**
   * Makes a file readable and returns the SQL string literal that names it (for read_csv). Both
   * engines take bytes; native DuckDB also takes a path declared when it was created.
   */
  registerFile(name: string, source: FileSource): Promise<string>;
  /**
   * Forgets a file given as bytes (registerFile's SQL literal) once it has been read into a table,
   * freeing the engine's copy of it. Files named by path are left alone.
   */
  dropFile?(ref: string): Promise<void>;
  /**
   * Creates (or replaces) `table` from columns decoded in JavaScript, in batches of rows (native: data
   * chunks through an appender; WASM: Arrow record batches). `progress` gets the rows loaded so far.
   */
  insertColumns(table: string, columns: ColumnData[], rows: number, progress?: (rowsDone: number) => void): Promise<void>;
  /**
   * Creates (or replaces) `table` from an Arrow IPC stream. DuckDB-WASM's path for Parquet files, which
   * a JavaScript/WebAssembly reader turns into Arrow (its own Parquet extension is never loaded).
   * Absent on engines that read Parquet themselves.
   */
  insertArrowIPC?(table: string, ipc: Uint8Array): Promise<void>;
  /** True when the engine reads Parquet files itself (native DuckDB, where Parquet is built in). */
  readonly readsParquet: boolean;
  close(): Promise<void>;
}

/** Settings applied to every engine before any data is read: nothing leaves the machine. */
export const LOCKDOWN = [
  "SET autoinstall_known_extensions = false",
  "SET autoload_known_extensions = false",
] as const;
