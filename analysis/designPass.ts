import { strataSql } from './domainSums.js';
import type { Engine, Row } from './engine/engine.js';
import { ident } from './engine/values.js';
import type { DeclaredMissing } from './import/declaredMissing.js';
import { designIdSql, designKeys, extraColumn, extraSql, mappedColumns, pairCodeSql, regionSql, surveyColumns } from './mapping.js';
import type { Mapping } from './types.js';
import { typedConditions } from './typedConditions.js';
import { columnReadings, shareReadings } from './sharedReadings.js';
import type { ValueCount } from './columnCounts.js';
import { countOverValues, listedValues } from './oneColumnCounts.js';
import { stopwatch } from './stopwatch.js';

/**
 * The design pass: the prepared design (prepareDesign.ts) and the counts the validation needs (validate.ts)
 * from ONE scan of the raw table `src`, instead of a scan per check and two copies of the table.
 *
 *   1. `_pairs`: the distinct (stratum, PSU) pairs of the file, as trimmed text, with the first row of
 *      each (a small table: one row per PSU). Strata, PSU counts, integer ids (`_ids`), `_strata` and
 *      the checks of PSU ids that repeat across strata are read from it; `_pairids` holds each raw
 *      pair with its integer ids.
 *   2. `_dict_<c>`: the codes of region and of each extra breakdown.
 *   3. `classified`: the typed columns of mapping.ts (the `survey` table's), the integer ids of strata
 *      and PSUs (the raw key cells joined to `_pairids`: no key text is built per row) and the codes of
 *      sex, area, region and extras (classifiedSelect), built straight from `src` (no `survey` copy), and flag columns that
 *      count any list of conditions over the raw table in the same scan: `_v<j>` holds 30 conditions
 *      as bits. One GROUP BY over the flags then counts every condition; the validation looks for the
 *      rows of a problem (its row numbers, its first value) only when its count is not zero.
 *
 * Every expression is the one the separate queries used (mapping.ts, checkValues.ts, validate.ts), so the tables and
 * counts are the same. The tables it builds are those of the legacy preparation (prepareDesign.ts
 * prepareDesign) under the same names; `survey` is never built. It applies when PSUs are mapped and
 * there is no fpc (fusedPassApplies); otherwise prepareDesign.ts and checkValues.ts take their step-by-step path.
 */
export interface DesignPass {
  /** The mapping and declared codes the tables were built for. */
  key: string;
  /** Rows of `src` matching each condition, by its SQL. */
  counts: Map<string, number>;
  /** Milliseconds per step. */
  timings: Record<string, number>;
}

/** Internal names the pass gives columns of its small tables; a key column of the file with that name takes the step-by-step path. */
const FIRST_ROW = '_r';
const KEY_H = '_hk';
const KEY_PSU = '_pk';
const RESERVED = [FIRST_ROW, KEY_H, KEY_PSU];
/** Names the pass gives the readings it shares (sharedReadings.ts) beside the mapped columns: a mapped column so named takes the step-by-step path. */
const SHARED = /^_(rowid|e[0-9]+)$/;

export function fusedPassApplies(m: Mapping): boolean {
  return !!m.psu && !m.fpc && !RESERVED.includes(m.psu) && !RESERVED.includes(m.stratum ?? '') && !mappedColumns(m).some((c) => SHARED.test(c.column));
}

export const designPassKey = (m: Mapping, declared: DeclaredMissing) => JSON.stringify([m, declared]);

/** Conditions per flag column (bits of a signed 32-bit INTEGER). */
const BITS = 30;

/** The codes of region and of the extras (mapping.ts: region, x0, x1...), as SQL over `src`. */
export function codedColumns(m: Mapping, declared: DeclaredMissing): { name: string; sql: string }[] {
  return [
    { name: 'region', sql: regionSql(m, declared) },
    ...(m.extras ?? []).map((_, i) => ({ name: extraColumn(i), sql: extraSql(m, i, declared) })),
  ];
}

/**
 * The columns of `classified` over the `survey` columns `s` joined to the ids `ids` and the code
 * dictionaries `d_<name>`: every survey column but the text ones, which go as integer codes (sex and
 * area 0/1/-1, region and extras their dictionary's codes, -1 for none): the estimation reads codes,
 * and text is the costliest thing to write (0.1-0.15 s a column at 2M children in DuckDB-WASM).
 * `keys`: the columns of `s` the ids were joined on (left out).
 */
