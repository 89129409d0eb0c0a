import { message, type Message } from '../messages.js';
import type { JoinSpec } from '../types.js';
import { roleMatch, suggestHazards, type SuggestedRole } from './suggestRoles.js';

/**
 * Which of several files opened together is the main file (the unit of analysis: one row per child)
 * and which joins bring the others onto it (joinFiles.ts). Pure: it sees the files' names, columns,
 * variable labels and row counts, and asks `isUnique` whether a file's rows repeat a key (the caller
 * answers with SQL; keyQuestions lists what it will ask). Suggestions only: the Map step shows each
 * join in words, and the user may remove it.
 *
 * - MICS6 (fs, hh, hl recognised by file name, with any folder or prefix, else by their variables):
 *   main = fs; hh by HH1, HH2 (the household's columns); hl by HH1, HH2, FS3 = HL1 (the child's own
 *   row: the columns neither fs nor hh has); mother = hl again by HH1, HH2, HL12 = HL1 with the
 *   education columns, prefixed mother_, when HL12 (the mother's line number) exists.
 * - Other surveys (LFS, national child labour surveys): main = the file with the most work, hours,
 *   industry, occupation and hazard questions (ties: the most rows, a members roster); a file whose
 *   rows are unique by the household id columns both files share is joined as the household file; a
 *   file unique by those and a line number column, found by name, as the members roster.
 * - Anything else is not joined, and FILESET_NOT_JOINED names the main file and the others.
 */
export interface FileShape {
  /** The file's name as opened; only its last part (no folder) goes into the joins. */
  name: string;
  columns: { name: string; label?: string }[];
  rows: number;
}

/** Key columns of one file whose values must not repeat for a join to be proposed. */
export interface KeyQuestion {
  file: string;
  columns: string[];
}

/** The answer to a KeyQuestion: true (one row per key among rows with every key filled, but for a few repeats that the join then names as an error), false, or undefined (not known). */
export type IsUnique = (file: string, columns: string[]) => boolean | undefined;

export interface FileSetSuggestion {
  kind: 'mics6' | 'survey';
  /** The main file, its name as given. */
  main: string;
  /** Data paths are the files' names without folders: an analysis file beside them runs them. */
  joins: JoinSpec[];
  /** Files that were not joined, names as given. */
  notJoined: string[];
  /** FILESET_NOT_JOINED when some file was not joined. */
  messages: Message[];
}

type Kind = 'fs' | 'hh' | 'hl';

/** A join the files' shape allows, before its uniqueness is known and its columns chosen. */
interface Candidate {
  file: FileShape;
  name: string;
  on: { main: string; joined: string }[];
  prefix?: string;
  /** Only these columns (the mother's education); default every column the table does not have yet. */
  only?: string[];
  /** Proposed when the file's rows are unique by these columns (true, or undefined and `ifUnknown`). */
  unique: string[];
  ifUnknown: boolean;
  /**
   * Proposed whatever the answer: a MICS6 file's keys are the standard's (hh by HH1, HH2; hl by HH1,
   * HH2, HL1), so rows that repeat them are an error of the file, which the join then names
   * (JOIN_KEY_DUPLICATE), not a sign of other keys (a walk: an hh.csv with 2 % of its households
   * written twice was left out, said only as "no key columns were found").
   */
  keyed?: boolean;
  /** Another plan for the same file (the members roster when it is not a household file). */
  otherwise?: Candidate;
}

interface Plan {
  kind: FileSetSuggestion['kind'];
  main: FileShape;
  candidates: Candidate[];
}

export const baseName = (path: string) => path.split(/[\\/]/).pop() ?? path;
const stem = (path: string) => baseName(path).replace(/\.[^.]*$/, '').toLowerCase();
const lower = (s: string) => s.toLowerCase();

/** The file's own spelling of a column, matched without regard to case. */
function col(f: FileShape, name: string): string | undefined {
  return f.columns.find((c) => lower(c.name) === lower(name))?.name;
}
const hasAll = (f: FileShape, names: string[]) => names.every((n) => col(f, n) !== undefined);

/** Line numbers of household members: HL1, LN, line_no, member_id, pid, numind... */
export const LINE_COLUMN = /^(ln|hl1|line|lines?_?(no|nr|num|number)|lineno|member|member_?(id|no|nr|num|number)|mem_?(id|no)|pid|person_?(id|no)|ind_?id|id_?ind|indiv(idual)?_?(id|no)?|num_?ind|no_?ind|noind|numero_?ordre|no_?orden)$|line/i;

/** Household (and cluster) ids: HH1, HH2, hhid, household_id, idmen, grappe, menage, id_hogar, interview__key... */
const HOUSEHOLD_ID = /^(hh[12]|hh_?id|hhid|hh|hh_?(no|nr|num|number|code)|hhnum|household(_?(id|no|nr|num|number))?|id_?men(age)?|idmen|menage|num_?men(age)?|no_?men(age)?|nummen|grappe|num_?grappe|cluster(_?(id|no|number))?|psu|ea|ea_?(id|no|code)|zd|upm|segmento|conglomerado|id_?hogar|hogar|vivienda|id_?viv(ienda)?|interview__key|hh_?key)$|hhid$/i;

