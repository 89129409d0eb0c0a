import type { Column, DecodedTable, NumericColumn, StringColumn } from './columns.js';
import { doubleMissingIndex, DOUBLE_MAX_VALID, floatMissingIndex, FLOAT_MAX_VALID, INT_MAX_VALID, missingName } from './dtaMissing.js';
import { readLayout, type DtaLayout, type DtaVarType } from './dtaLayout.js';
import { ImportFormatError } from './errors.js';
import { nulTerminated } from './text.js';

/**
 * Reads a Stata .dta file, formats 113 (Stata 8-9), 114 and 115 (Stata 10-12) and 117, 118, 119 (Stata 13 on), either
 * byte order, into typed columns. Sections are those of Stata's "dta" help pages.
 *
 * Missing data: `.` and `.a`-`.z` get valid = 0 and the value NaN; the extended ones keep their name
 * (".a") in `missingCodes`, `.` is left out (system missing). Strings follow Stata's own rule that the
 * empty string is missing (valid = 0, value ""). Strings are windows-1252 in formats 113-117 and UTF-8
 * in 118-119.
 */
export function readDta(bytes: Uint8Array, fileName: string): DecodedTable {
  const layout = readLayout(bytes, fileName);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = layout.dataOffset;
  const columns = layout.types.map((type, j): Column => {
    const start = offset;
    offset += type.size;
    const col =
      type.kind === 'str' || type.kind === 'strl'
        ? stringColumn(layout, bytes, view, type, start, fileName)
        : numericColumn(layout, view, type.kind, start);
    col.name = layout.names[j]!;
    const label = layout.varLabels[j];
    if (label) col.label = label;
    const set = layout.valueLabels.get(layout.labelSets[j] ?? '');
    if (set && col.kind === 'number') col.valueLabels = set;
    return col;
  });
  const table: DecodedTable = { file: fileName, format: 'dta', rows: layout.nobs, columns, encoding: layout.codec.encoding };
  if (layout.label) table.label = layout.label;
  return table;
}

/** One tight loop per column: the cell of row r is at start + r * rowWidth. */
function numericColumn(layout: DtaLayout, view: DataView, kind: 'byte' | 'int' | 'long' | 'float' | 'double', start: number): NumericColumn {
  const { nobs: n, rowWidth: stride, littleEndian: le } = layout;
  const values = new Float64Array(n);
  const valid = new Uint8Array(n);
  let missingCodes: Map<number, string> | undefined;
  const extended = (r: number, index: number): void => {
    values[r] = NaN;
    const name = missingName(index);
    if (name !== undefined && index > 0) (missingCodes ??= new Map()).set(r, name);
  };
  let pos = start;
  switch (kind) {
    case 'byte':
    case 'int':
    case 'long': {
      const max = INT_MAX_VALID[kind];
      for (let r = 0; r < n; r++, pos += stride) {
        const v = kind === 'byte' ? view.getInt8(pos) : kind === 'int' ? view.getInt16(pos, le) : view.getInt32(pos, le);
        if (v > max) extended(r, v - max - 1);
        else {
          values[r] = v;
          valid[r] = 1;
        }
      }
      break;
    }
    case 'float':
      for (let r = 0; r < n; r++, pos += stride) {
        const v = view.getFloat32(pos, le);
        if (v > FLOAT_MAX_VALID) extended(r, floatMissingIndex(view.getInt32(pos, le)));
        else if (v !== v) values[r] = NaN; // a NaN is not a Stata value: treat as system missing
        else {
          values[r] = v;
          valid[r] = 1;
        }
      }
      break;
    case 'double': {
      const high = le ? 4 : 0;
      for (let r = 0; r < n; r++, pos += stride) {
        const v = view.getFloat64(pos, le);
        if (v > DOUBLE_MAX_VALID) extended(r, doubleMissingIndex(view.getUint32(pos + high, le)));
        else if (v !== v) values[r] = NaN;
        else {
          values[r] = v;
          valid[r] = 1;
        }
      }
      break;
    }
  }
  const col: NumericColumn = { kind: 'number', name: '', values, valid };
  if (missingCodes) col.missingCodes = missingCodes;
  return col;
}

/**
 * strN: the bytes up to the first NUL. strL: an 8-byte (v,o) reference to a GSO in the strLs section
 * ("(v,o) values", 5.11.1): 117 stores v and o as two 4-byte integers, 118 as 2 + 6 bytes and 119 as
 * 3 + 5 bytes, each part in the file's byte order; (0,0) is the empty string. ReadStat (R's haven,
 * `write_dta(version = 15)`) writes 119 files with the 118 split: for 119 the split is the one under
 * which the column's first reference names a GSO of the file.
 */
function stringColumn(layout: DtaLayout, bytes: Uint8Array, view: DataView, type: DtaVarType, start: number, file: string): StringColumn {
  const { nobs: n, rowWidth: stride, littleEndian: le, codec, version } = layout;
  const values = new Array<string>(n);
  const valid = new Uint8Array(n);
  let vBytes = version === 117 ? 4 : version === 118 ? 2 : 3;
  const uint = (at: number, len: number): number => {
    let x = 0;
    for (let k = 0; k < len; k++) x = x * 256 + bytes[at + (le ? len - 1 - k : k)]!;
    return x;
  };
  if (version === 119 && type.kind !== 'str') vBytes = strlSplit119(layout, start, uint);
  let pos = start;
  for (let r = 0; r < n; r++, pos += stride) {
    let s: string;
    if (type.kind === 'str') {
      s = codec.decode(bytes, pos, nulTerminated(bytes, pos, pos + type.size));
    } else {
      const v = version === 117 ? view.getUint32(pos, le) : uint(pos, vBytes);
      const o = version === 117 ? view.getUint32(pos + 4, le) : uint(pos + vBytes, 8 - vBytes);
      const found = layout.strls.get(v)?.get(o);
      if (found === undefined && (v !== 0 || o !== 0)) {
        throw new ImportFormatError(file, 'DTA_BAD_FORMAT', `observation ${r + 1} refers to strL (${v},${o}), which is not in the file`);
      }
      s = found ?? '';
    }
    values[r] = s;
    if (s !== '') valid[r] = 1;
  }
  return { kind: 'string', name: '', values, valid };
}

/** The bytes of v in a 119 file's strL references of the column at `start`: 3 (the format's), or 2 (ReadStat's). */
function strlSplit119(layout: DtaLayout, start: number, uint: (at: number, len: number) => number): number {
  for (let r = 0, pos = start; r < layout.nobs; r++, pos += layout.rowWidth) {
    if (uint(pos, 8) === 0) continue;
    if (layout.strls.get(uint(pos, 3))?.has(uint(pos + 3, 5))) return 3;
    return layout.strls.get(uint(pos, 2))?.has(uint(pos + 2, 6)) ? 2 : 3;
  }
  return 3;
}
