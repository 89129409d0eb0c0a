import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatPoints } from '../../analysis/present/format.js';
import { parseCsv } from '../engines.js';
import { launchChromium, ROOT, serveBuiltRenderer } from './browserApp.js';

/**
 * Survey rounds in the browser build, as a user does it, against the command line:
 * 1. the rounds analysis file of test/fixtures/rounds opened with its two data files (the 2021 round
 *    numbers its regions 11-14 and harmonises them onto 1-4): the Map step shows that recode, and the
 *    change the Results step shows, total and by region, is the one `clstats run --changes` writes;
 * 2. the same two rounds built in the app: the 2015 analysis opened, "Add a round" with the 2021 file,
 *    its age and region mapped and its regions harmonised in the Map step; the analysis the app saves
 *    runs on the command line to the changes the app shows.
 * axe-core finds no serious or critical violation on the trend views, the rounds panel and the recode
 * editor, in English, French and Spanish.
 */
const DIR = `${ROOT}test/fixtures/rounds/`;
const FW = 'sdg_871';
const IND = 'child_labour';

let server: Server | undefined;
let url = '';
let browser: Browser | undefined;
let page: Page;
const problems: string[] = [];
let setupError: Error | undefined;

function ready(): void {
  if (setupError) throw setupError;
}

/** `clstats run FILE --changes`: the command line's changes of a rounds analysis file. */
function cliChanges(file: string): Record<string, string>[] {
  if (!existsSync(`${ROOT}dist/cli.mjs`)) execFileSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: ROOT, stdio: 'inherit' });
  const out = join(mkdtempSync(join(tmpdir(), 'clstats-rounds-e2e-')), 'changes.csv');
  execFileSync(process.execPath, ['analysis/cli/bin.mjs', 'run', file, '--changes', out, '--out', `${out}.rounds.csv`, '--quiet'], { cwd: ROOT, stdio: 'pipe' });
  return parseCsv(readFileSync(out, 'utf8'));
}

const fileOf = (name: string) => ({ name, mimeType: 'application/octet-stream', buffer: readFileSync(DIR + name) });

async function open(names: string[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose a file…' }).click();
  await (await chooser).setFiles(names.map(fileOf));
}

/** A change as the trend table must show it: the difference in points, signed, one decimal. */
const shown = (rows: Record<string, string>[], breakdown: string, cell: Record<string, string>) => {
  const row = rows.find((r) => r.framework === FW && r.indicator === IND && r.breakdown === breakdown && Object.entries(cell).every(([k, v]) => r[k] === v))!;
  return formatPoints('en', Number(row.difference));
};

async function axe(scope: string, lang: string, found: string[]): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).include(scope).analyze();
  found.push(...violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${lang} ${scope}: ${v.id} ${v.help} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
}

/** The trend table's change of a line (the first pair of rounds). */
const change = (line: string) => page.getByTestId(`difference-${line}-change-0`).textContent();

