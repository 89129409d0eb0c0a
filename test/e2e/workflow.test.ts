import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatPercent } from '../../renderer/model/formatStat.js';
import { cliJson, launchChromium, ROOT, serveBuiltRenderer } from './browserApp.js';

/**
 * The whole workflow in the browser build, as a user does it: open the sample survey, accept the
 * suggested mapping, choose the GE 2020 headline, read the national figure, see the chart, switch to
 * French, open a malformed file. Every request the page (and its workers) makes is recorded: the app
 * must never reach beyond its own files.
 */
let server: Server | undefined;
let origin = '';
let browser: Browser | undefined;
let context: BrowserContext;
let page: Page;
const requests: string[] = [];
const problems: string[] = [];
let nationalShown = '';
const national = (results: Record<string, unknown>[]) =>
  results.find((r) => r.framework === 'ilo_ge2020' && r.indicator === 'child_labour' && r.breakdown === 'total')!.estimate as number;

let setupError: Error | undefined;

/**
 * A failed setup (no Chromium, say) fails every test with its message: Vitest would otherwise
 * report the tests as skipped, and a machine without Chromium would seem to pass.
 */
function ready(): void {
  if (setupError) throw setupError;
}

beforeAll(async () => {
  try {
    await setUp();
  } catch (e) {
    setupError = e as Error;
  }
});

async function setUp() {
  browser = await launchChromium();
  const served = await serveBuiltRenderer();
  server = served.server;
  origin = new URL(served.url).origin;
  context = await browser.newContext({ viewport: { width: 1360, height: 900 }, locale: 'en-GB' });
  context.on('request', (r) => requests.push(r.url()));
  page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  await page.goto(served.url);
}

afterAll(async () => {
  await browser?.close();
  server?.close();
});

describe('the app in a browser (Debian Chromium)', () => {
  it('opens the bundled sample survey and shows its data with the validation report', async () => {
    ready();
    await page.getByTestId('open-sample').click();
    await page.getByRole('heading', { name: 'The data' }).waitFor({ timeout: 60_000 });
    await expect.poll(() => page.getByText('mics6_synthetic_fs.csv: 6,141 rows, 36 columns').count()).toBe(1);
    await page.getByText('HAZARD_PART_UNMAPPED').first().waitFor({ timeout: 30_000 });
  });

  it('suggests the MICS6 mapping, shows the design, and accepts it', async () => {
    ready();
    await page.getByRole('button', { name: /Map/ }).click();
    await expect(page.getByLabel('Sampling weight').inputValue()).resolves.toBe('fsweight');
    await expect(page.getByLabel('Age (completed years)').inputValue()).resolves.toBe('CB3');
    const panel = page.locator('.design-panel');
    await panel.getByText('Degrees of freedom').waitFor({ timeout: 30_000 });
    await expect(panel.locator('dd').nth(4).textContent()).resolves.toBe('177');
    await page.getByTestId('accept-mapping').click();
    await page.getByRole('heading', { name: 'Define child labour' }).waitFor();
  });

  it('estimates the GE 2020 headline and shows the national child labour % the command line gives', async () => {
    ready();
    await page.getByTestId('framework-ilo_ge2020').check();
    await page.getByTestId('run').click();
    await page.getByTestId('select-framework').selectOption('ilo_ge2020', { timeout: 120_000 });
    await page.getByTestId('select-indicator').selectOption('child_labour');
    const shown = (await page.getByTestId('estimate-total-all-total').textContent()) ?? '';
    expect(shown).toBe(formatPercent(national(cliJson('sample-data/mics6_synthetic.analysis.json').results), 'en-GB'));
    expect(shown).toMatch(/^\d+\.\d$/);
    nationalShown = shown;
  }, 180_000);

  it('draws the prevalence chart with bars and error bars in SVG', async () => {
    ready();
    await page.getByRole('button', { name: /Charts/ }).click();
    const chart = page.getByTestId('chart-sex-age');
    await chart.locator('svg').waitFor({ timeout: 30_000 });
    // Five age groups x boys, girls, total: a bar and an error bar (a rule mark) for each.
    await expect.poll(() => chart.locator('svg .mark-rect.role-mark path').count()).toBe(15);
    await expect.poll(() => chart.locator('svg .mark-rule.role-mark line').count()).toBe(15);
    // Vega gives the chart its description as accessible name (on the element that holds the SVG).
    expect(await chart.locator('[aria-label*="confidence intervals"]').count()).toBeGreaterThan(0);
  });

  it('saves the analysis file, which the command line runs to the same figure', async () => {
    ready();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save analysis' }).click();
    const saved = await download;
    expect(saved.suggestedFilename()).toMatch(/\.clstats$/);
    const dir = mkdtempSync(join(tmpdir(), 'clstats-e2e-'));
    try {
      const file = join(dir, saved.suggestedFilename());
      await saved.saveAs(file);
      // The analysis names its data file relative to itself, as the command line expects.
      copyFileSync(`${ROOT}sample-data/mics6_synthetic_fs.csv`, join(dir, 'mics6_synthetic_fs.csv'));
      expect(formatPercent(national(cliJson(file).results), 'en-GB')).toBe(nationalShown);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('switches to French at any step', async () => {
    ready();
    await page.getByTestId('language').selectOption('fr');
    await page.getByRole('heading', { name: 'Graphiques' }).waitFor();
    await expect(page.getByTestId('select-indicator').locator('option:checked').textContent()).resolves.toBe('Travail des enfants');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('fr');
  });

  it('opens a malformed data file and shows the core’s coded message, translated', async () => {
    ready();
    await page.getByRole('button', { name: /Ouvrir/ }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choisir un fichier…' }).click();
    await (await chooser).setFiles({ name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from([0, 1, 2, 0xff, 0xfe, 0]) });
    const failure = page.getByTestId('failure');
    // Not UTF-8 text: DuckDB refuses it, and the core reports it with its code.
    await failure.getByText('DATA_FILE_UNREADABLE').waitFor({ timeout: 30_000 });
    await expect(failure.textContent()).resolves.toContain("Le fichier de données broken.csv n'a pas pu être lu");
    await expect(failure.textContent()).resolves.toContain('Que faire');
  });

  it('cancels a running estimation at once, and estimates again afterwards', async () => {
    ready();
    await page.getByRole('button', { name: /Définir/ }).click();
    await page.getByTestId('run').click();
    await page.getByRole('button', { name: 'Annuler' }).click();
    await page.getByText('Annulé.').waitFor();
    // The engine restarted with the survey reloaded: the same estimation now completes.
    await page.getByTestId('run').click();
    await page.getByTestId('estimate-total-all-total').waitFor({ timeout: 120_000 });
    await expect(page.getByTestId('estimate-total-all-total').textContent()).resolves.toBe(nationalShown.replace('.', ','));
  }, 180_000);

  it('made no request beyond its own files, and raised no error or security-policy violation', () => {
    ready();
    expect(requests.length).toBeGreaterThan(5);
    expect(requests.filter((u) => new URL(u).origin !== origin)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
