import type { Engine, Row } from './engine/engine.js';
import { sqlString } from './engine/values.js';
import { strataVariance, type StratumMoments, type StratumInfo } from './variance.js';
import type { AgeGroup, LonelyPsuPolicy } from './types.js';

/**
 * The general path (any numeric y, used for R's api examples and as the oracle of domainMoments.ts,
 * which computes the same sums for 0/1 indicators in one typed-array pass): one SQL statement per breakdown computes, for every domain of the
 * breakdown and every variable at once, the PSU totals and then their per-stratum moments. The small
 * final step (ratio, linearised variance per stratum, lonely-PSU rules) is TypeScript (variance.ts).
 *
 * Pipeline of the statement:
 *   p   per cell x stratum x PSU: W = sum w, T = sum w*y, Q = sum w*y^2, n = count, over rows with y known.
 *       Overlapping age groups are built from non-overlapping age "atoms" at this PSU level (a group's
 *       PSU total is the sum of its atoms' totals), so rows are never duplicated.
 *   s   per cell x stratum: sums over the PSUs of W, T, W^2, T*W, T^2, n, PSUs with rows.
 * Why moments: the linearised score of PSU c for the ratio r = T/N is z_c = (T_c - r W_c) / N, so
 *   sum_c z_c = (S_T - r S_W) / N  and  sum_c z_c^2 = (S_TT - 2 r S_TW + r^2 S_WW) / N^2,
 * and the variance needs only these per stratum. PSUs with no row in the domain have z = 0 and add
 * nothing to the sums; their number enters through n_h. Everything about the data is one pass.
 */

export interface DesignTables {
  /** Table with _w, _h, _psu, age and the breakdown columns (the y expressions are evaluated on it). */
  table: string;
  /** Table with _h, n_h (PSUs in the stratum in the whole file), f_h (finite population factor). */
  strata: string;
  lonely: LonelyPsuPolicy;
}

export interface DimSpec {
  /** Output name of the dimension (sex, age_group, region, area or an extra). */
  name: string;
  /** SQL expression over the design table, or AGE_GROUP for the overlapping age groups. */
  sql: string;
}

export const AGE_GROUP = 'age_group';

export interface DomainSums {
  cell: Record<string, string>;
  N: number;
  T: number;
  Q: number;
  n: number;
  /** PSUs and strata with at least one row in the domain (df = psus - strata). */
  psus: number;
  strata: number;
  varRatio: number | null;
  varTotal: number | null;
}

/** Non-overlapping age intervals whose unions are the age groups (5-11, 12-14, 15-17 for the standard ones). */
export function ageAtoms(groups: AgeGroup[]): { atoms: [number, number][]; members: number[][] } {
  const cuts = [...new Set(groups.flatMap((g) => [g.from, g.to + 1]))].sort((a, b) => a - b);
  const atoms: [number, number][] = [];
  for (let i = 0; i + 1 < cuts.length; i++) atoms.push([cuts[i]!, cuts[i + 1]! - 1]);
  const members = groups.map((g) => atoms.flatMap(([lo, hi], i) => (lo >= g.from && hi <= g.to ? [i] : [])));
  return { atoms, members };
}

