import type { Engine } from './engine/engine.js';
import { ident, sqlString } from './engine/values.js';
import type { DeclaredMissing } from './import/declaredMissing.js';
import { codeVariants, sourceColumns } from './mapping.js';
import { message, type Message } from './messages.js';
import type { ColumnSource, Mapping } from './types.js';

/**
 * Hours that look like "don't know" codes read as real hours. Surveys code unknown hours 97, 98 or 99
 * (MICS: 98 don't know, 99 missing); a .sav declares them missing, but the CSV of the same file does
 * not, and 98 then counts as 98 hours a week: every such child is over every hours threshold, silently.
 * Larger codes (997-999, 9997-9999) need no check here: hours above 168 already stop the run.
 *
 * The rule: a value 97, 98 or 99 that the role still reads as hours (not set aside by missingCodes,
 * missingFrom or the file's declared codes) is suspect when more cells hold it than hold the busiest
 * single value from 90 to 96. Real hours thin out smoothly towards the top of the week, so a value
 * that outnumbers its neighbours is a heap, and heaps at 97-99 are codes. The column is reported when
 * its suspect values hold at least MIN_CELLS cells together: a stray 98 is left alone.
 */
const CODES = [97, 98, 99];
const NEIGHBOURS = [90, 91, 92, 93, 94, 95, 96];
const MIN_CELLS = 5;

/** The hours columns checked: each column of econHours and choresHours, with its role. */
function hoursColumns(m: Mapping): { role: string; column: string; src: ColumnSource }[] {
  // A column listed twice in one role is checked once.
  return sourceColumns(m, (r) => r === 'econHours' || r === 'choresHours');
}

/**
 * The conditions to count, by key (`sh<i>`: column i holds a cell written 97, 98 or 99): they join the
 * validation's other counts, so they are counted in its one pass over the file (the design pass,
 * designPass.ts). A test of the text, not of the number: reading every cell as a number costs 0.1 s a
 * column at 2M children in DuckDB-WASM, and the codes are written "98" or "98.0" (written(); a .sav's
 * or .dta's numbers are stored as a CSV writes them: "98"). Only a column that has some is read again. Codes
 * already set aside (the role's missingCodes or missingFrom, the file's declared codes: a MICS .sav's
 * 98 and 99) are not looked for.
 */
export function suspectHoursCounts(m: Mapping, declared: DeclaredMissing): Record<string, string> {
  return Object.fromEntries(hoursColumns(m).map((c, i) => {
    const aside = setAside(c.src, declared[c.column] ?? []);
    const open = CODES.filter((v) => !aside(v));
    return [`sh${i}`, open.length ? `${ident(c.column)} IN (${written(open).join(', ')})` : 'FALSE'];
  }));
}

/**
 * One warning (HOURS_CODES_SUSPECT) per hours column whose 97-99 look like codes. `counts` (by key,
 * suspectHoursCounts) says which columns hold 97-99 at all; only those are read again, for their
 * cells written 90 to 99 (a text test, as the count's: one small GROUP BY, no number read per row),
 * less the codes set aside.
 */
export async function suspectHoursCodes(
  engine: Engine, m: Mapping, file: string, declared: DeclaredMissing, counts: Record<string, number>, table = 'src',
): Promise<Message[]> {
  const out: Message[] = [];
  for (const [i, { role, column, src }] of hoursColumns(m).entries()) {
    if ((counts[`sh${i}`] ?? 0) < MIN_CELLS) continue;
    const aside = setAside(src, declared[column] ?? []);
    const values = [...NEIGHBOURS, ...CODES].filter((v) => !aside(v));
    const c = ident(column);
    const rows = await engine.query(
      `SELECT ${c} AS v, COUNT(*)::BIGINT AS n, MIN(rowid)::BIGINT AS r FROM ${table} WHERE ${c} IN (${written(values).join(', ')}) GROUP BY 1`,
    );
    // "98" and "98.0" are the same value.
    const at = new Map<number, { n: number; r: number }>();
    for (const row of rows) {
      const v = Number(row.v);
      const was = at.get(v);
      at.set(v, { n: (was?.n ?? 0) + Number(row.n), r: Math.min(was?.r ?? Infinity, Number(row.r)) });
    }
    const n = (v: number) => at.get(v)?.n ?? 0;
    const busiest = Math.max(...NEIGHBOURS.map(n));
    const found = CODES.filter((v) => !aside(v) && n(v) > busiest);
    const count = found.reduce((s, v) => s + n(v), 0);
    if (count < MIN_CELLS) continue;
    out.push(message('HOURS_CODES_SUSPECT', {
      file, column, role, count,
      codes: found.map((v) => `${v} (${n(v)})`).join(', '),
      row: Math.min(...found.map((v) => at.get(v)!.r)) + 1,
      list: found.map((v) => `"${v}"`).join(', '),
    }));
  }
  return out;
}

/** The cells that hold the whole numbers `values`, as SQL text literals: "98" and "98.0", as the roles read codes (mapping.ts codeVariants). */
function written(values: number[]): string[] {
  return codeVariants(values.map(String)).map(sqlString);
}

/** Whether the role or the file already reads the value v as missing (its missingCodes, missingFrom, declared codes; "v" and "v.0" alike: mapping.ts codeVariants). */
function setAside(src: ColumnSource, declared: readonly string[]): (v: number) => boolean {
  const codes = new Set([...(src.missingCodes ?? []), ...declared]);
  return (v) => codes.has(String(v)) || (src.missingFrom !== undefined && v >= src.missingFrom);
}
