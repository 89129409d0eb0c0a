import { Cursor } from './bytes.js';
import { ImportFormatError } from './errors.js';
import { numberKey, textCodec, trimRightSpaces, type TextCodec } from './text.js';

/**
 * The dictionary of an SPSS system file: everything between the file header and the data. Section
 * names below are those of the PSPP developers' guide, chapter "System File Format".
 *
 * Records are read raw first and decoded only once the whole dictionary is known, because the
 * records that say how to read the earlier ones come last: the character encoding (7/20), the long
 * names (7/13) and the very long string widths (7/14) all follow the variable records.
 */

/** "File Header Record": 176 bytes. */
export interface SavHeader {
  /** $FL3: the data are zlib-compressed blocks (a .zsav file). */
  zsav: boolean;
  littleEndian: boolean;
  /** Number of 8-byte slots in a case ("nominal_case_size"); -1 if the writer did not know. */
  caseSize: number;
  /** 0 none, 1 bytecode, 2 zlib (bytecode inside zlib blocks). */
  compression: number;
  /** Number of cases, or -1 if unknown. */
  ncases: number;
  /** Compression bias: bytecode c in 1..251 stands for the number c - bias (normally 100). */
  bias: number;
  fileLabel: Uint8Array;
}

/** "Variable Record" (type 2): one per 8-byte slot, strings longer than 8 bytes add continuation records. */
interface VarRecord {
  slot: number;
  /** 0 numeric, 1..255 string width in bytes, -1 continuation of the previous string. */
  width: number;
  shortName: Uint8Array;
  label?: Uint8Array;
  /** 0..3 discrete values, -2 a range, -3 a range and one discrete value. */
  nMissing: number;
  missing: Uint8Array[];
  /** The print format's type (SPSS format codes: 5 F, 21 TIME, 25 DTIME, 40 MTIME...). */
  format: number;
}

/** "Value Labels Records" (type 3, followed by its type 4 variable list). */
interface ValueLabelSet {
  values: Uint8Array[];
  labels: Uint8Array[];
  /** 1-based slot indexes of the variables the labels apply to. */
  slots: number[];
}

export interface SavDictionary {
  header: SavHeader;
  records: VarRecord[];
  valueLabelSets: ValueLabelSet[];
  /** From "Machine Floating-Point Info Record" (7/4); the defaults are SPSS's own. */
  sysmis: number;
  highest: number;
  lowest: number;
  characterCode?: number;
  encodingName?: string;
  longNames?: Uint8Array;
  veryLongStrings?: Uint8Array;
  longStringLabels: Uint8Array[];
  longStringMissing: Uint8Array[];
  /** From the "Extended Number of Cases Record" (7/16), when the header's 32-bit count is -1. */
  ncases64?: number;
  /** Offset of the first byte after the dictionary termination record (type 999). */
  dataOffset: number;
}

const DBL_MAX = Number.MAX_VALUE;

export function readHeader(c: Cursor): SavHeader {
  const b = c.bytes;
  const magic = b.length >= 4 ? String.fromCharCode(b[0]!, b[1]!, b[2]!, b[3]!) : '';
  if (magic !== '$FL2' && magic !== '$FL3') {
    c.fail('SAV_BAD_HEADER', 'not an SPSS system file (no $FL2 header)');
  }
  if (b.length < 176) c.fail('SAV_TRUNCATED', `truncated in the file header (${b.length} of 176 bytes)`);
  // layout_code is 2 (or 3) in the writer's byte order; that is how a reader learns the byte order.
  const le = new DataView(b.buffer, b.byteOffset + 64, 4).getInt32(0, true);
  const be = new DataView(b.buffer, b.byteOffset + 64, 4).getInt32(0, false);
  if (le === 2 || le === 3) c.littleEndian = true;
  else if (be === 2 || be === 3) c.littleEndian = false;
  else c.fail('SAV_BAD_HEADER', `not an SPSS system file (layout code ${le} is neither 2 nor 3)`);
  c.pos = 68;
  const caseSize = c.i32();
  const compression = c.i32();
  c.i32(); // weight_index: the weight is chosen in the app, not taken from the file
  const ncases = c.i32();
  const bias = c.f64();
  c.skip(9 + 8); // creation date and time
  const fileLabel = c.take(64);
  c.skip(3);
  if (compression < 0 || compression > 2 || (magic === '$FL3') !== (compression === 2)) {
    c.fail('SAV_BAD_HEADER', `unknown compression code ${compression} for a ${magic} file`);
  }
  return { zsav: magic === '$FL3', littleEndian: c.littleEndian, caseSize, compression, ncases, bias, fileLabel };
}

