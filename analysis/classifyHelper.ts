import { classifyMissing, classifyTyped, frameworksToDo, readRoleColumns, ROLE_SENT, storeTyped, type RoleColumn, type TypedJob } from './classifyTyped.js';
import type { Engine } from './engine/engine.js';
import { AnalysisError, type MessageCode, type MessageParams } from './messages.js';
import type { Framework, Indicator, Mapping, MissingHoursPolicy } from './types.js';

/**
 * A second thread for the typed classification (classifyTyped.ts), the app's: the engine worker's one
 * JavaScript thread otherwise builds the fold caches (foldCache.ts) and then runs the rules, one after
 * the other, while a core idles. The role columns move to the helper (a transfer, not a copy: the
 * app's memory stays under its bound) and stay there for the edits; the session keeps only their
 * names (ROLE_SENT). The rules are the same functions, so the indicators are the same to the child.
 */
export interface ClassifyHelper {
  /** Whether the helper holds the role columns of this map (the session's `roles`). */
  holds(roles: Map<string, RoleColumn>): boolean;
  /**
   * Moves the map's role columns not sent yet to the helper (in the map, ROLE_SENT stands in for
   * each), then classifies the frameworks there. Posts at once: the caller's thread is free after.
   */
  classify(roles: Map<string, RoleColumn>, frameworks: Framework[], m: Mapping, missingHours: MissingHoursPolicy): Promise<Record<Indicator, Int8Array>[]>;
}

/**
 * A request to the helper: role columns to add (after dropping any it held, with `reset`), and the
 * frameworks to classify. Its `id` comes back with the reply (ClassifyReply).
 */
export interface ClassifyRequest {
  id: number;
  reset: boolean;
  roles: [string, RoleColumn][];
  frameworks: Framework[];
  m: Mapping;
  missingHours: MissingHoursPolicy;
}

/** The helper's side, whatever carries the messages. */
export function classifyRequestHandler(): (request: ClassifyRequest) => Record<Indicator, Int8Array>[] {
  const roles = new Map<string, RoleColumn>();
  return (request) => {
    if (request.reset) roles.clear();
    for (const [name, column] of request.roles) roles.set(name, column);
    const memo = new Map<string, Uint8Array>();
    return request.frameworks.map((fw) => classifyTyped(fw, request.m, request.missingHours, roles, memo));
  };
}

/** The buffers a request can move instead of copying: those its arrays own whole. */
export function transferables(columns: Iterable<RoleColumn | Int8Array>): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  const add = (a: ArrayBufferView) => {
    if (a.byteOffset === 0 && a.byteLength === a.buffer.byteLength && a.buffer instanceof ArrayBuffer && a.byteLength > 0) out.add(a.buffer);
  };
  for (const c of columns) {
    if (ArrayBuffer.isView(c)) add(c);
    else {
      add(c.v);
      add(c.known);
    }
  }
  return [...out];
}

/**
 * The run's typed classification (run.ts). With a helper that holds this session's role columns, or
 * when none were sent to one: the missing role columns read here first, then the rules posted to the
 * helper, so that when this resolves the caller's thread is free for the fold caches while the rules
 * run; `done` once the indicators are in `y`. If the helper fails (not a coded error of the rules),
 * they run here (classifyMissing, which reads the moved columns again). Without a helper: here.
 */
export async function classifyTypedRun(
  helper: ClassifyHelper | undefined, engine: Engine, job: TypedJob, place: (fileRows: Int32Array) => Int32Array,
): Promise<{ done: Promise<void> }> {
  const here = () => classifyMissing(engine, job, place);
  if (!helper || !(helper.holds(job.roles) || ![...job.roles.values()].includes(ROLE_SENT))) return { done: here() };
  await readRoleColumns(engine, job.m, job.missingHours, job.roles, place);
  return { done: classifyOnHelper(helper, job).catch((e: unknown) => (e instanceof AnalysisError ? Promise.reject(e) : here())) };
}

/**
 * Classifies on the helper the frameworks with an indicator not computed yet, the role columns
 * already read: posts at once, and stores the indicators when they come back.
 */
