import { Cursor } from './bytes.js';
import { missingName, INT_MAX_VALID } from './dtaMissing.js';
import { nulTerminated, numberKey, sniffingCodec, textCodec, type TextCodec } from './text.js';

/**
 * Everything of a Stata .dta file except the data cells: header, descriptors, strLs and value labels,
 * for format 114/115 (Stata help "dta_114", "dta_115") and the tagged formats 117 ("dta_117"), 118
 * ("dta") and 119 ("dta_119"). The data section is only located here; readDta decodes it.
 */
export const SUPPORTED_VERSIONS = [113, 114, 115, 117, 118, 119] as const;

export type DtaVarType =
  | { kind: 'byte' | 'int' | 'long' | 'float' | 'double'; size: number }
  | { kind: 'str'; size: number }
  | { kind: 'strl'; size: 8 };

export interface DtaLayout {
  version: number;
  littleEndian: boolean;
  codec: TextCodec;
  nobs: number;
  label: string;
  types: DtaVarType[];
  names: string[];
  varLabels: string[];
  /** Value-label set name attached to each variable ("" for none). */
  labelSets: string[];
  dataOffset: number;
  rowWidth: number;
  /** strL contents by v then o ("StrLs", section 5.11). */
  strls: Map<number, Map<number, string>>;
  valueLabels: Map<string, Record<string, string>>;
}

function fixed(c: Cursor, n: number, codec: TextCodec): string {
  const b = c.take(n);
  return codec.decode(b, 0, nulTerminated(b, 0, n));
}

/** Type codes: 114/115 use one byte (1..244 strN, 251..255 numeric), 117+ two (1..2045 strN, 32768 strL, 65526..65530). */
function varType(code: number, tagged: boolean, c: Cursor): DtaVarType {
  const numeric = tagged
    ? { 65530: 'byte', 65529: 'int', 65528: 'long', 65527: 'float', 65526: 'double' }[code]
    : { 251: 'byte', 252: 'int', 253: 'long', 254: 'float', 255: 'double' }[code];
  if (numeric) {
    const kind = numeric as 'byte' | 'int' | 'long' | 'float' | 'double';
    return { kind, size: { byte: 1, int: 2, long: 4, float: 4, double: 8 }[kind] };
  }
  if (tagged && code === 32768) return { kind: 'strl', size: 8 };
  if (code >= 1 && code <= (tagged ? 2045 : 244)) return { kind: 'str', size: code };
  return c.fail('DTA_BAD_FORMAT', `unknown variable type code ${code}`);
}

/** The version of the file, or a DTA_UNKNOWN_VERSION error naming what was found and what is supported. */
export function detectVersion(c: Cursor): number {
  const supported = 'supported: Stata .dta formats 113, 114, 115, 117, 118 and 119';
  if (c.peekAscii('<stata_dta>')) {
    const m = /^<stata_dta><header><release>(\d+)<\/release>/.exec(String.fromCharCode(...c.bytes.subarray(0, 48)));
    const v = m ? Number(m[1]) : NaN;
    if (v === 117 || v === 118 || v === 119) return v;
    return c.fail('DTA_UNKNOWN_VERSION', `Stata .dta format ${m ? m[1] : '(unreadable release tag)'} is not supported (${supported})`);
  }
  const first = c.bytes[0];
  if (first === 113 || first === 114 || first === 115) return first;
  if (first !== undefined && first >= 102 && first <= 112 && (c.bytes[1] === 1 || c.bytes[1] === 2)) {
    return c.fail('DTA_UNKNOWN_VERSION', `Stata .dta format ${first} is not supported (${supported})`);
  }
  return c.fail('DTA_UNKNOWN_VERSION', `not a Stata .dta file, or a version this reader does not know (${supported})`);
}

