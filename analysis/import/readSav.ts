import { Cursor } from './bytes.js';
import type { Column, DecodedTable, NumericColumn, StringColumn } from './columns.js';
import { ImportFormatError } from './errors.js';
import { buildVariables, dictionaryCodec, readDictionary, readHeader, type SavDictionary, type SavVariable } from './savDictionary.js';
import { numberKey, trimRightSpaces, type TextCodec } from './text.js';
import { inflateZsavBlocks } from './zsav.js';

/**
 * Reads an SPSS system file (.sav, uncompressed or bytecode-compressed) or a zlib-compressed system
 * file (.zsav) into typed columns. Follows the PSPP developers' guide, "System File Format".
 *
 * Missing data: system-missing cells and cells holding a declared user-missing value get valid = 0 and
 * the value NaN (so a missing cell can never be summed as -1.797e308 or as 97); a user-missing cell
 * keeps its original code in `missingCodes`. String variables have no system-missing value; a string
 * equal to one of its user-missing values gets valid = 0 and keeps its text. Blank strings are valid
 * (SPSS treats them as a value), with the padding trimmed to "".
 *
 * Async only because .zsav blocks are inflated with the platform's DecompressionStream.
 */
export async function readSav(bytes: Uint8Array, fileName: string): Promise<DecodedTable> {
  const c = new Cursor(bytes, fileName, 'SAV_TRUNCATED');
  const header = readHeader(c);
  const dict = readDictionary(c, header);
  const codec = dictionaryCodec(dict);
  const vars = buildVariables(dict, codec, fileName);
  const ncases = header.ncases >= 0 ? header.ncases : (dict.ncases64 ?? -1);
  const caseSlots = dict.records.length;

  let data: Columns;
  if (header.compression === 0) {
    data = decodeUncompressed(bytes, dict.dataOffset, vars, caseSlots, ncases, header.littleEndian, codec, fileName);
  } else {
    const [stream, start] =
      header.compression === 2 ? [await inflateZsavBlocks(c, dict.dataOffset), 0] : [bytes, dict.dataOffset];
    data = decodeBytecode(stream, start, vars, caseSlots, ncases, header.bias, header.littleEndian, codec, fileName);
  }

  const columns = vars.map((v, i): Column => (v.width === 0 ? numericColumn(v, data.num[i]!, data.rows, dict) : stringColumn(v, data.str[i]!)));
  const fileLabel = codec.decode(header.fileLabel, 0, trimRightSpaces(header.fileLabel, 0, 64));
  const table: DecodedTable = { file: fileName, format: header.zsav ? 'zsav' : 'sav', rows: data.rows, columns, encoding: codec.encoding };
  if (fileLabel) table.label = fileLabel;
  const timed = vars.filter((v) => v.time).map((v) => `"${v.name}" (${v.time})`);
  if (timed.length) table.timeColumns = timed;
  return table;
}

/** Raw decoded cells: per variable either a Float64Array (numeric) or a string array. */
interface Columns {
  rows: number;
  num: (Float64Array | undefined)[];
  str: (string[] | undefined)[];
}

/**
 * Where each 8-byte slot of a case goes: numeric slots to a column, string slots to a byte range of the
 * variable's scratch buffer (the padding bytes of each string and of each 255-byte segment of a very
 * long string are skipped).
 */
interface SlotPlan {
  kind: Uint8Array; // 0 numeric, 1 string piece
  target: Int32Array; // variable index
  dest: Int32Array; // byte offset in the string scratch buffer
  len: Int32Array; // bytes of the slot that belong to the string (0..8)
  scratch: (Uint8Array | undefined)[];
}

function planSlots(vars: SavVariable[], caseSlots: number): SlotPlan {
  const p: SlotPlan = {
    kind: new Uint8Array(caseSlots),
    target: new Int32Array(caseSlots),
    dest: new Int32Array(caseSlots),
    len: new Int32Array(caseSlots),
    scratch: vars.map((v) => (v.width > 0 ? new Uint8Array(v.width) : undefined)),
  };
  vars.forEach((v, i) => {
    let base = 0;
    for (const seg of v.segments) {
      for (let j = 0; j < seg.slots; j++) {
        const s = seg.slot + j;
        p.kind[s] = v.width === 0 ? 0 : 1;
        p.target[s] = i;
        p.dest[s] = base + j * 8;
        p.len[s] = Math.max(0, Math.min(8, seg.used - j * 8));
      }
      base += seg.used;
    }
  });
  return p;
}

