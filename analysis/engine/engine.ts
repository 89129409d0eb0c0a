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

export interface Engine {
  readonly name: 'duckdb-wasm' | 'duckdb-native';
  /** Runs statements that return nothing the caller needs. */
  run(sql: string): Promise<void>;
  /** Runs a query and returns plain rows (numbers, strings, booleans, null). */
  query(sql: string): Promise<Row[]>;
  /** Makes a file readable and returns the SQL string literal that names it (for read_csv). */
  registerFile(name: string, source: FileSource): Promise<string>;
  close(): Promise<void>;
}

/** Settings applied to every engine before any data is read: nothing leaves the machine. */
export const LOCKDOWN = [
  "SET autoinstall_known_extensions = false",
  "SET autoload_known_extensions = false",
] as const;
