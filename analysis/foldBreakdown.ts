import type { BreakdownMoments, CrossMoments } from './breakdownMoments.js';
import type { FoldData, FoldDim, PairSpec } from './domainMoments.js';
import { strides, type FoldCache, type SlotStore, type Small } from './foldCache.js';

/**
 * One breakdown's pass (domainMoments.ts explains the sums and why): the active rows and their
 * indicator bit masks, the hot loops that add them into PSU cells and fold each PSU into its slots,
 * and the moments by slot (the FoldCache's sums that need no indicator plus each indicator's corrections).
 */

const WORD = 30; // indicators per mask word (bit 30 kept clear: masks stay small positive integers)

/** Rows (ascending) and, per row, its two bit masks: indicators equal to 1, indicators unknown. */
export interface ActiveRows {
  rows: Int32Array;
  ones: Int32Array;
  unk: Int32Array;
  words: number;
}

/** The rows where some indicator is 1 or unknown: the only rows whose sums depend on an indicator. */
export function activeRows(y: Int8Array[], n: number): ActiveRows {
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
 * Per-PSU-cell totals of the current PSU, by the cell's number in the PSU: W and N loaded from the
 * FoldCache when the PSU is folded; T/Wu/Nu valid only where the mask bit is set, and the masks valid
 * for the PSU `seen` says, so nothing is cleared between PSUs.
 */
class Scratch {
  readonly W: Float64Array;
  readonly N: Float64Array;
  readonly T: Float64Array;
  /** Rows of the PSU cell whose indicator is 1 (valid where T is). */
  readonly Tn: Float64Array;
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
    this.Tn = new Float64Array(L * K);
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
  /** Per slot and indicator: T, T W, T^2, the corrections of W, W^2, n, PSUs for unknown rows, and the rows at 1. */
  A: Float64Array[];
  /** Per slot of the pair and indicator: T1 T2, T1 W2, W1 T2 and the corrections of W1 W2 and PSUs. */
  X: Float64Array[];
  words: number;
  K: number;
}

/** Adds each active row into its PSU cells' T, Wu, Nu; when a PSU ends, folds its touched cells. */
function foldRows(P: Pass, act: ActiveRows, psu: Int32Array, stratum: Int32Array, w: Float64Array) {
  const { S, K, words } = P;
  const { T, Tn, Wu, Nu, om, um, seen, touched } = S;
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
            if (mine & (1 << bt)) {
              T[x]! += wi;
              Tn[x]! += 1;
            } else {
              T[x] = wi;
              Tn[x] = 1;
            }
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

/** Folds PSU cell l's indicator totals into slot q's moments (arrays sT, sTW, sTT, dW, dWW, dN, dNP, sP). */
function foldCell(S: Scratch, l: number, q: number, A: Float64Array[], words: number, K: number) {
  const { W, N, T, Tn, Wu, Nu, om, um } = S;
  const Wc = W[l]!;
  const Nc = N[l]!;
  const sT = A[0]!;
  const sTW = A[1]!;
  const sTT = A[2]!;
  const sP = A[7]!;
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
      sP[q * K + k]! += Tn[l * K + k]!;
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
export function foldBreakdown(data: FoldData, dims: FoldDim[], fc: FoldCache, act: ActiveRows, pair: PairSpec | null): BreakdownMoments {
  const K = data.y.length;
  const { words } = act;
  const { store, cross } = fc;
  const A = Array.from({ length: 8 }, () => new Float64Array(store.slots * K));
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
  const [sT, sTW, sTT, dW, dWW, dN, dNP, sP] = A as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
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
    sp: sP,
    cross: crossMoments,
  };
}
