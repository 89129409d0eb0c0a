import { t, type Lang } from '../export/i18n.js';
import { formatPercent } from './format.js';

/**
 * Published figures to set national results beside (../shared/definitions.md, section 6): the
 * regional prevalence of child labour, ages 5-17, of the ILO/UNICEF Global Estimates 2020, as printed
 * by the ILO's IPEC+ programme document citing that report. Comparable with the GE 2020 headline only;
 * the chart says so in its subtitle, which travels with it as SVG or PNG.
 */
export const GE2020_REGIONS = [
  { id: 'africa', value: 0.216 },
  { id: 'arab_states', value: 0.058 },
  { id: 'asia_pacific', value: 0.056 },
  { id: 'europe_central_asia', value: 0.057 },
  { id: 'latin_america', value: 0.06 },
] as const;

export type Ge2020Region = (typeof GE2020_REGIONS)[number]['id'];

export interface ReferenceLine {
  id: Ge2020Region;
  /** The proportion (0.216). */
  value: number;
  /** The region's name in the language. */
  name: string;
  /** "Africa 21.6 %", as drawn beside the line. */
  label: string;
  /** The subtitle's lines (kept short, see chartContext.ts): what the line is and where it comes from. */
  notes: [string, string];
}

export const isGe2020Region = (id: unknown): id is Ge2020Region => GE2020_REGIONS.some((r) => r.id === id);

/**
 * The figures are GE 2020 child labour at ages 5-17: a line is drawn beside that indicator of that
 * framework only, never beside hazardous work or an SDG 8.7.1 or edited framework's figures (a walk:
 * "Hazardous work by region" drawn against "Africa 21.6 % of children in child labour").
 */
export const referenceComparable = (framework: string, indicator: string): boolean => framework === 'ilo_ge2020' && indicator === 'child_labour';

/** A GE 2020 region's reference line in `lang`; null for an unknown id. */
export function referenceLine(lang: Lang, id: string | null | undefined): ReferenceLine | null {
  const r = GE2020_REGIONS.find((x) => x.id === id);
  if (!r) return null;
  const name = t(lang, `ref.${r.id}`);
  const value = formatPercent(lang, r.value);
  return { id: r.id, value: r.value, name, label: `${name} ${value}\u00a0%`, notes: [t(lang, 'ref.note', { region: name, value }), t(lang, 'ref.source')] };
}
