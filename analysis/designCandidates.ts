import { columnCounts, type ColumnCounts } from './columnCounts.js';
import type { Engine, Row } from './engine/engine.js';
import { ident } from './engine/values.js';
import type { DataLabels } from './import/labels.js';
import { roleMatch, type SuggestedRole } from './import/suggestRoles.js';

/**
 * Columns of the raw table that look like the cluster (PSU) of the design, best first, for the Map
 * step's suggestions and for the error that asks for a PSU. Clustered surveys are the rule
 * (definitions.md section 5), and a design without clusters understates standard errors, so when no
 * PSU is mapped the user is shown where it probably is.
 *
 * A column qualifies by its name or variable label (psu_code, "Enumeration area"; ranked first), or
 * by its data: integer codes, at least MIN_DISTINCT values (or stratum-and-value pairs) with
 * MIN_ROWS_PER_VALUE rows each on average (children of a cluster share its number), and, when a
 * stratum is given, nested in the strata (each value in one stratum) or numbered 1..k afresh in each
 * stratum. Weights, ages, hours and wealth never qualify by data (they repeat too), nor columns whose
 * name suits another role. Two aggregate queries over `table`, whatever its size.
 */
export interface ClusterCandidateOptions {
  /** The stratum column, when one is mapped: clusters are nested in it. */
  stratum?: string;
  /** Columns already mapped to another role (weight, age, sex, ...). */
  exclude?: string[];
  /** The file's variable labels, for label matches. */
  labels?: DataLabels;
  /** At most this many candidates (default 5). */
  limit?: number;
  /**
   * Each column's counts, when the caller has them already (the app's column profile computes them in
   * its own scan): the first of the two queries is then not run. By column name.
   */
  stats?: Map<string, ColumnCounts>;
}

/** Fewer distinct values than this is a grouping (region, sex), not clusters. */
export const MIN_DISTINCT = 10;
/** A cluster holds several children; an id with fewer rows per value (household, person) is not one. */
export const MIN_ROWS_PER_VALUE = 3;
/** The share of the rows a cluster column has a value in, at least (of the best-filled column's). */
const MIN_FILLED = 0.8;
/** Share of strata whose values run 1..k for ids "restarting in each stratum". */
const RESTART_SHARE = 0.8;
/** Ids restarting in each stratum reach at least this number somewhere (yes/no codes and quintiles do not). */
const MIN_RESTART_K = 6;

/**
 * Words of names and labels of columns that repeat but are no clusters: weights, ages, hours, wealth;
 * and the numbers of a household or a person within its cluster (MICS HH2 and HL1/LN, DHS hv002/v002
 * and hvidx/v003), which restart in every cluster, so in every stratum they run 1..k as a cluster
 * numbered within its stratum does; and household ids (hhid, Colombia's directorio, Peru's codperso),
 * which, finer than the clusters, ranked first by their many values (a probe: 7 rosters of 7).
 */
const NOT_CLUSTER_NAME =
  /(^|_)(wt|wgt|weight|poids|pond\w*|peso|age|edad|idade|hrs|hours?|heures?|horas?)(_|$)|windex|wealth|quintile?|decile?|^(hh2|hl1|ln|hv002|hvidx|v002|v003|mv002|mv003|hv022|hv023|v022|v023|mv022|mv023)$|household|menage|hogar|vivienda|(^|_)(strat\w*|estratos?)(_|$)|(^|_)hh_?(id|num\w*|no|nr|code)(_|$)|^(mes|month|mois)(_\w+)?$|^(nh|numen|nomen|idhh|id_?men\w*|codperso|orden|directorio|secuencia\w*|pid|pufhhnum)$/i;
const NOT_CLUSTER_LABEL =
  /\b(weight|poids|ponderation|peso|factor de expansion|age|edad|idade|hours?|heures?|horas?|wealth|quintiles?|deciles?|richesse|riqueza|household (number|id|identifier)|month|mois|mes de|line number|numero (du |de )?menage|identifiant (du )?menage|identificador del hogar|numero de ligne|numero de (hogar|vivienda|linea)|strat(um|a|e|es)|estratos?)\b/;
const OTHER_ROLES: SuggestedRole[] = ['weight', 'stratum', 'age', 'sex', 'region', 'area', 'econHours', 'choresHours', 'industry', 'occupation'];

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

interface ColumnStats {
  name: string;
  /** 2 label match, 1 name match, 0 none. */
  match: number;
  rows: number;
  distinct: number;
  /** Non-blank values that are not whole numbers. */
  nonInteger: number;
}

/** A column whose name or label suits another role (weight, age, region, ISIC ...), or a weight, age, hours or wealth column. */
export function notCluster(name: string, label: string | undefined): boolean {
  const col = { name, ...(label ? { label } : {}) };
  if (OTHER_ROLES.some((r) => roleMatch(r, col) > 0)) return true;
  return NOT_CLUSTER_NAME.test(name) || (label !== undefined && NOT_CLUSTER_LABEL.test(fold(label)));
}

