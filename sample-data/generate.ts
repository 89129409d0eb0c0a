/**
 * SYNTHETIC sample data for the child labour statistics app. Nothing here is real survey data and
 * nothing resembles a real country: regions, clusters, weights and answers are all drawn from the
 * made-up model below. Run with `npx tsx sample-data/generate.ts` (or `npm run sample-data`); the
 * output is byte-for-byte deterministic for a given SEED (own PRNG, no Math.random, no clock).
 *
 * Writes, next to this file:
 *   mics6_synthetic_fs.csv            MICS6-style child file (one child 5-17 per household, like fs.sav, with
 *                                     the household and member columns merged in), 2023 round
 *   mics6/{hh,hl,fs}.{csv,sav}        the same children as a MICS6-style file set (fileSet.ts, sav.ts)
 *   mics6_2017/2017_{hh,hl,fs}.{csv,sav}   a baseline round six years earlier, regions coded 10-60 (rounds.ts);
 *                                     its files carry the year so that both rounds' files can be opened
 *                                     together in the app, which tells files apart by name
 *   lfs_synthetic_children.csv        labour-force-survey-style child file (string codes, several children per household)
 *   mics6_synthetic.analysis.json     analysis files (format: analysis/types.ts AnalysisFile)
 *   lfs_synthetic.analysis.json
 *   mics6_fileset.analysis.json       the file set joined (.sav), mics6_fileset_csv.analysis.json (CSV),
 *   mics6_2017.analysis.json          and the 2017 round's file set (.sav)
 *   mics6_rounds.analysis.json        the two rounds as one analysis (2017 regions recoded onto 2023's)
 * The model is in model.ts, a MICS round in micsSurvey.ts, the rounds and the seeds in rounds.ts.
 * codebook.md and README.md are written by hand and describe these files. pspp must be installed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RoundsAnalysisFile } from '../analysis/rounds/types.js';
import type { AnalysisFile } from '../analysis/types.js';
import { MICS_HEADER, micsSurvey, type MicsRound } from './micsSurvey.js';
import { BASELINE, BASELINE_RECODE, BASELINE_YEAR, CURRENT, CURRENT_YEAR, MICS_REGIONS, SEED } from './rounds.js';
import { drawChild, drawQuintile, Rng, toCsv, type Cell, type Child, type Place } from './model.js';
import { splitFileSet } from './fileSet.js';
import { writeSavFiles } from './sav.js';

const OUT = dirname(fileURLToPath(import.meta.url));

// ---------------------------------------------------------------------------------------------
// 1. MICS6-style survey: the two rounds (rounds.ts, micsSurvey.ts) and the file sets (fileSet.ts, sav.ts).
// ---------------------------------------------------------------------------------------------

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
    background: { school_attendance: 'CB7', wealth_quintile: 'windex5' },
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
    hazards: { night_work: no('night'), heavy_loads: no('loads'), dangerous_tools: no('tools'), dust_fumes: no('dust') },
    background: { school_attendance: 'school' },
  },
  frameworks: [{ preset: 'ilo_ge2020' }, { preset: 'sdg_871' }],
  options: { missingHours: 'unknown', lonelyPsu: 'adjust' },
  breakdowns: [[], ['sex'], ['age_group'], ['sex', 'age_group'], ['region'], ['area'], ['region', 'sex'], ['school']],
};

/**
 * The file set's analysis file: fs with hh, the child's own hl row and its mother's hl row joined (as
 * docs/analysis-file.md "File sets"), the mapping, frameworks and options of the merged file's, and the
 * background characteristics of the MICS6 child labour tables as breakdowns.
 */
function fileSetAnalysis(title: string, dir: string, ext: 'sav' | 'csv', region: string, prefix = ''): AnalysisFile {
  const on = (...pairs: [string, string][]) => pairs.map(([main, joined]) => ({ main, joined }));
  const hh = { main: 'HH1', joined: 'HH1' };
  const background = { school_attendance: 'CB7', functional_difficulty: 'fsdisability', mother_education: 'mother_ED5A', wealth_quintile: 'windex5', ethnicity: 'ethnicity' };
  const { background: _merged, ...mapping } = micsAnalysis.mapping;
  return {
    version: 1,
    title,
    data: { path: `${dir}/${prefix}fs.${ext}` },
    joins: [
      { name: 'hh', data: { path: `${dir}/${prefix}hh.${ext}` }, on: [hh, ...on(['HH2', 'HH2'])] },
      { name: 'hl', data: { path: `${dir}/${prefix}hl.${ext}` }, on: [hh, ...on(['HH2', 'HH2'], ['FS3', 'HL1'])] },
      { name: 'mother', data: { path: `${dir}/${prefix}hl.${ext}` }, on: [hh, ...on(['HH2', 'HH2'], ['HL12', 'HL1'])], columns: ['ED5A'], prefix: 'mother_' },
    ],
    mapping: { ...mapping, region: { column: region }, background },
    frameworks: micsAnalysis.frameworks,
    options: micsAnalysis.options!,
    // The merged file's breakdowns first (the same numbers, test/sampleFileSet.test.ts), then what the
    // standard table needs for boys and girls columns: area by sex and each characteristic by sex.
    breakdowns: [
      ...micsAnalysis.breakdowns!.filter((b) => !b.some((d) => d === 'CB7' || d === 'windex5')),
      ['area', 'sex'],
      ...Object.values(background).flatMap((c) => [[c], ['sex', c]]),
    ],
  };
}

