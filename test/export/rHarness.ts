import { spawnSync } from 'node:child_process';
import { expect } from 'vitest';
import { runFile } from '../../analysis/cli/main.js';
import { relErr } from '../engines.js';
import { testMetadata } from './helpers.js';

/**
 * What the tests of the exported R scripts share (rscript, rscriptJoins, rscriptRounds): whether R and
 * its packages are there, an analysis file run as the command line runs it with an export's metadata,
 * and the comparison of R's CSV with the app's.
 */

/** R's numbers against the app's: relative difference at most 1e-8. */
export const TOL = 1e-8;
/** The statistics of a results row compared to TOL. */
export const COMPARED = ['estimate', 'se', 'ci_low', 'ci_high', 'total', 'total_se', 'population', 'deff', 'deff_replace', 'cv'] as const;

/** Rscript runs and has the package. */
export function rHas(pkg: string): boolean {
  return spawnSync('Rscript', ['-e', `suppressPackageStartupMessages(library(${pkg}))`], { encoding: 'utf8' }).status === 0;
}

/** Runs an analysis file as the command line does, with the metadata of an export. */
export async function runForR(file: string) {
  const { result, dataPath, imported } = await runFile(file);
  return { result, dataPath, meta: await testMetadata(result, file, dataPath, imported.labels), labels: imported.labels };
}

/**
 * Two CSVs of the same rows, the app's and R's: the same keys, the `exact` columns equal, the `stats`
 * within `tolOf(row, column)` (default TOL), 'NA' only where the other is 'NA'. Returns the largest
 * relative difference.
 */
export function compareCsv(
  app: Record<string, string>[], r: Record<string, string>[], keyCols: string[], exact: string[], stats: readonly string[],
  tolOf: (row: Record<string, string>, column: string) => number = () => TOL,
): number {
  const key = (x: Record<string, string>) => keyCols.map((k) => x[k]).join('|');
  expect(r.map(key).sort()).toEqual(app.map(key).sort());
  const byKey = new Map(r.map((x) => [key(x), x]));
  let worst = 0;
  for (const a of app) {
    const b = byKey.get(key(a))!;
    expect(exact.map((k) => b[k]), key(a)).toEqual(exact.map((k) => a[k]));
    for (const c of stats) {
      if (a[c] === 'NA' || b[c] === 'NA') {
        expect(b[c], `${key(a)} ${c}`).toBe(a[c]);
        continue;
      }
      const e = relErr(Number(b[c]), Number(a[c]));
      worst = Math.max(worst, e);
      expect(e, `${key(a)} ${c}: app ${a[c]}, R ${b[c]}`).toBeLessThan(tolOf(a, c));
    }
  }
  return worst;
}
