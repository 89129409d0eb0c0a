import { t, type Lang } from '../export/i18n.js';
import { fwName } from '../export/metadata.js';
import { fwOriginLines, indicatorLabel } from '../export/statements.js';
import type { RoundsResult } from '../rounds/types.js';
import type { Framework, Indicator } from '../types.js';
import { slopeSize, subtitleLines, trendSize, VALUE_AXIS } from './chartSize.js';
import { CAUTION, ciTitle, config, datum, SCHEMA, spoken, type Datum, type TooltipField, type VegaLiteSpec } from './chartMarks.js';
import { levelText } from './format.js';
import { dimensionLabel } from './labels.js';
import { MUTED, NO_CHANGE, PALETTE, SERIES } from './palette.js';
import { ageRange } from './standardTable.js';
import { roundHeading, TrendData, type TrendOptions } from './trendData.js';

/**
 * The trend charts as Vega-Lite specs, drawn like the standard charts (chartSpecs.ts) by the app, the
 * report and the chart files: one palette, the language's number format, and each round's own
 * interval from the core (ci_low, ci_high of the round's estimate, drawn as a rule; never Vega's ci
 * aggregate, which would treat the estimates as a simple random sample).
 *
 *   trend_sex      boys, girls and total, one line each over the rounds
 *   trend_age      one line per age group;  trend_area  urban and rural
 *   trend_regions  a dumbbell chart: a row per region, its first and last round joined, darker
 *                  where the change between them is significant (the core's p-value), lighter
 *                  where it is within sampling error
 * The x axis is the rounds' year where every round has one (so the spacing shows the time between
 * them), else their order; it is labelled with the rounds' names. Points of one round are set a
 * little apart so that their intervals do not hide each other.
 */
export type TrendChartId = 'trend_sex' | 'trend_age' | 'trend_area' | 'trend_regions';

export interface TrendChartSpec {
  id: TrendChartId;
  title: string;
  spec: VegaLiteSpec;
}

export interface TrendChartOptions extends TrendOptions {
  lang?: Lang;
  framework?: string;
  /** Default child_labour when estimated, else the first indicator. */
  indicator?: Indicator;
}

/** One point: a round's estimate of a series, with its interval and the x position it is drawn at. */
export interface TrendDatum extends Datum {
  round: string;
  pos: number;
  /** The line's piece: a change that is not comparable (a module, the ages) starts a new one, so no line joins the two rounds. */
  piece?: number;
}

interface Ctx {
  d: TrendData;
  lang: Lang;
  fw: Framework;
  ind: Indicator;
  /** Each round's x position (its year, or its order) and axis label. */
  pos: number[];
  heads: string[];
}

function context(rr: RoundsResult, o: TrendChartOptions): Ctx | null {
  const d = new TrendData(rr, o);
  const a = d.first.analysis;
  const fw = o.framework ? a.frameworks.find((f) => f.id === o.framework) : a.frameworks[0];
  const ind = o.indicator ?? (a.indicators.includes('child_labour') ? 'child_labour' : a.indicators[0]!);
  if (!fw || !a.indicators.includes(ind)) return null;
  const years = rr.rounds.every((r) => r.year !== undefined);
  const lang = o.lang ?? 'en';
  return { d, lang, fw, ind, pos: rr.rounds.map((r, i) => (years ? r.year! : i + 1)), heads: rr.rounds.map((r) => roundHeading(lang, r)) };
}

/** `rows`: the regions' chart, whose rows are the regions and whose intervals are horizontal. */
const subtitle = (c: Ctx, extra: string[] = [], rows?: 'rows') => subtitleLines([
  fwName(c.lang, c.fw),
  ...fwOriginLines(c.lang, c.fw),
  t(c.lang, rows ? 'trend.chart.subtitleRows' : 'trend.chart.subtitle', { level: levelText(c.lang, c.d.first.analysis.options.level) }),
  t(c.lang, 'trend.chart.flags'),
  ...extra,
]);

const description = (c: Ctx, title: string, rows?: 'rows') =>
  t(c.lang, rows ? 'trend.chart.descriptionRows' : 'trend.chart.description', { title, level: levelText(c.lang, c.d.first.analysis.options.level) });

const tooltip = (lang: Lang, seriesTitle: string, level: number): TooltipField[] => [
  { field: 'round', type: 'nominal', title: t(lang, 'trend.chart.round') },
  { field: 'series', type: 'nominal', title: seriesTitle },
  { field: 'label', type: 'nominal', title: '%' },
  { field: 'ci', type: 'nominal', title: ciTitle(lang, level) },
  { field: 'count', type: 'nominal', title: t(lang, 'col.n') },
];

/** A round's point, lighter when to read with caution, with its tooltip, which a screen reader says too. */
function point(lang: Lang, tips: TooltipField[], mark: Record<string, unknown>, encoding: Record<string, unknown>): Record<string, unknown> {
  const said = spoken(lang, 'point', tips);
  return {
    transform: said.transform,
    mark: { ...mark, ...said.mark },
    encoding: { ...encoding, fillOpacity: { condition: { test: CAUTION, value: 0.35 }, value: 1 }, tooltip: tips, description: said.description },
  };
}

