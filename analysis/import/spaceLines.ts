/**
 * Lines holding only spaces or tabs (a sheet's row of blank cells saved by hand, a line of padding):
 * one field where the header has several, so DuckDB stopped there, though under the trimming rule
 * (trimSpaces.ts) such a row has no value at all. The text with each such line written as the
 * delimiters of an empty row, which the import then leaves out as it does every row with no value
 * (load.ts dropBlankRows: the other rows keep their numbers); undefined when there is none.
 */
export function spaceLinesAsEmptyRows(bytes: Uint8Array, delimiter: string, fields: number): Uint8Array | undefined {
  const empty = new TextEncoder().encode(delimiter.repeat(fields - 1));
  const parts: Uint8Array[] = [];
  let from = 0;
  for (let start = 0; start < bytes.length;) {
    const lf = bytes.indexOf(0x0a, start);
    const stop = lf < 0 ? bytes.length : lf;
    let end = stop;
    if (end > start && bytes[end - 1] === 0x0d) end--;
    let blank = end > start;
    for (let i = start; blank && i < end; i++) blank = bytes[i] === 0x20 || (bytes[i] === 0x09 && delimiter !== '\t');
    if (blank) {
      parts.push(bytes.subarray(from, start), empty);
      from = end;
    }
    start = stop + 1;
  }
  if (!parts.length) return undefined;
  parts.push(bytes.subarray(from));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
