import { formatCreated, formatPercent, levelText } from '../present/format.js';
import { metadataWords } from '../present/metadataWords.js';
import { RowIndex } from '../present/rowIndex.js';
import { samplingErrors } from '../present/samplingErrors.js';
import { statCell } from '../present/statCells.js';
import { ageRange, standardTables, type TableOptions } from '../present/standardTable.js';
import type { TableModel } from '../present/tableModel.js';
import type { AnalysisResult, ResultRow } from '../run.js';
import type { Indicator } from '../types.js';
import { t, type Lang, type MessageKey } from './i18n.js';
import { colonOf } from '../i18n/lang.js';
import { formatParam } from '../i18n/fill.js';
import { appNameIn, bandRules, fwName, fwSource, type ExportMetadata } from './metadata.js';
import { smallCellNotes } from './smallCellNotes.js';
import { countsHazards, designStatement, fwOrigin, hazardCriteria, indicatorLabel, universeStatement, withoutClusters } from './statements.js';

/**
 * The report: one self-contained HTML file (inline CSS and SVG, no scripts, fonts or links to other
 * files) that prints cleanly to PDF: each section starts on a new page, table rows and figures are
 * never cut, table headers repeat on every page. The app saves it as HTML and prints it to PDF
 * (Electron's printToPDF, the browser's print); the command line writes the HTML.
 *
 * Tables, the sampling errors and the metadata are the presentation layer's (analysis/present): this
 * file lays them out as HTML. Charts come in as SVG text (`charts`), drawn from the presentation
 * layer's specs (the app with vega in the page, the command line with vega's headless View); their
 * ids are made unique per chart here.
 */
export interface ReportChart {
  id: string;
  title: string;
  svg: string;
}

export interface ReportOptions extends TableOptions {
  lang?: Lang;
  /** The report's title (default: "Child labour statistics" in the report's language). */
  title?: string;
  /** Framework of the key figures and the charts (default: the analysis' first); the sampling errors are every framework's. */
  framework?: string;
  charts?: ReportChart[];
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESC[c]!);

/** Prefixes every id of an SVG (and its references), so several SVGs can share one page. */
export function scopeSvgIds(svg: string, prefix: string): string {
  const ids = new Set([...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));
  if (!ids.size) return svg;
  return svg
    .replace(/\sid="([^"]+)"/g, (_, id: string) => ` id="${prefix}-${id}"`)
    .replace(/url\(#([^)]+)\)/g, (m, id: string) => (ids.has(id) ? `url(#${prefix}-${id})` : m))
    .replace(/href="#([^"]+)"/g, (m, id: string) => (ids.has(id) ? `href="#${prefix}-${id}"` : m));
}

export const CSS = `
:root { --ink: #1a1a1a; --muted: #555; --rule: #999; --band: #f2f2f2; }
* { box-sizing: border-box; }
body { font-family: "Helvetica Neue", Helvetica, Arial, "Liberation Sans", sans-serif; color: var(--ink); margin: 0 auto; max-width: 60rem; padding: 2rem; line-height: 1.45; font-size: 11pt; }
h1 { font-size: 22pt; margin: 0 0 .3rem; }
h2 { font-size: 16pt; border-bottom: 2px solid var(--ink); padding-bottom: .2rem; margin-top: 0; }
h3 { font-size: 12pt; margin: 1.2rem 0 .4rem; }
p.survey { font-size: 14pt; margin: 0 0 .6rem; }
p.muted, .notes { color: var(--muted); }
nav ol { padding-left: 1.2rem; }
section { padding-top: 1rem; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: .8rem; margin: 1rem 0; }
.card { border: 1px solid var(--rule); border-radius: 4px; padding: .6rem .8rem; break-inside: avoid; }
.card .name { font-weight: bold; }
.card .big { font-size: 22pt; font-weight: bold; }
.card .ci, .card .sex { font-size: 10pt; color: var(--muted); }
table { border-collapse: collapse; width: 100%; font-size: 9.5pt; margin: .4rem 0; }
.table-scroll { overflow-x: auto; }
caption { text-align: left; font-weight: bold; padding-bottom: .3rem; }
caption .sub { display: block; font-weight: normal; font-style: italic; }
th, td { padding: .15rem .35rem; }
th.sexgroup { text-align: center; border-bottom: 1px solid var(--rule); }
thead th { border-bottom: 1px solid var(--ink); vertical-align: bottom; }
thead tr:first-child th { border-top: 1px solid var(--ink); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.group td { font-weight: bold; padding-top: .4rem; }
tr.total td { font-weight: bold; }
tr.value td.label { padding-left: 1.2rem; }
tbody tr:last-child td { border-bottom: 1px solid var(--ink); }
.notes { font-size: 8.5pt; margin: .2rem 0 1.4rem; }
.notes p { margin: .1rem 0; }
figure { margin: 1rem 0 2rem; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-size: 9pt; color: var(--muted); }
table.meta td { vertical-align: top; border-bottom: 1px solid #ddd; }
table.meta td:first-child { width: 34%; }
table.meta tr.section td { font-weight: bold; border-bottom: 1px solid var(--ink); padding-top: .6rem; }
td.mono { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; word-break: break-all; }
@page { size: A4; margin: 16mm 14mm; }
@page tables { size: A4 landscape; margin: 12mm 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  section { break-before: page; padding-top: 0; }
  section#tables { page: tables; }
  .table-scroll { overflow: visible; }
  table.stat { font-size: 7.5pt; line-height: 1.2; margin: 0; }
  table.stat th, table.stat td { padding: .05rem .3rem; }
  tr.group td { padding-top: .15rem; }
  .table-block .notes { font-size: 6.5pt; line-height: 1.25; margin-bottom: 0; }
  .table-block + .table-block { break-before: page; }
  nav { break-after: auto; }
  h2, h3, caption { break-after: avoid; }
  .table-block, figure, .card, .framework { break-inside: avoid; }
  thead { display: table-header-group; }
  tfoot { display: table-footer-group; }
  tr, td, th { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
`;

