import type { ExportMetadata, Lang, ReportChart } from '../analysis/index.js';
import { roundsReportHtml } from '../analysis/export/roundsReport.js';
import { trendChartSpecs } from '../analysis/present/trendCharts.js';
import type { RoundsResult } from '../analysis/rounds/types.js';
import type { ResolvedRounds } from '../analysis/rounds/resolveRounds.js';
import { rScriptRounds } from '../analysis/export/rscriptRounds.js';
import { specSvg } from './exportFiles.js';

/**
 * The exports of survey rounds, made by the core's library as the single-round ones are (exportFiles.ts):
 * the rounds workbook (trend tables, changes, every estimate), the rounds report with the trend charts
 * drawn by vega in the page; the command line's CSVs are roundsCsvFiles.ts.
 */
export interface TrendsView {
  lang: Lang;
  framework?: string;
}

export async function roundsWorkbookFile(rr: RoundsResult, metas: ExportMetadata[], v: TrendsView): Promise<Uint8Array> {
  const { roundsWorkbookBytes } = await import('../analysis/export/roundsExcel.js');
  return roundsWorkbookBytes(rr, metas, { lang: v.lang });
}

export async function trendCharts(rr: RoundsResult, v: TrendsView): Promise<ReportChart[]> {
  const out: ReportChart[] = [];
  for (const c of trendChartSpecs(rr, v)) out.push({ id: c.id, title: c.title, svg: await specSvg(c.spec) });
  return out;
}

export async function roundsReportFile(rr: RoundsResult, metas: ExportMetadata[], v: TrendsView): Promise<string> {
  return roundsReportHtml(rr, metas, { lang: v.lang, framework: v.framework, charts: await trendCharts(rr, v) });
}

/** The R script of every round and every change (rscriptRounds.ts), reading each round's main file from `dataPaths`. */
export function roundsRScriptFile(file: ResolvedRounds, rr: RoundsResult, metas: ExportMetadata[], dataPaths: string[]): string {
  return rScriptRounds(file, rr, metas, { dataPaths });
}
