import type { StratumMoments } from './variance.js';

/**
 * The heavy sums of the table set in one pass over typed arrays: for every breakdown, every domain
 * (cell) and every 0/1 indicator, the per-stratum moments of the PSU totals that the one variance
 * function (variance.ts) needs. Same sums as the SQL statement in domainSums.ts, which stays the
 * general path (any numeric y) and this pass's oracle in the tests; this one exists for speed.
 *
 * Why not SQL: each breakdown in SQL is a wide hash aggregation of every row into (cell x PSU) groups
 * with a sum per indicator (0.7-1.5 s per breakdown at 2M rows, docs/performance.md). Here the rows
 * are visited once, PSU by PSU (a counting sort on the integer PSU id), and the few cells a PSU
 * touches are folded into the stratum moments as soon as the PSU ends: nothing is hashed and no
 * (cell x PSU) table is ever built.
 *
 * Pipeline:
 *   1. rows sorted by PSU (counting sort, PSU ids 1..P)
 *   2. per PSU, totals per "finest" cell (every dimension at its finest level: age atoms, not groups):
 *        W = sum w, n = count, and per indicator k: T_k = sum w y_k, and the weight Wu_k and count Nu_k
 *        of the rows where y_k is unknown (taken out of W and n for that indicator: the domain of an
 *        indicator is its known rows, as R's subset(design, !is.na(y)) keeps them)
 *   3. per breakdown, the finest cells rolled up into the breakdown's cells (an age group is the sum
 *        of its age atoms, so overlapping groups never duplicate a row)
 *   4. per breakdown cell, stratum h and indicator k, with W_k = W - Wu_k and n_k = n - Nu_k:
 *        sw += W_k, st += T_k, sww += W_k^2, stw += T_k W_k, stt += T_k^2, sn += n_k, np += [n_k > 0]
 * The linearised score of PSU c for the ratio r = T/N is z_c = (T_c - r W_c)/N, so (variance.ts)
 *   sum_c z_c = (st - r sw)/N  and  sum_c z_c^2 = (stt - 2 r stw + r^2 sww)/N^2.
 * Indicators are mostly 0 and mostly known, so each row carries two bit masks (indicators equal to 1,
 * indicators unknown) and only set bits cost work; the moments of W and n are kept once per cell and
 * stratum, with a per-indicator correction where some rows of the PSU cell are unknown.
 */

