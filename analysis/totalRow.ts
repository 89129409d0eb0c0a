import type { Engine } from './engine/engine.js';
import type { DeclaredMissing } from './import/declaredMissing.js';
import { ageSql, numericColumnSql } from './mapping.js';
import { message, type Message } from './messages.js';
import type { Mapping } from './types.js';

/**
 * A total row under the data (a sheet that ends with "Total" and the sums of its columns): its weight
 * is the sum of every weight above it. It is no child: read as one, it stopped the run with errors
 * about its hours (the sum of everyone's, "10543"), its blank stratum and PSU, and advice to declare
 * those sums missing codes; in a design without strata or clusters it was a child of its own, in
 * silence (a probe of NSO workbooks). One error, DATA_TOTAL_ROW, names it; the findings of that row
 * alone go with it (validate.ts withoutHeaderEchoes). The test is the weight's, not the label's: a
 * total row may say "Total", "Ensemble", "Total général" or nothing.
 */
const RELATIVE = 1e-6;

export async function totalRow(engine: Engine, m: Mapping, file: string, declared: DeclaredMissing): Promise<Message[]> {
  const w = numericColumnSql(m.weight, { columns: [m.weight] }, declared);
  const age = ageSql(m, declared);
  // The last row first (a lookup by rowid): a total row has no age, or the sum of the ages. Only then
  // is the weight column summed, so a file without one pays one row's read.
  const [last] = await engine.query(`SELECT rowid AS r, ${w} AS w, ${age} AS age FROM src WHERE rowid = (SELECT MAX(rowid) FROM src)`);
  const [row, wl, a] = [Number(last?.r), Number(last?.w), last?.age === null || last?.age === undefined ? null : Number(last.age)];
  if (!(row >= 2 && wl > 0 && (a === null || !(a >= 0 && a <= 120)))) return [];
  const [r] = await engine.query(`SELECT SUM(w) AS ws FROM (SELECT ${w} AS w FROM src WHERE rowid < ${row}) WHERE w > 0 AND isfinite(w)`);
  const ws = Number(r?.ws);
  if (!(ws > 0 && Math.abs(wl - ws) <= RELATIVE * ws)) return [];
  return [message('DATA_TOTAL_ROW', { file, row: row + 1, column: m.weight, value: String(last!.w) })];
}