export function classifiedSelect(m: Mapping, coded: string[], keys: string[]): string {
  return [
    `s.* EXCLUDE (${[...keys, 'sex', 'area', ...coded].join(', ')})`,
    'ids._hid AS _h',
    'ids._pid AS _psu',
    `${pairCodeSql('s.sex', m.sex.male, m.sex.female)} AS _c_sex`,
    `${m.area ? pairCodeSql('s.area', m.area.urban, m.area.rural) : '-1'} AS _c_area`,
    ...coded.map((c) => `COALESCE(d_${c}.code, -1) AS _c_${c}`),
  ].join(', ');
}

/** Conditions as flag columns `<prefix><j>`: BITS conditions per INTEGER, bit b set when condition b holds. */
function flagColumns(list: readonly string[], prefix: string): string[] {
  const flags: string[] = [];
  for (let j = 0; j * BITS < list.length; j++) {
    const part = list.slice(j * BITS, (j + 1) * BITS);
    flags.push(`(${part.map((c, b) => `CASE WHEN ${c} THEN ${2 ** b} ELSE 0 END`).join(' + ')})::INTEGER AS ${prefix}${j}`);
  }
  return flags;
}

/**
 * `values`: the cells of columns of `src` with their counts (the app's profile: columnCounts.ts), over
 * which the conditions reading one of those columns are counted instead (oneColumnCounts.ts).
 */
