import type { BreakdownMoments } from './breakdownMoments.js';
import { domainMoments, prepareFoldCaches, type FoldData, type FoldDim, type PairSpec } from './domainMoments.js';
import { cellsPerRow, type FoldCache } from './foldCache.js';
import { firstLine } from './firstLine.js';

/**
 * A second thread for part of the estimation pass (the command line: a worker thread, cli/foldThread.ts).
 *
 * The pass is JavaScript on one thread: each breakdown's fold cache (foldCache.ts, built while the
 * engine classifies) and then its fold (foldBreakdown.ts). Breakdowns are independent, so on a first
 * run some of them are built and folded on the helper's thread from a copy of the design's columns,
 * with the same functions: their moments are the same to the last bit as on the main thread. Their
 * caches stay on the helper, so the helper suits one run per file (the command line); the app, whose
 * edits refold one indicator from the caches it keeps, runs the pass on its own thread.
 */
export interface FoldHelper {
  /** Fewest rows for which the copy of the columns is worth it (below, the main thread folds alone). */
  readonly minRows: number;
  /**
   * Sends the design's columns and the breakdowns: the helper builds their caches at once. The returned
   * function sends the indicators and resolves to the breakdowns' moments, in order.
   */
  begin(job: FoldJob): (y: Int8Array[]) => Promise<BreakdownMoments[]>;
}

/** What the helper folds: the design's columns without the indicators, and its breakdowns. */
export interface FoldJob {
  data: Omit<FoldData, 'y'>;
  breakdowns: FoldDim[][];
  pairs: (PairSpec | null)[];
  strataCount: number;
}

/** The messages to the helper, in order: one `begin`, then one `fold`. */
export type FoldRequest = ({ type: 'begin' } & FoldJob) | { type: 'fold'; y: Int8Array[] };

/**
 * The helper's side, whatever carries the messages: `begin` builds the caches of its job (nothing to
 * answer), `fold` answers the moments. A helper serves one job after another.
 */
export function foldRequestHandler(): (request: FoldRequest) => BreakdownMoments[] | null {
  let job: FoldJob | null = null;
  const caches = new Map<string, FoldCache>();
  return (request) => {
    if (request.type === 'begin') {
      // A new job is another file (the command line's next round): no cache of the last one serves.
      job = request;
      caches.clear();
      prepareFoldCaches({ ...job.data, y: [] }, job.breakdowns, job.strataCount, job.pairs, caches);
      return null;
    }
    if (!job) throw new Error('fold helper: fold before begin');
    return domainMoments({ ...job.data, y: request.y }, job.breakdowns, job.strataCount, job.pairs, caches);
  };
}

/**
 * Which breakdowns go to the helper: about half the work, by a cost per breakdown measured on the
 * benchmark (cache and fold together grow with the cells a row falls in, E, and by about 40% with a
 * boys-girls pair). Longest first, each to the thread with less so far; the main thread, which also
 * waits on the engine's classification, takes the first.
 */
export function helperShare(breakdowns: FoldDim[][], pairs: (PairSpec | null)[]): number[] {
  const cost = breakdowns.map((dims, b) => {
    return (1 + cellsPerRow(dims)) * (pairs[b] ? 1.4 : 1);
  });
  const order = cost.map((_, b) => b).sort((a, b) => cost[b]! - cost[a]! || a - b);
  const load = [0, 0];
  const theirs: number[] = [];
  for (const b of order) {
    const t = load[0]! <= load[1]! ? 0 : 1;
    load[t] = load[t]! + cost[b]!;
    if (t === 1) theirs.push(b);
  }
  return theirs.sort((a, b) => a - b);
}

/**
 * The helper's share folded: its moments, in order, the breakdowns folded on the helper (`threaded`:
 * all its share, or none), and why it failed if it did.
 */
export interface HelperFold {
  moments: BreakdownMoments[];
  threaded: number;
  failed?: string;
}

/**
 * The helper's part of a run: the breakdowns it takes, in order (their caches started on its thread),
 * and the function that folds them once the indicators are known. None without a helper, below its
 * rows, or when the run is not a first one (some breakdown's cache or moments already kept by the session).
 *
 * A helper that fails (its thread did not start, stopped, ran out of memory, answered an error) does
 * not fail the run: this thread then folds the helper's share too, into `cellCache` as its own, with
 * the same functions and so the same numbers, only later.
 */
export function startHelper(
  helper: FoldHelper | undefined,
  data: FoldData,
  breakdowns: FoldDim[][],
  pairs: (PairSpec | null)[],
  strataCount: number,
  firstRun: boolean,
  cellCache: Map<string, FoldCache>,
  heartbeat?: () => void,
): { theirs: number[]; fold: ((y: Int8Array[]) => Promise<HelperFold>) | null } {
  if (!helper || !firstRun || data.w.length < helper.minRows || breakdowns.length < 2) return { theirs: [], fold: null };
  const theirs = helperShare(breakdowns, pairs);
  const job = { breakdowns: theirs.map((b) => breakdowns[b]!), pairs: theirs.map((b) => pairs[b] ?? null), strataCount };
  const { w, stratum, psu, codes, cards } = data;
  let remote: (y: Int8Array[]) => Promise<BreakdownMoments[]>;
  try {
    remote = helper.begin({ data: { w, stratum, psu, codes, cards }, ...job });
  } catch (e) {
    remote = () => Promise.reject(e);
  }
  const here = (y: Int8Array[]) => {
    prepareFoldCaches({ ...data, y }, job.breakdowns, strataCount, job.pairs, cellCache, heartbeat);
    return domainMoments({ ...data, y }, job.breakdowns, strataCount, job.pairs, cellCache, heartbeat);
  };
  const fold = (y: Int8Array[]) =>
    remote(y).then(
      (moments): HelperFold => ({ moments, threaded: theirs.length }),
      (e: unknown): HelperFold => ({ moments: here(y), threaded: 0, failed: firstLine(e) }),
    );
  return { theirs, fold };
}
