import { formatCount } from '../present/format.js';
import { trendTables, type TrendTableOptions } from '../present/trendTable.js';
import type { RoundsResult } from '../rounds/types.js';
import { t, type Lang } from './i18n.js';
import { fwName, type ExportMetadata } from './metadata.js';
import { escapeHtml, metadataHtml, reportDocument, scopeSvgIds, tableHtml, type ReportChart } from './report.js';
import { fwOrigin } from './statements.js';

/**
 * The report of an analysis with survey rounds, beside the single-round report (report.ts, whose
 * output it leaves alone): one self-contained HTML file, printed to PDF as the other, with the rounds
 * (file, design, children in scope), the trend tables (analysis/present/trendTable.ts), the trend
 * charts as SVG (drawn from analysis/present/trendCharts.ts by the caller, as for the single-round
 * report), and each round's metadata in words. Each round's own tables are its single-round report.
 */
export interface RoundsReportOptions extends TrendTableOptions {
  lang?: Lang;
  /** The report's title (default: "Child labour statistics: change between survey rounds" in its language). */
  title?: string;
  /** The rounds analysis' title (default: the first round's title without its label). */
  survey?: string;
  /** Framework of the charts (named under each figure; default: the analysis' first). */
  framework?: string;
  charts?: ReportChart[];
}

/** The analysis' title: the rounds file's own, which each round's title carries before " - <label>". */
export function roundsTitle(rr: RoundsResult): string {
  const first = rr.rounds[0]!;
  const title = first.result.analysis.title;
  const suffix = ` - ${first.label}`;
  return title.endsWith(suffix) ? title.slice(0, -suffix.length) : title;
}

function roundsTableHtml(rr: RoundsResult, lang: Lang): string {
  const head = ['round', 'year', 'file', 'children', 'design'].map((k) => `<th scope="col">${escapeHtml(t(lang, `report.rounds.col.${k}` as 'report.rounds.col.round'))}</th>`).join('');
  const rows = rr.rounds.map((r) => {
    const d = r.result.design;
    const cells = [
      r.year === undefined ? '' : String(r.year),
      r.result.file,
      formatCount(lang, r.result.childrenInScope),
      t(lang, 'report.rounds.design', { strata: d.strata, psus: d.psus }),
    ];
    return `<tr class="value"><th scope="row" class="label">${escapeHtml(r.label)}</th>${cells.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`;
  });
  return `<table class="meta rounds"><thead><tr>${head}</tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

/** The whole rounds report as one HTML text; `metas` holds each round's metadata block, in the rounds' order. */
export function roundsReportHtml(rr: RoundsResult, metas: ExportMetadata[], opts: RoundsReportOptions = {}): string {
  const lang = opts.lang ?? 'en';
  const a = rr.rounds[0]!.result.analysis;
  const fw = a.frameworks.find((f) => f.id === opts.framework) ?? a.frameworks[0]!;
  const title = opts.title ?? t(lang, 'report.rounds.title');
  const survey = opts.survey ?? roundsTitle(rr);
  const last = metas.at(-1)!;
  const origin = fwOrigin(lang, fw);
  const caption = (chart: string) => `${chart}. ${t(lang, 'report.frameworkLine', { framework: fwName(lang, fw) })}${origin ? `. ${origin.sentence}` : ''}`;
  const charts = opts.charts ?? [];
  const tables = trendTables(rr, lang, opts);
  const sections: { id: string; title: string; html: string }[] = [
    { id: 'rounds', title: t(lang, 'report.rounds'), html: `<p>${escapeHtml(t(lang, 'report.trends.intro'))}</p>\n${roundsTableHtml(rr, lang)}` },
    { id: 'tables', title: t(lang, 'report.trendTables'), html: tables.map((x) => tableHtml(x, { framework: x.framework.id, indicator: x.indicator })).join('\n') },
    {
      id: 'charts',
      title: t(lang, 'report.trendCharts'),
      html: charts.length
        ? charts.map((c) => `<figure id="chart-${escapeHtml(c.id)}">${scopeSvgIds(c.svg.replace(/^<\?xml[^>]*>\s*/, ''), `chart-${c.id}`)}<figcaption>${escapeHtml(caption(c.title))}</figcaption></figure>`).join('\n')
        : `<p class="muted">${escapeHtml(t(lang, 'report.noCharts'))}</p>`,
    },
    ...rr.rounds.flatMap((r, i) => {
      const meta = metas[i];
      return meta ? [{ id: `metadata-${i + 1}`, title: t(lang, 'report.roundMetadata', { round: r.label }), html: metadataHtml(meta, lang) }] : [];
    }),
  ];
  const roundsLine = `${escapeHtml(t(lang, 'report.rounds.line', { rounds: rr.rounds.map((r) => r.label).join(', ') }))}<br>`;
  return reportDocument(lang, last, title, survey, roundsLine, sections);
}
