import { backgroundOf } from '../background.js';
import { breakdownName } from '../run.js';
import type { Dimension, Mapping } from '../types.js';

/**
 * Rounds compare a background characteristic by what it measures, not by its column's name: a MICS5
 * round's school attendance is ED5 of the household members' file, a MICS6 round's is CB7, a national
 * survey's may be "asiste_escuela". Each round maps the characteristic to its own column
 * (mapping.background); the shared breakdowns may name it by any round's column, and the changes and
 * the trend table name it by the first round's. Every other dimension (sex, age group, region, area,
 * an extra breakdown) is compared by its name, as before. A characteristic the first round does not
 * map keeps each round's own column name (two later rounds that name it differently are then not
 * compared: a known limit).
 */
type Named = Pick<Mapping, 'background'>;

/**
 * Dimension `d`, as the round of mapping `source` names it, in the round of mapping `target`: a
 * background column becomes the target's column of the same characteristic when it maps one; any
 * other dimension keeps its name.
 */
export function dimIn(target: Named, source: Named, d: string): string {
  const role = backgroundOf(source, d);
  return (role && target.background?.[role]) || d;
}

/**
 * The dimensions a round can break down by: sex, age group, region, area and its breakdown columns.
 * Read from the file as written, before resolution checks it (that names what is wrong, not this).
 */
function ownDimension(m: Partial<Mapping> | undefined, d: string): boolean {
  if (d === 'sex' || d === 'age_group' || d === 'region' || d === 'area') return true;
  const bg = m?.background && typeof m.background === 'object' ? Object.values(m.background) : [];
  return bg.includes(d) || (Array.isArray(m?.extras) && m.extras.includes(d));
}

/**
 * The shared breakdowns in round `i`'s names: a dimension the round lacks that another round maps as a
 * background characteristic becomes round i's column for it. A breakdown by a characteristic round i
 * does not map at all (a labour force survey round without a wealth index) is `lacking`: left out of
 * the round, whose changes of those domains then have no estimate. Any other dimension stays as
 * written (the round's analysis says which it lacks).
 */
export function splitBreakdowns(breakdowns: Dimension[][], mappings: (Partial<Mapping> | undefined)[], i: number): { own: Dimension[][]; lacking: Dimension[][] } {
  const own = mappings[i];
  // A dimension in round i's names; null: a characteristic round i does not map.
  const name = (d: Dimension): Dimension | null => {
    if (typeof d !== 'string' || ownDimension(own, d) || !own) return d;
    for (const m of mappings) {
      const role = m ? backgroundOf(m, d) : undefined;
      if (role) return (own.background && typeof own.background === 'object' && own.background[role]) || null;
    }
    return d;
  };
  const out: { own: Dimension[][]; lacking: Dimension[][] } = { own: [], lacking: [] };
  for (const b of breakdowns) {
    if (!Array.isArray(b)) out.own.push(b);
    else if (b.some((d) => name(d) === null)) out.lacking.push(b);
    else {
      // One breakdown named by two rounds' columns of a characteristic ([CB7] and [asiste_escuela]) is one.
      const named = b.map((d) => name(d)!);
      if (!out.own.some((x) => Array.isArray(x) && x.join('\u0001') === named.join('\u0001'))) out.own.push(named);
    }
  }
  return out;
}

/** The shared breakdowns round `i` computes, in its names (splitBreakdowns). */
export function roundBreakdowns(breakdowns: Dimension[][], mappings: (Partial<Mapping> | undefined)[], i: number): Dimension[][] {
  return splitBreakdowns(breakdowns, mappings, i).own;
}

/**
 * The rounds file's shared categories (dimension -> code -> label, named as the first round names its
 * dimensions) with each dimension as the round of mapping `m` names it.
 */
export function categoriesIn<T>(categories: Record<string, T>, m: Named, first: Named | undefined): Record<string, T> {
  if (!first) return categories;
  return Object.fromEntries(Object.entries(categories).map(([d, c]) => [dimIn(m, first, d), c]));
}

/**
 * A round's output names in the first round's names: its background columns (and their `_label`
 * columns) and its breakdowns ("sex_x_asiste_escuela" -> "sex_x_school"), so that the rounds' stacked
 * rows have one column per characteristic, as the changes and the trend table.
 */
export function firstNames(a: { mapping: Mapping; breakdowns: Dimension[][] }, first: Named): { column: (h: string) => string; breakdown: (b: string) => string } {
  const dim = (d: string) => dimIn(first, a.mapping, d);
  const breakdowns = new Map(a.breakdowns.map((b) => [breakdownName(b), breakdownName(b.map(dim))]));
  return {
    column: (h) => (h.endsWith('_label') && dim(h.slice(0, -6)) !== h.slice(0, -6) ? `${dim(h.slice(0, -6))}_label` : dim(h)),
    breakdown: (b) => breakdowns.get(b) ?? b,
  };
}

/**
 * The domain columns of the changes between rounds: sex, age group, region, area, the first round's
 * extra breakdowns (background characteristics first, as resolution lists them), then those of later
 * rounds the first lacks, each once and in the first round's names.
 */
export function domainColumns(mappings: Pick<Mapping, 'background' | 'extras'>[]): string[] {
  const first = mappings[0]!;
  const out = ['sex', 'age_group', 'region', 'area', ...(first.extras ?? [])];
  for (const m of mappings.slice(1)) for (const e of m.extras ?? []) if (!out.includes(dimIn(first, m, e))) out.push(dimIn(first, m, e));
  return out;
}
