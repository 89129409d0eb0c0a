import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../scripts/bench/generate.js';
import { closeApp, openApp, type OpenApp } from './browserApp.js';

/**
 * Loading a large file in the app (built, in Debian's Chromium): the progress panel names each step
 * of the load as it comes (reading, then describing the columns), the page stays responsive, and
 * Cancel stops the load at once (the focus on the step's heading), after which the app opens a file
 * as before.
 */
let app: OpenApp | undefined;
let page: Page;
let dir = '';
let setupError: Error | undefined;

beforeAll(async () => {
  try {
    app = await openApp(undefined, { locale: 'en-GB' });
    page = app.page;
    dir = mkdtempSync(join(tmpdir(), 'clstats-load-'));
  } catch (e) {
    setupError = e as Error;
  }
}, 120_000);

afterAll(async () => {
  await closeApp(app);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('loading a large file in the app', () => {
  it('names each step of the load, stays responsive, and cancels at once', async () => {
    if (setupError) throw setupError;
    // 1,200,000 synthetic children: a load of several seconds, its column description long enough to
    // be cancelled in (at 600,000 it could end before the click: the button left the page, a flaky run).
    const file = join(dir, 'children_1200000.csv');
    await generate(1_200_000, file);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose a file…' }).click();
    await (await chooser).setFiles(file);
    const panel = page.getByRole('status').filter({ has: page.getByRole('button', { name: 'Cancel' }) });
    // The step's name, as the worker reports it: reading the file, then describing its columns.
    await panel.getByText('Reading the file').waitFor({ timeout: 30_000 });
    await panel.getByText('Describing the columns').waitFor({ timeout: 60_000 });
    // The page answers while DuckDB works in the worker: the click lands and the load stops at once.
    const clicked = Date.now();
    await panel.getByRole('button', { name: 'Cancel' }).click();
    await page.getByText('Cancelled.').waitFor({ timeout: 5_000 });
    expect(Date.now() - clicked).toBeLessThan(5_000);
    await expect(panel.count()).resolves.toBe(0);
    // The Cancel button went with the panel: the focus is on the step's heading, not lost to the page's body.
    await expect(page.locator(':focus').textContent()).resolves.toBe('Open a survey file');
    // A fresh engine: the next file opens.
    await page.getByTestId('open-sample').click();
    await page.getByRole('heading', { name: 'The data' }).waitFor({ timeout: 60_000 });
  }, 180_000);
});
