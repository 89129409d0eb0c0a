import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAnalysis, type ResolvedAnalysis } from '../analysis/analysisFile.js';
import { AnalysisSession } from '../analysis/analysisSession.js';
import { classifyClient, classifyRequestHandler, type ClassifyPort, type ClassifyReply, type ClassifyRequest } from '../analysis/classifyHelper.js';
import { ROLE_SENT } from '../analysis/classifyTyped.js';
import type { Engine } from '../analysis/engine/engine.js';
import { runAnalysis } from '../analysis/run.js';
import { ENGINES, REFERENCE_DIR, engineWithCsv } from './engines.js';

/**
 * The classification's helper thread (classifyHelper.ts, the app's): a run whose typed rules run on
 * the helper gives every row and gap of a run without it, first and after a threshold edit (which
 * reuses the role columns the helper holds); a helper that fails leaves the run to this thread, with
 * the same numbers. The helper here answers through a message queue with the columns moved
 * (structuredClone with transfer), as a worker's port does.
 */
const path = new URL('./fixtures/reference.analysis.json', import.meta.url).pathname;
const analysis: ResolvedAnalysis = parseAnalysis(readFileSync(path, 'utf8'), path);

/** A port as the app's worker is, for the client: the test sends its replies and events. */
function fakePort() {
  const listeners = new Map<string, (e: never) => void>();
  const requests: ClassifyRequest[] = [];
  const port: ClassifyPort = {
    postMessage(request, transfer) {
      requests.push(structuredClone(request, { transfer }));
    },
    addEventListener(type: string, listener: (e: never) => void) {
      listeners.set(type, listener);
    },
  };
  const emit = (type: 'message' | 'error' | 'messageerror', e: object) => (listeners.get(type) as (e: object) => void)(e);
  return { port, requests, reply: (data: ClassifyReply) => emit('message', { data }), emit };
}

/** A client over a fake port whose replies the test sends (`handle` computes them as the worker does), and a session. */
function answeredByTest() {
  const fake = fakePort();
  return { ...fake, handle: classifyRequestHandler(), client: classifyClient(fake.port), session: new AnalysisSession() };
}

/** A helper that answers each request soon after, as the worker does: its indicators, or an error. */
function helper(fail = false) {
  const handle = classifyRequestHandler();
  const fake = fakePort();
  const post = fake.port.postMessage;
  fake.port.postMessage = (request, transfer) => {
    post(request, transfer);
    const moved = fake.requests.at(-1)!;
    setTimeout(() => fake.reply(fail ? { id: moved.id, error: 'helper lost' } : { id: moved.id, typed: handle(moved) }), 1);
  };
  return { client: classifyClient(fake.port), requests: fake.requests };
}

/** Waits for the run to reach a point (its request posted). */
async function until(reached: () => boolean) {
  while (!reached()) await new Promise((r) => setTimeout(r, 2));
}

const edited = (a: ResolvedAnalysis) => {
  const e = structuredClone(a);
  const ge = e.frameworks[0]!;
  ge.bands = ge.bands.map((b) => (b.from === 12 ? { ...b, econ: { rule: 'hours' as const, min: 10 } } : b));
  return e;
};

