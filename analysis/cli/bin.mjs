#!/usr/bin/env node
// Installed as the `clstats` command. The TypeScript sources are bundled into dist/cli.mjs by
// `npm run build:cli` (run automatically by `npm ci` / `npm install` through the prepare script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../../dist/cli.mjs', import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write('clstats is not built yet: run `npm run build:cli` in the app folder.\n');
  process.exit(2);
}
await import(bundle);
