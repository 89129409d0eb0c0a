import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeApp, openApp, ROOT, type OpenApp } from './browserApp.js';

/**
 * The messages of the app's runs (built, in Debian's Chromium), as a user reads them: the import's own
 * notes (a windows-1252 file, its encoding guessed) on the Data step and with every run's notes; and
 * after a run with two frameworks, a run with SDG 8.7.1 (economic activity only) alone lists the parts
 * of hazardous work that framework leaves out, once, on every step and in the HTML report: none of
 * the frameworks no longer chosen.
 */
let app: OpenApp | undefined;
let page: Page;
let setupError: Error | undefined;
const problems: string[] = [];

/** The small survey as windows-1252 text without its industry and occupation columns (isic, isco). */
function surveyWithoutWork(): Buffer {
  const text = readFileSync(`${ROOT}test/fixtures/import/formats/survey-1252.csv`).toString('latin1');
  const lines = text.split(/\r?\n/).filter((l) => l !== '').map((l) => l.split(',').filter((_, i) => i !== 12 && i !== 13).join(','));
  return Buffer.from(`${lines.join('\n')}\n`, 'latin1');
}

const step = (name: string) => page.getByRole('navigation').getByRole('button', { name: new RegExp(name) }).click();
const codes = (scope: ReturnType<Page['locator']>, code: string) => scope.locator('.message').filter({ has: page.locator('.message-code', { hasText: code }) });

beforeAll(async () => {
  try {
    app = await openApp(problems);
    page = app.page;
  } catch (e) {
    setupError = e as Error;
  }
}, 120_000);
afterAll(() => closeApp(app));

describe('the messages of a run in the app', () => {
  it('shows the import\'s notes on the Data step, and a later run\'s own findings only, with them, on every step and in the report', async () => {
    if (setupError) throw setupError;
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose a file…' }).click();
    await (await chooser).setFiles({ name: 'survey-nowork.csv', mimeType: 'text/csv', buffer: surveyWithoutWork() });
    await page.getByTestId('validation-report').waitFor({ timeout: 60_000 });
    const main = page.locator('main');
    await expect.poll(() => codes(main, 'DATA_ENCODING_GUESSED').count()).toBe(1);
    await expect(codes(main, 'DATA_ENCODING_GUESSED').textContent()).resolves.toContain('windows-1252');

    // A first run with the two frameworks of the draft, then one with SDG 8.7.1 (economic activity only).
    await step('Map');
    await page.getByTestId('accept-mapping').click();
    await page.getByTestId('run').click();
    await page.getByTestId('select-framework').waitFor({ timeout: 120_000 });
    await step('Define');
    await page.getByTestId('framework-ilo_ge2020').uncheck();
    await page.getByTestId('framework-sdg_871').uncheck();
    await page.getByTestId('framework-sdg_871_econ').check();
    await page.getByTestId('run').click();
    await expect.poll(() => page.getByTestId('select-framework').locator('option').count(), { timeout: 120_000 }).toBe(1);

    // Results: industry and occupation left out by that framework alone, and the import's note.
    const unmapped = codes(main, 'HAZARD_PART_UNMAPPED');
    await expect.poll(() => unmapped.count()).toBe(2);
    for (const text of await unmapped.allTextContents()) expect(text).toContain('Hazardous work under "SDG 8.7.1, economic activity only" leaves out');
    await expect(codes(main, 'DATA_ENCODING_GUESSED').count()).resolves.toBe(1);

    // The Data step's check of the same analysis: the same two.
    await step('Data');
    await page.getByTestId('validation-report').waitFor({ timeout: 60_000 });
    await expect.poll(() => unmapped.count()).toBe(2);
    for (const text of await unmapped.allTextContents()) expect(text).toContain('Hazardous work under "SDG 8.7.1, economic activity only" leaves out');

    // The HTML report's notes: the same, with the import's.
    await step('Results');
    const download = page.waitForEvent('download');
    await page.getByTestId('export-html').click();
    const html = readFileSync(await (await download).path(), 'utf8');
    expect(html.match(/\(HAZARD_PART_UNMAPPED\)/g)).toHaveLength(2);
    expect(html.match(/\(DATA_ENCODING_GUESSED\)/g)).toHaveLength(1);
    expect(problems).toEqual([]);
  }, 300_000);
});