/** SQL for the PSU-level table `p` of a breakdown: columns d0.., _h, _psu, and w/t/q/n per variable. */
function psuTotalsSql(d: DesignTables, dims: DimSpec[], vars: string[], ageGroups: AgeGroup[], withQ: boolean): string {
  const K = vars.map((_, k) => k);
  const ageAt = dims.findIndex((x) => x.sql === AGE_GROUP);
  const dimSel = dims.map((x, i) => {
    if (x.sql !== AGE_GROUP) return `${x.sql} AS d${i}`;
    const { atoms } = ageAtoms(ageGroups);
    return `CASE ${atoms.map(([lo, hi], a) => `WHEN age BETWEEN ${lo} AND ${hi} THEN ${a}`).join(' ')} END AS d${i}`;
  });
  const where = dims.map((_, i) => `d${i} IS NOT NULL`);
  const dimCols = dims.map((_, i) => `d${i}`);
  const rows = `SELECT ${[...dimSel, '_h', '_psu', '_w', ...K.map((k) => `${vars[k]} AS y${k}`)].join(', ')} FROM ${d.table}`;
  const keys = [...dimCols, '_h', '_psu'].join(', ');
  // Unknown indicators are rare, so the main pass sums every row once (w, n) and each y as if unknowns
  // were 0; a second, small pass over the rows with some unknown y takes their weight and count back
  // out per variable. Three aggregates per variable become one, on the full data.
  const main = `SELECT ${keys}, SUM(_w) AS w_all, COUNT(*) AS n_all,
    ${K.map((k) => `SUM(_w * COALESCE(y${k}, 0)) AS t${k}${withQ ? `, SUM(_w * COALESCE(y${k}, 0) * COALESCE(y${k}, 0)) AS q${k}` : ''}`).join(', ')}
  FROM (${rows}) WHERE ${where.length ? where.join(' AND ') : 'TRUE'} GROUP BY ${keys}`;
  const unknown = `SELECT ${keys}, ${K.map((k) => `SUM(_w) FILTER (WHERE y${k} IS NULL) AS wu${k}, COUNT(*) FILTER (WHERE y${k} IS NULL) AS nu${k}`).join(', ')}
  FROM (${rows}) WHERE ${[...where, `(${K.map((k) => `y${k} IS NULL`).join(' OR ')})`].join(' AND ')} GROUP BY ${keys}`;
  const on = [...dimCols, '_h', '_psu'].map((c) => `m.${c} IS NOT DISTINCT FROM u.${c}`).join(' AND ');
  const atomLevel = `SELECT ${[...dimCols, '_h', '_psu'].map((c) => `m.${c}`).join(', ')},
    ${K.map((k) => {
      const n = `(m.n_all - COALESCE(u.nu${k}, 0))`;
      return `CASE WHEN ${n} > 0 THEN m.w_all - COALESCE(u.wu${k}, 0) ELSE 0 END AS w${k}, m.t${k}${withQ ? `, m.q${k}` : ''}, ${n} AS n${k}`;
    }).join(',\n    ')}
  FROM (${main}) m LEFT JOIN (${unknown}) u ON ${on}`;
  if (ageAt < 0) return atomLevel;
  // Age groups overlap: each group's PSU totals are the sums of its atoms' PSU totals.
  const { members } = ageAtoms(ageGroups);
  const map = members.flatMap((atoms, g) => atoms.map((a) => `(${a}, ${sqlString(ageGroups[g]!.label)})`)).join(', ');
  const cols = dimCols.map((c, i) => (i === ageAt ? `m.label AS ${c}` : `a.${c}`));
  const sums = K.map((k) => `SUM(a.w${k}) AS w${k}, SUM(a.t${k}) AS t${k}, ${withQ ? `SUM(a.q${k}) AS q${k}, ` : ''}SUM(a.n${k}) AS n${k}`).join(', ');
  return `SELECT ${[...cols, 'a._h', 'a._psu'].join(', ')}, ${sums}
  FROM (${atomLevel}) a JOIN (VALUES ${map}) m(atom, label) ON a.d${ageAt} = m.atom
  GROUP BY ${[...cols.map((c) => c.replace(/ AS d\d+$/, '')), 'a._h', 'a._psu'].join(', ')}`;
}

