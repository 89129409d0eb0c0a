import type { Config, TopLevelSpec } from 'vega-lite';
import type { ChartDatum } from './chartData.js';
import { PALETTE } from './palette.js';

/**
 * Layers shared by the bar charts. Error bars are rules from the core's `ci_low` to `ci_high`; no
 * layer uses Vega-Lite's own `ci0`/`ci1` aggregates or errorbar extent, which would recompute an
 * interval as if the data were a simple random sample. Suppressed estimates get no bar, only an
 * asterisk; estimates to read with caution get a pale, dashed bar.
 */
export type Axis = 'x' | 'y';
/** One layer of a layered Vega-Lite chart (vega-lite exports only the top-level type). */
export type LayerItem = Extract<TopLevelSpec, { layer: unknown }>['layer'][number];

export interface ChartText {
  title: string;
  description: string;
  axisPercent: string;
  group: string;
  series: string;
  estimate: string;
  ci: string;
  n: string;
}

/** Vega expressions (run by Vega's CSP-safe interpreter). */
export const IS_SUPPRESSED = "datum.flag === 'suppressed'";
export const IS_CAUTION = "datum.flag === 'caution'";

export function shown(values: ChartDatum[]): ChartDatum[] {
  return values.filter((d) => d.flag !== 'suppressed' && d.estimate !== null);
}

export function tooltip(t: ChartText) {
  return [
    { field: 'group', type: 'nominal' as const, title: t.group },
    { field: 'series', type: 'nominal' as const, title: t.series },
    { field: 'estimate', type: 'quantitative' as const, title: t.estimate, format: '.1%' },
    { field: 'ci_low', type: 'quantitative' as const, title: `${t.ci} (−)`, format: '.1%' },
    { field: 'ci_high', type: 'quantitative' as const, title: `${t.ci} (+)`, format: '.1%' },
    { field: 'n', type: 'quantitative' as const, title: t.n, format: ',' },
  ];
}

/** Bars whose value axis is `value` ('y' for vertical bars). */
export function barLayer(t: ChartText, value: Axis, max: number): LayerItem {
  const channel = { field: 'estimate', type: 'quantitative' as const, title: t.axisPercent, axis: { format: '%' }, scale: { domain: [0, max] } };
  return {
    mark: { type: 'bar', stroke: PALETTE.outline, strokeWidth: 0.75 },
    transform: [{ filter: `!(${IS_SUPPRESSED})` }],
    encoding: {
      ...(value === 'y' ? { y: channel } : { x: channel }),
      fillOpacity: { condition: { test: IS_CAUTION, value: 0.35 }, value: 1 },
      strokeDash: { condition: { test: IS_CAUTION, value: [4, 2] }, value: [1, 0] },
      tooltip: tooltip(t),
    },
  };
}

export function errorBarLayer(value: Axis): LayerItem {
  const lo = { field: 'ci_low', type: 'quantitative' as const };
  const hi = { field: 'ci_high' };
  return {
    mark: { type: 'rule', color: PALETTE.errorBar, strokeWidth: 1.5 },
    transform: [{ filter: `!(${IS_SUPPRESSED}) && isValid(datum.ci_low) && isValid(datum.ci_high)` }],
    encoding: { ...(value === 'y' ? { y: lo, y2: hi } : { x: lo, x2: hi }), color: { value: PALETTE.errorBar } },
  };
}

export function suppressedLayer(value: Axis): LayerItem {
  const zero = { field: 'zero', type: 'quantitative' as const };
  return {
    mark: { type: 'text', text: '*', fontSize: 16, fontWeight: 'bold', ...(value === 'y' ? { dy: -8 } : { dx: 8 }) },
    transform: [{ filter: IS_SUPPRESSED }, { calculate: '0', as: 'zero' }],
    encoding: { ...(value === 'y' ? { y: zero } : { x: zero }), color: { value: PALETTE.outline } },
  };
}

/** A little headroom above the highest interval, in whole tens of percent where possible. */
export function valueMax(values: ChartDatum[]): number {
  const top = Math.max(0.05, ...shown(values).map((d) => d.ci_high ?? d.estimate ?? 0));
  return Math.min(1, Math.ceil(top * 20) / 20);
}

export const CHART_CONFIG: Config = {
  font: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
  view: { stroke: null },
  axis: { labelFontSize: 12, titleFontSize: 12, gridColor: '#e6e6e6' },
  legend: { labelFontSize: 12, titleFontSize: 12, orient: 'top' },
  title: { fontSize: 15, anchor: 'start' },
};
