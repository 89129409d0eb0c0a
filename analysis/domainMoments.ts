import { buildFoldCache, psuStarts, strides, type FoldCache, type SlotStore, type Small } from './foldCache.js';
import type { StratumMoments } from './variance.js';

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
 * The boys-girls gap (a difference of two domain ratios) has the PSU score z_c = a1 u1_c - a2 u2_c with
 * u = T - r W and a = 1/N per group, so
 *   z_c^2 = a1^2 u1_c^2 + a2^2 u2_c^2 - 2 a1 a2 u1_c u2_c,   u1 u2 = T1 T2 - r2 T1 W2 - r1 W1 T2 + r1 r2 W1 W2:
 * the per-stratum sums of z and z^2 follow from the two groups' own moments and "cross" sums over the
 * PSUs holding both groups, accumulated in the same pass (contrastStrata).
 */

/** Rows of the design as typed columns, all of the same length, sorted by PSU id (sortByPsu). */
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

/** The moments of the variance function, by slot (per indicator: at [slot * K + k]). */
export interface MomentArrays {
  sw: Float64Array;
  st: Float64Array;
  sww: Float64Array;
  stw: Float64Array;
  stt: Float64Array;
  sn: Float64Array;
  np: Float64Array;
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

const WORD = 30; // indicators per mask word (bit 30 kept clear: masks stay small positive integers)

/**
 * The permutation that sorts rows by PSU id (a counting sort: ids are 1..P), so that every pass reads
 * the columns front to back. Callers apply it once per loaded file (AnalysisSession).
 */
export function sortByPsu(psu: Int32Array): Int32Array {
  let P = 0;
  for (let i = 0; i < psu.length; i++) if (psu[i]! > P) P = psu[i]!;
  const next = new Int32Array(P + 2);
  for (let i = 0; i < psu.length; i++) next[psu[i]! + 1]!++;
  for (let p = 1; p < next.length; p++) next[p]! += next[p - 1]!;
  const order = new Int32Array(psu.length);
  for (let i = 0; i < psu.length; i++) order[next[psu[i]!]!++] = i;
  return order;
}

/** values[order[i]] for every i. */
export function permute<T extends Float64Array | Int32Array | Int8Array>(values: T, order: Int32Array): T {
  const out = new (values.constructor as new (n: number) => T)(order.length);
  for (let i = 0; i < order.length; i++) out[i] = values[order[i]!]!;
  return out;
}

/** Rows (ascending) and, per row, its two bit masks: indicators equal to 1, indicators unknown. */
interface ActiveRows {
  rows: Int32Array;
  ones: Int32Array;
  unk: Int32Array;
  words: number;
}

/** The rows where some indicator is 1 or unknown: the only rows whose sums depend on an indicator. */
function activeRows(y: Int8Array[], n: number): ActiveRows {
  const words = Math.max(1, Math.ceil(y.length / WORD));
  let any = y[0] ?? new Int8Array(n);
  if (y.length > 1) {
    any = new Int8Array(n);
    for (const col of y) for (let i = 0; i < n; i++) any[i]! |= col[i]!;
  }
  // Without branches ((v | -v) >>> 31 is 1 for v != 0): which rows are active is unpredictable.
  let count = 0;
  for (let i = 0; i < n; i++) count += (any[i]! | -any[i]!) >>> 31;
  const rows = new Int32Array(count + 1);
  for (let i = 0, r = 0; i < n; i++) {
    rows[r] = i;
    r += (any[i]! | -any[i]!) >>> 31;
  }
  const ones = new Int32Array(count * words);
  const unk = new Int32Array(count * words);
  y.forEach((col, k) => {
    const j = Math.floor(k / WORD);
    const bit = 1 << k % WORD;
    for (let r = 0; r < count; r++) {
      const v = col[rows[r]!]!;
      if (v === 1) ones[r * words + j]! |= bit;
      else if (v !== 0) unk[r * words + j]! |= bit;
    }
  });
  return { rows: rows.subarray(0, count), ones, unk, words };
}

/** Output codes of a cell index, per dimension. */
function decode(cells: Int32Array, slots: number, dims: FoldDim[]): Int32Array[] {
  const st = strides(dims);
  return dims.map((d, j) => {
    const codes = new Int32Array(slots);
    for (let s = 0; s < slots; s++) codes[s] = Math.floor(cells[s]! / st[j]!) % d.card;
    return codes;
  });
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

/**
 * Per-PSU-cell totals of the current PSU, by the cell's number in the PSU: W and N loaded from the
 * FoldCache when the PSU is folded; T/Wu/Nu valid only where the mask bit is set, and the masks valid
 * for the PSU `seen` says, so nothing is cleared between PSUs.
 */
class Scratch {
  readonly W: Float64Array;
  readonly N: Float64Array;
  readonly T: Float64Array;
  readonly Wu: Float64Array;
  readonly Nu: Float64Array;
  readonly om: Int32Array;
  readonly um: Int32Array;
  readonly seen: Int32Array;
  readonly touched: Int32Array;
  constructor(L: number, K: number, words: number) {
    this.W = new Float64Array(L);
    this.N = new Float64Array(L);
    this.T = new Float64Array(L * K);
    this.Wu = new Float64Array(L * K);
    this.Nu = new Float64Array(L * K);
    this.om = new Int32Array(L * words);
    this.um = new Int32Array(L * words);
    this.seen = new Int32Array(L).fill(-1);
    this.touched = new Int32Array(L);
  }
  /** Marks PSU cell l touched in PSU p, with no indicator bit yet. */
  touch(l: number, p: number, words: number) {
    this.seen[l] = p;
    for (let j = 0; j < words; j++) this.om[l * words + j] = this.um[l * words + j] = 0;
  }
}

// The hot loops are small separate functions: the optimising compiler handles them at once and they
// stay monomorphic whatever the breakdown (one large function was re-optimised per breakdown, costing
// 10-20x on the first run).

/** One breakdown's pass over the active rows: its scratch and cache, and the moments being summed. */
interface Pass {
  S: Scratch;
  fc: FoldCache;
  /** Per slot and indicator: T, T W, T^2 and the corrections of W, W^2, n, PSUs for unknown rows. */
  A: Float64Array[];
  /** Per slot of the pair and indicator: T1 T2, T1 W2, W1 T2 and the corrections of W1 W2 and PSUs. */
  X: Float64Array[];
  words: number;
  K: number;
}

/** Adds each active row into its PSU cells' T, Wu, Nu; when a PSU ends, folds its touched cells. */
function foldRows(P: Pass, act: ActiveRows, psu: Int32Array, stratum: Int32Array, w: Float64Array) {
  const { S, K, words } = P;
  const { T, Wu, Nu, om, um, seen, touched } = S;
  const { rows, ones, unk } = act;
  const { local, E } = P.fc;
  let p = -1;
  let h = 0;
  let nt = 0;
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r]!;
    if (psu[i] !== p) {
      if (nt) foldPsu(P, p, h, nt);
      p = psu[i]!;
      h = stratum[i]!;
      nt = 0;
    }
    const wi = w[i]!;
    for (let e = 0; e < E; e++) {
      const l = local[i * E + e]! - 1;
      if (l < 0) break;
      if (seen[l] !== p) {
        S.touch(l, p, words);
        touched[nt++] = l;
      }
      for (let j = 0; j < words; j++) {
        let bits = ones[r * words + j]!;
        if (bits) {
          const mine = om[l * words + j]!;
          om[l * words + j] = mine | bits;
          while (bits) {
            const bt = 31 - Math.clz32(bits);
            bits ^= 1 << bt;
            const x = l * K + j * WORD + bt;
            T[x] = mine & (1 << bt) ? T[x]! + wi : wi;
          }
        }
        bits = unk[r * words + j]!;
        if (bits) {
          const mine = um[l * words + j]!;
          um[l * words + j] = mine | bits;
          while (bits) {
            const bt = 31 - Math.clz32(bits);
            bits ^= 1 << bt;
            const x = l * K + j * WORD + bt;
            if (mine & (1 << bt)) {
              Wu[x]! += wi;
              Nu[x]! += 1;
            } else {
              Wu[x] = wi;
              Nu[x] = 1;
            }
          }
        }
      }
    }
  }
  if (nt) foldPsu(P, p, h, nt);
}

