import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatPercent } from '../../analysis/present/format.js';
import { generate } from '../../scripts/bench/generate.js';
import { cliJson, launchChromium, ROOT, serveBuiltRenderer, watchProblems } from './browserApp.js';

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

/** The small survey written in every format the app reads (test/fixtures/import/formats). */
const FORMATS = 'test/fixtures/import/formats/';
let savNational = NaN;

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
  watchProblems(page, problems);
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
    // The sample is a MICS6-style file set: fs.sav with the household's columns (hh.sav) and the child's and mother's rows (hl.sav) joined.
    await expect.poll(() => page.getByText('fs.sav: 6,423 rows, 46 columns').count()).toBe(1);
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
    // The MICS hazardous conditions are named in words, not by their ids (heavy_loads), in the list that changes them.
    const cl4 = page.getByLabel('Condition asked by CL4', { exact: true });
    await expect(cl4.inputValue()).resolves.toBe('heavy_loads');
    await expect(cl4.locator('option:checked').textContent()).resolves.toBe('carrying heavy loads');
    // Its column shows the file's label of the question on hover, not the condition's id.
    const hover = await page.locator('.chips li').filter({ has: cl4 }).locator('span').first().getAttribute('title');
    expect(hover).toBe('Work involves carrying heavy loads');
    await expect(page.locator('select option[value="CL4"]').first().textContent()).resolves.toMatch(/^CL4 — Work involves carrying heavy loads/);
    // What an empty hazard answer means is shown, as the preset chose it: a question not asked.
    const blank = page.getByLabel('empty cells of the hazard columns mean', { exact: true });
    await expect(blank.locator('option:checked').textContent()).resolves.toBe('no (not asked)');
    // The role lists show each column's variable label, as the file has it.
    await expect(page.locator('select option[value="CB3"]').first().textContent()).resolves.toMatch(/^CB3 — \S/);
    await page.getByTestId('accept-mapping').click();
    await page.getByRole('heading', { name: 'Define child labour' }).waitFor();
  });

  it('a role\'s last column removed and another added keeps its settings; the focus stays on the list it was added from', async () => {
    // A walk: a column renamed in a new round was removed, then its new name added: "empty cells mean 0
    // hours" reset in silence (307 of 432 estimates changed), and each Add sent the focus to the heading.
    ready();
    await page.getByRole('button', { name: /Map/ }).click();
    const role = 'Hours of economic activity';
    const blank = page.getByLabel(`empty cells mean: ${role}`, { exact: true });
    await expect(blank.inputValue()).resolves.toBe('zero');
    await page.getByRole('button', { name: 'Remove CL3', exact: true }).click();
    await expect(blank.count()).resolves.toBe(0);
    const list = page.getByLabel(`Add a column: ${role}`, { exact: true }).first();
    await list.selectOption('CL3');
    await list.press('Tab');
    await page.keyboard.press('Space');
    await expect(page.getByRole('button', { name: 'Remove CL3', exact: true }).count()).resolves.toBe(1);
    await expect(blank.inputValue()).resolves.toBe('zero');
    await expect(page.getByLabel(`missing from: ${role}`, { exact: true }).inputValue()).resolves.toBe('97');
    await expect(page.evaluate("document.activeElement && document.activeElement.getAttribute('aria-label')")).resolves.toBe(`Add a column: ${role}`);
    await page.getByTestId('accept-mapping').click();
    await page.getByRole('heading', { name: 'Define child labour' }).waitFor();
  });

  it('keeps a framework editor on screen while a band is retyped through an invalid value, and says what is wrong', async () => {
    ready();
    await page.getByTestId('framework-ilo_ge2020').check();
    const card = page.locator('.fw-card.included').filter({ has: page.getByTestId('framework-ilo_ge2020') });
    await card.getByRole('button', { name: 'Edit thresholds' }).click();
    const from = card.getByLabel('Ages from').nth(2);
    await expect(from.inputValue()).resolves.toBe('15');
    // On the way from 15 to 16: the band reads 1-17, which overlaps the band before it.
    await from.fill('1');
    await page.getByText('FRAMEWORK_INVALID').first().waitFor();
    await expect(card.getByLabel('Ages from').nth(2).inputValue()).resolves.toBe('1');
    await expect(page.getByTestId('run').isDisabled()).resolves.toBe(true);
    await card.getByLabel('Ages from').nth(2).fill('15');
    await expect.poll(() => page.getByText('FRAMEWORK_INVALID').count()).toBe(0);
    await expect(page.getByTestId('run').isDisabled()).resolves.toBe(false);
    // Edited, the card says its description is the published definition's (the changes are listed under it).
    const hours = card.getByLabel('hours at or above (hours a week) 12-14');
    const description = () => card.locator('.fw-desc').textContent();
    await hours.fill('21');
    await expect.poll(description).toMatch(/^Published definition \(the thresholds changed are listed below\): /);
    // A decimal comma is a decimal (a walk: "14,5" became 145 hours in a number input, unsaid); more
    // hours than a week has stops with a message naming the range.
    await hours.fill('14,5');
    await expect.poll(() => card.textContent()).toContain('14.5');
    await expect(card.textContent()).resolves.not.toContain('145');
    await hours.fill('200');
    await page.getByText('must be a number from 0 to 168 (the hours of a week)').first().waitFor();
    // Said at the field too, which is marked invalid (a walk: the message was far below, the field unmarked).
    await expect(hours.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(card.locator(`#${await hours.getAttribute('aria-describedby')}`).textContent()).resolves.toBe('Hours a week: a number from 0 to 168.');
    await hours.fill('14');
    await expect(hours.getAttribute('aria-invalid')).resolves.toBe('false');
    await expect.poll(description).not.toMatch(/^Published definition/);
    await expect.poll(() => page.getByText('FRAMEWORK_INVALID').count()).toBe(0);
    // Escape closes it and gives the focus back to the button that opened it.
    await card.getByLabel('Ages from').nth(2).press('Escape');
    await expect.poll(() => card.locator('.fw-editor').count()).toBe(0);
    await expect(page.evaluate('document.activeElement.textContent')).resolves.toBe('Edit thresholds');
  });

  it('estimates the GE 2020 headline and shows the national child labour % the command line gives', async () => {
    ready();
    await page.getByTestId('framework-ilo_ge2020').check();
    await page.getByTestId('run').click();
    await page.getByTestId('select-framework').selectOption('ilo_ge2020', { timeout: 120_000 });
    await page.getByTestId('select-indicator').selectOption('child_labour');
    const shown = (await page.getByTestId('estimate-total-all-total').textContent()) ?? '';
    expect(shown).toBe(formatPercent('en', national(cliJson('sample-data/mics6_fileset.analysis.json').results)));
    expect(shown).toMatch(/^\d+\.\d$/);
    nationalShown = shown;
  }, 180_000);

  it('fits the standard table in a 1024-pixel window, gap and p-value columns included, in every language', async () => {
    ready();
    await page.setViewportSize({ width: 1024, height: 768 });
    const sideways: string[] = [];
    for (const lang of ['en', 'fr', 'es']) {
      await page.getByTestId('language').selectOption(lang);
      await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(lang);
      const widths = await page.locator('main .table-scroll').evaluateAll((boxes) => boxes.map((b) => { const box = b as unknown as { scrollWidth: number; clientWidth: number }; return [box.scrollWidth, box.clientWidth]; }));
      expect(widths.length).toBeGreaterThan(0);
      for (const [scroll, client] of widths) if (scroll! > client!) sideways.push(`${lang}: ${scroll} px of table in ${client} px`);
    }
    await page.getByTestId('language').selectOption('en');
    await page.setViewportSize({ width: 1360, height: 900 });
    expect(sideways).toEqual([]);
  });

  it('draws the prevalence chart with bars and error bars in SVG', async () => {
    ready();
    await page.getByRole('button', { name: /Charts/ }).click();
    const chart = page.getByTestId('chart-sex_age');
    await chart.locator('svg').waitFor({ timeout: 30_000 });
    // Five age groups x boys, girls, total: a bar and an interval for each (a black rule over a white halo).
    await expect.poll(() => chart.locator('svg .mark-rect.role-mark path').count()).toBe(15);
    await expect.poll(() => chart.locator('svg .mark-rule.role-mark line').count()).toBe(30);
    // Vega gives the chart its description as accessible name (on the element that holds the SVG).
    expect(await chart.locator('[aria-label*="confidence intervals"]').count()).toBeGreaterThan(0);
  });

  it('draws every chart the presentation layer makes: the standard four, then one per background characteristic', async () => {
    ready();
    const ids = await Promise.all((await page.locator('figure[data-testid^="chart-"]').all()).map((f) => f.getAttribute('data-testid')));
    const background = { school_attendance: 'CB7', functional_difficulty: 'fsdisability', mother_education: 'mother_ED5A', wealth_quintile: 'windex5', ethnicity: 'ethnicity' };
    expect(ids).toEqual(['chart-sex_age', 'chart-regions', 'chart-areas', 'chart-hazardous', ...Object.keys(background).map((b) => `chart-background_${b}`)]);
    // Each characteristic's categories (as the command line estimates them) x boys, girls and total: a bar each, with its interval.
    const results = cliJson('sample-data/mics6_fileset.analysis.json').results as Record<string, unknown>[];
    for (const [b, column] of Object.entries(background)) {
      const codes = new Set(results.filter((r) => r.framework === 'ilo_ge2020' && r.indicator === 'child_labour' && r.breakdown === column).map((r) => r[column]));
      expect(codes.size, column).toBeGreaterThan(1);
      const chart = page.getByTestId(`chart-background_${b}`);
      await chart.locator('svg').waitFor({ timeout: 30_000 });
      await expect.poll(() => chart.locator('svg .mark-rect.role-mark path').count()).toBe(codes.size * 3);
      await expect.poll(() => chart.locator('svg .mark-rule.role-mark line').count()).toBe(codes.size * 6);
    }
    expect(await page.getByTestId('chart-background_wealth_quintile').locator('svg').textContent()).toContain('Child labour by wealth index quintile');
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
      // The analysis names its data files (the set's three files) relative to itself, as the command line
      // expects, in the folder the sample's analysis file gives them (mics6/, as sample-data holds them).
      mkdirSync(join(dir, 'mics6'));
      for (const f of ['fs.sav', 'hh.sav', 'hl.sav']) copyFileSync(`${ROOT}sample-data/mics6/${f}`, join(dir, 'mics6', f));
      expect(formatPercent('en', national(cliJson(file).results))).toBe(nationalShown);
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

  it('asks before the page is left while an analysis is open (a reload here), and stays when told to', async () => {
    ready();
    // A walk lost a whole analysis to a reload: no question was asked.
    const asked = new Promise<string>((resolve) => page.once('dialog', (d) => {
      resolve(d.type());
      void d.dismiss();
    }));
    await page.evaluate('location.reload()');
    expect(await asked).toBe('beforeunload');
    await expect(page.getByRole('heading', { name: 'Graphiques' }).count()).resolves.toBe(1);
  });

  it('opens a malformed data file and shows the core’s coded message, translated', async () => {
    ready();
    await page.getByRole('button', { name: /Ouvrir/ }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choisir un fichier…' }).click();
    await (await chooser).setFiles({ name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from([0, 1, 2, 0xff, 0xfe, 0]) });
    const failure = page.getByTestId('failure');
    // Binary, not text: the core's reader says so with its code, before DuckDB sees it.
    await failure.getByText('DATA_NOT_TEXT').waitFor({ timeout: 30_000 });
    await expect(failure.textContent()).resolves.toContain('Le fichier de données broken.csv ne ressemble pas à un fichier texte (CSV)');
    await expect(failure.textContent()).resolves.toContain('Que faire');
  });

  it('cancels a running estimation at once, and estimates again afterwards', async () => {
    ready();
    // A file large enough for a run to take over a second (runs on the small sample now take a blink
    // once the session has it; on 300,000 children the run, with its classification on a helper
    // worker, could end before the click on Cancel): 1,000,000 synthetic children with the reference
    // sample's columns, opened with an analysis file as a user would.
    const dir = mkdtempSync(join(tmpdir(), 'clstats-cancel-'));
    try {
      const data = join(dir, 'children_1000000.csv');
      await generate(1_000_000, data);
      const analysisFile = join(dir, 'children.analysis.json');
      const reference = JSON.parse(readFileSync(`${ROOT}test/fixtures/reference.analysis.json`, 'utf8'));
      writeFileSync(analysisFile, JSON.stringify({ ...reference, $schema: undefined, data: { path: 'children_1000000.csv' } }));
      // The page is on the Open step (the malformed file before).
      for (const file of [analysisFile, data]) {
        const chooser = page.waitForEvent('filechooser');
        await page.getByRole('button', { name: 'Choisir un fichier…' }).click();
        await (await chooser).setFiles(file);
      }
      await page.getByTestId('validation-report').waitFor({ timeout: 120_000 });
      await page.getByRole('button', { name: /Définir/ }).click();
      await page.getByTestId('run').click();
      await page.getByRole('button', { name: 'Annuler' }).click();
      await page.getByText('Annulé.').waitFor();
      // The engine restarted with the file reloaded: the same estimation now completes.
      await page.getByTestId('run').click();
      await page.getByTestId('select-framework').selectOption('ilo_ge2020', { timeout: 180_000 });
      await page.getByTestId('select-indicator').selectOption('child_labour');
      const expected = formatPercent('fr', national(cliJson(analysisFile).results));
      await expect.poll(() => page.getByTestId('estimate-total-all-total').textContent(), { timeout: 60_000 }).toBe(expected);
      // A definition changed on the Define step, then back to the results without estimating: they say
      // they are the earlier definitions' until estimated again (a helper's walk saw old numbers shown as current).
      await page.getByRole('button', { name: /Définir/ }).click();
      await page.getByTestId('framework-sdg_871_econ').check();
      await page.getByRole('button', { name: /Résultats/ }).click();
      await expect.poll(() => page.getByTestId('results-stale').textContent()).toContain('les tableaux, graphiques et exports ci-dessous sont ceux des définitions précédentes');
      await page.getByRole('button', { name: 'Estimer à nouveau' }).click();
      await page.getByTestId('select-framework').selectOption('sdg_871_econ', { timeout: 180_000 });
      expect(await page.getByTestId('results-stale').count()).toBe(0);
      await page.getByTestId('select-framework').selectOption('ilo_ge2020');
      await expect.poll(() => page.getByTestId('estimate-total-all-total').textContent()).toBe(expected);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);

  it('opens the SPSS .sav file of the small survey with its analysis file, shows its labels and validation report, and gives the national figure of its CSV', async () => {
    ready();
    await page.getByRole('button', { name: /Ouvrir/ }).click();
    const choose = async (file: string) => {
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Choisir un fichier…' }).click();
      await (await chooser).setFiles({ name: file, mimeType: 'application/octet-stream', buffer: readFileSync(`${ROOT}${FORMATS}${file}`) });
    };
    // The analysis file first (it names survey.csv, which the page cannot open itself), then the data.
    await choose('survey.analysis.json');
    await page.getByText('survey.csv').first().waitFor();
    await choose('survey.sav');
    const report = page.getByTestId('validation-report');
    await report.waitFor({ timeout: 60_000 });
    await expect(report.textContent()).resolves.toMatch(/Lignes lues\s*\d/);
    // Value labels in the data preview.
    await expect.poll(() => page.locator('.preview').getByText('Garçon (1)').count()).toBeGreaterThan(0);

    await page.getByRole('button', { name: /Définir/ }).click();
    await page.getByTestId('run').click();
    await page.getByTestId('select-framework').selectOption('ilo_ge2020', { timeout: 120_000 });
    await page.getByTestId('select-indicator').selectOption('child_labour');
    const csv = cliJson(`${FORMATS}survey.analysis.json`).results;
    savNational = national(csv);
    const shown = (await page.getByTestId('estimate-total-all-total').textContent()) ?? '';
    expect(shown).toBe(formatPercent('fr', savNational));
    // The extra breakdown is named by the file's value labels, not its codes.
    await expect.poll(() => page.locator('table.report th[scope=row]').getByText('Fréquente', { exact: true }).count()).toBe(1);
  }, 180_000);

  it('takes codes for an industry not stated on the Map step, into the saved analysis file', async () => {
    ready();
    await page.getByRole('button', { name: /Variables/ }).click();
    const row = page.locator('.role-row').filter({ has: page.getByLabel('Branche (CITI Rév.4)') });
    const codes = row.getByLabel('codes manquants');
    await expect(codes.count()).resolves.toBe(2); // industry and occupation
    await codes.first().fill('9999, NS');
    await codes.first().blur();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /Enregistrer l.analyse/ }).click();
    const saved = JSON.parse(readFileSync(await (await download).path(), 'utf8'));
    expect(saved.mapping.industry).toEqual({ column: 'isic', level: 'division', missingCodes: ['9999', 'NS'] });
    expect(saved.mapping.occupation).toEqual({ column: 'isco' });
    // Back as it was, and to the results the next tests export.
    await codes.first().fill('');
    await codes.first().blur();
    await page.getByRole('button', { name: /Résultats/ }).first().click();
    await page.getByTestId('estimate-total-all-total').waitFor();
  });

  it('adds a breakdown column only with its Add button (arrow keys and letters in the list add nothing), and keeps the focus by the chips when one is removed', async () => {
    ready();
    await page.getByRole('button', { name: /Variables/ }).click();
    const list = page.getByRole('combobox', { name: 'Ajouter une colonne de ventilation…' });
    const chips = list.locator('xpath=ancestor::*[contains(@class, "add-column")]/preceding-sibling::ul[1]/li');
    const before = await chips.allTextContents();
    await list.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.type('h');
    await expect(chips.allTextContents()).resolves.toEqual(before);
    const column = await list.inputValue();
    expect(column).not.toBe('');
    await page.getByRole('button', { name: 'Ajouter une colonne de ventilation', exact: true }).click();
    await expect.poll(() => chips.count()).toBe(before.length + 1);
    const remove = page.getByRole('button', { name: `Retirer ${column}` });
    await remove.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => chips.count()).toBe(before.length);
    await expect.poll(() => page.evaluate<string>("document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.tagName")).toMatch(/^(Retirer .+|Ajouter une colonne de ventilation…)$/);
    await page.getByRole('button', { name: /Résultats/ }).first().click();
    await page.getByTestId('estimate-total-all-total').waitFor();
  });

  it('exports the Excel workbook, which exceljs reads back with the estimate of the run', async () => {
    ready();
    // The CSV is named as the workbook is, after the analysis' title (it was always child-labour-results.csv).
    const csv = page.waitForEvent('download');
    await page.getByTestId('export-csv').click();
    const csvName = (await csv).suggestedFilename();
    const download = page.waitForEvent('download');
    await page.getByTestId('export-xlsx').click();
    const saved = await download;
    expect(saved.suggestedFilename()).toMatch(/\.xlsx$/);
    expect(csvName).toBe(saved.suggestedFilename().replace(/\.xlsx$/, '.csv'));
    const dir = mkdtempSync(join(tmpdir(), 'clstats-e2e-'));
    try {
      const file = join(dir, saved.suggestedFilename());
      await saved.saveAs(file);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const long = wb.worksheets.find((ws) => ws.getCell(1, 1).value === 'framework')!;
      expect(long).toBeDefined();
      const head = (long.getRow(1).values as unknown[]).map(String);
      const col = (name: string) => head.indexOf(name);
      let estimate: unknown;
      long.eachRow((row) => {
        if (row.getCell(col('framework')).value === 'ilo_ge2020' && row.getCell(col('indicator')).value === 'child_labour' && row.getCell(col('breakdown')).value === 'total') {
          estimate = row.getCell(col('estimate')).value;
        }
      });
      expect(estimate).toBeCloseTo(savNational, 12);
      // The metadata sheet names the file the numbers come from.
      const cells: unknown[] = [];
      wb.worksheets.at(-1)!.eachRow((row) => row.eachCell((c) => cells.push(c.value)));
      expect(cells).toContain('survey.sav');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('exports the report as self-contained HTML in French, with its charts', async () => {
    ready();
    const download = page.waitForEvent('download');
    await page.getByTestId('export-html').click();
    const saved = await download;
    const dir = mkdtempSync(join(tmpdir(), 'clstats-e2e-'));
    try {
      const file = join(dir, saved.suggestedFilename());
      await saved.saveAs(file);
      const html = readFileSync(file, 'utf8');
      expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="fr">/);
      expect(html).toContain('<svg');
      expect(html).toContain('survey.sav');
      expect(html).not.toMatch(/<(script|link)\b/i);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('prints the report for PDF from a hidden frame of the page, without any security-policy violation', async () => {
    ready();
    await page.getByTestId('export-pdf').click();
    await page.locator('iframe.print-frame').waitFor({ state: 'attached', timeout: 30_000 });
    await expect.poll(() => page.locator('iframe.print-frame').evaluate((f) => (f as unknown as { contentDocument: { querySelectorAll(s: string): { length: number } } | null }).contentDocument?.querySelectorAll('svg').length ?? 0)).toBeGreaterThan(0);
  }, 60_000);

  it('opens the same survey as Parquet, Stata, Excel, compressed SPSS and TSV', async () => {
    ready();
    const summaries: string[] = [];
    for (const file of ['survey.parquet', 'survey-zstd.parquet', 'survey-118.dta', 'survey-114.dta', 'survey.xlsx', 'survey.zsav', 'survey.tsv']) {
      await page.getByRole('button', { name: /Ouvrir/ }).click();
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Choisir un fichier…' }).click();
      await (await chooser).setFiles({ name: file, mimeType: 'application/octet-stream', buffer: readFileSync(`${ROOT}${FORMATS}${file}`) });
      await page.getByText(new RegExp(`^${file.replace('.', '\\.')} : `)).waitFor({ timeout: 60_000 });
      await page.getByTestId('validation-report').waitFor({ timeout: 30_000 });
      summaries.push((await page.locator('p.lead').textContent())!.replace(file, 'survey'));
    }
    // The same rows and columns from every format.
    expect(new Set(summaries).size, summaries.join('; ')).toBe(1);
  }, 240_000);

  it('stops the estimate on an error of the validation report, with its coded message in French', async () => {
    ready();
    // The last file opened (survey.tsv), with its interviewer comments taken as the weight.
    await page.getByRole('button', { name: /Variables/ }).click();
    await page.getByLabel("Poids d'échantillonnage").selectOption('comment');
    await page.getByRole('button', { name: /Définir/ }).click();
    await page.getByTestId('run').click();
    const failure = page.getByTestId('failure');
    await failure.locator('.message-error').first().waitFor({ timeout: 60_000 });
    await expect(failure.locator('.message-error .message-code').first().textContent()).resolves.toMatch(/^(VALUE_NOT_NUMERIC|WEIGHT_MISSING)$/);
    await expect(failure.textContent()).resolves.toContain('Que faire');
    expect(await page.getByTestId('estimate-total-all-total').count()).toBe(0);
  }, 120_000);

  it('made no request beyond its own files, and raised no error or security-policy violation', () => {
    ready();
    expect(requests.length).toBeGreaterThan(5);
    expect(requests.filter((u) => new URL(u).origin !== origin)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
