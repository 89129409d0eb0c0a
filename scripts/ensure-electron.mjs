// Why this exists: Electron is an optional dependency because its own install
// script downloads the Electron binary from the internet. Where that works
// (a developer's or user's machine), Electron installs normally and this
// script does nothing. Where it cannot (offline build machines, CI here), npm
// drops the optional package; this script then puts the package itself back
// (from the npm registry, without its download script) so that the Electron
// main and preload code still type-check against Electron's own typings.
// `npm start` then serves the renderer as a local web page instead.
import { existsSync, mkdtempSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

const root = new URL('..', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const version = pkg.optionalDependencies?.electron;
const target = join(root, 'node_modules', 'electron');

if (!version || existsSync(join(target, 'package.json'))) process.exit(0);

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const dir = mkdtempSync(join(tmpdir(), 'electron-pkg-'));
try {
  const out = execFileSync(npm, ['pack', `electron@${version}`, '--silent', '--pack-destination', dir], {
    cwd: dir, encoding: 'utf8', shell: process.platform === 'win32',
  }).trim().split('\n').pop();
  mkdirSync(target, { recursive: true });
  execFileSync('tar', ['-xzf', join(dir, out), '-C', target, '--strip-components=1']);
  console.log(`electron@${version}: the binary could not be downloaded here; installed the package ` +
    'without it (typings only). `npm start` will serve the app as a local web page.');
} catch (e) {
  console.warn(`electron@${version} could not be installed (${e.message.split('\n')[0]}); ` +
    'the Electron shell will not type-check. The rest of the app and its tests are unaffected.');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