/** Folds PSU p's nt touched PSU cells into their slots (stratum h), with their W and n from the cache. */
function foldPsu(P: Pass, p: number, h: number, nt: number) {
  const { S, fc, A, words, K } = P;
  const { W, N, touched } = S;
  const { pairW, pairN, pairCell, store } = fc;
  const base = fc.pairStart[p]!;
  for (let t = 0; t < nt; t++) {
    const l = touched[t]!;
    W[l] = pairW[base + l]!;
    N[l] = pairN[base + l]!;
    foldCell(S, l, store.at(pairCell[base + l]!, h), A, words, K);
  }
  if (fc.cross) foldPairs(P, fc.cross, fc.pairMate!, p, h, nt);
}

/** Folds PSU cell l's indicator totals into slot q's moments (arrays sT, sTW, sTT, dW, dWW, dN, dNP). */
function foldCell(S: Scratch, l: number, q: number, A: Float64Array[], words: number, K: number) {
  const { W, N, T, Wu, Nu, om, um } = S;
  const Wc = W[l]!;
  const Nc = N[l]!;
  const sT = A[0]!;
  const sTW = A[1]!;
  const sTT = A[2]!;
  for (let j = 0; j < words; j++) {
    const u = um[l * words + j]!;
    let bits = om[l * words + j]!;
    while (bits) {
      const bt = 31 - Math.clz32(bits);
      bits ^= 1 << bt;
      const k = j * WORD + bt;
      const Tk = T[l * K + k]!;
      const Wk = u & (1 << bt) ? Wc - Wu[l * K + k]! : Wc;
      sT[q * K + k]! += Tk;
      sTW[q * K + k]! += Tk * Wk;
      sTT[q * K + k]! += Tk * Tk;
    }
    if (!u) continue;
    const dW = A[3]!;
    const dWW = A[4]!;
    const dN = A[5]!;
    const dNP = A[6]!;
    bits = u;
    while (bits) {
      const bt = 31 - Math.clz32(bits);
      bits ^= 1 << bt;
      const k = j * WORD + bt;
      const nu = Nu[l * K + k]!;
      const nk = Nc - nu;
      const Wk = nk > 0 ? Wc - Wu[l * K + k]! : 0;
      dW[q * K + k]! += Wk - Wc;
      dWW[q * K + k]! += Wk * Wk - Wc * Wc;
      dN[q * K + k]! -= nu;
      dNP[q * K + k]! += (nk > 0 ? 1 : 0) - 1;
    }
  }
}

