import type { ColumnSource, Mapping } from '../../analysis/index.js';
import type { ColumnProfile } from '../engine/protocol.js';
import { MICS6_HAZARDS, roleMatch, standardHazard, suggestHazards } from '../../analysis/import/suggestRoles.js';
import { USUAL_YES } from '../../analysis/yesNoCodes.js';
import { isUnknownWord } from '../../analysis/unknownWords.js';
import { plainText } from '../../analysis/plainText.js';
import { backgroundColumns, breakdownColumns, suggestBackground } from '../../analysis/background.js';
import { suggestRoles } from '../core.js';
import { labelMeaning, PAIRS, type Meaning } from '../../analysis/codeMeanings.js';

/**
 * Roles suggested from a file's column names, codes and (SPSS, Stata) variable labels. Two layouts are known: the MICS6 child
 * labour file (fs.sav, recognised by its standard variable names, ../shared/definitions.md section 4)
 * and a labour-force-style file (hours of work, industry and occupation codes), whose roles are
 * guessed from common English and French names. Every suggestion is shown and can be changed.
 * A cluster that no name gives away comes from the data (analysis/designCandidates.ts), when the
 * caller has its candidates.
 */
export type MappingPreset = 'mics6' | 'lfs';

export interface Suggestion {
  preset: MappingPreset;
  mapping: Partial<Mapping>;
}

/** Columns are matched case-insensitively; this returns the file's own spelling. */
function finder(columns: ColumnProfile[]) {
  const byLower = new Map(columns.map((c) => [c.name.toLowerCase(), c]));
  const find = (pattern: RegExp) => columns.find((c) => pattern.test(c.name.toLowerCase()));
  const has = (name: string) => byLower.get(name.toLowerCase());
  return { find, has };
}

/** The two codes of a two-group role (sex, area), from the codes found in the file. */
export function pairCodes(codes: string[], pairs: [string, string][], meanings?: readonly [Meaning, Meaning]): [string, string] | undefined {
  const lower = codes.map((c) => c.toLowerCase());
  for (const [a, b] of pairs) {
    const i = lower.indexOf(a);
    const j = lower.indexOf(b);
    if (i >= 0 && j >= 0) return [codes[i]!, codes[j]!];
  }
  // Codes (or labels) that are words of a meaning ("Urbano"/"Rural", "Masculino"/"Femenino", "Garçon"/
  // "Fille"), in the languages of codeMeanings.ts, before any order: the first two in alphabetical order
  // made "Rural" the urban code (a walk).
  if (meanings) {
    const [first, second] = meanings.map((mn) => codes.filter((c) => labelMeaning(c, meanings) === mn));
    if (first!.length === 1 && second!.length === 1) return [first![0]!, second![0]!];
    const rest = codes.filter((c) => labelMeaning(c, meanings) === undefined);
    if (first!.length === 1 && !second!.length && rest.length) return [first![0]!, rest[0]!];
    if (second!.length === 1 && !first!.length && rest.length) return [rest[0]!, second![0]!];
    if (first!.length || second!.length) return undefined;
  }
  // Two codes and nothing to tell them: in order (1/2, A/B). Of more (metro-area codes 05, 08, 11 under
  // "AREA", a probe), any two would be a guess.
  return codes.length === 2 ? [codes[0]!, codes[1]!] : undefined;
}

/**
 * The codes of a two-group role from a column's profile, judged by their value labels where the file
 * has them ("1" Rural, "2" Urban: urban is 2), else by the codes themselves.
 */
export function pairOfColumn(col: ColumnProfile, role: 'sex' | 'area'): [string, string] | undefined {
  const labelled = col.codes.map((code) => col.valueLabels?.[code] ?? code);
  const pair = pairCodes(labelled, role === 'sex' ? SEX_CODES : AREA_CODES, PAIRS[role]);
  return pair && [col.codes[labelled.indexOf(pair[0])]!, col.codes[labelled.indexOf(pair[1])]!];
}

/**
 * The codes of a two-group role once its column is chosen on the Map step: the role's own when the
 * column is the one it had, else as suggested for the column (pairOfColumn), else its first two codes
 * (a walk: picking the area column again made "Rural" the urban code, by alphabetical order).
 */
export function pairForColumn(col: ColumnProfile | undefined, role: 'sex' | 'area', was?: { column: string; codes: [string, string] }): [string, string] {
  if (was && col && was.column === col.name) return was.codes;
  return (col && pairOfColumn(col, role)) ?? [col?.codes[0] ?? '1', col?.codes[1] ?? '2'];
}

