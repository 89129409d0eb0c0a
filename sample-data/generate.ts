/**
 * SYNTHETIC sample data for the child labour statistics app. Nothing here is real survey data and
 * nothing resembles a real country: regions, clusters, weights and answers are all drawn from the
 * made-up model below. Run with `npx tsx sample-data/generate.ts` (or `npm run sample-data`); the
 * output is byte-for-byte deterministic for a given SEED (own PRNG, no Math.random, no clock).
 *
 * Writes, next to this file:
 *   mics6_synthetic_fs.csv            MICS6-style child file (one child 5-17 per household, like fs.sav)
 *   lfs_synthetic_children.csv        labour-force-survey-style child file (string codes, several children per household)
 *   mics6_synthetic.analysis.json     analysis files (format: analysis/types.ts AnalysisFile)
 *   lfs_synthetic.analysis.json
 * codebook.md and README.md are written by hand and describe these files.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AnalysisFile } from '../analysis/types.js';
import { mulberry32 } from '../scripts/seeded.js';

export const SEED = 20250807;
const OUT = dirname(fileURLToPath(import.meta.url));

// ---------------------------------------------------------------------------------------------
// Random numbers. mulberry32 (scripts/seeded.ts): tiny, fast, good enough for simulation, identical on every platform.
// Each file gets its own stream (SEED, SEED + 1) so changing one file's model leaves the other intact.
// ---------------------------------------------------------------------------------------------
class Rng {
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

const logistic = (x: number) => 1 / (1 + Math.exp(-x));

// ---------------------------------------------------------------------------------------------
// The shared child model. Both files use it, each with its own regions and coding.
// Effects are on the logit scale. Choices follow the patterns in shared/definitions.md section 6:
// rural > urban, boys more in economic activity, girls more in long chores, activity rising with age,
// poorer households working more, work keeping children out of school.
// ---------------------------------------------------------------------------------------------
interface Place {
  regionEffect: number; // fixed region effect: spreads prevalence from ~5 % to ~22 %
  rural: boolean;
  clusterEffect: number; // cluster random effect (shared by all children of a cluster) -> deff ~ 1.5-3
  choreEffect: number; // separate cluster effect for chores (water/firewood access is very local)
}

interface Child {
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

function drawChild(rng: Rng, p: Place, quintile: number): Child {
  // Ages 5-17, slightly more younger children, as in a young population pyramid.
  const age = 5 + rng.pick([9, 9, 9, 8.5, 8.5, 8.5, 8, 8, 8, 7.5, 7.5, 7, 7]);
  const male = rng.bern(0.51);
  const rural = p.rural ? 1 : 0;
  // Economic activity: age is the strongest driver; boys +, rural +, poorer +.
  const eta =
    -2.35 + p.regionEffect + 0.75 * rural + 0.2 * (age - 11) + (male ? 0.3 : -0.3) - 0.2 * (quintile - 3) + p.clusterEffect;
  let employed = rng.bern(logistic(eta));
  // A few children have work but were away from it last week (illness, school exams, off-season).
  const absent = !employed && rng.bern(0.08 * logistic(eta));
  employed ||= absent;
  // Hours: median grows with age (a 5-year-old helping ~5 h, a 17-year-old ~25 h); rural work is longer.
  const hours = employed && !absent ? rng.hours((4 + 1.6 * (age - 5)) * (p.rural ? 1.15 : 1), 0.75, 84) : 0;
  // Propensity to report hazardous conditions: older children and boys do heavier work; rural work
  // (farm tools, loads, sun) more so; shares the cluster effect (same crops/mines in one place).
  const hazardProne = employed
    ? logistic(-2.0 + 0.12 * (age - 11) + (male ? 0.25 : -0.25) + 0.3 * rural + 0.5 * p.clusterEffect)
    : 0;
  // Chores: water and firewood are rural and local (cluster effect); other chores are near universal
  // and fall more on girls and older children (that is what narrows the sex gap in the chores measure).
  const water = rng.bern(logistic(-1.7 + 1.3 * rural + (male ? -0.2 : 0.2) + p.choreEffect)) ? rng.hours(p.rural ? 4 : 3, 0.6, 40) : 0;
  const wood = rng.bern(logistic(-3 + 2 * rural + 0.08 * (age - 11) + p.choreEffect)) ? rng.hours(3.5, 0.6, 40) : 0;
  const otherChores = rng.bern(0.6 + 0.025 * (age - 5))
    ? rng.hours((male ? 3.5 : 6) * (1 + 0.07 * (age - 5)) * (1 + 0.15 * rural), 0.7, 70)
    : 0;
  const totalChores = water + wood + otherChores;
  // School: late entry at 5-6, dropout from 13; work, long chores, rural and poverty all push out.
  const notIn =
    -3.1 + (age === 5 ? 2 : age === 6 ? 0.8 : 0) + 0.3 * Math.max(0, age - 12) + 0.5 * rural - 0.3 * (quintile - 3) +
    (employed ? 0.8 : 0) + (hours >= 20 ? 0.8 : 0) + (totalChores >= 21 ? 0.5 : 0);
  return { age, male, quintile, employed, absent, hours, hazardProne, water, wood, otherChores, inSchool: !rng.bern(logistic(notIn)) };
}

// Cluster-level wealth: urban clusters richer; children's quintiles scatter around their cluster.
function drawQuintile(rng: Rng, clusterWealth: number): number {
  const z = clusterWealth + 0.8 * rng.normal();
  return z < -0.84 ? 1 : z < -0.25 ? 2 : z < 0.25 ? 3 : z < 0.84 ? 4 : 5;
}

// ---------------------------------------------------------------------------------------------
// CSV writing: plain UTF-8, no BOM, comma-separated, "\n" line ends, header row, no comments.
// ---------------------------------------------------------------------------------------------
type Cell = string | number | null; // null -> empty cell
function toCsv(header: string[], rows: Cell[][]): string {
  const esc = (c: Cell) => {
    const s = c === null ? '' : String(c);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [header, ...rows].map((r) => r.map(esc).join(',')).join('\n') + '\n';
}
const yn = (b: boolean) => (b ? 1 : 2); // MICS yes/no codes

// ---------------------------------------------------------------------------------------------
// 1. MICS6-style fs file. 6 regions x urban/rural = 12 strata (code region*10 + area), ~180 clusters,
//    25-40 selected children per cluster, one child per household.
// ---------------------------------------------------------------------------------------------
// [region effect, share of clusters that are urban, population households (thousands)]; the capital
// (6) is almost all urban and best off, region 1 is the poorest and most rural.
const MICS_REGIONS: [number, number, number][] = [
  [0.6, 0.2, 420], // 1 Northern Highlands
  [0.25, 0.3, 380], // 2 Eastern Plains
  [0.1, 0.4, 510], // 3 Central
  [0, 0.45, 300], // 4 Western Coast
  [-0.25, 0.5, 350], // 5 Southern Lakes
  [-0.6, 0.9, 640], // 6 Capital District
];

/** FS17 codes of interviews that were not completed: not at home, refused, partly completed, incapacitated. */
const FS17_NOT_COMPLETED = [2, 3, 4, 6];