describe.each(ENGINES)('the classification helper on %s', (engineName) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await engineWithCsv(engineName, { src: `${REFERENCE_DIR}children_sample.csv` });
  }, 60_000);
  afterAll(() => engine?.close());

  it('gives every row and gap of a run without it, first and after a threshold edit', async () => {
    const { client, requests } = helper();
    const session = new AnalysisSession();
    const first = await runAnalysis(engine, analysis, 'children_sample.csv', { session, classifyIn: 'typed', classifyHelper: client });
    const plain = await runAnalysis(engine, analysis, 'children_sample.csv', { classifyIn: 'typed' });
    expect(first.rows).toEqual(plain.rows);
    expect(first.gaps).toEqual(plain.gaps);
    // The role columns went to the helper (moved: the session keeps their names only).
    expect(requests[0]!.roles.length).toBeGreaterThan(5);
    expect([...session.base.values()][0]!.roles.get('age')).toBe(ROLE_SENT);
    const again = await runAnalysis(engine, edited(analysis), 'children_sample.csv', { session, classifyIn: 'typed', classifyHelper: client });
    const fresh = await runAnalysis(engine, edited(analysis), 'children_sample.csv', { classifyIn: 'typed' });
    expect(again.rows).toEqual(fresh.rows);
    expect(again.gaps).toEqual(fresh.gaps);
    // The edit classified one framework, with the columns the helper held: none sent again.
    expect(requests[1]!.frameworks.length).toBe(1);
    expect(requests[1]!.roles.length).toBe(0);
    expect(again.rows).not.toEqual(first.rows);
  }, 60_000);

  it('leaves the run to this thread, with the same numbers, when the helper fails', async () => {
    const session = new AnalysisSession();
    const { client } = helper(true);
    const r = await runAnalysis(engine, analysis, 'children_sample.csv', { session, classifyIn: 'typed', classifyHelper: client });
    const plain = await runAnalysis(engine, analysis, 'children_sample.csv', { classifyIn: 'typed' });
    expect(r.rows).toEqual(plain.rows);
    // An edit after: the helper no longer holds the columns; this thread reads them again.
    const e = await runAnalysis(engine, edited(analysis), 'children_sample.csv', { session, classifyIn: 'typed', classifyHelper: client });
    expect(e.rows).toEqual((await runAnalysis(engine, edited(analysis), 'children_sample.csv', { classifyIn: 'typed' })).rows);
  }, 60_000);

  it('gives the next run its own indicators when an abandoned request is answered late', async () => {
    const { handle, requests, reply, client, session } = answeredByTest();
    const first = runAnalysis(engine, analysis, 'children_sample.csv', { session, classifyIn: 'typed', classifyHelper: client });
    await until(() => requests.length === 1);
    reply({ id: requests[0]!.id, typed: handle(requests[0]!) });
    await first;
    // A request left on the helper, as by a run that failed after posting: another framework than the edit's.
    const roles = [...session.base.values()][0]!.roles;
    void client.classify(roles, [analysis.frameworks[1]!], analysis.mapping, analysis.options.missingHours);
    // The edit's run posts its own; the helper answers the two in order, the abandoned one first.
    const again = runAnalysis(engine, edited(analysis), 'children_sample.csv', { session, classifyIn: 'typed', classifyHelper: client });
    await until(() => requests.length === 3);
    for (const r of requests.slice(1)) reply({ id: r.id, typed: handle(r) });
    const fresh = await runAnalysis(engine, edited(analysis), 'children_sample.csv', { classifyIn: 'typed' });
    expect((await again).rows).toEqual(fresh.rows);
    expect((await again).gaps).toEqual(fresh.gaps);
  }, 20_000);

  it('ends a run that fails after posting only once the helper answered it, and the next run has its own numbers', async () => {
    const { handle, requests, reply, client, session } = answeredByTest();
    // The fold caches fail (as out of memory would) while the helper classifies.
    const failing = runAnalysis(engine, analysis, 'children_sample.csv', { session, classifyIn: 'typed', classifyHelper: client, heartbeat: () => { throw new Error('out of memory'); } });
    const ended = failing.then(() => 'ended', () => 'ended');
    await until(() => requests.length === 1);
    expect(await Promise.race([ended, new Promise((r) => setTimeout(() => r('running'), 200))])).toBe('running');
    reply({ id: requests[0]!.id, typed: handle(requests[0]!) });
    await expect(failing).rejects.toThrow('out of memory');
    const again = runAnalysis(engine, edited(analysis), 'children_sample.csv', { session, classifyIn: 'typed', classifyHelper: client });
    await until(() => requests.length === 2);
    reply({ id: requests[1]!.id, typed: handle(requests[1]!) });
    expect((await again).rows).toEqual((await runAnalysis(engine, edited(analysis), 'children_sample.csv', { classifyIn: 'typed' })).rows);
  }, 20_000);

  for (const event of ['error', 'messageerror'] as const) {
    it(`classifies on this thread, without waiting, once the helper is gone (${event}) before any request`, async () => {
      const { port, emit } = fakePort();
      const client = classifyClient(port);
      emit(event, { message: 'out of memory' });
      const session = new AnalysisSession();
      const r = await runAnalysis(engine, analysis, 'children_sample.csv', { session, classifyIn: 'typed', classifyHelper: client });
      expect(r.rows).toEqual((await runAnalysis(engine, analysis, 'children_sample.csv', { classifyIn: 'typed' })).rows);
      const e = await runAnalysis(engine, edited(analysis), 'children_sample.csv', { session, classifyIn: 'typed', classifyHelper: client });
      expect(e.rows).toEqual((await runAnalysis(engine, edited(analysis), 'children_sample.csv', { classifyIn: 'typed' })).rows);
    }, 10_000);
  }

  it('classifies an edit on this thread when the helper holding the role columns is gone between runs', async () => {
    const { handle, requests, reply, emit, client, session } = answeredByTest();
    const first = runAnalysis(engine, analysis, 'children_sample.csv', { session, classifyIn: 'typed', classifyHelper: client });
    await until(() => requests.length === 1);
    reply({ id: requests[0]!.id, typed: handle(requests[0]!) });
    await first;
    emit('error', { message: 'out of memory' });
    const e = await runAnalysis(engine, edited(analysis), 'children_sample.csv', { session, classifyIn: 'typed', classifyHelper: client });
    expect(e.rows).toEqual((await runAnalysis(engine, edited(analysis), 'children_sample.csv', { classifyIn: 'typed' })).rows);
    expect(requests.length).toBe(1);
  }, 10_000);
});
