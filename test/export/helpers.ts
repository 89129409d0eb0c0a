import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import { resolveAnalysis } from '../../analysis/analysisFile.js';
import { runFile } from '../../analysis/cli/main.js';
import { buildMetadata, type ExportMetadata } from '../../analysis/export/metadata.js';
import { sha256File } from '../../analysis/export/node.js';
import type { DataLabels } from '../../analysis/import/labels.js';
import { runAnalysis, loadCsv, type AnalysisResult } from '../../analysis/run.js';
import { createNativeEngine } from '../../analysis/engine/nativeEngine.js';

export const ROOT = new URL('../..', import.meta.url).pathname;
export const MICS = join(ROOT, 'sample-data/mics6_synthetic.analysis.json');
export const LFS = join(ROOT, 'sample-data/lfs_synthetic.analysis.json');
export const REFERENCE = join(ROOT, 'test/fixtures/reference.analysis.json');
export const GOLDEN_DIR = join(ROOT, 'test/fixtures/golden');
/** A fixed date, so that exports made in tests are the same on every run. */
export const FIXED_DATE = '2025-01-01T00:00:00.000Z';

export interface Run {
  result: AnalysisResult;
  dataPath: string;
  meta: ExportMetadata;
}

/** Runs an analysis file on native DuckDB, optionally with options overridden, and builds its metadata. */
export async function runForExport(file: string, options?: Record<string, unknown>): Promise<Run> {
  let result: AnalysisResult;
  let dataPath: string;
  if (!options) ({ result, dataPath } = await runFile(file));
  else {
    const json = JSON.parse(readFileSync(file, 'utf8'));
    dataPath = join(dirname(file), json.data.path);
    const a = resolveAnalysis({ ...json, options: { ...json.options, ...options } }, file);
    const engine = await createNativeEngine({ files: [dataPath] });
    try {
      const ref = await engine.registerFile('data.csv', { path: dataPath });
      await loadCsv(engine, ref, dataPath, a.data.delimiter);
      // The data file's name, as the command line gives it (messages name the file, not its folder).
      result = await runAnalysis(engine, a, basename(dataPath));
    } finally {
      await engine.close();
    }
  }
  return { result, dataPath, meta: await testMetadata(result, file, dataPath) };
}

/** An export's metadata for a run of `file` on `dataPath`, dated FIXED_DATE. */
export async function testMetadata(result: AnalysisResult, file: string, dataPath: string, labels?: DataLabels): Promise<ExportMetadata> {
  return buildMetadata(result, {
    sourceName: basename(dataPath),
    sourceSha256: await sha256File(dataPath),
    analysisFile: basename(file),
    appVersion: '0.1.0',
    createdAt: FIXED_DATE,
    ...(labels ? { labels } : {}),
  });
}

/**
 * Doubles rounded to 12 significant digits: DuckDB sums in parallel, so the last bits of a double
 * can differ between runs; goldens must not.
 */
export function round12(x: unknown): unknown {
  if (typeof x === 'number') return Number.isFinite(x) && x !== 0 ? Number(x.toPrecision(12)) : x;
  if (Array.isArray(x)) return x.map(round12);
  if (x && typeof x === 'object' && !(x instanceof Date)) return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, round12(v)]));
  return x;
}

/**
 * Compares text with the committed golden file; UPDATE_GOLDEN=1 rewrites the file instead, so any
 * change shows in `git diff`.
 */
export function expectGolden(name: string, text: string): void {
  const path = join(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(path)) {
    if (process.env.UPDATE_GOLDEN !== '1' && process.env.CI) throw new Error(`golden file ${name} is missing: run with UPDATE_GOLDEN=1 and commit it`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    return;
  }
  expect(text, `golden ${name} differs: if the change is intended, run UPDATE_GOLDEN=1 npx vitest run test/export and commit`).toBe(readFileSync(path, 'utf8'));
}

const cellValue = (v: ExcelJS.CellValue): unknown => {
  if (v instanceof Date) return v.toISOString();
  if (v && typeof v === 'object' && 'hyperlink' in v) return { text: v.text, hyperlink: v.hyperlink };
  return round12(v);
};

/** Deep equality with numbers equal to a relative 1e-9 (goldens hold numbers to 12 digits). */
export function closeTo(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => closeTo(x, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k, i) => k === kb[i] && closeTo((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return a === b;
}

/**
 * A JSON golden: numbers rounded to 12 significant digits and compared to a relative 1e-9, so that
 * the last bits of DuckDB's parallel sums (which can change a 12th digit) never fail a test nor, with
 * UPDATE_GOLDEN=1, rewrite a file whose numbers did not really change.
 */
export function expectGoldenJson(name: string, value: unknown): void {
  const text = JSON.stringify(round12(value), null, 1) + '\n';
  const path = join(GOLDEN_DIR, name);
  if (existsSync(path) && closeTo(JSON.parse(readFileSync(path, 'utf8')), JSON.parse(text))) return;
  expectGolden(name, text);
}

/**
 * A workbook read back with exceljs, as JSON: per sheet its merges and every non-empty cell with its
 * value (numbers rounded to 12 digits), number format and boldness. The long sheets keep their
 * header, first rows and row count. With `only`, the other sheets keep just their name and row count
 * (their tables are the presentation layer's, whose golden is the table model's).
 */
export async function workbookJson(bytes: Uint8Array, longSheets: string[] = [], only?: (name: string) => boolean): Promise<unknown> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => {
    if (only && !only(ws.name) && !longSheets.includes(ws.name)) return { name: ws.name, rows: ws.rowCount };
    const cells: Record<string, unknown>[] = [];
    const long = longSheets.includes(ws.name);
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      if (long && r > 3) return;
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.isMerged && cell.master !== cell) return;
        cells.push({
          a: cell.address,
          v: cellValue(cell.value),
          ...(cell.numFmt ? { f: cell.numFmt } : {}),
          ...(cell.font?.bold ? { b: true } : {}),
        });
      });
    });
    return { name: ws.name, rows: ws.rowCount, merges: [...(ws.model.merges ?? [])].sort(), cells };
  });
}

/** The outline of a report: headings, key figures and every table's text, with volatile parts left out. */
export function htmlOutline(html: string): unknown {
  const text = (s: string) => s.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/\s+/g, ' ').trim();
  const headings = [...html.matchAll(/<(h[1-4])[^>]*>([\s\S]*?)<\/\1>/g)].map((m) => `${m[1]} ${text(m[2]!)}`);
  const cards = [...html.matchAll(/<div class="card"[^>]*>([\s\S]*?)\n<\/div>/g)].map((m) => text(m[1]!));
  const tables = [...html.matchAll(/<table class="stat"[\s\S]*?<\/table>\n(?:<\/div>\n)?<div class="notes">([\s\S]*?)<\/div>/g)].map((m) => {
    const t = m[0];
    return {
      caption: text(/<caption>([\s\S]*?)<\/caption>/.exec(t)![1]!),
      rows: [...t.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((r) => [...r[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => text(c[1]!)).join(' | ')),
      notes: text(m[1]!),
    };
  });
  const figures = [...html.matchAll(/<figure id="([^"]+)">[\s\S]*?<figcaption>([\s\S]*?)<\/figcaption>/g)].map((m) => `${m[1]}: ${text(m[2]!)}`);
  const meta = [...html.matchAll(/<table class="meta">([\s\S]*?)<\/table>/g)].flatMap((m) =>
    [...m[1]!.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((r) => text(r[1]!)),
  );
  return { lang: /<html lang="(\w+)"/.exec(html)?.[1], headings, cards, tables, figures, meta };
}
