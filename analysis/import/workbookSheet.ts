import { message, type Message } from '../messages.js';
import type { DecodedTable } from './columns.js';
import { ImportFormatError } from './errors.js';
import { readXlsx } from './readXlsx.js';

/**
 * The sheet of a workbook that holds the survey data, when the analysis file names none.
 *
 * Statistics offices often put a title, notes or a codebook sheet before the data. With no sheet
 * named, the first sheet is read unless it has no data rows or lacks one of `sheetWith` (the mapped
 * columns, when known); then the first later sheet that has rows and every one of them is read
 * instead, and a note says which (DATA_XLSX_SHEET_CHOSEN), so that the analysis file can name it.
 * When no sheet qualifies the first sheet's table is returned, and the validation names what it lacks.
 * A named sheet is always the one read.
 */
export async function readWorkbookSheet(
  bytes: Uint8Array, file: string, options: { sheet?: string | number; header?: boolean; sheetWith?: readonly string[] },
): Promise<{ decoded: DecodedTable; note?: Message }> {
  const first = await readXlsx(bytes, file, { sheet: options.sheet, header: options.header, headerWith: options.sheetWith });
  if (options.sheet !== undefined || fits(first, options.sheetWith)) return { decoded: first };
  for (let sheet = 2; ; sheet++) {
    let next: DecodedTable;
    try {
      next = await readXlsx(bytes, file, { sheet, header: options.header, headerWith: options.sheetWith });
    } catch (e) {
      // Past the last sheet: none qualifies. A sheet the reader cannot read is not the data either.
      if (e instanceof ImportFormatError && e.code === 'XLSX_SHEET_UNKNOWN') return { decoded: first };
      continue;
    }
    if (fits(next, options.sheetWith)) {
      return { decoded: next, note: message('DATA_XLSX_SHEET_CHOSEN', { file, sheet: next.sheet ?? String(sheet), first: first.sheet ?? '1' }) };
    }
  }
}

/** A sheet with data rows and, when given, every wanted column. */
function fits(t: DecodedTable, wanted: readonly string[] | undefined): boolean {
  if (t.rows === 0) return false;
  if (!wanted?.length) return true;
  const names = new Set(t.columns.map((c) => c.name));
  return wanted.every((w) => names.has(w));
}
