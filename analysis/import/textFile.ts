import { message, type Message } from '../messages.js';
import { clip, headerRowWith, TITLE_LOOK, titleRowCount, type TopRow } from './titleRows.js';
import { fixWindows1252 } from './text.js';

/**
 * Text files (CSV, TSV, semicolon-separated): which encoding the bytes are in, and the dialect
 * (delimiter, header names). DuckDB parses the file itself, streaming; this module only looks at the
 * first bytes, so that DuckDB is told exactly how to read it (its own sniffer guesses silently on
 * malformed files: a short row can turn the whole file into one column). Pure functions, no I/O.
 */

/**
 * Encodings a text data file may be read in. `latin-1` is read as windows-1252, its superset;
 * `macintosh` is Mac OS Roman, of Excel for Mac's "CSV (Macintosh)".
 */
export type TextEncoding = 'utf-8' | 'windows-1252' | 'macintosh' | 'utf-16le' | 'utf-16be';

export interface TextScan {
  /** A byte-order mark at the start. */
  bom: 'utf-8' | 'utf-16le' | 'utf-16be' | null;
  /** Offset of the first byte that is not valid UTF-8, or -1. */
  firstInvalid: number;
  /** Offset of the first valid multi-byte UTF-8 sequence, or -1. */
  firstMultibyte: number;
  /** Offset of the first NUL byte, or -1 (text files have none). */
  firstNul: number;
  /** Control bytes other than tab, line feed, carriage return and form feed. */
  controls: number;
}

/**
 * Scans bytes for what matters to the encoding. `complete` false: the bytes are the head of a longer
 * file, so a multi-byte sequence cut by the end of the sample is not counted as invalid.
 */
export function scanText(bytes: Uint8Array, complete = true): TextScan {
  const n = bytes.length;
  let bom: TextScan['bom'] = null;
  let i = 0;
  if (n >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    bom = 'utf-8';
    i = 3;
  } else if (n >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) bom = 'utf-16le';
  else if (n >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) bom = 'utf-16be';
  let firstInvalid = -1;
  let firstMultibyte = -1;
  let firstNul = -1;
  let controls = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      if (b < 0x20 && b !== 9 && b !== 10 && b !== 13 && b !== 12) {
        if (b === 0 && firstNul < 0) firstNul = i;
        controls++;
      }
      i++;
      continue;
    }
    // Lead byte: sequence length and the allowed range of the first continuation byte (RFC 3629).
    let len = 0;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) len = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      len = 3;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      len = 4;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    }
    let ok = len > 0;
    if (ok && i + len > n) {
      if (!complete) break; // cut by the end of the sample
      ok = false;
    }
    for (let k = 1; ok && k < len; k++) {
      const c = bytes[i + k]!;
      if (k === 1 ? c < lo || c > hi : c < 0x80 || c > 0xbf) ok = false;
    }
    if (ok) {
      if (firstMultibyte < 0) firstMultibyte = i;
      i += len;
    } else {
      if (firstInvalid < 0) firstInvalid = i;
      i++;
    }
  }
  return { bom, firstInvalid, firstMultibyte, firstNul, controls };
}

/** 1-based line of a byte offset; a line ends at LF, CR LF, or a CR alone (classic Mac OS, Excel for Mac's "CSV (Macintosh)"). */
export function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 10 || (bytes[i] === 13 && bytes[i + 1] !== 10)) line++;
  return line;
}

/** UTF-16 text without a byte-order mark: every other byte NUL in the ASCII part. */
export function looksUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const half = n / 2;
  if (oddNul > half * 0.9 && evenNul < half * 0.1) return 'utf-16le';
  if (evenNul > half * 0.9 && oddNul < half * 0.1) return 'utf-16be';
  return null;
}

interface Decoder {
  decode(input: Uint8Array): string;
}
type DecoderCtor = new (label: string, options?: { fatal?: boolean; ignoreBOM?: boolean }) => Decoder;
const TD = (globalThis as unknown as { TextDecoder: DecoderCtor }).TextDecoder;