/** The statement for all domains of one breakdown: per cell x stratum, the PSU moments of every variable. */
export function domainSumsSql(d: DesignTables, dims: DimSpec[], vars: string[], ageGroups: AgeGroup[], withQ = true): string {
  const K = vars.map((_, k) => k);
  const dimCols = dims.map((_, i) => `d${i}`);
  const moments = K.map(
    (k) =>
      `COALESCE(SUM(w${k}), 0)::DOUBLE AS sw${k}, COALESCE(SUM(t${k}), 0)::DOUBLE AS st${k}, ` +
      `COALESCE(SUM(w${k} * w${k}), 0)::DOUBLE AS sww${k}, COALESCE(SUM(t${k} * w${k}), 0)::DOUBLE AS stw${k}, ` +
      `COALESCE(SUM(t${k} * t${k}), 0)::DOUBLE AS stt${k}, ${withQ ? `COALESCE(SUM(q${k}), 0)::DOUBLE AS sq${k}, ` : ''}` +
      `SUM(n${k})::BIGINT AS sn${k}, COUNT(*) FILTER (WHERE n${k} > 0)::BIGINT AS np${k}`,
  ).join(',\n  ');
  return `SELECT ${[...dimCols.map((c) => `CAST(${c} AS VARCHAR) AS ${c}`), 'CAST(_h AS VARCHAR) AS _h'].join(', ')},
  ${moments}
FROM (${psuTotalsSql(d, dims, vars, ageGroups, withQ)}) p
GROUP BY ${[...dimCols, '_h'].join(', ')}`;
}

async function strataInfo(engine: Engine, strata: string): Promise<Map<string, StratumInfo>> {
  const rows = await engine.query(`SELECT CAST(_h AS VARCHAR) AS h, n_h::BIGINT AS n_h, f_h::DOUBLE AS f_h FROM ${strata}`);
  return new Map(rows.map((r) => [String(r.h), { n: Number(r.n_h), f: Number(r.f_h) }]));
}

const cellKey = (r: Row, n: number) => Array.from({ length: n }, (_, i) => String(r[`d${i}`])).join('\u0001');

/** Runs the statement and returns, per variable, the sums and variances of every domain. */
export async function domainSums(
  engine: Engine,
  d: DesignTables,
  dims: DimSpec[],
  vars: string[],
  ageGroups: AgeGroup[],
  options: { integerY?: boolean } = {},
): Promise<DomainSums[][]> {
  const withQ = !options.integerY;
  const [rows, info] = await Promise.all([
    engine.query(domainSumsSql(d, dims, vars, ageGroups, withQ)),
    strataInfo(engine, d.strata),
  ]);
  const cells = new Map<string, Row[]>();
  for (const r of rows) {
    const k = cellKey(r, dims.length);
    const list = cells.get(k);
    if (list) list.push(r);
    else cells.set(k, [r]);
  }
  return vars.map((_, k) =>
    [...cells.values()].map((strataRows) => {
      const cell: Record<string, string> = {};
      dims.forEach((x, i) => (cell[x.name] = String(strataRows[0]![`d${i}`])));
      const m: StratumMoments[] = strataRows.map((r) => ({
        h: String(r._h),
        w: Number(r[`sw${k}`]),
        t: Number(r[`st${k}`]),
        ww: Number(r[`sww${k}`]),
        tw: Number(r[`stw${k}`]),
        tt: Number(r[`stt${k}`]),
        n: Number(r[`sn${k}`]),
        psus: Number(r[`np${k}`]),
      }));
      const v = strataVariance(m, info, d.lonely);
      const Q = withQ ? strataRows.reduce((s, r) => s + Number(r[`sq${k}`]), 0) : v.T;
      return { cell, N: v.N, T: v.T, Q, n: v.n, psus: v.psus, strata: v.strata, varRatio: v.varRatio, varTotal: v.varTotal };
    }),
  );
}

/** SQL for the strata table of a design: PSUs per stratum over the whole file, and the fpc factor. */
export function strataSql(table: string, target: string, fpc: 'none' | 'count' | 'fraction'): string {
  // R svydesign: popsize = fpc (a count of PSUs) or sampsize / fpc (a fraction); f = (popsize - n_h) / popsize.
  const f = fpc === 'none' ? '1.0' : fpc === 'fraction' ? '1.0 - any_value(_fpc)' : '(any_value(_fpc) - COUNT(DISTINCT _psu)) / any_value(_fpc)';
  return `CREATE OR REPLACE TABLE ${target} AS SELECT _h, COUNT(DISTINCT _psu)::BIGINT AS n_h, (${f})::DOUBLE AS f_h FROM ${table} GROUP BY _h`;
}