export function readDictionary(c: Cursor, header: SavHeader): SavDictionary {
  const d: SavDictionary = {
    header,
    records: [],
    valueLabelSets: [],
    sysmis: -DBL_MAX,
    highest: DBL_MAX,
    lowest: -DBL_MAX * (1 - Number.EPSILON / 2), // nextafter(-DBL_MAX, 0), SPSS's LOWEST
    longStringLabels: [],
    longStringMissing: [],
    dataOffset: 0,
  };
  for (let n = 1; ; n++) {
    c.where = `the dictionary (record ${n} at offset ${c.pos})`;
    const recType = c.i32();
    if (recType === 2) readVariable(c, d);
    else if (recType === 3) readValueLabels(c, d);
    else if (recType === 6) {
      const lines = c.i32(); // "Document Record": 80-byte lines, not needed for analysis
      c.skip(checkCount(c, lines, 80));
    } else if (recType === 7) readExtension(c, d);
    else if (recType === 999) {
      c.i32(); // filler
      d.dataOffset = c.pos;
      return d;
    } else c.fail('SAV_BAD_RECORD', `unknown dictionary record type ${recType} at offset ${c.pos - 4}`);
  }
}

/** Bytes taken by `count` items of `size` bytes, refusing counts that cannot fit in the file. */
function checkCount(c: Cursor, count: number, size: number): number {
  if (count < 0 || count * size > c.remaining) {
    c.fail('SAV_TRUNCATED', `truncated in ${c.where} (a record of ${count} x ${size} bytes runs past the end)`);
  }
  return count * size;
}

function readVariable(c: Cursor, d: SavDictionary): void {
  const width = c.i32();
  const hasLabel = c.i32();
  const nMissing = c.i32();
  const print = c.i32(); // print format: (type << 16) | (width << 8) | decimals
  c.skip(4); // write format
  const shortName = c.take(8);
  const rec: VarRecord = { slot: d.records.length, width, shortName, nMissing, missing: [], format: (print >> 16) & 0xff };
  if (width < -1 || width > 255) c.fail('SAV_BAD_RECORD', `variable record with impossible width ${width}`);
  if (hasLabel === 1) {
    const len = c.i32();
    checkCount(c, len, 1);
    rec.label = c.take(len);
    c.skip((4 - (len % 4)) % 4); // the label is padded to a multiple of 4 bytes
  }
  const n = Math.abs(nMissing);
  if (n > 3 || nMissing === -1) c.fail('SAV_BAD_RECORD', `variable record with impossible missing-value count ${nMissing}`);
  for (let i = 0; i < n; i++) rec.missing.push(c.take(8));
  d.records.push(rec);
}

function readValueLabels(c: Cursor, d: SavDictionary): void {
  const count = c.i32();
  checkCount(c, count, 9);
  const set: ValueLabelSet = { values: [], labels: [], slots: [] };
  for (let i = 0; i < count; i++) {
    set.values.push(c.take(8));
    const len = c.u8();
    set.labels.push(c.take(len));
    c.skip((8 - ((len + 1) % 8)) % 8); // label_len byte + label padded to a multiple of 8
  }
  // "The value label record is always immediately followed by a value label variables record" (type 4).
  const t = c.i32();
  if (t !== 4) c.fail('SAV_BAD_RECORD', `value label record not followed by its variable list (record type ${t})`);
  const nVars = c.i32();
  checkCount(c, nVars, 4);
  for (let i = 0; i < nVars; i++) set.slots.push(c.i32());
  d.valueLabelSets.push(set);
}

/** "Extension records" (type 7): subtype, element size, element count, then size x count bytes. */
function readExtension(c: Cursor, d: SavDictionary): void {
  const subtype = c.i32();
  const size = c.i32();
  const count = c.i32();
  if (size < 0) c.fail('SAV_BAD_RECORD', `extension record 7/${subtype} with negative element size`);
  const start = c.pos;
  const body = c.take(checkCount(c, count, size));
  const v = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const le = c.littleEndian;
  switch (subtype) {
    case 3: // "Machine Integer Info Record": floating_point_rep at [4], character_code at [7]
      if (size === 4 && count >= 8) {
        const fp = v.getInt32(16, le);
        if (fp !== 1) c.fail('SAV_UNSUPPORTED', `floating-point format ${fp} (only IEEE 754, code 1, is supported)`);
        d.characterCode = v.getInt32(28, le);
      }
      break;
    case 4: // "Machine Floating-Point Info Record": sysmis, highest, lowest
      if (size === 8 && count >= 3) {
        d.sysmis = v.getFloat64(0, le);
        d.highest = v.getFloat64(8, le);
        d.lowest = v.getFloat64(16, le);
      }
      break;
    case 13: // "Long Variable Names Record"
      d.longNames = body;
      break;
    case 14: // "Very Long String Record"
      d.veryLongStrings = body;
      break;
    case 16: // "Extended Number of Cases Record": [1] is the 64-bit case count
      if (size === 8 && count === 2) d.ncases64 = Number(v.getBigInt64(8, le));
      break;
    case 20: // "Character Encoding Record"
      d.encodingName = String.fromCharCode(...body).replace(/\0+$/, '');
      break;
    case 21: // "Long String Value Labels Record"
      d.longStringLabels.push(body);
      break;
    case 22: // "Long String Missing Values Record"
      d.longStringMissing.push(body);
      break;
    default: // display parameters (11), multiple response sets (7, 19), attributes (17, 18), ...: not needed
      break;
  }
  c.pos = start + size * count;
}

