import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAnalysis } from '../analysis/analysisFile.js';
import { AnalysisSession } from '../analysis/analysisSession.js';
import { fusedPassApplies } from '../analysis/designPass.js';
import type { Engine } from '../analysis/engine/engine.js';
import { runAnalysis } from '../analysis/run.js';
import { shareReadings } from '../analysis/sharedReadings.js';
import { validateData } from '../analysis/validate.js';
import { ENGINES, REFERENCE_DIR, engineWithRows, loadRows } from './engines.js';

/**
 * The design pass reads each repeated reading of a mapped column by name (sharedReadings.ts), which
 * only shortens its statement: the same validation and the same numbers as the step-by-step path
 * (prepareDesign.ts, checkValues.ts), which builds each condition on its own.
 */
describe('shareReadings', () => {
  it('names a whole reading written more than once, in parentheses, longer first; leaves one written once', () => {
    const a = `(CASE WHEN "h1" = '98' THEN NULL ELSE TRY_CAST("h1" AS DOUBLE) END)`;
    const b = `COALESCE(regexp_full_match("u", '1'), FALSE)`;
    const once = `("x" IS NULL OR "x" = '')`;
    const sql = [`${a} + ${a} AS s`, `CASE WHEN ${b} AND isfinite${a} THEN 1 ELSE 0 END AS f`, `NOT ${b} AND ${once} AS g`];
    const out = shareReadings(sql, [b, once, a, 'TRY_CAST("h1" AS DOUBLE) // 100']);
    expect(out.columns).toEqual([`${a} AS _e0`, `${b} AS _e1`]);
    expect(out.sql).toEqual(['(_e0) + (_e0) AS s', 'CASE WHEN (_e1) AND isfinite(_e0) THEN 1 ELSE 0 END AS f', `NOT (_e1) AND ${once} AS g`]);
  });
});

describe.each(ENGINES)('the design pass with shared readings on %s', (engineName) => {
  // The reference sample with its work hours split over the seven days of the week and its chores
  // over three columns, as a diary module records them, with the codes and spellings files hold
  // (`good`) and with values the validation refuses (`bad`).
  const lines = readFileSync(`${REFERENCE_DIR}children_sample.csv`, 'utf8').trim().split('\n');
  const head = lines[0]!.split(',');
  const days = ['lun', 'mar', 'mer', 'jeu', 'ven', 'sam', 'dim'];
  const columns = [...head, ...days.map((d) => `h_${d}`), 'ch_a', 'ch_b', 'ch_c'];
  const diary = (odd: string[]) => lines.slice(1).map((l, i) => {
    const cells: (string | null)[] = l.split(',');
    const work = Number(cells[head.indexOf('econ_hours')] || 0);
    const chores = Number(cells[head.indexOf('chores_hours')] || 0);
    const split = (total: number, n: number, k: number) => (k === n - 1 ? total - (n - 1) * Math.floor(total / n) : Math.floor(total / n));
    const week = days.map((_, k) => String(split(work, 7, k)));
    const home = [0, 1, 2].map((k) => String(split(chores, 3, k)));
    if (i % 23 === 0) week[i % 7] = odd[i % odd.length]!;
    if (i % 31 === 0) home[i % 3] = odd[(i + 3) % odd.length]!;
    return [...cells, ...week, ...home].map((c) => (c === '' && i % 2 ? null : c));
  });
  let engine: Engine;
  beforeAll(async () => {
    engine = await engineWithRows(engineName, columns, diary(['98', '98.00', '', 'n/a', '099', '99.0']));
    await engine.run('CREATE TABLE good AS SELECT * FROM src');
    await loadRows(engine, columns, diary(['98', '-1', '200', 'x', '099']), 'bad');
  }, 120_000);
  afterAll(() => engine?.close());

  const path = new URL('./fixtures/reference.analysis.json', import.meta.url).pathname;
  const base = JSON.parse(readFileSync(path, 'utf8'));
  const mapping = {
    ...base.mapping,
    econHours: { columns: days.map((d) => `h_${d}`), missingCodes: ['98', '99'] },
    choresHours: { columns: ['ch_a', 'ch_b', 'ch_c'], missingCodes: ['98', '99'], blank: 'zero' },
    absentFromJob: { columns: ['absent_job'], yes: ['1'], missingCodes: ['9'] },
  };
  // The same cells with the weight column named as a shared reading is: the step-by-step path.
  const analyses = (policy: 'unknown' | 'mics') => [mapping, { ...mapping, weight: '_e0' }].map((m) =>
    parseAnalysis(JSON.stringify({ ...base, mapping: m, options: { ...base.options, missingHours: policy } }), path));

  const both = async (policy: 'unknown' | 'mics', table: string) => {
    const out = [];
    for (const [k, a] of analyses(policy).entries()) {
      await engine.run(`CREATE OR REPLACE TABLE src AS SELECT * ${k ? 'RENAME (weight AS _e0) ' : ''}FROM ${table}`);
      const session = new AnalysisSession();
      const report = await validateData(engine, a, 'diary.csv', undefined, { session });
      const texts = report.findings.map((msg) => `${msg.code} ${JSON.stringify(msg.params)}`.replaceAll('_e0', 'weight'));
      const result = report.ok ? await runAnalysis(engine, a, 'diary.csv', { session, valuesChecked: true }) : null;
      out.push({ texts, result, fused: fusedPassApplies(a.mapping) && !!session.pass });
    }
    return out;
  };

  it.each(['unknown', 'mics'] as const)('missing hours "%s": the same messages and numbers as the step-by-step path', async (policy) => {
    const [a, b] = await both(policy, 'good');
    expect([a!.fused, b!.fused]).toEqual([true, false]);
    expect(a!.texts).toEqual(b!.texts);
    expect(a!.result?.rows.length).toBeGreaterThan(100);
    expect(a!.result!.rows).toEqual(b!.result!.rows);
  }, 120_000);

  it('values the validation refuses: the same messages, rows and values as the step-by-step path', async () => {
    const [a, b] = await both('unknown', 'bad');
    expect([a!.fused, b!.fused]).toEqual([true, false]);
    expect(a!.result).toBeNull();
    expect(a!.texts).toEqual(b!.texts);
    expect(a!.texts.filter((t) => t.startsWith('HOURS_OUT_OF_RANGE') || t.startsWith('VALUE_NOT_NUMERIC')).length).toBeGreaterThanOrEqual(2);
  }, 120_000);
});