function micsFile(): string {
  const rng = new Rng(SEED);
  // Interviews not completed come from their own stream (SEED + 2), so the completed children, their
  // weights and every estimate on them are those of the file without them.
  const nonResponse = new Rng(SEED + 2);
  const incomplete: Cell[][] = [];
  const header = ('HH1 HH7 HH6 stratum fsweight FS17 HL4 CB3 CB7 windex5 CL1A CL1B CL1C CL1X CL2 CL3 CL4 CL5 ' +
    'CL6A CL6B CL6C CL6D CL6E CL6X CL7 CL8 CL9 CL10 CL11A CL11B CL11C CL11D CL11E CL11F CL11X CL13').split(' ');
  const rows: Cell[][] = [];
  const rawWeights: number[] = [];
  let hh1 = 0;
  MICS_REGIONS.forEach(([regionEffect, urbanShare, popK], r) => {
    for (const area of [1, 2]) {
      const share = area === 1 ? urbanShare : 1 - urbanShare;
      // Cluster allocation is not proportional (small strata get a floor of 8 clusters): that is what
      // makes normalised weights differ between strata, as in a real MICS.
      const nClusters = Math.max(8, Math.round(30 * share * (0.7 + 0.3 * popK / 400)));
      const popHouseholds = popK * 1000 * share;
      for (let c = 0; c < nClusters; c++) {
        hh1++;
        const m = rng.int(25, 40);
        const place: Place = { regionEffect, rural: area === 2, clusterEffect: 0.45 * rng.normal(), choreEffect: 0.5 * rng.normal() };
        const wealth = (area === 1 ? 0.7 : -0.5) - 0.3 * regionEffect + 0.45 * rng.normal();
        // Cluster-level non-response adjustment varies the weight between clusters of one stratum.
        const clusterWeight = (popHouseholds / (nClusters * 30)) * (0.85 + 0.3 * rng.next());
        for (let h = 0; h < m; h++) {
          // One child is selected at random among the household's children aged 5-17, so the child's
          // weight is multiplied by that number: the source of within-cluster weight variation.
          const kids = 1 + rng.pick([40, 30, 18, 8, 4]);
          rawWeights.push(clusterWeight * kids);
          const ch = drawChild(rng, place, drawQuintile(rng, wealth));
          rows.push(micsRow(rng, hh1, r + 1, area, ch));
        }
        // About 4 % of selected children were not interviewed: the household listing gives their sex
        // and age, the module is blank, and MICS gives them fsweight 0 (definitions.md section 4).
        for (let k = nonResponse.int(0, 3); k > 0; k--) {
          const fs17 = FS17_NOT_COMPLETED[nonResponse.pick([45, 20, 10, 25])]!;
          const sex = nonResponse.bern(0.5) ? 1 : 2;
          incomplete.push([hh1, r + 1, area, (r + 1) * 10 + area, '0.000000', fs17, sex, nonResponse.int(5, 17), null, null, ...Array(26).fill(null)]);
        }
      }
    }
  });
  // MICS normalises weights so they sum to the number of interviewed children.
  const scale = rows.length / rawWeights.reduce((s, w) => s + w, 0);
  rows.forEach((row, i) => (row[4] = (rawWeights[i]! * scale).toFixed(6)));
  // Each cluster's incomplete interviews after its completed ones, as a MICS fs file sorts by HH1, HH2.
  const all = [...rows, ...incomplete].map((row, i) => ({ row, i })).sort((a, b) => Number(a.row[0]) - Number(b.row[0]) || a.i - b.i);
  return toCsv(header, all.map((x) => x.row));
}

