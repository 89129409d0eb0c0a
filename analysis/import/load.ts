import { tableFromIPC } from 'apache-arrow';
import { checkSize, estimateDelimited } from './sizeGuard.js';
import type { ColumnData, Engine } from '../engine/engine.js';
import type { DataSpec } from '../types.js';
import { ident, sqlString } from '../engine/values.js';
import { AnalysisError, message, type Message } from '../messages.js';
import type { DecodedTable } from './columns.js';
import { restoreDeclaredMissing, saveDeclaredMissing } from './declaredMissing.js';
import { ImportFormatError } from './errors.js';
import { detectFormat, extensionOf, type DataFormat } from './format.js';
import { emptyLabels, labelsOf, type DataLabels } from './labels.js';
import { parquetToArrowIPC } from './parquet.js';
import { readDta } from './readDta.js';
import { readSav } from './readSav.js';
import { readXlsx } from './readXlsx.js';
import {
  accentedSample, columnNames, decodeText, duplicateName, lineAt, looksUtf16, sampleTypes, scanText, sniffDialect,
  suspectDelimiter, toUtf8, type TextEncoding,
} from './textFile.js';
import { spacedCellsPossible, trimSpaces } from './trimSpaces.js';

/**
 * The one loader the app and the command line share: any supported data file into the raw table
 * `src`, every column as text, so that the codes stay exactly as in the file and every conversion to
 * a number is checked, role by role, by checkValues.ts before any estimate.
 * Cells are stored without surrounding spaces (trimSpaces.ts: " 1" was always read as the code "1"),
 * so no later query trims them.
 *
 * - CSV / TSV / semicolon: DuckDB parses the file itself, streaming (native: from its path; WASM: from
 *   the registered buffer), with the dialect this module detected from the first bytes and states
 *   explicitly, so a malformed line is an error with its line number, never a silent guess. Files that
 *   are not UTF-8 (windows-1252, UTF-16) are transcoded to UTF-8 first.
 * - Parquet: native DuckDB reads it; DuckDB-WASM gets Arrow from parquet-wasm (parquet.ts).
 * - SPSS .sav/.zsav, Stata .dta, Excel .xlsx: decoded in JavaScript into typed columns (readSav, readDta,
 *   readXlsx), loaded in batches (Engine.insertColumns), then turned into text inside the engine.
 *
 * Numbers become text as a CSV would write them: whole numbers without a decimal part ("1", not
 * "1.0"), others in their shortest round-trip form. SPSS user-missing values and Stata's .a-.z keep
 * their code in the raw table ("98", ".a"), as a CSV of the same survey would, and the codes are listed
 * in `_declared_<table>` (declaredMissing.ts) and counted in `labels.missing`: the mapping reads them as
 * missing in every role, never as a blank ("not asked") cell.
 */
export interface ImportSource {
  /** The file's name or path: named in messages; its extension helps choose the format. */
  name: string;
  /** Size in bytes. */
  size: number;
  /** The first bytes of the file (HEAD_BYTES, or all of a smaller file): format, encoding, dialect. */
  head: Uint8Array;
  /** The whole file. Called only for formats decoded in JavaScript, transcoding, or an engine that reads bytes. */
  bytes(): Promise<Uint8Array>;
  /** Path on disk, for an engine that reads files itself (native DuckDB; declared when it was created). */
  path?: string;
}

/** How much of a file is sniffed. */
export const HEAD_BYTES = 1 << 20;

/** A file held in memory (the app, tests). */
export function bytesSource(name: string, bytes: Uint8Array): ImportSource {
  return { name, size: bytes.length, head: bytes.subarray(0, HEAD_BYTES), bytes: async () => bytes };
}

export type TextEncodingOption = 'utf-8' | 'windows-1252' | 'latin-1';

