import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileSource } from '../../analysis/cli/files.js';
import type { Engine } from '../../analysis/engine/engine.js';
import { createNativeEngine } from '../../analysis/engine/nativeEngine.js';
import { createNodeWasmEngine } from '../../analysis/engine/nodeWasm.js';
import { bytesSource, type ImportSource } from '../../analysis/import/load.js';
import type { EngineName } from '../engines.js';

/**
 * A data file as each engine is given it: native DuckDB reads CSV and Parquet from the path (declared
 * when the engine is created), the app's DuckDB-WASM gets the bytes, as in the app.
 */
export function sourceFor(engine: EngineName, path: string): ImportSource {
  return engine === 'duckdb-native' ? fileSource(path) : bytesSource(basename(path), new Uint8Array(readFileSync(path)));
}

/** An engine that may read the given files. */
export async function engineFor(name: EngineName, files: string[]): Promise<Engine> {
  return name === 'duckdb-wasm' ? createNodeWasmEngine() : createNativeEngine({ files });
}