function classifyOnHelper(helper: ClassifyHelper, job: TypedJob): Promise<void> {
  const todo = frameworksToDo(job);
  if (!todo.length) return Promise.resolve();
  return helper.classify(job.roles, todo.map((t) => t.fw), job.m, job.missingHours).then((typed) => {
    typed.forEach((t, i) => storeTyped(job, todo[i]!.sql, t));
  });
}

/**
 * The helper's reply to the request `id`, as the worker posts it (renderer/engine/classifyWorker.ts):
 * the indicators, a coded error of the rules (its code and parameters), or another error's text.
 */
export type ClassifyReply = { id: number } & (
  | { typed: Record<Indicator, Int8Array>[] }
  | { coded: { code: MessageCode; params: MessageParams } }
  | { error: string }
);

/**
 * What the client needs of the helper's port: the app's Worker. Its `error` (the helper stopped: it
 * failed to start, or ran out of memory) and `messageerror` (a reply that could not be read) both
 * mean that the request in flight will never be answered.
 */
export interface ClassifyPort {
  postMessage(request: ClassifyRequest, transfer: ArrayBuffer[]): void;
  addEventListener(type: 'message', listener: (e: { data: ClassifyReply }) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: (e: { message?: string }) => void): void;
  terminate?(): void;
}

/**
 * The client side of a helper over a message port (the app's nested worker: renderer/engine/classifyThread.ts).
 *
 * One request is awaited at a time (runs are one after the other), but a reply can come late: a run
 * that failed after posting leaves its request on the helper. So each request has an id, and a reply
 * to any other than the one awaited is dropped: it would give the next run the indicators of other
 * frameworks under its own SQL. A helper that stopped or lost a reply is not used again: the request
 * in flight and every later one fail at once, and the run classifies on its own thread
 * (classifyTypedRun) instead of waiting forever on a worker that will not answer.
 */
export function classifyClient(port: ClassifyPort): ClassifyHelper {
  let held: Map<string, RoleColumn> | null = null;
  let pending: { id: number; resolve: (t: Record<Indicator, Int8Array>[]) => void; reject: (e: unknown) => void } | null = null;
  let lastId = 0;
  let lost: Error | null = null;
  const settle = (reply: ClassifyReply) => {
    // Whatever the request, an error may have cost the helper its columns: the next run reads them again (dropSent).
    if (!('typed' in reply)) held = null;
    if (reply.id !== pending?.id) return;
    const p = pending;
    pending = null;
    if ('typed' in reply) p.resolve(reply.typed);
    else p.reject('coded' in reply ? new AnalysisError(reply.coded.code, reply.coded.params) : new Error(`classify thread: ${reply.error}`));
  };
  const stop = (why: string) => {
    if (lost) return;
    lost = new Error(`classify thread: ${why}`);
    held = null;
    pending?.reject(lost);
    pending = null;
    // Whatever it still holds (the role columns) is of no use now.
    port.terminate?.();
  };
  port.addEventListener('message', (e) => settle(e.data));
  port.addEventListener('error', (e) => stop(e.message || 'stopped'));
  port.addEventListener('messageerror', () => stop('a reply could not be read'));
  return {
    holds: (roles) => !lost && roles === held,
    classify(roles, frameworks, m, missingHours) {
      // Before the columns are marked as sent: the run's own thread classifies with them.
      if (lost) return Promise.reject(lost);
      const reset = roles !== held;
      const entries = [...roles].filter(([, c]) => c !== ROLE_SENT);
      if (reset && entries.length < roles.size) return Promise.reject(new Error('classify helper: role columns sent to a helper that no longer holds them'));
      for (const [name] of entries) roles.set(name, ROLE_SENT);
      held = roles;
      const id = ++lastId;
      return new Promise((resolve, reject) => {
        pending = { id, resolve, reject };
        port.postMessage({ id, reset, roles: entries, frameworks, m, missingHours }, transferables(entries.map((e) => e[1])));
      });
    },
  };
}
