import type { Engine } from '../engine/engine.js';
import { ident, sqlString } from '../engine/values.js';
import type { DecodedTable } from './columns.js';

/**
 * Codes a file itself declares missing: SPSS user-missing values (98, 99 in a MICS .sav), Stata's
 * extended missing values (.a-.z), SPSS missing strings. They are "missing with a code", which is not
 * the same as a blank cell: in MICS a blank hours cell means the question was not asked (0 hours),
 * while 98 means "don't know". So the loader keeps the code in the raw table, as a CSV of the same
 * survey would hold it, and writes the codes here; the mapping (mapping.ts) and the validation read
 * them back and treat them as missing in every role, whatever the analysis file declares.
 *
 * The table `_declared_<raw table>` has one row per (column, code) that occurs in the file.
 */
export type DeclaredMissing = Record<string, string[]>;

const tableOf = (raw: string) => ident(`_declared_${raw}`);

/**
 * Puts the declared codes back into the text table (the readers leave those cells empty) and saves the
 * list of codes. One UPDATE per column that has codes, from a small table of (row, code).
 */
export async function restoreDeclaredMissing(engine: Engine, t: DecodedTable, raw: string): Promise<void> {
  const declared: DeclaredMissing = {};
  for (const c of t.columns) {
    const cells = c.missingCodes;
    if (!cells?.size) continue;
    const rows = new Int32Array(cells.size);
    const codes: string[] = [];
    let i = 0;
    for (const [r, code] of cells) {
      rows[i++] = r;
      codes.push(code);
    }
    const staging = '_declared_cells';
    await engine.insertColumns(staging, [
      { name: 'r', type: 'int32', values: rows, valid: new Uint8Array(rows.length).fill(1) },
      { name: 'v', type: 'varchar', values: codes, valid: new Uint8Array(rows.length).fill(1) },
    ], rows.length);
    await engine.run(`UPDATE ${ident(raw)} SET ${ident(c.name)} = s.v FROM ${staging} s WHERE ${ident(raw)}.rowid = s.r`);
    await engine.run(`DROP TABLE IF EXISTS ${staging}`);
    declared[c.name] = [...new Set(codes)];
  }
  await saveDeclaredMissing(engine, raw, declared);
}

/** Writes the declared codes of the raw table `raw` (an empty list for formats without declarations). */
export async function saveDeclaredMissing(engine: Engine, raw: string, declared: DeclaredMissing): Promise<void> {
  const values = Object.entries(declared).flatMap(([col, codes]) => codes.map((code) => `(${sqlString(col)}, ${sqlString(code)})`));
  await engine.run(`CREATE OR REPLACE TABLE ${tableOf(raw)} (col VARCHAR, code VARCHAR)`);
  if (values.length) await engine.run(`INSERT INTO ${tableOf(raw)} VALUES ${values.join(', ')}`);
}

/** The declared codes of the raw table, by column; none when the table was not made by importData. */
export async function readDeclaredMissing(engine: Engine, raw = 'src'): Promise<DeclaredMissing> {
  const exists = await engine.query(`SELECT 1 AS x FROM duckdb_tables() WHERE table_name = ${sqlString(`_declared_${raw}`)}`);
  if (!exists.length) return {};
  const out: DeclaredMissing = {};
  for (const r of await engine.query(`SELECT col, code FROM ${tableOf(raw)} ORDER BY col, code`)) {
    (out[String(r.col)] ??= []).push(String(r.code));
  }
  return out;
}
