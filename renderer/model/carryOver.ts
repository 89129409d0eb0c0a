import type { AnalysisFile, ColumnSource } from '../../analysis/index.js';
import { keepColumns, SOURCE_ROLES } from './joins.js';

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
  // A divisor is the weight column's: another column's weights may be written otherwise.
  if (mapping.weight !== previous.mapping.weight) delete mapping.weightDivisor;
  // "No clusters" was a choice about the design: kept over a cluster column suggested for the new file.
  if (previous.mapping.noClusters) delete mapping.psu;
  else if (mapping.psu) delete mapping.noClusters;
  // The new file's name, reading, joins and title; the previous analysis's definitions and options.
  const { version, title, data, joins, breakdowns } = fresh;
  const { frameworks, indicators, ageGroups, options } = previous;
  const d: AnalysisFile = { version, ...(title !== undefined ? { title } : {}), data, ...(joins ? { joins } : {}), mapping: mapping as unknown as AnalysisFile['mapping'], frameworks };
  const definitions = { ...(indicators ? { indicators } : {}), ...(ageGroups ? { ageGroups } : {}), ...(options ? { options } : {}) };
  const rows = kept.breakdowns ?? breakdowns;
  return { ...d, ...definitions, ...(rows ? { breakdowns: rows } : {}) };
}
