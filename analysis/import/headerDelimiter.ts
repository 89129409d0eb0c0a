import { concatBytes } from './bytes.js';

/** The byte offset where line `line` (1-based) starts, or undefined when the text has fewer lines. */
function lineStart(bytes: Uint8Array, line: number): number | undefined {
  let start = 0;
  for (let k = 1; k < line; k++) {
    const lf = bytes.indexOf(0x0a, start);
    if (lf < 0) return undefined;
    start = lf + 1;
  }
  return start;
}

/**
 * A header line that ends with the delimiter while the data lines do not (an export that writes one
 * separator too many after the names): the header names one column more, without a name, than the
 * lines hold, and DuckDB stopped at the first data line ("11 fields where the header has 12", a probe,
 * though the fault is the header's). The text without that last delimiter, or undefined when the header
 * line does not end with one. `line`: the header's line (1-based).
 */
export function withoutHeaderDelimiter(bytes: Uint8Array, line: number, delimiter: string): Uint8Array | undefined {
  const start = lineStart(bytes, line);
  if (delimiter.length !== 1 || start === undefined) return undefined;
  const lf = bytes.indexOf(0x0a, start);
  let last = (lf < 0 ? bytes.length : lf) - 1;
  if (last >= start && bytes[last] === 0x0d) last--;
  if (last < start || bytes[last] !== delimiter.charCodeAt(0)) return undefined;
  return concatBytes([bytes.subarray(0, last), bytes.subarray(last + 1)]);
}

/**
 * The text with `name` and a delimiter put before the first name of its header line (`line`, 1-based):
 * for a header one name short of its data lines, whose first field is the extra one (R's write.table
 * with its row names: textFile.ts CsvDialect.rowNames).
 */
export function withHeaderField(bytes: Uint8Array, line: number, delimiter: string, name: string): Uint8Array | undefined {
  let start = lineStart(bytes, line);
  if (start === undefined) return undefined;
  if (line === 1 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  return concatBytes([bytes.subarray(0, start), new TextEncoder().encode(`${name}${delimiter}`), bytes.subarray(start)]);
}
