import type { Lang } from '../export/i18n.js';
import { localeOf } from './format.js';

/** A d3-format number locale, as Vega-Lite's config.locale.number and vega's formatLocale take it. */
export interface VegaNumberLocale {
  decimal: string;
  thousands: string;
  grouping: number[];
  currency: [string, string];
  percent: string;
  minus: string;
}

/**
 * The number locale of a language for chart axes and tooltips, read from Intl so that it agrees with
 * format.ts (and so with every table). Every spec carries it in config.locale, and the app also hands
 * it to vega-embed: vega's formatLocale is a global default that outlives a chart, so a French
 * locale would stay after switching to English unless English is set explicitly too.
 */
export function chartLocale(lang: Lang): { number: VegaNumberLocale } {
  const parts = new Intl.NumberFormat(localeOf(lang)).formatToParts(1234567.5);
  const pct = new Intl.NumberFormat(localeOf(lang), { style: 'percent' }).formatToParts(0.5);
  const sign = pct.findIndex((p) => p.type === 'percentSign');
  const before = sign > 0 && pct[sign - 1]!.type === 'literal' ? pct[sign - 1]!.value : '';
  return {
    number: {
      decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
      thousands: parts.find((p) => p.type === 'group')?.value ?? ',',
      grouping: [3],
      currency: ['', ''],
      percent: `${before}${pct[sign]?.value ?? '%'}`,
      minus: '-',
    },
  };
}
