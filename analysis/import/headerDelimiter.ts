import { concatBytes } from './bytes.js';

/**
 * A header line that ends with the delimiter while the data lines do not (an export that writes one
 * separator too many after the names): the header names one column more, without a name, than the
 * lines hold, and DuckDB stopped at the first data line ("11 fields where the header has 12", a probe,
 * though the fault is the header's). The text without that last delimiter, or undefined when the header
 * line does not end with one. `line`: the header's line (1-based).
 */
export function withoutHeaderDelimiter(bytes: Uint8Array, line: number, delimiter: string): Uint8Array | undefined {
  if (delimiter.length !== 1) return undefined;
  let start = 0;
  for (let k = 1; k < line; k++) {
    const lf = bytes.indexOf(0x0a, start);
    if (lf < 0) return undefined;
    start = lf + 1;
  }
  const lf = bytes.indexOf(0x0a, start);
  let last = (lf < 0 ? bytes.length : lf) - 1;
  if (last >= start && bytes[last] === 0x0d) last--;
  if (last < start || bytes[last] !== delimiter.charCodeAt(0)) return undefined;
  return concatBytes([bytes.subarray(0, last), bytes.subarray(last + 1)]);
}

/**
 * The text with a field added to its header line (`line`, 1-based), for a header that names one field
 * fewer than every data line holds (textFile.ts CsvDialect.short): `name` and a delimiter before the
 * first name ('start': R's write.table, whose lines begin with the row name), or a delimiter after the
 * last ('end': lines that each end with a delimiter; the added column has no name).
 */
export function withHeaderField(bytes: Uint8Array, line: number, delimiter: string, where: 'start' | 'end', name = ''): Uint8Array | undefined {
  if (delimiter.length !== 1) return undefined;
  let start = 0;
  for (let k = 1; k < line; k++) {
    const lf = bytes.indexOf(0x0a, start);
    if (lf < 0) return undefined;
    start = lf + 1;
  }
  if (where === 'start') {
    if (line === 1 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
    return concatBytes([bytes.subarray(0, start), new TextEncoder().encode(`${name}${delimiter}`), bytes.subarray(start)]);
  }
  const lf = bytes.indexOf(0x0a, start);
  let end = lf < 0 ? bytes.length : lf;
  if (end > start && bytes[end - 1] === 0x0d) end--;
  return concatBytes([bytes.subarray(0, end), new TextEncoder().encode(delimiter), bytes.subarray(end)]);
}
