import type { FoldData, FoldDim, PairSpec } from './domainMoments.js';

/**
 * What the estimation pass (domainMoments.ts) keeps of a breakdown between passes on the same rows:
 * everything that does not depend on the indicators. Per PSU and cell with rows (a "PSU cell", numbered
 * in the PSU in order of first appearance): the cell, the sum W of the weights and the count n; per row,
 * the numbers of its PSU cells; per (cell, stratum) slot, the sums of W, W^2, n and PSUs; per slot of the
 * boys-girls pair, the sums of W1 W2 and PSUs. Built by one pass over every row, after which a pass
 * visits only the rows where one of its indicators is 1 or unknown.
 *
 * Memory, 2M children and the standard 7 breakdowns: 4.0M PSU cells (W in 8 bytes; n, cell and partner
 * in a byte each), 11 PSU cells per row in a byte each, a start per PSU: 71 MB, where the cells of
 * every row (4 bytes each) took 88 MB before. Types widen only for 256 cells or more, or PSUs of 256 rows.
 */
export interface FoldCache {
  /** Cells per row at most (overlapping age groups), and PSU cells per PSU at most. */
  E: number;
  L: number;
  /** Per row, its E PSU cells: number in the PSU (order of first appearance) + 1, 0 pads. */
  local: Small;
  /** PSU cells of PSU id p: [pairStart[p], pairStart[p + 1]); their cell, W and n. */
  pairStart: Int32Array;
  pairCell: Small;
  pairW: Float64Array;
  pairN: Small;
  /** With a pair: per PSU cell, the number in the PSU + 1 of its partner's PSU cell (other group), 0 for none. */
  pairMate: Small | null;
  /** The breakdown's slots; array 0 holds per slot W, W^2, n, PSUs (width 4). */
  store: SlotStore;
  /** The pair's slots (parent cell, stratum), array 0 holding W1 W2 and PSUs (width 2); null without a pair. */
  cross: SlotStore | null;
  /** Per cell: parent cell (without the pair's dimension); first group's partner; second group's partner. */
  parent: Int32Array;
  partner: Int32Array;
  mate: Int32Array;
}

