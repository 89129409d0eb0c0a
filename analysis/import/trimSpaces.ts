import type { Engine } from '../engine/engine.js';
import { ident } from '../engine/values.js';

/**
 * Trims, in place, the cells of a raw table that start or end with a space: after it, every cell of
 * `src` (and of each file of a set) is stored as `trim(cell)`, and no query of the core or the app
 * trims again. Codes such as " 1" and "1" were always read as the same code (every role, category
 * and key compared trimmed values); storing them trimmed keeps that meaning and takes DuckDB's
 * `trim()` out of every later scan, where it was the costliest function on DuckDB-WASM (about 0.13 s
 * per 2 million cells, repeated by the profile, the validation and the design pass:
 * docs/performance.md). trim() is idempotent, so an expression f(trim(x)) over the old table equals
 * f(x) over the trimmed one: results do not change.
 *
 * One scan counts, per text column, the cells with a leading or trailing space (DuckDB's trim()
 * removes spaces only, not tabs: LIKE ' %' or '% ' finds exactly the cells it changes); a column with
 * any is then trimmed by one UPDATE of those rows. Files without such cells (nearly all) cost the
 * scan only.
 */
export async function trimSpaces(engine: Engine, table: string): Promise<void> {
  const described = await engine.query(`SELECT column_name, column_type FROM (DESCRIBE ${ident(table)})`);
  const text = described.filter((r) => String(r.column_type) === 'VARCHAR').map((r) => String(r.column_name));
  if (!text.length) return;
  const spaced = (c: string) => `(${ident(c)} LIKE ' %' OR ${ident(c)} LIKE '% ')`;
  const [r] = await engine.query(`SELECT ${text.map((c, i) => `count(CASE WHEN ${spaced(c)} THEN 1 END) AS s${i}`).join(', ')} FROM ${ident(table)}`);
  const dirty = text.filter((_, i) => Number(r![`s${i}`]) > 0);
  if (!dirty.length) return;
  await engine.run(`UPDATE ${ident(table)} SET ${dirty.map((c) => `${ident(c)} = trim(${ident(c)})`).join(', ')} WHERE ${dirty.map(spaced).join(' OR ')}`);
}
