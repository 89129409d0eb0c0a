import type { Engine } from '../engine/engine.js';
import { ident, sqlString } from '../engine/values.js';
import { AnalysisError, message } from '../messages.js';
import { extensionOf } from './format.js';
import { keptColumns } from './keptColumns.js';
import { readNames } from './readNames.js';
import type { ImportOptions, ImportResult, ImportSource } from './load.js';
import { engineError, firstLine } from './loadErrors.js';
import {
  accentedSample, columnNames, csvRecords, decimalCommaColumn, DECIMAL_POINT_NUMBER, decodeText, duplicateName, lineAt, looksUtf16, recordStartLine, sampleTypes, scanText, sniffDialect,
  singleByteEncoding, suspectDelimiter, toUtf8, type TextEncoding,
} from './textFile.js';
import { convertDecimalComma } from './decimalComma.js';
import { withHeaderField, withoutHeaderDelimiter } from './headerDelimiter.js';
import { blankLinesAsEmptyRows, EmptyLineFinder } from './spaceLines.js';
import { NOTE_MAX_CELLS, NOTE_MIN_COLUMNS } from './titleRows.js';
import { spacedCellsPossible, spacedCellsPossibleInPieces } from './trimSpaces.js';

/** A detail quoted in a message stays readable: at most 200 characters of it. */
const clip = (s: string) => (s.length > 200 ? `${s.slice(0, 200)}...` : s);

interface CsvRead {
  ref: string;
  encoding: TextEncoding;
  /** The text DuckDB reads is this transcoded copy (not the file's own bytes). */
  transcoded: boolean;
  /** The UTF-8 bytes DuckDB reads, when they are in memory (not native DuckDB reading a path). */
  bytes?: Uint8Array;
}

/** read_csv's buffer (see its use): 16 MB, well above the longest line read (MAX_LINE_BYTES). */
const CSV_BUFFER_BYTES = 16 * 1024 * 1024;
/** The longest line read (DuckDB's default, stated beside the buffer). */
const MAX_LINE_BYTES = 2 * 1024 * 1024;

/**
 * How many bytes at the end of the file are an end-of-file mark: a Ctrl-Z (0x1A), which old DOS and
 * CSPro-era exports write after the last line, with any line ends around it; 0 if none. DuckDB would
 * read it as a last line of one field, and stop the import.
 */
async function endOfFileMark(source: ImportSource): Promise<number> {
  const end = source.size <= source.head.length ? source.head
    : source.tail ? source.tail(8)
      : !source.path ? await source.bytes() : undefined;
  if (!end?.length) return 0;
  let i = end.length;
  while (i > 0 && (end[i - 1] === 0x0a || end[i - 1] === 0x0d)) i--;
  if (i === 0 || end[i - 1] !== 0x1a) return 0;
  return end.length - (i - 1);
}

/**
 * Notes typed under the data without the delimiters that pad a row ("Source: NSO" alone on its line):
 * DuckDB stops at the first, a line with fewer fields than the header. When that line and every line
 * after it are notes (one or two fields, each a word: load.ts `dropTrailingRows`'s rule) or blank, the
 * byte offset where they start and what they are; else undefined (the line is malformed data).
 * Line ends are ASCII in UTF-8 and windows-1252, so the offset is the original file's.
 */
function trailingNotes(bytes: Uint8Array, line: number, encoding: TextEncoding, delimiter: string, width: number): { offset: number; count: number; note: string } | undefined {
  if (width < NOTE_MIN_COLUMNS || encoding.startsWith('utf-16')) return undefined;
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const nl = bytes.indexOf(0x0a, offset);
    if (nl < 0) return undefined;
    offset = nl + 1;
  }
  const records = csvRecords(decodeText(bytes.subarray(offset), encoding), delimiter, Number.MAX_SAFE_INTEGER);
  const words = (r: string[]) => r.map((f) => f.trim()).filter((f) => f !== '');
  const isNote = (r: string[]) => words(r).length <= NOTE_MAX_CELLS && words(r).every((f) => /\p{L}/u.test(f) && !DECIMAL_POINT_NUMBER.test(f));
  if (!records.length || !records.every(isNote)) return undefined;
  const first = records.find((r) => words(r).length);
  return { offset, count: records.length, note: first ? words(first).join(' ') : '' };
}