export interface ImportOptions {
  /** Force a format; default: from the file's signature, then its extension. `tsv`: CSV with tabs. */
  format?: DataFormat | 'tsv';
  /** CSV: the delimiter (one character); default detected among , ; tab |. */
  delimiter?: string;
  /** CSV and Excel: the first row names the columns (default true). */
  header?: boolean;
  /** CSV: the text encoding; default detected (UTF-8, with or without BOM, else windows-1252). latin-1 reads as windows-1252. */
  encoding?: TextEncodingOption;
  /** CSV: numbers are written with a decimal comma ("12,5"). */
  decimalComma?: boolean;
  /** CSV: column types overriding the detected ones; `text` keeps a column exactly as written. */
  columnTypes?: Record<string, 'text' | 'number'>;
  /** Excel: sheet name or 1-based position; default the first sheet. */
  sheet?: string | number;
  /**
   * The app's limit in cells (rows x columns; sizeGuard.ts): a larger file stops with
   * DATA_TOO_LARGE_FOR_APP before it is loaded. None on the command line.
   */
  maxCells?: number;
  /** The table to create (default `src`, the raw table runAnalysis reads). */
  table?: string;
  /**
   * Only these columns go into the table (the command line: the mapped ones), the others are read
   * past, never stored: a 10,000-column file costs what its mapped columns cost. If the file lacks one
   * of them, every column is loaded (the validation then names the missing one among the file's).
   * The result's `columns` and labels still describe every column of the file.
   */
  columns?: readonly string[];
  /** Called as the import goes: step, done, of (rows for `load`, else 0/1). */
  progress?: ImportProgress;
}

export type ImportStep = 'read' | 'decode' | 'load' | 'convert';
export type ImportProgress = (step: ImportStep, done: number, of: number) => void;

export interface ImportedColumn {
  name: string;
  /**
   * `number`: every present value is a number (typed files: the column's storage type; CSV: the
   * first rows); `text`; `empty`: no value at all (CSV: in the first rows).
   */
  type: 'number' | 'text' | 'empty';
  /** Variable label. */
  label?: string;
  /** Value labels: code -> label. */
  valueLabels?: Record<string, string>;
}

export interface ImportResult {
  file: string;
  format: DataFormat;
  table: string;
  rows: number;
  columns: ImportedColumn[];
  labels: DataLabels;
  /** CSV: what was used (detected or given). */
  encoding?: string;
  delimiter?: string;
  header?: boolean;
  decimalComma?: boolean;
  /** Excel: the sheet read. */
  sheet?: string;
  /** Notes and warnings of the import itself (encoding guessed, Excel error cells). */
  messages: Message[];
  /** Milliseconds per step. */
  timings: Record<string, number>;
}

/** The reading options an analysis file's `data` gives. */
export function importOptionsOf(data: DataSpec): ImportOptions {
  const o: ImportOptions = {};
  if (data.format) o.format = data.format;
  if (data.delimiter) o.delimiter = data.delimiter;
  if (data.header !== undefined) o.header = data.header;
  if (data.encoding) o.encoding = data.encoding;
  if (data.decimalComma !== undefined) o.decimalComma = data.decimalComma;
  if (data.columnTypes) o.columnTypes = data.columnTypes;
  if (data.sheet !== undefined) o.sheet = data.sheet;
  return o;
}

const NUMERIC_TYPES = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|REAL|DECIMAL.*)$/i;

/**
 * The SQL that turns a typed column into text as a CSV would write it. Doubles: whole numbers below
 * 10^15 through BIGINT ("1", not DuckDB's "1.0"), NaN as missing, others in DuckDB's shortest
 * round-trip form; every other type through DuckDB's own cast. A 4-byte float is first widened to
 * the double it holds exactly: R (haven, arrow), Stata and DuckDB compute with that value (309.09515
 * stored as a float is 309.09515380859375), where the float's own shortest text, "309.09515", would
 * be another number (estimates 1e-8 away from R's on a float weight).
 */
export function textSql(column: string, type: string): string {
  const c = ident(column);
  const t = type.toUpperCase();
  if (t === 'VARCHAR') return c;
  if (t === 'DOUBLE' || t === 'FLOAT' || t === 'REAL') {
    const x = t === 'DOUBLE' ? c : `CAST(${c} AS DOUBLE)`;
    return `(CASE WHEN isnan(${x}) THEN NULL WHEN ${x} = trunc(${x}) AND abs(${x}) < 1e15 THEN CAST(CAST(${x} AS BIGINT) AS VARCHAR) ELSE CAST(${x} AS VARCHAR) END) AS ${c}`;
  }
  return `CAST(${c} AS VARCHAR) AS ${c}`;
}