// --- MICS6 ---------------------------------------------------------------------------------------

/** MICS6 file by name: fs.sav, hh.csv, Country_hl.dta, mics6/fs.sav... */
function micsByName(f: FileShape): Kind | undefined {
  const m = /(?:^|[^a-z])(fs|hh|hl)$/.exec(stem(f.name));
  return m?.[1] as Kind | undefined;
}

/** MICS6 file by its variables. */
function micsByVariables(f: FileShape): Kind | undefined {
  const has = (n: string) => col(f, n) !== undefined;
  if (has('FS17') || has('fsweight') || (has('CB3') && f.columns.some((c) => /^CL\d/i.test(c.name)))) return 'fs';
  if (has('HH1') && has('HH2') && has('HL1')) return 'hl';
  if (has('HH1') && has('HH2') && ['windex5', 'HH6', 'HH7', 'hhweight'].some(has)) return 'hh';
  return undefined;
}

/** A MICS6 file's kind: its name, if it has that kind's keys, else its variables. */
function micsKind(f: FileShape): Kind | undefined {
  const byName = micsByName(f);
  const keys: Record<Kind, string[]> = { fs: ['HH1', 'HH2'], hh: ['HH1', 'HH2'], hl: ['HH1', 'HH2', 'HL1'] };
  if (byName && hasAll(f, keys[byName])) return byName;
  return micsByVariables(f);
}

/** The mother's education in hl: the highest level attended (ED5A) and MICS recodes of it. */
const MOTHER_EDUCATION = ['ED5A', 'melevel', 'elevel'];

function micsPlan(files: FileShape[]): Plan | undefined {
  const kinds = files.map((f) => ({ f, kind: micsKind(f) }));
  const fs = kinds.filter((k) => k.kind === 'fs');
  if (fs.length !== 1) return undefined;
  const main = fs[0]!.f;
  const hh = kinds.find((k) => k.kind === 'hh')?.f;
  const hl = kinds.find((k) => k.kind === 'hl')?.f;
  if (!hh && !hl) return undefined;
  const k = (f: FileShape, names: string[]) => names.map((n) => ({ main: col(main, n) ?? n, joined: col(f, n)! }));
  const candidates: Candidate[] = [];
  if (hh && hasAll(main, ['HH1', 'HH2'])) candidates.push({ file: hh, name: 'hh', on: k(hh, ['HH1', 'HH2']), unique: [col(hh, 'HH1')!, col(hh, 'HH2')!], ifUnknown: true, keyed: true });
  if (hl && hasAll(main, ['HH1', 'HH2'])) {
    const hlKeys = [col(hl, 'HH1')!, col(hl, 'HH2')!, col(hl, 'HL1')!];
    // The child's line number in fs: FS3 (the questionnaire), LN in the distributed files.
    const line = col(main, 'FS3') ?? col(main, 'LN');
    if (line) candidates.push({ file: hl, name: 'hl', on: [...k(hl, ['HH1', 'HH2']), { main: line, joined: hlKeys[2]! }], unique: hlKeys, ifUnknown: true, keyed: true });
    const education = MOTHER_EDUCATION.map((n) => col(hl, n)).filter((n): n is string => n !== undefined);
    // HL12, the mother's line number, from fs or from the child's own hl row (joined just before).
    const mother = col(main, 'HL12') ?? col(hl, 'HL12');
    if (mother && education.length) {
      candidates.push({ file: hl, name: 'mother', on: [...k(hl, ['HH1', 'HH2']), { main: mother, joined: hlKeys[2]! }], prefix: 'mother_', only: education, unique: hlKeys, ifUnknown: true, keyed: true });
    }
  }
  return { kind: 'mics6', main, candidates };
}

// --- other surveys -------------------------------------------------------------------------------

const WORK_ROLES: SuggestedRole[] = ['econActivity', 'econHours', 'absentFromJob', 'choresHours', 'industry', 'occupation'];

/** How much a file looks like the one with the child's work questions. */
function workScore(f: FileShape): number {
  return f.columns.filter((c) => WORK_ROLES.some((r) => roleMatch(r, c) > 0)).length + suggestHazards(f.columns).length;
}

/** The main file: the most work questions; then the most rows (a members roster, not its households). */
function pickMain(files: FileShape[]): FileShape {
  return files.map((f, i) => ({ f, i, score: workScore(f) })).sort((a, b) => b.score - a.score || b.f.rows - a.f.rows || a.i - b.i)[0]!.f;
}

const lineOf = (f: FileShape, except: Set<string>) => f.columns.find((c) => LINE_COLUMN.test(c.name) && !except.has(lower(c.name)))?.name;