/** A table of the presentation layer as HTML: grouped headers, group lines, notes below. */
export function tableHtml(table: TableModel, attrs: Record<string, string> = {}): string {
  const grouped = table.groups.some((g) => g.label !== '');
  const width = 1 + table.groups.reduce((s, g) => s + g.columns.length, 0);
  const stub = `<th${grouped ? ' rowspan="2"' : ''} scope="col">${escapeHtml(table.stub)}</th>`;
  const columns = table.groups.map((g) => g.columns.map((c) => `<th scope="col" class="num">${escapeHtml(c.label)}</th>`).join('')).join('');
  const head = grouped
    ? `<tr>${stub}${table.groups.map((g) => `<th colspan="${g.columns.length}" scope="colgroup" class="sexgroup">${escapeHtml(g.label)}</th>`).join('')}</tr><tr>${columns}</tr>`
    : `<tr>${stub}${columns}</tr>`;
  const body = table.lines
    .map((line) => {
      if (line.kind === 'group') return `<tr class="group"><td colspan="${width}">${escapeHtml(line.label)}</td></tr>`;
      const cells = line.cells.map((c) => `<td class="num">${c.strong ? `<b>${escapeHtml(c.text)}</b>` : escapeHtml(c.text)}</td>`).join('');
      return `<tr class="${line.kind}"><td class="label">${escapeHtml(line.label)}</td>${cells}</tr>`;
    })
    .join('\n');
  const data = Object.entries(attrs).map(([k, v]) => ` data-${k}="${escapeHtml(v)}"`).join('');
  // A wide table (the sampling errors: 1,500 px) scrolls in its own box, not the whole page; the box
  // takes the focus so that a keyboard can scroll it.
  return `<div class="table-block" id="${escapeHtml(table.id)}">
<div class="table-scroll" tabindex="0" role="region" aria-label="${escapeHtml(table.title)}">
<table class="stat"${data}>
<caption>${escapeHtml(table.title)}<span class="sub">${escapeHtml(table.subtitle)}</span></caption>
<thead>${head}</thead>
<tbody>
${body}
</tbody>
</table>
</div>
<div class="notes">${table.footnotes.map((n) => `<p>${escapeHtml(n.text)}</p>`).join('')}</div>
</div>`;
}

