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

/** A growable store of per-(cell, stratum) slots, with arrays of widths[i] values per slot. */
class SlotStore {
  slots = 0;
  cap = 0;
  cell = new Int32Array(0);
  stratum = new Int32Array(0);
  arrays: Float64Array[];
  private index: Int32Array | null;
  private map: Map<number, number> | null;
  constructor(
    private readonly H: number,
    cells: number,
    private readonly widths: number[],
  ) {
    this.arrays = widths.map(() => new Float64Array(0));
    const size = cells * (H + 1);
    // Dense lookup when small (every standard breakdown), a map for very fine user breakdowns.
    this.index = size <= 1 << 24 ? new Int32Array(size).fill(-1) : null;
    this.map = this.index ? null : new Map();
  }
  slot(cell: number, h: number): number {
    const key = cell * (this.H + 1) + h;
    const found = this.index ? this.index[key]! : (this.map!.get(key) ?? -1);
    if (found >= 0) return found;
    if (this.slots === this.cap) this.grow();
    const s = this.slots++;
    this.cell[s] = cell;
    this.stratum[s] = h;
    if (this.index) this.index[key] = s;
    else this.map!.set(key, s);
    return s;
  }
  private grow() {
    const cap = Math.max(64, this.cap * 2);
    const c = new Int32Array(cap);
    c.set(this.cell);
    this.cell = c;
    const st = new Int32Array(cap);
    st.set(this.stratum);
    this.stratum = st;
    this.arrays = this.arrays.map((a, i) => {
      const b = new Float64Array(cap * this.widths[i]!);
      b.set(a);
      return b;
    });
    this.cap = cap;
  }
}

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

/** Where each PSU starts in the rows (rows sorted by PSU), and the end. */
function psuStarts(psu: Int32Array): Int32Array {
  const starts: number[] = [];
  for (let i = 0; i < psu.length; i++) {
    if (i > 0 && psu[i]! < psu[i - 1]!) throw new Error('internal: rows are not sorted by PSU');
    if (i === 0 || psu[i] !== psu[i - 1]) starts.push(i);
  }
  starts.push(psu.length);
  return Int32Array.from(starts);
}

/** The two bit masks of every row: indicators equal to 1, indicators unknown. */
function masks(y: Int8Array[], n: number): { ones: Int32Array; unk: Int32Array; words: number } {
  const words = Math.max(1, Math.ceil(y.length / WORD));
  const ones = new Int32Array(n * words);
  const unk = new Int32Array(n * words);
  y.forEach((col, k) => {
    const j = Math.floor(k / WORD);
    const bit = 1 << k % WORD;
    for (let i = 0; i < n; i++) {
      const v = col[i]!;
      if (v === 1) ones[i * words + j]! |= bit;
      else if (v !== 0) unk[i * words + j]! |= bit;
    }
  });
  return { ones, unk, words };
}

