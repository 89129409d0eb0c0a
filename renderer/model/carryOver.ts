import type { AnalysisFile, ColumnSource } from '../../analysis/index.js';
import { LANGS } from '../../analysis/i18n/index.js';
import { isDraftTitle } from './draftAnalysis.js';
import { breakdownsFor, keepColumns, SOURCE_ROLES } from './joins.js';

/**
 * The analysis for a data file opened on its own after another analysis (a survey's later round, a
 * corrected file): the previous analysis's definitions and options (frameworks and their thresholds,
 * indicators, age groups, missing hours, lonely PSUs, level, small-cell rule), and its roles whose
 * columns the new file has too, settings and all; the other roles as suggested for the new file,
 * an hours or yes/no role with the previous role's reading of its cells (empty cells, missing and
 * not-asked codes). A walk: the later file opened alone dropped every setting in silence.
 * `fresh`: the draft suggested for the new file; `columns`: the new file's columns.
 */
export function carryOver(previous: AnalysisFile, fresh: AnalysisFile, columns: string[]): AnalysisFile {
  const kept = keepColumns(previous, columns);
  const mapping: Record<string, unknown> = { ...fresh.mapping, ...kept.mapping };
  for (const r of SOURCE_ROLES) {
    const was = previous.mapping[r];
    const suggested = fresh.mapping[r];
    if (!was || kept.mapping[r] || !suggested) continue;
    // The reading of the cells, not the columns' own codes (yes, combine): another column's.
    const { columns: _c, yes: _y, combine: _k, ...reading } = was as ColumnSource;
    mapping[r] = { ...suggested, ...reading };
  }
  // How a file stores its weights is that file's: the divisor is set anew (a walk: a divisor of 100
  // kept for a file of full weights under the same column name, every total 100 times too small).
  delete mapping.weightDivisor;
  // "No clusters" was a choice about the design: kept over a cluster column suggested for the new file.
  if (previous.mapping.noClusters) delete mapping.psu;
  else if (mapping.psu) delete mapping.noClusters;
  // The new file's name, reading and joins; the previous analysis's definitions and options, and its
  // title when the user gave it one (not a draft's "... : <file>", which names the file before).
  const { version, data, joins } = fresh;
  const title = previous.title !== undefined && !LANGS.some((l) => isDraftTitle(previous.title!, previous.data.path, l)) ? previous.title : fresh.title;
  const { frameworks, indicators, ageGroups, options } = previous;
  const d: AnalysisFile = { version, ...(title !== undefined ? { title } : {}), data, ...(joins ? { joins } : {}), mapping: mapping as unknown as AnalysisFile['mapping'], frameworks };
  const definitions = { ...(indicators ? { indicators } : {}), ...(ageGroups ? { ageGroups } : {}), ...(options ? { options } : {}) };
  return { ...d, ...definitions, ...carriedBreakdowns(previous, fresh, d.mapping, columns) };
}

/**
 * The breakdowns carried: the analysis before's that the carried mapping can give (its region rows
 * when the new file's region column is another, suggested for it: a walk lost every region and area
 * table to a renamed column, unsaid), then the new file's suggested ones over a region or an area the
 * analysis before did not map at all, which its list could not have chosen.
 */
function carriedBreakdowns(previous: AnalysisFile, fresh: AnalysisFile, mapping: AnalysisFile['mapping'], columns: string[]): Pick<AnalysisFile, 'breakdowns'> {
  if (!previous.breakdowns) return fresh.breakdowns ? { breakdowns: fresh.breakdowns } : {};
  const rows = breakdownsFor(previous.breakdowns, mapping, new Set(columns));
  const added = (['region', 'area'] as const).filter((d) => !previous.mapping[d] && mapping[d]);
  const key = (b: readonly string[]) => b.join('|');
  const have = new Set(rows.map(key));
  const more = (fresh.breakdowns ?? []).filter((b) => b.some((d) => (added as readonly string[]).includes(d)) && !have.has(key(b)));
  return { breakdowns: [...rows, ...more] };
}

/** Roles of the mapping named by the words `role.<key>`, in the Map step's order. */
const ROLES = ['weight', 'stratum', 'psu', 'fpc', 'universe', 'age', 'sex', 'region', 'area', 'econActivity', 'econHours', 'absentFromJob', 'choresHours', 'industry', 'occupation'] as const;

/**
 * The roles of the analysis before that the carried one no longer maps (the new file lacks their
 * columns and suggests none), as word keys (role.<key>): a hazard condition or a breakdown column
 * left out is named by its kind. The notice names them (a walk: a universe and a hazard dropped unsaid).
 */
export function droppedRoles(previous: AnalysisFile, carried: AnalysisFile): string[] {
  const was = previous.mapping as unknown as Record<string, unknown>;
  const now = carried.mapping as unknown as Record<string, unknown>;
  const out: string[] = ROLES.filter((r) => was[r] !== undefined && now[r] === undefined).map((r) => `role.${r}`);
  const count = (x: unknown) => (x && typeof x === 'object' ? Object.keys(x).length : 0);
  if (count(now.hazards) < count(was.hazards)) out.push('role.hazards');
  if (count(now.extras) < count(was.extras)) out.push('role.extraColumn');
  return out;
}