function keyFigures(result: AnalysisResult, lang: Lang, fwId: string): string {
  const a = result.analysis;
  const fw = a.frameworks.find((f) => f.id === fwId)!;
  const idx = new RowIndex(result);
  const m = a.mapping;
  const level = levelText(lang, a.options.level);
  const range = ageRange(fw);
  // Hazardous work is a key figure only where the framework counts it in child labour: under SDG
  // 8.7.1 it is no part of the definition (and boys' hazardous work can exceed their child labour).
  const wanted: Indicator[] = countsHazards(fw) ? ['child_labour', 'hazardous_work', 'children_in_employment'] : ['child_labour', 'children_in_employment'];
  const ci = (r: ResultRow | null) => (r && r.flag !== 'suppressed' && r.ci_low !== null && r.ci_high !== null ? `[${formatPercent(lang, r.ci_low)}–${formatPercent(lang, r.ci_high)}]` : '');
  const show = (r: ResultRow | null) => (r ? `${statCell(lang, r, 'estimate').text}${r.flag === 'suppressed' ? '' : '\u00a0%'}` : t(lang, 'report.notAvailable'));
  const cards = wanted
    .filter((ind) => a.indicators.includes(ind))
    .map((ind) => {
      const total = idx.get(fw.id, ind, {});
      const sexes = (['male', 'female'] as const).map((s) => {
        const r = idx.get(fw.id, ind, { sex: s === 'male' ? m.sex.male : m.sex.female });
        return `<div class="sex" data-sex="${s}">${escapeHtml(t(lang, `sex.${s}`) + colonOf(lang))}<b>${escapeHtml(show(r))}</b> ${escapeHtml(ci(r))}</div>`;
      });
      return `<div class="card" data-indicator="${ind}">
<div class="name">${escapeHtml(indicatorLabel(lang, fw, ind))}</div>
<div class="big">${escapeHtml(show(total))}</div>
<div class="ci">${escapeHtml(ci(total))}</div>
${sexes.join('\n')}
</div>`;
    });
  const origin = fwOrigin(lang, fw);
  const hazardNote = !countsHazards(fw) && a.indicators.includes('hazardous_work') ? t(lang, 'report.hazardNotPart', { criteria: hazardCriteria(lang, fw) }) : null;
  return `<p>${escapeHtml(t(lang, 'report.keyFiguresIntro', { from: range.from, to: range.to, level, framework: fwName(lang, fw) }))}</p>
${origin ? `<p class="muted basedon">${escapeHtml(origin.sentence)}</p>\n` : ''}<div class="cards">
${cards.join('\n')}
</div>${hazardNote ? `\n<p class="muted">${escapeHtml(hazardNote)}</p>` : ''}`;
}

function methodsHtml(result: AnalysisResult, meta: ExportMetadata, lang: Lang): string {
  const o = meta.options;
  const level = levelText(lang, o.level);
  const p = (key: MessageKey, params: Record<string, string | number> = {}) => `<p>${escapeHtml(t(lang, key, params))}</p>`;
  const h = (key: MessageKey) => `<h3>${escapeHtml(t(lang, key))}</h3>`;
  const frameworks = meta.frameworks
    .map((fw) => {
      const hz = fw.hazardous;
      const origin = fwOrigin(lang, fw);
      const items = [
        ...(origin ? [origin.sentence] : []),
        ...bandRules(lang, fw).map((b) => `${b.label}${colonOf(lang)}${b.rule}`),
        `${t(lang, 'meta.fw.hazardsInCl')}${colonOf(lang)}${t(lang, `meta.fw.hazardsInCl.${fw.hazardsInChildLabour}`)}`,
        t(lang, 'rule.hazard'),
        ...(countsHazards(fw) ? [] : [t(lang, 'methods.hazard.outside', { criteria: hazardCriteria(lang, fw) })]),
        `${t(lang, 'meta.fw.industries')}${colonOf(lang)}${hz.industries.join(', ') || t(lang, 'meta.none')}`,
        `${t(lang, 'meta.fw.occupations')}${colonOf(lang)}${hz.occupations.join(', ') || t(lang, 'meta.none')}`,
        `${t(lang, 'meta.fw.longHours')}${colonOf(lang)}${hz.longHours ? `${t(lang, hz.longHours.op === '>' || (!hz.longHours.op && fw.comparison === '>') ? 'rule.op.>' : 'rule.op.>=')} ${formatParam(lang, hz.longHours.min)} h` : t(lang, 'rule.notUsed')}`,
      ];
      return `<div class="framework"><h4>${escapeHtml(fwName(lang, fw))} <code>${escapeHtml(fw.id)}</code></h4>
<p class="muted">${escapeHtml(fwSource(lang, fw))}</p>
<ul>${items.map((x) => `<li>${escapeHtml(x)}</li>`).join('')}</ul></div>`;
    })
    .join('\n');
  return [
    h('methods.definitions.h'),
    p('methods.definitions'),
    frameworks,
    p(o.missingHours === 'mics' ? 'methods.missing.mics' : 'methods.missing.unknown'),
    h('methods.design.h'),
    p(withoutClusters(meta.mapping) ? 'methods.design.noClusters' : 'methods.design', { psus: result.design.psus, strata: result.design.strata }),
    `<p>${escapeHtml(universeStatement(lang, meta.mapping, meta.design.universe?.labels))}</p>`,
    `<p>${escapeHtml(designStatement(lang, meta.mapping))}</p>`,
    p('methods.lonely', { policy: o.lonelyPsu }),
    h('methods.ci.h'),
    p('methods.ci', { level, ci: t(lang, `ci.${o.ci}` as MessageKey) }),
    h('methods.flags.h'),
    `<p>${escapeHtml(smallCellNotes(lang, o.smallCell).join(' '))}</p>`,
    p('methods.flags'),
    h('methods.reproduce.h'),
    p('methods.reproduce'),
  ].join('\n');
}


