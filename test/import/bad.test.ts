import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveAnalysis } from '../../analysis/analysisFile.js';
import type { Engine } from '../../analysis/engine/engine.js';
import { importData, importOptionsOf } from '../../analysis/import/load.js';
import { AnalysisError, MESSAGES, type Message } from '../../analysis/messages.js';
import { runAnalysis } from '../../analysis/run.js';
import { validateData } from '../../analysis/validate.js';
import { ENGINES, type EngineName } from '../engines.js';
import { engineFor, sourceFor } from './sources.js';

/**
 * The corpus of malformed inputs (scripts/fixtures/make-bad.ts): each gives its catalogue code, on
 * each engine, through the whole path a user's file takes (import, validation report, estimate), and
 * nothing crashes: every failure is an AnalysisError with a code from the catalogue. The files are
 * never changed by reading them.
 */
const DIR = new URL('../fixtures/bad/', import.meta.url).pathname;
interface Case {
  file: string;
  code: keyof typeof MESSAGES;
  why: string;
  data?: Record<string, unknown>;
  mapping?: Record<string, unknown>;
  options?: Record<string, unknown>;
}
const CASES = JSON.parse(readFileSync(DIR + 'manifest.json', 'utf8')) as Case[];
const survey = JSON.parse(readFileSync(new URL('../fixtures/import/formats/survey.analysis.json', import.meta.url), 'utf8'));

/** Everything a user would see for a file: the error that stopped it, or the findings and messages. */
async function outcome(engine: Engine, engineName: EngineName, c: Case): Promise<{ stopped?: Message; seen: Message[] }> {
  const a = resolveAnalysis({
    ...survey,
    data: { path: c.file, ...c.data },
    mapping: { ...survey.mapping, ...c.mapping },
    options: { ...survey.options, ...c.options },
  }, 'bad.analysis.json');
  const seen: Message[] = [];
  try {
    const imported = await importData(engine, sourceFor(engineName, DIR + c.file), importOptionsOf(a.data));
    seen.push(...imported.messages);
    const report = await validateData(engine, a, c.file, imported.labels, { imported: imported.messages });
    seen.push(...report.findings);
    if (!report.ok) return { stopped: report.findings.find((f) => f.severity === 'error')!, seen };
    const result = await runAnalysis(engine, a, c.file);
    seen.push(...result.messages);
    return { seen };
  } catch (e) {
    if (!(e instanceof AnalysisError)) throw e; // a crash: the test fails with it
    return { stopped: e.msg, seen: [...seen, e.msg] };
  }
}

const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

describe('the corpus of malformed inputs', () => {
  it('has at least 30 files, each with a catalogue code', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
    for (const c of CASES) expect(MESSAGES[c.code], c.file).toBeDefined();
  });
});

describe.each(ENGINES)('malformed inputs on %s', (engineName) => {
  // One engine for the corpus: every import replaces the raw table, and a failed one leaves nothing used.
  let engine: Engine;
  beforeAll(async () => {
    engine = await engineFor(engineName, CASES.map((c) => DIR + c.file));
  });
  afterAll(() => engine?.close());
  it.each(CASES.map((c) => [`${c.file} (${c.why}): ${c.code}`, c] as const))('%s', async (_, c) => {
    const before = sha(DIR + c.file);
    const mtime = statSync(DIR + c.file).mtimeMs;
    const { stopped, seen } = await outcome(engine, engineName, c);
    const severity = MESSAGES[c.code].severity;
    if (severity === 'error') {
      expect(stopped?.code, seen.map((m) => m.code).join(', ')).toBe(c.code);
      expect(stopped!.text).not.toMatch(/\{\w+\}/); // every placeholder filled
    } else {
      // Warnings do not stop the estimate; they travel with the results.
      expect(stopped, stopped?.text).toBeUndefined();
      expect(seen.map((m) => m.code)).toContain(c.code);
    }
    expect(sha(DIR + c.file)).toBe(before);
    expect(statSync(DIR + c.file).mtimeMs).toBe(mtime);
  });
});
