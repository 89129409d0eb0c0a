import type { ResultRow } from '../run.js';
import { formatNumber, t, type Lang } from './i18n.js';
import { showPercent } from './tables.js';

/**
 * The building blocks of the standard charts (charts.ts): palette, one bar's datum, the shared
 * config, the core's intervals as rules, and the two bar layouts. Split from charts.ts to keep each
 * file short; the rules on intervals, flags and colours are stated there.
 */
export type VegaLiteSpec = Record<string, unknown>;

export const PALETTE = {
  male: '#0072B2',
  female: '#E69F00',
  total: '#222222',
  hazardous: '#D55E00',
  other: '#F0E442',
  outline: '#1a1a1a',
} as const;

export const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
export const FONT = 'Helvetica, Arial, sans-serif';

/** One bar: a group on the axis, a series within it (sex or part), with its interval and flag. */
export interface Datum {
  group: string;
  series: string;
  pct: number | null;
  lo: number | null;
  hi: number | null;
  flag: string;
  label: string;
  /** Where the label sits: above the interval, or at 0 for a suppressed figure. */
  at: number;
  n: number;
  ci: string;
}

export function datum(lang: Lang, group: string, series: string, row: ResultRow): Datum {
  const shown = row.flag !== 'suppressed';
  const pct = shown && row.estimate !== null ? row.estimate * 100 : null;
  const lo = shown && row.ci_low !== null ? row.ci_low * 100 : null;
  const hi = shown && row.ci_high !== null ? row.ci_high * 100 : null;
  return {
    group,
    series,
    pct,
    lo,
    hi,
    flag: row.flag,
    label: showPercent(lang, row, row.estimate),
    at: hi ?? pct ?? 0,
    n: row.n_unweighted,
    ci: lo !== null && hi !== null ? `${formatNumber(lang, lo, 1)}-${formatNumber(lang, hi, 1)}` : '',
  };
}

export function config(lang: Lang): Record<string, unknown> {
  return {
    font: FONT,
    view: { stroke: null },
    axis: { labelFontSize: 11, titleFontSize: 11, grid: false },
    title: { fontSize: 14, subtitleFontSize: 10, anchor: 'start', subtitleColor: '#333333' },
    legend: { labelFontSize: 11, orient: 'top', title: null, labelLimit: 400 },
    ...(lang === 'fr'
      ? { locale: { number: { decimal: ',', thousands: '\u00a0', grouping: [3], currency: ['', '\u00a0€'] } } }
      : {}),
  };
}

export const CAUTION = "datum.flag === 'caution'";

/** The interval as a black rule (dashed for caution) over a white halo, visible on dark bars too. */
export function intervalLayers(axis: 'x' | 'y'): Record<string, unknown>[] {
  const enc = { [axis]: { field: 'lo', type: 'quantitative' }, [`${axis}2`]: { field: 'hi' } };
  return [
    { mark: { type: 'rule', color: '#ffffff', strokeWidth: 3.2 }, encoding: enc },
    {
      mark: { type: 'rule', color: '#000000', strokeWidth: 1.2 },
      encoding: { ...enc, strokeDash: { condition: { test: CAUTION, value: [3, 2] }, value: [1, 0] } },
    },
  ];
}

export function tooltip(lang: Lang) {
  return [
    { field: 'group', type: 'nominal', title: ' ' },
    { field: 'series', type: 'nominal', title: t(lang, 'chart.series') },
    { field: 'label', type: 'nominal', title: '%' },
    { field: 'ci', type: 'nominal', title: t(lang, 'col.ci_low', { level: '' }).replace(/,.*$/, '').trim() },
    { field: 'n', type: 'quantitative', title: t(lang, 'col.n') },
  ];
}

export interface Frame {
  lang: Lang;
  title: string;
  subtitle: string[];
  axisTitle: string;
  groups: string[];
  series: string[];
  colors: string[];
  data: Datum[];
}

/** Grouped vertical bars (groups on x, series side by side) with the core's intervals. */
export function groupedBars(f: Frame): VegaLiteSpec {
  const color = { field: 'series', type: 'nominal', sort: f.series, scale: { domain: f.series, range: f.colors }, legend: f.series.length > 1 ? {} : null };
  return {
    $schema: SCHEMA,
    title: { text: f.title, subtitle: f.subtitle },
    width: Math.max(240, f.groups.length * (f.series.length * 22 + 24)),
    height: 260,
    data: { values: f.data },
    encoding: {
      x: { field: 'group', type: 'nominal', sort: f.groups, title: f.axisTitle, axis: { labelAngle: 0 } },
      xOffset: { field: 'series', type: 'nominal', sort: f.series },
    },
    layer: [
      {
        mark: { type: 'bar', stroke: PALETTE.outline, strokeWidth: 0.6 },
        encoding: {
          y: { field: 'pct', type: 'quantitative', title: t(f.lang, 'chart.percent') },
          color,
          fillOpacity: { condition: { test: CAUTION, value: 0.35 }, value: 1 },
          tooltip: tooltip(f.lang),
        },
      },
      ...intervalLayers('y'),
      {
        mark: { type: 'text', baseline: 'bottom', dy: -3, fontSize: 9, color: '#000000' },
        encoding: { y: { field: 'at', type: 'quantitative' }, text: { field: 'label' } },
      },
    ],
    config: config(f.lang),
  };
}

/** Horizontal bars ranked from highest to lowest, suppressed figures last. */
export function rankedBars(f: Frame): VegaLiteSpec {
  return {
    $schema: SCHEMA,
    title: { text: f.title, subtitle: f.subtitle },
    width: 420,
    height: { step: 22 },
    data: { values: f.data },
    encoding: { y: { field: 'group', type: 'nominal', sort: f.groups, title: f.axisTitle } },
    layer: [
      {
        mark: { type: 'bar', stroke: PALETTE.outline, strokeWidth: 0.6, color: f.colors[0] },
        encoding: {
          x: { field: 'pct', type: 'quantitative', title: t(f.lang, 'chart.percent') },
          fillOpacity: { condition: { test: CAUTION, value: 0.35 }, value: 1 },
          tooltip: tooltip(f.lang),
        },
      },
      ...intervalLayers('x'),
      {
        mark: { type: 'text', align: 'left', dx: 3, fontSize: 9, color: '#000000' },
        encoding: { x: { field: 'at', type: 'quantitative' }, text: { field: 'label' } },
      },
    ],
    config: config(f.lang),
  };
}
