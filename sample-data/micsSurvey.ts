/**
 * One round of the SYNTHETIC MICS6-style survey (sample-data/generate.ts): clusters, households, one
 * selected child 5-17 per household, and the merged child file (like a MICS fs.sav with the household
 * and member columns merged in). Nothing here is real survey data. The current round is the code that
 * used to sit in generate.ts, unchanged draw for draw, so mics6_synthetic_fs.csv keeps every byte; the
 * 2017 baseline round runs the same code on its own streams, with its own region codes and a trend.
 */
import { drawChild, drawQuintile, Rng, yn, type Cell, type Child, type Place } from './model.js';

export interface MicsRegion {
  /** HH7 code in this round's files. */
  code: number;
  name: string;
  /** Fixed region effect on the logit of economic activity (spreads prevalence from ~5 % to ~22 %). */
  effect: number;
  /** Share of the region's clusters that are urban. */
  urbanShare: number;
  /** Households in the population (thousands). */
  popK: number;
}

export interface MicsRound {
  /** Stream of the clusters and the completed interviews. */
  seed: number;
  /** Stream of the interviews not completed, so that the completed children and their weights do not depend on them. */
  nonResponseSeed: number;
  /** Regions in the order their clusters are numbered. */
  regions: MicsRegion[];
  /** Stratum code of a region code and an area (1 urban, 2 rural). */
  stratum: (region: number, area: number) => number;
  /** Clusters of a stratum holding all of a 400,000-household region (30 in the current round). */
  clusterBase: number;
  /** Trend of an earlier round (model.ts Place.shift). */
  shift?: Place['shift'];
}

/** One sampled household: its row of the merged child file and what the file set split needs. */
export interface MicsHousehold {
  hh1: number;
  /** Household number within the cluster, in file order. */
  hh2: number;
  region: MicsRegion;
  area: number;
  /** The cluster's wealth level (drawQuintile), for households whose quintile is not in the row. */
  clusterWealth: number;
  /** The region and cluster effects of the child model, for the file set's correlated background. */
  place: Place;
  /** The row of the merged child file, columns MICS_HEADER. */
  row: Cell[];
  /** The selected child's answers (null when the interview was not completed). */
  child: Child | null;
  /** Children 5-17 in the household (the selection factor of the weight); null when not completed. */
  kids: number | null;
}

export const MICS_HEADER = ('HH1 HH7 HH6 stratum fsweight FS17 HL4 CB3 CB7 windex5 CL1A CL1B CL1C CL1X CL2 CL3 CL4 CL5 ' +
  'CL6A CL6B CL6C CL6D CL6E CL6X CL7 CL8 CL9 CL10 CL11A CL11B CL11C CL11D CL11E CL11F CL11X CL13').split(' ');

/** FS17 codes of interviews that were not completed: not at home, refused, partly completed, incapacitated. */
const FS17_NOT_COMPLETED = [2, 3, 4, 6];

/**
 * The round's households, one selected child each, in file order (HH1, then HH2). 2 areas per region
 * = strata; 25-40 completed interviews per cluster and 0-3 not completed.
 */