function surveyCandidate(main: FileShape, f: FileShape): Candidate | undefined {
  const mine = new Set(main.columns.map((c) => lower(c.name)));
  const common = f.columns.filter((c) => mine.has(lower(c.name)) && !LINE_COLUMN.test(c.name)).map((c) => c.name);
  let household = common.filter((n) => HOUSEHOLD_ID.test(n));
  // No id by name: the shared columns among the file's first three (ids come first), only if unique.
  const byPosition = household.length === 0;
  if (byPosition) household = f.columns.slice(0, 3).map((c) => c.name).filter((n) => common.includes(n));
  if (household.length === 0) return undefined;
  const on = household.map((n) => ({ main: col(main, n)!, joined: n }));
  const keys = new Set(household.map(lower));
  const lineF = lineOf(f, keys);
  const lineM = lineF ? (col(main, lineF) ?? lineOf(main, keys)) : undefined;
  const roster: Candidate | undefined = lineF && lineM
    ? { file: f, name: 'member', on: [...on, { main: lineM, joined: lineF }], unique: [...household, lineF], ifUnknown: false }
    : undefined;
  // A household file has fewer rows than the main file and no line numbers; the uniqueness check decides.
  const looksHousehold = !byPosition && !lineF && f.rows < main.rows;
  // Several household files or rosters are named household, household_2... when proposed.
  return { file: f, name: 'household', on, unique: household, ifUnknown: looksHousehold, ...(roster ? { otherwise: roster } : {}) };
}

function surveyPlan(files: FileShape[]): Plan {
  const main = pickMain(files);
  const candidates = files.filter((f) => f !== main).map((f) => surveyCandidate(main, f)).filter((c): c is Candidate => c !== undefined);
  return { kind: 'survey', main, candidates };
}

function plan(files: FileShape[]): Plan {
  if (files.length === 0) throw new Error('no file');
  return micsPlan(files) ?? surveyPlan(files);
}

// --- suggestion ----------------------------------------------------------------------------------

/** Every key the suggestion will ask about, for the caller to answer (SQL) before suggestFileSet. */
export function keyQuestions(files: FileShape[]): KeyQuestion[] {
  const out: KeyQuestion[] = [];
  const add = (c: Candidate | undefined) => {
    if (!c) return;
    // A MICS6 file's standard keys: no question (keyed).
    if (c.keyed) return add(c.otherwise);
    if (!out.some((q) => q.file === c.file.name && q.columns.join('\u0001') === c.unique.join('\u0001'))) out.push({ file: c.file.name, columns: c.unique });
    add(c.otherwise);
  };
  for (const c of plan(files).candidates) add(c);
  return out;
}

/** The main file and the joins; `isUnique` answers keyQuestions (unknown answers fall back on the files' shape). */
export function suggestFileSet(files: FileShape[], isUnique: IsUnique = () => undefined): FileSetSuggestion {
  const p = plan(files);
  const taken = new Set(p.main.columns.map((c) => lower(c.name)));
  const joins: JoinSpec[] = [];
  const joined = new Set<string>([p.main.name]);
  const used = new Map<string, number>();
  for (const first of p.candidates) {
    for (let c: Candidate | undefined = first; c; c = c.otherwise) {
      const spec = propose(c, taken, isUnique);
      if (!spec) continue;
      const n = (used.get(spec.name) ?? 0) + 1;
      used.set(spec.name, n);
      joins.push(n === 1 ? spec : { ...spec, name: `${spec.name}_${n}` });
      joined.add(c.file.name);
      break;
    }
  }
  // The household files before the members rosters, as a survey's documentation lists them.
  if (p.kind === 'survey') joins.sort((a, b) => Number(a.name.startsWith('member')) - Number(b.name.startsWith('member')));
  const notJoined = files.map((f) => f.name).filter((n) => !joined.has(n));
  const messages = notJoined.length
    ? [message('FILESET_NOT_JOINED', { main: baseName(p.main.name), files: notJoined.map(baseName).join(', '), count: notJoined.length })]
    : [];
  return { kind: p.kind, main: p.main.name, joins, notJoined, messages };
}

/** The join, if its file is unique by its keys, its keys are in the table by now, and it brings a column. */
function propose(c: Candidate, taken: Set<string>, isUnique: IsUnique): JoinSpec | undefined {
  const unique = c.keyed ? true : isUnique(c.file.name, c.unique);
  if (unique === false || (unique === undefined && !c.ifUnknown)) return undefined;
  if (!c.on.every((k) => taken.has(lower(k.main)))) return undefined;
  const keys = new Set(c.on.map((k) => lower(k.joined)));
  const rest = c.file.columns.map((x) => x.name).filter((n) => !keys.has(lower(n)));
  const target = (n: string) => lower((c.prefix ?? '') + n);
  const columns = (c.only ?? rest).filter((n) => !taken.has(target(n)));
  if (columns.length === 0) return undefined;
  for (const n of columns) taken.add(target(n));
  const spec: JoinSpec = { name: c.name, data: { path: baseName(c.file.name) }, on: c.on };
  // Every column but the keys is the default; a list only when some are left out (already in the table).
  if (columns.length !== rest.length) spec.columns = columns;
  if (c.prefix) spec.prefix = c.prefix;
  return spec;
}
