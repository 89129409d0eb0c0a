import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveAnalysis } from '../analysis/analysisFile.js';
import type { Engine } from '../analysis/engine/engine.js';
import { runAnalysis, type ResultRow } from '../analysis/run.js';
import { ENGINES, loadRows } from './engines.js';
import { engineFor } from './import/sources.js';

/**
 * A domain whose every child with a known answer is in the indicator, while others' hours are unknown
 * (98, declared missing: they leave the indicator's domain). R's svymean gives exactly 1 and SE 0 (each
 * PSU's score T_c - W_c is 0), so the logit interval and the design effect are not defined (NA). The
 * pass sums the denominator as W less the unknown rows' weight and the numerator over the rows at 1:
 * without the count of rows at 1 it gave 0.9999999999999998, SE 3e-9, a design effect of 13 and the
 * interval (0, 1), flagged ok (found by a probe against R).
 */
const DIR = new URL('./fixtures/import/formats/', import.meta.url).pathname;
const json = JSON.parse(readFileSync(DIR + 'survey.analysis.json', 'utf8'));
const HEAD = readFileSync(DIR + 'survey.csv', 'utf8').split('\n')[0]!.split(',');

/** 96 children aged 5-11 in 2 strata of 4 PSUs; boys all working 20 hours but every fifth at 98 (unknown); girls mixed. */
function rows(): (string | null)[][] {
  return Array.from({ length: 96 }, (_, i) => {
    const psu = (i % 8) + 1;
    const boy = i < 48;
    const cells: Record<string, string | null> = {
      hhid: String(1000 + i), stratum: String(1 + (psu % 2)), psu: String(psu), region: psu === 1 ? 'B' : 'A', region_code: '1', area: String(1 + (i % 2)),
      sex: boy ? '1' : '2', age: String(5 + (i % 7)), weight: (100 + ((i * 37) % 50) + 0.1234567 * i).toFixed(7),
      econ_hours: boy ? (i % 5 === 0 ? '98' : '20') : i % 3 === 0 ? '0' : '20', absent: '0', chores_hours: '0', isic: null, isco: null,
      heavy_loads: '0', night_work: '0', school: '1', comment: null,
    };
    return HEAD.map((h) => cells[h] ?? null);
  });
}

describe.each(ENGINES)('a domain at 100 %% with unknown answers beside it (%s)', (engineName) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await engineFor(engineName, []);
  }, 60_000);
  afterAll(() => engine?.close());

  it('estimate exactly 1, SE exactly 0, no logit interval and no design effect, as R gives', async () => {
    await loadRows(engine, HEAD, rows());
    const a = resolveAnalysis({ ...json, breakdowns: [[], ['sex']] }, 'degenerate.json');
    const run = await runAnalysis(engine, a, 'degenerate.csv');
    const boys = run.rows.filter((r: ResultRow) => r.breakdown === 'sex' && r.cell.sex === '1' && r.indicator === 'children_in_employment');
    expect(boys.length).toBeGreaterThan(0);
    for (const r of boys) {
      expect(r.n_unweighted).toBe(38); // 48 boys less the ten at 98
      expect([r.estimate, r.se, r.ci_low, r.ci_high, r.deff, r.deff_replace, r.cv]).toEqual([1, 0, null, null, null, null, 0]);
      expect(r.total).toBe(r.population);
    }
    // The girls' share is not degenerate: an SE and an interval inside (0, 1).
    const girls = run.rows.find((r) => r.breakdown === 'sex' && r.cell.sex === '2' && r.indicator === 'children_in_employment')!;
    expect(girls.estimate!).toBeGreaterThan(0.5);
    expect(girls.estimate!).toBeLessThan(0.8);
    expect(girls.se!).toBeGreaterThan(0.001);
  }, 60_000);

  it('a domain held by one PSU (region B): its score is 0, an SE of 0 to rounding (R: about 1e-17) that is no precision, so no SE, interval or CV, and ONE_PSU_DOMAINS says so', async () => {
    await loadRows(engine, HEAD, rows());
    const a = resolveAnalysis({ ...json, breakdowns: [[], ['region']] }, 'degenerate.json');
    const run = await runAnalysis(engine, a, 'degenerate.csv');
    const b = run.rows.filter((r) => r.breakdown === 'region' && r.cell.region === 'B' && r.estimate !== null && r.estimate > 0 && r.estimate < 1);
    expect(b.length).toBeGreaterThan(0);
    for (const r of b) {
      expect(r.df).toBe(0);
      expect(r.flag).toBe('suppressed');
      expect([r.se, r.ci_low, r.ci_high, r.cv, r.deff_replace]).toEqual([null, null, null, null, null]);
    }
    expect(run.messages.filter((x) => x.code === 'ONE_PSU_DOMAINS').map((x) => x.params.where)).toEqual(['B']);
  }, 60_000);
});
