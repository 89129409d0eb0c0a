/**
 * SPSS .sav copies of the SYNTHETIC MICS6-style file set (fileSet.ts), written by pspp from the CSV,
 * with variable labels and value labels in MICS wording and the codes MICS declares missing (DK, no
 * response) declared missing, as in a MICS .sav. pspp's creation date is pinned (fixPsppDate) so reruns
 * write the same bytes.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixPsppDate } from '../scripts/fixtures/fileFormats.js';
import type { MicsRegion } from './micsSurvey.js';

const YES_NO = '1 "Yes" 2 "No"';
const CL1 = `${YES_NO} 9 "No response"`;

const VARIABLES: Record<string, string> = {
  HH1: 'Cluster number', HH2: 'Household number', HH6: 'Area', HH7: 'Region', stratum: 'Stratum',
  HH48: 'Number of household members', windex5: 'Wealth index quintile', ethnicity: 'Ethnicity of household head',
  HL1: 'Line number', HL4: 'Sex', HL6: 'Age', HL12: 'Line number of mother',
  ED5A: 'Highest level of education attended', ED9: 'Attended school during current school year',
  FS3: "Child's line number", FS17: 'Result of interview for children age 5-17 years', fsweight: 'Children age 5-17 sample weight',
  CB3: 'Age of child', CB7: 'Attended school during current school year',
  CL1A: 'Past week: worked on plot, farm, food garden or looked after livestock',
  CL1B: "Past week: helped in family or relative's business or ran own business",
  CL1C: 'Past week: produced or sold articles, handicrafts, clothes, food or farm products',
  CL1X: 'Past week: any other activity in return for income in cash or in kind',
  CL2: 'Temporarily absent from such work in the past week', CL3: 'Hours on those activities in the past week',
  CL4: 'Work involves carrying heavy loads', CL5: 'Work involves dangerous tools or heavy machinery',
  CL6A: 'Exposed to dust, fumes or gas', CL6B: 'Exposed to extreme cold, heat or humidity', CL6C: 'Exposed to loud noise or vibration',
  CL6D: 'Required to work at heights', CL6E: 'Required to work with chemicals or explosives',
  CL6X: 'Exposed to other things bad for health or safety',
  CL7: 'Past week: fetched water for household use', CL8: 'Hours fetching water in the past week',
  CL9: 'Past week: collected firewood for household use', CL10: 'Hours collecting firewood in the past week',
  CL11A: 'Past week: shopping for the household', CL11B: 'Past week: cooking', CL11C: 'Past week: washing dishes or cleaning around the house',
  CL11D: 'Past week: washing clothes', CL11E: 'Past week: caring for children', CL11F: 'Past week: caring for someone old or sick',
  CL11X: 'Past week: other household tasks', CL13: 'Hours on household chores in the past week',
  fsdisability: 'Child functional difficulty (age 5-17 years)',
};

/** Value labels of a round: the region names (and strata) are the round's own. */
function valueLabels(regions: MicsRegion[], stratum: (region: number, area: number) => number): Record<string, string> {
  const yesNo = ['CL2', 'CL4', 'CL5', 'CL6A', 'CL6B', 'CL6C', 'CL6D', 'CL6E', 'CL6X', 'CL7', 'CL9', 'CL11A', 'CL11B', 'CL11C', 'CL11D', 'CL11E', 'CL11F', 'CL11X', 'CB7', 'ED9'];
  return {
    HH6: '1 "Urban" 2 "Rural"',
    HH7: regions.map((r) => `${r.code} "${r.name}"`).join(' '),
    stratum: regions.flatMap((r) => [1, 2].map((a) => `${stratum(r.code, a)} "${r.name} ${a === 1 ? 'Urban' : 'Rural'}"`)).join(' '),
    windex5: '1 "Poorest" 2 "Second" 3 "Middle" 4 "Fourth" 5 "Richest"',
    ethnicity: '1 "Group A" 2 "Group B" 3 "Group C" 4 "Other" 9 "Missing/DK"',
    HL4: '1 "Male" 2 "Female"',
    HL12: '0 "Not in household"',
    ED5A: '0 "Pre-primary or none" 1 "Primary" 2 "Lower secondary" 3 "Upper secondary or higher" 8 "DK" 9 "Missing"',
    FS17: '1 "Completed" 2 "Not at home" 3 "Refused" 4 "Partly completed" 6 "Incapacitated"',
    CL1A: CL1, CL1B: CL1, CL1C: CL1, CL1X: CL1,
    CL3: '98 "DK" 99 "No response"', CL8: '98 "DK"', CL10: '98 "DK"', CL13: '98 "DK"',
    fsdisability: '1 "Has functional difficulty" 2 "Has no functional difficulty"',
    ...Object.fromEntries(yesNo.map((c) => [c, YES_NO])),
  };
}