function allocate(vars: SavVariable[], capacity: number): Columns {
  return {
    rows: 0,
    num: vars.map((v) => (v.width === 0 ? new Float64Array(capacity) : undefined)),
    str: vars.map((v) => (v.width > 0 ? new Array<string>(capacity) : undefined)),
  };
}

function truncated(file: string, row: number, detail = ''): never {
  throw new ImportFormatError(file, 'SAV_TRUNCATED', `truncated in the data at case ${row + 1}${detail}`);
}

/** Uncompressed data: each case is `caseSlots` 8-byte slots, so every cell is at a fixed offset. */
function decodeUncompressed(
  bytes: Uint8Array, start: number, vars: SavVariable[], caseSlots: number, ncases: number,
  le: boolean, codec: TextCodec, file: string,
): Columns {
  const stride = caseSlots * 8;
  const available = stride > 0 ? Math.floor((bytes.length - start) / stride) : 0;
  const rows = stride === 0 ? 0 : ncases >= 0 ? ncases : available;
  if (rows > available || (stride > 0 && ncases < 0 && (bytes.length - start) % stride !== 0)) {
    truncated(file, available, ncases >= 0 ? ` (the header says ${ncases} cases)` : '');
  }
  const out = allocate(vars, rows);
  out.rows = rows;
  const plan = planSlots(vars, caseSlots);
  decodeNumbers(bytes, start, vars, caseSlots, rows, le, out);
  vars.forEach((v, i) => {
    if (v.width === 0) return;
    const scratch = plan.scratch[i]!;
    const strings = out.str[i]!;
    for (let r = 0; r < rows; r++) {
      const caseStart = start + r * stride;
      for (const seg of v.segments) {
        for (let j = 0; j < seg.slots; j++) {
          const s = seg.slot + j;
          const len = plan.len[s]!;
          const from = caseStart + s * 8;
          if (len > 0) scratch.set(bytes.subarray(from, from + len), plan.dest[s]!);
        }
      }
      strings[r] = codec.decode(scratch, 0, trimRightSpaces(scratch, 0, scratch.length));
    }
  });
  return out;
}

const PLATFORM_LE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Numeric cells of uncompressed data, one pass per variable. When the data start on an 8-byte
 * boundary of the buffer and the file's byte order is the machine's, the cells are read through a
 * Float64Array view of the input (no copy); otherwise through DataView.
 */
function decodeNumbers(
  bytes: Uint8Array, start: number, vars: SavVariable[], caseSlots: number, rows: number, le: boolean, out: Columns,
): void {
  const aligned = le === PLATFORM_LE && (bytes.byteOffset + start) % 8 === 0;
  const f64 = aligned && rows > 0 ? new Float64Array(bytes.buffer, bytes.byteOffset + start, rows * caseSlots) : undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  vars.forEach((v, i) => {
    const col = out.num[i];
    if (col) copyColumn(col, v.segments[0]!.slot, f64, view, start, caseSlots, rows, le);
  });
}

/** One variable's cells (a separate function so the hot loop only touches locals). */
function copyColumn(
  col: Float64Array, slot: number, f64: Float64Array | undefined, view: DataView,
  start: number, caseSlots: number, rows: number, le: boolean,
): void {
  if (f64) {
    for (let r = 0, at = slot; r < rows; r++, at += caseSlots) col[r] = f64[at]!;
  } else {
    const stride = caseSlots * 8;
    for (let r = 0, at = start + slot * 8; r < rows; r++, at += stride) col[r] = view.getFloat64(at, le);
  }
}

/**
 * Bytecode-compressed data ("Data Record", compressed case): 8 opcodes then the 8-byte operands of
 * those that have one. 0 padding, 1..251 the number (code - bias), 252 end of data, 253 an
 * uncompressed 8-byte value follows, 254 eight spaces, 255 system-missing.
 */
