import type { StratumMoments } from './variance.js';

/**
 * What domainMoments returns per breakdown, and the arithmetic on it after the pass: one cell's strata
 * in the shape the variance function takes, the boys-girls contrast, and one indicator's moments taken
 * out and joined back (an edit refolds one indicator).
 */

/** The moments of the variance function, by slot (per indicator: at [slot * K + k]). */
export interface MomentArrays {
  sw: Float64Array;
  st: Float64Array;
  sww: Float64Array;
  stw: Float64Array;
  stt: Float64Array;
  sn: Float64Array;
  np: Float64Array;
  /** Rows whose indicator is 1 (of the sn known rows): all of them make a proportion of exactly 1. */
  sp: Float64Array;
}

/** Sums over PSUs holding both groups of a pair: T1 T2, T1 W2, W1 T2, W1 W2, and their number. */
export interface CrossArrays {
  xtt: Float64Array;
  xtw: Float64Array;
  xwt: Float64Array;
  xww: Float64Array;
  nb: Float64Array;
}

/** Moments of one breakdown: one slot per (cell, stratum) with rows. */
export interface BreakdownMoments extends MomentArrays {
  /** Output codes of the cell of each slot, per dimension of the breakdown. */
  cellCodes: Int32Array[];
  /** Cell index (mixed radix of the codes) and stratum id of each slot. */
  cell: Int32Array;
  stratum: Int32Array;
  slots: number;
  /** Cross moments of the pair of groups, for breakdowns given a PairSpec. */
  cross: CrossMoments | null;
}

/**
 * Per (parent cell, stratum) and indicator, sums over the PSUs holding both groups of the pair:
 * T1 T2, T1 W2, W1 T2, W1 W2, and the number of such PSUs with known rows in both.
 */
export interface CrossMoments extends CrossArrays {
  /** Output codes of the parent cell (the breakdown without the pair's dimension), per dimension. */
  cellCodes: Int32Array[];
  cell: Int32Array;
  stratum: Int32Array;
  slots: number;
}

/** The moments of indicator k in the slots of one cell, in the shape the variance function takes. */
export function stratumMoments(m: BreakdownMoments, slots: number[], k: number, K: number): StratumMoments[] {
  return slots.map((s) => ({
    h: String(m.stratum[s]),
    w: m.sw[s * K + k]!,
    t: m.st[s * K + k]!,
    ww: m.sww[s * K + k]!,
    tw: m.stw[s * K + k]!,
    tt: m.stt[s * K + k]!,
    n: m.sn[s * K + k]!,
    psus: m.np[s * K + k]!,
    pos: m.sp[s * K + k]!,
  }));
}

/**
 * Per-stratum sums of the contrast scores z = a1 (T1 - r1 W1) - a2 (T2 - r2 W2) of indicator k in one
 * parent cell, from the two groups' domain slots and the cross slots, in the shape the variance
 * function takes (t = sum z, tt = sum z^2, w = 0: the scores are already formed).
 *
 * The boys-girls gap (a difference of two domain ratios) has the PSU score z_c = a1 u1_c - a2 u2_c with
 * u = T - r W and a = 1/N per group, so
 *   z_c^2 = a1^2 u1_c^2 + a2^2 u2_c^2 - 2 a1 a2 u1_c u2_c,   u1 u2 = T1 T2 - r2 T1 W2 - r1 W1 T2 + r1 r2 W1 W2:
 * the per-stratum sums of z and z^2 follow from the two groups' own moments and "cross" sums over the
 * PSUs holding both groups, accumulated in the same pass (foldCross in foldBreakdown.ts).
 */
