import type { ResolvedAnalysis } from '../analysisFile.js';
import { AnalysisError } from '../messages.js';
import { breakdownName } from '../run.js';

/**
 * Two single-round analysis files compared (`clstats compare`) must measure the same things: the
 * same frameworks with the same rules, age groups, indicators, breakdowns and the options that change
 * an estimate, its interval or its test (level, interval method, missing-hours policy, lonely PSUs,
 * design effect). Only what a round may change differs: data, joins, mapping (with its recodes), title.
 * The small-cell rule is left out: it flags, it does not change a number.
 */
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** What differs between two analyses' definitions, each in a few words ("options.level: 0.95 vs 0.9"); [] when nothing. */
export function definitionDifferences(a: ResolvedAnalysis, b: ResolvedAnalysis): string[] {
  const out: string[] = [];
  const ids = (x: ResolvedAnalysis) => x.frameworks.map((f) => f.id).join(', ');
  if (ids(a) !== ids(b)) out.push(`frameworks: ${ids(a)} vs ${ids(b)}`);
  for (const f of a.frameworks) {
    const g = b.frameworks.find((x) => x.id === f.id);
    if (!g) continue;
    const rules = (['comparison', 'bands', 'hazardous', 'hazardsInChildLabour'] as const).filter((k) => !same(f[k], g[k]));
    if (rules.length) out.push(`framework ${f.id}: ${rules.join(', ')}`);
  }
  if (!same(a.indicators, b.indicators)) out.push(`indicators: ${a.indicators.join(', ')} vs ${b.indicators.join(', ')}`);
  if (!same(a.ageGroups, b.ageGroups)) out.push(`age groups: ${a.ageGroups.map((g) => g.label).join(', ')} vs ${b.ageGroups.map((g) => g.label).join(', ')}`);
  const bds = (x: ResolvedAnalysis) => x.breakdowns.map(breakdownName).join(', ');
  if (bds(a) !== bds(b)) out.push(`breakdowns: ${bds(a)} vs ${bds(b)}`);
  for (const k of ['level', 'ci', 'missingHours', 'lonelyPsu', 'deff'] as const) {
    if (a.options[k] !== b.options[k]) out.push(`options.${k}: ${a.options[k]} vs ${b.options[k]}`);
  }
  return out;
}

/** Stops with COMPARE_DEFINITIONS_DIFFER, naming every difference, when the two analyses do not measure the same things. */
export function checkSameDefinitions(a: ResolvedAnalysis, b: ResolvedAnalysis, names: { baseline: string; followup: string }): void {
  const differences = definitionDifferences(a, b);
  if (differences.length) throw new AnalysisError('COMPARE_DEFINITIONS_DIFFER', { ...names, differences: differences.join('; ') });
}
