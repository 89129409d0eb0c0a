import type { BreakdownMoments } from './breakdownMoments.js';
import { buildFoldCache, psuStarts, type FoldCache } from './foldCache.js';
import { activeRows, foldBreakdown } from './foldBreakdown.js';

/**
 * The heavy sums of the table set, over typed arrays: for every breakdown, every domain (cell) and
 * every 0/1 indicator, the per-stratum moments of the PSU totals that the one variance function
 * (variance.ts) needs. Same sums as the SQL statement in domainSums.ts, which stays the general path
 * (any numeric y) and this pass's oracle in the tests; this one exists for speed.
 *
 * Why not SQL: each breakdown in SQL is a wide hash aggregation of every row into (cell x PSU) groups
 * with a sum per indicator (0.7-1.5 s per breakdown at 2M rows, docs/performance.md). Here the rows are
 * sorted by PSU once per loaded file, and each breakdown is one sequential pass: a row adds into the
 * dense scratch of its cell, and when the PSU ends the cells it touched are folded into the stratum
 * moments. Nothing is hashed and no (cell x PSU) table is ever built.
 *
 * Per breakdown:
 *   1. each row's cells (mixed-radix index of its codes; an age atom belongs to every age group that
 *      contains it, so overlapping groups never duplicate a row), worked out once per set of codes
 *   2. per PSU and cell: W = sum w, n = count, and per indicator k: T_k = sum w y_k, and the weight Wu_k
 *      and count Nu_k of the rows where y_k is unknown (taken out of W and n for that indicator: the
 *      domain of an indicator is its known rows, as R's subset(design, !is.na(y)) keeps them)
 *   3. per cell, stratum h and indicator k, with W_k = W - Wu_k and n_k = n - Nu_k:
 *        sw += W_k, st += T_k, sww += W_k^2, stw += T_k W_k, stt += T_k^2, sn += n_k, np += [n_k > 0]
 * The linearised score of PSU c for the ratio r = T/N is z_c = (T_c - r W_c)/N, so (variance.ts)
 *   sum_c z_c = (st - r sw)/N  and  sum_c z_c^2 = (stt - 2 r stw + r^2 sww)/N^2.
 * Indicators are mostly 0 and mostly known, so each row carries two bit masks (indicators equal to 1,
 * indicators unknown) and only set bits cost work; the moments of W and n are kept once per cell and
 * stratum, with a per-indicator correction where some rows of the PSU cell are unknown.
 *
 * What does not depend on the indicators (each row's PSU cells, W and n per PSU cell, the slots, the sums
 * of W, W^2, n and PSUs per slot, of W1 W2 per slot of the pair) is worked out by the first pass over a
 * breakdown and kept with the loaded file (foldCache.ts). Every pass then visits only the rows where some
 * of its indicators is 1 or unknown: a threshold edit refolds one indicator, about a fifth of the rows.
 * Each slot still gets one addition per PSU, in PSU order, and each PSU cell's totals add its rows in
 * row order, so the sums are the same to the last bit whatever indicators a pass folds.
 *
 * For a pair of groups (boys, girls) the same pass also sums "cross" moments over the PSUs holding both
 * groups (foldBreakdown.ts), from which contrastStrata (breakdownMoments.ts) forms the gap's variance.
 */

/** Rows of the design as typed columns, all of the same length, in the design's order: by PSU id, then by row of the file (baseColumns.ts DESIGN_ORDER). */
export interface FoldData {
  w: Float64Array;
  /** Stratum id per row, 1..H. */
  stratum: Int32Array;
  /** PSU id per row, 1..P, non-decreasing; a PSU lies in one stratum. */
  psu: Int32Array;
  /** Per dimension, the row's code at its finest level (0..card-1), or -1 when it is in no cell. */
  codes: Int32Array[];
  /** Per dimension, the number of codes. */
  cards: number[];
  /** Per indicator, per row: 1, 0, or -1 when unknown. */
  y: Int8Array[];
}

/** A dimension of a breakdown: which column of `codes`, and how its finest codes map to the breakdown's. */
export interface FoldDim {
  dim: number;
  /** Output codes of each finest code (age atom -> the age groups containing it); identity when absent. */
  expand?: number[][];
  /** Number of output codes. */
  card: number;
}

/** Two codes of one dimension of a breakdown whose difference is wanted (boys minus girls). */
export interface PairSpec {
  at: number;
  first: number;
  second: number;
}

/**
 * Builds the fold caches domainMoments would build for these breakdowns (those `cellCache` lacks):
 * they depend on the weights, PSUs and codes only, so the run builds them while the engine classifies.
 */
export function prepareFoldCaches(
  data: FoldData,
  breakdowns: FoldDim[][],
  strataCount: number,
  pairs: (PairSpec | null)[],
  cellCache: Map<string, FoldCache>,
  onBreakdown?: () => void,
): void {
  let starts: Int32Array | null = null;
  breakdowns.forEach((dims, b) => {
    const pair = pairs[b] ?? null;
    const key = JSON.stringify([dims, pair]);
    if (cellCache.has(key)) return;
    cellCache.set(key, buildFoldCache(data, (starts ??= psuStarts(data.psu)), dims, pair, strataCount));
    onBreakdown?.();
  });
}

/**
 * Per breakdown, the per-(cell, stratum) moments of every indicator, and the pair's cross moments.
 * `cellCache` keeps each breakdown's FoldCache between calls on the same rows (it depends on the
 * weights, PSUs and codes only, not on the indicators).
 */
export function domainMoments(
  data: FoldData,
  breakdowns: FoldDim[][],
  strataCount: number,
  pairs: (PairSpec | null)[] = [],
  cellCache: Map<string, FoldCache> = new Map(),
  /** Called after each breakdown (the command line's --progress: the pass holds the thread). */
  onBreakdown?: () => void,
): BreakdownMoments[] {
  const active = activeRows(data.y, data.w.length);
  let starts: Int32Array | null = null;
  return breakdowns.map((dims, b) => {
    const pair = pairs[b] ?? null;
    const key = JSON.stringify([dims, pair]);
    let fc = cellCache.get(key);
    if (!fc) cellCache.set(key, (fc = buildFoldCache(data, (starts ??= psuStarts(data.psu)), dims, pair, strataCount)));
    const folded = foldBreakdown(data, dims, fc, active, pair);
    onBreakdown?.();
    return folded;
  });
}
