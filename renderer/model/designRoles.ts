import type { Mapping } from '../../analysis/index.js';
import { MIN_DISTINCT, MIN_ROWS_PER_VALUE, notCluster } from '../../analysis/designCandidates.js';
import { roleMatch } from '../../analysis/import/suggestRoles.js';
import type { ColumnProfile } from '../engine/protocol.js';
import { naturalCompare } from './naturalCompare.js';
import { missingRoles, usedColumns } from './suggestMapping.js';

/**
 * The Map step's edits of the design roles and the universe, and what it warns about. Pure functions
 * of the mapping being built (App keeps it in the draft analysis; the screen calls onChange with the
 * result). A clustered design is never assumed away: with no PSU the user must choose "no clusters"
 * explicitly (definitions.md section 5; the core stops a run that has neither).
 */
type M = Partial<Mapping>;
type Universe = NonNullable<Mapping['universe']>;

/** Maps the cluster column, or unmaps it; mapping one withdraws a "no clusters" choice. */
export function setPsu(m: M, column: string | undefined): M {
  const { psu: _psu, noClusters: _no, ...rest } = m;
  return column ? { ...rest, psu: column } : rest;
}

/** The explicit choice of a design without clusters: it clears the PSU (the core refuses both). */
export function setNoClusters(m: M, on: boolean): M {
  const { psu: _psu, noClusters: _no, ...rest } = m;
  return on ? { ...rest, noClusters: true } : m.psu ? { ...rest, psu: m.psu } : rest;
}

/** Neither a PSU nor the "no clusters" choice: the run would stop with an error. */
export function clusterRequired(m: M): boolean {
  return !m.psu && !m.noClusters;
}

/** Roles to settle before leaving the Map step: the required roles, then the cluster choice. */
export function blockingRoles(m: M): string[] {
  return [...missingRoles(m), ...(clusterRequired(m) ? ['psu'] : [])];
}

/** Sets or removes the universe; a universe keeps at least one code (the analysis file requires it). */
export function setUniverse(m: M, universe: Universe | undefined): M {
  const { universe: _u, ...rest } = m;
  return universe && universe.keep.length ? { ...rest, universe } : rest;
}

/** The codes offered for the universe (the file's codes and those already kept), each with its value label. */
export function universeCodes(column: ColumnProfile | undefined, keep: string[]): { code: string; label?: string }[] {
  const codes = [...new Set([...(column?.codes ?? []), ...keep])].sort(naturalCompare);
  return codes.map((code) => {
    const label = column?.valueLabels?.[code];
    return label ? { code, label } : { code };
  });
}

/** A code ticked or unticked; codes stay in natural order (2 before 10). */
export function toggleCode(keep: string[], code: string, on: boolean): string[] {
  const next = keep.filter((c) => c !== code);
  return on ? [...next, code].sort(naturalCompare) : next;
}

/** Value labels that name a completed interview ("Completed", "Complet", "Completo"; not "Partly completed"). */
const COMPLETED = /^\s*(completed?|complete?|complétée?|completad[oa]|completo|completa|rempli)(?![\p{L}\p{N}])/iu;

/** The codes first ticked when a universe column is chosen: those labelled as completed interviews. */
export function defaultKeep(column: ColumnProfile | undefined): string[] {
  if (!column?.valueLabels) return [];
  return column.codes.filter((c) => COMPLETED.test(column.valueLabels![c] ?? ''));
}

/** Pairs of roles (sorted names) that may share a column: strata are often the regions, or urban and rural. */
const MAY_SHARE = new Set(['region+stratum', 'area+stratum']);

/** Columns mapped to two roles or more (sex and area, age and weight, ...): almost always a slip. */
export function sharedColumns(m: M): { column: string; roles: string[] }[] {
  const roles = new Map<string, string[]>();
  const add = (role: string, col: string | undefined) => col && roles.set(col, [...(roles.get(col) ?? []), role]);
  for (const k of ['weight', 'stratum', 'psu', 'age'] as const) add(k, m[k]);
  for (const k of ['sex', 'region', 'area', 'industry', 'occupation'] as const) add(k, m[k]?.column);
  for (const k of ['econActivity', 'absentFromJob', 'econHours', 'choresHours'] as const) for (const c of m[k]?.columns ?? []) add(k, c);
  for (const [name, src] of Object.entries(m.hazards ?? {})) for (const c of src.columns) add(`hazards.${name}`, c);
  return [...roles.entries()]
    .filter(([, r]) => r.length > 1 && !(r.length === 2 && MAY_SHARE.has([...r].sort().join('+'))))
    .map(([column, r]) => ({ column, roles: r }));
}

/**
 * Cluster candidates from the column profiles alone, for when the engine's clusterCandidates
 * (analysis/designCandidates.ts, which also checks nesting in strata) is not at hand: name and label
 * matches first, then numeric columns with many values and several rows per value, most values
 * first. `rows` defaults to a lower bound (the largest distinct + blank count of any column).
 */
export function profileClusterCandidates(columns: ColumnProfile[], m: M, opts: { rows?: number; limit?: number } = {}): string[] {
  const used = new Set(usedColumns(m));
  const rows = opts.rows ?? Math.max(0, ...columns.map((c) => c.distinct + c.blank));
  const free = columns.filter((c) => !used.has(c.name) && c.type !== 'empty');
  const byName = free.filter((c) => roleMatch('psu', c) > 0).sort((a, b) => roleMatch('psu', b) - roleMatch('psu', a));
  const integers = (c: ColumnProfile) => c.codes.every((x) => Number.isInteger(Number(x)));
  const byData = free
    .filter((c) => roleMatch('psu', c) === 0 && c.type === 'number' && integers(c) && !notCluster(c.name, c.label))
    .filter((c) => c.distinct >= MIN_DISTINCT && (rows - c.blank) / c.distinct >= MIN_ROWS_PER_VALUE)
    .sort((a, b) => b.distinct - a.distinct);
  return [...byName, ...byData].slice(0, opts.limit ?? 5).map((c) => c.name);
}

/** The columns the cluster notice offers: the engine's candidates when the app has them, else the profile's; never a column in another role. */
export function clusterChoices(columns: ColumnProfile[], m: M, opts: { candidates?: string[]; rows?: number } = {}): string[] {
  if (!opts.candidates) return profileClusterCandidates(columns, m, opts.rows === undefined ? {} : { rows: opts.rows });
  const used = new Set(usedColumns(m));
  return opts.candidates.filter((c) => !used.has(c));
}
