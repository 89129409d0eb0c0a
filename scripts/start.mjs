// `npm start`: the Electron window where Electron's binary is installed; otherwise (offline build
// machines, where npm could not download it) the same renderer served as a local web page.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const run = (script) => execFileSync(process.execPath, [script], { stdio: 'inherit' });

function electronBinary() {
  try {
    // The electron package exports the path of its binary; it throws when the binary was never downloaded.
    const path = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

run('scripts/build-renderer.mjs');
const electron = electronBinary();
if (electron) {
  run('scripts/build-electron.mjs');
  const child = spawn(electron, ['.'], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log('Electron is not installed here: serving the app as a local web page instead.');
  const { serveRenderer } = await import('./serve-renderer.mjs');
  const { url } = await serveRenderer(Number(process.env.PORT ?? 5178));
  console.log(`Open ${url} in a browser (this computer only). Ctrl+C stops it.`);
}
