import ExcelJS from 'exceljs';
import { cellLabel } from '../import/labels.js';
import { GAP_COLUMNS, STAT_COLUMNS } from '../output.js';
import { labelDimensions } from '../present/longCsv.js';
import { formatCreated } from '../present/format.js';
import { metadataWords } from '../present/metadataWords.js';
import { samplingErrors } from '../present/samplingErrors.js';
import { standardTables, type TableOptions } from '../present/standardTable.js';
import type { Cell, Column, TableModel } from '../present/tableModel.js';
import { cellColumns, type AnalysisResult, type ResultRow } from '../run.js';
import { t, type Lang, type MessageKey } from './i18n.js';
import { appNameIn, type ExportMetadata } from './metadata.js';

/**
 * The Excel workbook (exceljs): a contents sheet, one sheet per standard table, the sampling errors,
 * the long format of every estimate and of the boys-girls gaps, and the metadata in words. Tables are
 * the presentation layer's (analysis/present): this file only lays their cells out.
 *
 * Numbers are stored as numbers with display formats, never as text: a percentage is stored as
 * 18.470945365350278 and shown as 18.5 (format 0.0); a figure to read with caution is the same
 * number shown as (18.5) by the format (0.0) (parentheses are literal in Excel formats). A cell
 * without a number holds the table's text: "*" for a suppressed figure (its interval and SE withheld
 * as "–"), "–" where there is no figure. The long-format sheet, like the CSV, keeps every number with
 * its flag for analysts.
 */
export interface WorkbookOptions extends TableOptions {
  lang?: Lang;
  /** Framework of the key figures (the sampling errors are every framework's). */
  framework?: string;
  /** Add the sheet with every estimate in the command line's long format (default true). */
  longSheet?: boolean;
  /** Add the sheet with the boys-girls gaps (default true when the results have gaps). */
  gapsSheet?: boolean;
  /** Add the sampling-errors sheet (default true). */
  samplingErrorsSheet?: boolean;
}

export const NUMBER_FORMATS = {
  percent: '0.0',
  percentCaution: '(0.0)',
  se: '0.00',
  count: '#,##0',
  gap: '+0.0;-0.0;0.0',
  p: '0.000',
  ratio: '0.000',
  deff: '0.00',
} as const;

const BOLD = { bold: true } as const;
const THIN = { style: 'thin' } as const;

/**
 * A sheet name Excel accepts: no []:*?/\, at most 31 characters, unique in the workbook. `keep`, the
 * part that tells sheets apart (a framework's id), is kept whole and the words before it are cut
 * instead, at a word's end: "Errores de muestreo ilo_ge2020_chores" becomes "Errores de
 * ilo_ge2020_chores", not a sheet "Errores de muestreo ilo_ge2020_" that looks like ilo_ge2020's.
 */