/**
 * The line ends of a text when they are of more than one kind: CR LF (Windows), LF alone (Unix), and
 * CR alone or CR CR LF (old Macs, a CR LF written through a converter); null when one kind or none.
 */
export function mixedLineEnds(bytes: Uint8Array): { crlf: number; lf: number; cr: number; line: number } | null {
  if (bytes.indexOf(0x0d) < 0) return null;
  const counts = { crlf: 0, lf: 0, cr: 0 };
  // The line (from 1) each kind first ends: the least frequent kind's is where to look.
  const first = { crlf: 0, lf: 0, cr: 0 };
  let line = 1;
  let doubled = false;
  for (let i = 0; i < bytes.length; i++) {
    let kind: keyof typeof counts;
    if (bytes[i] === 0x0a) kind = 'lf';
    else if (bytes[i] === 0x0d) {
      let j = i + 1;
      while (bytes[j] === 0x0d) j++;
      kind = bytes[j] === 0x0a && j === i + 1 ? 'crlf' : 'cr';
      doubled ||= bytes[j] === 0x0a && j > i + 1;
      i = bytes[j] === 0x0a ? j : j - 1;
    } else continue;
    counts[kind]++;
    first[kind] ||= line;
    line++;
  }
  // CR CR LF, even alone, is no line end DuckDB reads (CR alone is: old Macs' files read as they are).
  const kinds = (['crlf', 'lf', 'cr'] as const).filter((k) => counts[k] > 0);
  if (kinds.length < 2 && !doubled) return null;
  const rarest = kinds.reduce((a, b) => (counts[b] < counts[a] ? b : a));
  return { ...counts, line: first[rarest] };
}

/** The text with every line end of mixedLineEnds as LF (CR LF, CR alone, CR CR LF: one line end each). */
export function oneLineEnd(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  let k = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b !== 0x0d) out[k++] = b;
    else {
      while (bytes[i + 1] === 0x0d) i++;
      if (bytes[i + 1] === 0x0a) i++;
      out[k++] = 0x0a;
    }
  }
  return out.subarray(0, k);
}

