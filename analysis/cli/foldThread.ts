import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { BreakdownMoments } from '../breakdownMoments.js';
import type { FoldHelper, FoldRequest } from '../foldHelper.js';

/** Rows from which a first run sends part of its estimation pass to a second thread (docs/performance.md). */
const MIN_ROWS = 100_000;

/**
 * The command line's fold helper (foldHelper.ts): a worker thread running `file`, by default
 * dist/foldWorker.mjs beside the bundle. `CLSTATS_FOLD_THREAD_ROWS` overrides the fewest rows (A/B
 * in the benchmark). Where the worker's file is missing (the TypeScript sources run as they are),
 * there is no helper and the main thread folds everything, as it always can.
 */
export function foldThread(
  file = fileURLToPath(new URL('./foldWorker.mjs', import.meta.url)),
  minRows = Number(process.env.CLSTATS_FOLD_THREAD_ROWS ?? MIN_ROWS),
): (FoldHelper & { close(): Promise<void> }) | undefined {
  if (!existsSync(file)) return undefined;
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
      post({ type: 'begin', ...job });
      return (y) =>
        new Promise<BreakdownMoments[]>((resolve, reject) => {
          if (failure) return reject(failure);
          pending = { resolve, reject };
          post({ type: 'fold', y });
        });
    },
    async close() {
      await worker?.terminate();
      worker = null;
    },
  };
}
