import type { AnalysisResult, Framework, Indicator } from '../../analysis/index.js';

/**
 * The Results and Charts steps draw the presentation layer's tables and charts (analysis/present),
 * the ones every export draws; only the switchers' choices are the screens' own.
 */

/** The frameworks and indicators a result holds, for the Results and Charts switchers. */
export function resultChoices(result: AnalysisResult): { frameworks: Framework[]; indicators: Indicator[] } {
  return { frameworks: result.analysis.frameworks, indicators: result.analysis.indicators };
}
