/**
 * CSV as every output of the app writes and re-reads it (RFC 4180 quoting, `\n` line ends): one home
 * for the field quoting of the results, gaps, changes and rounds files, and the parser that reads them
 * back (the command line adds columns to a results file; the rounds CSV stacks the rounds' files).
 */

/** One field, quoted when it holds a quote, comma or line break. */
export function csvField(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One cell of a results file: null and undefined are R's `NA`, as `write.csv` writes them. */
export const csvCell = (v: unknown): string => (v === null || v === undefined ? 'NA' : csvField(String(v)));

/** CSV records of a whole text (RFC 4180 quoting). */
export function parseCsvRecords(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') endField();
    else if (ch === '\n') {
      endField();
      rows.push(row);
      row = [];
    } else field += ch;
  }
  if (field !== '' || row.length) {
    endField();
    rows.push(row);
  }
  return rows;
}