/** Whole numbers in int32 range, copied to an Int32Array (cheaper to load and to turn into text); else undefined. */
function asInt32(values: Float64Array, valid: Uint8Array): Int32Array | undefined {
  const out = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    if (!valid[i]) continue;
    const x = values[i]!;
    if ((x | 0) !== x) return undefined;
    out[i] = x;
  }
  return out;
}

/** The columns to store: `wanted` if the file has every one of them, else all. */
function keptColumns(names: string[], wanted: readonly string[] | undefined): Set<string> {
  if (!wanted || !wanted.every((w) => names.includes(w))) return new Set(names);
  const set = new Set(wanted);
  return new Set(names.filter((n) => set.has(n)));
}

const firstLine = (e: unknown) => String(e instanceof Error ? e.message : e).split('\n')[0]!;
/** A detail quoted in a message stays readable: at most 200 characters of it. */
const clip = (s: string) => (s.length > 200 ? `${s.slice(0, 200)}...` : s);

/** An engine error while reading the file, as a catalogue error. */
function engineError(e: unknown, file: string): AnalysisError {
  if (e instanceof AnalysisError) return e;
  const detail = firstLine(e);
  if (/disabled by configuration|Permission Error/i.test(detail)) return new AnalysisError('NETWORK_BLOCKED', { detail });
  return new AnalysisError('DATA_FILE_UNREADABLE', { file, detail });
}

/** A reader's ImportFormatError as a catalogue error. */
function formatError(e: unknown, file: string): unknown {
  if (!(e instanceof ImportFormatError)) return e;
  const params = { file, detail: e.detail, reason: e.code };
  if (e.code === 'DTA_UNKNOWN_VERSION') return new AnalysisError('DATA_DTA_VERSION', params);
  if (e.code.startsWith('DTA_')) return new AnalysisError('DATA_DTA_UNREADABLE', params);
  if (e.code.startsWith('SAV_')) return new AnalysisError('DATA_SAV_UNREADABLE', params);
  if (e.code === 'XLSX_SHEET_UNKNOWN') {
    const m = /^no sheet (.*) \(sheets: (.*)\)$/.exec(e.detail);
    return new AnalysisError('DATA_XLSX_SHEET_UNKNOWN', { file, sheet: m?.[1] ?? '', sheets: m?.[2] ?? '', reason: e.code });
  }
  if (e.code.startsWith('XLSX_')) return new AnalysisError('DATA_XLSX_UNREADABLE', params);
  return new AnalysisError('DATA_PARQUET_UNREADABLE', params);
}

/** Loads any supported data file into the raw table (`src`). Throws an AnalysisError with a catalogue code. */
export async function importData(engine: Engine, source: ImportSource, options: ImportOptions = {}): Promise<ImportResult> {
  const file = source.name;
  const table = options.table ?? 'src';
  const timings: Record<string, number> = {};
  let t0 = performance.now();
  const lap = (name: string) => {
    const t = performance.now();
    timings[name] = (timings[name] ?? 0) + (t - t0);
    t0 = t;
  };
  if (source.size === 0) throw new AnalysisError('DATA_FILE_EMPTY', { file });
  let format: DataFormat;
  const forced = options.format === 'tsv' ? 'csv' : options.format;
  if (forced) format = forced;
  else {
    const d = detectFormat(source.head, file);
    if ('unknown' in d) throw new AnalysisError('DATA_FORMAT_UNKNOWN', { file, detail: d.unknown });
    format = d.format;
  }
  const delimiter = options.delimiter ?? (options.format === 'tsv' ? '\t' : undefined);
  const result: ImportResult = { file, format, table, rows: 0, columns: [], labels: emptyLabels(), messages: [], timings };
  const progress = options.progress;
  /**
   * The columns whose cells may start or end with a space (trimSpaces.ts): text columns of typed files
   * (numbers written as text have none), every column of a CSV unless its bytes show none can.
   */
  let spaced: readonly string[] | 'all' = 'all';

  try {
    if (format === 'csv') {
      if (options.maxCells !== undefined) {
        // The app holds the file in memory: its line ends are counted (a fraction of a second at 5M rows).
        checkSize(file, estimateDelimited(source.head, source.size, source.size > source.head.length ? await source.bytes() : source.head), options.maxCells);
      }
      spaced = (await loadDelimited(engine, source, { ...options, delimiter }, result, lap)) ? 'all' : [];
      await saveDeclaredMissing(engine, table, {});
    } else if (format === 'parquet') {
      spaced = await loadParquet(engine, source, result, lap, options.maxCells, options.columns);
      await saveDeclaredMissing(engine, table, {});
    } else {
      progress?.('read', 0, 1);
      const bytes = await source.bytes();
      lap('read');
      progress?.('decode', 0, 1);
      const decoded: DecodedTable =
        format === 'dta' ? readDta(bytes, file)
          : format === 'xlsx' ? await readXlsx(bytes, file, { sheet: options.sheet, header: options.header })
            : await readSav(bytes, file);
      progress?.('decode', 1, 1);
      lap('decode');
      checkSize(file, { rows: decoded.rows, columns: decoded.columns.length }, options.maxCells);
      spaced = await loadDecoded(engine, decoded, table, result, progress, lap, options.columns);
    }
  } catch (e) {
    throw formatError(e, file);
  }
  // Cells stored trimmed: no later query trims them (trimSpaces.ts).
  if (spaced.length) await trimSpaces(engine, table, spaced === 'all' ? undefined : spaced);
  lap('trim');
  progress?.('convert', 1, 1);
  const [r] = await engine.query(`SELECT COUNT(*)::BIGINT AS n FROM ${ident(table)}`);
  result.rows = Number(r!.n);
  if (result.rows === 0) throw new AnalysisError('DATA_FILE_EMPTY', { file });
  lap('count');
  return result;
}

