/**
 * The classification's helper thread (analysis/classifyHelper.ts), started by the engine worker
 * (classifyThread.ts): role columns and frameworks in, the indicators (moved, not copied) or the
 * error out, with the request's id (ClassifyReply). A coded error of the core travels as its code and parameters.
 */
import { classifyRequestHandler, transferables, type ClassifyReply, type ClassifyRequest } from '../../analysis/classifyHelper.js';
import { AnalysisError } from '../../analysis/messages.js';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<ClassifyRequest>) => void) | null;
  postMessage(reply: ClassifyReply, transfer?: ArrayBuffer[]): void;
};

const handle = classifyRequestHandler();
scope.onmessage = (event) => {
  const { id } = event.data;
  try {
    const typed = handle(event.data);
    scope.postMessage({ id, typed }, transferables(typed.flatMap((t) => Object.values(t))));
  } catch (e) {
    scope.postMessage(e instanceof AnalysisError ? { id, coded: { code: e.code, params: e.msg.params } } : { id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
};
