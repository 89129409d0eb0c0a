import ExcelJS from 'exceljs';
import { GAP_COLUMNS, STAT_COLUMNS } from '../output.js';
import { cellColumns, type AnalysisResult, type ResultRow } from '../run.js';
import { t, type Lang, type MessageKey } from './i18n.js';
import { metadataRows, type ExportMetadata } from './metadata.js';
import { buildTables, columnsOf, SEX_KEYS, statColumns, statHeader, type Columns, type ReportTable, type Stat, type TableOptions } from './tables.js';

/**
 * The Excel workbook (exceljs): a contents sheet, one sheet per table laid out like a survey report,
 * the long format of every estimate and of the boys-girls gaps, and the metadata sheet.
 *
 * Numbers are stored as numbers with display formats, never as text: a percentage is stored as
 * 18.470945365350278 and shown as 18.5 (format 0.0); a figure to read with caution is the same
 * number shown as (18.5) by the format (0.0) (parentheses are literal in Excel formats). A suppressed figure is withheld: its cell holds the
 * text "*" and its interval and SE are left empty (the unweighted n stays), so the published
 * workbook does not carry the number; the long-format sheet, like the CSV, keeps every number with
 * its flag for analysts.
 */
export interface WorkbookOptions extends TableOptions {
  lang?: Lang;
  /** Add the sheet with every estimate in the command line's long format (default true). */
  longSheet?: boolean;
  /** Add the sheet with the boys-girls gaps (default true when the results have gaps). */
  gapsSheet?: boolean;
}

export const NUMBER_FORMATS = {
  percent: '0.0',
  percentCaution: '(0.0)',
  se: '0.00',
  count: '#,##0',
} as const;

const BOLD = { bold: true } as const;
const THIN = { style: 'thin' } as const;

