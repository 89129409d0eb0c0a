/**
 * The statistical core's functions the page itself calls, imported from their own modules rather than
 * from analysis/index.ts: that barrel also exports the Excel writer, and with it exceljs (about a
 * megabyte), which the page loads only when a workbook is exported (exportFiles.ts). Types may still
 * come from analysis/index.ts (they leave nothing in the bundle).
 */
export { parseAnalysis } from '../analysis/analysisFile.js';
export { preset, presetIds, resolveFramework } from '../analysis/frameworks.js';
export { AnalysisError, MESSAGES } from '../analysis/messages.js';
export { breakdownName } from '../analysis/run.js';
export { resultsCsv } from '../analysis/output.js';
export { cellLabel } from '../analysis/import/labels.js';
export { suggestRoles } from '../analysis/import/suggestRoles.js';
export { buildMetadata, sha256Hex } from '../analysis/export/metadata.js';
export { chartSpecs } from '../analysis/export/charts.js';
export { reportHtml } from '../analysis/export/report.js';
export { rScript } from '../analysis/export/rscript.js';