/** Decodes bytes in an encoding (a leading BOM dropped); invalid UTF-8 becomes U+FFFD. */
export function decodeText(bytes: Uint8Array, encoding: TextEncoding): string {
  const s = new TD(encoding).decode(bytes);
  return encoding === 'windows-1252' ? fixWindows1252(s) : s;
}

/** Transcodes a whole file to UTF-8 (no BOM), for DuckDB, whose CSV reader reads UTF-8. */
export function toUtf8(bytes: Uint8Array, encoding: TextEncoding): Uint8Array {
  return new TextEncoder().encode(decodeText(bytes, encoding));
}

/** The bytes looked at to tell the single-byte encodings apart (singleByteEncoding). */
const SINGLE_BYTE_SAMPLE = 1 << 20;

/**
 * The single-byte encoding of bytes that are not UTF-8: windows-1252 (Windows; ISO-8859-1 files are
 * read so too) or Mac OS Roman (Excel for Mac's "CSV (Macintosh)"). Both put the accented letters
 * above 0x7F, in other places: read in the wrong one, a lowercase accented letter before a lowercase
 * letter turns into a capital, a symbol or a control character ("RŽgion" for Région, read as
 * windows-1252 from Mac OS Roman; "RÈgion" the other way; "ƒquateur" for Équateur). Each reading is
 * scored over the non-ASCII characters followed by a lowercase ASCII letter: +1 for an accented
 * lowercase letter of the Latin alphabets (à-ÿ, œ), or an accented capital at the start of a word; 0
 * for punctuation and spaces (an apostrophe ’, a dash); -1 for anything else. Mac OS Roman only when
 * it scores higher. Read as windows-1252, a probe's Mac file put its girls out of the sex cells and
 * mangled its region names without a word. `bytes`: from the first non-UTF-8 byte, at most
 * SINGLE_BYTE_SAMPLE of them.
 */
export function singleByteEncoding(bytes: Uint8Array): 'windows-1252' | 'macintosh' {
  const sample = bytes.subarray(0, SINGLE_BYTE_SAMPLE);
  const score = (encoding: 'windows-1252' | 'macintosh') => {
    let n = 0;
    for (const m of decodeText(sample, encoding).matchAll(/(\p{L})?([\u0080-\u{10ffff}])(?=[a-z])/gu)) {
      const ch = m[2]!;
      if (/[à-öø-ÿœ]/u.test(ch) || (/[À-ÖØ-ÞŒ]/u.test(ch) && !m[1])) n++;
      else if (!/[\p{P}\p{Z}]/u.test(ch)) n--;
    }
    return n;
  };
  return score('macintosh') > score('windows-1252') ? 'macintosh' : 'windows-1252';
}

/** A few non-ASCII words of decoded text, to show in a message ("Équateur, Kasaï"). */
export function accentedSample(text: string, max = 3): string {
  const words = new Set<string>();
  for (const m of text.matchAll(/[^\s,;\t|"]*[^\s\w,;|"!-~][^\s,;\t|"]*/g)) {
    words.add(m[0]);
    if (words.size >= max) break;
  }
  return [...words].join(', ');
}

/** The delimiters looked for, in order of preference on a tie. */
export const DELIMITERS = [',', ';', '\t', '|'] as const;

/**
 * The first `max` records of CSV text, with RFC 4180 quoting ("" inside quotes). Blank lines are
 * skipped, as DuckDB does. `complete` false: the text is the head of a longer file, so the last
 * record, which may be cut, is dropped. `lines`, when given, receives the line (1-based, as an editor
 * numbers it) each record starts on.
 */
export function csvRecords(text: string, delimiter: string, max: number, complete = true, lines?: number[]): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let any = false; // the current line has content
  let line = 1;
  let start = 1; // the line the current record starts on
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < n && out.length < max; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        field += ch;
        if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
      }
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
      any = true;
    } else if (ch === delimiter) {
      row.push(field);
      field = '';
      any = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      if (any || field !== '') {
        row.push(field);
        out.push(row);
        lines?.push(start);
      }
      line++;
      start = line;
      row = [];
      field = '';
      any = false;
    } else {
      field += ch;
      any = true;
    }
  }
  if (complete && out.length < max && !quoted && (any || field !== '')) {
    row.push(field);
    out.push(row);
    lines?.push(start);
  }
  return out;
}

