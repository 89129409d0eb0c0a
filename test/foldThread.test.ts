import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAnalysis } from '../analysis/analysisFile.js';
import { foldThread } from '../analysis/cli/foldThread.js';
import { timingLine } from '../analysis/cli/timingLine.js';
import type { Engine } from '../analysis/engine/engine.js';
import { helperShare } from '../analysis/foldHelper.js';
import { runAnalysis } from '../analysis/run.js';
import { REFERENCE_DIR, engineWithCsv } from './engines.js';

/**
 * The command line's second thread for the estimation pass (foldHelper.ts, cli/foldThread.ts): its
 * share of the work, and a thread that fails (the main thread folds its share). (That its moments are the main thread's to the bit is
 * checked in domainMoments.test.ts, on both engines.)
 */
const path = new URL('./fixtures/reference.analysis.json', import.meta.url).pathname;
const analysis = parseAnalysis(readFileSync(path, 'utf8'), path);
const ROOT = new URL('..', import.meta.url).pathname;
const WORKER = `${ROOT}dist/foldWorker.mjs`;

describe('the fold thread', () => {
  let engine: Engine;
  const dir = mkdtempSync(join(tmpdir(), 'fold-thread-'));
  beforeAll(async () => {
    engine = await engineWithCsv('duckdb-native', { src: REFERENCE_DIR + 'children_sample.csv' });
  }, 60_000);
  afterAll(async () => {
    await engine?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('takes about half the standard breakdowns, the costliest (sex x age group) staying on the main thread', () => {
    const sex = { dim: 0, card: 2 };
    const age = { dim: 1, card: 5, expand: [[0, 3, 4], [1, 3, 4], [2, 4]] };
    const region = { dim: 2, card: 15 };
    const area = { dim: 3, card: 2 };
    const pair = (at: number) => ({ at, first: 0, second: 1 });
    const theirs = helperShare([[], [sex], [age], [sex, age], [region], [area], [region, sex]], [null, pair(0), null, pair(0), null, null, pair(1)]);
    expect(theirs).toEqual([0, 1, 2, 5]);
    expect(helperShare([[sex]], [pair(0)])).toEqual([]);
  });

  it('serves one file after another with each file’s own numbers (a rounds run)', async () => {
    const thread = foldThread(WORKER, 0)!;
    const alone = async () => runAnalysis(engine, analysis, 'children_sample.csv');
    try {
      const first = await runAnalysis(engine, analysis, 'children_sample.csv', { foldHelper: thread });
      expect(first.rows).toEqual((await alone()).rows);
      // The second "round": the same file without its first region's children.
      await engine.run(`CREATE TABLE whole AS SELECT * FROM src; DELETE FROM src WHERE region = (SELECT min(region) FROM src)`);
      const second = await runAnalysis(engine, analysis, 'children_sample.csv', { foldHelper: thread });
      const expected = await alone();
      expect(second.rows).toEqual(expected.rows);
      expect(second.gaps).toEqual(expected.gaps);
      expect(second.rows[0]!.n_unweighted).toBeLessThan(first.rows[0]!.n_unweighted);
    } finally {
      await engine.run(`CREATE OR REPLACE TABLE src AS SELECT * FROM whole; DROP TABLE whole`);
      await thread.close();
    }
  }, 60_000);

  for (const [what, body] of [
    ['fails as it starts', `throw new Error('boom at start');`],
    ['answers an error', `import { parentPort } from 'node:worker_threads';
parentPort.on('message', (m) => { if (m.type === 'fold') parentPort.postMessage({ error: 'boom in the fold' }); });`],
    ['stops in the fold', `import { parentPort } from 'node:worker_threads';
parentPort.on('message', (m) => { if (m.type === 'fold') process.exit(3); });`],
  ] as const) {
    it(`folds the thread's share on the main thread, with every row and gap of a run without it, when the thread ${what}`, async () => {
      const file = join(dir, `${what.replace(/ /g, '_')}.mjs`);
      writeFileSync(file, body);
      const thread = foldThread(file, 0)!;
      try {
        const r = await runAnalysis(engine, analysis, 'children_sample.csv', { foldHelper: thread });
        const alone = await runAnalysis(engine, analysis, 'children_sample.csv');
        expect(r.rows.length).toBeGreaterThan(100);
        expect(r.rows).toEqual(alone.rows);
        expect(r.gaps).toEqual(alone.gaps);
        // What --timing says: no breakdown folded on the thread, and why.
        expect(timingLine({ total: 1 }, r)).toMatch(new RegExp(`; 0 of ${analysis.breakdowns.length} breakdowns folded on a second thread \\(it failed: .*(boom|exit code 3)[^\\n]*\\)\\n$`));
        // The next run on the thread (a rounds file's next round) does the same.
        const next = await runAnalysis(engine, analysis, 'children_sample.csv', { foldHelper: thread });
        expect(next.rows).toEqual(alone.rows);
        expect(next.threaded).toBe(0);
      } finally {
        await thread.close();
      }
    }, 60_000);
  }

  // The built command line as a user runs it: the fold thread on (every file, however small) or off.
  for (const [what, file, args] of [
    ['a file', 'test/fixtures/reference.analysis.json', []],
    ['three survey rounds', 'test/fixtures/rounds/rounds3.analysis.json', ['--changes', 'changes.csv']],
  ] as const) {
    it(`writes the same results for ${what} with the thread as without`, () => {
      const out = (rows: string) => {
        const at = mkdtempSync(join(dir, 'cli-'));
        const run = spawnSync(process.execPath, ['analysis/cli/bin.mjs', 'run', file, '--out', join(at, 'results.csv'), ...args.map((a) => (a.endsWith('.csv') ? join(at, a) : a)), '--quiet', '--timing'], {
          cwd: ROOT, encoding: 'utf8', env: { ...process.env, CLSTATS_FOLD_THREAD_ROWS: rows },
        });
        expect(run.status, run.stderr).toBe(0);
        const files = [readFileSync(join(at, 'results.csv'), 'utf8'), ...args.filter((a) => a.endsWith('.csv')).map((a) => readFileSync(join(at, a), 'utf8'))];
        return { files, timing: run.stderr.split('\n').filter((l) => l.includes('timing (ms)')) };
      };
      const [threaded, alone] = [out('0'), out('1000000000')];
      expect(threaded.files[0]!.split('\n').length).toBeGreaterThan(100);
      expect(threaded.files).toEqual(alone.files);
      // The thread did fold (every round's run on it), and did not when the file is below its rows.
      expect(threaded.timing.length).toBe(args.length ? 3 : 1);
      for (const line of threaded.timing) expect(line).toMatch(/; \d+ of \d+ breakdowns folded on a second thread$/);
      for (const line of alone.timing) expect(line).not.toMatch(/second thread/);
    }, 120_000);
  }
});
