import type { AnalysisResult, Indicator } from '../../analysis/index.js';

/**
 * The Results and Charts steps draw the presentation layer's tables and charts (analysis/present),
 * the ones every export draws; only the switchers' choices are the screens' own.
 */

/** The frameworks and indicators a result holds, for the Results and Charts switchers. */
export function resultChoices(result: AnalysisResult): { frameworks: { id: string; name: string }[]; indicators: Indicator[] } {
  return { frameworks: result.analysis.frameworks.map((f) => ({ id: f.id, name: f.name })), indicators: result.analysis.indicators };
}