/** A sheet name Excel accepts: no []:*?/\, at most 31 characters, unique in the workbook. */
function sheetName(wanted: string, used: Set<string>): string {
  const base = wanted.replace(/[[\]:*?/\\]/g, ' ').replace(/^'+|'+$/g, '').slice(0, 31).trim() || 'Sheet';
  let name = base;
  for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base.slice(0, 31 - String(i).length - 1)}~${i}`;
  used.add(name.toLowerCase());
  return name;
}

function putStat(cell: ExcelJS.Cell, row: ResultRow | null, s: Stat): void {
  if (!row) return;
  const suppressed = row.flag === 'suppressed';
  const caution = row.flag === 'caution';
  if (s === 'n') {
    cell.value = row.n_unweighted;
    cell.numFmt = NUMBER_FORMATS.count;
    return;
  }
  if (suppressed) {
    if (s === 'estimate') {
      cell.value = '*';
      cell.alignment = { horizontal: 'right' };
    }
    return;
  }
  const x = s === 'estimate' ? row.estimate : s === 'ci_low' ? row.ci_low : s === 'ci_high' ? row.ci_high : row.se;
  if (x === null) return;
  cell.value = x * 100;
  cell.numFmt = s === 'se' ? NUMBER_FORMATS.se : caution ? NUMBER_FORMATS.percentCaution : NUMBER_FORMATS.percent;
}

function tableSheet(ws: ExcelJS.Worksheet, table: ReportTable, lang: Lang, cols: Columns, level: number): void {
  const stats = statColumns(cols);
  const width = 1 + stats.length * SEX_KEYS.length;
  ws.getColumn(1).width = 34;
  for (let c = 2; c <= width; c++) ws.getColumn(c).width = stats[(c - 2) % stats.length] === 'n' ? 11 : 9;

  ws.getCell(1, 1).value = table.title;
  ws.getCell(1, 1).font = { bold: true, size: 12 };
  ws.getCell(2, 1).value = table.subtitle;
  ws.getCell(2, 1).font = { italic: true };

  const h1 = 4;
  const h2 = 5;
  ws.getCell(h1, 1).value = t(lang, 'table.characteristic');
  ws.mergeCells(h1, 1, h2, 1);
  ws.getCell(h1, 1).alignment = { vertical: 'bottom' };
  SEX_KEYS.forEach((sex, k) => {
    const c0 = 2 + k * stats.length;
    ws.getCell(h1, c0).value = t(lang, `sex.${sex}`);
    if (stats.length > 1) ws.mergeCells(h1, c0, h1, c0 + stats.length - 1);
    ws.getCell(h1, c0).alignment = { horizontal: 'center' };
    stats.forEach((s, j) => {
      const cell = ws.getCell(h2, c0 + j);
      cell.value = statHeader(lang, s, level);
      cell.alignment = { horizontal: 'right', wrapText: true };
    });
  });
  for (let c = 1; c <= width; c++) {
    ws.getCell(h1, c).font = BOLD;
    ws.getCell(h2, c).font = BOLD;
    ws.getCell(h1, c).border = { top: THIN };
    ws.getCell(h2, c).border = { bottom: THIN };
  }
  ws.getRow(h2).height = 30;

  let r = h2 + 1;
  for (const line of table.lines) {
    const label = ws.getCell(r, 1);
    label.value = line.label;
    if (line.kind === 'group') label.font = BOLD;
    if (line.kind === 'total') label.font = BOLD;
    if (line.kind === 'value') label.alignment = { indent: 1 };
    if (line.kind !== 'group') {
      SEX_KEYS.forEach((sex, k) => stats.forEach((s, j) => putStat(ws.getCell(r, 2 + k * stats.length + j), line.cells[sex], s)));
    }
    r++;
  }
  for (let c = 1; c <= width; c++) ws.getCell(r - 1, c).border = { bottom: THIN };

  r++;
  for (const note of table.footnotes) {
    const cell = ws.getCell(r, 1);
    cell.value = note;
    cell.font = { italic: true, size: 9 };
    cell.alignment = { wrapText: true, vertical: 'top' };
    ws.mergeCells(r, 1, r, width);
    ws.getRow(r).height = Math.max(15, 12 * Math.ceil(note.length / 140));
    r++;
  }
  ws.views = [{ state: 'frozen', xSplit: 1, ySplit: h2 }];
  ws.pageSetup = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${h1}:${h2}` };
}

const SEX_LABEL = (result: AnalysisResult, r: { cell: Record<string, string> }) => {
  const m = result.analysis.mapping;
  return r.cell.sex === m.sex.male ? 'Male' : r.cell.sex === m.sex.female ? 'Female' : '';
};
const AREA_LABEL = (result: AnalysisResult, r: { cell: Record<string, string> }) => {
  const m = result.analysis.mapping;
  return !m.area ? '' : r.cell.area === m.area.urban ? 'Urban' : r.cell.area === m.area.rural ? 'Rural' : '';
};

function longSheet(ws: ExcelJS.Worksheet, result: AnalysisResult): void {
  const cells = cellColumns(result.analysis);
  ws.addRow(['framework', 'indicator', 'breakdown', ...cells, ...STAT_COLUMNS, 'sex_label', 'area_label']);
  for (const r of result.rows) {
    ws.addRow([
      r.framework, r.indicator, r.breakdown, ...cells.map((c) => r.cell[c]), ...STAT_COLUMNS.map((c) => r[c as keyof ResultRow] ?? null),
      SEX_LABEL(result, r), AREA_LABEL(result, r),
    ]);
  }
  ws.getRow(1).font = BOLD;
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 3 + cells.length + STAT_COLUMNS.length + 2 } };
}

