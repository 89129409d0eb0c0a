/**
 * The statistical core's one public entry point. The app, the command line and the tests call this
 * library; it imports nothing from React, Electron or the DOM.
 *
 * A run: create an engine (DuckDB-WASM in the app via `wasmEngine`, native DuckDB in Node),
 * `importData` the data file (any format) into the raw table, `parseAnalysis`/`resolveAnalysis` the
 * analysis file, `validateData` (the report shown before any estimate; errors stop here), then
 * `runAnalysis` (with `valuesChecked` after a clean report, and an `AnalysisSession` kept per loaded
 * file so that an edit recomputes only what it changes) and show `mergeMessages(report.findings,
 * result.messages)` with the results. Results carry every statistic (estimate, SE, CI, df, totals, n,
 * deff, CV, flag). An app passes `maxCells` to importData: a file over it stops before loading.
 */
export type {
  AgeBand, AgeGroup, AnalysisFile, CiMethod, ColumnSource, Comparison, DeffKind, Dimension, EconRule, Framework, FrameworkRef,
  HazardDefinition, Indicator, LonelyPsuPolicy, Mapping, MissingHoursPolicy, SmallCellRule,
} from './types.js';
export { INDICATORS } from './types.js';
export { parseAnalysis, resolveAnalysis, STANDARD_AGE_GROUPS, STANDARD_BREAKDOWNS, type ResolvedAnalysis } from './analysisFile.js';
export { BACKGROUND, backgroundColumns, backgroundOf, breakdownColumns, suggestBackground, type Background } from './background.js';
export { checkFramework, preset, presetIds, resolveFramework, GLOBAL_ESTIMATES_HAZARDS } from './frameworks.js';
export { classify } from './classify.js';
export { AnalysisError, MESSAGES, formatMessage, message, type Message, type MessageCode, type Severity } from './messages.js';
export { breakdownName, cellColumns, loadCsv, runAnalysis, type AnalysisResult, type GapRow, type Progress, type ResultRow, type RunOptions } from './run.js';
export { AnalysisSession } from './analysisSession.js';
export { gapsCsv, resultsCsv, resultsJson, GAP_COLUMNS, STAT_COLUMNS } from './output.js';
export { describeRule, smallCellFlag, type Flag } from './smallCell.js';
export { proportionCi } from './ci.js';
export type { Engine, FileSource, Row, Value } from './engine/engine.js';
export { wasmEngine, WASM_FILE_DIR } from './engine/wasmEngine.js';
export type { DesignSummary } from './checkDesign.js';
// Reading data files (CSV/TSV, Parquet, SPSS, Stata, Excel), their labels, and the validation report.
export {
  bytesSource, importData, importOptionsOf, HEAD_BYTES,
  type ImportedColumn, type ImportOptions, type ImportProgress, type ImportResult, type ImportSource, type ImportStep,
} from './import/load.js';
export { textSql } from './import/loadTyped.js';
export { detectFormat, DATA_FORMATS, type DataFormat } from './import/format.js';
export { cellLabel, cellLabels, dimensionColumn, emptyLabels, labelledDimensions, labelsOf, type DataLabels } from './import/labels.js';
export { suggestRoles, type RoleSuggestion, type SuggestedRole } from './import/suggestRoles.js';
export { setParquetWasmUrl } from './import/parquet.js';
export { readSav } from './import/readSav.js';
export { readDta } from './import/readDta.js';
export { readXlsx, type XlsxOptions } from './import/readXlsx.js';
export { ImportFormatError, type ImportErrorCode } from './import/errors.js';
export type { Column, DecodedTable, NumericColumn, StringColumn } from './import/columns.js';
export { mergeMessages, validateData, type ValidationReport } from './validate.js';
export type { ColumnData } from './engine/engine.js';
export type { DataFileFormat, DataSpec } from './types.js';
export {
  APP_NAME, buildMetadata, buildWorkbook, LANGS, reportHtml, rScript, sha256Hex, stataDo, t as exportText, workbookBytes,
  type ExportContext, type ExportMetadata, type Lang, type ReportChart, type ReportOptions, type WorkbookOptions,
} from './export/index.js';
// What a user sees: tables, charts, number formats, labels, metadata in words (analysis/present).
export {
  chartLocale, chartSpecs, longCsv, metadataWords, PALETTE, samplingErrors, standardTable, standardTables,
  type ChartSpec, type FileLabels, type StandardTable, type TableModel, type TableOptions, type VegaLiteSpec,
} from './present/index.js';
// Survey rounds: a baseline and follow-ups, one set of definitions, the change between rounds (analysis/rounds).
export { changeNumbers, changesBetween, computeChanges, roundPairs, type RoundResult } from './rounds/change.js';
export { changesCsv, changesJson, CHANGE_COLUMNS } from './rounds/changesCsv.js';
export { checkSameDefinitions, definitionDifferences } from './rounds/compareDefinitions.js';
export { harmonisedLabels } from './rounds/harmonisedLabels.js';
export { isMapped, measurableFramework, missingRoles, moduleGap, unmeasured, usedRoles } from './rounds/modules.js';
export { isRoundsJson, parseRounds, resolveRounds, type ResolvedRounds } from './rounds/resolveRounds.js';
export { roundAnalyses, roundTitle } from './rounds/roundAnalyses.js';
export { roundsCsv, roundsGapsCsv, roundsJson } from './rounds/roundsCsv.js';
export { runRound, runRounds, type RoundSources, type RunRoundOptions } from './rounds/runRounds.js';
export type { ChangeRow, NotComparable, RoundRun, RoundSpec, RoundsAnalysisFile, RoundsResult, Unmeasured } from './rounds/types.js';
