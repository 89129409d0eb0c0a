import { concatBytes } from './bytes.js';

/**
 * Lines holding only spaces or tabs (a sheet's row of blank cells saved by hand, a line of padding):
 * one field where the header has several, so DuckDB stopped there, though under the trimming rule
 * (trimSpaces.ts) such a row has no value at all. The text with each such line outside a quoted value
 * written as the delimiters of an empty row, which the import then leaves out as it does every row
 * with no value (load.ts dropBlankRows); undefined unless line `failing` (1-based, where DuckDB
 * stopped) is one of them, so that a second reading always gets past it. Not for a delimiter that is
 * itself a space or a tab (such a line is then a row of empty fields, or a line DuckDB can read).
 */
export function spaceLinesAsEmptyRows(bytes: Uint8Array, delimiter: string, fields: number, failing: number): Uint8Array | undefined {
  if (delimiter === ' ' || delimiter === '\t') return undefined;
  const empty = new TextEncoder().encode(delimiter.repeat(fields - 1));
  const parts: Uint8Array[] = [];
  let from = 0;
  let quoted = false; // inside a quoted value at the start of the line
  let found = false;
  for (let start = 0, line = 1; start < bytes.length; line++) {
    const lf = bytes.indexOf(0x0a, start);
    const stop = lf < 0 ? bytes.length : lf;
    let end = stop;
    if (end > start && bytes[end - 1] === 0x0d) end--;
    let blank = !quoted && end > start;
    for (let i = start; i < end; i++) {
      if (bytes[i] === 0x22) quoted = !quoted;
      if (bytes[i] !== 0x20 && bytes[i] !== 0x09) blank = false;
    }
    if (blank) {
      parts.push(bytes.subarray(from, start), empty);
      from = end;
      if (line === failing) found = true;
    }
    start = stop + 1;
  }
  if (!found) return undefined;
  parts.push(bytes.subarray(from));
  return concatBytes(parts);
}
