import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { AnalysisFile } from '../../analysis/types.js';
import { appForTests, chooseFiles, ROOT } from './browserApp.js';

/**
 * A workbook whose first sheet is notes (test/fixtures/import/formats/survey.xlsx: "Notes", then
 * "Enfants"), in the browser build. Opened alone, the Data step reads the notes and offers the other
 * sheet; choosing it reads the children, the mapping is suggested from their columns and the saved
 * analysis file names the sheet. Opened with an analysis file that names no sheet, the sheet with its
 * mapped columns is read at once, and a note says which.
 */
const DIR = `${ROOT}test/fixtures/import/formats/`;

const problems: string[] = [];
const ready = appForTests('clstats-sheet-', problems);
let page: Page;
let dir = '';
const choose = (files: string[]) => chooseFiles(page, files);

const summary = () => page.locator('.lead').first().textContent();

describe('a workbook whose first sheet is notes, in the app', () => {
  it('opened alone: the notes sheet (no data rows) is passed over, the sheets are offered, and another is read on choosing it', async () => {
    ({ page, dir } = ready());
    await choose([`${DIR}survey.xlsx`]);
    await page.getByRole('heading', { name: 'The data' }).waitFor({ timeout: 60_000 });
    const sheet = page.getByLabel('Sheet read:');
    await expect.poll(() => sheet.inputValue(), { timeout: 60_000 }).toBe('Enfants');
    await expect.poll(() => page.getByText('DATA_XLSX_SHEET_CHOSEN').count()).toBe(1);
    expect(await summary()).toBe('survey.xlsx: 576 rows, 18 columns');
    // The notes sheet chosen: it has no data rows, which the app says (the children stay until a sheet with data is read).
    await sheet.selectOption('Notes');
    await expect.poll(() => page.getByText('DATA_XLSX_SHEET_EMPTY').count(), { timeout: 60_000 }).toBe(1);
    expect(await page.getByText('Sheet "Notes" of survey.xlsx has no data rows.').count()).toBe(1);
    // The list shows the sheet still read, not the one that could not be.
    await expect.poll(() => sheet.inputValue()).toBe('Enfants');
    expect(await summary()).toBe('survey.xlsx: 576 rows, 18 columns');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save analysis' }).click();
    const file = join(dir, 'saved.json');
    await (await download).saveAs(file);
    const saved = JSON.parse(readFileSync(file, 'utf8')) as AnalysisFile;
    expect([saved.data, saved.mapping.weight, saved.mapping.age]).toEqual([{ path: 'survey.xlsx', sheet: 'Enfants' }, 'weight', 'age']);
    expect(problems).toEqual([]);
  }, 120_000);

  it('opened with an analysis file naming no sheet: the sheet with its columns is read, and a note says which', async () => {
    ({ page, dir } = ready());
    const analysis = JSON.parse(readFileSync(`${DIR}survey.analysis.json`, 'utf8')) as AnalysisFile & { $schema?: string };
    delete analysis.$schema;
    const file = join(dir, 'survey-xlsx.analysis.json');
    writeFileSync(file, JSON.stringify({ ...analysis, data: { path: 'survey.xlsx' } }));
    await page.getByRole('navigation', { name: 'Steps' }).getByRole('button').first().click();
    await choose([file, `${DIR}survey.xlsx`]);
    await expect.poll(summary, { timeout: 60_000 }).toBe('survey.xlsx: 576 rows, 18 columns');
    await expect.poll(() => page.getByText('DATA_XLSX_SHEET_CHOSEN').count()).toBe(1);
    expect(await page.getByLabel('Sheet read:').inputValue()).toBe('Enfants');
    expect(problems).toEqual([]);
  }, 120_000);

  it('a list of variables first and a hidden old copy of the data before the data: the data sheet is read, the hidden one is marked in the list', async () => {
    ({ page, dir } = ready());
    const [head, ...rows] = readFileSync(`${DIR}survey.csv`, 'utf8').trim().split('\n').map((l) => l.split(','));
    const wb = new ExcelJS.Workbook();
    const readme = wb.addWorksheet('LEEME');
    readme.addRows([['variable', 'etiqueta'], ...head!.map((h) => [h, `Etiqueta de ${h}`])]);
    const old = wb.addWorksheet('Datos 2019');
    old.state = 'hidden';
    old.addRows([head!, ...rows.slice(0, 40)]);
    wb.addWorksheet('Datos').addRows([head!, ...rows]);
    const file = join(dir, 'encuesta.xlsx');
    writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
    await page.getByRole('navigation', { name: 'Steps' }).getByRole('button').first().click();
    await choose([file]);
    await page.getByRole('heading', { name: 'The data' }).waitFor({ timeout: 60_000 });
    const sheet = page.getByLabel('Sheet read:');
    await expect.poll(() => sheet.inputValue(), { timeout: 60_000 }).toBe('Datos');
    expect(await summary()).toBe(`encuesta.xlsx: ${rows.length} rows, ${head!.length} columns`);
    expect(await sheet.locator('option').allTextContents()).toEqual(['LEEME', 'Datos 2019 (hidden in Excel)', 'Datos']);
    expect(problems).toEqual([]);
  }, 120_000);
});