/** A growable store of per-(cell, stratum) slots, with arrays of widths[i] values per slot. */
export class SlotStore {
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
  /** The slot of (cell, h), which has one. */
  at(cell: number, h: number): number {
    return this.index ? this.index[cell * (this.H + 1) + h]! : this.map!.get(cell * (this.H + 1) + h)!;
  }
  /** The slot of (cell, h), made when new. */
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

/** The most cells of a breakdown one row falls in (overlapping age groups: an atom in several). */
export function cellsPerRow(dims: FoldDim[]): number {
  return dims.reduce((m, d) => m * (d.expand ? Math.max(1, ...d.expand.map((x) => x.length)) : 1), 1);
}

/** Mixed-radix strides of a breakdown's dimensions (last dimension fastest). */
export function strides(dims: FoldDim[]): number[] {
  const s: number[] = [];
  let m = 1;
  for (let i = dims.length - 1; i >= 0; i--) {
    s[i] = m;
    m *= dims[i]!.card;
  }
  return s;
}

/**
 * The cells of each combination of a breakdown's codes, E per combination (-1 pads), worked out on
 * first sight: a row's combination is the mixed-radix number of its codes + 1 (key), its cells the
 * mixed-radix index of the output codes (an age atom belongs to every age group that contains it, so
 * overlapping groups never duplicate a row).
 */
class Combos {
  readonly E: number;
  lists = new Int32Array(0);
  private count = 0;
  private readonly radix: number[];
  private readonly cols: Int32Array[];
  private readonly dense: Int32Array | null;
  private readonly sparse: Map<number, number> | null;
  private readonly st: number[];
  constructor(
    data: FoldData,
    private readonly dims: FoldDim[],
  ) {
    this.E = cellsPerRow(dims);
    this.radix = dims.map((d) => data.cards[d.dim]! + 1);
    this.cols = dims.map((d) => data.codes[d.dim]!);
    this.st = strides(dims);
    const combos = this.radix.reduce((a, b) => a * b, 1);
    this.dense = combos <= 1 << 20 ? new Int32Array(combos).fill(-1) : null;
    this.sparse = this.dense ? null : new Map();
  }
  /** Where the cells of row i start in `lists`. */
  row(i: number): number {
    const { cols, radix } = this;
    // One or two dimensions (every standard breakdown) without the loop: this is the pass's inner step.
    const key = cols.length === 1 ? cols[0]![i]! + 1 : cols.length === 2 ? (cols[0]![i]! + 1) * radix[1]! + cols[1]![i]! + 1 : this.key(i);
    const x = this.dense ? this.dense[key]! : (this.sparse!.get(key) ?? -1);
    return x >= 0 ? x : this.add(key);
  }
  private key(i: number): number {
    let key = 0;
    for (let j = 0; j < this.cols.length; j++) key = key * this.radix[j]! + this.cols[j]![i]! + 1;
    return key;
  }
  private add(key: number): number {
    let list = [0];
    const codes = this.radix.map(() => 0);
    for (let j = this.dims.length - 1, k = key; j >= 0; j--) {
      codes[j] = (k % this.radix[j]!) - 1;
      k = Math.floor(k / this.radix[j]!);
    }
    this.dims.forEach((d, j) => {
      const c = codes[j]!;
      const outCodes = c < 0 ? [] : d.expand ? d.expand[c]! : [c];
      list = list.flatMap((x) => outCodes.map((t) => x + t * this.st[j]!));
    });
    const x = this.count++ * this.E;
    if (x + this.E > this.lists.length) {
      const grown = new Int32Array(Math.max(64 * this.E, this.lists.length * 2)).fill(-1);
      grown.set(this.lists);
      this.lists = grown;
    }
    this.lists.set(list, x);
    if (this.dense) this.dense[key] = x;
    else this.sparse!.set(key, x);
    return x;
  }
}

/** Per cell: the parent cell, the first group's partner cell (second group), the second group's (first). */
function pairCells(dims: FoldDim[], pair: PairSpec | null, C: number) {
  const st = strides(dims);
  const parentDims = pair ? dims.filter((_, j) => j !== pair.at) : [];
  const pst = strides(parentDims);
  const parent = new Int32Array(pair ? C : 0);
  const partner = new Int32Array(pair ? C : 0).fill(-1);
  const mate = new Int32Array(pair ? C : 0).fill(-1);
  if (pair) {
    for (let c = 0; c < C; c++) {
      let p = 0;
      let jj = 0;
      for (let j = 0; j < dims.length; j++) if (j !== pair.at) p += (Math.floor(c / st[j]!) % dims[j]!.card) * pst[jj++]!;
      parent[c] = p;
      if (Math.floor(c / st[pair.at]!) % dims[pair.at]!.card === pair.first) {
        partner[c] = c + (pair.second - pair.first) * st[pair.at]!;
        mate[partner[c]!] = c;
      }
    }
  }
  return { parent, partner, mate, cells: parentDims.reduce((x, d) => x * d.card, 1) };
}

/** Small non-negative integers, in the smallest type that holds them (narrow). */
export type Small = Uint8Array | Uint16Array | Int32Array;

/** An array of n integers 0..max, in the smallest type that holds them. */
function narrow(n: number, max: number): Small {
  return max < 1 << 8 ? new Uint8Array(n) : max < 1 << 16 ? new Uint16Array(n) : new Int32Array(n);
}

/** The first n values of `a`: a view when it wastes little (the cache keeps it), else a copy. */
function fit<T extends Small | Float64Array>(a: T, n: number): T {
  return (n >= a.length * 0.875 ? a.subarray(0, n) : a.slice(0, n)) as T;
}

/** Where each PSU starts in the rows (rows sorted by PSU), and the end. */
export function psuStarts(psu: Int32Array): Int32Array {
  const starts: number[] = [];
  for (let i = 0; i < psu.length; i++) {
    if (i > 0 && psu[i]! < psu[i - 1]!) throw new Error('internal: rows are not sorted by PSU');
    if (i === 0 || psu[i] !== psu[i - 1]) starts.push(i);
  }
  starts.push(psu.length);
  return Int32Array.from(starts);
}

/**
 * The most rows of a PSU, and the most PSU cells there can be (a PSU of r rows has at most min(C, E r)):
 * the cache's arrays are allocated once, in their final (smallest) types.
 */
function pairBound(starts: Int32Array, C: number, E: number): { maxRows: number; bound: number } {
  let maxRows = 0;
  let bound = 0;
  for (let k = 0; k + 1 < starts.length; k++) {
    const rows = starts[k + 1]! - starts[k]!;
    maxRows = Math.max(maxRows, rows);
    bound += Math.min(C, E * rows);
  }
  return { maxRows, bound };
}

/**
 * Adds rows [from, to) of PSU id p into their cells' W and n, and writes each row's PSU cells (number
 * in the PSU + 1, 0 pads) into `local`; returns the number of cells touched (B.touched).
 */
function addWeights(B: Build, p: number, from: number, to: number, w: Float64Array, combos: Combos): number {
  const { W, N, seen, localOf, touched, local } = B;
  const E = combos.E;
  let nt = 0;
  for (let i = from; i < to; i++) {
    const wi = w[i]!;
    const x = combos.row(i);
    for (let e = 0; e < E; e++) {
      const c = combos.lists[x + e]!;
      if (c < 0) break;
      if (seen[c] !== p) {
        seen[c] = p;
        localOf[c] = nt;
        touched[nt++] = c;
        W[c] = 0;
        N[c] = 0;
      }
      W[c]! += wi;
      N[c]! += 1;
      local[i * E + e] = localOf[c]! + 1;
    }
  }
  return nt;
}

/** The cache being built: its arrays at their most (pairBound), and the build's scratch by cell. */
interface Build extends FoldCache {
  W: Float64Array;
  N: Float64Array;
  seen: Int32Array;
  localOf: Int32Array;
  touched: Int32Array;
  /** PSU cells so far. */
  pairs: number;
}

/** Records PSU p's nt cells (stratum h): their cell, W, n and partner, and the slots' sums that need no indicator. */
function addPsu(B: Build, p: number, h: number, nt: number) {
  const { W, N, seen, localOf, touched, store, cross, pairCell, pairW, pairN, partner, mate } = B;
  const base = (B.pairStart[p] = B.pairs);
  for (let t = 0; t < nt; t++) {
    const c = touched[t]!;
    pairCell[base + t] = c;
    pairW[base + t] = W[c]!;
    pairN[base + t] = N[c]!;
    const q = store.slot(c, h) * 4;
    const sh = store.arrays[0]!; // after slot(): a new slot may grow the arrays
    sh[q]! += W[c]!;
    sh[q + 1]! += W[c]! * W[c]!;
    sh[q + 2]! += N[c]!;
    sh[q + 3]! += 1;
  }
  B.pairStart[p + 1] = B.pairs += nt;
  B.L = Math.max(B.L, nt);
  for (let t = 0; cross && t < nt; t++) {
    const c1 = touched[t]!;
    const other = partner[c1]! >= 0 ? partner[c1]! : mate[c1]!;
    B.pairMate![base + t] = other >= 0 && seen[other] === p ? localOf[other]! + 1 : 0;
    const c2 = partner[c1]!;
    if (c2 < 0 || seen[c2] !== p) continue;
    const q = cross.slot(B.parent[c1]!, h) * 2;
    cross.arrays[0]![q]! += W[c1]! * W[c2]!;
    cross.arrays[0]![q + 1]! += 1;
  }
}

/** One pass over every row of the breakdown (PSUs from `starts`): its PSU cells, slots and the sums that need no indicator. */
export function buildFoldCache(data: FoldData, starts: Int32Array, dims: FoldDim[], pair: PairSpec | null, H: number): FoldCache {
  const C = dims.reduce((x, d) => x * d.card, 1);
  const combos = new Combos(data, dims);
  const { w, psu, stratum } = data;
  const n = w.length;
  const { maxRows, bound } = pairBound(starts, C, combos.E);
  const most = Math.min(C, combos.E * maxRows); // PSU cells of a PSU, at most
  const { cells, ...links } = pairCells(dims, pair, C);
  const B: Build = {
    E: combos.E,
    L: 0,
    local: narrow(n * combos.E, most),
    pairStart: new Int32Array((n ? psu[n - 1]! : 0) + 2),
    pairCell: narrow(bound, C - 1),
    pairW: new Float64Array(bound),
    pairN: narrow(bound, maxRows),
    pairMate: pair ? narrow(bound, most) : null,
    store: new SlotStore(H, C, [4]),
    cross: pair ? new SlotStore(H, cells, [2]) : null,
    ...links,
    W: new Float64Array(C),
    N: new Float64Array(C),
    seen: new Int32Array(C).fill(-1),
    localOf: new Int32Array(C),
    touched: new Int32Array(C),
    pairs: 0,
  };
  for (let k = 0; k + 1 < starts.length; k++) {
    const p = psu[starts[k]!]!;
    addPsu(B, p, stratum[starts[k]!]!, addWeights(B, p, starts[k]!, starts[k + 1]!, w, combos));
  }
  const { E, L, local, pairStart, pairCell, pairW, pairN, pairMate, store, cross, parent, partner, mate, pairs } = B;
  return { E, L, local, pairStart, pairCell: fit(pairCell, pairs), pairW: fit(pairW, pairs), pairN: fit(pairN, pairs), pairMate: pairMate && fit(pairMate, pairs), store, cross, parent, partner, mate };
}
