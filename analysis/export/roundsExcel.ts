import ExcelJS from 'exceljs';
import { csvRecords } from '../import/textFile.js';
import { STAT_COLUMNS } from '../output.js';
import { trendTables, type TrendTableOptions } from '../present/trendTable.js';
import { CHANGE_COLUMNS, changesCsv } from '../rounds/changesCsv.js';
import { roundsCsv } from '../rounds/roundsCsv.js';
import type { RoundsResult } from '../rounds/types.js';
import { contentsSheet, metadataSheet, sheetName, tableSheet } from './excel.js';
import { t, type Lang, type MessageKey } from './i18n.js';
import type { ExportMetadata } from './metadata.js';
import { roundsTitle } from './roundsReport.js';

/**
 * The workbook of an analysis with survey rounds, beside the single-round one (excel.ts, whose
 * output it leaves alone): a contents sheet, one sheet per trend table (analysis/present/
 * trendTable.ts: each round's estimate, interval and n, the change with its interval, p-value,
 * significance mark, relative change and AARR), the changes and every round's estimates as the
 * command line's CSVs write them (analysis/rounds/changesCsv.ts, roundsCsv.ts: `round` first), and
 * each round's metadata. Tables are laid out by excel.ts's own functions, so numbers are stored as
 * numbers with the same display formats (a change in points as +0.0;-0.0); in the long sheets the
 * statistics are numbers and codes stay text ("01" is not 1).
 */
export interface RoundsWorkbookOptions extends TrendTableOptions {
  lang?: Lang;
  /** The rounds analysis' title, for the contents sheet (default: the first round's title without its label). */
  title?: string;
}

/** The numeric columns of the long sheets: stored as numbers (the CSV's shortest round-trip form reads back exactly). */
const NUMERIC = new Set<string>([...STAT_COLUMNS.filter((c) => c !== 'flag'), ...CHANGE_COLUMNS.filter((c) => c !== 'from' && c !== 'to' && c !== 'flag_1' && c !== 'flag_2')]);

/** A CSV of the command line on its own sheet: a bold, frozen, filtered header; NA as an empty cell. */
function csvSheet(ws: ExcelJS.Worksheet, csv: string): void {
  const [head = [], ...rows] = csvRecords(csv, ',', Number.MAX_SAFE_INTEGER);
  const numeric = head.map((h) => NUMERIC.has(h));
  ws.addRow(head);
  for (const r of rows) ws.addRow(r.map((v, i) => (v === 'NA' ? null : numeric[i] ? Number(v) : v)));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: head.length } };
}

/** Builds the rounds workbook; `metas` holds each round's metadata block, in the order of the rounds. */
export function buildRoundsWorkbook(rr: RoundsResult, metas: ExportMetadata[], opts: RoundsWorkbookOptions = {}): ExcelJS.Workbook {
  const lang = opts.lang ?? 'en';
  const last = metas.at(-1)!;
  const title = opts.title ?? roundsTitle(rr);
  const wb = new ExcelJS.Workbook();
  wb.creator = `${last.app.name} ${last.app.version}`;
  wb.title = title;
  wb.created = new Date(last.createdAt);
  wb.modified = new Date(last.createdAt);
  const used = new Set<string>();
  const contents = wb.addWorksheet(sheetName(t(lang, 'sheet.contents'), used));
  const entries: { n: number | null; name: string; title: string }[] = [];
  for (const table of trendTables(rr, lang, opts)) {
    const name = sheetName(`T${table.n} ${t(lang, `abbr.${table.indicator}` as MessageKey)}`, used, table.framework.id);
    tableSheet(wb.addWorksheet(name), table);
    entries.push({ n: table.n, name, title: table.title });
  }
  const extra = (title: string, fill: (ws: ExcelJS.Worksheet) => void) => {
    const name = sheetName(title, used);
    fill(wb.addWorksheet(name));
    entries.push({ n: null, name, title });
  };
  extra(t(lang, 'sheet.changes'), (ws) => csvSheet(ws, changesCsv(rr.rounds, rr.changes)));
  extra(t(lang, 'sheet.roundsLong'), (ws) => csvSheet(ws, roundsCsv(rr)));
  rr.rounds.forEach((r, i) => {
    const meta = metas[i];
    if (meta) extra(t(lang, 'sheet.roundMetadata', { round: r.label }), (ws) => metadataSheet(ws, meta, lang));
  });
  contentsSheet(contents, { ...last, title }, lang, entries);
  return wb;
}

/** The rounds workbook as .xlsx bytes (Node and browser alike). */
export async function roundsWorkbookBytes(rr: RoundsResult, metas: ExportMetadata[], opts: RoundsWorkbookOptions = {}): Promise<Uint8Array> {
  const buf = await buildRoundsWorkbook(rr, metas, opts).xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
