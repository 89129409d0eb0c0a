import { checkSize, estimateDelimited } from './sizeGuard.js';
import type { Engine } from '../engine/engine.js';
import type { DataSpec } from '../types.js';
import { ident, sqlString } from '../engine/values.js';
import { AnalysisError, message, type Message } from '../messages.js';
import type { DecodedTable } from './columns.js';
import { saveDeclaredMissing } from './declaredMissing.js';
import { clearDotted } from './decimalComma.js';
import { ImportFormatError } from './errors.js';
import { detectFormat, type DataFormat } from './format.js';
import { emptyLabels, type DataLabels } from './labels.js';
import { loadDelimited } from './loadDelimited.js';
import { engineError } from './loadErrors.js';
import { loadDecoded, loadParquet } from './loadTyped.js';
import { readDta } from './readDta.js';
import { readSav } from './readSav.js';
import { readWorkbookSheet } from './workbookSheet.js';
import { trimSpaces } from './trimSpaces.js';
import { DECIMAL_POINT_NUMBER } from './textFile.js';
import { clip, NOTE_MAX_CELLS, NOTE_MIN_COLUMNS } from './titleRows.js';
import { stopwatch } from '../stopwatch.js';

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
  /** The file read piece by piece, without holding it whole (a file on disk). */
  pieces?(): Iterable<Uint8Array>;
  /** Whether the whole file is valid UTF-8, checked without holding it (a file on disk). */
  utf8?(): boolean;
  /** The last `n` bytes, read without holding the file (a file on disk). */
  tail?(n: number): Uint8Array;
}

/** How much of a file is sniffed. */
export const HEAD_BYTES = 1 << 20;

/** A file held in memory (the app, tests). */
export function bytesSource(name: string, bytes: Uint8Array): ImportSource {
  return { name, size: bytes.length, head: bytes.subarray(0, HEAD_BYTES), bytes: async () => bytes };
}

export type TextEncodingOption = 'utf-8' | 'windows-1252' | 'latin-1' | 'macintosh';

