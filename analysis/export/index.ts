/**
 * Exports of a run, as a library (no Node, React, Electron or DOM imports): the app and the command
 * line call the same functions, so the files they write are the same.
 *
 *   metadata   buildMetadata(result, ctx): the block that goes into every export; sha256Hex(bytes)
 *   excel      workbookBytes(result, meta, opts): the .xlsx (exceljs; import it lazily in the app)
 *   report     reportHtml(result, meta, { charts: [{ id, title, svg }] }): the self-contained report
 *   rscript    rScript(analysis, meta, { dataPath }): R code that reproduces every estimate
 *   stata      stataDo(analysis, meta, { dataPath }): the same as a Stata do-file (not tested)
 *   i18n       t(lang, key), LANGS: English, French and Spanish (the catalogue is analysis/i18n)
 * Tables, charts, number formats, labels and the metadata in words are the presentation layer's
 * (analysis/present): the workbook, the report, the CSV, the chart files and the app's screens all
 * render from it.
 * The command line's `export` command (analysis/export/node.ts) adds the Node parts: files, hashes,
 * SVG with vega's headless View, PNG with a headless browser.
 */
export { APP_NAME, buildMetadata, sha256Hex, type ExportContext, type ExportMetadata } from './metadata.js';
export { buildWorkbook, NUMBER_FORMATS, workbookBytes, type WorkbookOptions } from './excel.js';
export { escapeHtml, reportHtml, scopeSvgIds, tableHtml, type ReportChart, type ReportOptions } from './report.js';
export { nationalEstimates, rScript, rString, type RScriptOptions } from './rscript.js';
export { stataDo, type StataOptions } from './stata.js';
export { LANGS, parseLang, t, type Lang, type MessageKey } from './i18n.js';
// Survey rounds, beside the single-round exports (whose outputs they leave alone).
export { buildRoundsWorkbook, roundsWorkbookBytes, type RoundsWorkbookOptions } from './roundsExcel.js';
export { roundsReportHtml, roundsTitle, type RoundsReportOptions } from './roundsReport.js';
export { rScriptRounds, type RoundsScriptOptions } from './rscriptRounds.js';
