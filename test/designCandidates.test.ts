import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clusterCandidates } from '../analysis/designCandidates.js';
import type { Engine } from '../analysis/engine/engine.js';
import { emptyLabels } from '../analysis/import/labels.js';
import { ENGINES, engineWithRows, loadRows } from './engines.js';

/**
 * Cluster candidates from the data (clusterCandidates): a cluster column with an unhelpful name is
 * found by its values (many children per value, nested in the strata), on each engine.
 */
const COLS = ['hhid', 'strat', 'c7', 'c9', 'v3', 'wt', 'h12', 'sex', 'dist'];

/** 3 strata x 8 clusters x 5 children. c7: clusters numbered across the sample; c9: 1..8 in each stratum. */
function rows(): string[][] {
  const out: string[][] = [];
  let child = 0;
  for (let s = 1; s <= 3; s++) {
    for (let k = 1; k <= 8; k++) {
      for (let j = 0; j < 5; j++, child++) {
        out.push([
          `H${Math.floor(child / 2)}`, // a household id: 2 children per value
          `S${s}`,
          String((s - 1) * 8 + k),
          String(k),
          String(5 + (child % 13)), // age 5-17, in every stratum
          (100 + (child % 7) * 0.37).toFixed(2),
          String(child % 15), // hours 0-14: repeats, integer, not nested
          String(1 + (child % 2)),
          String(s * 2 + (k % 2)), // districts: 2 per stratum, nested but few
        ]);
      }
    }
  }
  return out;
}

describe.each(ENGINES)('clusterCandidates on %s', (engineName) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await engineWithRows(engineName, COLS, rows());
  });
  afterAll(() => engine?.close());

  it('finds the cluster column by its data when its name says nothing, nested before restarting ids', async () => {
    expect(await clusterCandidates(engine, 'src', { stratum: 'strat' })).toEqual(['c7', 'c9']);
  });

  it('without strata, ranks integer columns with many rows per value by their number of values', async () => {
    const got = await clusterCandidates(engine, 'src', { exclude: ['v3'] });
    expect(got[0]).toBe('c7');
    expect(got).not.toContain('hhid'); // 2 rows per value, and text
    expect(got).not.toContain('wt'); // not whole numbers
    expect(got).not.toContain('sex'); // 2 values
  });

  it('puts name and label matches first, and leaves out weights, ages and hours by their names or labels', async () => {
    await loadRows(engine, ['psu_code', 'wgt', 'age', 'hours', 'x1', 'x2'], rows().map((r) => [r[0]!, r[2]!, r[2]!, r[2]!, r[2]!, r[2]!]), 't2');
    const labels = { ...emptyLabels(), variables: { x1: 'Weight of the child', x2: 'Unité primaire de sondage' } };
    expect(await clusterCandidates(engine, 't2', { labels })).toEqual(['x2', 'psu_code']);
  });

  it('leaves out the household and line numbers of MICS and DHS files, which restart 1..k in every stratum as clusters numbered within it do', async () => {
    // c9 as HH2, hv002, HL1 and hvidx, and as a column labelled "Household number": none is a cluster; c9 itself still is.
    const names = ['HH2', 'hv002', 'HL1', 'hvidx', 'x9', 'strat', 'c9'];
    await loadRows(engine, names, rows().map((r) => [r[3]!, r[3]!, r[3]!, r[3]!, r[3]!, r[1]!, r[3]!]), 't3');
    const labels = { ...emptyLabels(), variables: { x9: 'Household number' } };
    expect(await clusterCandidates(engine, 't3', { stratum: 'strat', labels })).toEqual(['c9']);
  });

  it('without strata, leaves out numeric household ids, which have more values than the clusters (a probe: 7 rosters of 7 got the household id), months and mostly blank answers', async () => {
    // A roster: 3 children per household (numbered across the sample), 15 per cluster.
    // Nor a month (1-12), nor a question's answer blank for half the rows (hours of those who work: q301).
    const names = ['hhid', 'HHNUM', 'directorio', 'codperso', 'y1', 'MES', 'q301', 'c7'];
    const hh = (r: string[], i: number) => String(Math.floor(i / 3) + 1);
    await loadRows(engine, names, rows().map((r, i) => [hh(r, i), hh(r, i), hh(r, i), hh(r, i), hh(r, i), String(1 + (i % 12)), i % 2 ? '' : String(i % 15), r[2]!]), 't6');
    const labels = { ...emptyLabels(), variables: { y1: 'Identifiant du ménage' } };
    expect(await clusterCandidates(engine, 't6', { labels })).toEqual(['c7']);
  });

  it('leaves out a column with one value per stratum (DHS hv023, the strata again): as clusters, one PSU in each stratum', async () => {
    // 30 strata x 4 clusters x 3 children: hv023 repeats the stratum's number, hv021 numbers the clusters.
    const t: string[][] = [];
    for (let s = 1; s <= 30; s++) for (let k = 1; k <= 4; k++) for (let j = 0; j < 3; j++) t.push([String(s), String(s), String((s - 1) * 4 + k)]);
    await loadRows(engine, ['hv022', 'hv023', 'x21'], t, 't4');
    expect(await clusterCandidates(engine, 't4', { stratum: 'hv022' })).toEqual(['x21']);
  });

  it('leaves out DHS strata columns and columns named or labelled as strata when no stratum is mapped (a probe: hv023 suggested as the cluster)', async () => {
    // 40 strata of 3 clusters numbered afresh in each (hv001 of a DHS file without its stratum), hv021 unique.
    const t: string[][] = [];
    for (let s = 1; s <= 40; s++) for (let k = 1; k <= 3; k++) for (let j = 0; j < 3; j++) t.push([String(s), String(s), String(s), String(s), String((s - 1) * 3 + k)]);
    await loadRows(engine, ['hv022', 'hv023', 'strate', 'x5', 'hv021'], t, 't5');
    const labels = { ...emptyLabels(), variables: { x5: 'Sample stratum' } };
    expect(await clusterCandidates(engine, 't5', { labels })).toEqual(['hv021']);
  });

  it('honours exclude and limit', async () => {
    expect(await clusterCandidates(engine, 'src', { stratum: 'strat', exclude: ['c7'], limit: 1 })).toEqual(['c9']);
  });
});

describe.each(ENGINES)('clusterCandidates on a wide file, %s', (engineName) => {
  // 60 columns of repeated codes before the others: the per-stratum counts run 50 columns to a
  // query, so c7 and c9 are counted in the second query and merged by stratum.
  const fillers = Array.from({ length: 60 }, (_, j) => `q${j}`);
  let engine: Engine;
  beforeAll(async () => {
    engine = await engineWithRows(engineName, [...fillers, ...COLS], rows().map((r, i) => [...fillers.map((_, j) => String(1 + ((i + j) % 4))), ...r]));
  });
  afterAll(() => engine?.close());

  it('finds the same clusters, in the same order', async () => {
    expect(await clusterCandidates(engine, 'src', { stratum: 'strat' })).toEqual(['c7', 'c9']);
  });
});
