import type { Engine } from './engine/engine.js';
import { ident, sqlString } from './engine/values.js';
import type { DeclaredMissing } from './import/declaredMissing.js';
import type { DataLabels } from './import/labels.js';
import { codesAside, sourceColumns } from './mapping.js';
import { codeVariants } from './codeForms.js';
import { message, type Message } from './messages.js';
import type { ColumnSource, Mapping } from './types.js';

/**
 * Hours that look like "don't know" codes read as real hours. Surveys code unknown hours 97, 98 or 99
 * (MICS: 98 don't know, 99 missing); a .sav declares them missing, but the CSV of the same file does
 * not, and 98 then counts as 98 hours a week: every such child is over every hours threshold, silently.
 * Larger codes (997-999, 9997-9999) need no check here: hours above 168 already stop the run.
 *
 * The rule: a value 88, 97, 98 or 99 that the role still reads as hours (not set aside by missingCodes,
 * missingFrom or the file's declared codes) is suspect when more cells hold it than hold the busiest
 * single value just below it (80-87 for 88, 90-96 for 97-99: BELOW). Real hours thin out smoothly towards the top of the week, so a value
 * that outnumbers its neighbours is a heap, and heaps at 97-99 are codes. The column is reported when
 * its suspect values hold at least MIN_CELLS cells together, or, fewer, when no cell of the column
 * but the codes lies from GAP_FROM to 96 hours: a 98 (or 88) far above every real value (a second job's hours, at most 20
 * otherwise) is a code however rare (a probe: four such 98s, undeclared in a CSV, moved child labour
 * of girls 15-17 from 2.5 % to 3.7 % in silence). A stray 98 among long hours is left alone.
 */
const CODES = [88, 97, 98, 99];
/**
 * The hours just below each code, whose busiest a heap of the code outnumbers: 80-87 for 88 (the
 * "don't know" of some national surveys, a probe's hours per day), 90-96 for 97-99.
 */
const BELOW: Record<number, number[]> = { 88: [80, 81, 82, 83, 84, 85, 86, 87], 97: [90, 91, 92, 93, 94, 95, 96] };
const neighbours = (v: number) => BELOW[v < 97 ? 88 : 97]!;
const NEIGHBOURS = [...new Set(CODES.flatMap(neighbours))];
const MIN_CELLS = 5;
const GAP_FROM = 60;

/** The hours columns checked: each column of econHours and choresHours, with its role. */
function hoursColumns(m: Mapping): { role: string; column: string; src: ColumnSource }[] {
  // A column listed twice in one role is checked once.
  return sourceColumns(m, (r) => r === 'econHours' || r === 'choresHours');
}

/**
 * The conditions to count, by key (`sh<i>`: column i holds a cell written 88, 97, 98 or 99): they join the
 * validation's other counts, so they are counted in its one pass over the file (the design pass,
 * designPass.ts). A test of the text, not of the number: reading every cell as a number costs 0.1 s a
 * column at 2M children in DuckDB-WASM, and the codes are written "98" or "98.0" (written(); a .sav's
 * or .dta's numbers are stored as a CSV writes them: "98"). Only a column that has some is read again. Codes
 * already set aside (the role's missingCodes or missingFrom, the file's declared codes: a MICS .sav's
 * 98 and 99) are not looked for.
 */
export function suspectHoursCounts(m: Mapping, declared: DeclaredMissing): Record<string, string> {
  return Object.fromEntries(hoursColumns(m).map((c, i) => {
    const aside = setAside(c.column, c.src, declared);
    const open = CODES.filter((v) => !aside(v));
    return [`sh${i}`, open.length ? `${ident(c.column)} IN (${written(open).join(', ')})` : 'FALSE'];
  }));
}

/**
 * One warning (HOURS_CODES_SUSPECT) per hours column whose 88 or 97-99 look like codes. `counts` (by
 * key, suspectHoursCounts) says which columns hold them at all; only those are read again, for their
 * cells written 80 to 99 (a text test, as the count's: one small GROUP BY, no number read per row),
 * less the codes set aside. A code the file labels with a number ("98 hours or more", a top code) is
 * hours, never suspect.
 *
 * A role that sums several columns (hours per day, per activity) is also looked at as a whole: codes
 * spread over its columns, two here and three there, are as many hours read from codes as five in
 * one column, and none alone reaches MIN_CELLS. When no column of the role was reported, its columns'
 * cells are pooled and the same rule applied: one warning for the role (HOURS_CODES_SUSPECT_SUM).
 * Columns whose few codes stand apart from their hours (GAP_FROM) are said last, one warning for the
 * role: the column's own, or the pooled one of those columns.
 */