export function sheetName(wanted: string, used: Set<string>, keep = ''): string {
  const clean = (x: string) => x.replace(/[[\]:*?/\\]/g, ' ').replace(/^'+|'+$/g, '');
  const tail = clean(keep).slice(0, 31);
  const head = clean(wanted);
  const room = Math.max(0, 31 - tail.length - 1);
  // Cut at a word's end when the words do not fit ("Errores de muestreo" -> "Errores de").
  // The words that fit, cut after the last space within them; one long word is cut where it must be.
  const words = head.length <= room ? head : (/^(.*\S)\s/.exec(head.slice(0, room + 1))?.[1] ?? head.slice(0, room));
  const cut = (tail ? `${words.trim()} ${tail}`.trim() : head).slice(0, 31);
  const base = cut.trim() || 'Sheet';
  let name = base;
  for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base.slice(0, 31 - String(i).length - 1)}~${i}`;
  used.add(name.toLowerCase());
  return name;
}

function numberFormat(col: Column, c: Cell): string {
  if (col.kind === 'percent' || col.kind === 'interval') return c.flag === 'caution' ? NUMBER_FORMATS.percentCaution : NUMBER_FORMATS.percent;
  if (col.kind === 'points') return NUMBER_FORMATS.se;
  if (col.kind === 'gapInterval') return NUMBER_FORMATS.gap;
  if (col.kind === 'mark') return '@';
  // A p-value below 0.001 keeps its number (a filter or a sort on the column works) and shows the
  // table's text, "<0.001" in the language's decimal mark, as a format that is that literal text.
  if (col.kind === 'p' && c.numbers[0]! < 0.001) return `"${c.text}"`;
  return NUMBER_FORMATS[col.kind];
}

/** One number of a table cell (`part` 1: an interval's upper limit), or its text when it has none. */
function putCell(cell: ExcelJS.Cell, c: Cell, col: Column, part: number): void {
  const x = c.numbers[part];
  if (x === undefined) {
    cell.value = c.text;
    cell.alignment = { horizontal: 'right' };
  } else {
    cell.value = x;
    cell.numFmt = numberFormat(col, c);
  }
  if (c.strong) cell.font = BOLD;
}

/** The sheet columns of a table's column: two for an interval (lower, upper), else one. */
const span = (col: Column) => (col.kind === 'interval' || col.kind === 'gapInterval' ? 2 : 1);

function header(ws: ExcelJS.Worksheet, table: TableModel, width: number): number {
  const grouped = table.groups.some((g) => g.label !== '');
  const h1 = 4;
  const h2 = grouped ? 5 : 4;
  ws.getCell(h1, 1).value = table.stub;
  if (grouped) ws.mergeCells(h1, 1, h2, 1);
  ws.getCell(h1, 1).alignment = { vertical: 'bottom' };
  let c = 2;
  for (const g of table.groups) {
    const start = c;
    for (const col of g.columns) {
      const labels = span(col) === 2 ? col.parts ?? [col.label, col.label] : [col.label];
      for (const label of labels) {
        ws.getCell(h2, c).value = label;
        ws.getCell(h2, c).alignment = { horizontal: 'right', wrapText: true };
        c++;
      }
    }
    if (grouped) {
      ws.getCell(h1, start).value = g.label;
      if (c - 1 > start) ws.mergeCells(h1, start, h1, c - 1);
      ws.getCell(h1, start).alignment = { horizontal: 'center' };
    }
  }
  for (let k = 1; k <= width; k++) {
    ws.getCell(h1, k).font = BOLD;
    ws.getCell(h2, k).font = BOLD;
    ws.getCell(h1, k).border = { top: THIN };
    ws.getCell(h2, k).border = grouped ? { bottom: THIN } : { top: THIN, bottom: THIN };
  }
  ws.getRow(h2).height = grouped ? 30 : 45;
  return h2;
}

/** A table of the presentation layer on its own sheet, laid out like a survey report's table. */
export function tableSheet(ws: ExcelJS.Worksheet, table: TableModel): void {
  const cols = table.groups.flatMap((g) => g.columns);
  const width = 1 + cols.reduce((s, c) => s + span(c), 0);
  ws.getColumn(1).width = 34;
  for (let k = 2; k <= width; k++) ws.getColumn(k).width = 11;
  ws.getCell(1, 1).value = table.title;
  ws.getCell(1, 1).font = { bold: true, size: 12 };
  ws.getCell(2, 1).value = table.subtitle;
  ws.getCell(2, 1).font = { italic: true };
  const h2 = header(ws, table, width);
  let r = h2 + 1;
  for (const line of table.lines) {
    const label = ws.getCell(r, 1);
    label.value = line.label;
    if (line.kind !== 'value') label.font = BOLD;
    else label.alignment = { indent: 1 };
    let c = 2;
    line.cells.forEach((cell, i) => {
      const col = cols[i]!;
      for (let part = 0; part < span(col); part++) putCell(ws.getCell(r, c++), cell, col, part);
    });
    r++;
  }
  for (let k = 1; k <= width; k++) ws.getCell(r - 1, k).border = { bottom: THIN };
  r++;
  for (const note of table.footnotes) {
    const cell = ws.getCell(r, 1);
    cell.value = note.text;
    cell.font = { italic: true, size: 9 };
    cell.alignment = { wrapText: true, vertical: 'top' };
    ws.mergeCells(r, 1, r, width);
    ws.getRow(r).height = Math.max(15, 12 * Math.ceil(note.text.length / 140));
    r++;
  }
  ws.views = [{ state: 'frozen', xSplit: 1, ySplit: h2 }];
  ws.pageSetup = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `4:${h2}` };
}

/** Every estimate in the long format of the CSV, with the same label columns (the file's value labels). */
function longSheet(ws: ExcelJS.Worksheet, result: AnalysisResult, o: WorkbookOptions): void {
  const a = result.analysis;
  const cells = cellColumns(a);
  const dims = labelDimensions(a, o.labels);
  const labels = { variables: o.labels?.variables ?? {}, values: o.labels?.values ?? {}, missing: {}, declaredMissing: {} };
  ws.addRow(['framework', 'indicator', 'breakdown', ...cells, ...STAT_COLUMNS, ...dims.map((d) => `${d}_label`)]);
  for (const r of result.rows) {
    ws.addRow([
      r.framework, r.indicator, r.breakdown, ...cells.map((c) => r.cell[c]), ...STAT_COLUMNS.map((c) => r[c as keyof ResultRow] ?? null),
      ...dims.map((d) => cellLabel(a, labels, d, r.cell[d] ?? '')),
    ]);
  }
  ws.getRow(1).font = BOLD;
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 3 + cells.length + STAT_COLUMNS.length + dims.length } };
}

function gapsSheet(ws: ExcelJS.Worksheet, result: AnalysisResult): void {
  const cells = cellColumns(result.analysis).filter((c) => c !== 'sex');
  ws.addRow(['framework', 'indicator', 'breakdown', ...cells, ...GAP_COLUMNS]);
  for (const g of result.gaps) ws.addRow([g.framework, g.indicator, g.breakdown, ...cells.map((c) => g.cell[c]), ...GAP_COLUMNS.map((c) => g[c])]);
  ws.getRow(1).font = BOLD;
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

/** The metadata block in words (analysis/present/metadataWords.ts), section by section. */
export function metadataSheet(ws: ExcelJS.Worksheet, meta: ExportMetadata, lang: Lang): void {
  ws.getColumn(1).width = 44;
  ws.getColumn(2).width = 110;
  ws.getCell(1, 1).value = t(lang, 'report.metadata');
  ws.getCell(1, 1).font = { bold: true, size: 12 };
  let section = '';
  let r = 2;
  for (const row of metadataWords(meta, lang)) {
    if (row.section !== section) {
      section = row.section;
      r++;
      ws.getCell(r, 1).value = section;
      ws.getCell(r, 1).font = BOLD;
      r++;
    }
    ws.getCell(r, 1).value = row.label;
    ws.getCell(r, 2).value = row.value;
    ws.getCell(r, 2).alignment = { wrapText: true, vertical: 'top' };
    ws.getCell(r, 1).alignment = { vertical: 'top' };
    r++;
  }
}

export function contentsSheet(ws: ExcelJS.Worksheet, meta: ExportMetadata, lang: Lang, entries: { n: number | null; name: string; title: string }[]): void {
  ws.getColumn(1).width = 10;
  ws.getColumn(2).width = 24;
  ws.getColumn(3).width = 100;
  ws.getCell(1, 1).value = t(lang, 'contents.intro', { title: meta.title, date: formatCreated(meta.createdAt), app: appNameIn(lang, meta), version: meta.app.version });
  ws.getCell(1, 1).font = BOLD;
  ws.getRow(3).values = [t(lang, 'contents.table'), t(lang, 'contents.sheet'), t(lang, 'contents.title')];
  ws.getRow(3).font = BOLD;
  entries.forEach((e, i) => {
    const row = ws.getRow(4 + i);
    if (e.n !== null) row.getCell(1).value = e.n;
    row.getCell(2).value = { text: e.name, hyperlink: `#'${e.name.replace(/'/g, "''")}'!A1` };
    row.getCell(3).value = e.title;
  });
}

