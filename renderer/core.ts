/**
 * The statistical core's functions the page itself calls, imported from their own modules rather than
 * from analysis/index.ts: that barrel also exports the Excel writer, and with it exceljs (about a
 * megabyte), which the page loads only when a workbook is exported (exportFiles.ts). Types may still
 * come from analysis/index.ts (they leave nothing in the bundle).
 */
export { parseAnalysis } from '../analysis/analysisFile.js';
export { draftFramework, preset, presetIds, resolveFramework } from '../analysis/frameworks.js';
export { AnalysisError, MESSAGES } from '../analysis/messages.js';
export { breakdownName } from '../analysis/run.js';
export { cellLabel } from '../analysis/import/labels.js';
export { suggestRoles } from '../analysis/import/suggestRoles.js';
export { buildMetadata, sha256Hex } from '../analysis/export/metadata.js';
// What a user sees: the same tables, charts, formats and texts as every export (analysis/present).
export {
  chartLocale, chartSpecs, formatCount, formatPercent, GE2020_REGIONS, isGe2020Region, longCsv, PALETTE, referenceComparable, referenceLine, samplingErrors, standardTable,
  type ChartId, type ChartSpec, type Ge2020Region,
} from '../analysis/present/index.js';
export { reportHtml } from '../analysis/export/report.js';
export { cvPercent } from '../analysis/export/smallCellNotes.js';
export { MAX_WEEK_HOURS } from '../analysis/weekHours.js';
export { nationalEstimates, rScript } from '../analysis/export/rscript.js';