export async function suspectHoursCodes(
  engine: Engine, m: Mapping, file: string, declared: DeclaredMissing, counts: Record<string, number>, table = 'src', labels?: DataLabels,
): Promise<Message[]> {
  const out: Message[] = [];
  const columns = hoursColumns(m);
  const reported = new Set<string>();
  const apart: number[] = [];
  const tallies = new Map<number, Tally>();
  // Each column's tally read once, without the codes its labels name as hours (withoutTopCodes).
  const tallyOf = async (i: number) =>
    tallies.get(i) ?? tallies.set(i, withoutTopCodes(await tally(engine, columns[i]!, declared, table), labels?.values[columns[i]!.column] ?? {})).get(i)!;
  for (const [i, { role, column, src }] of columns.entries()) {
    const cells = counts[`sh${i}`] ?? 0;
    if (cells === 0) continue;
    // A code of 97-99 already set aside (the role's missingCodes, the file's declaration) marks the
    // range: its other values left are codes too, however few (a probe declared 99 alone, as an
    // earlier advice said, and its 97 and 98 stayed hours with no word).
    const aside = setAside(column, src, declared);
    const marked = [97, 98, 99].some(aside);
    // (Marked, a few cells are enough, as for codes apart from the hours.)
    const found = cells < MIN_CELLS && !marked ? null : suspect(await tallyOf(i), marked, marked);
    // Codes the file labels in words are said too when others are heaps: a probe's CL3 labelled 97
    // "Don't know" beside a heap at 99 (the advice for 99 alone left 97 read as 97 hours).
    const held = labelledCodes(await tallyOf(i), labels?.values[column] ?? {}, found?.values ?? []);
    if (found) out.push(message('HOURS_CODES_SUSPECT', { file, column, role, ...said(found) }));
    if (held) out.push(message('HOURS_CODES_LABELLED', { file, column, role, ...held }));
    else if (!found && await gapBelow(engine, column, table, await tallyOf(i))) apart.push(i);
    if (found || held) reported.add(role);
  }
  const pool = async (mine: number[]) => {
    const pooled: Tally = new Map();
    for (const i of mine) {
      for (const [v, t] of await tallyOf(i)) {
        const was = pooled.get(v);
        pooled.set(v, { n: (was?.n ?? 0) + t.n, r: Math.min(was?.r ?? Infinity, t.r) });
      }
    }
    return pooled;
  };
  for (const role of new Set(columns.map((c) => c.role))) {
    if (reported.has(role)) continue;
    const mine = [...columns.keys()].filter((i) => columns[i]!.role === role);
    const found = mine.length >= 2 && mine.reduce((s, i) => s + (counts[`sh${i}`] ?? 0), 0) >= MIN_CELLS ? suspect(await pool(mine), false) : null;
    const few = mine.filter((i) => apart.includes(i));
    const alone = found || !few.length ? null : suspect(await pool(few), true);
    const named = found ? mine : few;
    const hit = found ?? alone;
    if (hit) {
      out.push(named.length === 1
        ? message('HOURS_CODES_SUSPECT', { file, column: columns[named[0]!]!.column, role, ...said(hit) })
        : message('HOURS_CODES_SUSPECT_SUM', { file, columns: named.map((i) => columns[i]!.column).join(', '), role, ...said(hit) }));
    }
  }
  return out;
}

/** A code's value label in the file, written "98" or "98.0". */
const labelAt = (own: Record<string, string>, v: number): string | undefined => own[String(v)] ?? own[`${v}.0`];

/** The tally without the codes the file labels as hours ("98 hours or more": a label with a digit, a top code). */
function withoutTopCodes(at: Tally, own: Record<string, string>): Tally {
  return new Map([...at].filter(([v]) => !(CODES.includes(v) && /\d/.test(labelAt(own, v) ?? ''))));
}

/**
 * Codes the file itself labels in words (a .dta's 98 "NSP" left undeclared), as HOURS_CODES_LABELLED
 * says them, however few; or null. A label with a digit ("98 hours or more") names hours, not a code.
 */
function labelledCodes(at: Tally, own: Record<string, string>, except: number[]): { count: number; codes: string; row: number; list: string } | null {
  const label = (v: number) => labelAt(own, v);
  const held = CODES.filter((v) => label(v) !== undefined && !/\d/.test(label(v)!) && at.has(v) && !except.includes(v));
  if (!held.length) return null;
  return {
    count: held.reduce((t, v) => t + at.get(v)!.n, 0),
    codes: held.map((v) => `${v} "${label(v)}" (${at.get(v)!.n})`).join(', '),
    row: Math.min(...held.map((v) => at.get(v)!.r)) + 1,
    list: held.map((v) => `"${v}"`).join(', '),
  };
}

