import { message, type Message } from '../messages.js';
import type { DecodedTable } from './columns.js';
import { ImportFormatError } from './errors.js';
import { readXlsx } from './readXlsx.js';

/**
 * The sheet of a workbook that holds the survey data, when the analysis file names none.
 *
 * Statistics offices often put a title, notes or a codebook sheet before the data. With no sheet
 * named, the first sheet Excel shows is read unless it has no data rows or lacks one of `sheetWith`
 * (the mapped columns, when known; when not, unless it has fewer than three columns: a notes or
 * variables sheet, as the app meets a workbook before any mapping); then the first other sheet Excel shows that has rows and every
 * one of them is read instead, and a note says which (DATA_XLSX_SHEET_CHOSEN), so that the analysis
 * file can name it. Hidden sheets come last: an old copy of the data hidden before the current one
 * must not be read in its place; when only a hidden sheet qualifies it is read with a warning
 * (DATA_XLSX_HIDDEN_SHEET_READ). When no sheet qualifies the first sheet's table is returned, and the
 * validation names what it lacks. A named sheet is always the one read.
 */
export async function readWorkbookSheet(
  bytes: Uint8Array, file: string, options: { sheet?: string | number; header?: boolean; sheetWith?: readonly string[] },
): Promise<{ decoded: DecodedTable; notes: Message[] }> {
  const chosen = await chooseSheet(bytes, file, options);
  const twins = await sameColumnSheets(bytes, file, chosen.decoded, options.header);
  return twins ? { decoded: chosen.decoded, notes: [...chosen.notes, twins] } : chosen;
}

async function chooseSheet(
  bytes: Uint8Array, file: string, options: { sheet?: string | number; header?: boolean; sheetWith?: readonly string[] },
): Promise<{ decoded: DecodedTable; notes: Message[] }> {
  const first = await readXlsx(bytes, file, { sheet: options.sheet, header: options.header, headerWith: options.sheetWith });
  if (options.sheet !== undefined || fits(first, options.sheetWith)) return { decoded: first, notes: [] };
  const names = first.sheets ?? [];
  const hidden = new Set(first.hiddenSheets ?? []);
  // 1-based positions (as readXlsx counts them): the shown sheets after the first read, then the hidden.
  const positions = names.map((_, i) => i + 1).filter((p) => names[p - 1] !== first.sheet);
  const order = [...positions.filter((p) => !hidden.has(names[p - 1]!)), ...positions.filter((p) => hidden.has(names[p - 1]!))];
  for (const sheet of order) {
    let next: DecodedTable;
    try {
      next = await readXlsx(bytes, file, { sheet, header: options.header, headerWith: options.sheetWith });
    } catch (e) {
      // A sheet the reader cannot read is not the data.
      if (e instanceof ImportFormatError) continue;
      throw e;
    }
    if (!fits(next, options.sheetWith)) continue;
    const params = { file, sheet: next.sheet ?? String(sheet), first: first.sheet ?? '1' };
    return { decoded: next, notes: [message(hidden.has(names[sheet - 1]!) ? 'DATA_XLSX_HIDDEN_SHEET_READ' : 'DATA_XLSX_SHEET_CHOSEN', params)] };
  }
  return { decoded: first, notes: [] };
}

/**
 * Other sheets Excel shows with the same columns as the sheet read, and rows: a survey split over
 * sheets (one per area or region, as some statistics offices publish it) of which one sheet only is
 * read. Said (DATA_XLSX_SHEETS_SAME_COLUMNS, a warning), not joined: the sheets may as well be rounds
 * or versions of one file. A probe's "Urbain" and "Rural" sheets gave the urban children's child labour
 * (39.9 %) as the survey's (49.3 %), with no word. Each other sheet is read to its first data row.
 */
async function sameColumnSheets(bytes: Uint8Array, file: string, read: DecodedTable, header?: boolean): Promise<Message | undefined> {
  if (read.columns.length < DATA_COLUMNS) return undefined;
  const key = (t: DecodedTable) => t.columns.map((c) => c.name).sort().join('\u0001');
  const own = key(read);
  const hidden = new Set(read.hiddenSheets ?? []);
  const twins: string[] = [];
  for (const [i, name] of (read.sheets ?? []).entries()) {
    if (name === read.sheet || hidden.has(name)) continue;
    try {
      const other = await readXlsx(bytes, file, { sheet: i + 1, header, headerWith: read.columns.map((c) => c.name), peek: true });
      if (other.rows > 0 && key(other) === own) twins.push(name);
    } catch (e) {
      if (!(e instanceof ImportFormatError)) throw e;
    }
  }
  if (!twins.length) return undefined;
  return message('DATA_XLSX_SHEETS_SAME_COLUMNS', { file, sheet: read.sheet ?? '1', count: twins.length, others: twins.map((t) => `"${t}"`).join(', ') });
}

/**
 * The fewest columns survey data can have: a weight, an age and a sex. A sheet of one or two columns (a
 * title, notes, a list of variables with their labels) is not the data, whatever its rows.
 */
const DATA_COLUMNS = 3;

/** A sheet with data rows and, when given, every wanted column; else at least DATA_COLUMNS columns. */
function fits(t: DecodedTable, wanted: readonly string[] | undefined): boolean {
  if (t.rows === 0) return false;
  if (!wanted?.length) return t.columns.length >= DATA_COLUMNS;
  const names = new Set(t.columns.map((c) => c.name));
  return wanted.every((w) => names.has(w));
}
