import type { Engine } from './engine/engine.js';
import { sqlString } from './engine/values.js';
import type { AgeGroup, LonelyPsuPolicy } from './types.js';

/**
 * The heavy part of estimation, in one SQL statement per breakdown: for every domain of the breakdown
 * and every variable at once, the sums a ratio estimator needs and its Taylor-linearised variance.
 *
 * Pipeline (one CTE each):
 *   base  rows of the design table (age-group domains overlap, so rows are joined to every group they
 *         fall in); rows with a missing breakdown value are in no cell of that breakdown
 *   p     per domain x stratum x PSU: W = sum w, T = sum w*y, Q = sum w*y^2, n = count, over rows with y known
 *   dm    per domain: N = sum W, Tot = sum T, Q, n
 *   z     per PSU, the linearised scores summed over the PSU (Woodruff 1971; Binder 1983):
 *           ratio r = Tot/N:  z_hc = (T_hc - r W_hc) / N        total: z_hc = T_hc
 *   then the one variance function (varianceCtes) on those scores.
 * The variance is exactly R survey 4.1.1's svyrecvar for a one-stage (ultimate cluster) design with
 * domains handled as `subset()` does: see docs/methods.md.
 */

export interface DesignTables {
  /** Table with _w, _h, _psu, age and the breakdown columns. */
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

export interface ContrastSums {
  cell: Record<string, string>;
  variance: number | null;
  psus: number;
  strata: number;
}

interface Score {
  /** Column with the PSU score. */
  score: string;
  /** Column with the PSU's number of domain rows (a stratum takes part when it has some). */
  count: string;
  /** Output column for the variance. */
  out: string;
}

/**
 * The one variance function: from PSU scores z_hc in `src` (columns by..., _h, _psu, scores), for each
 * group of `by`,
 *   v = sum over strata h of  f_h * n_h/(n_h - 1) * sum_{c=1..n_h} (z_hc - zbar_h)^2
 * with n_h the PSUs of stratum h in the whole design (PSUs absent from src have z = 0; their share is
 * (n_h - present) * zbar_h^2) and f_h = 1 - n_h/N_h (1 without fpc). Strata with a single PSU follow
 * R survey 4.1.1 (svyrecvar/onestrat): `adjust` adds f_h * z^2 (centred at 0); `remove` and
 * `certainty` add 0; `average` leaves them out and multiplies the sum by
 * (strata in the domain) / (strata in the domain with n_h >= 2). `fail` is caught before estimation.
 * Only strata with at least one domain row take part, as in R, where the domain's rows define the strata.
 * Also returns, per score, the PSUs and strata with domain rows (`<out>_psus`, `<out>_strata`).
 */
function varianceCtes(src: string, by: string[], scores: Score[], strata: string, lonely: LonelyPsuPolicy, tag: string): string {
  const g = by.join(', ');
  const on = (a: string, b: string) => by.map((c) => `${a}.${c} IS NOT DISTINCT FROM ${b}.${c}`).join(' AND ');
  const lonelyTerm = (s: string) => (lonely === 'adjust' ? `f_h * ${s} * ${s}` : lonely === 'average' ? 'NULL' : '0');
  const term = (c: string, s: string) =>
    `CASE WHEN n_h >= 2 THEN f_h * n_h / (n_h - 1) * (${c} + (n_h - present) * (${s} / n_h) * (${s} / n_h)) ELSE ${lonelyTerm(s)} END`;
  return `${tag}st AS (
  SELECT ${g}, _h, ${scores.map((s, j) => `SUM(${s.score}) AS s${j}, SUM(${s.count}) AS m${j}, COUNT(*) FILTER (WHERE ${s.count} > 0) AS k${j}`).join(', ')}
  FROM ${src} GROUP BY ${g}, _h
), ${tag}ss AS (
  SELECT ${by.map((c) => `a.${c}`).join(', ')}, a._h, b.n_h, b.f_h, COUNT(*) AS present,
    ${scores.map((s, j) => `any_value(a.s${j}) AS s${j}, any_value(a.m${j}) AS m${j}, any_value(a.k${j}) AS k${j}, SUM((z.${s.score} - a.s${j} / b.n_h) * (z.${s.score} - a.s${j} / b.n_h)) AS c${j}`).join(',\n    ')}
  FROM ${src} z JOIN ${tag}st a ON ${on('z', 'a')} AND z._h = a._h JOIN ${strata} b ON b._h = z._h
  GROUP BY ${by.map((c) => `a.${c}`).join(', ')}, a._h, b.n_h, b.f_h
), ${tag}sv AS (
  SELECT ${g},
    ${scores
      .map((s, j) => {
        const scale = lonely === 'average' ? ` * COUNT(*) FILTER (WHERE m${j} > 0) / NULLIF(COUNT(*) FILTER (WHERE m${j} > 0 AND n_h >= 2), 0)` : '';
        return `(COALESCE(SUM(${term(`c${j}`, `s${j}`)}) FILTER (WHERE m${j} > 0), 0)${scale})::DOUBLE AS ${s.out}, SUM(k${j}) FILTER (WHERE m${j} > 0)::BIGINT AS ${s.out}_psus, COUNT(*) FILTER (WHERE m${j} > 0)::BIGINT AS ${s.out}_strata`;
      })
      .join(',\n    ')}
  FROM ${tag}ss GROUP BY ${g}
)`;
}

function ageGroupsSql(groups: AgeGroup[]): string {
  return `(VALUES ${groups.map((x) => `(${sqlString(x.label)}, ${x.from}, ${x.to})`).join(', ')}) g(label, lo, hi)`;
}

/** base, p, dm and z CTEs: PSU-level scores for every domain of the breakdown and every variable. */
function scoreCtes(d: DesignTables, dims: DimSpec[], vars: string[], ageGroups: AgeGroup[]): { sql: string; by: string[] } {
  const hasAge = dims.some((x) => x.sql === AGE_GROUP);
  const dimCols = dims.map((_, i) => `d${i}`);
  const dimSel = dims.map((x, i) => (x.sql === AGE_GROUP ? `g.label AS d${i}` : `${x.sql} AS d${i}`));
  const K = vars.map((_, k) => k);
  const by = ['_c', ...dimCols];
  const on = by.map((c) => `p.${c} IS NOT DISTINCT FROM dm.${c}`).join(' AND ');
  const from = hasAge ? `${d.table} t JOIN ${ageGroupsSql(ageGroups)} ON t.age BETWEEN g.lo AND g.hi` : `${d.table} t`;
  const where = dims.filter((x) => x.sql !== AGE_GROUP).map((x) => `(${x.sql}) IS NOT NULL`);
  const sql = `base AS (
  SELECT 1 AS _c, ${[...dimSel, 't._h', 't._psu', 't._w', ...K.map((k) => `CAST(${vars[k]} AS DOUBLE) AS y${k}`)].join(', ')}
  FROM ${from}${where.length ? ` WHERE ${where.join(' AND ')}` : ''}
), p AS (
  SELECT ${[...by, '_h', '_psu'].join(', ')},
    ${K.map((k) => `COALESCE(SUM(_w) FILTER (WHERE y${k} IS NOT NULL), 0) AS w${k}, COALESCE(SUM(_w * y${k}), 0) AS t${k}, COALESCE(SUM(_w * y${k} * y${k}), 0) AS q${k}, COUNT(y${k}) AS n${k}`).join(',\n    ')}
  FROM base GROUP BY ${[...by, '_h', '_psu'].join(', ')}
), dm AS (
  SELECT ${by.join(', ')},
    ${K.map((k) => `SUM(w${k}) AS dw${k}, SUM(t${k}) AS dt${k}, SUM(q${k}) AS dq${k}, SUM(n${k}) AS dn${k}`).join(',\n    ')}
  FROM p GROUP BY ${by.join(', ')}
), z AS (
  SELECT ${by.map((c) => `p.${c}`).join(', ')}, p._h, p._psu,
    ${K.map((k) => `CASE WHEN dm.dw${k} > 0 THEN (p.t${k} - dm.dt${k} / dm.dw${k} * p.w${k}) / dm.dw${k} ELSE 0 END AS zr${k}, p.t${k} AS zt${k}, p.n${k} AS zn${k}`).join(',\n    ')}
  FROM p JOIN dm ON ${on}
)`;
  return { sql, by };
}

/** The statement for all domains of one breakdown: sums, df counts and variances per variable. */
export function domainSumsSql(d: DesignTables, dims: DimSpec[], vars: string[], ageGroups: AgeGroup[]): string {
  const { sql, by } = scoreCtes(d, dims, vars, ageGroups);
  const K = vars.map((_, k) => k);
  const scores = K.flatMap((k) => [
    { score: `zr${k}`, count: `zn${k}`, out: `vr${k}` },
    { score: `zt${k}`, count: `zn${k}`, out: `vt${k}` },
  ]);
  const on = by.map((c) => `dm.${c} IS NOT DISTINCT FROM v.${c}`).join(' AND ');
  return `WITH ${sql}, ${varianceCtes('z', by, scores, d.strata, d.lonely, 'v')}
SELECT ${[
    ...by.slice(1).map((c) => `CAST(dm.${c} AS VARCHAR) AS ${c}`),
    ...K.map((k) => `dm.dw${k}::DOUBLE AS N${k}, dm.dt${k}::DOUBLE AS T${k}, dm.dq${k}::DOUBLE AS Q${k}, dm.dn${k}::BIGINT AS n${k}, COALESCE(v.vr${k}_psus, 0) AS psus${k}, COALESCE(v.vr${k}_strata, 0) AS strata${k}, v.vr${k}, v.vt${k}`),
  ].join(',\n  ')}
FROM dm LEFT JOIN vsv v ON ${on}`;
}

/**
 * The statement for a contrast between the two groups of one dimension (boys minus girls) within each
 * cell of the other dimensions: the difference of two domain ratios has the linearised score
 * z_hc(first) - z_hc(second), both domains on the same design, so their covariance within PSUs counts.
 */
export function contrastSql(
  d: DesignTables,
  dims: DimSpec[],
  contrastDim: number,
  first: string,
  second: string,
  vars: string[],
  ageGroups: AgeGroup[],
): string {
  const { sql, by } = scoreCtes(d, dims, vars, ageGroups);
  const K = vars.map((_, k) => k);
  const parent = by.filter((c) => c !== `d${contrastDim}`);
  const sign = `CASE d${contrastDim} WHEN ${sqlString(first)} THEN 1 WHEN ${sqlString(second)} THEN -1 ELSE 0 END`;
  const scores = K.map((k) => ({ score: `zd${k}`, count: `zc${k}`, out: `vd${k}` }));
  return `WITH ${sql}, zg AS (
  SELECT ${parent.join(', ')}, _h, _psu, ${K.map((k) => `SUM(${sign} * zr${k}) AS zd${k}, SUM(CASE WHEN ${sign} <> 0 THEN zn${k} ELSE 0 END) AS zc${k}`).join(', ')}
  FROM z GROUP BY ${parent.join(', ')}, _h, _psu
), ${varianceCtes('zg', parent, scores, d.strata, d.lonely, 'c')}
SELECT ${[...parent.slice(1).map((c) => `CAST(${c} AS VARCHAR) AS ${c}`), ...K.map((k) => `vd${k}, vd${k}_psus, vd${k}_strata`)].join(', ')}
FROM csv`;
}

const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));
const numOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));

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
      return {
        cell,
        N: num(r[`N${k}`]),
        T: num(r[`T${k}`]),
        Q: num(r[`Q${k}`]),
        n: num(r[`n${k}`]),
        psus: num(r[`psus${k}`]),
        strata: num(r[`strata${k}`]),
        varRatio: numOrNull(r[`vr${k}`]),
        varTotal: numOrNull(r[`vt${k}`]),
      };
    }),
  );
}

