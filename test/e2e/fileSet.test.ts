import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAnalysis } from '../../analysis/analysisFile.js';
import { createNodeWasmEngine } from '../../analysis/engine/nodeWasm.js';
import { importFileSet } from '../../analysis/import/fileSet.js';
import type { JoinReport } from '../../analysis/import/joinFiles.js';
import { bytesSource, importOptionsOf } from '../../analysis/import/load.js';
import { formatPercent } from '../../analysis/present/format.js';
import { standardTable } from '../../analysis/present/standardTable.js';
import { runAnalysis } from '../../analysis/run.js';
import type { AnalysisFile } from '../../analysis/types.js';
import { translate, type Lang, type MessageKey, type Params } from '../../renderer/i18n/translate.js';
import { joinSentences } from '../../renderer/model/joins.js';
import { cliJson, closeApp, openApp, ROOT, type OpenApp } from './browserApp.js';

/**
 * Issue 13 in the browser build: the three .sav files of the MICS6-style fixture set (fs, hh, hl)
 * chosen together; the Map step shows the joins the app proposes in words with their match counts
 * (the sentences of the joins the core makes from the set's analysis file); axe finds nothing serious
 * on that panel in any language; the run's table by wealth quintile and mother's education shows the
 * numbers of the core's own run of the analysis the app saves; the command line runs that saved
 * analysis beside the files; removing a join reads the files again without it.
 */
const DIR = `${ROOT}test/fixtures/fileset/`;
const FILES = ['fs.sav', 'hh.sav', 'hl.sav'];
const bytes = (f: string) => new Uint8Array(readFileSync(DIR + f));

let app: OpenApp | undefined;
let page: Page;
const problems: string[] = [];
let setupError: Error | undefined;
/** What the core's joins of the set's analysis file report (the standard MICS6 joins). */
let coreReports: JoinReport[] = [];
const standard = JSON.parse(readFileSync(DIR + 'fileset-sav.analysis.json', 'utf8')) as AnalysisFile;

function ready(): void {
  if (setupError) throw setupError;
}

beforeAll(async () => {
  try {
    const engine = await createNodeWasmEngine();
    try {
      const a = parseAnalysis(JSON.stringify(standard), 'fileset-sav.analysis.json');
      coreReports = (await importFileSet(engine, { source: bytesSource('fs.sav', bytes('fs.sav')) }, a.joins.map((spec) => ({ spec, source: bytesSource(spec.data.path, bytes(spec.data.path)) })))).joins;
    } finally {
      await engine.close();
    }
    app = await openApp(problems);
    page = app.page;
  } catch (e) {
    setupError = e as Error;
  }
}, 120_000);

afterAll(async () => {
  await closeApp(app);
});

const t = (lang: Lang) => (key: MessageKey, params?: Params) => translate(lang, key, params);
const joinTexts = () => page.locator('[data-testid=joins] .join-what').allTextContents();
const expectedTexts = (lang: Lang, names = ['hh', 'hl', 'mother']) =>
  coreReports.filter((r) => names.includes(r.name)).map((r) => {
    const s = joinSentences(t(lang), standard.joins!.find((j) => j.name === r.name), r);
    return `${s.what} ${s.matched}`;
  });

/** The core's run of an analysis file on the fixture's files: the standard table the Results step shows. */
async function coreTable(analysisText: string) {
  const a = parseAnalysis(analysisText, 'saved.clstats');
  const engine = await createNodeWasmEngine();
  try {
    const set = await importFileSet(engine, { source: bytesSource(a.data.path, bytes(a.data.path)), options: importOptionsOf(a.data) }, a.joins.map((spec) => ({ spec, source: bytesSource(spec.data.path, bytes(spec.data.path)) })));
    const result = await runAnalysis(engine, a, a.data.path);
    const labels = set.imported.labels;
    const u = a.mapping.universe;
    return standardTable(result, 'en', 'ilo_ge2020', 'child_labour', { labels, universeLabels: u ? labels.values[u.column] : undefined })!;
  } finally {
    await engine.close();
  }
}

