import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { resolveAnalysis, type ResolvedAnalysis } from '../../analysis/analysisFile.js';
import { preset } from '../../analysis/frameworks.js';

/**
 * The benchmark's analysis, one home for run.ts, classifyAB.ts and editProfile.ts: the five framework
 * presets x three indicators x the reference file's seven breakdowns, on `bench.csv`.
 */
const root = resolve(new URL('../..', import.meta.url).pathname);
const PRESETS = ['ilo_ge2020', 'ilo_ge2020_chores', 'sdg_871_econ', 'sdg_871', 'mics6_hazard'];

/** Hours thresholds of the 12-14 band tried by the edits: the first edit, then the later ones. */
export const EDITS = [15, 13, 16, 17];

/** The standard table set; with `hours`, the GE headline's 12-14 threshold edited to that many hours. */
export function analysisFileFor(hours = 0): object {
  const base = JSON.parse(readFileSync(resolve(root, 'test/fixtures/reference.analysis.json'), 'utf8'));
  const frameworks = PRESETS.map((p) => ({ preset: p })) as object[];
  if (hours) {
    const ge = preset('ilo_ge2020');
    ge.bands[1] = { from: 12, to: 14, econ: { rule: 'hours', min: hours }, chores: null };
    frameworks[0] = { preset: 'ilo_ge2020', id: `ilo_ge2020_${hours}h`, edit: { bands: ge.bands } };
  }
  return { ...base, data: { path: 'bench.csv' }, frameworks, indicators: ['children_in_employment', 'child_labour', 'hazardous_work'] };
}

export function analysisFor(hours = 0): ResolvedAnalysis {
  return resolveAnalysis(analysisFileFor(hours), 'bench.analysis.json');
}
