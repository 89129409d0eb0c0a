import type { AnalysisResult, ResultRow } from '../run.js';
import type { Framework, Indicator } from '../types.js';
import { indicatorName, t, type Lang } from './i18n.js';
import { fwName } from './metadata.js';
import { countsHazards, fwOriginLines, indicatorLabel } from './statements.js';
import { codeLabel, dimLabel, levelText, RowIndex, type SexKey } from './tables.js';
import { CAUTION, config, datum, groupedBars, intervalLayers, PALETTE, rankedBars, SCHEMA, type Datum, type VegaLiteSpec } from './chartMarks.js';

export { PALETTE };

/**
 * The standard charts as Vega-Lite specs: pure functions of the results, used by the app (vega-embed)
 * and by the command line (vega's headless View renders them to SVG). Data are inline, so a spec
 * renders offline with nothing to fetch.
 *
 * - Intervals are the core's own (ci_low, ci_high) drawn as rules: never Vega's ci aggregate, which
 *   would recompute them from the rows as if they were a simple random sample.
 * - Flags: a figure to read with caution has a lighter bar, a dashed interval and its label in
 *   parentheses; a suppressed figure has no bar and no interval, only "*".
 * - Colours: Okabe-Ito (safe for colour-blind readers) chosen also to differ in lightness, so they
 *   stay apart in greyscale (CIE L* about 13, 46, 71 for total, boys, girls), with a dark outline
 *   on every bar and the value printed above it.
 */
export type { VegaLiteSpec };

export type ChartId = 'sex_age' | 'regions' | 'areas' | 'hazardous';

export interface ChartSpec {
  id: ChartId;
  title: string;
  spec: VegaLiteSpec;
}

export interface ChartOptions {
  lang?: Lang;
  /** Framework of the charts (default: the analysis' first). */
  framework?: string;
  /** Indicator of the sex/age, region and area charts (default child_labour when estimated). */
  indicator?: Indicator;
}

interface Ctx {
  result: AnalysisResult;
  idx: RowIndex;
  lang: Lang;
  fw: Framework;
  ind: Indicator;
}

/**
 * Subtitle lines are kept short: without a canvas (the command line), vega estimates text widths
 * generously, and a long line would widen the image.
 */
const subtitle = (c: Ctx) => [
  fwName(c.lang, c.fw),
  // An edited preset says what it is based on and what changed, inside the chart (it travels as SVG/PNG).
  ...fwOriginLines(c.lang, c.fw),
  t(c.lang, 'chart.subtitle', { level: levelText(c.lang, c.result.analysis.options.level) }),
  t(c.lang, 'chart.flags'),
  t(c.lang, 'chart.flags2'),
];

function sexSeries(c: Ctx, cell: Record<string, string>): { key: SexKey; row: ResultRow | null }[] {
  const m = c.result.analysis.mapping;
  return [
    { key: 'male', row: c.idx.get(c.fw.id, c.ind, { ...cell, sex: m.sex.male }) },
    { key: 'female', row: c.idx.get(c.fw.id, c.ind, { ...cell, sex: m.sex.female }) },
    { key: 'total', row: c.idx.get(c.fw.id, c.ind, cell) },
  ];
}

/** Bars by a dimension (age group, area) with boys, girls and total side by side where estimated. */
function byDimension(c: Ctx, dim: string, title: string): VegaLiteSpec | null {
  const codes = c.idx.codes(dim);
  if (!codes.length) return null;
  const data: Datum[] = [];
  const present = new Set<SexKey>();
  for (const code of codes) {
    for (const s of sexSeries(c, { [dim]: code })) {
      if (!s.row) continue;
      present.add(s.key);
      data.push(datum(c.lang, codeLabel(c.result, c.lang, dim, code), t(c.lang, `sex.${s.key}`), s.row));
    }
  }
  if (!data.length) return null;
  const keys = (['male', 'female', 'total'] as const).filter((k) => present.has(k));
  return groupedBars({
    lang: c.lang,
    title,
    subtitle: subtitle(c),
    axisTitle: dimLabel(c.lang, dim),
    groups: codes.map((code) => codeLabel(c.result, c.lang, dim, code)),
    series: keys.map((k) => t(c.lang, `sex.${k}`)),
    colors: keys.map((k) => PALETTE[k]),
    data,
  });
}

