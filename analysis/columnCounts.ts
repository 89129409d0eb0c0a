import type { Engine } from './engine/engine.js';
import { ident } from './engine/values.js';

/** What one scan learns of a text column of the raw table (cells stored trimmed: blank is NULL or ''). */
export interface ColumnCounts {
  /** Non-blank cells. */
  rows: number;
  /** Distinct non-blank values. */
  distinct: number;
  /** Non-blank cells that are not whole numbers (text, or numbers with a fraction). */
  nonInteger: number;
  /** Non-blank cells that are numbers. */
  numbers: number;
  /** The distinct non-blank values, when there are at most `maxCodes` of them (any order); else empty. */
  codes: string[];
  /**
   * Every distinct cell of the column with its number of cells, NULL and '' apart, when there are at
   * most `maxValues` (the validation counts its one-column conditions over them: oneColumnCounts.ts).
   */
  values?: ValueCount[];
}

/** A distinct cell of a column (NULL for a missing cell) and the number of cells holding it. */
export interface ValueCount {
  v: string | null;
  n: number;
}

/**
 * Values listed in all (columnCounts' `maxValues`): a file of thousands of small columns would
 * otherwise send each column's values back; past this many, the later batches list none.
 */
const VALUES_BUDGET = 200_000;

/**
 * Columns per query: 48 keeps each query's plan small on a file of thousands of columns (and
 * DuckDB's GROUPING_ID, a BIGINT bit mask, takes 64 at most).
 */
const BATCH = 48;

/**
 * From this many rows, each column is grouped by a GROUP BY of its own (UNION ALL); below, by one GROUP
 * BY GROUPING SETS. A branch of the union costs about 3.5 ms whatever its rows (DuckDB-WASM, a file
 * of 10,000 columns x 2,000 rows: 46-51 s against 10-11 s), the grouping sets about 13 ns more per
 * cell (2,000,000 rows x 17 columns: 1.2 s against 0.76 s): they break even near 270,000 rows.
 */
const UNION_ROWS = 250_000;

/**
 * The counts of every column of `table` named in `names`, and the total number of rows.
 *
 * Pipeline (one query per 48 columns): a GROUP BY per column (UNION ALL; on fewer than UNION_ROWS
 * rows one GROUP BY GROUPING SETS) gives each column's distinct values with their number of cells; a second GROUP BY over those groups adds them up per
 * column. The number tests (TRY_CAST to DOUBLE, whole or not) then run once per distinct value instead
 * of once per cell: a 2,000,000-row file of 17 columns has about 2.4 million distinct values against 34
 * million cells, which halves the app's profile in DuckDB-WASM (docs/performance.md). The code list
 * of a column is its smallest `maxCodes + 1` values (`min(v, n)`), kept when it has at most `maxCodes`;
 * they come back as one text, `\` and `,` escaped with `\` and the codes joined by `,` (the engines
 * return no lists, and DuckDB-WASM has no JSON functions).
 */
export async function columnCounts(
  engine: Engine, table: string, names: readonly string[], maxCodes = 0, maxValues = 0, unionRows = UNION_ROWS,
): Promise<{ rows: number; counts: Map<string, ColumnCounts> }> {
  const counts = new Map<string, ColumnCounts>();
  const rows = Number((await engine.query(`SELECT count(*)::BIGINT AS n FROM ${ident(table)}`))[0]!.n);
  const union = rows >= unionRows;
  let listed = 0;
  for (let start = 0; start < names.length; start += BATCH) {
    const batch = names.slice(start, start + BATCH);
    const max = listed < VALUES_BUDGET ? maxValues : 0;
    const found = await engine.query(columnCountsSql(table, batch, maxCodes, max, union));
    for (const r of found) {
      const name = batch[Number(r.i)]!;
      const distinct = Number(r.d);
      const codes = distinct > 0 && distinct <= maxCodes ? splitList(String(r.codes)) : [];
      const c: ColumnCounts = { rows: Number(r.nn ?? 0), distinct, nonInteger: Number(r.nn ?? 0) - Number(r.whole ?? 0), numbers: Number(r.x ?? 0), codes };
      if (max > 0 && Number(r.groups) <= max) {
        c.values = valueCounts(String(r.vals));
        listed += c.values.length;
      }
      counts.set(name, c);
    }
  }
  for (const name of names) if (!counts.has(name)) counts.set(name, { rows: 0, distinct: 0, nonInteger: 0, numbers: 0, codes: [] });
  return { rows, counts };
}

