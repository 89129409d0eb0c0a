import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { BreakdownMoments } from '../breakdownMoments.js';
import type { FoldHelper, FoldRequest } from '../foldHelper.js';

/** Rows from which a first run sends part of its estimation pass to a second thread (docs/performance.md). */
const MIN_ROWS = 100_000;

/** The worker's file, as the bundle's entry gives it (useFoldWorker); none when the sources run as they are. */
let bundledWorker: string | undefined;

/** Where the bundled worker is (dist/foldWorker.mjs beside dist/cli.mjs): the command line's entry says. */
export function useFoldWorker(file: string): void {
  bundledWorker = file;
}

/**
 * The command line's fold helper (foldHelper.ts): a worker thread running `file`, by default the
 * bundled dist/foldWorker.mjs. `CLSTATS_FOLD_THREAD_ROWS` overrides the fewest rows (A/B in the
 * benchmark). Without a worker file (the TypeScript sources run as they are, in the tests) there is
 * no helper and the main thread folds everything, as it always can.
 */
export function foldThread(
  file = bundledWorker,
  minRows = Number(process.env.CLSTATS_FOLD_THREAD_ROWS ?? MIN_ROWS),
): (FoldHelper & { close(): Promise<void> }) | undefined {
  if (!file || !existsSync(file)) return undefined;
  let worker: Worker | null = null;
  // The one fold awaited at a time; a failure of the thread (before or during it) rejects it.
  let pending: { resolve: (m: BreakdownMoments[]) => void; reject: (e: Error) => void } | null = null;
  let failure: Error | null = null;
  const fail = (e: Error) => {
    failure ??= e;
    pending?.reject(failure);
    pending = null;
  };
  const post = (request: FoldRequest) => {
    if (!worker) {
      worker = new Worker(file);
      worker.on('error', fail);
      worker.on('exit', (code) => fail(new Error(`fold thread: stopped (exit code ${code})`)));
      worker.on('message', (m: { moments?: BreakdownMoments[]; error?: string }) => {
        if (m.moments) pending?.resolve(m.moments);
        else fail(new Error(`fold thread: ${m.error}`));
        pending = null;
      });
    }
    worker.postMessage(request);
  };
  return {
    minRows: Number.isFinite(minRows) && minRows >= 0 ? minRows : MIN_ROWS,
    begin(job) {
      const { w, stratum, psu, codes } = job.data;
      post({ type: 'begin', ...job, data: { ...job.data, w: shared(w), stratum: shared(stratum), psu: shared(psu), codes: codes.map(shared) } });
      return (y) =>
        new Promise<BreakdownMoments[]>((resolve, reject) => {
          if (failure) return reject(failure);
          pending = { resolve, reject };
          post({ type: 'fold', y: y.map(shared) });
        });
    },
    async close() {
      // Its end asked for is no failure of a fold.
      worker?.removeAllListeners('exit');
      await worker?.terminate();
      worker = null;
    },
  };
}

/**
 * A copy in shared memory, which a message passes to the thread as it is: a plain typed array is
 * copied by the message (structured clone), which took 1.5 s of the main thread at 20M children
 * against a fraction of that for this copy.
 */
function shared<T extends Float64Array | Int32Array | Int8Array>(a: T): T {
  const copy = new (a.constructor as new (buffer: SharedArrayBuffer) => T)(new SharedArrayBuffer(a.byteLength));
  copy.set(a as never);
  return copy;
}
