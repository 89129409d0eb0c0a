import type { AnalysisFile, AnalysisResult, DataLabels, DataSpec, DesignSummary, Message, Row, ValidationReport } from '../../analysis/index.js';
import type { JoinReport } from '../../analysis/import/joinFiles.js';
import type { RoundsAnalysisFile, RoundsResult } from '../../analysis/rounds/types.js';
import type { JoinSpec } from '../../analysis/types.js';

/**
 * Messages between the page and the engine worker (engineWorker.ts), which holds DuckDB-WASM and
 * runs the statistical core, so the window stays responsive whatever the size of the file.
 */
export interface ColumnProfile {
  name: string;
  /** number: every non-empty cell is a number; text otherwise; empty: no value at all. */
  type: 'number' | 'text' | 'empty';
  distinct: number;
  blank: number;
  /** Up to MAX_CODES distinct values in natural order, for columns that look like codes. */
  codes: string[];
  /**
   * The cells that are not numbers, in a column of numbers with a few such cells (hours written 98 or
   * "NSP": a file saved with its value labels as text), at most MAX_CODES, when the column's cells were
   * listed (columnCounts.ts); the MICS6 preset declares those that say "don't know" missing.
   */
  words?: string[];
  /** The share of its non-blank cells that are numbers with a fraction ("43.90": ISIC classes written with a point, suggestMapping.ts isicLevel), when any. */
  fractional?: number;
  /** The file's variable label (SPSS, Stata). */
  label?: string;
  /** The file's value labels: code -> label. */
  valueLabels?: Record<string, string>;
}

export const MAX_CODES = 20;

export interface TableProfile {
  file: string;
  /** The format it was read as (csv, parquet, sav, dta, xlsx). */
  format: string;
  /** Excel: the sheet read, and every sheet of the workbook (the Data step offers the others). */
  sheet?: string;
  sheets?: string[];
  /** Excel: the sheets Excel hides (the list marks them: an old copy of the data may hide there). */
  hiddenSheets?: string[];
  /**
   * Delimited text (CSV, TSV) only: whether numbers were read with a decimal comma ("12,5"), as the
   * analysis file's data.decimalComma says; the Data step offers to read the file again the other way.
   */
  decimalComma?: boolean;
  /** SHA-256 of the file's bytes, for the metadata of every export. */
  sha256: string;
  /** Variable and value labels, and codes read as missing. */
  labels: DataLabels;
  rows: number;
  columns: ColumnProfile[];
  preview: Row[];
  /** Columns that look like the cluster (PSU) from their names, labels and data (designCandidates.ts), best first. */
  psuCandidates: string[];
  /** Several files opened together (a survey file set): every file read, the main file first. */
  files?: LoadedFile[];
  /** The joins applied, as the analysis file writes them (data paths: the files' names). */
  joinSpecs?: JoinSpec[];
  /** What each join did: the columns it brought and the main file's rows it matched. */
  joins?: JoinReport[];
  /** Notes of the file set: files left out (FILESET_NOT_JOINED), joins applied, rows unmatched. */
  setMessages?: Message[];
  /**
   * The import's own notes on how the file (each file of a set) was read: a title row skipped
   * (DATA_XLSX_TITLE_SKIPPED, which says what the rows named in other messages count from), an
   * encoding guessed (DATA_ENCODING_GUESSED). The Data step shows them; every run's messages hold them.
   */
  importMessages?: Message[];
}

/** A file opened with others (bytes as read). */
export interface SetFile {
  name: string;
  bytes: Uint8Array;
}

/** A file of a set as the engine read it. */
export interface LoadedFile {
  name: string;
  format: string;
  sha256: string;
  rows: number;
  sheet?: string;
}

export interface CheckResult {
  /** Null when an error stopped the check before the design was built. */
  design: DesignSummary | null;
  childrenInScope: number | null;
  messages: Message[];
  /** The validation report of the mapped file (null when the analysis itself could not be resolved). */
  report: ValidationReport | null;
}

export type EngineRequest =
  | { id: number; kind: 'load'; name: string; bytes: Uint8Array; data?: DataSpec; columns?: string[] }
  /** A file set: with the analysis file's main file and joins, else the joins suggested from the files. */
  | { id: number; kind: 'loadSet'; files: SetFile[]; given?: { main: DataSpec; joins: JoinSpec[] } }
  | { id: number; kind: 'check'; analysis: AnalysisFile }
  | { id: number; kind: 'run'; analysis: AnalysisFile }
  /**
   * Survey rounds (analysis/rounds/runRounds.ts): every round from its own files, then the changes.
   * `files[i]` holds round i's files (its data file and joined files, by the names the analysis gives).
   * It replaces the loaded file in the engine: the client loads that file again afterwards.
   */
  | { id: number; kind: 'runRounds'; rounds: RoundsAnalysisFile; files: SetFile[][] };

export type EngineReply =
  | { id: number; kind: 'progress'; step: string; done: number; of: number }
  | { id: number; kind: 'loaded'; profile: TableProfile }
  | { id: number; kind: 'checked'; check: CheckResult }
  | { id: number; kind: 'result'; result: AnalysisResult }
  | { id: number; kind: 'roundsResult'; result: RoundsResult }
  | { id: number; kind: 'error'; message: Message; findings: Message[] };
