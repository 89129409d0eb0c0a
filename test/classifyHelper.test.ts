import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAnalysis, type ResolvedAnalysis } from '../analysis/analysisFile.js';
import { AnalysisSession } from '../analysis/analysisSession.js';
import { classifyClient, classifyRequestHandler, type ClassifyRequest } from '../analysis/classifyHelper.js';
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

function helper(fail = false) {
  const handle = classifyRequestHandler();
  const requests: ClassifyRequest[] = [];
  const client = classifyClient({
    postMessage(request, transfer) {
      const moved = structuredClone(request, { transfer });
      requests.push(moved);
      setTimeout(() => client.answer(fail ? { error: new Error('helper lost') } : { typed: handle(moved) }), 1);
    },
  });
  return { client, requests };
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
});
