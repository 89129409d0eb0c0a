// Bundles the command line (TypeScript) into one ESM file. DuckDB packages stay external: they load
// their own native binary and .wasm files from node_modules.
import { build } from 'esbuild';

await build({
  entryPoints: ['analysis/cli/entry.ts'],
  outfile: 'dist/cli.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['@duckdb/node-api', '@duckdb/duckdb-wasm', 'parquet-wasm'],
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  logLevel: 'warning',
});

// The estimation pass's second thread (analysis/cli/foldThread.ts), beside the command line.
await build({
  entryPoints: ['analysis/cli/foldWorker.ts'],
  outfile: 'dist/foldWorker.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
});
