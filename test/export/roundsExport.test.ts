import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runRoundsFile, roundsJsonOf } from '../../analysis/cli/rounds.js';
import { LANGS, t, type Lang } from '../../analysis/export/i18n.js';
import { exportCommand, type ExportIo } from '../../analysis/export/node.js';
import { escapeHtml } from '../../analysis/export/report.js';
import { AnalysisError } from '../../analysis/messages.js';
import { trendTable } from '../../analysis/present/trendTable.js';
import { parseCsv } from '../engines.js';

/**
 * `clstats export` on an analysis file with rounds (analysis/export/roundsNode.ts): the rounds
 * workbook, report, CSVs and trend chart files, in every language, from the three rounds of
 * test/fixtures/rounds (the last one without a chores module); the single-round do-file is refused.
 */
const FILE = new URL('../fixtures/rounds/rounds3.analysis.json', import.meta.url).pathname;

function io(): ExportIo & { errors: string[] } {
  const errors: string[] = [];
  return {
    errors,
    out: () => undefined,
    err: (s) => errors.push(s),
    version: '0.1.0',
    runFile: () => Promise.reject(new Error('a rounds file is not run as a single round')),
    inputsOf: (p) => [p],
  };
}

describe.each(LANGS)('clstats export on a rounds file (%s)', (lang: Lang) => {
  it('writes the trend workbook, report, CSVs and chart files, with the core’s changes', async () => {
    const dir = mkdtempSync(join(tmpdir(), `clstats-rounds-export-${lang}-`));
    const code = await exportCommand(
      [FILE, '--lang', lang, '--quiet', '--date', '2025-01-01T00:00:00Z', '--xlsx', join(dir, 'trends.xlsx'), '--csv', join(dir, 'rounds.csv'), '--html', join(dir, 'trends.html'), '--svg', join(dir, 'svg'), '--vega', join(dir, 'vega')],
      io(),
    );
    expect(code).toBe(0);
    const { result: rr } = await runRoundsFile(FILE, roundsJsonOf(FILE));
    const fw = 'sdg_871';
    const table = trendTable(rr, lang, fw, 'child_labour')!;

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'trends.xlsx'));
    const ws = wb.worksheets.find((w) => w.name === `T${table.n} ${t(lang, 'abbr.child_labour')} ${fw}`)!;
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    expect(texts).toContain(t(lang, 'trend.notComparable', { round: 'LFS 2024' }));
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining([t(lang, 'sheet.changes'), t(lang, 'sheet.roundMetadata', { round: 'LFS 2024' })]));

    const changes = parseCsv(readFileSync(join(dir, 'rounds.changes.csv'), 'utf8'));
    expect(changes).toHaveLength(rr.changes.length);
    const total = changes.find((c) => c.framework === fw && c.indicator === 'child_labour' && c.breakdown === 'total' && c.to === 'NCLS 2021')!;
    expect(Number(total.difference)).toBe(rr.changes.find((c) => c.framework === fw && c.indicator === 'child_labour' && c.breakdown === 'total' && c.to === 'NCLS 2021')!.difference);
    expect(parseCsv(readFileSync(join(dir, 'rounds.csv'), 'utf8'))[0]!.round).toBe('NCLS 2015');

    const html = readFileSync(join(dir, 'trends.html'), 'utf8');
    expect(html).toContain(`<html lang="${lang}">`);
    expect(html).toContain(escapeHtml(t(lang, 'report.trendTables')));
    for (const id of ['trend_sex', 'trend_regions']) {
      expect(existsSync(join(dir, 'svg', `${id}.svg`))).toBe(true);
      expect(html).toContain(`id="chart-${id}"`);
    }
    expect(JSON.parse(readFileSync(join(dir, 'vega', 'trend_sex.vl.json'), 'utf8')).config.locale).toBeDefined();
  }, 60_000);
});

// --r on a rounds file writes the rounds' R script (test/export/rscriptRounds.test.ts); the do-file is a single round's.
it('refuses --stata on a rounds file, saying what to do', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'clstats-rounds-export-stata-'));
  await expect(exportCommand([FILE, '--quiet', '--stata', join(dir, 'x.do')], io())).rejects.toThrow(AnalysisError);
  expect(existsSync(join(dir, 'x.do'))).toBe(false);
});