function micsRow(rng: Rng, hh1: number, region: number, area: number, ch: Child): Cell[] {
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
    hh1, region, area, region * 10 + area, null, 1, ch.male ? 1 : 2, ch.age, yn(ch.inSchool), ch.quintile,
    ...cl1Codes, cl2, cl3, ...hazards,
    yn(ch.water > 0), ch.water > 0 ? dk(ch.water) : null,
    yn(ch.wood > 0), ch.wood > 0 ? dk(ch.wood) : null,
    ...cl11.map(yn), other ? dk(ch.otherChores) : null,
  ];
}

// ---------------------------------------------------------------------------------------------
// 2. LFS-style child file: different names, string codes, expansion weights, several children per
//    household, enumeration areas numbered within stratum, province names with accents (UTF-8).
// ---------------------------------------------------------------------------------------------
// [name, stratum prefix, region effect, urban share of EAs, households in population (thousands)]
const LFS_PROVINCES: [string, string, number, number, number][] = [
  ['Nord', 'NORD', 0.6, 0.2, 1400],
  ['Équateur', 'EQUA', 0.35, 0.25, 900],
  ['Sud-Ouest', 'SUDO', 0.1, 0.35, 800],
  ['Centre', 'CENT', -0.1, 0.5, 1600],
  ['Littoral', 'LITT', -0.6, 0.85, 2600],
];

// Industries of main work: [ISIC Rev.4 classes, matching ISCO-08 unit groups]. Agriculture dominates
// (~70 % of child labour is agricultural); mining (05-09) and construction (41-43) are the hazardous
// industries of the Global Estimates, present but rare.
const INDUSTRIES: [string[], string[]][] = [
  [['0111', '0112', '0113', '0126', '0127', '0141', '0144', '0146', '0150'], []], // occupations chosen per class below
  [['0510', '0710', '0729', '0810', '0899', '0990'], ['9311', '9311', '9311', '8111']],
  [['4100', '4210', '4290', '4312', '4330', '4390'], ['7112', '9312', '9313', '9312']],
  [['4711', '4721', '4781', '4782'], ['5221', '5221', '5212', '9520']],
  [['9700', '5610'], ['9412', '5120']], // 9700 (domestic work) -> 9111, below
];

