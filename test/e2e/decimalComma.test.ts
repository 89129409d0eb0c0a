import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parseAnalysis } from '../../analysis/analysisFile.js';
import { createNodeWasmEngine } from '../../analysis/engine/nodeWasm.js';
import { bytesSource, importData, importOptionsOf } from '../../analysis/import/load.js';
import type { AnalysisFile } from '../../analysis/types.js';
import { validateData } from '../../analysis/validate.js';
import { appForTests, chooseFiles, cliJson, ROOT } from './browserApp.js';

/**
 * A semicolon CSV with decimal commas ("577,7059"), as European labour force surveys often come, in
 * the browser build: the weights fail validation (VALUE_DECIMAL_COMMA) until the Data step's box
 * "Numbers use a decimal comma" is ticked; the file is then read again from the bytes the app holds,
 * the step and the mapping the user made stay, the error goes and the weight is a number. The saved
 * analysis file says data.decimalComma: true, so the command line reads the file the same way, and
 * opening it with its data shows the box ticked.
 */
const NAME = 'survey-semicolon.csv';
/** Written by scripts/fixtures/make-formats.ts: the survey of test/fixtures/import/formats with ";" and decimal commas. */
const FILE = `${ROOT}test/fixtures/import/formats/${NAME}`;

const problems: string[] = [];
const ready = appForTests('clstats-decimal-', problems);
let page: Page;
let dir = '';

const box = () => page.getByLabel('Numbers use a decimal comma (12,5)');
const weightType = () => page.locator('.columns-table tr').filter({ has: page.getByRole('rowheader', { name: 'weight', exact: true }) }).locator('td').first().textContent();
const decimalCommaErrors = () => page.getByText('VALUE_DECIMAL_COMMA').count();
/** The children counted by the validation report shown (its second count). */
const childrenShown = () => page.locator('[data-testid=validation-report] dd').nth(1).textContent();

/** The Data step once the quick check of the file read last has reported. */
async function checked(): Promise<void> {
  await page.getByRole('heading', { name: 'The data' }).waitFor({ timeout: 60_000 });
  await page.getByTestId('validation-report').waitFor({ timeout: 60_000 });
  await expect.poll(() => page.getByText('Checking…').count(), { timeout: 60_000 }).toBe(0);
}

const choose = (files: string[]) => chooseFiles(page, files);

/** The analysis file the app saves now. */
async function saveAnalysis(name: string): Promise<{ file: string; analysis: AnalysisFile }> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save analysis' }).click();
  const file = join(dir, name);
  await (await download).saveAs(file);
  return { file, analysis: JSON.parse(readFileSync(file, 'utf8')) as AnalysisFile };
}

/** The children the core counts for a saved analysis file, reading the file with its data spec's options. */
async function coreChildren(text: string): Promise<number> {
  const a = parseAnalysis(text, 'saved.clstats');
  const engine = await createNodeWasmEngine();
  try {
    await importData(engine, bytesSource(NAME, new Uint8Array(readFileSync(FILE))), importOptionsOf(a.data));
    return (await validateData(engine, a, NAME)).children;
  } finally {
    await engine.close();
  }
}

describe('a CSV with decimal commas in the app (Debian Chromium)', () => {
  let before: AnalysisFile;

  it('opens it: the weights are text and fail validation with VALUE_DECIMAL_COMMA; the box is unticked', async () => {
    ({ page, dir } = ready());
    await choose([FILE]);
    await checked();
    await expect.poll(decimalCommaErrors).toBeGreaterThan(0);
    expect(await box().isChecked()).toBe(false);
    expect(await weightType()).toBe('text');
    const { violations } = await new AxeBuilder({ page }).include('label:has([data-testid=decimal-comma])').analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    // A choice of the user's on the Map step, which the reading again must keep.
    await page.getByRole('button', { name: /Map/ }).click();
    await page.getByLabel('Region', { exact: true }).selectOption('region_code');
    before = (await saveAnalysis('before.clstats')).analysis;
    expect(before.data).toEqual({ path: NAME });
    expect(before.mapping.region).toEqual({ column: 'region_code' });
    await page.getByRole('button', { name: /Data/ }).click();
  }, 90_000);

  it('ticking the box reads the file again on the Data step: the error goes, the weight is a number, the mapping stays', async () => {
    ({ page, dir } = ready());
    await box().check();
    // Read again: the profile's weight is a number, then the quick check reports on the new table.
    await expect.poll(weightType, { timeout: 60_000 }).toBe('number');
    await checked();
    expect(await box().isChecked()).toBe(true);
    expect(await decimalCommaErrors()).toBe(0);
    const { file, analysis } = await saveAnalysis('after.clstats');
    expect(analysis.data).toEqual({ path: NAME, decimalComma: true });
    expect(analysis.mapping).toEqual(before.mapping);
    // The children shown are those the core counts reading the file as the saved analysis says.
    const children = await coreChildren(readFileSync(file, 'utf8'));
    expect(children).toBeGreaterThan(0);
    expect(await childrenShown()).toBe(children.toLocaleString('en'));
    // The command line runs the saved analysis beside the file, reading the weights the same way.
    copyFileSync(FILE, join(dir, NAME));
    const national = cliJson(file).results.find((r) => r.framework === 'ilo_ge2020' && r.indicator === 'child_labour' && r.breakdown === 'total');
    expect(national?.estimate).toEqual(expect.any(Number));
  }, 120_000);

  it('opening the saved analysis file with its data shows the box ticked and no decimal comma error', async () => {
    ({ page, dir } = ready());
    await page.getByRole('button', { name: /Open/ }).click();
    await choose([join(dir, 'after.clstats'), FILE]);
    await checked();
    expect(await box().isChecked()).toBe(true);
    expect(await decimalCommaErrors()).toBe(0);
    expect(await weightType()).toBe('number');
  }, 90_000);

  it('unticking reads decimal points again: the error is back and the saved analysis has no decimalComma', async () => {
    ({ page, dir } = ready());
    await box().uncheck();
    await expect.poll(weightType, { timeout: 60_000 }).toBe('text');
    await checked();
    expect(await box().isChecked()).toBe(false);
    await expect.poll(decimalCommaErrors).toBeGreaterThan(0);
    expect((await saveAnalysis('unticked.clstats')).analysis.data).toEqual({ path: NAME });
    expect(problems).toEqual([]);
  }, 90_000);
});
