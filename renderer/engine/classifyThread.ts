import { classifyClient, type ClassifyHelper } from '../../analysis/classifyHelper.js';
import { AnalysisError, type MessageCode, type MessageParams } from '../../analysis/messages.js';

/**
 * The app's classification helper (analysis/classifyHelper.ts): a worker started by the engine
 * worker, so that the typed rules run beside the fold caches on a second core.
 */
export function classifyThread(): ClassifyHelper {
  const worker = new Worker(new URL('./classifyWorker.ts', import.meta.url), { type: 'module', name: 'classify' });
  const client = classifyClient(worker);
  worker.onmessage = (e: MessageEvent<{ typed?: never; coded?: { code: MessageCode; params: MessageParams }; error?: string }>) => {
    const r = e.data;
    client.answer(r.typed ? { typed: r.typed } : { error: r.coded ? new AnalysisError(r.coded.code, r.coded.params) : new Error(`classify thread: ${r.error}`) });
  };
  worker.onerror = (e) => client.answer({ error: new Error(`classify thread: ${e.message}`) });
  return client;
}