const SEX_CODES: [string, string][] = [['1', '2'], ['m', 'f'], ['male', 'female'], ['h', 'f'], ['homme', 'femme'], ['masculin', 'féminin'], ['hombre', 'mujer'], ['h', 'm']];
const AREA_CODES: [string, string][] = [['1', '2'], ['u', 'r'], ['urban', 'rural'], ['urbain', 'rural']];

/** The "yes" code of a yes/no column: 1 (MICS and most surveys), else a usual way of writing yes (Y, oui, sí, S: the core's list). */
function yesCode(codes: string[]): string[] {
  const yes = codes.includes('1') ? '1' : codes.find((c) => USUAL_YES.includes(c));
  return [yes ?? '1'];
}

/**
 * The yes codes of a yes/no role once its column is chosen on the Map step: those given, unless they
 * are still the default "1" and the column writes yes otherwise ("sí"/"no": a walk, where the run
 * then stopped with YESNO_YES_NONE).
 */
export function yesForColumn(given: string[] | undefined, codes: string[]): string[] {
  return !given || (given.length === 1 && given[0] === '1') ? yesCode(codes) : given;
}

/** FS17's "completed" code: 1, else the cell that writes its label ("Completed", "Complété", "Completa"; not "Partly completed"). */
function completedCode(codes: string[]): string {
  const completed = ['completed', 'complete', 'completo', 'completa', 'completado', 'completada'];
  return codes.includes('1') ? '1' : codes.find((c) => completed.includes(plainText(c))) ?? '1';
}

/** The MICS6 child labour file, by its standard names; roles whose column is absent are left unset. */
export function mics6Mapping(columns: ColumnProfile[]): Partial<Mapping> {
  const { has } = finder(columns);
  const name = (n: string) => has(n)?.name;
  const present = (names: string[]) => names.map(name).filter((n): n is string => n !== undefined);
  // The yes code and the sex and area codes from the file where it writes them otherwise (a MICS CSV
  // saved with its value labels as text: Oui, Sí; Masculin/Féminin, Urbano/Rural: a walk), else MICS's.
  const yes = (cols: string[]) => yesCode(has(cols[0]!)?.codes ?? []);
  // Such a file writes MICS's don't know and missing codes (98, 99; 9 in a yes/no answer) in words
  // ("NSP", "Manquant", "No sabe"): declared missing, as the codes are.
  const unknown = (cols: string[]) => [...new Set(cols.flatMap((c) => [...(has(c)?.codes ?? []), ...(has(c)?.words ?? [])]).filter(isUnknownWord))];
  const declare = (cols: string[], codes: string[] = []) => {
    const all = [...codes, ...unknown(cols)];
    return all.length ? { missingCodes: all } : {};
  };
  const yesNo = (cols: string[]): ColumnSource => ({ columns: cols, yes: yes(cols), ...declare(cols), blank: 'no' });
  const pair = (col: string, role: 'sex' | 'area') => pairOfColumn(has(col)!, role) ?? ['1', '2'];
  const m: Partial<Mapping> = {
    weight: name('fsweight'),
    stratum: name('stratum'),
    psu: name('HH1'),
    // HH1 numbers the clusters across the whole sample, not within strata.
    psuNestedInStrata: false,
    age: name('CB3'),
  };
  if (has('HL4')) {
    const [male, female] = pair('HL4', 'sex');
    m.sex = { column: name('HL4')!, male, female };
  }
  if (has('HH7')) m.region = { column: name('HH7')! };
  if (has('HH6')) {
    const [urban, rural] = pair('HH6', 'area');
    m.area = { column: name('HH6')!, urban, rural };
  }
  const econ = present(['CL1A', 'CL1B', 'CL1C', 'CL1X']);
  if (econ.length) m.econActivity = { columns: econ, combine: 'any', yes: yes(econ), ...declare(econ, ['9']) };
  if (has('CL2')) m.absentFromJob = yesNo([name('CL2')!]);
  // Hours: 97 and above are don't know / missing; blank means the question was skipped (no activity).
  if (has('CL3')) m.econHours = { columns: [name('CL3')!], ...declare([name('CL3')!]), missingFrom: 97, blank: 'zero' };
  const chores = present(['CL8', 'CL10', 'CL13']);
  if (chores.length) m.choresHours = { columns: chores, combine: 'sum', ...declare(chores), missingFrom: 97, blank: 'zero' };
  const hazards = Object.entries(MICS6_HAZARDS).filter(([col]) => has(col));
  if (hazards.length) m.hazards = Object.fromEntries(hazards.map(([col, k]) => [k, yesNo([name(col)!])]));
  // The standard tabulation keeps completed interviews only (FS17 = 1, or its label written as text:
  // "Complété", "Completa"), a domain of the full design.
  if (has('FS17')) m.universe = { column: name('FS17')!, keep: [completedCode(has('FS17')!.codes)] };
  // School attendance (CB7), wealth quintile (windex5) and the other MICS background characteristics.
  const background = suggestBackground(columns.filter((c) => !usedColumns(m).includes(c.name)));
  if (Object.keys(background).length) m.background = background;
  return m;
}

