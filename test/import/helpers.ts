import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DecodedTable } from '../../analysis/import/columns.js';
import { readDta } from '../../analysis/import/readDta.js';
import { readSav } from '../../analysis/import/readSav.js';

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

export { storedZip } from '../../scripts/fixtures/storedZip.js';