export interface CsvDialect {
  delimiter: string;
  /** Whether the delimiter was detected (false: given). */
  detected: boolean;
  /** The first record's fields after the title records (the header when there is one). */
  first: string[];
  /** Number of fields of each sampled record. */
  widths: number[];
  /** Sampled records from `first` on, for type detection. */
  sample: string[][];
  /**
   * Title records above the header (titleRows.ts; only when asked for: a file with a header): how
   * many lines they take (blank ones too), their text (clipped), the header's line and the next one.
   */
  titles?: { count: number; text: string; headerLine: number; firstLine: number };
  /**
   * The header names one field fewer than every data line holds, and the extra field is the first:
   * R's write.table with its row names, which R's read.table reads back as such. (Lines that each end
   * with a delimiter, an empty last field, are not this: DuckDB reads them without it, as the R script
   * does.)
   */
  rowNames?: boolean;
}

/** Whether the records under a header are R's write.table with row names (CsvDialect.rowNames). */
function rowNamesFirst(recs: string[][]): boolean {
  const w = recs[0]?.length ?? 0;
  const data = recs.slice(1);
  return w >= 2 && data.length >= 1 && data.every((r) => r.length === w + 1) && !data.every((r) => r[w]!.trim() === '');
}

/** A record as the title rule sees it: its non-blank fields, and how many are numbers. */
function topRow(r: string[]): TopRow {
  const cells = r.map((f) => f.trim()).filter((f) => f !== '');
  return { cells: cells.length, numbers: cells.filter((f) => DECIMAL_POINT_NUMBER.test(f) || DECIMAL_COMMA_NUMBER.test(f)).length };
}

/**
 * Picks the delimiter: among , ; tab |, the one that splits the sampled records into the same number
 * of fields, more than one; else the one that gives the header the most fields. A given delimiter is
 * used as it is. With `titles` (the file has a header), title records above the header (a CSV saved
 * from a sheet with a title: titleRows.ts) are passed over, and the delimiter judged on the rest;
 * with `headerWith` (the mapped columns), so are group headers above the record that names them all.
 */
export function sniffDialect(
  text: string, options: { delimiter?: string; preferTab?: boolean; complete?: boolean; titles?: boolean; headerWith?: readonly string[] } = {},
): CsvDialect {
  const complete = options.complete ?? true;
  const SAMPLE = 200;
  const order = options.preferTab ? ['\t', ',', ';', '|'] : [...DELIMITERS];
  type Try = { d: string; recs: string[][]; score: number; skip: number; lines: number[]; all: string[][]; rowNames: boolean };
  const attempt = (d: string): Try => {
    const lines: number[] = [];
    const all = csvRecords(text, d, SAMPLE, complete, lines);
    // A first line that another delimiter splits into three or more fields is a header, not a title
    // ("a;b;c" read with ","): suspectDelimiter says so below.
    const otherDelimiter = all[0]?.length === 1 && DELIMITERS.some((o) => o !== d && all[0]![0]!.split(o).length >= 3);
    const rule = options.titles && !otherDelimiter ? titleRowCount(all.slice(0, TITLE_LOOK + 1).map(topRow)) : 0;
    const skip = options.titles ? headerRowWith(all, rule, options.headerWith) : 0;
    const recs = all.slice(skip);
    const w = recs[0]?.length ?? 0;
    const consistent = recs.every((r) => r.length === w);
    const rowNames = Boolean(options.titles) && !consistent && rowNamesFirst(recs);
    const score = w > 1 ? (consistent || rowNames ? 1e6 : 0) + w + (rowNames ? 1 : 0) : 0;
    return { d, recs, score, skip, lines, all, rowNames };
  };
  let best: Try | undefined;
  for (const d of options.delimiter ? [options.delimiter] : order) {
    const tried = attempt(d);
    if (!best || tried.score > best.score) best = tried;
  }
  // Spaces between fields (R's write.table, Stata's outfile): looked for only when no other delimiter
  // splits the first line at all, since a label's words are spaces too.
  if (!options.delimiter && (best!.recs[0]?.length ?? 0) <= 1) {
    const spaced = attempt(' ');
    if (spaced.score >= 1e6 && spaced.recs[0]!.length >= 2) best = spaced;
  }
  const { d, recs, skip, lines, all, rowNames } = best!;
  const dialect: CsvDialect = { delimiter: d, detected: !options.delimiter, first: recs[0] ?? [], widths: recs.map((r) => r.length), sample: recs, ...(rowNames ? { rowNames } : {}) };
  if (skip) {
    // Every line above the header is counted (blank ones too: "line 4 is the header" says why 3).
    // Excel's "sep=;" line is split by its own delimiter: quoted whole (a probe: "sep=").
    const directive = (r: string[]) => r.length === 2 && /^sep=$/i.test(r[0]!.trim()) && r[1]!.trim() === '';
    const title = all.slice(0, skip).map((r) => (directive(r) ? `${r[0]!.trim()}${d}` : r.map((f) => f.trim()).filter((f) => f !== '').join(' '))).join(' / ');
    dialect.titles = { count: lines[skip]! - 1, text: clip(title), headerLine: lines[skip]!, firstLine: lines[skip + 1] ?? lines[skip]! + 1 };
  }
  return dialect;
}