/** Runs the contrast statement; per variable, the variance of the difference in each parent cell. */
export async function contrastSums(
  engine: Engine,
  d: DesignTables,
  dims: DimSpec[],
  contrastDim: number,
  first: string,
  second: string,
  vars: string[],
  ageGroups: AgeGroup[],
): Promise<ContrastSums[][]> {
  const rows = await engine.query(contrastSql(d, dims, contrastDim, first, second, vars, ageGroups));
  return vars.map((_, k) =>
    rows.map((r) => {
      const cell: Record<string, string> = {};
      dims.forEach((x, i) => {
        if (i !== contrastDim) cell[x.name] = String(r[`d${i}`]);
      });
      return { cell, variance: numOrNull(r[`vd${k}`]), psus: num(r[`vd${k}_psus`]), strata: num(r[`vd${k}_strata`]) };
    }),
  );
}

/** SQL for the strata table of a design: PSUs per stratum over the whole file, and the fpc factor. */
export function strataSql(table: string, target: string, fpc: 'none' | 'count' | 'fraction'): string {
  // R svydesign: popsize = fpc (a count of PSUs) or sampsize / fpc (a fraction); f = (popsize - n_h) / popsize.
  const f = fpc === 'none' ? '1.0' : fpc === 'fraction' ? '1.0 - any_value(_fpc)' : '(any_value(_fpc) - COUNT(DISTINCT _psu)) / any_value(_fpc)';
  return `CREATE OR REPLACE TABLE ${target} AS SELECT _h, COUNT(DISTINCT _psu)::BIGINT AS n_h, (${f})::DOUBLE AS f_h FROM ${table} GROUP BY _h`;
}