/**
 * The two rounds as one analysis file with rounds (docs/analysis-file.md "Rounds"): each round its file
 * set, joins and mapping as in its own analysis file, the 2017 regions recoded onto the 2023 codes
 * (BASELINE_RECODE), the 2023 region names as the shared categories, and the definitions (frameworks,
 * options, breakdowns) of the file set's analysis, shared.
 */
function roundsAnalysis(): RoundsAnalysisFile {
  const round = (a: AnalysisFile) => ({ data: a.data, ...(a.joins ? { joins: a.joins } : {}), mapping: a.mapping });
  const now = fileSetAnalysis('', 'mics6', 'sav', 'HH7');
  const then = round(fileSetAnalysis('', 'mics6_2017', 'sav', 'HH7', '2017_'));
  const recode = Object.fromEntries(Object.entries(BASELINE_RECODE).map(([from, to]) => [from, String(to)]));
  return {
    version: 1,
    title: `SYNTHETIC MICS6-style survey, two rounds: ${BASELINE_YEAR} baseline and ${CURRENT_YEAR} (.sav file sets; not real data)`,
    rounds: [
      { label: `MICS ${BASELINE_YEAR}`, year: BASELINE_YEAR, ...then, mapping: { ...then.mapping, region: { column: 'HH7', recode } } },
      { label: `MICS ${CURRENT_YEAR}`, year: CURRENT_YEAR, ...round(now) },
    ],
    categories: { region: Object.fromEntries(MICS_REGIONS.map((r) => [String(r.code), r.name])) },
    frameworks: now.frameworks,
    options: now.options!,
    breakdowns: now.breakdowns!,
  };
}

/** JSON with 2-space indents but short arrays of strings/numbers on one line, for people reading it. */
const pretty = (v: unknown) => JSON.stringify(v, null, 2).replace(/\[[^[\]{}]*\]/g, (m) => m.replace(/\s*\n\s*/g, ' ').replace(/\[ /, '[').replace(/ \]/, ']')) + '\n';

function main(): void {
  const write = (name: string, text: string) => {
    writeFileSync(join(OUT, name), text, 'utf8');
    const rows = name.endsWith('.csv') ? ` (${text.split('\n').length - 2} data rows)` : '';
    console.log(`wrote sample-data/${name}${rows}`);
  };
  const current = micsSurvey(CURRENT);
  write('mics6_synthetic_fs.csv', toCsv(MICS_HEADER, current.map((h) => h.row)));
  write('lfs_synthetic_children.csv', lfsFile());
  write('mics6_synthetic.analysis.json', pretty(micsAnalysis));
  write('lfs_synthetic.analysis.json', pretty(lfsAnalysis));
  // The file sets: the current round split from the same children (its new columns from SEED + 3), and
  // the 2017 baseline round (SEED + 4 and + 5 for its children, SEED + 6 for its new columns).
  const rounds: [string, MicsRound, ReturnType<typeof micsSurvey>, number, string][] = [
    ['mics6', CURRENT, current, SEED + 3, ''],
    ['mics6_2017', BASELINE, micsSurvey(BASELINE), SEED + 6, '2017_'],
  ];
  for (const [dir, round, households, seed, prefix] of rounds) {
    mkdirSync(join(OUT, dir), { recursive: true });
    const set = splitFileSet(households, seed);
    const files = (['hh', 'hl', 'fs'] as const).map((name) => ({ name, cols: set[name].header, csv: toCsv(set[name].header, set[name].rows) }));
    for (const f of files) write(`${dir}/${prefix}${f.name}.csv`, f.csv);
    writeSavFiles(join(OUT, dir), files, round.regions, round.stratum, prefix);
    console.log(`wrote sample-data/${dir}/${prefix}{hh,hl,fs}.sav`);
  }
  write('mics6_fileset.analysis.json', pretty(fileSetAnalysis(`SYNTHETIC MICS6-style file set, ${CURRENT_YEAR} round: fs with hh and hl joined (.sav; not real data)`, 'mics6', 'sav', 'HH7')));
  write('mics6_fileset_csv.analysis.json', pretty(fileSetAnalysis(`SYNTHETIC MICS6-style file set, ${CURRENT_YEAR} round: fs with hh and hl joined (CSV; not real data)`, 'mics6', 'csv', 'HH7')));
  write('mics6_2017.analysis.json', pretty(fileSetAnalysis(`SYNTHETIC MICS6-style file set, ${BASELINE_YEAR} baseline round (regions coded 10-60; not real data)`, 'mics6_2017', 'sav', 'HH7', '2017_')));
  write('mics6_rounds.analysis.json', pretty(roundsAnalysis()));
}

main();