/** Maps the 7/3 character code (a Windows code page number) to a WHATWG encoding label. */
function codePageLabel(code: number): string | undefined {
  if (code === 65001) return 'utf-8';
  if (code === 2 || code === 3 || code === 20127) return 'windows-1252'; // 7- and 8-bit ASCII
  if (code >= 28591 && code <= 28606) return `iso-8859-${code - 28590}`;
  if (code >= 1250 && code <= 1258) return `windows-${code}`;
  const named: Record<number, string> = { 874: 'windows-874', 932: 'shift_jis', 936: 'gbk', 949: 'euc-kr', 950: 'big5', 20866: 'koi8-r' };
  return named[code];
}

/**
 * The file's text encoding: the 7/20 record names it; older files only have the code page in 7/3;
 * files with neither are assumed windows-1252, SPSS's historical default.
 */
export function dictionaryCodec(d: SavDictionary): TextCodec {
  const fromName = d.encodingName ? textCodec(d.encodingName) : undefined;
  if (fromName) return fromName;
  const label = d.characterCode !== undefined ? codePageLabel(d.characterCode) : undefined;
  return (label ? textCodec(label) : undefined) ?? textCodec('windows-1252')!;
}

/** SPSS print formats that show a duration, by format code: their values are seconds (PSPP: fmt_type). */
const TIME_FORMATS: Record<number, string> = { 21: 'TIME', 25: 'DTIME', 40: 'MTIME' };

/** One variable of the file as the data decoder and the table builder need it. */
export interface SavVariable {
  name: string;
  label?: string;
  /** 0 numeric, else string width in bytes. */
  width: number;
  /**
   * Where the variable's bytes are in a case: one segment for ordinary variables; very long strings
   * (> 255 bytes) are stored as ceil(width / 252) string variables of width 255 (the last narrower),
   * each holding the next 255 bytes of the value ("Very Long String Record"; the 252 only decides the
   * number of segments, as in PSPP's sfm_width_to_segments / sfm_segment_used_bytes).
   */
  segments: { slot: number; slots: number; used: number }[];
  missingValues?: number[];
  missingRange?: [number, number];
  missingStrings?: string[];
  valueLabels?: Record<string, string>;
  /** A duration format (TIME, DTIME, MTIME): the values are seconds, shown as hh:mm:ss. */
  time?: string;
}

const VLS_SEGMENTS_PER = 252;
const VLS_SEGMENT_BYTES = 255;