/** Another delimiter that the single column's name contains ("a;b;c" read with ","), if any. */
export function suspectDelimiter(dialect: CsvDialect): string | undefined {
  if (dialect.first.length !== 1) return undefined;
  return DELIMITERS.find((d) => d !== dialect.delimiter && dialect.first[0]!.includes(d));
}

/**
 * Column names from the header record: trimmed, a blank name becomes column<N> (1-based position).
 * Without a header: column1..columnN.
 */
export function columnNames(first: string[], header: boolean): string[] {
  return first.map((f, i) => (header && f.trim() !== '' ? f.trim() : `column${i + 1}`));
}

/**
 * The first pair of equal names, as 1-based positions: a role naming one could mean either. With
 * `ignoreCase` (a Parquet file, whose columns DuckDB reads by name), "Age" and "age" are equal too.
 * With `mapped` (the columns the mapping reads), only a pair of those: other equal names are read
 * apart by caseTwins, the later as <name>_2, as R, Stata and SPSS read them (a probe: a file whose
 * unmapped columns P5 and obs came twice, as an export with labels for names writes them, was refused).
 */
export function duplicateName(names: string[], ignoreCase = false, mapped?: readonly string[]): { name: string; other: string; first: number; second: number } | undefined {
  const seen = new Map<string, number>();
  for (const [i, n] of names.entries()) {
    const key = ignoreCase ? n.toLowerCase() : n;
    const prior = seen.get(key);
    if (prior !== undefined && mapped && !mapped.includes(n)) continue;
    // Both spellings: "Age" and "age" are the same name to the mapping, not to the reader.
    if (prior !== undefined) return { name: n, other: names[prior]!, first: prior + 1, second: i + 1 };
    seen.set(key, i);
  }
  return undefined;
}

/** What a column read under another name says: an equal name, or one that differs in capitals only. */
export function renamedMessage(file: string, r: RenamedTwin): Message {
  return message(r.column === r.other ? 'DATA_COLUMN_DUPLICATE_RENAMED' : 'DATA_COLUMN_CASE_RENAMED', { file, ...r });
}

/** A column read under another name than its own (caseTwins). */
export interface RenamedTwin {
  /** Its name in the file and the name it is read as, its 1-based position; its twin's name and position. */
  column: string;
  renamed: string;
  at: number;
  other: string;
  otherAt: number;
}