/** W_k of PSU cell l: W less the unknown rows' weight, 0 when no row is known. */
function weightKnown(S: Scratch, l: number, k: number, u: number, bit: number, K: number): number {
  if (!(u & bit)) return S.W[l]!;
  return S.N[l]! - S.Nu[l * K + k]! > 0 ? S.W[l]! - S.Wu[l * K + k]! : 0;
}

/** Adds the indicator cross moments of PSU cells l1 (first group) and l2 (second) into slot q. */
function foldCross(S: Scratch, l1: number, l2: number, q: number, A: Float64Array[], words: number, K: number) {
  const { W, N, T, Nu, om, um } = S;
  const xtt = A[0]!;
  const xtw = A[1]!;
  const xwt = A[2]!;
  const dww = A[3]!;
  const dnb = A[4]!;
  const W1 = W[l1]!;
  const W2 = W[l2]!;
  for (let j = 0; j < words; j++) {
    const u1 = um[l1 * words + j]!;
    const u2 = um[l2 * words + j]!;
    const o1 = om[l1 * words + j]!;
    const o2 = om[l2 * words + j]!;
    let bits = u1 | u2;
    while (bits) {
      const bt = 31 - Math.clz32(bits);
      bits ^= 1 << bt;
      const k = j * WORD + bt;
      const bit = 1 << bt;
      dww[q * K + k]! += weightKnown(S, l1, k, u1, bit, K) * weightKnown(S, l2, k, u2, bit, K) - W1 * W2;
      const known1 = !(u1 & bit) || N[l1]! - Nu[l1 * K + k]! > 0;
      const known2 = !(u2 & bit) || N[l2]! - Nu[l2 * K + k]! > 0;
      dnb[q * K + k]! += (known1 && known2 ? 1 : 0) - 1;
    }
    bits = o1;
    while (bits) {
      const bt = 31 - Math.clz32(bits);
      bits ^= 1 << bt;
      const k = j * WORD + bt;
      const t1 = T[l1 * K + k]!;
      xtw[q * K + k]! += t1 * weightKnown(S, l2, k, u2, 1 << bt, K);
      if (o2 & (1 << bt)) xtt[q * K + k]! += t1 * T[l2 * K + k]!;
    }
    bits = o2;
    while (bits) {
      const bt = 31 - Math.clz32(bits);
      bits ^= 1 << bt;
      const k = j * WORD + bt;
      xwt[q * K + k]! += weightKnown(S, l1, k, u1, 1 << bt, K) * T[l2 * K + k]!;
    }
  }
}