/** Rows, distinct values and non-integer values of each column (columnCounts.ts), unless known. */
async function columnStats(engine: Engine, table: string, names: string[], labels?: DataLabels, known?: Map<string, ColumnCounts>): Promise<ColumnStats[]> {
  if (!names.length) return [];
  const counts = known && names.every((n) => known.has(n)) ? known : (await columnCounts(engine, table, names)).counts;
  return names.map((name) => {
    const label = labels?.variables[name];
    const { rows, distinct, nonInteger } = counts.get(name)!;
    return { name, match: roleMatch('psu', { name, ...(label ? { label } : {}) }), rows, distinct, nonInteger };
  });
}

/**
 * Per stratum, for each column: distinct values, smallest and largest. A GROUP BY query per 50
 * columns (a query of thousands of aggregates is planned in time growing with their square), each
 * row merged with its stratum's row of the other queries.
 */
async function perStratum(engine: Engine, table: string, stratum: string, names: string[]): Promise<Row[]> {
  const merged = new Map<unknown, Row>();
  for (let start = 0; start < names.length; start += PER_STRATUM_BATCH) {
    const parts = names.slice(start, start + PER_STRATUM_BATCH).map((n, j) => {
      const v = `NULLIF(${ident(n)}, '')`;
      const i = start + j;
      return `count(DISTINCT ${v}) AS d${i}, min(TRY_CAST(${v} AS DOUBLE)) AS lo${i}, max(TRY_CAST(${v} AS DOUBLE)) AS hi${i}`;
    });
    const rows = await engine.query(`SELECT NULLIF(${ident(stratum)}, '') AS _stratum, ${parts.join(', ')} FROM ${ident(table)} GROUP BY 1`);
    for (const r of rows) merged.set(r._stratum, { ...merged.get(r._stratum), ...r });
  }
  return [...merged.values()];
}

const PER_STRATUM_BATCH = 50;

/**
 * Nesting of column i in the strata: 2 each value in one stratum (1 % of values may stray) with
 * MIN_DISTINCT values; 1 ids numbered 1..k afresh in most strata (k >= MIN_RESTART_K somewhere, so that
 * yes/no and other small codes do not pass), MIN_DISTINCT (stratum, id) pairs and several rows each;
 * 0 neither.
 */
function nesting(groups: Row[], i: number, s: ColumnStats): number {
  let pairs = 0;
  let strata = 0;
  let consecutive = 0;
  for (const g of groups) {
    const d = Number(g[`d${i}`]);
    if (!d) continue;
    pairs += d;
    strata++;
    if (Number(g[`lo${i}`]) === 1 && Number(g[`hi${i}`]) === d) consecutive++;
  }
  // One value per stratum at most: the strata themselves written again (DHS hv023 beside hv022), or a
  // coarser grouping; as clusters every stratum would have one PSU (no degrees of freedom).
  if (pairs <= strata) return 0;
  if (pairs - s.distinct <= Math.floor(s.distinct / 100)) return s.distinct >= MIN_DISTINCT ? 2 : 0;
  const restart = consecutive >= RESTART_SHARE * strata && s.distinct >= MIN_RESTART_K && pairs >= MIN_DISTINCT;
  return restart && s.rows / pairs >= MIN_ROWS_PER_VALUE ? 1 : 0;
}

/** Whole-number codes with several rows per value: worth a look at how they sit in the strata. */
const repeatedCodes = (s: ColumnStats) => s.nonInteger === 0 && s.distinct >= MIN_RESTART_K && s.rows / s.distinct >= MIN_ROWS_PER_VALUE;

/**
 * Columns of `table` that look like clusters, best first: name or label matches (label first), then
 * data matches nested in the strata before those numbered afresh in each, more distinct values first
 * (the finest grouping with several children per value: clusters rather than districts).
 */
export async function clusterCandidates(engine: Engine, table: string, opts: ClusterCandidateOptions = {}): Promise<string[]> {
  const { stratum, exclude = [], labels, limit = 5, stats: known } = opts;
  const described = await engine.query(`SELECT column_name FROM (DESCRIBE ${ident(table)})`);
  const skip = new Set([...exclude, ...(stratum ? [stratum] : [])]);
  const names = described.map((r) => String(r.column_name)).filter((n) => !skip.has(n));
  const stats = await columnStats(engine, table, names, labels, known);
  const byName = stats.filter((s) => s.match > 0 && s.rows > 0);
  // A cluster is a design variable, known for every row: a column blank in more than a fifth of the
  // rows is a question's answer (hours of those who work: a probe took one for the cluster).
  const filled = Math.max(0, ...stats.map((s) => s.rows));
  const byData = stats.filter((s) => s.match === 0 && s.rows >= MIN_FILLED * filled && repeatedCodes(s) && !notCluster(s.name, labels?.variables[s.name]));
  const nest = new Map<string, number>();
  if (stratum && byData.length) {
    const groups = await perStratum(engine, table, stratum, byData.map((s) => s.name));
    byData.forEach((s, i) => nest.set(s.name, nesting(groups, i, s)));
  }
  const kept = stratum ? byData.filter((s) => nest.get(s.name)! > 0) : byData.filter((s) => s.distinct >= MIN_DISTINCT);
  byName.sort((a, b) => b.match - a.match);
  kept.sort((a, b) => (nest.get(b.name) ?? 0) - (nest.get(a.name) ?? 0) || b.distinct - a.distinct);
  return [...byName, ...kept].slice(0, limit).map((s) => s.name);
}
