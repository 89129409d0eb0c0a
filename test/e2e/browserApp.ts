import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { launchChromium } from './chromium.js';
import { serveRenderer } from '../../scripts/serve-renderer.mjs';

/**
 * The browser build for end-to-end tests: the built renderer on a loopback server, driven by Debian's
 * Chromium (chromium.ts).
 */
export { CHROMIUM, CHROMIUM_ARGS, launchChromium } from './chromium.js';
export const ROOT = new URL('../../', import.meta.url).pathname;
/** Builds the renderer unless `npm test` already did, then serves it on a free loopback port. */
export async function serveBuiltRenderer() {
  if (!existsSync(`${ROOT}dist/renderer/index.html`)) execFileSync(process.execPath, ['scripts/build-renderer.mjs'], { cwd: ROOT, stdio: 'inherit' });
  return serveRenderer(0);
}

/** Records the page's uncaught errors and console errors in `problems` (the tests assert there are none). */
export function watchProblems(page: Page, problems: string[]): void {
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
}

/** The built app open in a page of Debian's Chromium. */
export interface OpenApp {
  browser: Browser;
  server: Server;
  page: Page;
  url: string;
}

/** Launches Chromium, serves the built renderer and opens it in a new page (1360 x 900, en-GB by default); `problems` records its errors. */
export async function openApp(problems?: string[], context: BrowserContextOptions = { viewport: { width: 1360, height: 900 }, locale: 'en-GB' }): Promise<OpenApp> {
  const browser = await launchChromium();
  const { server, url } = await serveBuiltRenderer();
  const page = await (await browser.newContext(context)).newPage();
  if (problems) watchProblems(page, problems);
  await page.goto(url);
  return { browser, server, page, url };
}

/** Closes what openApp opened (nothing when it failed). */
export async function closeApp(app: OpenApp | undefined): Promise<void> {
  await app?.browser.close();
  app?.server.close();
}

/** What the command line prints for an analysis file (JSON), building the CLI first if needed. */
export function cliJson(analysisFile: string): { results: Record<string, unknown>[] } {
  if (!existsSync(`${ROOT}dist/cli.mjs`)) execFileSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: ROOT, stdio: 'inherit' });
  const out = execFileSync(process.execPath, ['analysis/cli/bin.mjs', 'run', analysisFile, '--format', 'json', '--quiet'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 ** 2 });
  return JSON.parse(out) as { results: Record<string, unknown>[] };
}

/**
 * An e2e file's app, opened before its tests and closed after them, with a scratch folder: `ready()`
 * gives the page and the folder, or throws why the app could not open (each test then fails saying so).
 * `problems` records the page's errors.
 */
export function appForTests(folderPrefix: string, problems?: string[]): () => { page: Page; dir: string } {
  let app: OpenApp | undefined;
  let dir = '';
  let setupError: Error | undefined;
  beforeAll(async () => {
    try {
      app = await openApp(problems);
      dir = mkdtempSync(join(tmpdir(), folderPrefix));
    } catch (e) {
      setupError = e as Error;
    }
  }, 120_000);
  afterAll(async () => {
    await closeApp(app);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    if (setupError || !app) throw setupError ?? new Error('the app did not open');
    return { page: app.page, dir };
  };
}

/** Chooses files with the Open step's button, as a user does. */
export async function chooseFiles(page: Page, files: string[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose a file…' }).click();
  await (await chooser).setFiles(files);
}