export async function designPass(
  engine: Engine, m: Mapping, declared: DeclaredMissing, conditions: string[], values?: ReadonlyMap<string, readonly ValueCount[]> | null,
): Promise<DesignPass> {
  const { timings, lap } = stopwatch();
  const keyCols = [...new Set([m.stratum, m.psu].filter((c): c is string => !!c))];
  const keys = keyCols.map((_, i) => `_key${i}`);
  await engine.run(
    `CREATE OR REPLACE TABLE _pairs AS SELECT ${keyCols.map((c) => ident(c)).join(', ')}, MIN(rowid)::BIGINT AS ${FIRST_ROW} FROM src GROUP BY ALL`,
  );
  // The same keys as the `survey` table's: mapping.ts's expressions give over `_pairs` what they give
  // over `src` (its cells are stored trimmed: import/trimSpaces.ts).
  const { h, psu } = designKeys(m, declared);
  await engine.run(
    `CREATE OR REPLACE TABLE _ids AS SELECT _h, _psu, (dense_rank() OVER (ORDER BY _h))::INTEGER AS _hid, (row_number() OVER (ORDER BY _h, _psu))::INTEGER AS _pid FROM (SELECT DISTINCT ${h} AS _h, ${psu} AS _psu FROM _pairs)`,
  );
  await engine.run(strataSql('_ids', '_strata', 'none'));
  // Each raw (stratum, PSU) pair with its ids: the pass joins the file's own key cells to it, so no
  // key text is built per row (the pairs are few: one per PSU).
  await engine.run(
    `CREATE OR REPLACE TABLE _pairids AS SELECT ${keyCols.map((c, i) => `${ident(c)} AS ${keys[i]}`).join(', ')}, ids._hid, ids._pid
     FROM (SELECT ${keyCols.map((c) => ident(c)).join(', ')}, ${h} AS ${KEY_H}, ${psu} AS ${KEY_PSU} FROM _pairs) p JOIN _ids ids ON p.${KEY_H} = ids._h AND p.${KEY_PSU} = ids._psu`,
  );
  const coded = codedColumns(m, declared);
  for (const c of coded) {
    await engine.run(
      `CREATE OR REPLACE TABLE _dict_${c.name} AS SELECT v, (row_number() OVER (ORDER BY v) - 1)::INTEGER AS code FROM (SELECT DISTINCT ${c.sql} AS v FROM src) WHERE v IS NOT NULL`,
    );
  }
  lap('keys');

  // Conditions on one column whose cells are listed are counted over them (stage 0); those the typed
  // columns can answer over `classified` (stage 2 below); the rest over the raw cells, as flags
  // written by the scan (stage 1).
  const unique = [...new Set(conditions)];
  const skip = [m.weight, m.stratum, m.psu].filter((c): c is string => !!c);
  const listed = await countOverValues(engine, unique, values ?? await listedValues(engine, 'src', unique, skip));
  lap('values');
  const survey = surveyColumns(m, declared, false, '_rowid');
  const typed = typedConditions(listed.rest, survey, ['sex', 'area', ...coded.map((c) => c.name)]);
  const raw = typed.raw;
  const rawFlags = flagColumns(raw, '_v');
  // The readings the columns and flags repeat, computed once under them (sharedReadings.ts).
  const read = [...new Set(mappedColumns(m).map((c) => c.column))];
  const pass = shareReadings([...survey, ...keyCols.map((c, i) => `${ident(c)} AS ${keys[i]}`), ...rawFlags], columnReadings(m, declared));
  await engine.run(
    `CREATE OR REPLACE TABLE classified AS SELECT ${classifiedSelect(m, coded.map((c) => c.name), keys)}
     FROM (SELECT ${pass.sql.join(',\n  ')} FROM (SELECT ${[...read.map(ident), 'rowid AS _rowid', ...pass.columns].join(', ')} FROM src)) s
     LEFT JOIN _pairids ids ON ${keys.map((k) => `s.${k} = ids.${k}`).join(' AND ')} ${coded.map((c) => `LEFT JOIN _dict_${c.name} d_${c.name} ON s.${c.name} = d_${c.name}.v`).join(' ')}`,
  );
  lap('pass');

  const typedFlags = flagColumns(typed.over.map((t) => t.typed), '_t');
  const counts = new Map<string, number>([...raw.map((c): [string, number] => [c, 0]), ...typed.over.map((t): [string, number] => [t.raw, 0]), ...listed.counts]);
  const groups = await engine.query(
    `SELECT ${rawFlags.map((_, j) => `_v${j}, `).join('')}${typedFlags.map((f) => `${f}, `).join('')}(_h IS NULL OR _psu IS NULL) AS _nokey, COUNT(*)::BIGINT AS n FROM classified GROUP BY ALL`,
  );
  let noKey = 0;
  const bit = (g: Row, prefix: string, i: number) => (Number(g[`${prefix}${Math.floor(i / BITS)}`]) & (2 ** (i % BITS))) !== 0;
  for (const g of groups) {
    const n = Number(g.n);
    if (g._nokey) noKey += n;
    raw.forEach((c, i) => {
      if (bit(g, '_v', i)) counts.set(c, counts.get(c)! + n);
    });
    typed.over.forEach((t, i) => {
      if (bit(g, '_t', i)) counts.set(t.raw, counts.get(t.raw)! + n);
    });
  }
  // Rows with no stratum or PSU key (a code the file declares missing) are in no PSU: out of the
  // design's rows, as the join of the step-by-step preparation leaves them.
  if (noKey) await engine.run('CREATE OR REPLACE TABLE classified AS SELECT * FROM classified WHERE _h IS NOT NULL AND _psu IS NOT NULL');
  // The estimation groups by stratum and PSU: small integer ids.
  await engine.run(strataSql('classified', '_strata_ids', 'none'));
  lap('counts');
  return { key: designPassKey(m, declared), counts, timings };
}

/**
 * The first row of a PSU id found in more than one stratum: the one query of the validation report,
 * the run's check (prepareDesign.ts) and the design check (checkDesign.ts). `from`: the design pass's
 * distinct pairs (`_pairs`, each with its first row), or the raw table when there was no pass.
 * `nullIfBlank`: blank stratum or PSU read as missing (the validation report's reading; the run's
 * check compares the trimmed text). Ids are read as numbers where they are whole numbers (designIdSql).
 */
export async function psuAcrossStrata(engine: Engine, m: Mapping, nullIfBlank: boolean, from: '_pairs' | 'src' = '_pairs'): Promise<{ psu: string; r: number } | null> {
  const key = (c: string) => designIdSql(nullIfBlank ? `NULLIF(${ident(c)}, '')` : ident(c));
  const row = from === '_pairs' ? FIRST_ROW : 'rowid';
  const [r] = await engine.query(
    `SELECT psu, MIN(r)::BIGINT AS r FROM (SELECT ${key(m.psu!)} AS psu, ${key(m.stratum!)} AS h, ${row} AS r FROM ${from})${nullIfBlank ? ' WHERE psu IS NOT NULL' : ''} GROUP BY psu HAVING COUNT(DISTINCT h) > 1 ORDER BY 2 LIMIT 1`,
  );
  return r ? { psu: String(r.psu), r: Number(r.r) } : null;
}