export function readLayout(bytes: Uint8Array, file: string): DtaLayout {
  const c = new Cursor(bytes, file, 'DTA_TRUNCATED');
  const version = detectVersion(c);
  if (version >= 118) return readTagged(c, version, textCodec('utf-8')!);
  // Formats 113-117 declare no encoding: Stata wrote windows-1252 (Latin-1 on Unix), R's haven and
  // pandas write UTF-8. Read as windows-1252, watching the texts; all of them valid UTF-8 with some
  // multibyte character ("RÃ©gion" read for "Région" otherwise), the file is read again as UTF-8.
  const sniff = sniffingCodec();
  const layout = version === 117 ? readTagged(c, version, sniff) : readOld(c, version, sniff);
  // The data's text cells too: a file whose labels are plain ASCII may hold "Équateur" in a cell.
  if (sniff.utf8) {
    let at = 0;
    const columns = layout.types.map((t) => ({ t, at: (at += t.size) - t.size })).filter((x) => x.t.kind === 'str');
    for (let r = 0, row = layout.dataOffset; r < layout.nobs && sniff.utf8 && columns.length; r++, row += layout.rowWidth) {
      for (const { t, at: o } of columns) sniff.check(bytes, row + o, nulTerminated(bytes, row + o, row + o + t.size));
    }
  }
  if (!(sniff.utf8 && sniff.multibyte)) return { ...layout, codec: textCodec('windows-1252')! };
  const again = new Cursor(bytes, file, 'DTA_TRUNCATED');
  detectVersion(again);
  return version === 117 ? readTagged(again, version, textCodec('utf-8')!) : readOld(again, version, textCodec('utf-8')!);
}

/**
 * Formats 113-115 ("dta_113", "dta_115", section 5): fixed-size header and descriptor arrays, no tags.
 * 113 (Stata 8 and 9, older DHS and MICS files) differs from 114 in its display formats only: 12 bytes
 * each instead of 49.
 */
function readOld(c: Cursor, version: number, codec: TextCodec): DtaLayout {
  c.pos = 1;
  const byteorder = c.u8(); // 1 HILO (big-endian), 2 LOHI
  if (byteorder !== 1 && byteorder !== 2) c.fail('DTA_BAD_FORMAT', `unknown byte order code ${byteorder}`);
  c.littleEndian = byteorder === 2;
  c.skip(2); // filetype, unused
  const nvar = c.u16();
  const nobs = c.u32();
  const label = fixed(c, 81, codec);
  c.skip(18); // time stamp
  c.where = 'the descriptors';
  const types = Array.from(c.take(nvar), (t) => varType(t, false, c));
  const names = Array.from({ length: nvar }, () => fixed(c, 33, codec));
  c.skip(2 * (nvar + 1) + (version === 113 ? 12 : 49) * nvar); // sort list, display formats
  const labelSets = Array.from({ length: nvar }, () => fixed(c, 33, codec));
  c.where = 'the variable labels';
  const varLabels = Array.from({ length: nvar }, () => fixed(c, 81, codec));
  c.where = 'the expansion fields';
  for (;;) {
    const type = c.u8();
    const len = c.i32();
    if (type === 0 && len === 0) break;
    c.skip(len);
  }
  const layout = finishLayout(c, version, codec, nobs, label, types, names, varLabels, labelSets);
  c.where = 'the value labels';
  while (c.remaining > 0) {
    const len = c.i32();
    const name = fixed(c, 33, codec);
    c.skip(3);
    layout.valueLabels.set(name, readLabelTable(c, len, codec));
  }
  return layout;
}

