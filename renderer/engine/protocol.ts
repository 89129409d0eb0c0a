import type { AnalysisFile, AnalysisResult, DataLabels, DataSpec, DesignSummary, Message, Row, ValidationReport } from '../../analysis/index.js';

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
  /** Excel: the sheet read. */
  sheet?: string;
  /** SHA-256 of the file's bytes, for the metadata of every export. */
  sha256: string;
  /** Variable and value labels, and codes read as missing. */
  labels: DataLabels;
  rows: number;
  columns: ColumnProfile[];
  preview: Row[];
  /** Columns that look like the cluster (PSU) from their names, labels and data (designCandidates.ts), best first. */
  psuCandidates: string[];
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
  | { id: number; kind: 'load'; name: string; bytes: Uint8Array; data?: DataSpec }
  | { id: number; kind: 'check'; analysis: AnalysisFile }
  | { id: number; kind: 'run'; analysis: AnalysisFile };

export type EngineReply =
  | { id: number; kind: 'progress'; step: string; done: number; of: number }
  | { id: number; kind: 'loaded'; profile: TableProfile }
  | { id: number; kind: 'checked'; check: CheckResult }
  | { id: number; kind: 'result'; result: AnalysisResult }
  | { id: number; kind: 'error'; message: Message; findings: Message[] };