export function micsSurvey(round: MicsRound): MicsHousehold[] {
  const rng = new Rng(round.seed);
  // Interviews not completed come from their own stream, so the completed children, their weights
  // and every estimate on them are those of the file without them.
  const nonResponse = new Rng(round.nonResponseSeed);
  const out: MicsHousehold[] = [];
  const completed: Cell[][] = [];
  const rawWeights: number[] = [];
  let hh1 = 0;
  for (const region of round.regions) {
    const { effect: regionEffect, urbanShare, popK } = region;
    for (const area of [1, 2]) {
      const share = area === 1 ? urbanShare : 1 - urbanShare;
      // Cluster allocation is not proportional (small strata get a floor of 8 clusters): that is what
      // makes normalised weights differ between strata, as in a real MICS.
      const nClusters = Math.max(8, Math.round(round.clusterBase * share * (0.7 + 0.3 * popK / 400)));
      const popHouseholds = popK * 1000 * share;
      for (let c = 0; c < nClusters; c++) {
        hh1++;
        let hh2 = 0;
        const m = rng.int(25, 40);
        const place: Place = { regionEffect, rural: area === 2, clusterEffect: 0.45 * rng.normal(), choreEffect: 0.5 * rng.normal() };
        if (round.shift) place.shift = round.shift;
        const wealth = (area === 1 ? 0.7 : -0.5) - 0.3 * regionEffect + 0.45 * rng.normal();
        // Cluster-level non-response adjustment varies the weight between clusters of one stratum.
        const clusterWeight = (popHouseholds / (nClusters * round.clusterBase)) * (0.85 + 0.3 * rng.next());
        const base = { hh1, region, area, clusterWealth: wealth, place };
        for (let h = 0; h < m; h++) {
          // One child is selected at random among the household's children aged 5-17, so the child's
          // weight is multiplied by that number: the source of within-cluster weight variation.
          const kids = 1 + rng.pick([40, 30, 18, 8, 4]);
          rawWeights.push(clusterWeight * kids);
          const child = drawChild(rng, place, drawQuintile(rng, wealth));
          const row = micsRow(rng, hh1, region.code, round.stratum(region.code, area), area, child);
          completed.push(row);
          out.push({ ...base, hh2: ++hh2, row, child, kids });
        }
        // About 4 % of selected children were not interviewed: the household listing gives their sex
        // and age, the module is blank, and MICS gives them fsweight 0 (definitions.md section 4).
        for (let k = nonResponse.int(0, 3); k > 0; k--) {
          const fs17 = FS17_NOT_COMPLETED[nonResponse.pick([45, 20, 10, 25])]!;
          const sex = nonResponse.bern(0.5) ? 1 : 2;
          const row = [hh1, region.code, area, round.stratum(region.code, area), '0.000000', fs17, sex, nonResponse.int(5, 17), null, null, ...Array(26).fill(null)];
          out.push({ ...base, hh2: ++hh2, row, child: null, kids: null });
        }
      }
    }
  }
  // MICS normalises weights so they sum to the number of interviewed children.
  const scale = completed.length / rawWeights.reduce((s, w) => s + w, 0);
  completed.forEach((row, i) => (row[4] = (rawWeights[i]! * scale).toFixed(6)));
  return out;
}

function micsRow(rng: Rng, hh1: number, region: number, stratum: number, area: number, ch: Child): Cell[] {
  const rural = area === 2;
  const working = ch.employed && !ch.absent;
  // CL1: which activities. Rural children mostly farm (A); urban ones help in a business (B) or
  // make/sell things (C). Each working child has at least one yes; ~0.3 % of answers are 9 (no response).
  const cl1 = [false, false, false, false];
  if (working) {
    cl1[rng.pick(rural ? [75, 12, 10, 3] : [25, 35, 30, 10])] = true;
    for (let i = 0; i < 4; i++) if (rng.bern(0.12)) cl1[i] = true;
  }
  const cl1Codes: Cell[] = cl1.map((b) => (rng.bern(0.003) && !b ? 9 : yn(b)));
  // CL2 is skipped (blank) when any CL1 is yes.
  const cl2 = working ? null : yn(ch.absent);
  // CL3 hours, for children with activity last week; ~2 % don't know (98) or missing (99).
  const cl3 = working ? (rng.bern(0.02) ? (rng.bern(0.7) ? 98 : 99) : ch.hours) : null;
  // Hazard questions are asked of every child in employment (including those temporarily absent,
  // about their usual work); blank otherwise. Heavy loads are the most common exposure, heights rare.
  const hz = (base: number): Cell => (ch.employed ? yn(rng.bern(Math.min(0.95, base * ch.hazardProne * 1.4))) : null);
  const hazards = [hz(0.45), hz(0.25), hz(0.3), hz(0.22), hz(0.12), hz(0.1), hz(0.08), hz(0.03)];
  // Chores. CL8/CL10 blank when the chore was not done; a few hours unknown (98).
  const dk = (h: number) => (rng.bern(0.01) ? 98 : h);
  const other = ch.otherChores > 0;
  const cl11 = other
    ? [0.45, ch.male ? 0.35 : 0.75, 0.7, ch.male ? 0.3 : 0.6, 0.45, 0.1, 0.05].map((p) => rng.bern(p))
    : [false, false, false, false, false, false, false];
  if (other && !cl11.some(Boolean)) cl11[2] = true;
  return [
    hh1, region, area, stratum, null, 1, ch.male ? 1 : 2, ch.age, yn(ch.inSchool), ch.quintile,
    ...cl1Codes, cl2, cl3, ...hazards,
    yn(ch.water > 0), ch.water > 0 ? dk(ch.water) : null,
    yn(ch.wood > 0), ch.wood > 0 ? dk(ch.wood) : null,
    ...cl11.map(yn), other ? dk(ch.otherChores) : null,
  ];
}
