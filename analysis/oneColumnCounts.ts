import { columnCounts, type ValueCount } from './columnCounts.js';
import type { Engine } from './engine/engine.js';

/**
 * The validation's conditions that read one column of `src`, counted over that column's distinct
 * cells instead of its rows: count(cond) = sum over distinct cells v of n(v) * [cond(v)], exactly,
 * since such a condition is a function of the cell alone. The app's profile has listed the cells of
 * every column with few of them (columnCounts.ts `values`, kept in the session), so the design pass
 * (designPass.ts) need not evaluate these conditions on each of 2 million rows: in DuckDB-WASM, one
 * thread, the flag columns they took cost more than the rest of the pass (docs/performance.md).
 *
 * A condition qualifies when, string literals aside, it names exactly one quoted column, that column
 * has its cells listed, and every other word of it is a function (followed by a parenthesis) or an SQL
 * keyword of the list below: anything else (rowid, an unquoted column) leaves it to the pass.
 */
/**
 * The most distinct cells for which a profile lists a column's cells (columnCounts' maxValues): the
 * hours, ages, codes and classifications the conditions read have tens or hundreds; a weight or an id
 * has thousands, and its few conditions stay in the pass.
 */
export const LISTED_VALUES = 2000;

const KEYWORDS = new Set([
  'and', 'or', 'not', 'is', 'null', 'in', 'case', 'when', 'then', 'else', 'end', 'as', 'true', 'false', 'between',
  'like', 'ilike', 'distinct', 'from', 'double', 'integer', 'bigint', 'varchar', 'boolean',
]);

/** The one quoted column `sql` reads, or null (see above). */
export function oneColumn(sql: string): string | null {
  const columns = new Set<string>();
  let rest = '';
  for (const t of tokens(sql)) {
    if (t.kind === 'column') columns.add(t.text);
    else if (t.kind === 'code') rest += ` ${t.text} `;
  }
  for (const m of rest.matchAll(/[A-Za-z_][A-Za-z0-9_]*(\s*\()?/g)) {
    if (!m[1] && !KEYWORDS.has(m[0].toLowerCase())) return null;
  }
  return columns.size === 1 ? [...columns][0]! : null;
}

/** `sql` with its quoted column replaced by `by` (string literals untouched). */
function substitute(sql: string, by: string): string {
  return tokens(sql).map((t) => (t.kind === 'column' ? by : t.raw)).join('');
}

/** String literals, quoted identifiers (their names) and the code between them. */
function tokens(sql: string): { kind: 'string' | 'column' | 'code'; text: string; raw: string }[] {
  const out: { kind: 'string' | 'column' | 'code'; text: string; raw: string }[] = [];
  for (const m of sql.matchAll(/'(?:[^']|'')*'|"((?:[^"]|"")*)"|[^'"]+/g)) {
    const raw = m[0];
    if (raw.startsWith("'")) out.push({ kind: 'string', text: raw, raw });
    else if (raw.startsWith('"')) out.push({ kind: 'column', text: m[1]!.replace(/""/g, '"'), raw });
    else out.push({ kind: 'code', text: raw, raw });
  }
  return out;
}

/**
 * Counts the conditions that qualify over the listed cells (one query over a small table of them);
 * returns their counts and the conditions left to the pass.
 */
export async function countOverValues(
  engine: Engine, conditions: readonly string[], values: ReadonlyMap<string, readonly ValueCount[]> | null | undefined,
): Promise<{ counts: Map<string, number>; rest: string[] }> {
  const counts = new Map<string, number>();
  const mine: { sql: string; column: number }[] = [];
  const columns: string[] = [];
  const rest: string[] = [];
  for (const sql of conditions) {
    const col = values ? oneColumn(sql) : null;
    if (col === null || !values!.has(col)) {
      rest.push(sql);
      continue;
    }
    if (!columns.includes(col)) columns.push(col);
    mine.push({ sql, column: columns.indexOf(col) });
  }
  if (!mine.length) return { counts, rest };
  const listed = columns.flatMap((c, i) => values!.get(c)!.map((x) => ({ ...x, c: i })));
  await engine.insertColumns('_values', [
    { name: 'c', type: 'int32', values: Int32Array.from(listed, (x) => x.c) },
    { name: 'v', type: 'varchar', values: listed.map((x) => x.v ?? ''), valid: Uint8Array.from(listed, (x) => (x.v === null ? 0 : 1)) },
    { name: 'n', type: 'double', values: Float64Array.from(listed, (x) => x.n) },
  ], listed.length);
  const [r] = await engine.query(
    `SELECT ${mine.map((x, j) => `COALESCE(SUM(n) FILTER (WHERE c = ${x.column} AND (${substitute(x.sql, 'v')})), 0)::BIGINT AS k${j}`).join(', ')} FROM _values`,
  );
  await engine.run('DROP TABLE _values');
  mine.forEach((x, j) => counts.set(x.sql, Number(r![`k${j}`])));
  return { counts, rest };
}

/**
 * The cells, with their counts, of the columns that `conditions` read one at a time, for a caller
 * with no profile of the table (the command line): the same lists as the app's profile (columnCounts,
 * a GROUP BY per column), so that the same conditions leave the pass. `skip`: columns with a cell per
 * row or per PSU (the weight, the stratum and PSU ids), whose grouping would cost more than it saves
 * and whose cells are never listed. Measured natively at 2,000,000 children x 14 such columns: the
 * grouping 0.2 s, the flag columns it spares 0.6 s (docs/performance.md, fifteenth session).
 */
export async function listedValues(engine: Engine, table: string, conditions: readonly string[], skip: readonly string[]): Promise<Map<string, ValueCount[]>> {
  const columns = [...new Set(conditions.map(oneColumn).filter((c): c is string => c !== null && !skip.includes(c)))];
  const out = new Map<string, ValueCount[]>();
  if (!columns.length) return out;
  const { counts } = await columnCounts(engine, table, columns, 0, LISTED_VALUES);
  for (const [c, k] of counts) if (k.values) out.set(c, k.values);
  return out;
}