/** Rows of the design as typed columns, all of the same length. */
export interface FoldData {
  w: Float64Array;
  /** Stratum id per row, 1..H. */
  stratum: Int32Array;
  /** PSU id per row, 1..P; a PSU lies in one stratum. */
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

/** Moments of one breakdown: one slot per (cell, stratum) with rows. */
export interface BreakdownMoments {
  /** Output codes of the cell of each slot, per dimension of the breakdown. */
  cellCodes: Int32Array[];
  /** Cell index (mixed radix of the codes) and stratum id of each slot. */
  cell: Int32Array;
  stratum: Int32Array;
  /** Number of slots. */
  slots: number;
  /** Per slot and indicator k, at [slot * K + k]. */
  sw: Float64Array;
  st: Float64Array;
  sww: Float64Array;
  stw: Float64Array;
  stt: Float64Array;
  sn: Float64Array;
  np: Float64Array;
}

/** Boys-girls (or any two codes of one dimension) contrast moments: one slot per (parent cell, stratum). */
export interface ContrastMoments {
  /** Output codes of the parent cell (the breakdown without the contrast dimension). */
  cellCodes: Int32Array[];
  cell: Int32Array;
  stratum: Int32Array;
  slots: number;
  /** Per slot and indicator, at [slot * K + k]: sum of scores, of squared scores, rows, PSUs with rows. */
  sz: Float64Array;
  szz: Float64Array;
  sn: Float64Array;
  np: Float64Array;
}

/** The per-domain constants of a contrast, indexed by [parentCell * K + k]: 1/N and r of each of the two groups. */
export interface ContrastConstants {
  a1: Float64Array;
  r1: Float64Array;
  a2: Float64Array;
  r2: Float64Array;
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
 * Totals of the cells one PSU touches: a small scratch reused for every PSU. Per slot: W, n, the
 * masks of indicators with a 1 and with an unknown, and T_k, Wu_k, Nu_k (valid only where the bit is set,
 * so nothing is cleared between PSUs).
 */
class CellTotals {
  size = 0;
  key: Float64Array;
  codes: Int32Array;
  W: Float64Array;
  N: Float64Array;
  ones: Int32Array;
  unk: Int32Array;
  T: Float64Array;
  Wu: Float64Array;
  Nu: Float64Array;
  constructor(
    private cap: number,
    readonly D: number,
    readonly K: number,
    readonly words: number,
  ) {
    this.key = new Float64Array(cap);
    this.codes = new Int32Array(cap * D);
    this.W = new Float64Array(cap);
    this.N = new Float64Array(cap);
    this.ones = new Int32Array(cap * words);
    this.unk = new Int32Array(cap * words);
    this.T = new Float64Array(cap * K);
    this.Wu = new Float64Array(cap * K);
    this.Nu = new Float64Array(cap * K);
  }
  /** The slot of `key`, created empty if new. */
  find(key: number): number {
    for (let s = 0; s < this.size; s++) if (this.key[s] === key) return s;
    if (this.size === this.cap) this.grow();
    const s = this.size++;
    this.key[s] = key;
    this.W[s] = 0;
    this.N[s] = 0;
    for (let j = 0; j < this.words; j++) {
      this.ones[s * this.words + j] = 0;
      this.unk[s * this.words + j] = 0;
    }
    return s;
  }
  /** Adds weight w, count n and, for the set bits, T/Wu/Nu values read through the getters. */
  add(s: number, w: number, n: number, ones: Int32Array, unk: Int32Array, at: number, t: Float64Array | null, wu: Float64Array | null, nu: Float64Array | null, src: number) {
    this.W[s]! += w;
    this.N[s]! += n;
    const K = this.K;
    for (let j = 0; j < this.words; j++) {
      let bits = ones[at + j]!;
      const mine = this.ones[s * this.words + j]!;
      this.ones[s * this.words + j] = mine | bits;
      while (bits) {
        const b = 31 - Math.clz32(bits);
        bits ^= 1 << b;
        const i = s * K + j * WORD + b;
        const v = t ? t[src * K + j * WORD + b]! : w;
        this.T[i] = mine & (1 << b) ? this.T[i]! + v : v;
      }
      bits = unk[at + j]!;
      const mu = this.unk[s * this.words + j]!;
      this.unk[s * this.words + j] = mu | bits;
      while (bits) {
        const b = 31 - Math.clz32(bits);
        bits ^= 1 << b;
        const i = s * K + j * WORD + b;
        const vw = wu ? wu[src * K + j * WORD + b]! : w;
        const vn = nu ? nu[src * K + j * WORD + b]! : 1;
        if (mu & (1 << b)) {
          this.Wu[i]! += vw;
          this.Nu[i]! += vn;
        } else {
          this.Wu[i] = vw;
          this.Nu[i] = vn;
        }
      }
    }
  }
  private grow() {
    const cap = this.cap * 2;
    const g = <T extends Float64Array | Int32Array>(a: T, per: number): T => {
      const b = new (a.constructor as new (n: number) => T)(cap * per);
      b.set(a);
      return b;
    };
    this.key = g(this.key, 1);
    this.codes = g(this.codes, this.D);
    this.W = g(this.W, 1);
    this.N = g(this.N, 1);
    this.ones = g(this.ones, this.words);
    this.unk = g(this.unk, this.words);
    this.T = g(this.T, this.K);
    this.Wu = g(this.Wu, this.K);
    this.Nu = g(this.Nu, this.K);
    this.cap = cap;
  }
}

/** Row order by PSU (counting sort) and where each PSU starts in it. */
function byPsu(psu: Int32Array): { order: Int32Array; start: Int32Array } {
  let P = 0;
  for (let i = 0; i < psu.length; i++) if (psu[i]! > P) P = psu[i]!;
  const start = new Int32Array(P + 2);
  for (let i = 0; i < psu.length; i++) start[psu[i]! + 1]!++;
  for (let p = 1; p < start.length; p++) start[p]! += start[p - 1]!;
  const next = start.slice();
  const order = new Int32Array(psu.length);
  for (let i = 0; i < psu.length; i++) order[next[psu[i]!]!++] = i;
  return { order, start };
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

/** Mixed-radix cell index of a breakdown from its dimensions' output codes. */
function strides(dims: FoldDim[]): number[] {
  const s: number[] = [];
  let m = 1;
  for (let i = dims.length - 1; i >= 0; i--) {
    s[i] = m;
    m *= dims[i]!.card;
  }
  return s;
}

type PsuVisitor = (b: number, h: number, cells: CellTotals, cellIndex: Float64Array) => void;

/**
 * The one pass: rows PSU by PSU into finest-cell totals, rolled up per breakdown, each PSU's breakdown
 * cells handed to `visit` (with their cell indexes in `cellIndex`, parallel to the scratch's slots).
 */
function traverse(data: FoldData, breakdowns: FoldDim[][], visit: PsuVisitor) {
  const n = data.w.length;
  const K = data.y.length;
  const D = data.codes.length;
  const { order, start } = byPsu(data.psu);
  const { ones, unk, words } = masks(data.y, n);
  const radix = data.cards.map((c) => c + 1);
  const fine = new CellTotals(16, D, K, words);
  const out = breakdowns.map((dims) => new CellTotals(16, dims.length, K, words));
  const bStrides = breakdowns.map(strides);
  let cellIndex = new Float64Array(16);
  const expanded: number[] = [];
  for (let p = 0; p + 1 < start.length; p++) {
    const from = start[p]!;
    const to = start[p + 1]!;
    if (from === to) continue;
    const h = data.stratum[order[from]!]!;
    fine.size = 0;
    for (let r = from; r < to; r++) {
      const i = order[r]!;
      let key = 0;
      for (let d = 0; d < D; d++) key = key * radix[d]! + (data.codes[d]![i]! + 1);
      const s = fine.find(key);
      if (fine.W[s] === 0 && fine.N[s] === 0) for (let d = 0; d < D; d++) fine.codes[s * D + d] = data.codes[d]![i]!;
      fine.add(s, data.w[i]!, 1, ones, unk, i * words, null, null, null, 0);
    }
    for (let b = 0; b < breakdowns.length; b++) {
      const dims = breakdowns[b]!;
      const st = bStrides[b]!;
      const o = out[b]!;
      o.size = 0;
      for (let f = 0; f < fine.size; f++) {
        // The breakdown cells of this finest cell: none if a dimension is missing, several for an age atom.
        expanded.length = 0;
        expanded.push(0);
        let ok = true;
        for (let j = 0; j < dims.length && ok; j++) {
          const dd = dims[j]!;
          const c = fine.codes[f * D + dd.dim]!;
          if (c < 0) ok = false;
          else if (dd.expand) {
            const targets = dd.expand[c]!;
            if (!targets.length) ok = false;
            const m = expanded.length;
            for (let e = 0; e < m; e++) for (const t of targets) expanded.push(expanded[e]! + t * st[j]!);
            expanded.splice(0, m);
          } else for (let e = 0; e < expanded.length; e++) expanded[e]! += c * st[j]!;
        }
        if (!ok) continue;
        for (const cell of expanded) {
          const s = o.find(cell);
          o.add(s, fine.W[f]!, fine.N[f]!, fine.ones, fine.unk, f * words, fine.T, fine.Wu, fine.Nu, f);
        }
      }
      if (cellIndex.length < o.size) cellIndex = new Float64Array(o.size * 2);
      for (let s = 0; s < o.size; s++) cellIndex[s] = o.key[s]!;
      visit(b, h, o, cellIndex);
    }
  }
}

/** The cell index of a breakdown's output codes (mixed radix, last dimension fastest). */
export function mixedRadix(codes: number[], dims: FoldDim[]): number {
  let x = 0;
  for (let j = 0; j < dims.length; j++) x = x * dims[j]!.card + codes[j]!;
  return x;
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

/** Per breakdown, the per-(cell, stratum) moments of every indicator (steps 1-4 above). */
export function domainMoments(data: FoldData, breakdowns: FoldDim[][], strataCount: number): BreakdownMoments[] {
  const K = data.y.length;
  const cellsOf = (dims: FoldDim[]) => dims.reduce((m, d) => m * d.card, 1);
  // Per slot: W, W^2, n, PSUs once (array 0, width 4); per indicator: the T moments and the
  // corrections of W, W^2, n, PSUs for unknown rows (arrays 1-7, width K).
  const stores = breakdowns.map((dims) => new SlotStore(strataCount, cellsOf(dims), [4, K, K, K, K, K, K, K]));
  traverse(data, breakdowns, (b, h, o, cellIndex) => {
    const store = stores[b]!;
    for (let s = 0; s < o.size; s++) {
      const q = store.slot(cellIndex[s]!, h);
      const W = o.W[s]!;
      const Nn = o.N[s]!;
      const [A, st, stw, stt, dw, dww, dn, dnp] = store.arrays as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
      A[q * 4]! += W;
      A[q * 4 + 1]! += W * W;
      A[q * 4 + 2]! += Nn;
      A[q * 4 + 3]! += 1;
      for (let j = 0; j < o.words; j++) {
        const u = o.unk[s * o.words + j]!;
        let bits = o.ones[s * o.words + j]!;
        while (bits) {
          const bt = 31 - Math.clz32(bits);
          bits ^= 1 << bt;
          const k = j * WORD + bt;
          const T = o.T[s * K + k]!;
          const Wk = u & (1 << bt) ? W - o.Wu[s * K + k]! : W;
          st[q * K + k]! += T;
          stw[q * K + k]! += T * Wk;
          stt[q * K + k]! += T * T;
        }
        bits = u;
        while (bits) {
          const bt = 31 - Math.clz32(bits);
          bits ^= 1 << bt;
          const k = j * WORD + bt;
          const nu = o.Nu[s * K + k]!;
          const nk = Nn - nu;
          const Wk = nk > 0 ? W - o.Wu[s * K + k]! : 0;
          dw[q * K + k]! += Wk - W;
          dww[q * K + k]! += Wk * Wk - W * W;
          dn[q * K + k]! -= nu;
          dnp[q * K + k]! += (nk > 0 ? 1 : 0) - 1;
        }
      }
    }
  });
  return breakdowns.map((dims, b) => {
    const sh = stores[b]!;
    const slots = sh.slots;
    const [A, st, stw, stt, dw, dww, dn, dnp] = sh.arrays as [Float64Array, ...Float64Array[]];
    const sw = new Float64Array(slots * K);
    const sww = new Float64Array(slots * K);
    const sn = new Float64Array(slots * K);
    const np = new Float64Array(slots * K);
    for (let s = 0; s < slots; s++) {
      for (let k = 0; k < K; k++) {
        const i = s * K + k;
        sw[i] = A[s * 4]! + dw![i]!;
        sww[i] = A[s * 4 + 1]! + dww![i]!;
        sn[i] = A[s * 4 + 2]! + dn![i]!;
        np[i] = A[s * 4 + 3]! + dnp![i]!;
      }
    }
    return {
      cellCodes: decode(sh.cell, slots, dims),
      cell: sh.cell.slice(0, slots),
      stratum: sh.stratum.slice(0, slots),
      slots,
      sw,
      st: st!.slice(0, slots * K),
      sww,
      stw: stw!.slice(0, slots * K),
      stt: stt!.slice(0, slots * K),
      sn,
      np,
    };
  });
}

/**
 * Contrast of two codes (first - second) of dimension `at` of a breakdown, within each parent cell (the
 * other dimensions), for every indicator. The difference of two domain ratios has the PSU score
 *   z_c = (T1_c - r1 W1_c)/N1 - (T2_c - r2 W2_c)/N2
 * on the same design, so the covariance of the two groups within PSUs counts. Constants come from the
 * breakdown's own estimates; per parent cell and stratum the sums of z, z^2, rows and PSUs with rows go
 * to the same variance function.
 */
export function contrastMoments(
  data: FoldData,
  dims: FoldDim[],
  at: number,
  first: number,
  second: number,
  constants: ContrastConstants,
  strataCount: number,
): ContrastMoments {
  const K = data.y.length;
  const parentDims = dims.filter((_, j) => j !== at);
  const st = strides(dims);
  const pst = strides(parentDims);
  const parentOf = (cell: number) => {
    let p = 0;
    let jj = 0;
    for (let j = 0; j < dims.length; j++) {
      if (j === at) continue;
      p += (Math.floor(cell / st[j]!) % dims[j]!.card) * pst[jj++]!;
    }
    return p;
  };
  const store = new SlotStore(strataCount, parentDims.reduce((m, d) => m * d.card, 1), [K, K, K, K]);
  const z = new Float64Array(K);
  const nz = new Float64Array(K);
  const pairs = new Map<number, [number, number]>();
  traverse(data, [dims], (_, h, o, cellIndex) => {
    pairs.clear();
    for (let s = 0; s < o.size; s++) {
      const g = Math.floor(cellIndex[s]! / st[at]!) % dims[at]!.card;
      if (g !== first && g !== second) continue;
      const p = parentOf(cellIndex[s]!);
      const pair = pairs.get(p) ?? [-1, -1];
      pair[g === first ? 0 : 1] = s;
      pairs.set(p, pair);
    }
    for (const [p, pair] of pairs) {
      z.fill(0);
      nz.fill(0);
      for (let side = 0; side < 2; side++) {
        const s = pair[side]!;
        if (s < 0) continue;
        const a = side === 0 ? constants.a1 : constants.a2;
        const r = side === 0 ? constants.r1 : constants.r2;
        const sign = side === 0 ? 1 : -1;
        for (let k = 0; k < K; k++) {
          const j = Math.floor(k / WORD);
          const bit = 1 << k % WORD;
          const unknown = o.unk[s * o.words + j]! & bit;
          const nk = o.N[s]! - (unknown ? o.Nu[s * K + k]! : 0);
          const Wk = nk > 0 ? o.W[s]! - (unknown ? o.Wu[s * K + k]! : 0) : 0;
          const T = o.ones[s * o.words + j]! & bit ? o.T[s * K + k]! : 0;
          z[k]! += sign * (T - r[p * K + k]! * Wk) * a[p * K + k]!;
          nz[k]! += nk;
        }
      }
      const q = store.slot(p, h);
      const [sz, szz, sn, np] = store.arrays as [Float64Array, Float64Array, Float64Array, Float64Array];
      for (let k = 0; k < K; k++) {
        sz[q * K + k]! += z[k]!;
        szz[q * K + k]! += z[k]! * z[k]!;
        sn[q * K + k]! += nz[k]!;
        np[q * K + k]! += nz[k]! > 0 ? 1 : 0;
      }
    }
  });
  const slots = store.slots;
  const [sz, szz, sn, np] = store.arrays as Float64Array[];
  return {
    cellCodes: decode(store.cell, slots, parentDims),
    cell: store.cell.slice(0, slots),
    stratum: store.stratum.slice(0, slots),
    slots,
    sz: sz!.slice(0, slots * K),
    szz: szz!.slice(0, slots * K),
    sn: sn!.slice(0, slots * K),
    np: np!.slice(0, slots * K),
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