/**
 * Names that differ only in capitals ("wgt" and "WGT"): two variables to Stata, R and a CSV file, one
 * name to SQL (DuckDB), which does not tell them apart. One of each group keeps its name: the one the
 * mapping names (`mapped`, when known and only one is), else the first; the others are read as
 * `<name>_2` (`_3`, ...), a name no column has, capitals aside. Equal names are duplicateName's.
 */
export function caseTwins(names: readonly string[], mapped: readonly string[] = []): { names: string[]; renamed: RenamedTwin[] } {
  const groups = new Map<string, number[]>();
  names.forEach((n, i) => groups.set(n.toLowerCase(), [...(groups.get(n.toLowerCase()) ?? []), i]));
  const out = [...names];
  const renamed: RenamedTwin[] = [];
  const taken = new Set(names.map((n) => n.toLowerCase()));
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const named = group.filter((i) => mapped.includes(names[i]!));
    const keeper = named.length === 1 ? named[0]! : group[0]!;
    for (const i of group) {
      if (i === keeper) continue;
      let k = 2;
      while (taken.has(`${names[i]}_${k}`.toLowerCase())) k++;
      out[i] = `${names[i]}_${k}`;
      taken.add(out[i]!.toLowerCase());
      renamed.push({ column: names[i]!, renamed: out[i]!, at: i + 1, other: names[keeper]!, otherAt: keeper + 1 });
    }
  }
  return { names: out, renamed };
}

/** A number as written in a decimal-comma file ("12,5", "-0,25", "7"). */
export const DECIMAL_COMMA_NUMBER = /^[-+]?(\d+(,\d*)?|,\d+)$/;
/** A number as written with a decimal point ("12.5", "1e3"); what DuckDB's cast to DOUBLE accepts, roughly. */
export const DECIMAL_POINT_NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/**
 * The first column of a file read with decimal points whose sampled values are all numbers written
 * with a decimal comma, one at least with a comma and one whose decimals are not three digits (so not
 * "1,234" thousands): a European export read as if its commas were text. Null in a comma-delimited
 * file, whose commas are its delimiters.
 */
export function decimalCommaColumn(records: string[][], names: readonly string[], delimiter: string): { column: string; example: string } | null {
  if (delimiter === ',') return null;
  for (let j = 0; j < names.length; j++) {
    let example: string | null = null;
    let ok = true;
    for (const r of records) {
      const v = (r[j] ?? '').trim();
      if (v === '') continue;
      if (!DECIMAL_COMMA_NUMBER.test(v)) {
        ok = false;
        break;
      }
      if (example === null && /,(\d{1,2}|\d{4,})$/.test(v)) example = v;
    }
    if (ok && example !== null) return { column: names[j]!, example };
  }
  return null;
}

/**
 * Column types from the sampled records: `number` when every non-blank value is a number (in the
 * file's decimal convention), `empty` when every value is blank, `text` otherwise.
 */
export function sampleTypes(records: string[][], width: number, decimalComma: boolean): ('number' | 'text' | 'empty')[] {
  const re = decimalComma ? DECIMAL_COMMA_NUMBER : DECIMAL_POINT_NUMBER;
  const types: ('number' | 'text' | 'empty')[] = new Array(width).fill('empty');
  for (const r of records) {
    for (let j = 0; j < width; j++) {
      const v = (r[j] ?? '').trim();
      if (v === '' || types[j] === 'text') continue;
      types[j] = re.test(v) ? 'number' : 'text';
    }
  }
  return types;
}

/**
 * The line of the file (1-based, as an editor numbers it) where CSV record `record` starts (1-based,
 * the header being record 1). DuckDB numbers its errors by record, and a quoted value holding line
 * breaks makes a record span several lines: the error's line is then not the editor's. A line break
 * inside double quotes continues the record; "" inside quotes is a quote written twice.
 */
export function recordStartLine(bytes: Uint8Array, record: number): number {
  let line = 1;
  let current = 1;
  let quoted = false;
  for (let i = 0; i < bytes.length && current < record; i++) {
    const b = bytes[i]!;
    if (b === 0x22) quoted = !quoted;
    else if (b === 0x0a) {
      line++;
      if (!quoted) current++;
    }
  }
  return line;
}
