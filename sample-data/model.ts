/**
 * The shared model of the SYNTHETIC sample data (sample-data/generate.ts): the seeded random numbers,
 * one child's answers drawn from a made-up logistic model, and plain CSV writing. Nothing here is real
 * survey data. Split from generate.ts unchanged, so the files it wrote keep every byte.
 */
import { mulberry32 } from '../scripts/seeded.js';

// ---------------------------------------------------------------------------------------------
// Random numbers. mulberry32 (scripts/seeded.ts): tiny, fast, good enough for simulation, identical on every platform.
// Each file gets its own stream (generate.ts lists them: SEED, SEED + 1, ...) so changing one file's model leaves the others intact.
// ---------------------------------------------------------------------------------------------
export class Rng {
  private readonly u: () => number;
  constructor(seed: number) {
    this.u = mulberry32(seed);
  }
  next(): number {
    return this.u();
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.u() * (hi - lo + 1));
  }
  bern(p: number): boolean {
    return this.u() < p;
  }
  /** Standard normal (Box-Muller, one value per call: simpler to keep deterministic). */
  normal(): number {
    const u1 = 1 - this.u(); // in (0, 1], so log is finite
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * this.u());
  }
  /** Index drawn with probabilities proportional to `w`. */
  pick(w: number[]): number {
    let r = this.u() * w.reduce((s, x) => s + x, 0);
    for (let i = 0; i < w.length; i++) if ((r -= w[i]!) < 0) return i;
    return w.length - 1;
  }
  /** Log-normal hours with the given median; the spread gives the long right tail seen in real data. */
  hours(median: number, sd: number, max: number): number {
    return Math.max(1, Math.min(max, Math.round(median * Math.exp(sd * this.normal()))));
  }
}

export const logistic = (x: number) => 1 / (1 + Math.exp(-x));

// ---------------------------------------------------------------------------------------------
// The shared child model. Both files use it, each with its own regions and coding.
// Effects are on the logit scale. Choices follow the patterns in shared/definitions.md section 6:
// rural > urban, boys more in economic activity, girls more in long chores, activity rising with age,
// poorer households working more, work keeping children out of school.
// ---------------------------------------------------------------------------------------------
export interface Place {
  regionEffect: number; // fixed region effect: spreads prevalence from ~5 % to ~22 %
  rural: boolean;
  clusterEffect: number; // cluster random effect (shared by all children of a cluster) -> deff ~ 1.5-3
  choreEffect: number; // separate cluster effect for chores (water/firewood access is very local)
  /**
   * Logit shifts of an earlier survey round (sample-data/micsSurvey.ts, the 2017 baseline): more economic
   * activity, heavier work, more water/firewood fetching, more children out of school. Absent for the current files;
   * adding 0 leaves every value bit for bit as it was, so those files do not change.
   */
  shift?: { econ: number; hazard: number; chores: number; school: number };
}

export interface Child {
  age: number;
  male: boolean;
  quintile: number; // wealth quintile 1 (poorest) .. 5
  employed: boolean; // worked >= 1 h in the reference week, or temporarily absent from work
  absent: boolean; // employed but did not work in the week
  hours: number; // hours of economic activity in the week (0 if none or absent)
  hazardProne: number; // 0..1 scale of exposure; each file turns it into its own hazard flags
  water: number; // hours fetching water (0 = did not)
  wood: number; // hours collecting firewood
  otherChores: number; // hours of other household chores
  inSchool: boolean;
}

export function drawChild(rng: Rng, p: Place, quintile: number): Child {
  // Ages 5-17, slightly more younger children, as in a young population pyramid.
  const age = 5 + rng.pick([9, 9, 9, 8.5, 8.5, 8.5, 8, 8, 8, 7.5, 7.5, 7, 7]);
  const male = rng.bern(0.51);
  const rural = p.rural ? 1 : 0;
  // Economic activity: age is the strongest driver; boys +, rural +, poorer +.
  const eta =
    -2.35 + p.regionEffect + 0.75 * rural + 0.2 * (age - 11) + (male ? 0.3 : -0.3) - 0.2 * (quintile - 3) + p.clusterEffect +
    (p.shift?.econ ?? 0);
  let employed = rng.bern(logistic(eta));
  // A few children have work but were away from it last week (illness, school exams, off-season).
  const absent = !employed && rng.bern(0.08 * logistic(eta));
  employed ||= absent;
  // Hours: median grows with age (a 5-year-old helping ~5 h, a 17-year-old ~25 h); rural work is longer.
  const hours = employed && !absent ? rng.hours((4 + 1.6 * (age - 5)) * (p.rural ? 1.15 : 1), 0.75, 84) : 0;
  // Propensity to report hazardous conditions: older children and boys do heavier work; rural work
  // (farm tools, loads, sun) more so; shares the cluster effect (same crops/mines in one place).
  const hazardProne = employed
    ? logistic(-2.0 + 0.12 * (age - 11) + (male ? 0.25 : -0.25) + 0.3 * rural + 0.5 * p.clusterEffect + (p.shift?.hazard ?? 0))
    : 0;
  // Chores: water and firewood are rural and local (cluster effect); other chores are near universal
  // and fall more on girls and older children (that is what narrows the sex gap in the chores measure).
  const water = rng.bern(logistic(-1.7 + 1.3 * rural + (male ? -0.2 : 0.2) + p.choreEffect + (p.shift?.chores ?? 0))) ? rng.hours(p.rural ? 4 : 3, 0.6, 40) : 0;
  const wood = rng.bern(logistic(-3 + 2 * rural + 0.08 * (age - 11) + p.choreEffect + (p.shift?.chores ?? 0))) ? rng.hours(3.5, 0.6, 40) : 0;
  const otherChores = rng.bern(0.6 + 0.025 * (age - 5))
    ? rng.hours((male ? 3.5 : 6) * (1 + 0.07 * (age - 5)) * (1 + 0.15 * rural), 0.7, 70)
    : 0;
  const totalChores = water + wood + otherChores;
  // School: late entry at 5-6, dropout from 13; work, long chores, rural and poverty all push out.
  const notIn =
    -3.1 + (age === 5 ? 2 : age === 6 ? 0.8 : 0) + 0.3 * Math.max(0, age - 12) + 0.5 * rural - 0.3 * (quintile - 3) +
    (employed ? 0.8 : 0) + (hours >= 20 ? 0.8 : 0) + (totalChores >= 21 ? 0.5 : 0) + (p.shift?.school ?? 0);
  return { age, male, quintile, employed, absent, hours, hazardProne, water, wood, otherChores, inSchool: !rng.bern(logistic(notIn)) };
}

// Cluster-level wealth: urban clusters richer; children's quintiles scatter around their cluster.
export function drawQuintile(rng: Rng, clusterWealth: number): number {
  const z = clusterWealth + 0.8 * rng.normal();
  return z < -0.84 ? 1 : z < -0.25 ? 2 : z < 0.25 ? 3 : z < 0.84 ? 4 : 5;
}

// ---------------------------------------------------------------------------------------------
// CSV writing: plain UTF-8, no BOM, comma-separated, "\n" line ends, header row, no comments.
// ---------------------------------------------------------------------------------------------
export type Cell = string | number | null; // null -> empty cell
export function toCsv(header: string[], rows: Cell[][]): string {
  const esc = (c: Cell) => {
    const s = c === null ? '' : String(c);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [header, ...rows].map((r) => r.map(esc).join(',')).join('\n') + '\n';
}
export const yn = (b: boolean) => (b ? 1 : 2); // MICS yes/no codes