/** Formats 117-119 ("dta", section 5): sections between <tags>, counts and lengths in binary. */
function readTagged(c: Cursor, version: number, codec: TextCodec): DtaLayout {
  const expect = (tag: string): void => {
    if (c.peekAscii(tag)) {
      c.pos += tag.length;
      return;
    }
    if (c.remaining < tag.length) c.fail('DTA_TRUNCATED', `truncated before ${tag} (file has ${c.length} bytes)`);
    c.fail('DTA_BAD_FORMAT', `expected ${tag} at offset ${c.pos}`);
  };
  expect('<stata_dta><header><release>');
  c.skip(3);
  expect('</release><byteorder>');
  const order = String.fromCharCode(...c.take(3));
  if (order !== 'LSF' && order !== 'MSF') c.fail('DTA_BAD_FORMAT', `unknown byte order "${order}"`);
  c.littleEndian = order === 'LSF';
  expect('</byteorder><K>');
  const nvar = version === 119 ? c.u32() : c.u16();
  expect('</K><N>');
  const nobs = version === 117 ? c.u32() : c.u64();
  expect('</N><label>');
  const label = fixed(c, version === 117 ? c.u8() : c.u16(), codec);
  expect('</label><timestamp>');
  c.skip(c.u8());
  expect('</timestamp></header><map>');
  c.skip(14 * 8); // section offsets; the sections are read in order instead
  expect('</map><variable_types>');
  c.where = 'the descriptors';
  const types = Array.from({ length: nvar }, () => varType(c.u16(), true, c));
  const nameLen = version === 117 ? 33 : 129;
  expect('</variable_types><varnames>');
  const names = Array.from({ length: nvar }, () => fixed(c, nameLen, codec));
  expect('</varnames><sortlist>');
  c.skip((nvar + 1) * (version === 119 ? 4 : 2));
  expect('</sortlist><formats>');
  c.skip(nvar * (version === 117 ? 49 : 57));
  expect('</formats><value_label_names>');
  const labelSets = Array.from({ length: nvar }, () => fixed(c, nameLen, codec));
  expect('</value_label_names><variable_labels>');
  const varLabels = Array.from({ length: nvar }, () => fixed(c, version === 117 ? 81 : 321, codec));
  expect('</variable_labels><characteristics>');
  while (c.peekAscii('<ch>')) {
    c.pos += 4;
    c.skip(c.u32());
    expect('</ch>');
  }
  expect('</characteristics><data>');
  const layout = finishLayout(c, version, codec, nobs, label, types, names, varLabels, labelSets);
  expect('</data><strls>');
  c.where = 'the strLs';
  while (c.peekAscii('GSO')) {
    c.pos += 3;
    const v = c.u32();
    const o = version === 117 ? c.u32() : c.u64();
    const t = c.u8(); // 130: text stored with a trailing NUL; 129: binary
    const len = c.u32();
    const start = c.pos;
    c.skip(len);
    const end = t === 130 ? nulTerminated(c.bytes, start, start + len) : start + len;
    let byO = layout.strls.get(v);
    if (!byO) layout.strls.set(v, (byO = new Map()));
    byO.set(o, codec.decode(c.bytes, start, end));
  }
  expect('</strls><value_labels>');
  c.where = 'the value labels';
  while (c.peekAscii('<lbl>')) {
    c.pos += 5;
    const len = c.i32();
    const name = fixed(c, nameLen, codec);
    c.skip(3);
    layout.valueLabels.set(name, readLabelTable(c, len, codec));
    expect('</lbl>');
  }
  expect('</value_labels></stata_dta>');
  return layout;
}

function finishLayout(
  c: Cursor, version: number, codec: TextCodec, nobs: number, label: string,
  types: DtaVarType[], names: string[], varLabels: string[], labelSets: string[],
): DtaLayout {
  const rowWidth = types.reduce((sum, t) => sum + t.size, 0);
  const dataOffset = c.pos;
  const available = rowWidth > 0 ? Math.floor(c.remaining / rowWidth) : nobs;
  if (available < nobs) {
    c.fail('DTA_TRUNCATED', `truncated in the data at observation ${available + 1} (the header says ${nobs} observations)`);
  }
  c.pos += nobs * rowWidth;
  return {
    version, littleEndian: c.littleEndian, codec, nobs, label, types, names, varLabels, labelSets,
    dataOffset, rowWidth, strls: new Map(), valueLabels: new Map(),
  };
}

/**
 * A value-label table ("Value labels", 5.6 / 5.12): n, txtlen, off[n], val[n], txt[txtlen]; label k is
 * the NUL-terminated text at txt + off[k]. Values above the long type's maximum are missing codes,
 * so `.a` can carry a label ("Refused").
 */
function readLabelTable(c: Cursor, len: number, codec: TextCodec): Record<string, string> {
  const end = c.pos + len;
  c.need(len);
  const n = c.i32();
  const txtLen = c.i32();
  if (n < 0 || txtLen < 0 || 8 + 8 * n + txtLen > len) c.fail('DTA_BAD_FORMAT', `value label table with ${n} entries does not fit its ${len} bytes`);
  const offs = Array.from({ length: n }, () => c.i32());
  const vals = Array.from({ length: n }, () => c.i32());
  const txt = c.pos;
  const labels: Record<string, string> = {};
  for (let k = 0; k < n; k++) {
    const val = vals[k]!;
    const key = val > INT_MAX_VALID.long ? missingName(val - INT_MAX_VALID.long - 1) : numberKey(val);
    const from = txt + offs[k]!;
    if (key !== undefined && offs[k]! >= 0 && offs[k]! < txtLen) labels[key] = codec.decode(c.bytes, from, nulTerminated(c.bytes, from, txt + txtLen));
  }
  c.pos = end;
  return labels;
}