const LFS_HAZARD = /^(night(_?work)?|(heavy_?)?loads?|tools?|dust|fumes|heat|cold|temp(erature)?|noise|vibration|heights?|chemicals?|explosives?|abuse)$/;

/** Hazard flags: plain names (night, loads, dust) and prefixed or MICS6 ones (hz_heavy_loads, CL4). */
function lfsHazards(columns: ColumnProfile[]): { name: string; column: string; codes: string[] }[] {
  // Named as the standard condition (tools -> dangerous_tools) where one is clear: rounds compare hazards by name.
  const named = new Set<string>();
  const plain = columns.filter((c) => LFS_HAZARD.test(c.name.toLowerCase())).map((c) => {
    const std = standardHazard(c);
    const name = std && !named.has(std) ? std : c.name.replace(/[^A-Za-z0-9_]/g, '_');
    named.add(name);
    return { name, column: c.name, codes: c.codes };
  });
  const byName = new Map(columns.map((c) => [c.name, c]));
  const prefixed = suggestHazards(columns.filter((c) => !LFS_HAZARD.test(c.name.toLowerCase())), plain.map((h) => h.name));
  return [...plain, ...prefixed.map((h) => ({ name: h.name, column: h.column, codes: byName.get(h.column)!.codes }))];
}

/** A labour-force-style file: roles guessed from usual names (English and French). */
export function lfsMapping(columns: ColumnProfile[]): Partial<Mapping> {
  const { find } = finder(columns);
  const col = (p: RegExp) => find(p)?.name;
  const m: Partial<Mapping> = {
    weight: col(/^(w(ei)?ght|wgt|wt|weight|pw|poids|ponderation|pondération)$|weight$|^weight/),
    stratum: col(/^(strat|strata|stratum|strate)(_?id)?$|^strat/),
    psu: columns.find((c) => roleMatch('psu', { name: c.name }) > 0)?.name,
    psuNestedInStrata: true,
    age: col(/^(age|âge|age_?y(ea)?rs?|age_?years|cb3|hl6)$/),
  };
  const sex = find(/^(sex|sexe|gender|genre|hl4)$/);
  const sexCodes = sex && pairOfColumn(sex, 'sex');
  if (sex && sexCodes) m.sex = { column: sex.name, male: sexCodes[0], female: sexCodes[1] };
  const region = col(/^(region|région|province|prov|state|district|hh7)$/);
  if (region) m.region = { column: region };
  const area = find(/^(area|milieu|urban_?rural|residence|urbrur|hh6)$/);
  const areaCodes = area && pairOfColumn(area, 'area');
  if (area && areaCodes) m.area = { column: area.name, urban: areaCodes[0], rural: areaCodes[1] };
  const hours = col(/^(work_?h(ou)?rs|hours_?work(ed)?|econ_?h(ou)?rs|hrs_?work|heures_?travail)$|work.*h(ou)?rs/);
  // Hours of the main and of a second job (hrs_main, hrs_sec): summed, an empty cell 0 hours (no second
  // job), which the Map step shows to confirm; a walk found LFS files with them suggested nothing.
  const HRS = '(hrs|hours|h|heures|horas)';
  const main = col(new RegExp(`^${HRS}_?(main|princ(ipal)?|job_?1)$|^(main|princ(ipal)?)_?${HRS}$`));
  const second = col(new RegExp(`^${HRS}_?(sec(ond(ary)?)?|job_?2)$|^(sec(ond(ary)?)?)_?${HRS}$`));
  if (hours) m.econHours = { columns: [hours] };
  else if (main) m.econHours = second ? { columns: [main, second], combine: 'sum', blank: 'zero' } : { columns: [main] };
  const absent = find(/absent/);
  if (absent) m.absentFromJob = { columns: [absent.name], yes: yesCode(absent.codes) };
  // Hours of chores by name; not a household number "menage" (EHCVM, Senegal: a probe).
  const chores = col(/chores?_?h(ou)?rs|^chores?$|^(hrs|hours|heures|horas)_?(menage|ménage|dom\w*)$|domestic\w*_?h(ou)?rs/) ?? columns.find((c) => roleMatch('choresHours', { name: c.name }) > 0)?.name;
  if (chores) m.choresHours = { columns: [chores] };
  const industry = col(/isic|industry|branche/);
  if (industry) m.industry = { column: industry, level: isicLevel(columns.find((c) => c.name === industry)!) };
  const occupation = col(/isco|occup|profession/);
  if (occupation) m.occupation = { column: occupation };
  const hazards = lfsHazards(columns);
  if (hazards.length) m.hazards = Object.fromEntries(hazards.map((h) => [h.name, { columns: [h.column], yes: yesCode(h.codes), blank: 'no' as const }]));
  // The MICS background characteristics by name or label; other columns that look like schooling or
  // wealth (a second attendance variable, an urban quintile) stay as extra breakdowns.
  const free = columns.filter((c) => !usedColumns(m).includes(c.name));
  const background = suggestBackground(free);
  if (Object.keys(background).length) m.background = background;
  const taken = backgroundColumns(m);
  const extras = free.filter((c) => /school|attend|scol|windex|wealth|quintile/.test(c.name.toLowerCase()) && !taken.includes(c.name)).map((c) => c.name);
  if (extras.length) m.extras = extras;
  return m;
}

