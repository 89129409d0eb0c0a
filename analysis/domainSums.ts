import type { Engine } from './engine/engine.js';
import { ident } from './engine/values.js';
import type { AgeGroup, LonelyPsuPolicy } from './types.js';

/**
 * The heavy part of estimation, in one SQL statement per breakdown: for every domain of the breakdown
 * and every variable at once, the sums a ratio estimator needs and its Taylor-linearised variance.
 *
 * Pipeline (one CTE each):
 *   base  rows of the design table (age-group domains overlap, so rows are joined to every group they
 *         fall in; rows outside all groups leave that breakdown only)
 *   p     per domain x stratum x PSU: W = sum w, T = sum w*y, Q = sum w*y^2, n = count, over rows with y known
 *   dm    per domain: N = sum W, Tot = sum T, n, PSUs and strata with a row in the domain (for df)
 *   z     per PSU, the linearised scores summed over the PSU (Binder 1983; Woodruff 1971):
 *           ratio r = Tot/N:  z_hc = (T_hc - r W_hc) / N       total: z_hc = T_hc
 *   st/ss per stratum h with n_h PSUs in the whole design (PSUs with no domain row have z = 0):
 *           v_h = f_h * n_h/(n_h - 1) * sum_c (z_hc - zbar_h)^2,  f_h = 1 - n_h/N_h (1 without fpc)
 *         computed as the centred sum over PSUs present plus (n_h - present) * zbar_h^2 for the rest.
 *   lonely strata (n_h = 1) follow R survey 4.1.1 (svyrecvar/onestrat): adjust adds f_h * z^2 (centred
 *         at 0), remove and certainty add 0, average leaves them out and scales the sum by
 *         (strata in domain) / (strata in domain with n_h >= 2); fail is caught before estimation.
 * The variance is the sum over strata. This is exactly R's svyrecvar with one-stage (ultimate cluster)
 * with-replacement approximation, domains handled as in `subset()`: see docs/methods.md.
 */

export interface DesignTables {
  /** Table with _w, _h, _psu and the breakdown columns. */
  table: string;
  /** Table with _h, n_h (PSUs in the stratum), f_h (finite population factor). */
  strata: string;
  lonely: LonelyPsuPolicy;
}

export interface DimSpec {
  /** Output name of the dimension (sex, age_group, region, area or an extra). */
  name: string;
  /** SQL expression over the design table, or 'age_group' for the overlapping age groups. */
  sql: string;
}

export interface DomainSums {
  cell: Record<string, string>;
  key: string;
  N: number;
  T: number;
  Q: number;
  n: number;
  psus: number;
  strata: number;
  varRatio: number | null;
  varTotal: number | null;
}

const AGE = 'age_group';

function ageGroupsValues(groups: AgeGroup[]): string {
  return groups.map((g, i) => `(${i}, '${g.label.replace(/'/g, "''")}', ${g.from}, ${g.to})`).join(', ');
}

function strataVariance(policy: LonelyPsuPolicy, c: string, s: string): string {
  const lonely = policy === 'adjust' ? `f_h * ${s} * ${s}` : policy === 'average' ? 'NULL' : '0';
  return `CASE WHEN n_h >= 2 THEN f_h * n_h / (n_h - 1) * (${c} + (n_h - present) * (${s} / n_h) * (${s} / n_h)) ELSE ${lonely} END`;
}

/**
 * Builds the statement. `vars` are SQL expressions over the design table giving y (NULL = not in the
 * domain for that variable). Returns one row per domain with columns per variable index k.
 */
