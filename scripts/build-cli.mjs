// Bundles the command line (TypeScript) into ESM files in dist/: cli.mjs, the estimation pass's
// second thread foldWorker.mjs (analysis/cli/foldThread.ts), and chunks/ for what they share and for
// what is loaded only when asked for (the exports and their workbook library, DuckDB-WASM): a run
// does not parse them at startup. DuckDB packages stay external: they load their own native binary
// and .wasm files from node_modules.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// Chunks of an earlier build would stay beside the new ones (dist/ also holds the app's build).
rmSync('dist/chunks', { recursive: true, force: true });
await build({
  entryPoints: { cli: 'analysis/cli/entry.ts', foldWorker: 'analysis/cli/foldWorker.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  splitting: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['@duckdb/node-api', '@duckdb/duckdb-wasm', 'parquet-wasm'],
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  logLevel: 'warning',
});
