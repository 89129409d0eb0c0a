/**
 * The statistical core's one public entry point. The app, the command line and the tests call this
 * library; it imports nothing from React, Electron or the DOM.
 *
 * A run: create an engine (DuckDB-WASM in the app via `wasmEngine`, native DuckDB in Node), register
 * the data file, `loadCsv` it into the raw table, `parseAnalysis`/`resolveAnalysis` the analysis file,
 * then `runAnalysis`. Results carry every statistic (estimate, SE, CI, df, totals, n, deff, CV, flag).
 */
export type {
  AgeBand, AgeGroup, AnalysisFile, CiMethod, ColumnSource, Comparison, DeffKind, Dimension, EconRule, Framework, FrameworkRef,
  HazardDefinition, Indicator, LonelyPsuPolicy, Mapping, MissingHoursPolicy, SmallCellRule,
} from './types.js';
export { INDICATORS } from './types.js';
export { parseAnalysis, resolveAnalysis, STANDARD_AGE_GROUPS, STANDARD_BREAKDOWNS, type ResolvedAnalysis } from './analysisFile.js';
export { checkFramework, preset, presetIds, resolveFramework, GLOBAL_ESTIMATES_HAZARDS } from './frameworks.js';
export { classify } from './classify.js';
export { AnalysisError, MESSAGES, formatMessage, message, type Message, type MessageCode, type Severity } from './messages.js';
export { breakdownName, cellColumns, loadCsv, runAnalysis, type AnalysisResult, type GapRow, type Progress, type ResultRow } from './run.js';
export { gapsCsv, resultsCsv, resultsJson, GAP_COLUMNS, STAT_COLUMNS } from './output.js';
export { describeRule, smallCellFlag, type Flag } from './smallCell.js';
export { proportionCi } from './ci.js';
export type { Engine, FileSource, Row, Value } from './engine/engine.js';
export { wasmEngine, WASM_FILE_DIR } from './engine/wasmEngine.js';
export type { DesignSummary } from './validate.js';
