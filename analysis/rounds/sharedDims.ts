import { backgroundOf } from '../background.js';
import { breakdownName } from '../run.js';
import type { Dimension, Mapping } from '../types.js';

/**
 * Rounds compare a background characteristic by what it measures, not by its column's name: a MICS5
 * round's school attendance is ED5 of the household members' file, a MICS6 round's is CB7, a national
 * survey's may be "asiste_escuela". Each round maps the characteristic to its own column
 * (mapping.background); the shared breakdowns may name it by any round's column, and the changes and
 * the trend table name it by the first round's. Every other dimension (sex, age group, region, area,
 * an extra breakdown) is compared by its name, as before.
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
 * background characteristic becomes round i's column for it (when it maps one; else it stays, and the
 * round's analysis says which dimension it lacks).
 */
export function roundBreakdowns(breakdowns: Dimension[][], mappings: (Partial<Mapping> | undefined)[], i: number): Dimension[][] {
  const own = mappings[i];
  const name = (d: Dimension) => {
    if (typeof d !== 'string' || ownDimension(own, d) || !own) return d;
    for (const m of mappings) {
      const x = m ? dimIn(own, m, d) : d;
      if (x !== d) return x;
    }
    return d;
  };
  return breakdowns.map((b) => (Array.isArray(b) ? b.map(name) : b));
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
