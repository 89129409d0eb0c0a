import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DecodedTable } from '../../analysis/import/columns.js';
import { readDta } from '../../analysis/import/readDta.js';
import { readSav } from '../../analysis/import/readSav.js';
import { concatBytes } from '../../analysis/import/bytes.js';

export const FIXTURES = fileURLToPath(new URL('../fixtures/import/', import.meta.url));

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(FIXTURES + name));
}

/** Decodes with the reader the file's extension calls for. */
export async function decode(bytes: Uint8Array, name: string): Promise<DecodedTable> {
  return name.endsWith('.dta') ? readDta(bytes, name) : readSav(bytes, name);
}

/** The hand-written truth next to each fixture (see scripts/fixtures/make-import-fixtures.sh). */
export interface ExpectedColumn {
  name: string;
  kind: 'number' | 'string';
  label?: string;
  /** Numbers: null where the cell is missing (valid 0). Strings: every value, validity in `valid`. */
  values: (number | string | null)[];
  valid?: number[];
  valueLabels?: Record<string, string>;
  missingCodes?: Record<string, string>;
  userMissing?: { values?: number[]; range?: [number, number] };
}

export interface ExpectedTable {
  format: DecodedTable['format'];
  encoding: string;
  label?: string;
  rows: number;
  columns: ExpectedColumn[];
}

export function expected(name: string): ExpectedTable {
  return JSON.parse(readFileSync(FIXTURES + name + '.expected.json', 'utf8')) as ExpectedTable;
}

/** Replaces bytes [at, at + s.length) of a copy with the ASCII text s. */
export function patched(bytes: Uint8Array, at: number, s: string): Uint8Array {
  const copy = bytes.slice();
  for (let i = 0; i < s.length; i++) copy[at + i] = s.charCodeAt(i);
  return copy;
}

export function indexOfAscii(bytes: Uint8Array, s: string, from = 0): number {
  outer: for (let i = from; i + s.length <= bytes.length; i++) {
    for (let k = 0; k < s.length; k++) if (bytes[i + k] !== s.charCodeAt(k)) continue outer;
    return i;
  }
  return -1;
}

/** A zip archive of stored (uncompressed) entries, for hand-made .xlsx files. */
export function storedZip(entries: Record<string, string>): Uint8Array {
  const enc = new TextEncoder();
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;

  for (const [name, body] of Object.entries(entries)) {
    const n = enc.encode(name);
    const d = enc.encode(body);
    const h = new DataView(new ArrayBuffer(30));
    h.setUint32(0, 0x04034b50, true);
    h.setUint32(18, d.length, true);
    h.setUint32(22, d.length, true);
    h.setUint16(26, n.length, true);
    const local = concatBytes([new Uint8Array(h.buffer), n, d]);
    const c = new DataView(new ArrayBuffer(46));
    c.setUint32(0, 0x02014b50, true);
    c.setUint32(20, d.length, true);
    c.setUint32(24, d.length, true);
    c.setUint16(28, n.length, true);
    c.setUint32(42, offset, true);
    central.push(concatBytes([new Uint8Array(c.buffer), n]));
    parts.push(local);
    offset += local.length;
  }
  const dir = concatBytes(central);
  const e = new DataView(new ArrayBuffer(22));
  e.setUint32(0, 0x06054b50, true);
  e.setUint16(8, central.length, true);
  e.setUint16(10, central.length, true);
  e.setUint32(12, dir.length, true);
  e.setUint32(16, offset, true);
  return concatBytes([...parts, dir, new Uint8Array(e.buffer)]);
}