/**
 * The query of one batch: a row per column `i` (its index in `batch`) with n, nn, d, x, whole, codes,
 * and with `maxValues` its number of distinct cells (`groups`, blank ones too) and up to maxValues + 1
 * of them with their counts (`vals`: `v=n`, `\N` for NULL, `\`, `,` and `=` escaped with `\`).
 * Cells are grouped as they are, so that NULL and '' count apart for the validation; blank (either)
 * is left out of the profile's own counts.
 */
function columnCountsSql(table: string, batch: readonly string[], maxCodes: number, maxValues: number, union: boolean): string {
  const x = 'TRY_CAST(v AS DOUBLE)';
  const escape = (e: string) => `replace(replace(replace(${e}, '\\', '\\\\'), ',', '\\,'), '=', '\\=')`;
  return `WITH g AS (
  ${union ? unionGroups(table, batch) : groupingSets(table, batch)})
SELECT i, sum(n)::BIGINT AS n, (count(v) FILTER (WHERE v <> ''))::BIGINT AS d, (sum(n) FILTER (WHERE v <> ''))::BIGINT AS nn,
       (sum(n) FILTER (WHERE ${x} IS NOT NULL))::BIGINT AS x, (sum(n) FILTER (WHERE ${x} = trunc(${x})))::BIGINT AS whole,
       ${maxCodes > 0 ? `array_to_string(list_transform(min(v, ${maxCodes + 1}) FILTER (WHERE v <> ''), lambda c: ${escape('c')}), ',')` : 'NULL'} AS codes,
       ${maxValues > 0 ? `count(*)::BIGINT AS groups, array_to_string(list_transform(min(struct_pack(v := v, n := n), ${maxValues + 1}), lambda p: COALESCE(${escape('p.v')}, '\\N') || '=' || p.n), ',') AS vals` : 'NULL AS groups, NULL AS vals'}
FROM g GROUP BY i`;
}

/** Each column's cells (`i`, `v`) with their counts `n`: a GROUP BY per column, one after the other. */
function unionGroups(table: string, batch: readonly string[]): string {
  return batch.map((name, i) => `SELECT ${i} AS i, ${ident(name)} AS v, count(*) AS n FROM ${ident(table)} GROUP BY ${ident(name)}`).join('\n  UNION ALL ');
}

/** The same as unionGroups, by one GROUP BY GROUPING SETS ((k0), (k1), ...) in one scan. */
function groupingSets(table: string, batch: readonly string[]): string {
  const k = batch.map((_, i) => `k${i}`);
  const all = (1n << BigInt(batch.length)) - 1n;
  // GROUPING_ID's bit for the i-th argument is 2^(K-1-i), set when that column is NOT grouped: the set
  // (k_i) has every bit but its own.
  const mask = (i: number) => all ^ (1n << BigInt(batch.length - 1 - i));
  const gid = `GROUPING_ID(${k.join(', ')})`;
  return `SELECT CASE ${gid} ${k.map((c, i) => `WHEN ${mask(i)} THEN ${i}`).join(' ')} END AS i,
         CASE ${gid} ${k.map((c, i) => `WHEN ${mask(i)} THEN ${c}`).join(' ')} END AS v,
         count(*) AS n
  FROM (SELECT ${batch.map((name, i) => `${ident(name)} AS k${i}`).join(', ')} FROM ${ident(table)})
  GROUP BY GROUPING SETS (${k.map((c) => `(${c})`).join(', ')})`;
}

/** The `v=n` items of columnCountsSql's `vals`: v unescaped (`\N` is NULL), n a count. */
function valueCounts(text: string): ValueCount[] {
  const out: ValueCount[] = [];
  let v = '';
  let n = '';
  let inCount = false;
  let nul = false;
  for (let i = 0; i <= text.length; i++) {
    const ch = text[i];
    if (inCount && (ch === ',' || ch === undefined)) {
      out.push({ v: nul ? null : v, n: Number(n) });
      [v, n, inCount, nul] = ['', '', false, false];
    } else if (inCount) n += ch;
    else if (ch === '\\') {
      const next = text[++i] ?? '';
      if (next === 'N') nul = true;
      else v += next;
    } else if (ch === '=') inCount = true;
    else if (ch !== undefined) v += ch;
  }
  return out;
}

/** The codes of `a\,b,c\\d` (columnCountsSql's list): `a,b` and `c\d`. */
function splitList(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\') cur += text[++i] ?? '';
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}