export function domainSumsSql(d: DesignTables, dims: DimSpec[], vars: string[], ageGroups: AgeGroup[]): string {
  const hasAge = dims.some((x) => x.sql === AGE);
  const dimCols = dims.map((_, i) => `d${i}`);
  const dimSel = dims.map((x, i) => (x.sql === AGE ? `g.label AS d${i}` : `${x.sql} AS d${i}`));
  const K = vars.map((_, k) => k);
  const by = ['_c', ...dimCols];
  const on = (a: string, b: string) => by.map((c) => `${a}.${c} IS NOT DISTINCT FROM ${b}.${c}`).join(' AND ');
  const from = hasAge
    ? `${d.table} t JOIN (VALUES ${ageGroupsValues(ageGroups)}) g(i, label, lo, hi) ON t.age BETWEEN g.lo AND g.hi`
    : `${d.table} t`;
  // A domain needs all its dimensions known: rows with a missing breakdown value are in no cell.
  const where = dims.filter((x) => x.sql !== AGE).map((x) => `(${x.sql}) IS NOT NULL`);
  const sql = `
WITH base AS (
  SELECT 1 AS _c, ${[...dimSel, 't._h', 't._psu', 't._w', ...K.map((k) => `CAST(${vars[k]} AS DOUBLE) AS y${k}`)].join(', ')}
  FROM ${from}${where.length ? ` WHERE ${where.join(' AND ')}` : ''}
), p AS (
  SELECT ${[...by, '_h', '_psu'].join(', ')},
    ${K.map((k) => `COALESCE(SUM(_w) FILTER (WHERE y${k} IS NOT NULL), 0) AS w${k}, COALESCE(SUM(_w * y${k}), 0) AS t${k}, COALESCE(SUM(_w * y${k} * y${k}), 0) AS q${k}, COUNT(y${k}) AS n${k}`).join(',\n    ')}
  FROM base GROUP BY ${[...by, '_h', '_psu'].join(', ')}
), dm AS (
  SELECT ${by.join(', ')},
    ${K.map((k) => `SUM(w${k}) AS dw${k}, SUM(t${k}) AS dt${k}, SUM(q${k}) AS dq${k}, SUM(n${k}) AS dn${k}, COUNT(*) FILTER (WHERE n${k} > 0) AS psus${k}, COUNT(DISTINCT _h) FILTER (WHERE n${k} > 0) AS strata${k}`).join(',\n    ')}
  FROM p GROUP BY ${by.join(', ')}
), z AS (
  SELECT ${by.map((c) => `p.${c}`).join(', ')}, p._h, p._psu,
    ${K.map((k) => `CASE WHEN dm.dw${k} > 0 THEN (p.t${k} - dm.dt${k} / dm.dw${k} * p.w${k}) / dm.dw${k} ELSE 0 END AS zr${k}, p.t${k} AS zt${k}, p.n${k} AS zn${k}`).join(',\n    ')}
  FROM p JOIN dm ON ${on('p', 'dm')}
), st AS (
  SELECT ${by.map((c) => `z.${c}`).join(', ')}, z._h, ${K.map((k) => `SUM(zr${k}) AS sr${k}, SUM(zt${k}) AS st${k}, SUM(zn${k}) AS sn${k}`).join(', ')}
  FROM z GROUP BY ${by.map((c) => `z.${c}`).join(', ')}, z._h
), ss AS (
  SELECT ${by.map((c) => `st.${c}`).join(', ')}, st._h, s.n_h, s.f_h, COUNT(*) AS present,
    ${K.map((k) => `any_value(st.sr${k}) AS sr${k}, any_value(st.st${k}) AS st${k}, any_value(st.sn${k}) AS sn${k}, SUM((z.zr${k} - st.sr${k} / s.n_h) * (z.zr${k} - st.sr${k} / s.n_h)) AS cr${k}, SUM((z.zt${k} - st.st${k} / s.n_h) * (z.zt${k} - st.st${k} / s.n_h)) AS ct${k}`).join(',\n    ')}
  FROM z JOIN st ON ${on('z', 'st')} AND z._h = st._h JOIN ${d.strata} s ON s._h = z._h
  GROUP BY ${by.map((c) => `st.${c}`).join(', ')}, st._h, s.n_h, s.f_h
), sv AS (
  SELECT ${by.join(', ')},
    ${K.map((k) => `SUM(${strataVariance(d.lonely, `cr${k}`, `sr${k}`)}) FILTER (WHERE sn${k} > 0) AS vr${k}, SUM(${strataVariance(d.lonely, `ct${k}`, `st${k}`)}) FILTER (WHERE sn${k} > 0) AS vt${k}, COUNT(*) FILTER (WHERE sn${k} > 0) AS ns${k}, COUNT(*) FILTER (WHERE sn${k} > 0 AND n_h >= 2) AS nok${k}`).join(',\n    ')}
  FROM ss GROUP BY ${by.join(', ')}
)
SELECT ${dimCols.map((c) => `CAST(dm.${c} AS VARCHAR) AS ${c}`).concat(
    K.map((k) => {
      const scale = d.lonely === 'average' ? ` * sv.ns${k} / NULLIF(sv.nok${k}, 0)` : '';
      return `dm.dw${k}::DOUBLE AS N${k}, dm.dt${k}::DOUBLE AS T${k}, dm.dq${k}::DOUBLE AS Q${k}, dm.dn${k}::BIGINT AS n${k}, dm.psus${k}::BIGINT AS psus${k}, dm.strata${k}::BIGINT AS strata${k}, (COALESCE(sv.vr${k}, 0)${scale})::DOUBLE AS vr${k}, (COALESCE(sv.vt${k}, 0)${scale})::DOUBLE AS vt${k}`;
    }),
  ).join(',\n  ')}
FROM dm LEFT JOIN sv ON ${on('dm', 'sv')}`;
  return sql;
}

/** Runs the statement and returns, per variable, the sums of every domain. */
export async function domainSums(
  engine: Engine,
  d: DesignTables,
  dims: DimSpec[],
  vars: string[],
  ageGroups: AgeGroup[],
): Promise<DomainSums[][]> {
  const rows = await engine.query(domainSumsSql(d, dims, vars, ageGroups));
  return vars.map((_, k) =>
    rows.map((r) => {
      const cell: Record<string, string> = {};
      dims.forEach((x, i) => (cell[x.name] = String(r[`d${i}`])));
      const num = (c: string) => (r[c] === null ? 0 : Number(r[c]));
      return {
        cell,
        key: dims.map((x) => `${x.name}=${cell[x.name]}`).join('|'),
        N: num(`N${k}`),
        T: num(`T${k}`),
        Q: num(`Q${k}`),
        n: num(`n${k}`),
        psus: num(`psus${k}`),
        strata: num(`strata${k}`),
        varRatio: r[`vr${k}`] === null ? null : Number(r[`vr${k}`]),
        varTotal: r[`vt${k}`] === null ? null : Number(r[`vt${k}`]),
      };
    }),
  );
}

/** SQL for the strata table of a design: PSUs per stratum over the whole file, and the fpc factor. */
export function strataSql(table: string, hasFpc: boolean, fpcIsFraction: boolean): string {
  // R: popsize = fpc (a count of PSUs) or sampsize / fpc (a fraction); f = (popsize - n_h) / popsize.
  const f = !hasFpc ? '1.0' : fpcIsFraction ? '1.0 - any_value(_fpc)' : '(any_value(_fpc) - COUNT(DISTINCT _psu)) / any_value(_fpc)';
  return `CREATE OR REPLACE TABLE ${ident('_strata')} AS SELECT _h, COUNT(DISTINCT _psu)::BIGINT AS n_h, (${f})::DOUBLE AS f_h FROM ${table} GROUP BY _h`;
}
