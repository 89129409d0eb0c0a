import { ident } from './engine/values.js';
import type { DeclaredMissing } from './import/declaredMissing.js';
import { mappedColumns, noNumberSql, numericColumnSql, universeSql, yesNoColumnSql } from './mapping.js';
import { wholeExpression } from './typedConditions.js';
import type { Mapping } from './types.js';

/**
 * The readings of the mapped columns that the SQL builders (mapping.ts, checkValues.ts, the
 * validation's conditions) write again and again: each column's "no value" test, the number of a
 * numeric role's column (its missing codes, its blank rule), the yes/no of a yes/no role's column,
 * the weight, the age and the universe. An hours column's number is in its role's sum, its known sum
 * and several conditions. Each is built of TRY_CAST, comparisons and regular expressions, none of
 * which can fail, so computing one on every row (not only where a CASE would have reached it)
 * changes nothing.
 */
export function columnReadings(m: Mapping, declared: DeclaredMissing): string[] {
  const out = new Set<string>([
    numericColumnSql(m.weight, { columns: [m.weight] }, declared),
    numericColumnSql(m.age, { columns: [m.age] }, declared),
  ]);
  if (m.universe) out.add(universeSql(m));
  for (const rc of mappedColumns(m)) {
    out.add(noNumberSql(ident(rc.column)));
    if (rc.source) out.add(rc.numeric ? numericColumnSql(rc.column, rc.source, declared) : yesNoColumnSql(rc.column, rc.source, declared));
  }
  return [...out];
}

/**
 * The design pass's columns `sql` with each reading they repeat read by name: `columns` computes the
 * readings once (`<reading> AS _e<i>`), in a projection under the statement. Why: DuckDB's expression
 * rewriter takes a time that grows faster than a statement's expression tree. A probe's file with 13
 * hours columns (their numbers in two sums and a dozen conditions: a 39 KB statement) took 3.4 s to
 * plan for 710 children; read by name, 0.24 s (docs/performance.md, twenty-sixth section).
 *
 * The same rows give the same values: a reading is replaced where the same builder wrote the same
 * text, a whole expression (a parenthesised group or a function call: typedConditions.ts), by its
 * name in parentheses, so the text around it parses as before; longer readings first, as one may hold
 * another. A reading written once stays where it is.
 */
export function shareReadings(sql: readonly string[], readings: readonly string[]): { sql: string[]; columns: string[] } {
  const times = (r: string) => sql.reduce((n, s) => n + s.split(r).length - 1, 0);
  const repeated = readings.filter((r) => wholeExpression(r) && times(r) > 1).sort((a, b) => b.length - a.length);
  const names = repeated.map((_, i) => `_e${i}`);
  return {
    sql: sql.map((s) => repeated.reduce((t, r, i) => t.split(r).join(`(${names[i]})`), s)),
    columns: repeated.map((r, i) => `${r} AS ${names[i]}`),
  };
}