/** Builds the workbook (nothing is written: see `workbookBytes`). */
export function buildWorkbook(result: AnalysisResult, meta: ExportMetadata, opts: WorkbookOptions = {}): ExcelJS.Workbook {
  const lang = opts.lang ?? 'en';
  const wb = new ExcelJS.Workbook();
  wb.creator = `${meta.app.name} ${meta.app.version}`;
  wb.title = meta.title;
  wb.created = new Date(meta.createdAt);
  wb.modified = new Date(meta.createdAt);
  const used = new Set<string>();
  const contents = wb.addWorksheet(sheetName(t(lang, 'sheet.contents'), used));
  const entries: { n: number | null; name: string; title: string }[] = [];
  const tables = standardTables(result, lang, { ...opts, universeLabels: meta.design.universe?.labels, sourceName: meta.source.file });
  for (const table of tables) {
    const name = sheetName(`${table.n} ${t(lang, `abbr.${table.indicator}` as MessageKey)}`, used, table.framework.id);
    tableSheet(wb.addWorksheet(name), table);
    entries.push({ n: table.n, name, title: table.title });
  }
  // The sampling errors of every framework, as the standard tables: the workbook does not depend on
  // the framework shown on screen when it was exported.
  const multi = result.analysis.frameworks.length > 1;
  for (const fw of opts.samplingErrorsSheet ?? true ? result.analysis.frameworks : []) {
    const errors = samplingErrors(result, lang, { framework: fw.id, labels: opts.labels });
    if (!errors) continue;
    const name = sheetName(t(lang, 'sheet.samplingErrors'), used, multi ? fw.id : '');
    tableSheet(wb.addWorksheet(name), errors);
    entries.push({ n: null, name, title: errors.title });
  }
  const extra = (title: string, fill: (ws: ExcelJS.Worksheet) => void) => {
    const name = sheetName(title, used);
    fill(wb.addWorksheet(name));
    entries.push({ n: null, name, title });
  };
  if (opts.longSheet ?? true) extra(t(lang, 'sheet.long'), (ws) => longSheet(ws, result, opts));
  if ((opts.gapsSheet ?? true) && result.gaps.length) extra(t(lang, 'sheet.gaps'), (ws) => gapsSheet(ws, result));
  const metaName = sheetName(t(lang, 'sheet.metadata'), used);
  metadataSheet(wb.addWorksheet(metaName), meta, lang);
  entries.push({ n: null, name: metaName, title: t(lang, 'report.metadata') });
  contentsSheet(contents, meta, lang, entries);
  return wb;
}

/** The workbook as .xlsx bytes (Node and browser alike). */
export async function workbookBytes(result: AnalysisResult, meta: ExportMetadata, opts: WorkbookOptions = {}): Promise<Uint8Array> {
  const buf = await buildWorkbook(result, meta, opts).xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