/** The rounds' axis: their positions, labelled with their names (a Vega expression, no data lookups). */
function roundAxis(c: Ctx): Record<string, unknown> {
  const labels = c.pos.map((p, i) => `datum.value === ${p} ? ${JSON.stringify(c.heads[i])} : `).join('');
  const span = Math.max(...c.pos) - Math.min(...c.pos) || 1;
  return {
    field: 'pos',
    type: 'quantitative',
    title: t(c.lang, 'trend.chart.round'),
    scale: { domain: [Math.min(...c.pos) - span * 0.15, Math.max(...c.pos) + span * 0.15], nice: false, zero: false },
    axis: { values: c.pos, labelExpr: `${labels}''`, grid: false, labelAngle: 0 },
  };
}

/** Lines over the rounds, one per series, with each round's point and interval. */
function lines(c: Ctx, title: string, series: { name: string; color: string; cell: Record<string, string> }[], seriesTitle: string): VegaLiteSpec | null {
  const span = Math.max(...c.pos) - Math.min(...c.pos) || 1;
  const data: TrendDatum[] = [];
  const rounds = c.d.rr.rounds;
  series.forEach((s, k) => {
    const offset = (k - (series.length - 1) / 2) * span * 0.02;
    let piece = 0;
    rounds.forEach((r, i) => {
      // Each round's figure stays; a line from the round before only where their change is comparable (a walk).
      const ch = i > 0 ? c.d.change(c.fw.id, c.ind, { from: rounds[i - 1]!.label, to: r.label }, s.cell) : null;
      if (ch?.not_comparable?.kind === 'module' || ch?.not_comparable?.kind === 'ages') piece++;
      const row = c.d.row(i, c.fw.id, c.ind, s.cell);
      if (row) data.push({ ...datum(c.lang, r.label, s.name, row), round: r.label, pos: c.pos[i]! + offset, piece });
    });
  });
  if (!data.some((x) => x.pct !== null)) return null;
  const names = series.map((s) => s.name);
  const color = { field: 'series', type: 'nominal', sort: names, scale: { domain: names, range: series.map((s) => s.color) }, legend: names.length > 1 ? {} : null };
  const size = trendSize(c.pos.length);
  const y = { field: 'pct', type: 'quantitative', title: t(c.lang, 'chart.percent'), axis: VALUE_AXIS, scale: { zero: true } };
  return {
    $schema: SCHEMA,
    title: { text: title, subtitle: subtitle(c), aria: false },
    description: description(c, title),
    width: size.width,
    height: size.height,
    data: { values: data },
    encoding: { x: roundAxis(c), color },
    layer: [
      { mark: { type: 'line', strokeWidth: 1.6 }, encoding: { y, detail: { field: 'piece', type: 'nominal' } } },
      {
        mark: { type: 'rule', strokeWidth: 1.4 },
        encoding: { y: { field: 'lo', type: 'quantitative' }, y2: { field: 'hi' }, strokeDash: { condition: { test: CAUTION, value: [3, 2] }, value: [1, 0] } },
      },
      point(c.lang, tooltip(c.lang, seriesTitle, c.d.first.analysis.options.level), { type: 'point', filled: true, size: 60, stroke: PALETTE.outline, strokeWidth: 0.6 }, { y }),
    ],
    config: config(c.lang),
  };
}

/** Boys, girls and total over the rounds. */
function bySex(c: Ctx): TrendChartSpec | null {
  const title = t(c.lang, 'trend.chart.sex', { measure: indicatorLabel(c.lang, c.fw, c.ind) });
  const keys = (['male', 'female', 'total'] as const).filter((k) => k === 'total' || c.d.keys('sex').includes(k));
  const spec = lines(c, title, keys.map((k) => ({ name: t(c.lang, `sex.${k}`), color: PALETTE[k], cell: (k === 'total' ? {} : { sex: k }) as Record<string, string> })), t(c.lang, 'chart.series'));
  return spec && { id: 'trend_sex', title, spec };
}

/** One line per category of a dimension (age groups, areas). */
function byDimension(c: Ctx, dim: 'age_group' | 'area', id: TrendChartId): TrendChartSpec | null {
  const range = ageRange(c.fw);
  const keys = c.d.keys(dim).filter((k) => {
    const g = dim === 'age_group' ? c.d.first.analysis.ageGroups.find((x) => x.label === k) : undefined;
    return !(g && g.from === range.from && g.to === range.to);
  });
  if (!keys.length) return null;
  const dimension = dimensionLabel(c.lang, dim).toLocaleLowerCase(c.lang);
  const title = t(c.lang, 'trend.chart.dim', { measure: indicatorLabel(c.lang, c.fw, c.ind), dimension });
  const series = keys.map((k, i) => ({ name: c.d.label(c.lang, dim, k), color: SERIES[i % SERIES.length]!, cell: { [dim]: k } }));
  const spec = lines(c, title, series, dimensionLabel(c.lang, dim));
  return spec && { id, title, spec };
}