/** Cells of a column at each whole value 80-99 it still reads as hours: how many, and the first row (0-based). */
type Tally = Map<number, { n: number; r: number }>;

async function tally(engine: Engine, { column, src }: { column: string; src: ColumnSource }, declared: DeclaredMissing, table: string): Promise<Tally> {
  const aside = setAside(column, src, declared);
  const values = [...NEIGHBOURS, ...CODES].filter((v) => !aside(v));
  const c = ident(column);
  const rows = await engine.query(
    `SELECT ${c} AS v, COUNT(*)::BIGINT AS n, MIN(rowid)::BIGINT AS r FROM ${table} WHERE ${c} IN (${written(values).join(', ')}) GROUP BY 1`,
  );
  // "98" and "98.0" are the same value.
  const at: Tally = new Map();
  for (const row of rows) {
    const v = Number(row.v);
    const was = at.get(v);
    at.set(v, { n: (was?.n ?? 0) + Number(row.n), r: Math.min(was?.r ?? Infinity, Number(row.r)) });
  }
  return at;
}

/**
 * No cell of the column from GAP_FROM to 96 hours but the codes themselves (88): its codes stand apart
 * from its hours. A whole value just below a code (80-87, 90-96) in the column's tally answers without
 * reading the column.
 */
async function gapBelow(engine: Engine, column: string, table: string, at: Tally): Promise<boolean> {
  if (NEIGHBOURS.some((v) => at.has(v))) return false;
  const x = `TRY_CAST(${ident(column)} AS DOUBLE)`;
  const codes = CODES.filter((v) => v < 97).join(', ');
  const [r] = await engine.query(`SELECT COUNT(*)::BIGINT AS n FROM ${table} WHERE ${x} >= ${GAP_FROM} AND ${x} < 97 AND ${x} NOT IN (${codes})`);
  return Number(r?.n ?? 0) === 0;
}

/**
 * The rule of the module's comment over a tally: the suspect codes as the messages say them, or null.
 * `apart`: the column has no hours from GAP_FROM to 96, so fewer than MIN_CELLS cells are enough.
 * `marked`: a code of 97-99 is set aside already, so the range's values left are codes.
 */
function suspect(at: Tally, apart: boolean, marked = false): { count: number; codes: string; row: number; list: string; values: number[] } | null {
  const n = (v: number) => at.get(v)?.n ?? 0;
  const heaps = CODES.filter((v) => n(v) > Math.max(...neighbours(v).map(n)));
  // A heap at 97-99 (or a code of it set aside: `marked`) marks that range as the codes (MICS: 97 and
  // above): its other values are codes too, however few (a probe: 99 a heap, 97 and 98 two and three
  // cells beside 96's three, left read as hours by an advice that named 99 alone).
  const range = marked || heaps.some((v) => v >= 97);
  const found = range ? [...new Set([...heaps, ...CODES.filter((v) => v >= 97 && n(v) > 0)])].sort((a, b) => a - b) : heaps;
  const count = found.reduce((s, v) => s + n(v), 0);
  if (count === 0 || (count < MIN_CELLS && !apart)) return null;
  return {
    count,
    codes: found.map((v) => `${v} (${n(v)})`).join(', '),
    row: Math.min(...found.map((v) => at.get(v)!.r)) + 1,
    list: found.map((v) => `"${v}"`).join(', '),
    values: found,
  };
}

/** The message's parameters of suspect()'s finding. */
const said = ({ values: _values, ...params }: NonNullable<ReturnType<typeof suspect>>) => params;

/**
 * The cells that hold the whole numbers `values`, as SQL text literals: "98" and "98.0" (pandas), not
 * every spelling the roles read (mapping.ts codeVariants: "98.00", "098"): thirty codes in eight
 * spellings each would be 240 strings to compare in every cell of every hours column, for a warning.
 */
function written(values: number[]): string[] {
  return values.flatMap((v) => [String(v), `${v}.0`]).map(sqlString);
}

/** Whether the role or the file already reads the value v as no hours (its missingCodes, notAsked, missingFrom, declared codes; "v" and "v.0" alike: mapping.ts codeVariants). */
function setAside(column: string, src: ColumnSource, declared: DeclaredMissing): (v: number) => boolean {
  const codes = new Set(codeVariants(codesAside(column, src, declared)));
  return (v) => codes.has(String(v)) || (src.missingFrom !== undefined && v >= src.missingFrom);
}
