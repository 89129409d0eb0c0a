import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { AnalysisFile } from '../../analysis/types.js';
import { appForTests, chooseFiles, ROOT } from './browserApp.js';

/**
 * A province column written 1-5, with "01" and "04" in some rows (a file passed through a spreadsheet
 * and joined back): the Data step warns CATEGORY_SPELLINGS, and its button applies the recode the
 * message gives. The warning then goes, and the saved analysis holds the recode (every category, the
 * padded ones to the plain ones), which the command line reads the same way.
 */
const problems: string[] = [];
const ready = appForTests('clstats-recode-', problems);
let page: Page;

const PROVINCES = ['Centre', 'Littoral', 'Nord', 'Sud-Ouest', 'Équateur'];

describe('a category written two ways, in the app (Debian Chromium)', () => {
  it('the warning\'s button applies its recode: the warning goes, the saved analysis holds it', async () => {
    let dir: string;
    ({ page, dir } = ready());
    const [head, ...rows] = readFileSync(`${ROOT}sample-data/lfs_synthetic_children.csv`, 'utf8').trimEnd().split('\n');
    const at = head!.split(',').indexOf('province');
    const coded = rows.map((line, r) => line.split(',').map((v, j) => {
      if (j !== at) return v;
      const code = String(PROVINCES.indexOf(v) + 1);
      return r % 13 === 0 && (code === '1' || code === '4') ? `0${code}` : code;
    }).join(','));
    const file = join(dir, 'provinces.csv');
    writeFileSync(file, [head, ...coded].join('\n') + '\n');
    await chooseFiles(page, [file]);
    const warning = page.locator('li.message').filter({ hasText: 'CATEGORY_SPELLINGS' });
    await warning.first().waitFor({ timeout: 60_000 });
    expect(await warning.innerText()).toContain('"01" = "1", "04" = "4"');
    await warning.getByRole('button', { name: 'Apply this recode' }).click();
    await expect.poll(() => page.locator('li.message').filter({ hasText: 'CATEGORY_SPELLINGS' }).count(), { timeout: 60_000 }).toBe(0);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save analysis' }).click();
    const saved = join(dir, 'saved.clstats');
    await (await download).saveAs(saved);
    const a = JSON.parse(readFileSync(saved, 'utf8')) as AnalysisFile;
    expect(a.mapping.region).toEqual({ column: 'province', recode: { '01': '1', '04': '4', '1': '1', '2': '2', '3': '3', '4': '4', '5': '5' } });
    expect(await page.locator('li.message').filter({ hasText: 'RECODE_' }).count()).toBe(0);
    expect(problems).toEqual([]);
  }, 120_000);
});

const typedProblems: string[] = [];
const typedReady = appForTests('clstats-case-', typedProblems);

describe('a region name typed in capitals or without accents, in the app (Debian Chromium)', () => {
  it('CATEGORY_CASE_VARIANTS, whose button on the Map step applies its recode', async () => {
    // A walk: the advice named a button that only the Data step had.
    const { page, dir } = typedReady();
    const [head, ...rows] = readFileSync(`${ROOT}sample-data/lfs_synthetic_children.csv`, 'utf8').trimEnd().split('\n');
    const at = head!.split(',').indexOf('province');
    const typed = rows.map((line, r) => line.split(',').map((v, j) => (j !== at || r % 7 ? v : v === 'Nord' ? 'NORD' : v === 'Équateur' ? 'Equateur' : v)).join(','));
    const file = join(dir, 'typed.csv');
    writeFileSync(file, [head, ...typed].join('\n') + '\n');
    await chooseFiles(page, [file]);
    await page.locator('li.message').filter({ hasText: 'CATEGORY_CASE_VARIANTS' }).first().waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: /Map/ }).click();
    const warning = page.locator('.design-panel li.message').filter({ hasText: 'CATEGORY_CASE_VARIANTS' });
    await warning.first().waitFor({ timeout: 60_000 });
    expect(await warning.innerText()).toMatch(/"Nord" = "NORD"|"Équateur" = "Equateur"/);
    await warning.getByRole('button', { name: 'Apply this recode' }).click();
    await expect.poll(() => page.locator('li.message').filter({ hasText: 'CATEGORY_CASE_VARIANTS' }).count(), { timeout: 60_000 }).toBe(0);
    expect(await page.locator('li.message').filter({ hasText: 'RECODE_' }).count()).toBe(0);
    expect(typedProblems).toEqual([]);
  }, 120_000);
});