async function loadDecoded(
  engine: Engine, t: DecodedTable, table: string, result: ImportResult, progress: ImportProgress | undefined, lap: (s: string) => void,
  columns?: readonly string[],
): Promise<string[]> {
  const file = result.file;
  if (t.columns.length === 0) throw new AnalysisError('DATA_FILE_EMPTY', { file });
  const dup = duplicateName(t.columns.map((c) => c.name));
  if (dup) throw new AnalysisError('DATA_COLUMN_DUPLICATE', { file, column: dup.name, first: dup.first, second: dup.second });
  const kept = keptColumns(t.columns.map((c) => c.name), columns);
  const stored = kept.size === t.columns.length ? t : { ...t, columns: t.columns.filter((c) => kept.has(c.name)) };
  const data: ColumnData[] = stored.columns.map((c) => {
    if (c.kind === 'string') return { name: c.name, type: 'varchar', values: c.values, valid: c.valid };
    const ints = asInt32(c.values, c.valid);
    return ints ? { name: c.name, type: 'int32', values: ints, valid: c.valid } : { name: c.name, type: 'double', values: c.values, valid: c.valid };
  });
  const staging = `_import_${table}`;
  try {
    progress?.('load', 0, t.rows);
    await engine.insertColumns(staging, data, t.rows, (done) => progress?.('load', done, t.rows));
    lap('load');
    progress?.('convert', 0, 1);
    const sqlType = (d: ColumnData) => (d.type === 'varchar' ? 'VARCHAR' : d.type === 'int32' ? 'INTEGER' : 'DOUBLE');
    await engine.run(`CREATE OR REPLACE TABLE ${ident(table)} AS SELECT ${data.map((d) => textSql(d.name, sqlType(d))).join(', ')} FROM ${ident(staging)}`);
    await engine.run(`DROP TABLE IF EXISTS ${ident(staging)}`);
    await restoreDeclaredMissing(engine, stored, table);
    lap('convert');
  } catch (e) {
    throw engineError(e, file);
  }
  result.labels = labelsOf(t);
  result.encoding = t.encoding;
  if (t.sheet !== undefined) result.sheet = t.sheet;
  result.columns = t.columns.map((c) => {
    const present = c.valid.some((v) => v === 1);
    const col: ImportedColumn = { name: c.name, type: !present ? 'empty' : c.kind === 'number' || c.numeric ? 'number' : 'text' };
    if (c.label) col.label = c.label;
    if (c.valueLabels && Object.keys(c.valueLabels).length) col.valueLabels = c.valueLabels;
    return col;
  });
  if (t.errorCells) {
    // The columns holding them: a spreadsheet's only declared codes are its error cells (readXlsx.ts).
    const hit = t.columns.filter((c) => c.missingCodes?.size).map((c) => c.name);
    result.messages.push(message('DATA_XLSX_ERROR_CELLS', {
      file, sheet: t.sheet ?? '', count: t.errorCells.count, cell: t.errorCells.first,
      columns: hit.length > 6 ? `${hit.slice(0, 6).join(', ')}, ...` : hit.join(', '), columnCount: hit.length,
    }));
  }
  if (t.titleRows) {
    const { count, text: title, headerRow: row } = t.titleRows;
    result.messages.push(message('DATA_XLSX_TITLE_SKIPPED', { file, sheet: t.sheet ?? '', count, title, row }));
  }
  return data.filter((d) => d.type === 'varchar').map((d) => d.name);
}