export function isMics6(columns: ColumnProfile[]): boolean {
  const { has } = finder(columns);
  return ['HL4', 'CB3', 'fsweight'].every((n) => has(n));
}

/**
 * Where the file's variable labels name a role ("Sex of household member"), the core's suggestRoles
 * beats a guess from the column name: its label match is taken over the name-based one. Codes of sex
 * and area come from the file (value labels "Male"/"Female" help pick which is which).
 */
export function withLabelSuggestions(columns: ColumnProfile[], m: Partial<Mapping>): Partial<Mapping> {
  if (!columns.some((c) => c.label)) return m;
  const byName = new Map(columns.map((c) => [c.name, c]));
  const out: Partial<Mapping> = { ...m };
  for (const [role, s] of Object.entries(suggestRoles(columns))) {
    if (!s || s.strength !== 2) continue;
    const col = byName.get(s.column)!;
    if (role === 'weight' || role === 'stratum' || role === 'psu' || role === 'age') out[role] = s.column;
    else if (role === 'region') out.region = { column: s.column };
    else if (role === 'industry') out.industry = { column: s.column, level: isicLevel(col) };
    else if (role === 'occupation') out.occupation = { column: s.column };
    else if (role === 'econHours' || role === 'choresHours') out[role] = { columns: [s.column] };
    else if (role === 'absentFromJob') out.absentFromJob = { columns: [s.column], yes: yesCode(col.codes) };
    else if (role === 'sex' || role === 'area') {
      const pair = pairOfColumn(col, role);
      if (!pair) continue;
      if (role === 'sex') out.sex = { column: s.column, male: pair[0], female: pair[1] };
      else out.area = { column: s.column, urban: pair[0], rural: pair[1] };
    }
  }
  return out;
}

/**
 * Roles the usual English and French names above left unmapped, from the core's name patterns
 * (suggestRoles.ts: Spanish and Portuguese too, factor_exp, edad, rama_ciiu, ocupacion_ciuo), on
 * columns no role uses yet. An ISIC column holding 4-digit classes is read at class level.
 */
export function withNameSuggestions(columns: ColumnProfile[], m: Partial<Mapping>): Partial<Mapping> {
  const used = new Set(usedColumns(m));
  const free = columns.filter((c) => !used.has(c.name));
  const out: Partial<Mapping> = { ...m };
  for (const [role, s] of Object.entries(suggestRoles(free))) {
    if (!s) continue;
    const col = free.find((c) => c.name === s.column)!;
    if ((role === 'weight' || role === 'stratum' || role === 'age') && !out[role]) out[role] = s.column;
    else if (role === 'region' && !out.region) out.region = { column: s.column };
    else if (role === 'industry' && !out.industry) out.industry = { column: s.column, level: isicLevel(col) };
    else if (role === 'occupation' && !out.occupation) out.occupation = { column: s.column };
    else if ((role === 'econHours' || role === 'choresHours') && !out[role]) out[role] = { columns: [s.column] };
    else if (role === 'absentFromJob' && !out.absentFromJob) out.absentFromJob = { columns: [s.column], yes: yesCode(col.codes) };
    else if ((role === 'sex' || role === 'area') && !out[role]) {
      const pair = pairOfColumn(col, role);
      if (pair && role === 'sex') out.sex = { column: s.column, male: pair[0], female: pair[1] };
      else if (pair) out.area = { column: s.column, urban: pair[0], rural: pair[1] };
    }
  }
  return out;
}

