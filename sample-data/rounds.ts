/**
 * The two rounds of the SYNTHETIC MICS6-style survey (sample-data/generate.ts writes them): the current
 * round (2023; mics6_synthetic_fs.csv and mics6/) and a baseline six years earlier (2017; mics6_2017/),
 * with their seeds, regions and codes. No side effects, so tests can import it. Not real data.
 *
 * Streams (mulberry32, model.ts Rng): SEED current round's children, SEED + 1 LFS-style file, SEED + 2
 * current round's interviews not completed, SEED + 3 current file set's new columns, SEED + 4 and + 5
 * the 2017 round's children and interviews not completed, SEED + 6 the 2017 file set's new columns.
 */
import type { MicsRegion, MicsRound } from './micsSurvey.js';

export const SEED = 20250807;

// The current round: 6 regions x urban/rural = 12 strata (code region*10 + area), 189 clusters, 25-40
// selected children per cluster, one child per household.
// [region effect, share of clusters that are urban, population households (thousands)]; the capital
// (6) is almost all urban and best off, region 1 is the poorest and most rural.
export const MICS_REGIONS: MicsRegion[] = [
  { code: 1, name: 'Northern Highlands', effect: 0.6, urbanShare: 0.2, popK: 420 },
  { code: 2, name: 'Eastern Plains', effect: 0.25, urbanShare: 0.3, popK: 380 },
  { code: 3, name: 'Central', effect: 0.1, urbanShare: 0.4, popK: 510 },
  { code: 4, name: 'Western Coast', effect: 0, urbanShare: 0.45, popK: 300 },
  { code: 5, name: 'Southern Lakes', effect: -0.25, urbanShare: 0.5, popK: 350 },
  { code: 6, name: 'Capital District', effect: -0.6, urbanShare: 0.9, popK: 640 },
];

export const CURRENT: MicsRound = {
  seed: SEED,
  nonResponseSeed: SEED + 2,
  regions: MICS_REGIONS,
  stratum: (region, area) => region * 10 + area,
  clusterBase: 30,
};

/** The years the two MICS-style rounds stand for (the data are synthetic; the years give the trend a time scale). */
export const CURRENT_YEAR = 2023;
export const BASELINE_YEAR = 2017;

// The 2017 baseline round (mics6_2017/): the same six regions, but coded 10-60 in alphabetical order, as
// the earlier survey's frame numbered them, so comparing the rounds needs a recode of HH7 (BASELINE_RECODE).
// Six years earlier: a little less urban, a smaller sample (clusterBase 24), and more work: +0.5 on the
// child's logit of economic activity, +0.3 on hazardous conditions, +0.2 on water and firewood, +0.3 on
// being out of school. Averaged over children and clusters that gives national odds of child labour and
// of hazardous work about 1.35 times the current round's (README.md "Two rounds").
export const BASELINE_REGIONS: MicsRegion[] = MICS_REGIONS
  .map((r) => ({ ...r, urbanShare: r.urbanShare - 0.04, popK: Math.round(r.popK * 0.92) }))
  .sort((a, b) => (a.name < b.name ? -1 : 1)) // plain code-unit order: the same on every machine
  .map((r, i) => ({ ...r, code: 10 * (i + 1) }));

/** HH7 of the 2017 round -> HH7 of the current round (the same region under its current code). */
export const BASELINE_RECODE: Record<number, number> = Object.fromEntries(
  BASELINE_REGIONS.map((r) => [r.code, MICS_REGIONS.find((c) => c.name === r.name)!.code]),
);

export const BASELINE: MicsRound = {
  seed: SEED + 4,
  nonResponseSeed: SEED + 5,
  regions: BASELINE_REGIONS,
  stratum: (region, area) => region * 10 + area,
  clusterBase: 24,
  shift: { econ: 0.5, hazard: 0.3, chores: 0.2, school: 0.3 },
};