export function buildVariables(d: SavDictionary, codec: TextCodec, file: string): SavVariable[] {
  const fail = (detail: string): never => {
    throw new ImportFormatError(file, 'SAV_BAD_RECORD', detail);
  };
  const le = d.header.littleEndian;
  const dec = (b: Uint8Array | undefined): string => (b ? codec.decode(b, 0, b.length) : '');
  const decTrim = (b: Uint8Array): string => codec.decode(b, 0, trimRightSpaces(b, 0, b.length));
  // PSPP (seen with 1.6.2) writes the *values* of 7/21 and 7/22 records in UTF-8 even when the file's
  // encoding is windows-1252 (the labels are in the file encoding). In a non-UTF-8 file, a value
  // that is valid UTF-8 with non-ASCII bytes is therefore taken as UTF-8: genuine windows-1252 text is
  // almost never valid UTF-8 (it would need sequences like "Ã©").
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const decLongValue = (b: Uint8Array): string => {
    const end = trimRightSpaces(b, 0, b.length);
    if (codec.encoding !== 'utf-8' && b.subarray(0, end).some((x) => x >= 0x80)) {
      try {
        return utf8.decode(b.subarray(0, end));
      } catch {
        // not UTF-8: the file's own encoding, as the format says
      }
    }
    return codec.decode(b, 0, end);
  };
  const f64 = (b: Uint8Array): number => new DataView(b.buffer, b.byteOffset, 8).getFloat64(0, le);

  // Key/value pairs of 7/13 and 7/14, keyed by upper-cased short name.
  const pairs = (body: Uint8Array | undefined, sep: RegExp): Map<string, string> => {
    const m = new Map<string, string>();
    if (!body) return m;
    for (const item of dec(body).split(sep)) {
      const eq = item.indexOf('=');
      if (eq > 0) m.set(item.slice(0, eq).toUpperCase(), item.slice(eq + 1).replace(/\0+$/, ''));
    }
    return m;
  };
  const longNames = pairs(d.longNames, /\t/);
  const vlsWidths = pairs(d.veryLongStrings, /\0?\t|\0/);

  const vars: SavVariable[] = [];
  const bySlot = new Map<number, SavVariable>();
  const recs = d.records;
  for (let i = 0; i < recs.length; ) {
    const r = recs[i]!;
    if (r.width === -1) fail(`continuation record at slot ${i + 1} without a string variable before it`);
    const shortName = decTrim(r.shortName);
    const slotsOf = (j: number): number => {
      let k = j + 1;
      while (k < recs.length && recs[k]!.width === -1) k++;
      return k - j;
    };
    const vlsWidth = Number(vlsWidths.get(shortName.toUpperCase()) ?? 0);
    const v: SavVariable = { name: longNames.get(shortName.toUpperCase()) ?? shortName, width: r.width, segments: [] };
    if (r.label) v.label = dec(r.label);
    const time = r.width === 0 ? TIME_FORMATS[r.format] : undefined;
    if (time) v.time = time;
    if (vlsWidth > 255) {
      v.width = vlsWidth;
      const nSeg = Math.ceil(vlsWidth / VLS_SEGMENTS_PER);
      let j = i;
      for (let s = 0; s < nSeg; s++) {
        if (j >= recs.length) fail(`very long string ${shortName} has fewer segments than its width ${vlsWidth} needs`);
        const n = slotsOf(j);
        const used = Math.max(0, Math.min(VLS_SEGMENT_BYTES, vlsWidth - s * VLS_SEGMENT_BYTES));
        v.segments.push({ slot: j, slots: n, used });
        j += n;
      }
      i = j;
    } else {
      const n = slotsOf(i);
      v.segments.push({ slot: i, slots: n, used: r.width === 0 ? 8 : r.width });
      i += n;
    }
    // "Variable Record": n_missing_values 1..3 discrete, -2 range lo..hi, -3 range then one discrete.
    if (r.nMissing !== 0) {
      if (r.width === 0) {
        const nums = r.missing.map(f64);
        if (r.nMissing < 0) {
          const lo = nums[0]!, hi = nums[1]!;
          v.missingRange = [lo <= d.lowest ? -Infinity : lo, hi >= d.highest ? Infinity : hi];
          if (r.nMissing === -3) v.missingValues = [nums[2]!];
        } else v.missingValues = nums;
      } else v.missingStrings = r.missing.map(decTrim);
    }
    vars.push(v);
    bySlot.set(r.slot + 1, v);
  }

  // Type 3/4 value labels: numeric, or strings of at most 8 bytes.
  for (const set of d.valueLabelSets) {
    for (const slot of set.slots) {
      const v = bySlot.get(slot) ?? fail(`value labels refer to slot ${slot}, which is not the first slot of a variable`);
      const labels = (v.valueLabels ??= {});
      set.values.forEach((raw, k) => {
        labels[v.width === 0 ? numberKey(f64(raw)) : decTrim(raw)] = dec(set.labels[k]);
      });
    }
  }

  const byName = new Map<string, SavVariable>();
  for (const v of vars) byName.set(v.name.toUpperCase(), v);
  const reader = (body: Uint8Array): Cursor => {
    const c = new Cursor(body, file, 'SAV_BAD_RECORD', le);
    c.where = 'a long string value label or missing value record';
    return c;
  };

  // 7/21: value labels of strings wider than 8 bytes, by (long) variable name.
  for (const body of d.longStringLabels) {
    const c = reader(body);
    while (c.remaining > 0) {
      const v = byName.get(dec(c.take(c.i32())).toUpperCase());
      c.i32(); // var_width
      const n = c.i32();
      const labels: Record<string, string> = {};
      for (let k = 0; k < n; k++) {
        const value = decLongValue(c.take(c.i32()));
        labels[value] = dec(c.take(c.i32()));
      }
      if (v && v.width > 0) v.valueLabels = { ...v.valueLabels, ...labels };
    }
  }

  // 7/22: missing values of strings wider than 8 bytes (note n_missing_values is one byte here).
  for (const body of d.longStringMissing) {
    const c = reader(body);
    while (c.remaining > 0) {
      const v = byName.get(dec(c.take(c.i32())).toUpperCase());
      const n = c.u8();
      const len = c.i32();
      const values: string[] = [];
      for (let k = 0; k < n; k++) values.push(decLongValue(c.take(len)));
      if (v && v.width > 0) v.missingStrings = values;
    }
  }
  return vars;
}
