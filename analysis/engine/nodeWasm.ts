import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Engine } from './engine.js';
import { wasmEngine, type WasmConnection, type WasmDb } from './wasmEngine.js';

/**
 * DuckDB-WASM in Node (the blocking build), loaded from the package's own bundled .wasm files, so
 * the tests and the command line can run the app's engine without a browser.
 */
export async function createNodeWasmEngine(): Promise<Engine> {
  const require = createRequire(import.meta.url);
  const main = require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');
  const dist = dirname(main);
  const duckdb = require(main) as typeof import('@duckdb/duckdb-wasm/blocking');
  const bundles = {
    mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs') },
    eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: join(dist, 'duckdb-node-eh.worker.cjs') },
  };
  const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate();
  const con = db.connect();
  return wasmEngine(db as unknown as WasmDb, con as unknown as WasmConnection);
}