/** Prevalence by sex and age group. */
export function sexAgeChart(result: AnalysisResult, opts: ChartOptions = {}): ChartSpec | null {
  const c = ctx(result, opts);
  if (!c) return null;
  const title = t(c.lang, 'chart.sex_age', { indicator: indicatorLabel(c.lang, c.fw, c.ind) });
  const spec = byDimension(c, 'age_group', title);
  return spec && { id: 'sex_age', title, spec };
}

/** Prevalence by area (urban, rural), by sex where estimated. */
export function areasChart(result: AnalysisResult, opts: ChartOptions = {}): ChartSpec | null {
  const c = ctx(result, opts);
  if (!c || !result.analysis.mapping.area) return null;
  const title = t(c.lang, 'chart.areas', { indicator: indicatorLabel(c.lang, c.fw, c.ind) });
  const spec = byDimension(c, 'area', title);
  return spec && { id: 'areas', title, spec };
}

/** Regions ranked by prevalence (highest first; suppressed figures last), with intervals. */
export function regionsChart(result: AnalysisResult, opts: ChartOptions = {}): ChartSpec | null {
  const c = ctx(result, opts);
  if (!c) return null;
  const rows = c.idx
    .codes('region')
    .map((code) => ({ code, row: c.idx.get(c.fw.id, c.ind, { region: code }) }))
    .filter((x): x is { code: string; row: ResultRow } => x.row !== null);
  if (!rows.length) return null;
  const value = (r: ResultRow) => (r.flag === 'suppressed' || r.estimate === null ? -Infinity : r.estimate);
  rows.sort((a, b) => value(b.row) - value(a.row) || a.code.localeCompare(b.code));
  const title = t(c.lang, 'chart.regions', { indicator: indicatorLabel(c.lang, c.fw, c.ind) });
  const label = (code: string) => codeLabel(result, c.lang, 'region', code);
  return {
    id: 'regions',
    title,
    spec: rankedBars({
      lang: c.lang,
      title,
      subtitle: subtitle(c),
      axisTitle: dimLabel(c.lang, 'region'),
      groups: rows.map((x) => label(x.code)),
      series: [t(c.lang, 'sex.total')],
      colors: [PALETTE.total],
      data: rows.map((x) => datum(c.lang, label(x.code), t(c.lang, 'sex.total'), x.row)),
    }),
  };
}

/**
 * Hazardous work within child labour, by sex. When the framework counts hazardous work as child
 * labour (hazardsInChildLabour = hazardous_work), a stacked bar: hazardous work, and the rest of
 * child labour up to the child labour estimate, with the intervals of both estimates. When it counts
 * hazardous conditions (MICS6 PR.3.4), hazardous work is not a part of child labour, and the two are
 * drawn side by side. When hazards do not make child labour at all (SDG 8.7.1), there is no chart:
 * drawing hazardous work beside that child labour presents it as part of the definition (and boys'
 * hazardous work can stand above boys' child labour); the tables give it, labelled as outside it.
 */
