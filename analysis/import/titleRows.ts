/**
 * The title rule shared by the workbook reader (readXlsx.ts) and the delimited-text sniffer
 * (textFile.ts sniffDialect): one rule, so a sheet and the CSV saved from it read alike.
 */

/** How many non-empty rows (records) at the top of a sheet or delimited file may be titles and the header. */
export const TITLE_LOOK = 10;

/**
 * A note under the data (load.ts `dropTrailingRows`, and loadDelimited.ts for notes typed without the
 * row's delimiters): in a table of at least NOTE_MIN_COLUMNS columns, a row of at most NOTE_MAX_CELLS
 * values, each a word (a letter, not a number written with an exponent such as 1e3).
 */
export const NOTE_MAX_CELLS = 2;
export const NOTE_MIN_COLUMNS = 3;

/** A quoted title or note, at most `n` characters. */
export const clip = (s: string, n = 80) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** One of the first non-empty rows of a sheet (records of a delimited file): its non-empty cells, how many are numbers. */
export interface TopRow {
  cells: number;
  numbers: number;
}

/**
 * How many of the first non-empty rows of a sheet, or records of a delimited file, are titles above
 * the header (0: the first row is the header). Statistics offices' exports (workbooks, and CSV files
 * saved from them) often put a title ("Child survey 2022 - microdata"), perhaps a note, and a blank
 * row above the header; read as the header, the title would name the first column and
 * every mapped column would be unknown. The rule is conservative, so a sheet that has no title reads
 * as before:
 * - the first non-empty row holds exactly one non-empty cell, a text (a title is text); or it is a
 *   row of group headers: texts, at most half as many as the row under it, all text, then numbers;
 * - the header is the first later row, among the first TITLE_LOOK non-empty rows, with at least two
 *   non-empty cells that is followed by a row with at least two and at most twice as many, and that
 *   is not all number cells (then it is data, and the one-cell first row is a header naming only
 *   its first column);
 * - the rows between are one-cell titles, or short notes ("Source:", "NSO") with fewer than half the
 *   cells of the row after them;
 * - a multi-cell row followed by a one-cell row ends the search with no title: a one-column sheet
 *   (every row one cell, or a stray note beside one) keeps its first row as the header.
 */
export function titleRowCount(rows: readonly TopRow[]): number {
  const [first, second, third] = rows;
  if (!first || first.numbers !== 0) return 0;
  if (first.cells !== 1) {
    // A row of group headers ("Identification", "Child" over merged cells): text, at most half as
    // many cells as the row under it, which is all text (the names) and followed by numbers (data).
    return second && third && 2 * first.cells <= second.cells && second.numbers === 0 && third.numbers > 0 ? 1 : 0;
  }
  for (let h = 1; h < TITLE_LOOK && h + 1 < rows.length; h++) {
    const { cells, numbers } = rows[h]!;
    const next = rows[h + 1]!.cells;
    if (cells < 2) continue;
    if (next < 2) return 0;
    if (2 * cells >= next) return numbers === cells ? 0 : h;
  }
  return 0;
}

/**
 * The header row when the columns the data must have are known (`wanted`: the mapped ones): the
 * title rule's row (`found`) if it names them all, else the first of the top rows that does (names
 * compared without case), else `found`. A sheet whose column names sit under a row of group headers
 * ("Household", "Child", "Work" over merged cells) has no one-cell title for the rule to see; the
 * mapping says which row names the columns.
 */
export function headerRowWith(rows: readonly (readonly string[])[], found: number, wanted?: readonly string[]): number {
  if (!wanted?.length) return found;
  const names = (r: readonly string[]) => new Set(r.map((c) => c.trim().toLowerCase()));
  const has = (r: readonly string[] | undefined) => r !== undefined && wanted.every((w) => names(r).has(w.toLowerCase()));
  if (has(rows[found])) return found;
  const at = rows.slice(0, TITLE_LOOK).findIndex((r) => has(r));
  return at >= 0 ? at : found;
}
