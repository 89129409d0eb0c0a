import { t, type Lang } from '../export/i18n.js';
import type { ResultRow } from '../run.js';
import { groupedSize, rankedSize, VALUE_AXIS } from './chartSize.js';
import { PALETTE } from './palette.js';
import type { ReferenceLine } from './referenceLines.js';
import { statCell } from './statCells.js';
import { chartLocale } from './chartLocale.js';
import { formatCount, levelText } from './format.js';

/**
 * The building blocks of the standard charts (chartSpecs.ts): one bar's datum, the shared config,
 * the core's intervals as rules, and the two bar layouts. Specs are plain objects (analysis/ imports
 * no vega), with their data inline, so that they render offline with nothing to fetch.
 *
 * - Intervals are the core's own (ci_low, ci_high) drawn as rules: never Vega's ci aggregate, which
 *   would recompute them from the rows as if they were a simple random sample.
 * - Flags: a figure to read with caution has a lighter bar, a dashed interval and its label in
 *   parentheses; a suppressed figure has no bar and no interval, only "*".
 * - Labels and tooltips carry the tables' own texts (statCell), so a bar says what the table says.
 */
export type VegaLiteSpec = Record<string, unknown>;

export const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
export const FONT = 'Helvetica, Arial, sans-serif';
export const CAUTION = "datum.flag === 'caution'";

/** One bar: a group on the axis, a series within it (sex or part), with its interval and flag. */
export interface Datum {
  group: string;
  series: string;
  /** Percent (0-100), null when suppressed or not estimated. */
  pct: number | null;
  lo: number | null;
  hi: number | null;
  flag: string;
  /** The table's text of the estimate: "18.5", "(18.5)", "*". */
  label: string;
  /** Where the label sits: above the interval, or at 0 for a suppressed figure. */
  at: number;
  n: number;
  /** The tables' text of n ("1,795"; Spanish "1795", as its tables write four digits). */
  count: string;
  /** The table's text of the interval: "13.2–16.0". */
  ci: string;
}

export function datum(lang: Lang, group: string, series: string, row: ResultRow): Datum {
  const est = statCell(lang, row, 'estimate');
  const ci = statCell(lang, row, 'ci');
  const pct = est.numbers[0] ?? null;
  const lo = ci.numbers[0] ?? null;
  const hi = ci.numbers[1] ?? null;
  return { group, series, pct, lo, hi, flag: row.flag, label: est.text, at: hi ?? pct ?? 0, n: row.n_unweighted, count: formatCount(lang, row.n_unweighted), ci: ci.text };
}

/**
 * The config of every chart: fonts, quiet axes, and the language's number format (config.locale).
 * Marks, axes, legends and (in each spec) the title are out of the screen reader's reach (aria
 * false) but for the data marks, which say their tooltip and what they are in the language
 * (`spoken`): Vega's own texts are English and name the data's fields ("lo: 13.2; series: Boys",
 * "X-axis titled ...", "Title text"); the chart's description (its title and what it draws:
 * chart.description) is the chart's own aria-label, set by vega-embed's view. Left: the role
 * descriptions Vega gives the marks' containers ("rect mark container"), which a spec cannot set.
 */
export function config(lang: Lang, fontSize = 11): Record<string, unknown> {
  return {
    font: FONT,
    view: { stroke: null },
    mark: { aria: false },
    axis: { labelFontSize: fontSize, titleFontSize: 11, grid: false, aria: false },
    title: { fontSize: 14, subtitleFontSize: 10, anchor: 'start', subtitleColor: '#333333' },
    legend: { labelFontSize: 11, orient: 'top', title: null, labelLimit: 400, aria: false },
    locale: chartLocale(lang),
  };
}

export interface TooltipField {
  field: string;
  type: string;
  title: string;
}

/**
 * A data mark that a screen reader reads, with what its tooltip shows in the tooltip's words
 * ("Garçons; %: 18,5; IC à 95 %: 13,2–16,0; n: 345"; every field a text the tables write): the
 * layer's `transform`, its mark's properties (`aria`, and what the mark is in the language: Vega
 * says "bar" in English) and its encoding's `description`, to spread into each.
 */
export function spoken(lang: Lang, mark: 'bar' | 'point', fields: TooltipField[]): { transform: Record<string, unknown>[]; mark: Record<string, unknown>; description: Record<string, unknown> } {
  const part = (f: TooltipField) => (f.title.trim() ? `${JSON.stringify(`${f.title}: `)} + ` : '') + `datum[${JSON.stringify(f.field)}]`;
  return {
    transform: [{ calculate: fields.map(part).join(` + '; ' + `), as: 'spoken' }],
    mark: { aria: true, ariaRoleDescription: t(lang, `chart.mark.${mark}`) },
    description: { field: 'spoken' },
  };
}

/** The interval as a black rule (dashed for caution) over a white halo, visible on dark bars too. */
export function intervalLayers(axis: 'x' | 'y'): Record<string, unknown>[] {
  const enc = { [axis]: { field: 'lo', type: 'quantitative' }, [`${axis}2`]: { field: 'hi' } };
  return [
    { mark: { type: 'rule', color: PALETTE.halo, strokeWidth: 3.2 }, encoding: enc },
    {
      mark: { type: 'rule', color: PALETTE.interval, strokeWidth: 1.2 },
      encoding: { ...enc, strokeDash: { condition: { test: CAUTION, value: [3, 2] }, value: [1, 0] } },
    },
  ];
}