/** Mixed-radix strides of a breakdown's dimensions (last dimension fastest). */
function strides(dims: FoldDim[]): number[] {
  const s: number[] = [];
  let m = 1;
  for (let i = dims.length - 1; i >= 0; i--) {
    s[i] = m;
    m *= dims[i]!.card;
  }
  return s;
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

/** Each row's cells in a breakdown, E per row (-1 pads). */
export interface RowCells {
  cells: Int32Array;
  E: number;
}

/** Each row's cells in a breakdown, worked out once per distinct combination of the row's codes. */
function rowCells(data: FoldData, dims: FoldDim[]): RowCells {
  const st = strides(dims);
  const E = dims.reduce((m, d) => m * (d.expand ? Math.max(1, ...d.expand.map((x) => x.length)) : 1), 1);
  const n = data.w.length;
  const out = new Int32Array(n * E).fill(-1);
  const radix = dims.map((d) => data.cards[d.dim]! + 1);
  const combos = radix.reduce((a, b) => a * b, 1);
  const dense = combos <= 1 << 22 ? new Array<Int32Array | undefined>(combos) : null;
  const sparse = dense ? null : new Map<number, Int32Array>();
  const cols = dims.map((d) => data.codes[d.dim]!);
  for (let i = 0; i < n; i++) {
    let key = 0;
    for (let j = 0; j < cols.length; j++) key = key * radix[j]! + cols[j]![i]! + 1;
    let cells = dense ? dense[key] : sparse!.get(key);
    if (!cells) {
      let list = [0];
      for (let j = 0; j < dims.length && list.length; j++) {
        const c = cols[j]![i]!;
        const outCodes = c < 0 ? [] : dims[j]!.expand ? dims[j]!.expand![c]! : [c];
        list = list.flatMap((x) => outCodes.map((t) => x + t * st[j]!));
      }
      cells = Int32Array.from(list);
      if (dense) dense[key] = cells;
      else sparse!.set(key, cells);
    }
    for (let e = 0; e < cells.length; e++) out[i * E + e] = cells[e]!;
  }
  return { cells: out, E };
}

/**
 * Per breakdown, the per-(cell, stratum) moments of every indicator, and the pair's cross moments.
 * `cellCache` keeps each breakdown's row cells between calls on the same rows (they depend on the
 * codes only, not on the indicators).
 */
export function domainMoments(
  data: FoldData,
  breakdowns: FoldDim[][],
  strataCount: number,
  pairs: (PairSpec | null)[] = [],
  cellCache: Map<string, RowCells> = new Map(),
  /** Called after each breakdown (the command line's --progress: the pass holds the thread). */
  onBreakdown?: () => void,
): BreakdownMoments[] {
  const starts = psuStarts(data.psu);
  const m = masks(data.y, data.w.length);
  return breakdowns.map((dims, b) => {
    const key = JSON.stringify(dims);
    let rc = cellCache.get(key);
    if (!rc) cellCache.set(key, (rc = rowCells(data, dims)));
    const folded = foldBreakdown(data, dims, rc, starts, m, strataCount, pairs[b] ?? null);
    onBreakdown?.();
    return folded;
  });
}

/**
 * Dense per-cell totals of the current PSU, valid for the PSU `seen` says; T/Wu/Nu valid only where
 * the mask bit is set, so nothing is cleared between PSUs.
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
  constructor(C: number, K: number, words: number) {
    this.W = new Float64Array(C);
    this.N = new Float64Array(C);
    this.T = new Float64Array(C * K);
    this.Wu = new Float64Array(C * K);
    this.Nu = new Float64Array(C * K);
    this.om = new Int32Array(C * words);
    this.um = new Int32Array(C * words);
    this.seen = new Int32Array(C).fill(-1);
    this.touched = new Int32Array(C);
  }
}

// The hot loops are small separate functions: the optimising compiler handles them at once and they
// stay monomorphic whatever the breakdown (one large function was re-optimised per breakdown, costing
// 10-20x on the first run).

/** Adds rows [from, to) of PSU p into their cells; returns the number of cells touched. */
function addRows(S: Scratch, p: number, from: number, to: number, w: Float64Array, rc: Int32Array, E: number, ones: Int32Array, unk: Int32Array, words: number, K: number): number {
  const { W, N, T, Wu, Nu, om, um, seen, touched } = S;
  let nt = 0;
  for (let i = from; i < to; i++) {
    const wi = w[i]!;
    for (let e = 0; e < E; e++) {
      const c = rc[i * E + e]!;
      if (c < 0) break;
      if (seen[c] !== p) {
        seen[c] = p;
        touched[nt++] = c;
        W[c] = 0;
        N[c] = 0;
        for (let j = 0; j < words; j++) om[c * words + j] = um[c * words + j] = 0;
      }
      W[c]! += wi;
      N[c]! += 1;
      for (let j = 0; j < words; j++) {
        let bits = ones[i * words + j]!;
        if (bits) {
          const mine = om[c * words + j]!;
          om[c * words + j] = mine | bits;
          while (bits) {
            const bt = 31 - Math.clz32(bits);
            bits ^= 1 << bt;
            const x = c * K + j * WORD + bt;
            T[x] = mine & (1 << bt) ? T[x]! + wi : wi;
          }
        }
        bits = unk[i * words + j]!;
        if (bits) {
          const mine = um[c * words + j]!;
          um[c * words + j] = mine | bits;
          while (bits) {
            const bt = 31 - Math.clz32(bits);
            bits ^= 1 << bt;
            const x = c * K + j * WORD + bt;
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
  return nt;
}

/** Folds cell c's PSU totals into slot q's moments (arrays of the domain SlotStore). */
function foldCell(S: Scratch, c: number, q: number, A: Float64Array[], words: number, K: number) {
  const { W, N, T, Wu, Nu, om, um } = S;
  const sh = A[0]!;
  const Wc = W[c]!;
  const Nc = N[c]!;
  sh[q * 4]! += Wc;
  sh[q * 4 + 1]! += Wc * Wc;
  sh[q * 4 + 2]! += Nc;
  sh[q * 4 + 3]! += 1;
  const sT = A[1]!;
  const sTW = A[2]!;
  const sTT = A[3]!;
  for (let j = 0; j < words; j++) {
    const u = um[c * words + j]!;
    let bits = om[c * words + j]!;
    while (bits) {
      const bt = 31 - Math.clz32(bits);
      bits ^= 1 << bt;
      const k = j * WORD + bt;
      const Tk = T[c * K + k]!;
      const Wk = u & (1 << bt) ? Wc - Wu[c * K + k]! : Wc;
      sT[q * K + k]! += Tk;
      sTW[q * K + k]! += Tk * Wk;
      sTT[q * K + k]! += Tk * Tk;
    }
    if (!u) continue;
    const dW = A[4]!;
    const dWW = A[5]!;
    const dN = A[6]!;
    const dNP = A[7]!;
    bits = u;
    while (bits) {
      const bt = 31 - Math.clz32(bits);
      bits ^= 1 << bt;
      const k = j * WORD + bt;
      const nu = Nu[c * K + k]!;
      const nk = Nc - nu;
      const Wk = nk > 0 ? Wc - Wu[c * K + k]! : 0;
      dW[q * K + k]! += Wk - Wc;
      dWW[q * K + k]! += Wk * Wk - Wc * Wc;
      dN[q * K + k]! -= nu;
      dNP[q * K + k]! += (nk > 0 ? 1 : 0) - 1;
    }
  }
}

/** W_k of cell c: W less the unknown rows' weight, 0 when no row is known. */
function weightKnown(S: Scratch, c: number, k: number, u: number, bit: number, K: number): number {
  if (!(u & bit)) return S.W[c]!;
  return S.N[c]! - S.Nu[c * K + k]! > 0 ? S.W[c]! - S.Wu[c * K + k]! : 0;
}

/** Adds the cross moments of cells c1 (first group) and c2 (second) of one PSU into slot q. */
function foldCross(S: Scratch, c1: number, c2: number, q: number, A: Float64Array[], words: number, K: number) {
  const { W, N, T, Nu, om, um } = S;
  const [sh, xtt, xtw, xwt, dww, dnb] = A as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
  const W1 = W[c1]!;
  const W2 = W[c2]!;
  sh[q * 2]! += W1 * W2;
  sh[q * 2 + 1]! += 1;
  for (let j = 0; j < words; j++) {
    const u1 = um[c1 * words + j]!;
    const u2 = um[c2 * words + j]!;
    const o1 = om[c1 * words + j]!;
    const o2 = om[c2 * words + j]!;
    let bits = u1 | u2;
    while (bits) {
      const bt = 31 - Math.clz32(bits);
      bits ^= 1 << bt;
      const k = j * WORD + bt;
      const bit = 1 << bt;
      dww[q * K + k]! += weightKnown(S, c1, k, u1, bit, K) * weightKnown(S, c2, k, u2, bit, K) - W1 * W2;
      const known1 = !(u1 & bit) || N[c1]! - Nu[c1 * K + k]! > 0;
      const known2 = !(u2 & bit) || N[c2]! - Nu[c2 * K + k]! > 0;
      dnb[q * K + k]! += (known1 && known2 ? 1 : 0) - 1;
    }
    bits = o1;
    while (bits) {
      const bt = 31 - Math.clz32(bits);
      bits ^= 1 << bt;
      const k = j * WORD + bt;
      const t1 = T[c1 * K + k]!;
      xtw[q * K + k]! += t1 * weightKnown(S, c2, k, u2, 1 << bt, K);
      if (o2 & (1 << bt)) xtt[q * K + k]! += t1 * T[c2 * K + k]!;
    }
    bits = o2;
    while (bits) {
      const bt = 31 - Math.clz32(bits);
      bits ^= 1 << bt;
      const k = j * WORD + bt;
      xwt[q * K + k]! += weightKnown(S, c1, k, u1, 1 << bt, K) * T[c2 * K + k]!;
    }
  }
}

function foldBreakdown(
  data: FoldData,
  dims: FoldDim[],
  { cells: rc, E }: RowCells,
  starts: Int32Array,
  { ones, unk, words }: { ones: Int32Array; unk: Int32Array; words: number },
  H: number,
  pair: PairSpec | null,
): BreakdownMoments {
  const K = data.y.length;
  const C = dims.reduce((x, d) => x * d.card, 1);
  const S = new Scratch(C, K, words);
  // Per slot: W, W^2, n, PSUs once (array 0, width 4); per indicator: the T moments and the
  // corrections of W, W^2, n, PSUs for unknown rows (arrays 1-7, width K).
  const store = new SlotStore(H, C, [4, K, K, K, K, K, K, K]);
  // The pair: parent cell of each cell (the breakdown without the pair's dimension), and for cells of
  // the first group the partner cell of the second group (-1 otherwise).
  const st = strides(dims);
  const parentDims = pair ? dims.filter((_, j) => j !== pair.at) : [];
  const pst = strides(parentDims);
  const cross = pair ? new SlotStore(H, parentDims.reduce((x, d) => x * d.card, 1), [2, K, K, K, K, K]) : null;
  const parent = new Int32Array(pair ? C : 0);
  const partner = new Int32Array(pair ? C : 0).fill(-1);
  if (pair) {
    for (let c = 0; c < C; c++) {
      let p = 0;
      let jj = 0;
      for (let j = 0; j < dims.length; j++) if (j !== pair.at) p += (Math.floor(c / st[j]!) % dims[j]!.card) * pst[jj++]!;
      parent[c] = p;
      if (Math.floor(c / st[pair.at]!) % dims[pair.at]!.card === pair.first) partner[c] = c + (pair.second - pair.first) * st[pair.at]!;
    }
  }
  const w = data.w;
  for (let p = 0; p + 1 < starts.length; p++) {
    const from = starts[p]!;
    const h = data.stratum[from]!;
    const nt = addRows(S, p, from, starts[p + 1]!, w, rc, E, ones, unk, words, K);
    // The PSU is complete: fold its cells into the stratum moments, and the pair's cross moments.
    for (let t = 0; t < nt; t++) {
      const c = S.touched[t]!;
      const q = store.slot(c, h);
      foldCell(S, c, q, store.arrays, words, K);
    }
    if (!cross) continue;
    for (let t = 0; t < nt; t++) {
      const c1 = S.touched[t]!;
      const c2 = partner[c1]!;
      if (c2 < 0 || S.seen[c2] !== p) continue;
      foldCross(S, c1, c2, cross.slot(parent[c1]!, h), cross.arrays, words, K);
    }
  }

  const slots = store.slots;
  const [sh, sT, sTW, sTT, dW, dWW, dN, dNP] = store.arrays as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
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
  if (cross) {
    const cs = cross.slots;
    const [A, xtt, xtw, xwt, dww, dnb] = cross.arrays as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
    const xww = new Float64Array(cs * K);
    const nb = new Float64Array(cs * K);
    for (let s = 0; s < cs; s++) {
      for (let k = 0; k < K; k++) {
        xww[s * K + k] = A[s * 2]! + dww[s * K + k]!;
        nb[s * K + k] = A[s * 2 + 1]! + dnb[s * K + k]!;
      }
    }
    crossMoments = {
      cellCodes: decode(cross.cell, cs, parentDims),
      cell: cross.cell.slice(0, cs),
      stratum: cross.stratum.slice(0, cs),
      slots: cs,
      xtt: xtt.slice(0, cs * K),
      xtw: xtw.slice(0, cs * K),
      xwt: xwt.slice(0, cs * K),
      xww,
      nb,
    };
  }
  return {
    cellCodes: decode(store.cell, slots, dims),
    cell: store.cell.slice(0, slots),
    stratum: store.stratum.slice(0, slots),
    slots,
    sw,
    st: sT.slice(0, slots * K),
    sww,
    stw: sTW.slice(0, slots * K),
    stt: sTT.slice(0, slots * K),
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