async function loadParquet(
  engine: Engine, source: ImportSource, result: ImportResult, lap: (s: string) => void, maxCells?: number, columns?: readonly string[],
): Promise<string[]> {
  const { file, table } = result;
  const staging = `_import_${table}`;
  let from: string;
  if (engine.readsParquet) {
    const ref = source.path ? await engine.registerFile('data.parquet', { path: source.path }) : await engine.registerFile('data.parquet', { bytes: await source.bytes() });
    from = `read_parquet(${ref})`;
  } else {
    if (!engine.insertArrowIPC) throw new AnalysisError('DATA_PARQUET_UNREADABLE', { file, detail: 'this engine cannot load Arrow data' });
    const bytes = await source.bytes();
    lap('read');
    const ipc = await parquetToArrowIPC(bytes, file);
    lap('decode');
    if (maxCells !== undefined) {
      // Reading the Arrow stream's batches does not copy their data.
      const t = tableFromIPC(ipc);
      checkSize(file, { rows: t.numRows, columns: t.numCols }, maxCells);
    }
    try {
      await engine.insertArrowIPC(staging, ipc);
    } catch (e) {
      throw new AnalysisError('DATA_PARQUET_UNREADABLE', { file, detail: firstLine(e) });
    }
    lap('load');
    from = ident(staging);
  }
  let described;
  try {
    described = await engine.query(`SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM ${from})`);
  } catch (e) {
    const detail = firstLine(e);
    if (/disabled by configuration|Permission Error/i.test(detail)) throw new AnalysisError('NETWORK_BLOCKED', { detail });
    throw new AnalysisError('DATA_PARQUET_UNREADABLE', { file, detail: detail.replace(/^[A-Za-z ]*Error: /, '') });
  }
  const cols = described.map((r) => ({ name: String(r.column_name), type: String(r.column_type) }));
  const dup = duplicateName(cols.map((c) => c.name));
  if (dup) throw new AnalysisError('DATA_COLUMN_DUPLICATE', { file, column: dup.name, first: dup.first, second: dup.second });
  const kept = keptColumns(cols.map((c) => c.name), columns);
  try {
    await engine.run(`CREATE OR REPLACE TABLE ${ident(table)} AS SELECT ${cols.filter((c) => kept.has(c.name)).map((c) => textSql(c.name, c.type)).join(', ')} FROM ${from}`);
    if (!engine.readsParquet) await engine.run(`DROP TABLE IF EXISTS ${ident(staging)}`);
  } catch (e) {
    throw new AnalysisError('DATA_PARQUET_UNREADABLE', { file, detail: firstLine(e).replace(/^[A-Za-z ]*Error: /, '') });
  }
  lap('convert');
  result.columns = cols.map((c) => ({ name: c.name, type: NUMERIC_TYPES.test(c.type) ? 'number' : 'text' }));
  return cols.filter((c) => kept.has(c.name) && c.type.toUpperCase() === 'VARCHAR').map((c) => c.name);
}

interface CsvRead {
  ref: string;
  encoding: TextEncoding;
  /** The text DuckDB reads is this transcoded copy (not the file's own bytes). */
  transcoded: boolean;
  /** The UTF-8 bytes DuckDB reads, when they are in memory (not native DuckDB reading a path). */
  bytes?: Uint8Array;
}