/**
 * Regions, first round against last, as a dumbbell chart: a row per region (its name on the axis,
 * so that no label sits on another: the slope chart's names at its end overlapped where two regions
 * were close, and its first round had none; a walk), the regions in the order of the last round's
 * estimate, a line joining the two rounds' points, darker where the change is significant, and each
 * round's interval drawn just above (first round) or below (last round) the row.
 */
function regionsSlope(c: Ctx): TrendChartSpec | null {
  const rounds = c.d.rr.rounds;
  if (rounds.length < 2) return null;
  const [first, last] = [0, rounds.length - 1];
  const pair = { from: rounds[first]!.label, to: rounds[last]!.label };
  const keys = c.d.keys('region');
  const sig = t(c.lang, 'trend.chart.significant');
  const within = t(c.lang, 'trend.chart.notSignificant');
  // No change computed (a round without the module or without those ages, an estimate missing): not "not significant".
  const none = t(c.lang, 'trend.chart.noChange');
  const level = c.d.first.analysis.options.level;
  const data: (TrendDatum & { change: string })[] = [];
  for (const k of keys) {
    const name = c.d.label(c.lang, 'region', k);
    const ch = c.d.change(c.fw.id, c.ind, pair, { region: k });
    const change = !ch || ch.difference === null ? none : ch.p_value !== null && ch.p_value < 1 - level ? sig : within;
    for (const i of [first, last]) {
      const row = c.d.row(i, c.fw.id, c.ind, { region: k });
      if (row) data.push({ ...datum(c.lang, name, name, row), round: c.heads[i]!, pos: i, change });
    }
  }
  if (!data.some((x) => x.pct !== null)) return null;
  const title = t(c.lang, 'trend.chart.regions', { measure: indicatorLabel(c.lang, c.fw, c.ind), from: c.heads[first]!, to: c.heads[last]! });
  const size = slopeSize(keys.length);
  // Highest last-round estimate first; a region without one after those that have one.
  const lastPct = (g: string) => data.find((x) => x.group === g && x.pos === last)?.pct ?? -1;
  const order = [...new Set(data.map((x) => x.group))].sort((a, b) => lastPct(b) - lastPct(a));
  const y = { field: 'group', type: 'nominal', sort: order, title: dimensionLabel(c.lang, 'region'), scale: { type: 'band', paddingInner: size.paddingInner, paddingOuter: size.paddingOuter }, axis: { labelLimit: 200, ticks: false } };
  const x = { field: 'pct', type: 'quantitative', title: t(c.lang, 'chart.percent'), axis: { ...VALUE_AXIS, grid: true }, scale: { zero: true } };
  const sides = [c.heads[first]!, c.heads[last]!];
  const rowY = { ...y, bandPosition: 0.5 };
  // The legend lists the kinds of change the chart holds (no "not comparable" entry when every change has a number).
  const kinds = ([[sig, PALETTE.total], [within, MUTED], [none, NO_CHANGE]] as const).filter(([k]) => data.some((d) => d.change === k));
  const color = { field: 'change', type: 'nominal', scale: { domain: kinds.map(([k]) => k), range: kinds.map(([, col]) => col) }, legend: {} };
  const shape = { field: 'round', type: 'nominal', scale: { domain: sides, range: ['circle', 'diamond'] }, legend: {} };
  return {
    id: 'trend_regions',
    title,
    spec: {
      $schema: SCHEMA,
      title: { text: title, subtitle: subtitle(c, [t(c.lang, 'trend.chart.slope', { last: c.heads[last]! })], 'rows'), aria: false },
      description: description(c, title, 'rows'),
      width: size.width,
      height: size.height,
      data: { values: data },
      layer: [
        { mark: { type: 'line', strokeWidth: 1.6 }, encoding: { x, y: rowY, color, detail: { field: 'group', type: 'nominal' }, order: { field: 'pos' } } },
        // Each round's interval a few pixels off the row: the first above it, the last below.
        ...[first, last].map((i) => ({
          transform: [{ filter: { field: 'pos', equal: i } }],
          mark: { type: 'rule', strokeWidth: 1.2, opacity: 0.7, yOffset: i === first ? -Math.round(size.step * 0.22) : Math.round(size.step * 0.22) },
          encoding: { x: { field: 'lo', type: 'quantitative' }, x2: { field: 'hi' }, y: rowY, color, strokeDash: { condition: { test: CAUTION, value: [3, 2] }, value: [1, 0] } },
        })),
        point(c.lang, tooltip(c.lang, dimensionLabel(c.lang, 'region'), level), { type: 'point', filled: true, size: 55, stroke: PALETTE.outline, strokeWidth: 0.5 }, { x, y: rowY, color, shape }),
      ],
      config: config(c.lang, size.fontSize),
    },
  };
}

/** Every trend chart the rounds allow, in report order. */
export function trendChartSpecs(rr: RoundsResult, o: TrendChartOptions = {}): TrendChartSpec[] {
  const c = context(rr, o);
  if (!c) return [];
  return [bySex(c), byDimension(c, 'age_group', 'trend_age'), regionsSlope(c), byDimension(c, 'area', 'trend_area')].filter((x): x is TrendChartSpec => x !== null);
}
