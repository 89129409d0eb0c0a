import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAnalysis, type ResolvedAnalysis } from '../analysis/analysisFile.js';
import { AnalysisSession } from '../analysis/analysisSession.js';
import { designPass } from '../analysis/designPass.js';
import type { Engine } from '../analysis/engine/engine.js';
import { runAnalysis } from '../analysis/run.js';
import { valueConditions } from '../analysis/checkValues.js';
import { validateData } from '../analysis/validate.js';
import { ENGINES, REFERENCE_DIR, engineWithCsv } from './engines.js';

/**
 * The design pass (designPass.ts): the validation's counts and the prepared design from one scan of
 * the raw table. Its counts of any number of conditions (30 to a flag column) are those of a COUNT
 * FILTER per condition; a session never reuses a design whose tables another mapping's pass replaced.
 */
const path = new URL('./fixtures/reference.analysis.json', import.meta.url).pathname;
const base = JSON.parse(readFileSync(path, 'utf8'));
const analysis: ResolvedAnalysis = parseAnalysis(JSON.stringify(base), path);

describe.each(ENGINES)('the design pass on %s', (engineName) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await engineWithCsv(engineName, { src: `${REFERENCE_DIR}children_sample.csv` });
  }, 120_000);
  afterAll(() => engine?.close());

  it('counts 70 conditions (three flag columns) as one COUNT FILTER each would', async () => {
    const conditions = [
      ...valueConditions(analysis.mapping, {}),
      ...Array.from({ length: 50 }, (_, i) => `TRY_CAST(weight AS DOUBLE) > ${100 + 20 * i}`),
      `trim(sex) = '2'`,
      `econ_hours IS NULL OR trim(econ_hours) = ''`,
      'FALSE',
    ];
    const pass = await designPass(engine, analysis.mapping, {}, conditions);
    const [direct] = await engine.query(`SELECT ${conditions.map((c, i) => `COUNT(*) FILTER (WHERE ${c})::BIGINT AS c${i}`).join(', ')} FROM src`);
    conditions.forEach((c, i) => expect(pass.counts.get(c), c).toBe(Number(direct![`c${i}`])));
    expect(conditions.filter((c) => pass.counts.get(c)! > 0).length).toBeGreaterThan(30);
  });

  it('does not reuse a prepared design whose tables another mapping replaced', async () => {
    const session = new AnalysisSession();
    const report = await validateData(engine, analysis, 'children_sample.csv', undefined, { session });
    expect(report.ok).toBe(true);
    const first = await runAnalysis(engine, analysis, 'children_sample.csv', { session, valuesChecked: true });
    // The validation of another mapping (regions as strata: other strata and PSU ids) replaces the
    // tables, and no run of it follows (the user goes back, or its report has errors); then an edited
    // threshold on the first mapping.
    const other = parseAnalysis(JSON.stringify({ ...base, mapping: { ...base.mapping, stratum: 'region' } }), path);
    await validateData(engine, other, 'children_sample.csv', undefined, { session });
    const edited = structuredClone(analysis);
    const ge = edited.frameworks[0]!;
    ge.bands = ge.bands.map((b) => (b.from === 12 ? { ...b, econ: { rule: 'hours' as const, min: 10 } } : b));
    const again = await runAnalysis(engine, edited, 'children_sample.csv', { session, valuesChecked: true });
    const fresh = await runAnalysis(engine, edited, 'children_sample.csv');
    expect(again.rows).toEqual(fresh.rows);
    expect(again.gaps).toEqual(fresh.gaps);
    expect(again.design).toEqual(first.design);
  }, 60_000);
});
