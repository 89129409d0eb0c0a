import { concatBytes } from './bytes.js';

const LF = 0x0a;
const CR = 0x0d;

/**
 * Lines with no value between data rows, written as the delimiters of an empty row, which the import
 * then leaves out as it does every row with no value (load.ts dropBlankRows), the rows after them
 * keeping their numbers. Two kinds:
 * - lines holding only spaces or tabs (a sheet's row of blank cells saved by hand, a line of padding):
 *   one field where the header has several, so DuckDB stops there (`failing`, the 1-based line where
 *   it stopped), though under the trimming rule (trimSpaces.ts) such a row has no value at all;
 * - empty lines after the header with data after them (files joined by hand, an editor's blank line):
 *   DuckDB passes over them unsaid, so every row after one was named a row too early in every message
 *   (a line's data at row 100 was "row 99").
 * Empty lines before the header (under a title) and at the end stay as they are. Returns the text with
 * those lines outside a quoted value rewritten; undefined unless line `failing` is one of them (so that
 * a second reading always gets past it) or, without `failing`, unless an empty line was rewritten. Not
 * for a delimiter that is itself a space (such a line is then a row of empty fields); with a tab, empty
 * lines only.
 */
export function blankLinesAsEmptyRows(bytes: Uint8Array, delimiter: string, fields: number, headerLine: number, failing?: number): Uint8Array | undefined {
  if (delimiter === ' ') return undefined;
  const empty = new TextEncoder().encode(delimiter.repeat(fields - 1));
  const last = lastContent(bytes);
  const parts: Uint8Array[] = [];
  let from = 0;
  let quoted = false; // inside a quoted value at the start of the line
  let found = false;
  for (let start = 0, line = 1; start < bytes.length && start <= last; line++) {
    const lf = bytes.indexOf(LF, start);
    const stop = lf < 0 ? bytes.length : lf;
    let end = stop;
    if (end > start && bytes[end - 1] === CR) end--;
    let blank = !quoted && (end > start ? delimiter !== '\t' : line > headerLine);
    for (let i = start; i < end; i++) {
      if (bytes[i] === 0x22) quoted = !quoted;
      if (bytes[i] !== 0x20 && bytes[i] !== 0x09) blank = false;
    }
    if (blank) {
      parts.push(bytes.subarray(from, start), empty);
      from = end;
      if (failing === undefined ? end === start : line === failing) found = true;
    }
    start = stop + 1;
  }
  if (!found) return undefined;
  parts.push(bytes.subarray(from));
  return concatBytes(parts);
}

/** The index of the text's last byte that is not a line end, a space or a tab; -1 if none. */
function lastContent(bytes: Uint8Array): number {
  let i = bytes.length - 1;
  while (i >= 0 && (bytes[i] === LF || bytes[i] === CR || bytes[i] === 0x20 || bytes[i] === 0x09)) i--;
  return i;
}

/** The index of the line end that ends the first empty line of `bytes` (LF LF or LF CR LF); -1 if none. */
function firstEmptyLine(bytes: Uint8Array): number {
  for (let i = bytes.indexOf(LF); i >= 0; i = bytes.indexOf(LF, i + 1)) {
    const j = bytes[i + 1] === CR ? i + 2 : i + 1;
    if (bytes[j] === LF) return j;
  }
  return -1;
}

/**
 * Whether the text, given in pieces, may hold an empty line with more text after it (quoted values
 * are not told apart: blankLinesAsEmptyRows decides). A quick scan of line ends, beside the scan for
 * spaced cells (loadDelimited.ts), so that a file without one is not read again.
 */
export class EmptyLineFinder {
  private tail = new Uint8Array(0);
  private pending = false;
  found = false;

  push(piece: Uint8Array): void {
    if (this.found || !piece.length) return;
    if (this.pending && lastContent(piece) >= 0) {
      this.found = true;
      return;
    }
    // An empty line across the seam: the last two bytes before it and the first two of the piece.
    const seam = concatBytes([this.tail, piece.subarray(0, 2)]);
    const across = firstEmptyLine(seam);
    const at = across >= 0 ? across - this.tail.length : firstEmptyLine(piece);
    if (at >= 0 || across >= 0) {
      if (lastContent(piece) > at) this.found = true;
      else this.pending = true;
    }
    this.tail = piece.length >= 2 ? piece.slice(piece.length - 2) : concatBytes([this.tail, piece]).slice(-2);
  }
}
