import { BACKGROUND, type Background } from '../../analysis/background.js';
import type { Mapping } from '../../analysis/index.js';

/**
 * The Map step's edit of the MICS background characteristics (mapping.background): one column per
 * characteristic, a column for one characteristic only (the core refuses a column for two), and not
 * also listed among the extra breakdowns (it would be one breakdown shown once anyway).
 */
type M = Partial<Mapping>;

/** Sets a characteristic's column, or clears it (undefined). */
export function setBackground(m: M, which: Background, column: string | undefined): M {
  const { background: _b, extras: _e, ...rest } = m;
  const next: Partial<Record<Background, string>> = {};
  for (const b of BACKGROUND) {
    const col = b === which ? column : m.background?.[b];
    if (col && (b === which || col !== column)) next[b] = col;
  }
  const extras = (m.extras ?? []).filter((x) => x !== column);
  return {
    ...rest,
    ...(Object.keys(next).length ? { background: next } : {}),
    ...(extras.length ? { extras } : {}),
  };
}