/** Returns false when the bytes DuckDB read show that no cell starts or ends with a space (trimSpaces.ts). */
export async function loadDelimited(
  engine: Engine, source: ImportSource, options: ImportOptions, result: ImportResult, lap: (s: string) => void,
): Promise<boolean> {
  const { file, table } = result;
  // Messages of this attempt only: a second reading (below) says its own again.
  const mark = result.messages.length;
  /** Reads again from `bytes` in memory (a rewritten text), this attempt's messages forgotten. */
  const readAgain = (bytes: Uint8Array) => {
    result.messages.length = mark;
    return loadDelimited(engine, { name: source.name, size: bytes.length, head: bytes.subarray(0, source.head.length), bytes: async () => bytes }, options, result, lap);
  };
  const eof = await endOfFileMark(source);
  // The file without its mark, read from memory (a file on disk is read whole, once).
  if (eof) return readAgain((await source.bytes()).subarray(0, source.size - eof));
  const head = source.head;
  const complete = source.size <= head.length;
  const forced: TextEncoding | undefined = options.encoding === 'latin-1' ? 'windows-1252' : options.encoding;
  const scan = scanText(head, complete);
  const utf16 = scan.bom === 'utf-16le' || scan.bom === 'utf-16be' ? scan.bom : looksUtf16(head);
  const kind = options.delimiter === '\t' || (!options.delimiter && ['tsv', 'tab'].includes(extensionOf(file))) ? 'TSV' : 'CSV';
  if (!utf16 && !forced) {
    const controls = scan.controls / Math.max(1, head.length);
    if (scan.firstNul >= 0 || controls > 0.01) {
      throw new AnalysisError('DATA_NOT_TEXT', {
        file,
        // Catalogue keys (i18n words), filled in the reader's language: the English text was left in French and Spanish messages (a probe).
        ...(scan.firstNul >= 0 ? { detail: 'notText.nul', offset: scan.firstNul } : { detail: 'notText.controls' }),
      });
    }
  }
  options.progress?.('read', 0, 1);

  /** Registers the whole file transcoded to UTF-8; mixed or invalid text is an error. `single-byte`: detected (singleByteEncoding), and said. */
  const transcode = async (given: TextEncoding | 'single-byte'): Promise<CsvRead> => {
    const bytes = await source.bytes();
    let encoding: TextEncoding = given === 'single-byte' ? 'windows-1252' : given;
    if (given === 'single-byte') {
      const full = scanText(bytes);
      if (full.firstMultibyte >= 0 && full.firstInvalid >= 0) {
        throw new AnalysisError('DATA_ENCODING_MIXED', { file, line: lineAt(bytes, full.firstInvalid), utf8Line: lineAt(bytes, full.firstMultibyte) });
      }
      encoding = singleByteEncoding(bytes.subarray(Math.max(0, full.firstInvalid)));
      const text = decodeText(bytes.subarray(0, Math.min(bytes.length, full.firstInvalid + 4096)), encoding);
      result.messages.push(message('DATA_ENCODING_GUESSED', { file, encoding, line: lineAt(bytes, full.firstInvalid), sample: accentedSample(text) || '?' }));
    }
    const utf8 = toUtf8(bytes, encoding);
    lap('transcode');
    return { ref: await engine.registerFile('data.csv', { bytes: utf8 }), encoding, transcoded: true, bytes: utf8 };
  };

  // A byte order mark is the file's own statement of its encoding (Excel's "CSV UTF-8" writes one): it
  // wins over data.encoding, which may have been written for an older copy of the file, when the bytes
  // agree (UTF-16's always do); reading UTF-8 bytes as windows-1252 would turn every accented name into
  // two wrong characters unseen.
  const bomUtf16 = scan.bom === 'utf-16le' || scan.bom === 'utf-16be' ? scan.bom : undefined;
  const bom = bomUtf16 ?? (scan.bom === 'utf-8' && scan.firstInvalid < 0 ? 'utf-8' : undefined);
  const encoding = bom && forced && forced !== bom ? undefined : forced;
  if (encoding !== forced) result.messages.push(message('DATA_ENCODING_BOM', { file, encoding: bom!.toUpperCase(), declared: options.encoding! }));
  let read: CsvRead;
  if (encoding === 'windows-1252' || encoding === 'macintosh') read = await transcode(encoding);
  else if (encoding === 'utf-8' && scan.firstInvalid >= 0) {
    throw new AnalysisError('DATA_ENCODING_INVALID', { file, encoding: 'UTF-8', line: lineAt(head, scan.firstInvalid) });
  } else if (utf16 && encoding !== 'utf-8') {
    read = await transcode(utf16);
    // The names to check: accented ones if the first bytes have some, else the header's first (a probe: "()" said nothing).
    const text = decodeText(head, utf16);
    const sample = accentedSample(text) || (text.split(/\r?\n/, 1)[0] ?? '').split(/[,;\t|]/).slice(0, 3).map((x) => x.replace(/"/g, '').trim()).join(', ');
    if (!scan.bom) result.messages.push(message('DATA_ENCODING_GUESSED', { file, encoding: utf16.toUpperCase(), line: 1, sample: sample || '?' }));
  } else if (scan.firstInvalid >= 0 && !encoding) read = await transcode('single-byte');
  else if (!complete && source.path && engine.name === 'duckdb-native' && source.utf8 && !source.utf8()) {
    // Not UTF-8 after the first bytes, in a file native DuckDB would read from its path: read as below
    // when DuckDB says so. Checked first because DuckDB 1.4, reading only some columns of the file
    // (the command line's mapped ones), fails on such bytes with an internal error instead.
    return loadDelimited(engine, { ...source, head: await source.bytes() }, options, result, lap);
  } else {
    if (source.path && engine.name === 'duckdb-native') {
      read = { ref: await engine.registerFile('data.csv', { path: source.path }), encoding: 'utf-8', transcoded: false };
    } else {
      const bytes = await source.bytes();
      read = { ref: await engine.registerFile('data.csv', { bytes }), encoding: 'utf-8', transcoded: false, bytes };
    }
  }

  // The dialect, from the first bytes as decoded.
  const headText = decodeText(head, read.encoding);
  const header = options.header ?? true;
  const dialect = sniffDialect(headText, { delimiter: options.delimiter, preferTab: kind === 'TSV', complete, titles: header, headerWith: options.sheetWith ?? options.columns });
  if (dialect.first.length === 0) {
    if (complete || headText.trim() === '') throw new AnalysisError('DATA_FILE_EMPTY', { file });
    throw new AnalysisError('DATA_CSV_MALFORMED', { file, kind, line: 1, detail: 'csvProblem.firstLine', bytes: head.length });
  }
  const suspect = suspectDelimiter(dialect);
  if (suspect) {
    const show = (d: string) => (d === '\t' ? 'tab' : `"${d}"`);
    throw new AnalysisError('DATA_DELIMITER_SUSPECT', { file, delimiter: show(dialect.delimiter), column: dialect.first[0]!.slice(0, 60), suspect: show(suspect) });
  }
  if (dialect.rowNames && header && !utf16) {
    // R's write.table with row names: the header gets their name, as R's read.csv(row.names = NULL)
    // names them (so the R script reads the same column), and the text is read again.
    const taken = new Set(columnNames(dialect.first, header));
    let name = 'row.names';
    for (let k = 2; taken.has(name); k++) name = `row.names_${k}`;
    const fixed = withHeaderField(await source.bytes(), dialect.titles?.headerLine ?? 1, dialect.delimiter, name);
    if (fixed) {
      const spaced = await readAgain(fixed);
      result.messages.push(message('DATA_CSV_ROW_NAMES', { file, column: name }));
      return spaced;
    }
  }
  const mapped = options.sheetWith ?? options.columns ?? [];
  const dup = duplicateName(columnNames(dialect.first, header), false, mapped);
  if (dup) throw new AnalysisError('DATA_COLUMN_DUPLICATE', { file, column: dup.name, other: dup.other, first: dup.first, second: dup.second });
  const named = readNames(file, columnNames(dialect.first, header), mapped);
  const names = named.names;
  result.messages.push(...named.messages);
  const decimalComma = options.decimalComma ?? false;
  const types = sampleTypes(dialect.sample.slice(header ? 1 : 0), names.length, decimalComma);
  // Said at once when nothing says how the file writes decimals: the error (VALUE_DECIMAL_COMMA) came
  // only once a role read such a column, and not at all while the weight was left unmapped (a walk).
  const commaColumn = options.decimalComma === undefined ? decimalCommaColumn(dialect.sample.slice(header ? 1 : 0), names, dialect.delimiter) : null;
  if (commaColumn) result.messages.push(message('DATA_DECIMAL_COMMA_LIKELY', { file, ...commaColumn }));
  names.forEach((n, j) => {
    const t = options.columnTypes?.[n];
    if (t) types[j] = t;
  });
  const kept = keptColumns(names, options.columns);
  const projection = names.filter((n) => kept.has(n)).map(ident);
  // Decimal comma: converted once the table is stored (decimalComma.ts), in every column but those
  // declared text (columnTypes): a column sampled as text may still be a role's numbers ("1 234,5").
  const converted = decimalComma ? names.filter((n) => kept.has(n) && options.columnTypes?.[n] !== 'text') : [];
  const columns = `{${names.map((n) => `${sqlString(n)}: 'VARCHAR'`).join(', ')}}`;
  const opts = [
    'auto_detect = false',
    `header = ${header}`,
    `delim = ${sqlString(dialect.delimiter)}`,
    `quote = '"'`,
    `escape = '"'`,
    `columns = ${columns}`,
    // Title lines above the header (a CSV saved from a sheet with a title): DuckDB skips lines.
    ...(dialect.titles ? [`skip = ${dialect.titles.headerLine - 1}`] : []),
    'strict_mode = true',
    // Stated, not left to DuckDB: native DuckDB 1.4 stores a 2M-row, 88 MB file of 17 text columns
    // into the table in 1.0-1.5 s with any buffer_size stated (8-64 MB), 2.5-5.4 s with the default
    // (same rows, same row order; scripts/bench, docs/performance.md). DuckDB-WASM reads the same.
    `buffer_size = ${CSV_BUFFER_BYTES}`,
    // Stated too: with a buffer stated, DuckDB no longer stops at its default 2 MB line (a field of
    // megabytes is no survey data: DATA_LINE_TOO_LONG, test/scope.test.ts).
    `max_line_size = ${MAX_LINE_BYTES}`,
  ];
  const storing = engine.run(`CREATE OR REPLACE TABLE ${ident(table)} AS SELECT ${projection.join(', ')} FROM read_csv(${read.ref}, ${opts.join(', ')})`);
  storing.catch(() => undefined);
  // While DuckDB reads (natively on its own threads, in the app in DuckDB-WASM's worker), this thread
  // looks in the bytes for cells with spaces: 0.1 s at 2M rows, 1.4 s at 20M read again in pieces,
  // which used to follow the read. The same answer, from the same bytes.
  const { spaced, emptyLines } = scanBytes(read, source, dialect.delimiter);
  const headerLine = dialect.titles?.headerLine ?? (header ? 1 : 0);
  try {
    await storing;
  } catch (e) {
    const detail = String(e instanceof Error ? e.message : e);
    if (/invalid unicode|not utf-8 encoded/i.test(detail) && !read.transcoded) {
      // Not UTF-8 after the first bytes: read it again, transcoded (or refuse a mix of encodings, or
      // say where, when the file is declared UTF-8).
      return loadDelimited(engine, { ...source, head: await source.bytes() }, options, result, lap);
    }
    if (!utf16) {
      // Line ends of two kinds (a line added in Notepad to a Unix file, two exports joined): DuckDB
      // reads one kind only. Read again from memory with each as LF, as R and Excel read such a file
      // (in UTF-8 and windows-1252 alike: line ends are ASCII). Lines keep their numbers as R counts
      // them; an editor may show a CR CR LF as two lines.
      const whole = await source.bytes();
      const mixed = mixedLineEnds(whole);
      if (mixed) {
        const spaced = await readAgain(oneLineEnd(whole));
        result.messages.push(message('DATA_CSV_LINE_ENDS_MIXED', { file, ...mixed }));
        return spaced;
      }
    }
    const record = /CSV Error on Line: (\d+)/.exec(detail)?.[1];
    // DuckDB counts records; the message gives the line an editor shows (they differ after a quoted value with line breaks).
    const line = record === undefined ? undefined : recordStartLine(read.bytes ?? (await source.bytes()), Number(record));
    const long = /Maximum line size of (\d+) bytes exceeded\. Actual Size: ?(\d+)/.exec(detail);
    if (long) {
      // A field of megabytes is not survey data (a pasted document, a binary blob, a broken export).
      throw new AnalysisError('DATA_LINE_TOO_LONG', { file, line: line ?? '?', bytes: Number(long[2]).toLocaleString('en'), limit: Number(long[1]).toLocaleString('en') });
    }
    const widths = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(detail);
    // The file's own bytes are rewritten (a windows-1252 file's too: its line ends, spaces and
    // delimiters are the same bytes) and read again, its encoding detected again; not UTF-16.
    if (widths && header && !utf16 && line === headerLine + 1 && Number(widths[2]) === names.length - 1 && dialect.first.at(-1)?.trim() === '') {
      const fixed = withoutHeaderDelimiter(await source.bytes(), headerLine, dialect.delimiter);
      if (fixed) {
        const spaced = await readAgain(fixed);
        result.messages.push(message('DATA_CSV_HEADER_DELIMITER', { file, position: names.length }));
        return spaced;
      }
    }
    if (widths && line && !utf16 && Number(widths[2]) === 1 && names.length > 1) {
      const fixed = blankLinesAsEmptyRows(await source.bytes(), dialect.delimiter, names.length, headerLine, line);
      if (fixed) return readAgain(fixed);
    }
    if (widths && line && Number(widths[2]) < Number(widths[1])) {
      const whole = await source.bytes();
      const notes = trailingNotes(whole, line, read.encoding, dialect.delimiter, names.length);
      if (notes) {
        // Read again without them (from memory); load.ts says they were not read, with the notes
        // of padded rows (result.notesCut).
        const spaced = await readAgain(whole.subarray(0, notes.offset));
        result.notesCut = { count: notes.count, note: notes.note };
        return spaced;
      }
    }
    if (line || /state machine|unterminated quote/i.test(detail)) {
      // The reason is a catalogue text (csvProblem.*), written in the reader's language (fill.ts `detail`).
      // A last line with too few fields: the file was cut off (a copy or download interrupted).
      const cut = widths && line && Number(widths[2]) < Number(widths[1]) && lastLine(await source.bytes()) === Number(line);
      const why = cut ? 'csvProblem.cut' : widths ? 'csvProblem.fields'
        : /unterminated quote/i.test(detail) ? 'csvProblem.quote'
          : /state machine/i.test(detail) ? 'csvProblem.parser'
            : clip(firstLine(detail.replace(/^.*?Error: /, '').replace(/^CSV Error on Line: \d+\s*/, ''))) || 'csvProblem.line';
      const fields: Record<string, number> = widths ? { fields: Number(widths[2]), expected: Number(widths[1]) } : {};
      throw new AnalysisError('DATA_CSV_MALFORMED', { file, kind, line: line ?? '?', detail: why, ...fields });
    }
    throw engineError(e, file);
  }
  if (emptyLines && names.length > 1) {
    // Read again with each empty line between data rows as an empty row, which load.ts leaves out
    // while the other rows keep their numbers (spaceLines.ts).
    const fixed = blankLinesAsEmptyRows(await source.bytes(), dialect.delimiter, names.length, headerLine);
    if (fixed) return readAgain(fixed);
  }
  if (decimalComma) await convertDecimalComma(engine, table, converted);
  if (dialect.titles) {
    const { count, text: title, headerLine: line, firstLine: first } = dialect.titles;
    result.messages.push(message('DATA_CSV_TITLE_SKIPPED', { file, count, title, line, first }));
  }
  lap('read');
  // The table holds the data now: the engine's copy of the bytes (DuckDB-WASM: the whole file) goes.
  await engine.dropFile?.(read.ref);
  result.encoding = read.encoding;
  result.delimiter = dialect.delimiter;
  result.header = header;
  result.decimalComma = decimalComma;
  result.columns = names.map((name, j) => ({ name, type: types[j]! }));
  return spaced;
}

/**
 * Whether the text may hold a cell with a leading or trailing space (trimSpaces.ts spacedCellsPossible):
 * when not, the table's scan for them is spared (0.24 s natively at 2M rows); and whether it may hold
 * an empty line between data rows (spaceLines.ts EmptyLineFinder). A file DuckDB read from its path is
 * read again in pieces, once for both (from the page cache: 0.03 s for 88 MB). A failure to read says
 * "possible" for the spaces and "none" for the lines (the rows then keep DuckDB's numbers).
 */
function scanBytes(read: CsvRead, source: ImportSource, delimiter: string): { spaced: boolean; emptyLines: boolean } {
  const lines = new EmptyLineFinder();
  let spaced = true;
  try {
    if (read.bytes) {
      lines.push(read.bytes);
      spaced = spacedCellsPossible(read.bytes, delimiter);
    } else if (source.pieces) {
      // One reading for both scans: the spaces' scan may stop early, the lines' then reads on.
      const it = source.pieces()[Symbol.iterator]();
      const next = () => {
        const r = it.next();
        if (!r.done) lines.push(r.value);
        return r;
      };
      spaced = spacedCellsPossibleInPieces({ [Symbol.iterator]: () => ({ next }) }, delimiter);
      while (!lines.found && !next().done);
      it.return?.();
    }
  } catch {
    spaced = true;
  }
  return { spaced, emptyLines: lines.found };
}

/** The number of the file's last line with a byte that is not a line end (1-based: the header's is 1 when it is the first). */
function lastLine(bytes: Uint8Array): number {
  let end = bytes.length;
  while (end > 0 && (bytes[end - 1] === 0x0a || bytes[end - 1] === 0x0d)) end--;
  let n = 1;
  for (let i = 0; i < end; i++) if (bytes[i] === 0x0a) n++;
  return n;
}