function lfsFile(): string {
  const rng = new Rng(SEED + 1);
  const header = 'hh_id ea strata_id wgt province milieu gender age_yrs work_hrs temp_absent chore_hrs isic4 isco08 night loads tools dust school'.split(' ');
  const rows: Cell[][] = [];
  for (const [name, prefix, regionEffect, urbanShare, popK] of LFS_PROVINCES) {
    for (const milieu of ['U', 'R']) {
      const share = milieu === 'U' ? urbanShare : 1 - urbanShare;
      // Square-root allocation (a usual compromise between national and stratum precision): small
      // strata are oversampled, so expansion weights range from a few hundred to a few thousand.
      const nEa = Math.max(12, Math.round(1.95 * Math.sqrt(share * popK)));
      const strata = `${prefix}-${milieu}`;
      for (let ea = 1; ea <= nEa; ea++) {
        const place: Place = { regionEffect, rural: milieu === 'R', clusterEffect: 0.45 * rng.normal(), choreEffect: 0.5 * rng.normal() };
        const wealth = (milieu === 'U' ? 0.7 : -0.5) - 0.3 * regionEffect + 0.45 * rng.normal();
        const miningArea = rng.bern(name === 'Équateur' ? 0.3 : 0.05); // artisanal mining is very clustered
        // LFS weights are household weights, constant within an EA: design weight x EA non-response.
        const wgt = ((popK * 1000 * share) / (nEa * 15)) * (0.8 + 0.4 * rng.next());
        const nHh = rng.int(12, 18);
        for (let h = 1; h <= nHh; h++) {
          const q = drawQuintile(rng, wealth);
          const nKids = 1 + rng.pick([35, 35, 20, 10]); // households in this file all have a child 5-17
          for (let k = 0; k < nKids; k++) {
            const ch = drawChild(rng, place, q);
            rows.push(lfsRow(rng, `${strata}-${String(ea).padStart(3, '0')}-${String(h).padStart(2, '0')}`, ea, strata,
              wgt.toFixed(2), name, milieu, ch, miningArea));
          }
        }
      }
    }
  }
  return toCsv(header, rows);
}

function lfsRow(rng: Rng, hhId: string, ea: number, strata: string, wgt: string, province: string, milieu: string,
  ch: Child, miningArea: boolean): Cell[] {
  const rural = milieu === 'R';
  let isic: string | null = null;
  let isco: string | null = null;
  let flags: Cell[] = [null, null, null, null];
  if (ch.employed) {
    const older = ch.age >= 12 ? 1 : 0.25; // young children are rarely in mines or on building sites
    const boy = ch.male ? 1 : 0.3;
    const ind = rng.pick([
      rural ? 80 : 30,
      (miningArea ? 25 : 1.5) * older * boy,
      (rural ? 2 : 7) * older * boy,
      rural ? 8 : 40,
      (rural ? 2 : 12) * (ch.male ? 0.4 : 1),
    ]);
    const [classes, occs] = INDUSTRIES[ind]!;
    isic = classes[rng.int(0, classes.length - 1)]!;
    // Occupation consistent with the class: livestock (014x) -> livestock producers/labourers, etc.
    const pool = isic.startsWith('014') ? ['6121', '9212'] : ind === 0 ? ['6111', '9211'] : isic === '9700' ? ['9111'] : occs;
    isco = pool[rng.int(0, pool.length - 1)]!;
    // Hazard flags, industry-specific: loads on farms/sites, dust in mines, night work in restaurants/homes.
    const hp = ch.hazardProne * 2;
    const p = [[0.03, 0.35, 0.25, 0.15], [0.1, 0.8, 0.6, 0.85], [0.05, 0.7, 0.5, 0.5], [0.1, 0.25, 0.05, 0.05], [0.3, 0.2, 0.05, 0.05]][ind]!;
    flags = p.map((x) => (rng.bern(Math.min(0.95, x * hp)) ? '1' : '0'));
  }
  // A few hours missing (not recorded). Temporarily absent children report 0 hours and "Y".
  const workHrs = rng.bern(0.01) ? null : ch.hours;
  const chore = rng.bern(0.015) ? null : ch.water + ch.wood + ch.otherChores;
  return [hhId, ea, strata, wgt, province, milieu, ch.male ? 'M' : 'F', ch.age, workHrs, ch.absent ? 'Y' : 'N', chore,
    isic, isco, ...flags, ch.inSchool ? 'attending' : 'not attending'];
}

// ---------------------------------------------------------------------------------------------
// 3. Analysis files (typed against analysis/types.ts so a format change breaks this script loudly).
// ---------------------------------------------------------------------------------------------
const no = (col: string) => ({ columns: [col], yes: ['1'], blank: 'no' as const });