function gapsSheet(ws: ExcelJS.Worksheet, result: AnalysisResult): void {
  const cells = cellColumns(result.analysis).filter((c) => c !== 'sex');
  ws.addRow(['framework', 'indicator', 'breakdown', ...cells, ...GAP_COLUMNS]);
  for (const g of result.gaps) ws.addRow([g.framework, g.indicator, g.breakdown, ...cells.map((c) => g.cell[c]), ...GAP_COLUMNS.map((c) => g[c])]);
  ws.getRow(1).font = BOLD;
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

function metadataSheet(ws: ExcelJS.Worksheet, meta: ExportMetadata, lang: Lang): void {
  ws.getColumn(1).width = 44;
  ws.getColumn(2).width = 110;
  ws.getCell(1, 1).value = t(lang, 'report.metadata');
  ws.getCell(1, 1).font = { bold: true, size: 12 };
  let section = '';
  let r = 2;
  for (const row of metadataRows(meta, lang)) {
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

/** Builds the workbook (nothing is written: see `workbookBytes`). */
export function buildWorkbook(result: AnalysisResult, meta: ExportMetadata, opts: WorkbookOptions = {}): ExcelJS.Workbook {
  const lang = opts.lang ?? 'en';
  const cols = columnsOf(opts);
  const wb = new ExcelJS.Workbook();
  wb.creator = `${meta.app.name} ${meta.app.version}`;
  wb.title = meta.title;
  wb.created = new Date(meta.createdAt);
  wb.modified = new Date(meta.createdAt);
  const used = new Set<string>();
  const contents = wb.addWorksheet(sheetName(t(lang, 'sheet.contents'), used));
  const tables = buildTables(result, lang, meta.source.file, { ...opts, universeLabels: meta.design.universe?.labels });
  const names: string[] = [];
  for (const table of tables) {
    const name = sheetName(`${table.n} ${t(lang, `abbr.${table.indicator}` as MessageKey)} ${table.framework.id}`, used);
    names.push(name);
    tableSheet(wb.addWorksheet(name), table, lang, cols, result.analysis.options.level);
  }
  const extra: { name: string; title: string }[] = [];
  if (opts.longSheet ?? true) {
    const name = sheetName(t(lang, 'sheet.long'), used);
    longSheet(wb.addWorksheet(name), result);
    extra.push({ name, title: t(lang, 'sheet.long') });
  }
  if ((opts.gapsSheet ?? true) && result.gaps.length) {
    const name = sheetName(t(lang, 'sheet.gaps'), used);
    gapsSheet(wb.addWorksheet(name), result);
    extra.push({ name, title: t(lang, 'sheet.gaps') });
  }
  const metaName = sheetName(t(lang, 'sheet.metadata'), used);
  metadataSheet(wb.addWorksheet(metaName), meta, lang);
  extra.push({ name: metaName, title: t(lang, 'report.metadata') });

  contents.getColumn(1).width = 10;
  contents.getColumn(2).width = 24;
  contents.getColumn(3).width = 100;
  contents.getCell(1, 1).value = t(lang, 'contents.intro', { title: meta.title, date: meta.createdAt, app: meta.app.name, version: meta.app.version });
  contents.getCell(1, 1).font = BOLD;
  contents.getRow(3).values = [t(lang, 'contents.table'), t(lang, 'contents.sheet'), t(lang, 'contents.title')];
  contents.getRow(3).font = BOLD;
  const link = (name: string) => ({ text: name, hyperlink: `#'${name.replace(/'/g, "''")}'!A1` });
  tables.forEach((table, i) => {
    const row = contents.getRow(4 + i);
    row.getCell(1).value = table.n;
    row.getCell(2).value = link(names[i]!);
    row.getCell(3).value = table.title;
  });
  extra.forEach((x, i) => {
    const row = contents.getRow(4 + tables.length + i);
    row.getCell(2).value = link(x.name);
    row.getCell(3).value = x.title;
  });
  return wb;
}

/** The workbook as .xlsx bytes (Node and browser alike). */
export async function workbookBytes(result: AnalysisResult, meta: ExportMetadata, opts: WorkbookOptions = {}): Promise<Uint8Array> {
  const buf = await buildWorkbook(result, meta, opts).xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
