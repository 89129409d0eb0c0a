import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveAnalysis } from '../analysis/analysisFile.js';
import type { Engine } from '../analysis/engine/engine.js';
import { saveDeclaredMissing } from '../analysis/import/declaredMissing.js';
import { runAnalysis } from '../analysis/run.js';
import { ENGINES, loadRows } from './engines.js';
import { engineFor } from './import/sources.js';

/**
 * Hours of chores split over three columns (as MICS CL8/CL10/CL13 or an LFS by activity), summed to
 * compare with the 21-hour threshold. In binary floating point 0.2 + 16.9 + 3.9 is
 * 20.999999999999996; R's rowSums (long double) gives 21 and counts the child. A sum of several
 * columns is rounded to a millionth of an hour (analysis/mapping.ts hoursSum), in SQL and in the
 * typed classification alike, under both missing-hours policies.
 */
const COLUMNS = ['h', 'psu', 'w', 'age', 'sex', 'econ', 'c1', 'c2', 'c3'];
// Children aged 10, weight 1: chores of 21 (0.2 + 16.9 + 3.9), 0, 20.9 (10 + 10 + 0.9) and 21 (21 + 0 + 0).
const ROWS = [
  ['1', '1', '1', '10', '1', '0', '0.2', '16.9', '3.9'],
  ['1', '2', '1', '10', '2', '0', '0', '0', '0'],
  ['2', '3', '1', '10', '1', '0', '10', '10', '0.9'],
  ['2', '4', '1', '10', '2', '0', '21', '0', '0'],
];
const analysis = (missingHours: 'unknown' | 'mics') => resolveAnalysis({
  version: 1,
  data: { path: 'hours.csv' },
  mapping: {
    weight: 'w', stratum: 'h', psu: 'psu', age: 'age', sex: { column: 'sex', male: '1', female: '2' },
    econHours: { columns: ['econ'] }, choresHours: { columns: ['c1', 'c2', 'c3'] },
  },
  frameworks: [{ preset: 'sdg_871' }],
  indicators: ['child_labour'],
  breakdowns: [[]],
  options: { missingHours },
}, 'hours.json');

describe.each(ENGINES)('hours summed over several columns on %s', (name) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await engineFor(name, []);
    await loadRows(engine, COLUMNS, ROWS);
    await saveDeclaredMissing(engine, 'src', {});
  });
  afterAll(() => engine?.close());

  it.each([
    ['unknown', 'sql'], ['unknown', 'typed'], ['mics', 'sql'], ['mics', 'typed'],
  ] as const)('0.2 + 16.9 + 3.9 hours meet the 21-hour threshold (policy %s, classified in %s)', async (policy, where) => {
    const r = await runAnalysis(engine, analysis(policy), 'hours.csv', { classifyIn: where });
    const total = r.rows.find((x) => x.breakdown === 'total' && x.indicator === 'child_labour')!;
    // Two of the four children: the first (21 in parts) and the last (21 in one column).
    expect(total.estimate).toBe(0.5);
  });
});