describe('a survey file set in the browser (Debian Chromium)', () => {
  it('opens fs.sav, hh.sav and hl.sav chosen together, and reads them as one table of children', async () => {
    ready();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose a file…' }).click();
    await (await chooser).setFiles(FILES.map((name) => ({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(bytes(name)) })));
    await page.getByTestId('validation-report').waitFor({ timeout: 60_000 });
    const rows = coreReports[0]!.rows;
    await expect.poll(() => page.locator('p.lead').first().textContent()).toMatch(new RegExp(`^fs\\.sav: ${rows.toLocaleString('en')} rows, \\d+ columns`));
  }, 90_000);

  it('shows the proposed joins in words on the Map step, with the match counts the core gives', async () => {
    ready();
    await page.getByRole('button', { name: /Map/ }).click();
    await page.getByTestId('joins').waitFor();
    expect(coreReports.map((r) => r.name)).toEqual(['hh', 'hl', 'mother']);
    expect(coreReports[2]!.unmatched).toBeGreaterThan(0);
    expect(await joinTexts()).toEqual(expectedTexts('en'));
    expect((await joinTexts())[2]).toContain('from hl.sav by HH1, HH2, HL12 = HL1');
  });

  it('has no serious or critical axe violation on the joins panel, in English, French and Spanish', async () => {
    ready();
    const found: string[] = [];
    for (const lang of ['en', 'fr', 'es'] as const) {
      await page.getByTestId('language').selectOption(lang);
      await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(lang);
      expect(await joinTexts()).toEqual(expectedTexts(lang));
      const { violations } = await new AxeBuilder({ page }).include('[data-testid=joins]').analyze();
      found.push(...violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${lang}: ${v.id} ${v.help} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
    }
    expect(found).toEqual([]);
    await page.getByTestId('language').selectOption('en');
  }, 60_000);

  it('runs, and the table by wealth quintile and mother\'s education shows the core\'s numbers for the analysis the app saves', async () => {
    ready();
    await page.locator('.design-panel dd').first().waitFor({ timeout: 30_000 });
    await page.getByTestId('accept-mapping').click();
    await page.getByTestId('framework-ilo_ge2020').check();
    await page.getByTestId('run').click();
    await page.getByTestId('select-framework').selectOption('ilo_ge2020', { timeout: 120_000 });
    await page.getByTestId('select-indicator').selectOption('child_labour');
    const sections = await page.locator('table.report th[scope=rowgroup]').allTextContents();
    expect(sections).toEqual(expect.arrayContaining(['Wealth index quintile', 'Mother\'s education']));

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save analysis' }).click();
    const dir = mkdtempSync(join(tmpdir(), 'clstats-fileset-'));
    try {
      const file = join(dir, 'saved.clstats');
      await (await download).saveAs(file);
      const saved = readFileSync(file, 'utf8');
      expect((JSON.parse(saved) as AnalysisFile).joins).toEqual(standard.joins);
      const table = await coreTable(saved);
      const total = table.groups.flatMap((g) => g.columns.map((c) => `${g.key}/${c.key}`)).indexOf('total/estimate');
      const lines = table.lines.filter((l) => l.kind !== 'group' && (l.dim === 'windex5' || l.dim === 'mother_ED5A'));
      expect(new Set(lines.map((l) => l.dim))).toEqual(new Set(['windex5', 'mother_ED5A']));
      for (const l of lines) expect(await page.getByTestId(`estimate-${l.id}-total`).textContent(), l.id).toBe(l.cells[total]!.text);
      // The command line runs the saved analysis placed beside the files, to the figure shown.
      for (const f of FILES) copyFileSync(DIR + f, join(dir, f));
      const national = cliJson(file).results.find((r) => r.framework === 'ilo_ge2020' && r.indicator === 'child_labour' && r.breakdown === 'total')!.estimate as number;
      expect(await page.getByTestId('estimate-total-all-total').textContent()).toBe(formatPercent('en', national));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);

  it('removes a proposed join: the files are read again without it', async () => {
    ready();
    await page.getByRole('button', { name: /Map/ }).click();
    await page.getByRole('button', { name: 'Remove the join mother (hl.sav)' }).click();
    await expect.poll(joinTexts, { timeout: 60_000 }).toEqual(expectedTexts('en', ['hh', 'hl']));
    await page.getByRole('button', { name: /Data/ }).click();
    expect(await page.locator('.columns-table').getByText('mother_ED5A', { exact: true }).count()).toBe(0);
  }, 90_000);

  it('an analysis file with joins asks for each of its files, matches them by name, and reads them with its joins', async () => {
    ready();
    await page.getByRole('button', { name: /Open/ }).click();
    const choose = async (names: string[]) => {
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Choose a file…' }).click();
      await (await chooser).setFiles(names.map((name) => ({ name, mimeType: 'application/octet-stream', buffer: readFileSync(DIR + name) })));
    };
    await choose(['fileset-sav.analysis.json']);
    const need = page.getByTestId('need-files');
    await expect.poll(() => need.textContent()).toMatch(/reads the data files fs\.sav, hh\.sav, hl\.sav\. .*still missing: fs\.sav, hh\.sav, hl\.sav\.$/);
    await choose(['fs.sav', 'merged.sav']);
    await expect.poll(() => need.textContent()).toMatch(/still missing: hh\.sav, hl\.sav\.$/);
    await expect.poll(() => page.locator('p.notice').first().textContent()).toBe('merged.sav is not among the files the analysis reads (fs.sav, hh.sav, hl.sav), so it was not opened.');
    await choose(['hl.sav', 'hh.sav']);
    await page.getByTestId('validation-report').waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: /Map/ }).click();
    await expect.poll(joinTexts).toEqual(expectedTexts('en'));
    // Saved as it was opened: its mapping (not a suggestion), its data file and joins.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save analysis' }).click();
    const dir = mkdtempSync(join(tmpdir(), 'clstats-fileset-'));
    try {
      const file = join(dir, 'saved.clstats');
      await (await download).saveAs(file);
      const saved = JSON.parse(readFileSync(file, 'utf8')) as AnalysisFile;
      expect([saved.data, saved.joins, saved.mapping]).toEqual([standard.data, standard.joins, standard.mapping]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(problems).toEqual([]);
  }, 120_000);

  it('children whose household is not in hh.csv: JOIN_UNMATCHED is said on the Data step and beside the joins, before any run', async () => {
    // A walk: found only in the results' notes, after the estimate.
    ready();
    const [head, ...households] = readFileSync(DIR + 'hh.csv', 'utf8').trimEnd().split('\n');
    const file = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
    await page.getByRole('navigation').getByRole('button', { name: /Open/ }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose a file…' }).click();
    await (await chooser).setFiles([file('fs.csv', readFileSync(DIR + 'fs.csv', 'utf8')), file('hh.csv', [head, ...households.slice(20)].join('\n') + '\n'), file('hl.csv', readFileSync(DIR + 'hl.csv', 'utf8'))]);
    await page.getByTestId('validation-report').waitFor({ timeout: 60_000 });
    const unmatched = (scope: string) => page.locator(scope).locator('.message').filter({ has: page.locator('.message-code', { hasText: 'JOIN_UNMATCHED' }) });
    await expect.poll(() => unmatched('main').count()).toBe(1);
    expect(await unmatched('main').textContent()).toContain('20 of the 2,199 rows of fs.csv have no row in hh.csv');
    await page.getByRole('button', { name: /Map/ }).click();
    await page.getByTestId('joins').waitFor();
    expect(await unmatched('[data-testid=joins]').count()).toBe(1);
  }, 90_000);
});
