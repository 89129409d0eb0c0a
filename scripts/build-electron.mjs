// Bundles the Electron main process and preload script into dist/electron/*.cjs (CommonJS: the
// sandboxed preload must be a single CommonJS file). Electron itself stays external.
import { build } from 'esbuild';

await build({
  entryPoints: { main: 'electron/main.ts', preload: 'electron/preload.ts' },
  outdir: 'dist/electron',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  external: ['electron'],
  logLevel: 'warning',
});
