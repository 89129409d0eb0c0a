import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { HEAD_BYTES, type ImportSource } from '../import/load.js';

/**
 * A data file on disk as the shared loader sees it: its first bytes read now (read-only), the whole
 * file only if a reader needs it. Native DuckDB reads CSV and Parquet from the path itself.
 */
export function fileSource(path: string): ImportSource {
  const size = statSync(path).size;
  const head = new Uint8Array(Math.min(size, HEAD_BYTES));
  const fd = openSync(path, 'r');
  try {
    let at = 0;
    while (at < head.length) {
      const n = readSync(fd, head, at, head.length - at, at);
      if (n === 0) break;
      at += n;
    }
  } finally {
    closeSync(fd);
  }
  let whole: Promise<Uint8Array> | undefined;
  return {
    name: path,
    size,
    head,
    path,
    bytes: () => (whole ??= readFile(path).then((b) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength))),
  };
}

/** CSV records of a whole text (RFC 4180 quoting), for adding columns to the results file. */
export function parseCsvRecords(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** One CSV field as output.ts writes it. */
export function csvField(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
