import type { AnalysisFile } from '../types.js';
import { roundBreakdowns } from './sharedDims.js';
import type { RoundsAnalysisFile } from './types.js';

/** The title a round's own analysis gets: the file's title and the round's label. */
export const roundTitle = (title: string | undefined, label: string) => `${title ?? 'Child labour estimates'} - ${label}`;

/**
 * One single-round analysis per round: the shared definitions (frameworks, indicators, breakdowns,
 * age groups, options) with the round's own data, joins and mapping, titled with the round's label.
 * Each is an ordinary analysis file: it runs, validates and exports as one, and its relative data
 * paths are relative to the same folder as the rounds file's. The shared breakdowns are put in the
 * round's names: a background characteristic another round maps to another column is the round's own
 * (sharedDims.ts).
 */
export function roundAnalyses(file: RoundsAnalysisFile): AnalysisFile[] {
  const { rounds, categories: _categories, changes: _changes, title, ...shared } = file;
  const mappings = rounds.map((r) => r?.mapping);
  return rounds.map((r, i) => ({
    ...shared,
    ...(Array.isArray(shared.breakdowns) ? { breakdowns: roundBreakdowns(shared.breakdowns, mappings, i) } : {}),
    title: roundTitle(title, r.label),
    data: r.data,
    ...(r.joins ? { joins: r.joins } : {}),
    mapping: r.mapping,
  }));
}