/** ISIC codes of 3-4 digits (0111, 4290) are classes; with more than 99 different codes they cannot be divisions. */
export function isicLevel(c: ColumnProfile): 'division' | 'class' {
  // Classes written with a point after the division ("43.90", NACE) and section letters are read by
  // their division (mapping.ts industrySql), whatever the column's name: at level class, "43.90" would
  // be division 0 (a walk: hazardous work 10.3 % instead of 16.7 % when the warning was not acted on).
  // Most cells, not all: a "NA" or a 9999 among them is no class. The listed codes (a column of 20 or
  // fewer values) or, for more, the share of numbers with a fraction (a review: 27 dotted classes).
  const written = c.codes.filter((x) => x.trim() !== '');
  const dotted = written.filter((x) => /^\d{1,2}\.\d+$/.test(x.trim()) || /^[A-Ua-u]$/.test(x.trim())).length;
  if (written.length ? dotted > written.length / 2 : (c.fractional ?? 0) > 0.5) return 'division';
  if (c.distinct > 99 || c.codes.some((x) => /^\d{3,4}$/.test(x))) return 'class';
  // The "4" of ISIC Rev.4 in a name is no class level when the name says 2 digits (RAMA2D_R4,
  // isic4_2digits: a probe) or the listed codes have at most two digits.
  if (/2_?d(igits?)?\b|2_?d_|div/.test(c.name.toLowerCase()) || (written.length > 0 && written.every((x) => /^\d{1,2}$/.test(x.trim())))) return 'division';
  if (/4|class/.test(c.name.toLowerCase())) return 'class';
  return 'division';
}

export interface SuggestOptions {
  /** Columns that look like clusters by their data, best first (analysis/designCandidates.ts clusterCandidates). */
  psuCandidates?: string[];
}

export function suggestMapping(columns: ColumnProfile[], opts: SuggestOptions = {}): Suggestion {
  const s: Suggestion = isMics6(columns)
    ? { preset: 'mics6', mapping: mics6Mapping(columns) }
    : { preset: 'lfs', mapping: withDeFacto(columns, withLabelSuggestions(columns, withNameSuggestions(columns, lfsMapping(columns)))) };
  return { ...s, mapping: withPsuCandidate(s.mapping, opts.psuCandidates ?? []) };
}

/**
 * A DHS household members' file (PR) lists usual residents and visitors; its tables of children are of
 * the de facto population, those who slept in the household the night before (hv103 = 1). Without that
 * universe a visitor counts twice, here and at home. Suggested, and shown on the Map step to change.
 */
export function withDeFacto(columns: ColumnProfile[], m: Partial<Mapping>): Partial<Mapping> {
  if (m.universe) return m;
  const slept = /\b(slept (here |in the household )?last night|de facto|a dormi ici|durmi[oó] (aqu[ií] )?(la noche pasada|anoche))\b/i;
  const col = columns.find((c) => /^hv103$/i.test(c.name) || slept.test(c.label ?? ''));
  if (!col || (col.codes.length && !col.codes.every((x) => /^[01]$/.test(x)))) return m;
  return { ...m, universe: { column: col.name, keep: ['1'] } };
}

/** No cluster by name or label: the best data candidate that serves no other role (the user confirms it). */
export function withPsuCandidate(m: Partial<Mapping>, candidates: string[]): Partial<Mapping> {
  if (m.psu || m.noClusters) return m;
  const used = new Set(usedColumns(m));
  const psu = candidates.find((c) => !used.has(c));
  return psu ? { ...m, psu } : m;
}

/** Every column a mapping uses, in any role (the universe too). */
export function usedColumns(m: Partial<Mapping>): string[] {
  const one = [m.weight, m.stratum, m.psu, m.fpc, m.age, m.sex?.column, m.region?.column, m.area?.column, m.industry?.column, m.occupation?.column, m.universe?.column];
  const sources = [m.econActivity, m.econHours, m.absentFromJob, m.choresHours, ...Object.values(m.hazards ?? {})].flatMap((s) => s?.columns ?? []);
  return [...one, ...sources, ...breakdownColumns(m)].filter((c): c is string => !!c);
}

/** The roles a run cannot do without; the Map step asks for these before going on. */
export function missingRoles(m: Partial<Mapping>): string[] {
  const out: string[] = [];
  if (!m.weight) out.push('weight');
  if (!m.age) out.push('age');
  if (!m.sex?.column) out.push('sex');
  if (!m.econActivity && !m.econHours) out.push('econHours');
  return out;
}
