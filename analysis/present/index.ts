/**
 * The presentation layer: what a user sees of a run, built once and drawn by every medium (no DOM,
 * no React, no vega; plain data and text). The pipeline:
 *
 *   AnalysisResult (the core's estimates, intervals, flags, gaps)
 *     + FileLabels (the data file's value and variable labels)  + Lang  + options
 *     -> standardTable / standardTables   TableModel: rows, columns, cells with their text and numbers,
 *        samplingErrors                    flags as "(…)" and "*", "–" for no figure, footnotes
 *     -> chartSpecs                        Vega-Lite specs: palette, the core's intervals, GE 2020
 *                                          reference line, sizes from the categories, config.locale
 *     -> metadataWords                     the metadata block as (section, label, words) rows
 *     -> longCsv                           the long CSV with the categories' labels
 *   and every medium renders those: the app's Results and Charts steps (React, vega-embed), the Excel
 *   workbook (analysis/export/excel.ts), the HTML/PDF report (report.ts), the CSV, the chart files
 *   (vega, SVG and PNG from the command line). Numbers are written by format.ts, charts' axes by
 *   chartLocale.ts, in the language's locale, so the same analysis reads the same everywhere.
 */
export { formatCount, formatNumber, formatP, formatPercent, formatPoints, levelText, localeOf, MISSING, withFlag } from './format.js';
export { chartLocale, type VegaNumberLocale } from './chartLocale.js';
export { categoryLabel, dimensionLabel, type FileLabels } from './labels.js';
export { RowIndex } from './rowIndex.js';
export { columnsOf, type Cell, type Column, type ColumnGroup, type Footnote, type Line, type NumberKind, type TableModel } from './tableModel.js';
export { gapCells, missingCell, statCell, type Stat } from './statCells.js';
export { ageRange, rowDimensions, SEX_KEYS, standardTable, standardTables, statsOf, type SexKey, type StandardLine, type StandardTable, type TableOptions } from './standardTable.js';
export { HEADLINE, samplingErrors, type SamplingErrorsOptions, type SamplingErrorsTable } from './samplingErrors.js';
export { PALETTE } from './palette.js';
export { GE2020_REGIONS, isGe2020Region, referenceComparable, referenceLine, type Ge2020Region, type ReferenceLine } from './referenceLines.js';
export { bandSize, groupedSize, rankedSize } from './chartSize.js';
export type { ChartOptions } from './chartContext.js';
export type { Datum, VegaLiteSpec } from './chartMarks.js';
export { areasChart, chartSpecs, hazardousChart, regionsChart, sexAgeChart, type ChartId, type ChartSpec } from './chartSpecs.js';
export { backgroundCharts, type BackgroundChartId } from './backgroundCharts.js';
export { metadataWords, type MetaRow } from './metadataWords.js';
export { mappingWords } from './mappingWords.js';
export { labelDimensions, longCsv } from './longCsv.js';
// Survey rounds (the core's RoundsResult): the trend table and charts; the rounds' CSVs are the core's (analysis/rounds/roundsCsv.ts, changesCsv.ts).
export { changeCells, SIGNIFICANT, trendTable, trendTables, type TrendLine, type TrendTable, type TrendTableOptions } from './trendTable.js';
export { trendChartSpecs, type TrendChartId, type TrendChartOptions, type TrendChartSpec } from './trendCharts.js';
export { TrendData, roundHeading, type Pair, type TrendOptions } from './trendData.js';