beforeAll(async () => {
  try {
    browser = await launchChromium();
    const served = await serveBuiltRenderer();
    server = served.server;
    url = served.url;
  } catch (e) {
    setupError = e as Error;
  }
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

async function freshPage(): Promise<void> {
  const context = await browser!.newContext({ viewport: { width: 1360, height: 900 }, locale: 'en-GB' });
  page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.goto(url);
}

async function runAndShowTrends(): Promise<void> {
  await page.getByRole('button', { name: /Define/ }).click();
  await page.getByTestId('run').click();
  await page.getByTestId('trends-title').waitFor({ timeout: 120_000 });
  await page.getByTestId('select-framework').selectOption(FW);
  await page.getByTestId('select-indicator').selectOption(IND);
}

describe('an analysis file with rounds, opened with its data files', () => {
  let cli: Record<string, string>[];
  beforeAll(async () => {
    if (setupError) return;
    cli = cliChanges(`${DIR}rounds.analysis.json`);
    await freshPage();
  }, 120_000);

  it('reads the last round and shows which round the steps show', async () => {
    ready();
    await open(['rounds.analysis.json', 'round1_2015.csv', 'round2_2021.csv']);
    await page.getByRole('heading', { name: 'The data' }).waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('round-shown').inputValue()).toBe('1');
    expect(await page.getByTestId('round-shown').locator('option').allTextContents()).toEqual(['NCLS 2015 (2015)', 'NCLS 2021 (2021)']);
  }, 90_000);

  it('the Map step shows the 2021 round’s regions harmonised onto the shared ones', async () => {
    ready();
    await page.getByRole('button', { name: /Map/ }).click();
    await page.getByTestId('recode-editor').waitFor();
    const json = JSON.parse(readFileSync(`${DIR}rounds.analysis.json`, 'utf8')) as { rounds: { mapping: { region: { recode: Record<string, string> } } }[] };
    for (const [code, to] of Object.entries(json.rounds[1]!.mapping.region.recode)) expect(await page.getByTestId(`recode-${code}`).inputValue()).toBe(to);
  });

  it('runs every round: the change shown, total and by region, is the command line’s', async () => {
    ready();
    await runAndShowTrends();
    // The keyboard focus on the step's heading, not on the page's body (the round's results screen
    // the first run showed is replaced by the trends).
    await page.getByTestId('run').waitFor({ state: 'detached' });
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('results-title');
    expect(await change('total-all')).toBe(shown(cli, 'total', {}));
    const regions = await page.locator('table.report tbody th[scope=row]').allTextContents();
    expect(regions).toEqual(expect.arrayContaining(['North', 'South', 'East', 'West']));
    for (const code of ['1', '2', '3', '4']) expect(await change(`region-${code}`), code).toBe(shown(cli, 'region', { region: code }));
    expect(await change('sex-male')).toBe(shown(cli, 'sex', { sex: '1' }));
    // The round's own tables are one choice away.
    await page.getByLabel('Tables of NCLS 2021').check();
    await page.getByTestId('estimate-total-all-total').waitFor();
    // The focus stays on the choice, drawn again by the round's screen, so that an arrow key switches back (a walk: it went to the heading).
    const focused = 'document.activeElement && [document.activeElement.name, document.activeElement.checked, document.activeElement.parentElement.textContent.trim()].join("|")';
    await expect.poll(() => page.evaluate(focused)).toBe('results-view|true|Tables of NCLS 2021');
    // Its tables say which round they are, in their captions and the design line (a walk: a copied table did not).
    expect(await page.locator('table.report caption .sub').first().textContent()).toMatch(/^NCLS 2021 — /);
    expect(await page.locator('p.hint', { hasText: 'children in scope' }).textContent()).toMatch(/^NCLS 2021: /);
    await page.keyboard.press('ArrowDown');
    await page.getByTestId('trends-title').waitFor();
    await expect.poll(() => page.evaluate(focused)).toBe('results-view|true|Trends between rounds');
    // A framework added on the Define step: the trends say they are the earlier definitions'; taken off
    // again, they are current again (no run needed).
    await page.getByRole('button', { name: /Define/ }).click();
    await page.getByTestId('framework-ilo_ge2020').check();
    await page.getByRole('button', { name: /Results/ }).click();
    await page.getByTestId('trends-title').waitFor();
    expect(await page.getByTestId('results-stale').textContent()).toContain('the tables, charts and exports below are those of the earlier definitions');
    await page.getByRole('button', { name: /Define/ }).click();
    await page.getByTestId('framework-ilo_ge2020').uncheck();
    await page.getByRole('button', { name: /Results/ }).click();
    await page.getByTestId('trends-title').waitFor();
    expect(await page.getByTestId('results-stale').count()).toBe(0);
  }, 180_000);

  it('the trend charts: each round’s own interval, and the regions as a slope chart', async () => {
    ready();
    await page.getByRole('button', { name: /Charts/ }).click();
    for (const id of ['trend_sex', 'trend_regions']) await page.getByTestId(`chart-${id}`).locator('svg').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('chart-trend_regions').locator('svg').textContent()).toContain('North');
    // Saved as the standard charts are, SVG or PNG (a walk found SVG only).
    expect(await page.getByTestId('chart-trend_sex').locator('.chart-buttons button').allTextContents()).toEqual(['Save as SVG', 'Save as PNG']);
  }, 60_000);

  it('exports the trends: the workbook’s trend table stores the command line’s change as a number', async () => {
    ready();
    const download = page.waitForEvent('download');
    await page.getByTestId('export-xlsx').focus();
    await page.keyboard.press('Enter');
    const file = join(mkdtempSync(join(tmpdir(), 'clstats-rounds-xlsx-')), 'trends.xlsx');
    await (await download).saveAs(file);
    // The button keeps the keyboard focus while and after the workbook is written.
    expect(await page.evaluate("document.activeElement && document.activeElement.getAttribute('data-testid')")).toBe('export-xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets.find((w) => w.name.endsWith(` CL ${FW}`))!;
    let total: number | undefined;
    ws.eachRow((row) => {
      if (row.getCell(1).value === 'Total' && total === undefined) total = row.getCell(2 + 4 * 2).value as number;
    });
    const row = cli.find((r) => r.framework === FW && r.indicator === IND && r.breakdown === 'total')!;
    expect(total).toBe(Number(row.difference) * 100);
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['Changes', 'Estimates by round']));
  }, 60_000);

  it('the top bar\'s CSV export writes every round\'s rows and the changes while the trends are shown (it wrote the last round alone)', async () => {
    ready();
    const download = page.waitForEvent('download');
    await page.locator('header button', { hasText: 'Export results (CSV)' }).click();
    expect((await download).suggestedFilename()).toBe('child-labour-rounds.csv');
  }, 60_000);

  it('exports the R script of every round and every change from the trends (it wrote the last round alone)', async () => {
    ready();
    const download = page.waitForEvent('download');
    await page.getByTestId('export-r').click();
    const saved = await download;
    expect(saved.suggestedFilename()).toBe('child-labour-trends.R');
    const file = join(mkdtempSync(join(tmpdir(), 'clstats-rounds-r-')), saved.suggestedFilename());
    await saved.saveAs(file);
    const script = readFileSync(file, 'utf8');
    expect(script).toMatch(/^## Round 1: /m);
    expect(script).toMatch(/^## Round 2: /m);
    expect(script).toContain('rounds_R_changes.csv');
  }, 60_000);

  it('has no serious or critical axe violation on the trend table, the trend charts and the rounds panel, in English, French and Spanish', async () => {
    ready();
    const found: string[] = [];
    for (const lang of ['en', 'fr', 'es'] as const) {
      await page.getByTestId('language').selectOption(lang);
      await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(lang);
      await page.locator('nav.steps button').nth(5).click();
      await page.getByTestId('chart-trend_sex').locator('svg').waitFor();
      await axe('main', lang, found);
      await page.locator('nav.steps button').nth(4).click();
      await page.getByTestId('trends-title').waitFor();
      await axe('main', lang, found);
      await page.locator('nav.steps button').nth(3).click();
      await page.getByTestId('rounds-panel').waitFor();
      await axe('main', lang, found);
      await page.locator('nav.steps button').nth(2).click();
      await page.getByTestId('recode-editor').waitFor();
      await axe('[data-testid=recode-editor]', lang, found);
    }
    expect(found).toEqual([]);
    await page.getByTestId('language').selectOption('en');
    expect(problems).toEqual([]);
  }, 180_000);
});

describe('two rounds built in the app: a second round added, mapped and harmonised', () => {
  beforeAll(async () => {
    if (setupError) return;
    await freshPage();
  }, 60_000);

  it('adds the 2021 round to the 2015 analysis, maps it, harmonises its regions, and shows the command line’s changes', async () => {
    ready();
    await open(['baseline.analysis.json', 'round1_2015.csv']);
    await page.getByRole('heading', { name: 'The data' }).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: /Define/ }).click();
    const now = page.getByTestId('round-this');
    await now.getByLabel('Label').fill('NCLS 2015');
    await now.getByLabel('Year').fill('2015');
    const next = page.getByTestId('round-new');
    await next.getByLabel('Label').fill('NCLS 2021');
    await next.getByLabel('Year').fill('2021');
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('add-round').click();
    await (await chooser).setFiles([fileOf('round2_2021.csv')]);
    // The new round's Map step: age and region are not suggested from these names; the user maps them.
    await page.getByTestId('round-bar').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('round-shown').inputValue()).toBe('1');
    await page.getByLabel('Age (completed years)', { exact: true }).selectOption('age_y');
    await page.getByLabel('Region', { exact: true }).selectOption('REG');
    await page.getByTestId('recode-editor').waitFor();
    for (const [code, to] of [['11', '1'], ['12', '2'], ['13', '3'], ['14', '4']]) await page.getByTestId(`recode-${code}`).selectOption(to!);
    await runAndShowTrends();

    // The analysis the app saves, beside the data files, on the command line.
    const dir = mkdtempSync(join(tmpdir(), 'clstats-rounds-app-'));
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save analysis' }).click();
    const file = join(dir, 'rounds.clstats');
    await (await download).saveAs(file);
    for (const f of ['round1_2015.csv', 'round2_2021.csv']) copyFileSync(DIR + f, join(dir, f));
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { rounds: { label: string; year: number; mapping: { region: { recode?: Record<string, string> } } }[] };
    expect(saved.rounds.map((r) => [r.label, r.year])).toEqual([['NCLS 2015', 2015], ['NCLS 2021', 2021]]);
    expect(saved.rounds[1]!.mapping.region.recode).toEqual({ 11: '1', 12: '2', 13: '3', 14: '4' });
    const cli = cliChanges(file);
    expect(await change('total-all')).toBe(shown(cli, 'total', {}));
    for (const code of ['1', '2', '3', '4']) expect(await change(`region-${code}`), code).toBe(shown(cli, 'region', { region: code }));
    // And the national change is that of the rounds file written by hand (the same two rounds, the same mapping).
    expect(shown(cli, 'total', {})).toBe(shown(cliChanges(`${DIR}rounds.analysis.json`), 'total', {}));
    expect(problems).toEqual([]);
  }, 300_000);

  it('refuses a rounds analysis whose rounds read different files of one name, or one data file, saying what to do (a walk: one fs.sav read for both rounds, every change 0)', async () => {
    ready();
    const rounds = JSON.parse(readFileSync(`${DIR}rounds.analysis.json`, 'utf8')) as { rounds: { data: { path: string } }[] };
    const withPaths = (paths: string[]) => ({ name: 'rounds.clstats', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...rounds, rounds: rounds.rounds.map((r, i) => ({ ...r, data: { ...r.data, path: paths[i] } })) })) });
    const said = (code: string) => page.locator('.message').filter({ has: page.locator('.message-code', { hasText: code }) });
    for (const [paths, code, text] of [
      [['2015/survey.csv', '2021/survey.csv'], 'ROUNDS_FILE_NAMES_SHARED', 'Rounds NCLS 2015 and NCLS 2021 each read a file named survey.csv'],
      [['round1_2015.csv', 'round1_2015.csv'], 'ROUNDS_SAME_DATA_FILE', 'Rounds NCLS 2015 and NCLS 2021 of rounds.clstats read the same data file, round1_2015.csv'],
    ] as const) {
      await page.getByRole('navigation').getByRole('button', { name: /Open/ }).click();
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Choose a file…' }).click();
      await (await chooser).setFiles([withPaths([...paths])]);
      await expect.poll(() => said(code).count()).toBe(1);
      expect(await said(code).textContent()).toContain(text);
    }
  }, 120_000);
});