export function contrastStrata(
  m: BreakdownMoments,
  slots1: number[],
  slots2: number[],
  crossSlots: number[],
  k: number,
  K: number,
  g1: { N: number; T: number },
  g2: { N: number; T: number },
): StratumMoments[] {
  const a1 = g1.N > 0 ? 1 / g1.N : 0;
  const r1 = g1.N > 0 ? g1.T / g1.N : 0;
  const a2 = g2.N > 0 ? 1 / g2.N : 0;
  const r2 = g2.N > 0 ? g2.T / g2.N : 0;
  const byH = new Map<number, StratumMoments>();
  const at = (h: number) => {
    let x = byH.get(h);
    if (!x) byH.set(h, (x = { h: String(h), w: 0, t: 0, ww: 0, tw: 0, tt: 0, n: 0, psus: 0 }));
    return x;
  };
  for (const [slots, a, r, sign] of [
    [slots1, a1, r1, 1],
    [slots2, a2, r2, -1],
  ] as const) {
    for (const s of slots) {
      const i = s * K + k;
      const x = at(m.stratum[s]!);
      x.t += sign * a * (m.st[i]! - r * m.sw[i]!);
      x.tt += a * a * (m.stt[i]! - 2 * r * m.stw[i]! + r * r * m.sww[i]!);
      x.n += m.sn[i]!;
      x.psus += m.np[i]!;
    }
  }
  const c = m.cross!;
  for (const s of crossSlots) {
    const i = s * K + k;
    const x = at(c.stratum[s]!);
    x.tt -= 2 * a1 * a2 * (c.xtt[i]! - r2 * c.xtw[i]! - r1 * c.xwt[i]! + r1 * r2 * c.xww[i]!);
    x.psus -= c.nb[i]!;
  }
  return [...byH.values()];
}

/** One indicator's moments in a breakdown (arrays by slot), kept per indicator so that an edit refolds one. */
export interface IndicatorMoments extends MomentArrays {
  cross: CrossArrays | null;
}

/** Indicator k of a breakdown's moments (of K). */
export function indicatorMoments(m: BreakdownMoments, k: number, K: number): IndicatorMoments {
  const pick = (a: Float64Array, slots: number) => {
    const out = new Float64Array(slots);
    for (let s = 0; s < slots; s++) out[s] = a[s * K + k]!;
    return out;
  };
  const c = m.cross;
  return {
    sw: pick(m.sw, m.slots),
    st: pick(m.st, m.slots),
    sww: pick(m.sww, m.slots),
    stw: pick(m.stw, m.slots),
    stt: pick(m.stt, m.slots),
    sn: pick(m.sn, m.slots),
    np: pick(m.np, m.slots),
    sp: pick(m.sp, m.slots),
    cross: c ? { xtt: pick(c.xtt, c.slots), xtw: pick(c.xtw, c.slots), xwt: pick(c.xwt, c.slots), xww: pick(c.xww, c.slots), nb: pick(c.nb, c.slots) } : null,
  };
}

/**
 * A breakdown's moments for the indicators `parts` (in that order), on the slots of `shape`. Slots
 * depend on the rows only (cells and strata in order of first appearance), never on the indicators,
 * so moments folded in different runs line up.
 */
export function joinMoments(shape: BreakdownMoments, parts: IndicatorMoments[]): BreakdownMoments {
  const K = parts.length;
  const join = (get: (p: IndicatorMoments) => Float64Array, slots: number) => {
    const out = new Float64Array(slots * K);
    parts.forEach((p, k) => {
      const a = get(p);
      for (let s = 0; s < slots; s++) out[s * K + k] = a[s]!;
    });
    return out;
  };
  const c = shape.cross;
  return {
    ...shape,
    sw: join((p) => p.sw, shape.slots),
    st: join((p) => p.st, shape.slots),
    sww: join((p) => p.sww, shape.slots),
    stw: join((p) => p.stw, shape.slots),
    stt: join((p) => p.stt, shape.slots),
    sn: join((p) => p.sn, shape.slots),
    np: join((p) => p.np, shape.slots),
    sp: join((p) => p.sp, shape.slots),
    cross: c
      ? {
          ...c,
          xtt: join((p) => p.cross!.xtt, c.slots),
          xtw: join((p) => p.cross!.xtw, c.slots),
          xwt: join((p) => p.cross!.xwt, c.slots),
          xww: join((p) => p.cross!.xww, c.slots),
          nb: join((p) => p.cross!.nb, c.slots),
        }
      : null,
  };
}