export function hazardousChart(result: AnalysisResult, opts: ChartOptions = {}): ChartSpec | null {
  const c = ctx(result, { ...opts, indicator: 'child_labour' });
  if (!c || !result.analysis.indicators.includes('child_labour') || !result.analysis.indicators.includes('hazardous_work')) return null;
  if (!countsHazards(c.fw)) return null;
  const cl = sexSeries(c, {});
  const hw = sexSeries({ ...c, ind: 'hazardous_work' }, {});
  const lang = c.lang;
  const sexLabel = (k: SexKey) => t(lang, `sex.${k}`);
  const partH = t(lang, 'chart.part.hazardous');
  const partO = t(lang, 'chart.part.other');
  const groups = cl.filter((s) => s.row).map((s) => sexLabel(s.key));
  if (!groups.length) return null;

  if (c.fw.hazardsInChildLabour !== 'hazardous_work') {
    const data: Datum[] = [];
    for (const [i, s] of cl.entries()) {
      if (s.row) data.push(datum(lang, sexLabel(s.key), indicatorName(lang, 'child_labour'), s.row));
      const h = hw[i]!.row;
      if (h) data.push(datum(lang, sexLabel(s.key), indicatorName(lang, 'hazardous_work'), h));
    }
    const title = t(lang, 'chart.hazardous_side');
    return {
      id: 'hazardous',
      title,
      spec: groupedBars({
        lang,
        title,
        subtitle: subtitle(c),
        axisTitle: dimLabel(lang, 'sex'),
        groups,
        series: [indicatorName(lang, 'child_labour'), indicatorName(lang, 'hazardous_work')],
        colors: [PALETTE.other, PALETTE.hazardous],
        data,
      }),
    };
  }

  const parts: Record<string, unknown>[] = [];
  const intervals: Datum[] = [];
  for (const [i, s] of cl.entries()) {
    const h = hw[i]!.row;
    if (!s.row) continue;
    const g = sexLabel(s.key);
    const total = datum(lang, g, indicatorName(lang, 'child_labour'), s.row);
    intervals.push(total);
    if (total.pct === null) continue;
    const hd = h ? datum(lang, g, partH, h) : null;
    const hp = hd?.pct ?? null;
    if (hd && hp !== null) {
      parts.push({ group: g, part: partH, order: 0, value: hp, flag: hd.flag, label: hd.label, ci: hd.ci, n: hd.n });
      intervals.push(hd);
    }
    parts.push({ group: g, part: partO, order: 1, value: Math.max(0, total.pct - (hp ?? 0)), flag: total.flag, label: total.label, ci: total.ci, n: total.n });
  }
  const title = t(lang, 'chart.hazardous');
  return {
    id: 'hazardous',
    title,
    spec: {
      $schema: SCHEMA,
      title: { text: title, subtitle: subtitle(c) },
      width: 360,
      height: 260,
      encoding: { x: { field: 'group', type: 'nominal', sort: groups, title: dimLabel(lang, 'sex'), axis: { labelAngle: 0 } } },
      layer: [
        {
          data: { values: parts },
          mark: { type: 'bar', stroke: PALETTE.outline, strokeWidth: 0.6 },
          encoding: {
            y: { field: 'value', type: 'quantitative', stack: 'zero', title: t(lang, 'chart.percent') },
            color: { field: 'part', type: 'nominal', sort: [partH, partO], scale: { domain: [partH, partO], range: [PALETTE.hazardous, PALETTE.other] } },
            order: { field: 'order', type: 'quantitative' },
            fillOpacity: { condition: { test: CAUTION, value: 0.35 }, value: 1 },
            tooltip: [
              { field: 'group', type: 'nominal', title: ' ' },
              { field: 'part', type: 'nominal', title: t(lang, 'chart.series') },
              { field: 'label', type: 'nominal', title: '%' },
              { field: 'n', type: 'quantitative', title: t(lang, 'col.n') },
            ],
          },
        },
        ...intervalLayers('y').map((l) => ({ data: { values: intervals }, ...l })),
        {
          data: { values: intervals.filter((d) => d.series === indicatorName(lang, 'child_labour')) },
          mark: { type: 'text', baseline: 'bottom', dy: -3, fontSize: 9, color: '#000000' },
          encoding: { y: { field: 'at', type: 'quantitative' }, text: { field: 'label' } },
        },
      ],
      config: config(lang),
    },
  };
}

function ctx(result: AnalysisResult, opts: ChartOptions): Ctx | null {
  const a = result.analysis;
  const fw = opts.framework ? a.frameworks.find((f) => f.id === opts.framework) : a.frameworks[0];
  if (!fw) return null;
  const ind = opts.indicator ?? (a.indicators.includes('child_labour') ? 'child_labour' : a.indicators[0]!);
  if (!a.indicators.includes(ind)) return null;
  return { result, idx: new RowIndex(result), lang: opts.lang ?? 'en', fw, ind };
}

/** Every standard chart the results allow, in report order. */
export function chartSpecs(result: AnalysisResult, opts: ChartOptions = {}): ChartSpec[] {
  return [sexAgeChart(result, opts), regionsChart(result, opts), areasChart(result, opts), hazardousChart(result, opts)].filter(
    (x): x is ChartSpec => x !== null,
  );
}