/** The metadata in words (analysis/present/metadataWords.ts); hashes in a monospace font. */
export function metadataHtml(meta: ExportMetadata, lang: Lang): string {
  let section = '';
  const rows: string[] = [];
  for (const r of metadataWords(meta, lang)) {
    if (r.section !== section) {
      section = r.section;
      rows.push(`<tr class="section"><td colspan="2">${escapeHtml(section)}</td></tr>`);
    }
    const mono = /^[0-9a-f]{64}$/.test(r.value);
    rows.push(`<tr><td>${escapeHtml(r.label)}</td><td${mono ? ' class="mono"' : ''}>${escapeHtml(r.value)}</td></tr>`);
  }
  return `<table class="meta"><tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

/** The whole report as one HTML text. */
export function reportHtml(result: AnalysisResult, meta: ExportMetadata, opts: ReportOptions = {}): string {
  const lang = opts.lang ?? 'en';
  const a = result.analysis;
  const fwId = opts.framework && a.frameworks.some((f) => f.id === opts.framework) ? opts.framework : a.frameworks[0]!.id;
  const fw = a.frameworks.find((f) => f.id === fwId)!;
  const title = opts.title ?? t(lang, 'report.title');
  const tables = standardTables(result, lang, { ...opts, universeLabels: meta.design.universe?.labels, sourceName: meta.source.file });
  // Every framework's sampling errors, as the standard tables (not only the one shown on screen).
  const errors = a.frameworks.flatMap((f) => samplingErrors(result, lang, { framework: f.id, labels: opts.labels }) ?? []);
  const charts = opts.charts ?? [];
  const origin = fwOrigin(lang, fw);
  // Every figure names its framework, and an edited preset what it is based on.
  const chartCaption = (title: string) => `${title}. ${t(lang, 'report.frameworkLine', { framework: fwName(lang, fw) })}${origin ? `. ${origin.sentence}` : ''}`;
  const sections: { id: string; title: string; html: string }[] = [
    { id: 'key-figures', title: t(lang, 'report.keyFigures'), html: keyFigures(result, lang, fwId) },
    { id: 'tables', title: t(lang, 'report.tables'), html: tables.map((x) => tableHtml(x, { framework: x.framework.id, indicator: x.indicator })).join('\n') },
    ...(errors.length ? [{ id: 'sampling-errors-section', title: t(lang, 'report.samplingErrors'), html: errors.map((e) => tableHtml(e, { framework: e.framework.id })).join('\n') }] : []),
    {
      id: 'charts',
      title: t(lang, 'report.charts'),
      html: charts.length
        ? charts
          .map((c) => `<figure id="chart-${escapeHtml(c.id)}">${scopeSvgIds(c.svg.replace(/^<\?xml[^>]*>\s*/, ''), `chart-${c.id}`)}<figcaption>${escapeHtml(chartCaption(c.title))}</figcaption></figure>`)
          .join('\n')
        : `<p class="muted">${escapeHtml(t(lang, 'report.noCharts'))}</p>`,
    },
    { id: 'methods', title: t(lang, 'report.methods'), html: methodsHtml(result, meta, lang) },
    { id: 'metadata', title: t(lang, 'report.metadata'), html: metadataHtml(meta, lang) },
  ];
  const originLine = origin ? `${escapeHtml(origin.sentence)}<br>` : '';
  return reportDocument(lang, meta, title, a.title, `${escapeHtml(t(lang, 'report.frameworkLine', { framework: fwName(lang, fw) }))}<br>${originLine}`, sections);
}

/**
 * The report's HTML document around its sections (the single-round report and the rounds report):
 * head, title block (`lines`: HTML shown above the generation line), contents, sections.
 */
export function reportDocument(
  lang: Lang, meta: { createdAt: string; app: { name: string; version: string } }, title: string, survey: string, lines: string,
  sections: { id: string; title: string; html: string }[],
): string {
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${escapeHtml(`${meta.app.name} ${meta.app.version}`)}">
<title>${escapeHtml(`${title}${colonOf(lang)}${survey}`)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${escapeHtml(title)}</h1>
<p class="survey">${escapeHtml(survey)}</p>
<p class="muted">${lines}${escapeHtml(
    t(lang, 'report.generated', { date: formatCreated(meta.createdAt), app: appNameIn(lang, meta), version: meta.app.version }),
  )}</p>
<nav><h2 class="toc">${escapeHtml(t(lang, 'report.contents'))}</h2><ol>${sections.map((s) => `<li><a href="#${s.id}">${escapeHtml(s.title)}</a></li>`).join('')}</ol></nav>
</header>
${sections.map((s) => `<section id="${s.id}">\n<h2>${escapeHtml(s.title)}</h2>\n${s.html}\n</section>`).join('\n')}
</body>
</html>
`;
}
