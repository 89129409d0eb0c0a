import { parentPort } from 'node:worker_threads';
import { foldRequestHandler, type FoldRequest } from '../foldHelper.js';

// The command line's fold helper thread (foldThread.ts starts it; bundled as dist/foldWorker.mjs):
// requests in, moments or the error out.
const handle = foldRequestHandler();
parentPort!.on('message', (request: FoldRequest) => {
  try {
    const moments = handle(request);
    if (moments) parentPort!.postMessage({ moments });
  } catch (e) {
    parentPort!.postMessage({ error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
});