/** The codes declared missing, as MICS .sav files declare DK and no response. */
const MISSING: Record<string, string> = {
  CL1A: '9', CL1B: '9', CL1C: '9', CL1X: '9', CL3: '98, 99', CL8: '98', CL10: '98', CL13: '98', ED5A: '8, 9', ethnicity: '9',
};

/** pspp syntax reading `name.csv` (columns `cols`) into `name.sav` with labels and missing values. */
function syntax(name: string, cols: string[], labels: Record<string, string>): string {
  const types = cols.map((c) => `${c} ${c === 'fsweight' ? 'F10.6' : 'F4.0'}`).join(' ');
  const vars = cols.map((c) => `${c} "${VARIABLES[c] ?? c}"`).join(' /');
  const vl = cols.filter((c) => labels[c]).map((c) => `${c} ${labels[c]}`).join(' /');
  const mv = cols.filter((c) => MISSING[c]).map((c) => `${c} (${MISSING[c]})`).join(' /');
  const nominal = cols.filter((c) => labels[c] && !['CL3', 'CL8', 'CL10', 'CL13', 'HL12'].includes(c));
  return [
    `GET DATA /TYPE=TXT /FILE='${name}.csv' /ENCODING='UTF8' /DELCASE=LINE /DELIMITERS="," /ARRANGEMENT=DELIMITED /FIRSTCASE=2 /VARIABLES=${types}.`,
    `VARIABLE LABELS ${vars}.`,
    vl ? `VALUE LABELS /${vl}.` : '',
    mv ? `MISSING VALUES ${mv}.` : '',
    // Codes, not quantities: nominal, as in a MICS .sav (hours, ages, counts and weights stay scale).
    nominal.length ? `VARIABLE LEVEL ${nominal.join(' ')} (NOMINAL).` : '',
    `SAVE OUTFILE='${name}.sav'.`,
  ].filter(Boolean).join('\n') + '\n';
}

/**
 * Writes `<dir>/<name>.sav` for each file from its CSV text (pspp, in a temporary folder). `cols` must
 * be the CSV's header.
 */
export function writeSavFiles(
  dir: string,
  files: { name: string; csv: string; cols: string[] }[],
  regions: MicsRegion[],
  stratum: (region: number, area: number) => number,
  /** Written as `<prefix><name>.sav` (the 2017 round's 2017_fs.sav: see generate.ts). */
  prefix = '',
): void {
  const labels = valueLabels(regions, stratum);
  const tmp = mkdtempSync(join(tmpdir(), 'sample-sav-'));
  try {
    for (const f of files) {
      writeFileSync(join(tmp, `${f.name}.csv`), f.csv);
      writeFileSync(join(tmp, `${f.name}.sps`), syntax(f.name, f.cols, labels));
      execFileSync('pspp', ['-b', '-o', '/dev/null', `${f.name}.sps`], { cwd: tmp, env: { ...process.env, LC_ALL: 'C.UTF-8' } });
      fixPsppDate(join(tmp, `${f.name}.sav`));
      copyFileSync(join(tmp, `${f.name}.sav`), join(dir, `${prefix}${f.name}.sav`));
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