/** Returns false when the bytes DuckDB read show that no cell starts or ends with a space (spacedCellsPossible). */
async function loadDelimited(
  engine: Engine, source: ImportSource, options: ImportOptions, result: ImportResult, lap: (s: string) => void,
): Promise<boolean> {
  const { file, table } = result;
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
        detail: scan.firstNul >= 0 ? `it holds a NUL byte at offset ${scan.firstNul}, which no text file has` : 'it is full of control characters',
      });
    }
  }
  options.progress?.('read', 0, 1);

  /** Registers the whole file transcoded to UTF-8; mixed or invalid text is an error. */
  const transcode = async (encoding: TextEncoding, why: 'detected' | 'forced' | 'bom'): Promise<CsvRead> => {
    const bytes = await source.bytes();
    if (encoding === 'windows-1252' && why === 'detected') {
      const full = scanText(bytes);
      if (full.firstMultibyte >= 0 && full.firstInvalid >= 0) {
        throw new AnalysisError('DATA_ENCODING_MIXED', { file, line: lineAt(bytes, full.firstInvalid), utf8Line: lineAt(bytes, full.firstMultibyte) });
      }
      const text = decodeText(bytes.subarray(0, Math.min(bytes.length, full.firstInvalid + 4096)), 'windows-1252');
      result.messages.push(message('DATA_ENCODING_GUESSED', { file, encoding: 'windows-1252', line: lineAt(bytes, full.firstInvalid), sample: accentedSample(text) || '?' }));
    }
    const utf8 = toUtf8(bytes, encoding);
    lap('transcode');
    return { ref: await engine.registerFile('data.csv', { bytes: utf8 }), encoding, transcoded: true, bytes: utf8 };
  };

  let read: CsvRead;
  if (forced === 'windows-1252') read = await transcode('windows-1252', 'forced');
  else if (forced === 'utf-8' && scan.firstInvalid >= 0) {
    throw new AnalysisError('DATA_ENCODING_INVALID', { file, encoding: 'UTF-8', line: lineAt(head, scan.firstInvalid) });
  } else if (utf16 && forced !== 'utf-8') {
    read = await transcode(utf16, 'bom');
    if (!scan.bom) result.messages.push(message('DATA_ENCODING_GUESSED', { file, encoding: utf16.toUpperCase(), line: 1, sample: '' }));
  } else if (scan.firstInvalid >= 0 && !forced) read = await transcode('windows-1252', 'detected');
  else {
    if (source.path && engine.name === 'duckdb-native') {
      read = { ref: await engine.registerFile('data.csv', { path: source.path }), encoding: 'utf-8', transcoded: false };
    } else {
      const bytes = await source.bytes();
      read = { ref: await engine.registerFile('data.csv', { bytes }), encoding: 'utf-8', transcoded: false, bytes };
    }
  }

  // The dialect, from the first bytes as decoded.
  const headText = decodeText(head, read.encoding);
  const dialect = sniffDialect(headText, { delimiter: options.delimiter, preferTab: kind === 'TSV', complete });
  if (dialect.first.length === 0) {
    if (complete || headText.trim() === '') throw new AnalysisError('DATA_FILE_EMPTY', { file });
    throw new AnalysisError('DATA_CSV_MALFORMED', { file, kind, line: 1, detail: `the first line is longer than ${head.length} bytes` });
  }
  const suspect = suspectDelimiter(dialect);
  if (suspect) {
    const show = (d: string) => (d === '\t' ? 'tab' : `"${d}"`);
    throw new AnalysisError('DATA_DELIMITER_SUSPECT', { file, delimiter: show(dialect.delimiter), column: dialect.first[0]!.slice(0, 60), suspect: show(suspect) });
  }
  const header = options.header ?? true;
  const names = columnNames(dialect.first, header);
  const dup = duplicateName(names);
  if (dup) throw new AnalysisError('DATA_COLUMN_DUPLICATE', { file, column: dup.name, first: dup.first, second: dup.second });
  const decimalComma = options.decimalComma ?? false;
  const types = sampleTypes(dialect.sample.slice(header ? 1 : 0), names.length, decimalComma);
  names.forEach((n, j) => {
    const t = options.columnTypes?.[n];
    if (t) types[j] = t;
  });
  // Decimal comma: in every column not read as text, a value written "12,5" becomes "12.5"; any other
  // value stays as written (and is reported by validation if its role is numeric).
  const kept = keptColumns(names, options.columns);
  const projection = names.flatMap((n, j) => (kept.has(n) ? [j] : [])).map((j) => {
    const n = names[j]!;
    const c = ident(n);
    if (!decimalComma || types[j] === 'text') return c;
    return `(CASE WHEN regexp_full_match(trim(${c}), '[-+]?([0-9]+(,[0-9]*)?|,[0-9]+)') THEN replace(trim(${c}), ',', '.') ELSE ${c} END) AS ${c}`;
  });
  const columns = `{${names.map((n) => `${sqlString(n)}: 'VARCHAR'`).join(', ')}}`;
  const opts = [
    'auto_detect = false',
    `header = ${header}`,
    `delim = ${sqlString(dialect.delimiter)}`,
    `quote = '"'`,
    `escape = '"'`,
    `columns = ${columns}`,
    'strict_mode = true',
  ];
  try {
    await engine.run(`CREATE OR REPLACE TABLE ${ident(table)} AS SELECT ${projection.join(', ')} FROM read_csv(${read.ref}, ${opts.join(', ')})`);
  } catch (e) {
    const detail = String(e instanceof Error ? e.message : e);
    if (/invalid unicode|not utf-8 encoded/i.test(detail) && !read.transcoded) {
      if (forced === 'utf-8') {
        const line = /CSV Error on Line: (\d+)/.exec(detail)?.[1] ?? '?';
        throw new AnalysisError('DATA_ENCODING_INVALID', { file, encoding: 'UTF-8', line });
      }
      // Not UTF-8 after the first bytes: read it again, transcoded (or refuse a mix of encodings).
      return loadDelimited(engine, { ...source, head: await source.bytes() }, options, result, lap);
    }
    const line = /CSV Error on Line: (\d+)/.exec(detail)?.[1];
    const long = /Maximum line size of (\d+) bytes exceeded\. Actual Size: ?(\d+)/.exec(detail);
    if (long) {
      // A field of megabytes is not survey data (a pasted document, a binary blob, a broken export).
      throw new AnalysisError('DATA_LINE_TOO_LONG', { file, line: line ?? '?', bytes: Number(long[2]).toLocaleString('en'), limit: Number(long[1]).toLocaleString('en') });
    }
    const widths = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(detail);
    if (line || /state machine|unterminated quote/i.test(detail)) {
      const why = widths ? `it has ${widths[2]} fields where the header has ${widths[1]}`
        : /unterminated quote/i.test(detail) ? 'a quoted value is not closed (the file may be truncated)'
          : /state machine/i.test(detail) ? 'the parser cannot read it with these settings'
            : clip(firstLine(detail.replace(/^.*?Error: /, '').replace(/^CSV Error on Line: \d+\s*/, ''))) || 'malformed line';
      throw new AnalysisError('DATA_CSV_MALFORMED', { file, kind, line: line ?? '?', detail: why });
    }
    throw engineError(e, file);
  }
  lap('read');
  // The table holds the data now: the engine's copy of the bytes (DuckDB-WASM: the whole file) goes.
  await engine.dropFile?.(read.ref);
  result.encoding = read.encoding;
  result.delimiter = dialect.delimiter;
  result.header = header;
  result.decimalComma = decimalComma;
  result.columns = names.map((name, j) => ({ name, type: types[j]! }));
  return !read.bytes || spacedCellsPossible(read.bytes, dialect.delimiter);
}

/**
 * Loads a CSV file already registered with the engine as `ref` into the raw table `src`, every
 * column as text, with DuckDB's own dialect detection.
 * @deprecated Use `importData`, which detects the format, the encoding and the dialect, states them
 * to DuckDB, and reports malformed lines instead of guessing.
 */
export async function loadCsv(engine: Engine, ref: string, file: string, delimiter?: string): Promise<number> {
  const opts = ['all_varchar = true', 'header = true', ...(delimiter ? [`delim = ${sqlString(delimiter)}`] : [])];
  try {
    await engine.run(`CREATE OR REPLACE TABLE src AS SELECT * FROM read_csv(${ref}, ${opts.join(', ')})`);
  } catch (e) {
    throw engineError(e, file);
  }
  await trimSpaces(engine, 'src');
  const [r] = await engine.query('SELECT COUNT(*)::BIGINT AS n FROM src');
  const n = Number(r!.n);
  if (n === 0) throw new AnalysisError('DATA_FILE_EMPTY', { file });
  return n;
}