const micsAnalysis: AnalysisFile = {
  version: 1,
  title: 'SYNTHETIC MICS6-style child labour sample (not real data)',
  data: { path: 'mics6_synthetic_fs.csv' },
  mapping: {
    weight: 'fsweight',
    stratum: 'stratum',
    psu: 'HH1',
    psuNestedInStrata: false,
    universe: { column: 'FS17', keep: ['1'] },
    age: 'CB3',
    sex: { column: 'HL4', male: '1', female: '2' },
    region: { column: 'HH7' },
    area: { column: 'HH6', urban: '1', rural: '2' },
    econActivity: { columns: ['CL1A', 'CL1B', 'CL1C', 'CL1X'], combine: 'any', yes: ['1'], missingCodes: ['9'] },
    absentFromJob: { columns: ['CL2'], yes: ['1'], blank: 'no' },
    econHours: { columns: ['CL3'], missingFrom: 97, blank: 'zero' },
    choresHours: { columns: ['CL8', 'CL10', 'CL13'], combine: 'sum', missingFrom: 97, blank: 'zero' },
    hazards: {
      heavy_loads: no('CL4'),
      dangerous_tools: no('CL5'),
      dust_fumes: no('CL6A'),
      extreme_temp: no('CL6B'),
      noise_vibration: no('CL6C'),
      heights: no('CL6D'),
      chemicals: no('CL6E'),
      other_hazard: no('CL6X'),
    },
    extras: ['CB7', 'windex5'],
  },
  frameworks: [
    { preset: 'ilo_ge2020' },
    { preset: 'ilo_ge2020_chores' },
    { preset: 'sdg_871_econ' },
    { preset: 'sdg_871' },
    { preset: 'mics6_hazard' },
  ],
  options: { missingHours: 'mics', lonelyPsu: 'adjust', ci: 'logit', level: 0.95, deff: 'replace', smallCell: { rule: 'mics-dhs' } },
  breakdowns: [[], ['sex'], ['age_group'], ['sex', 'age_group'], ['region'], ['area'], ['region', 'sex'], ['CB7'], ['windex5']],
};

const lfsAnalysis: AnalysisFile = {
  version: 1,
  title: 'SYNTHETIC labour-force-survey-style child labour sample (not real data)',
  data: { path: 'lfs_synthetic_children.csv' },
  mapping: {
    weight: 'wgt',
    stratum: 'strata_id',
    psu: 'ea',
    psuNestedInStrata: true,
    age: 'age_yrs',
    sex: { column: 'gender', male: 'M', female: 'F' },
    region: { column: 'province' },
    area: { column: 'milieu', urban: 'U', rural: 'R' },
    econHours: { columns: ['work_hrs'] },
    absentFromJob: { columns: ['temp_absent'], yes: ['Y'] },
    choresHours: { columns: ['chore_hrs'] },
    industry: { column: 'isic4', level: 'class' },
    occupation: { column: 'isco08' },
    hazards: { night: no('night'), loads: no('loads'), tools: no('tools'), dust: no('dust') },
    extras: ['school'],
  },
  frameworks: [{ preset: 'ilo_ge2020' }, { preset: 'sdg_871' }],
  options: { missingHours: 'unknown', lonelyPsu: 'adjust' },
  breakdowns: [[], ['sex'], ['age_group'], ['sex', 'age_group'], ['region'], ['area'], ['region', 'sex'], ['school']],
};

/** JSON with 2-space indents but short arrays of strings/numbers on one line, for people reading it. */
const pretty = (v: unknown) => JSON.stringify(v, null, 2).replace(/\[[^[\]{}]*\]/g, (m) => m.replace(/\s*\n\s*/g, ' ').replace(/\[ /, '[').replace(/ \]/, ']')) + '\n';

function main(): void {
  const write = (name: string, text: string) => {
    writeFileSync(join(OUT, name), text, 'utf8');
    const rows = name.endsWith('.csv') ? ` (${text.split('\n').length - 2} data rows)` : '';
    console.log(`wrote sample-data/${name}${rows}`);
  };
  write('mics6_synthetic_fs.csv', micsFile());
  write('lfs_synthetic_children.csv', lfsFile());
  write('mics6_synthetic.analysis.json', pretty(micsAnalysis));
  write('lfs_synthetic.analysis.json', pretty(lfsAnalysis));
}

main();
