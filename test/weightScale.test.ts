import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveAnalysis } from '../analysis/analysisFile.js';
import type { Engine } from '../analysis/engine/engine.js';
import { LOCALES } from '../analysis/i18n/index.js';
import { formatMessageIn } from '../analysis/messages.js';
import { runAnalysis } from '../analysis/run.js';
import { validateData } from '../analysis/validate.js';
import { ENGINES, engineWithRows, loadRows } from './engines.js';
import { mulberry32 } from '../scripts/seeded.js';

/**
 * The scale of the weights, said with the results: normalised weights (MICS, DHS) give numbers of
 * sample children, DHS's stored x 1,000,000 a million times that; population weights say nothing.
 * Prevalences do not depend on the scale (the same estimates and SEs from the three files).
 */
const COLS = ['stratum', 'psu', 'w', 'sex', 'age', 'hours'];

/** 4 strata x 6 PSUs x 25 children, weights around `scale`, one child with weight 0. */
function rows(scale: number): string[][] {
  const rnd = mulberry32(7);
  const out: string[][] = [];
  for (let h = 1; h <= 4; h++) {
    for (let p = 1; p <= 6; p++) {
      for (let k = 0; k < 25; k++) {
        const w = out.length === 0 ? 0 : scale * (0.5 + rnd());
        out.push([String(h), String(p), String(w), String(1 + (k % 2)), String(5 + (k % 13)), String(Math.floor(rnd() * 30))]);
      }
    }
  }
  return out;
}

const analysis = () => resolveAnalysis({
  version: 1,
  data: { path: 'w.csv' },
  mapping: { weight: 'w', stratum: 'stratum', psu: 'psu', age: 'age', sex: { column: 'sex', male: '1', female: '2' }, econHours: { columns: ['hours'] } },
  frameworks: [{ preset: 'sdg_871_econ' }],
  indicators: ['children_in_employment'],
  breakdowns: [[], ['sex']],
}, 'w.analysis.json');

describe.each(ENGINES)('the scale of the weights on %s', (engineName) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await engineWithRows(engineName, COLS, rows(1));
  }, 60_000);
  afterAll(() => engine?.close());

  const run = async (scale: number) => {
    await loadRows(engine, COLS, rows(scale));
    return runAnalysis(engine, analysis(), 'w.csv');
  };

  it('normalised weights (mean about 1): an info with the sum and the number of children weighted', async () => {
    const r = await run(1);
    const [m] = r.messages.filter((x) => x.code === 'WEIGHTS_NORMALISED');
    expect(m).toMatchObject({ severity: 'info', params: { column: 'w', rows: 599 } });
    expect(formatMessageIn(m!, 'fr')).toContain('enfants de l\'échantillon');
    expect(r.messages.some((x) => x.code === 'WEIGHTS_SCALED_MILLION')).toBe(false);
    // The design effect without replacement needs population weights (1 - n/N): left empty; the one
    // with replacement stays (a walk: deff 144,136,745 beside deff_replace 2.79).
    expect(r.rows.map((x) => x.deff)).toEqual(r.rows.map(() => null));
    expect(r.rows.every((x) => x.deff_replace !== null && x.deff_replace > 0)).toBe(true);
    expect((await run(350)).rows.every((x) => x.deff !== null)).toBe(true);
  });

  it('DHS weights x 1,000,000: a warning; population weights: nothing; the same prevalences from all three', async () => {
    const normal = await run(1);
    const dhs = await run(1e6);
    const [m] = dhs.messages.filter((x) => x.code === 'WEIGHTS_SCALED_MILLION');
    expect(m?.severity).toBe('warning');
    expect(formatMessageIn(m!, 'en')).toMatch(/average 1,0\d\d,\d\d\d, about 1,000,000/);
    // The advice names the Map step's choice as the step shows it, in each language (a walk: «1 000 000» beside "1.000.000").
    for (const lang of ['en', 'fr', 'es'] as const) expect(formatMessageIn(m!, lang)).toContain((1e6).toLocaleString(LOCALES[lang]));
    // `clstats validate` says it too, before any run, in the run's own words.
    const report = await validateData(engine, analysis(), 'w.csv');
    expect(report.findings.filter((x) => x.code.startsWith('WEIGHTS_')).map((x) => x.text)).toEqual([m!.text]);
    // Normalised over households, DHS weights of children can average well above 1,000,000.
    expect((await run(1.6e6)).messages.filter((x) => x.code === 'WEIGHTS_SCALED_MILLION')).toHaveLength(1);
    const population = await run(350);
    expect((await validateData(engine, analysis(), 'w.csv')).findings.filter((x) => x.code.startsWith('WEIGHTS_'))).toEqual([]);
    expect(population.messages.filter((x) => x.code.startsWith('WEIGHTS_'))).toEqual([]);
    for (const other of [dhs, population]) {
      other.rows.forEach((row, i) => {
        expect(row.estimate).toBeCloseTo(normal.rows[i]!.estimate!, 12);
        expect(row.se).toBeCloseTo(normal.rows[i]!.se!, 12);
      });
    }
  });
});
