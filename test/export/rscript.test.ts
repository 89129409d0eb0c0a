import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rScript, rString } from '../../analysis/export/rscript.js';
import { resultsCsv } from '../../analysis/output.js';
import { parseCsv, relErr } from '../engines.js';
import { LFS, MICS, REFERENCE, runForExport } from './helpers.js';

/**
 * The exported R script, run by R's survey package on the same data file, gives the app's numbers
 * to 1e-8 (relative): estimate, se, ci_low, ci_high, total, total_se, and exactly the same domains,
 * df, n and flags. Needs Rscript with the survey package (Debian: apt-get install r-base-core
 * r-cran-survey; .ci/run installs them); without them the test is skipped with a notice.
 */
const TOL = 1e-8;
const COMPARED = ['estimate', 'se', 'ci_low', 'ci_high', 'total', 'total_se', 'population', 'deff', 'deff_replace', 'cv'] as const;

function rAvailable(): boolean {
  const r = spawnSync('Rscript', ['-e', 'suppressPackageStartupMessages(library(survey)); cat(as.character(packageVersion("survey")))'], { encoding: 'utf8' });
  return r.status === 0;
}
const hasR = rAvailable();
if (!hasR) {
  console.warn('NOTICE: Rscript with the survey package is not installed: the R export test is SKIPPED (Debian: apt-get install r-base-core r-cran-survey).');
}

describe('rString', () => {
  it('writes ASCII R literals, other characters as \\u escapes', () => {
    expect(rString('Équateur "x" \\ y')).toBe('"\\u00c9quateur \\"x\\" \\\\ y"');
  });
});

describe('the exported R script reproduces the app', () => {
  const files: [string, string][] = [
    ['MICS6-style sample', MICS],
    ['LFS-style sample', LFS],
    ['reference analysis (../shared/reference)', REFERENCE],
  ];
  it.skipIf(!hasR).each(files)('%s: same domains, numbers to 1e-8', async (_, file) => {
    const run = await runForExport(file);
    if (!existsSync(run.dataPath)) throw new Error(`data file ${run.dataPath} is missing`);
    const dir = mkdtempSync(join(tmpdir(), 'clstats-r-'));
    const script = join(dir, 'analysis.R');
    const out = join(dir, 'r_results.csv');
    // The data path written into the script: with no argument the script reads it (relative to itself).
    writeFileSync(script, rScript(run.result.analysis, run.meta, { dataPath: run.dataPath, outFile: 'r_results.csv' }));
    const r = spawnSync('Rscript', [script], { encoding: 'utf8', cwd: tmpdir(), timeout: 600_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/estimates written to/);

    const app = parseCsv(resultsCsv(run.result));
    const rr = parseCsv(readFileSync(out, 'utf8'));
    expect(Object.keys(rr[0]!)).toEqual(Object.keys(app[0]!)); // the command line's long format
    const keyCols = Object.keys(app[0]!).slice(0, Object.keys(app[0]!).indexOf('estimate'));
    const key = (x: Record<string, string>) => keyCols.map((k) => x[k]).join('|');
    expect(rr.map(key).sort()).toEqual(app.map(key).sort());
    const byKey = new Map(rr.map((x) => [key(x), x]));
    let worst = 0;
    for (const a of app) {
      const b = byKey.get(key(a))!;
      expect([b.df, b.n_unweighted, b.flag], key(a)).toEqual([a.df, a.n_unweighted, a.flag]);
      for (const c of COMPARED) {
        if (a[c] === 'NA' || b[c] === 'NA') {
          expect(b[c], `${key(a)} ${c}`).toBe(a[c]);
          continue;
        }
        const e = relErr(Number(b[c]), Number(a[c]));
        worst = Math.max(worst, e);
        expect(e, `${key(a)} ${c}: app ${a[c]}, R ${b[c]}`).toBeLessThan(TOL);
      }
    }
    console.log(`${file.split('/').pop()}: ${app.length} estimates, largest relative difference from R ${worst.toExponential(1)}`);
  }, 600_000);
});