export interface ImportOptions {
  /** Force a format; default: from the file's signature, then its extension. `tsv`: CSV with tabs. */
  format?: DataFormat | 'tsv';
  /** CSV: the delimiter (one character); default detected among , ; tab |. */
  delimiter?: string;
  /** CSV and Excel: the first row names the columns (default true). */
  header?: boolean;
  /** CSV: the text encoding; default detected (UTF-8, with or without BOM, else windows-1252 or Mac OS Roman). latin-1 reads as windows-1252. */
  encoding?: TextEncodingOption;
  /** CSV: numbers are written with a decimal comma ("12,5"). */
  decimalComma?: boolean;
  /** CSV: column types overriding the detected ones; `text` keeps a column exactly as written. */
  columnTypes?: Record<string, 'text' | 'number'>;
  /** Excel: sheet name or 1-based position; default the first sheet (but see `sheetWith`). */
  sheet?: string | number;
  /**
   * Excel, no `sheet` given: the columns the data sheet has (the mapped ones, when known). A first
   * sheet without data rows or without one of them (a title or notes sheet) is passed over for the
   * first sheet that has them (workbookSheet.ts), with a note.
   */
  sheetWith?: readonly string[];
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
  /** Excel: the sheet read, and every sheet of the workbook. */
  sheet?: string;
  sheets?: string[];
  /** Excel: the sheets Excel hides (marked as such where the sheets are offered). */
  hiddenSheets?: string[];
  /** Notes and warnings of the import itself (encoding guessed, Excel error cells). */
  messages: Message[];
  /** Delimited text: note lines under the data that lack the row's delimiters, cut before reading (loadDelimited.ts). */
  notesCut?: { count: number; note: string };
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

/** The workbook's data sheet (workbookSheet.ts); its notes (a sheet other than the first read, other sheets of the same columns) go with the import's. */
async function readSheet(bytes: Uint8Array, file: string, options: ImportOptions, result: ImportResult): Promise<DecodedTable> {
  const { decoded, notes } = await readWorkbookSheet(bytes, file, options);
  result.messages.push(...notes);
  return decoded;
}

/**
 * A row's non-blank cells as one list, the SQL the tests for rows of no data read: an expression of one
 * term per column (a + b + ... over the 4,000 columns of a DHS recode) costs DuckDB's planner time that
 * grows with the square of the columns (7 s at 2,500) and stops at a depth of 1,000.
 */
const filledCells = (names: readonly string[]) => `list_filter(list_value(${names.map((c) => `COALESCE(${ident(c)}, '')`).join(', ')}), x -> x <> '')`;

/**
 * The rows at the end of a delimited file or a sheet that are no survey rows: rows with no value in
 * any column (",,,,," lines: a spreadsheet's empty rows saved with their delimiters), and notes under
 * the data ("Source: National Statistics Office", "Note: ..."): rows of a table of three or more
 * columns with one or two values, each a text with a letter that is not a number. Such a row has no
 * weight, so read as data it could only stop the run (a row without weight, stratum or PSU); they are
 * not kept, and a note says how many and quotes the first note. Rows of the file keep their numbers.
 * Only the last row is looked at unless it is one. The R script drops them too (rscriptRead.ts).
 * Returns the rows kept (of `result.rows`).
 */
async function dropTrailingRows(engine: Engine, table: string, names: readonly string[], result: ImportResult): Promise<number> {
  const rows = result.rows;
  const cut = result.notesCut;
  delete result.notesCut;
  if (!rows || !names.length) return rows;
  const t = ident(table);
  const lists = (where: string) => `(SELECT rowid AS r, ${filledCells(names)} AS l FROM ${t} WHERE ${where})`;
  // A word: a letter, and not a number written with an exponent ("1e3").
  const words = `len(list_filter(l, x -> regexp_matches(x, '\\pL') AND NOT regexp_full_match(x, ${sqlString(DECIMAL_POINT_NUMBER.source)})))`;
  const notData = `(len(l) = 0 OR (${names.length >= NOTE_MIN_COLUMNS} AND len(l) <= ${NOTE_MAX_CELLS} AND ${words} = len(l)))`;
  const [last] = await engine.query(`SELECT ${notData} AS v FROM ${lists(`rowid = ${rows - 1}`)}`);
  if (!last?.v) {
    if (cut) result.messages.push(message('DATA_NOTE_ROWS_SKIPPED', { file: result.file, count: cut.count, first: rows + 1, note: clip(cut.note) }));
    return rows;
  }
  // The last data row: among the last thousand rows, else anywhere (a file of notes alone).
  const lastData = async (from: number) => (await engine.query(`SELECT MAX(r)::BIGINT AS k FROM ${lists(`rowid >= ${from}`)} WHERE NOT ${notData}`))[0]!.k;
  const near = await lastData(Math.max(0, rows - 1000));
  const k = near ?? (rows > 1000 ? await lastData(0) : null);
  const keep = k === null || k === undefined ? 0 : Number(k) + 1;
  const [note] = await engine.query(`SELECT array_to_string(l, ' ') AS t FROM ${lists(`rowid >= ${keep}`)} WHERE len(l) > 0 ORDER BY r LIMIT 1`);
  await engine.run(`DELETE FROM ${t} WHERE rowid >= ${keep}`);
  const params = { file: result.file, count: rows - keep + (cut?.count ?? 0), first: keep + 1 };
  const text = note ? String(note.t) : cut?.note ?? '';
  result.messages.push(text ? message('DATA_NOTE_ROWS_SKIPPED', { ...params, note: clip(text) }) : message('DATA_BLANK_ROWS_SKIPPED', params));
  return keep;
}


/**
 * Rows with no value in any column between data rows (",,,,," lines: a spreadsheet's empty rows saved
 * as CSV with their delimiters; a sheet's row of cells holding only spaces): no survey rows, as those
 * at the end (dropTrailingRows). Read as data they stopped the run with a missing weight, stratum and
 * PSU "at row 1501", advice that did not fit (a probe), while the same sheet as .xlsx ran. They are not
 * kept, and a note says how many and where the first is; the other rows keep their numbers (DuckDB
 * keeps a row's rowid when rows before it are deleted; a file set's joins number them again). The
 * Excel reader keeps a sheet's empty rows between data rows for this (readXlsx.ts). As at the end,
 * only the columns read count (the command line stores the mapped ones). Only
 * rows blank in their first two and last columns are looked at whole: one cheap scan for the rest. The
 * R script drops them too (rscriptRead.ts). Returns the rows kept.
 */
async function dropBlankRows(engine: Engine, table: string, names: readonly string[], result: ImportResult): Promise<number> {
  if (!result.rows || names.length < 2) return result.rows;
  const blank = (c: string) => `(${ident(c)} IS NULL OR ${ident(c)} = '')`;
  const some = [...new Set([names[0]!, names[1]!, names[names.length - 1]!])];
  const rows = `(SELECT rowid AS r, len(${filledCells(names)}) = 0 AS b FROM ${ident(table)} WHERE ${some.map(blank).join(' AND ')})`;
  const [found] = await engine.query(`SELECT COUNT(*)::BIGINT AS n, MIN(r)::BIGINT AS first FROM ${rows} WHERE b`);
  const count = Number(found?.n ?? 0);
  if (!count) return result.rows;
  await engine.run(`DELETE FROM ${ident(table)} WHERE rowid IN (SELECT r FROM ${rows} WHERE b)`);
  result.messages.push(message('DATA_BLANK_ROWS_INSIDE', { file: result.file, count, first: Number(found!.first) + 1 }));
  return result.rows - count;
}

/** A file, or the sheet of a workbook read, without data rows. */
export function emptyError(file: string, sheet?: string): AnalysisError {
  return sheet === undefined ? new AnalysisError('DATA_FILE_EMPTY', { file }) : new AnalysisError('DATA_XLSX_SHEET_EMPTY', { file, sheet });
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
  const { timings, lap } = stopwatch();
  if (source.size === 0) throw new AnalysisError('DATA_FILE_EMPTY', { file });
  let format: DataFormat;
  const forced = options.format === 'tsv' ? 'csv' : options.format;
  if (forced) format = forced;
  else {
    const d = detectFormat(source.head, file);
    if ('unknown' in d) throw new AnalysisError('DATA_FORMAT_UNKNOWN', { file, detail: d.unknown, ...(d.entry !== undefined ? { entry: d.entry } : {}) });
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

  // What the validation learns of a file from its reading is the file's own, not an earlier one's.
  await clearDotted(engine, table);
  try {
    if (format === 'csv') {
      if (options.maxCells !== undefined) {
        // The app holds the file in memory: its line ends are counted (a fraction of a second at 5M rows).
        checkSize(file, estimateDelimited(source.head, source.size, source.size > source.head.length ? await source.bytes() : source.head), options.maxCells);
      }
      spaced = (await loadDelimited(engine, source, { ...options, delimiter }, result, lap)) ? 'all' : [];
      await saveDeclaredMissing(engine, table, {});
    } else if (format === 'parquet') {
      spaced = await loadParquet(engine, source, result, lap, options.maxCells, options.columns, options.sheetWith ?? options.columns);
      await saveDeclaredMissing(engine, table, {});
    } else {
      progress?.('read', 0, 1);
      const bytes = await source.bytes();
      lap('read');
      progress?.('decode', 0, 1);
      const decoded: DecodedTable =
        format === 'dta' ? readDta(bytes, file)
          : format === 'xlsx' ? await readSheet(bytes, file, options, result)
            : await readSav(bytes, file);
      progress?.('decode', 1, 1);
      lap('decode');
      checkSize(file, { rows: decoded.rows, columns: decoded.columns.length }, options.maxCells);
      spaced = await loadDecoded(engine, decoded, table, result, progress, lap, options.columns, options.sheetWith ?? options.columns);
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
  if (format === 'csv' || format === 'xlsx') {
    const names = (await engine.query(`SELECT column_name FROM (DESCRIBE ${ident(table)})`)).map((c) => String(c.column_name));
    result.rows = await dropTrailingRows(engine, table, names, result);
    result.rows = await dropBlankRows(engine, table, names, result);
  }
  if (result.rows === 0) throw emptyError(file, result.sheet);
  lap('count');
  return result;
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
