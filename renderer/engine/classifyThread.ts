import { classifyClient, type ClassifyHelper } from '../../analysis/classifyHelper.js';

/**
 * The app's classification helper (analysis/classifyHelper.ts): a worker started by the engine
 * worker, so that the typed rules run beside the fold caches on a second core. The client reads its
 * replies, errors and unreadable messages (classifyClient).
 */
export function classifyThread(): ClassifyHelper {
  return classifyClient(new Worker(new URL('./classifyWorker.ts', import.meta.url), { type: 'module', name: 'classify' }));
}