export function tooltip(lang: Lang, level: number): TooltipField[] {
  return [
    { field: 'group', type: 'nominal', title: ' ' },
    { field: 'series', type: 'nominal', title: t(lang, 'chart.series') },
    { field: 'label', type: 'nominal', title: '%' },
    { field: 'ci', type: 'nominal', title: ciTitle(lang, level) },
    { field: 'count', type: 'nominal', title: t(lang, 'col.n') },
  ];
}

/** The interval's name with its level, as the tables' column says it before its comma: "95 % CI", "IC à 95 %". */
export const ciTitle = (lang: Lang, level: number) => t(lang, 'col.ci_low', { level: levelText(lang, level) }).replace(/,.*$/, '').trim();

export interface Frame {
  lang: Lang;
  title: string;
  subtitle: string[];
  /** The chart's accessible description (vega sets it as the SVG's aria-label). */
  description: string;
  axisTitle: string;
  /** The intervals' confidence level (0.95), named in the tooltips. */
  level: number;
  groups: string[];
  series: string[];
  colors: string[];
  data: Datum[];
}

const valueLabel = (dir: 'x' | 'y'): Record<string, unknown> =>
  dir === 'y'
    ? { mark: { type: 'text', baseline: 'bottom', dy: -3, fontSize: 9, color: PALETTE.text }, encoding: { y: { field: 'at', type: 'quantitative' }, text: { field: 'label' } } }
    : { mark: { type: 'text', align: 'left', dx: 3, fontSize: 9, color: PALETTE.text }, encoding: { x: { field: 'at', type: 'quantitative' }, text: { field: 'label' } } };

/** A Vega expression giving each group's label as its lines (an array: Vega writes one line each). */
const linesExpr = (groups: readonly string[], lines: string[][]) =>
  groups.map((g, i) => `datum.value === ${JSON.stringify(g)} ? ${JSON.stringify(lines[i])} : `).join('') + 'datum.label';

/** Grouped vertical bars (groups on x, series side by side) with the core's intervals. */
export function groupedBars(f: Frame): VegaLiteSpec {
  const size = groupedSize(f.groups, f.series.length);
  const color = { field: 'series', type: 'nominal', sort: f.series, scale: { domain: f.series, range: f.colors }, legend: f.series.length > 1 ? {} : null };
  const said = spoken(f.lang, 'bar', tooltip(f.lang, f.level));
  return {
    $schema: SCHEMA,
    title: { text: f.title, subtitle: f.subtitle, aria: false },
    description: f.description,
    width: size.width,
    height: size.height,
    data: { values: f.data },
    encoding: {
      x: { field: 'group', type: 'nominal', sort: f.groups, title: f.axisTitle, axis: { labelAngle: size.labelAngle, ...(size.lines ? { labelExpr: linesExpr(f.groups, size.lines) } : {}) }, scale: { paddingInner: size.paddingInner } },
      xOffset: { field: 'series', type: 'nominal', sort: f.series },
    },
    layer: [
      {
        transform: said.transform,
        mark: { type: 'bar', stroke: PALETTE.outline, strokeWidth: 0.6, ...said.mark },
        encoding: {
          y: { field: 'pct', type: 'quantitative', title: t(f.lang, 'chart.percent'), axis: VALUE_AXIS },
          color,
          fillOpacity: { condition: { test: CAUTION, value: 0.35 }, value: 1 },
          tooltip: tooltip(f.lang, f.level),
          description: said.description,
        },
      },
      ...intervalLayers('y'),
      valueLabel('y'),
    ],
    config: config(f.lang),
  };
}

/** The GE 2020 reference line across ranked bars, with its label at the top. */
function referenceLayers(r: ReferenceLine): Record<string, unknown>[] {
  const data = { values: [{ value: r.value * 100, label: r.label }] };
  const x = { field: 'value', type: 'quantitative' };
  return [
    { data, mark: { type: 'rule', color: PALETTE.reference, strokeDash: [6, 3], strokeWidth: 1.5 }, encoding: { x } },
    { data, mark: { type: 'text', align: 'left', baseline: 'bottom', dx: 4, dy: -2, fontSize: 10, color: PALETTE.reference }, encoding: { x, y: { value: 0 }, text: { field: 'label' } } },
  ];
}

/**
 * Horizontal bars ranked from highest to lowest, suppressed figures last, sized by the number of
 * categories (chartSize.ts); with a reference line when one is asked for.
 */
export function rankedBars(f: Frame, reference: ReferenceLine | null = null): VegaLiteSpec {
  const size = rankedSize(f.groups.length);
  const said = spoken(f.lang, 'bar', tooltip(f.lang, f.level));
  const y = { field: 'group', type: 'nominal', sort: f.groups, title: f.axisTitle, scale: { paddingInner: size.paddingInner, paddingOuter: size.paddingOuter }, axis: { labelLimit: size.labelLimit } };
  return {
    $schema: SCHEMA,
    title: { text: f.title, subtitle: f.subtitle, aria: false },
    description: f.description,
    width: size.width,
    height: size.height,
    layer: [
      {
        data: { values: f.data },
        encoding: { y },
        layer: [
          {
            transform: said.transform,
            mark: { type: 'bar', stroke: PALETTE.outline, strokeWidth: 0.6, color: f.colors[0], ...said.mark },
            encoding: {
              x: { field: 'pct', type: 'quantitative', title: t(f.lang, 'chart.percent'), axis: VALUE_AXIS },
              fillOpacity: { condition: { test: CAUTION, value: 0.35 }, value: 1 },
              tooltip: tooltip(f.lang, f.level),
              description: said.description,
            },
          },
          ...intervalLayers('x'),
          valueLabel('x'),
        ],
      },
      ...(reference ? referenceLayers(reference) : []),
    ],
    config: config(f.lang, size.fontSize),
  };
}
