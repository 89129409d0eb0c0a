// Builds the renderer (React + Vite) into dist/renderer with relative asset paths, so the same files
// work from the Electron shell (app://bundle/) and from the local web server (http://127.0.0.1).
// Everything the page loads is in that folder: DuckDB's worker and .wasm, the sample survey, fonts.
import { build } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../renderer', import.meta.url));

await build({
  root,
  base: './',
  configFile: false,
  logLevel: 'warn',
  plugins: [react()],
  worker: { format: 'es' },
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // Never inline assets as data: URLs: the Content Security Policy allows only the app's own files.
    assetsInlineLimit: 0,
    // DuckDB's worker and .wasm are large by nature; they are loaded on demand.
    chunkSizeWarningLimit: 4096,
    reportCompressedSize: false,
  },
});
