import type { Engine } from '../engine/engine.js';
import { ident, sqlString } from '../engine/values.js';
import { DECIMAL_COMMA_NUMBER } from './textFile.js';

/**
 * Numbers written with a decimal comma ("12,5"), in a delimited file read with `decimalComma`: every
 * column not declared text gets "12,5" -> "12.5"; any other value stays as written (and validation
 * reports it if its role is numeric).
 *
 * A value written with a dot in such a file ("1.235", "1.234,5", "12.5") is ambiguous: in Spanish,
 * French or German exports the dot separates thousands (1.235 for 1235), but another program may
 * have written a decimal point. Left as written it would read as 1.235, a weight a thousand times too
 * small, silently. So before the commas are converted, the dotted numbers of each column are counted
 * (with the first row and value) into `_dotted_<table>`, and the validation refuses a numeric role
 * that has any (checkValues.ts, VALUE_DECIMAL_POINT): the app does not guess which the dot is.
 */
/** The sampler's test of a decimal-comma number (textFile.ts), as SQL: the same cells are converted. */
const COMMA_NUMBER = sqlString(DECIMAL_COMMA_NUMBER.source);
const DOTTED_NUMBER = `'[-+]?([0-9]+\\.[0-9.]*|\\.[0-9]+)(,[0-9]*)?'`;

const dottedTable = (table: string) => ident(`_dotted_${table}`);

/** Counts the dotted numbers of `columns`, then converts their decimal commas, in place (row order kept). */
export async function convertDecimalComma(engine: Engine, table: string, columns: readonly string[]): Promise<void> {
  await engine.run(`CREATE OR REPLACE TABLE ${dottedTable(table)} (col VARCHAR, n BIGINT, r BIGINT, v VARCHAR)`);
  if (!columns.length) return;
  const is = (c: string, pattern: string) => `regexp_full_match(trim(${ident(c)}), ${pattern})`;
  const [found] = await engine.query(`SELECT ${columns.map((c, i) => `COUNT(*) FILTER (WHERE ${is(c, DOTTED_NUMBER)}) AS n${i},
    MIN(rowid) FILTER (WHERE ${is(c, DOTTED_NUMBER)}) AS r${i}, arg_min(${ident(c)}, rowid) FILTER (WHERE ${is(c, DOTTED_NUMBER)}) AS v${i}`).join(', ')} FROM ${ident(table)}`);
  const dotted = columns.flatMap((c, i) => (Number(found![`n${i}`]) > 0 ? [`(${sqlString(c)}, ${Number(found![`n${i}`])}, ${Number(found![`r${i}`])}, ${sqlString(String(found![`v${i}`]))})`] : []));
  if (dotted.length) await engine.run(`INSERT INTO ${dottedTable(table)} VALUES ${dotted.join(', ')}`);
  const replace = columns.map((c) => `(CASE WHEN ${is(c, COMMA_NUMBER)} THEN replace(trim(${ident(c)}), ',', '.') ELSE ${ident(c)} END) AS ${ident(c)}`);
  await engine.run(`CREATE OR REPLACE TABLE ${ident(table)} AS SELECT * REPLACE (${replace.join(', ')}) FROM ${ident(table)}`);
}

/** Forgets the dotted numbers of an earlier file read into `table`. */
export async function clearDotted(engine: Engine, table: string): Promise<void> {
  await engine.run(`DROP TABLE IF EXISTS ${dottedTable(table)}`);
}

/** The dotted numbers of the raw table by column (first row counted from 1), none when it was not read with a decimal comma. */
export async function readDotted(engine: Engine, table = 'src'): Promise<Map<string, { count: number; row: number; value: string }>> {
  const exists = await engine.query(`SELECT 1 AS x FROM duckdb_tables() WHERE table_name = ${sqlString(`_dotted_${table}`)}`);
  if (!exists.length) return new Map();
  const rows = await engine.query(`SELECT col, n, r, v FROM ${dottedTable(table)}`);
  return new Map(rows.map((r) => [String(r.col), { count: Number(r.n), row: Number(r.r) + 1, value: String(r.v) }]));
}