function decodeBytecode(
  bytes: Uint8Array, start: number, vars: SavVariable[], caseSlots: number, ncases: number,
  bias: number, le: boolean, codec: TextCodec, file: string,
): Columns {
  const plan = planSlots(vars, caseSlots);
  let cap = ncases >= 0 ? ncases : 1024;
  const out = allocate(vars, cap);
  const { num, str } = out;
  const { kind, target, dest, len, scratch } = plan;
  const stringVars = vars.map((v, i) => (v.width > 0 ? i : -1)).filter((i) => i >= 0);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = bytes.length;
  let pos = start;
  let opPos = 0;
  let opIdx = 8; // forces reading an opcode block first
  let row = 0;

  cases: for (; ncases < 0 || row < ncases; row++) {
    if (row === cap) {
      cap *= 2;
      num.forEach((a, i) => {
        if (a) (num[i] = new Float64Array(cap)).set(a);
      });
    }
    for (let s = 0; s < caseSlots; s++) {
      let code = 0;
      while (code === 0) {
        if (opIdx === 8) {
          if (pos + 8 > end) {
            if (s === 0) break cases; // clean end of data without an explicit 252
            truncated(file, row);
          }
          opPos = pos;
          pos += 8;
          opIdx = 0;
        }
        code = bytes[opPos + opIdx++]!;
      }
      if (code === 252) {
        if (s === 0) break cases;
        truncated(file, row, ' (end-of-data code in the middle of a case)');
      }
      const t = target[s]!;
      if (kind[s] === 0) {
        const col = num[t]!;
        if (code === 253) {
          if (pos + 8 > end) truncated(file, row);
          col[row] = view.getFloat64(pos, le);
          pos += 8;
        } else if (code === 255 || code === 254) col[row] = NaN; // 254 (spaces) has no numeric meaning
        else col[row] = code - bias;
      } else {
        const buf = scratch[t]!;
        const n = len[s]!;
        const at = dest[s]!;
        if (code === 253) {
          if (pos + 8 > end) truncated(file, row);
          for (let k = 0; k < n; k++) buf[at + k] = bytes[pos + k]!;
          pos += 8;
        } else for (let k = 0; k < n; k++) buf[at + k] = 0x20;
      }
    }
    for (const i of stringVars) {
      const buf = scratch[i]!;
      str[i]![row] = codec.decode(buf, 0, trimRightSpaces(buf, 0, buf.length));
    }
  }
  if (ncases >= 0 && row < ncases) truncated(file, row, ` (the header says ${ncases} cases)`);
  out.rows = row;
  if (row < cap) {
    num.forEach((a, i) => {
      if (a) num[i] = a.slice(0, row);
    });
    str.forEach((a) => {
      if (a) a.length = row;
    });
  }
  return out;
}

function numericColumn(v: SavVariable, values: Float64Array, rows: number, d: SavDictionary): NumericColumn {
  const valid = new Uint8Array(rows);
  const sysmis = d.sysmis;
  const discrete = v.missingValues ?? [];
  const [lo, hi] = v.missingRange ?? [Infinity, -Infinity];
  const hasUserMissing = discrete.length > 0 || v.missingRange !== undefined;
  let missingCodes: Map<number, string> | undefined;
  for (let r = 0; r < rows; r++) {
    const x = values[r]!;
    // sysmis is normally -DBL_MAX; also refuse -DBL_MAX and NaN whatever the float record says.
    if (x !== x || x === sysmis || x === -Number.MAX_VALUE) {
      values[r] = NaN;
    } else if (hasUserMissing && ((x >= lo && x <= hi) || discrete.includes(x))) {
      (missingCodes ??= new Map()).set(r, numberKey(x));
      values[r] = NaN;
    } else valid[r] = 1;
  }
  const col: NumericColumn = { kind: 'number', name: v.name, values, valid };
  if (v.label) col.label = v.label;
  if (v.valueLabels) col.valueLabels = v.valueLabels;
  if (missingCodes) col.missingCodes = missingCodes;
  if (hasUserMissing) {
    col.userMissing = {};
    if (discrete.length > 0) col.userMissing.values = discrete;
    if (v.missingRange) col.userMissing.range = v.missingRange;
  }
  return col;
}

function stringColumn(v: SavVariable, values: string[]): StringColumn {
  const valid = new Uint8Array(values.length).fill(1);
  const missing = v.missingStrings;
  let missingCodes: Map<number, string> | undefined;
  if (missing) {
    for (let r = 0; r < values.length; r++) {
      if (!missing.includes(values[r]!)) continue;
      valid[r] = 0;
      (missingCodes ??= new Map()).set(r, values[r]!.trim());
    }
  }
  const col: StringColumn = { kind: 'string', name: v.name, values, valid };
  if (missingCodes) col.missingCodes = missingCodes;
  if (v.label) col.label = v.label;
  if (v.valueLabels) col.valueLabels = v.valueLabels;
  return col;
}