/**
 * Folds the cross moments of PSU p's pairs of cells (first group, second group) where either cell was
 * touched by an active row (the others add nothing that depends on an indicator).
 */
function foldPairs(P: Pass, cross: SlotStore, mates: Small, p: number, h: number, nt: number) {
  const { S, fc, X, words, K } = P;
  const base = fc.pairStart[p]!;
  for (let t = 0; t < nt; t++) {
    const l = S.touched[t]!;
    const m = mates[base + l]! - 1;
    if (m < 0) continue;
    const first = fc.partner[fc.pairCell[base + l]!]! >= 0;
    if (S.seen[m] === p) {
      if (!first) continue; // both touched: folded at the first group's cell
    } else {
      // No active row in the partner's cell: no indicator bit, its W and n only.
      S.touch(m, p, words);
      S.W[m] = fc.pairW[base + m]!;
      S.N[m] = fc.pairN[base + m]!;
    }
    const q = cross.at(fc.parent[fc.pairCell[base + l]!]!, h);
    if (first) foldCross(S, l, m, q, X, words, K);
    else foldCross(S, m, l, q, X, words, K);
  }
}

/** A breakdown's moments of the indicators of `act`: one pass over its active rows, the cache for the rest. */
function foldBreakdown(data: FoldData, dims: FoldDim[], fc: FoldCache, act: ActiveRows, pair: PairSpec | null): BreakdownMoments {
  const K = data.y.length;
  const { words } = act;
  const { store, cross } = fc;
  const A = Array.from({ length: 7 }, () => new Float64Array(store.slots * K));
  const X = Array.from({ length: 5 }, () => new Float64Array((cross ? cross.slots : 0) * K));
  const P: Pass = { S: new Scratch(fc.L, K, words), fc, A, X, words, K };
  foldRows(P, act, data.psu, data.stratum, data.w);
  return finishMoments(fc, dims, pair, A, X, K);
}

/** The moments by slot: the cached sums that need no indicator plus each indicator's corrections. */
function finishMoments(fc: FoldCache, dims: FoldDim[], pair: PairSpec | null, A: Float64Array[], X: Float64Array[], K: number): BreakdownMoments {
  const { store, cross } = fc;
  const slots = store.slots;
  const sh = store.arrays[0]!;
  const [sT, sTW, sTT, dW, dWW, dN, dNP] = A as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
  const sw = new Float64Array(slots * K);
  const sww = new Float64Array(slots * K);
  const sn = new Float64Array(slots * K);
  const np = new Float64Array(slots * K);
  for (let s = 0; s < slots; s++) {
    for (let k = 0; k < K; k++) {
      const i = s * K + k;
      sw[i] = sh[s * 4]! + dW[i]!;
      sww[i] = sh[s * 4 + 1]! + dWW[i]!;
      sn[i] = sh[s * 4 + 2]! + dN[i]!;
      np[i] = sh[s * 4 + 3]! + dNP[i]!;
    }
  }
  let crossMoments: CrossMoments | null = null;
  if (cross && pair) {
    const cs = cross.slots;
    const xs = cross.arrays[0]!;
    const [xtt, xtw, xwt, dww, dnb] = X as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
    const xww = new Float64Array(cs * K);
    const nb = new Float64Array(cs * K);
    for (let s = 0; s < cs; s++) {
      for (let k = 0; k < K; k++) {
        xww[s * K + k] = xs[s * 2]! + dww[s * K + k]!;
        nb[s * K + k] = xs[s * 2 + 1]! + dnb[s * K + k]!;
      }
    }
    const parentDims = dims.filter((_, j) => j !== pair.at);
    crossMoments = { cellCodes: decode(cross.cell, cs, parentDims), cell: cross.cell.slice(0, cs), stratum: cross.stratum.slice(0, cs), slots: cs, xtt, xtw, xwt, xww, nb };
  }
  return {
    cellCodes: decode(store.cell, slots, dims),
    cell: store.cell.slice(0, slots),
    stratum: store.stratum.slice(0, slots),
    slots,
    sw,
    st: sT,
    sww,
    stw: sTW,
    stt: sTT,
    sn,
    np,
    cross: crossMoments,
  };
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
  }));
}

/**
 * Per-stratum sums of the contrast scores z = a1 (T1 - r1 W1) - a2 (T2 - r2 W2) of indicator k in one
 * parent cell, from the two groups' domain slots and the cross slots, in the shape the variance
 * function takes (t = sum z, tt = sum z^2, w = 0: the scores are already formed).
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
