import { describe, expect, it } from 'vitest';
import { runFile } from '../analysis/cli/main.js';

/**
 * A stratum sampled whole (fpc: one EA of one) is no lonely stratum: R's onestrat gives it zero variance
 * before it looks at its PSUs, and counts it among the strata "average" averages over (variance.ts
 * CENSUS_F). Before, the app treated it as lonely: under "average" the multiplier was 10/8 where R's
 * is 10/9 (SEs 15-41 % too large in a probe), and "fail" stopped on it. The exported R script, which
 * uses R's survey, gives the app's numbers on this file (test/export/rscript.test.ts).
 */
const CENSUS = new URL('./fixtures/no-number/lfs_census.analysis.json', import.meta.url).pathname;

describe.each(['native', 'wasm'] as const)('a census stratum beside a lonely one (%s)', (engine) => {
  it('only the lonely stratum is said, in the report and the run', async () => {
    const { report, result } = await runFile(CENSUS, engine);
    expect(report.design.lonelyStrata).toEqual(['NORD-U']);
    expect(result.design.lonelyStrata).toEqual(['NORD-U']);
    const said = result.messages.filter((m) => m.code === 'LONELY_PSU_PRESENT').map((m) => m.params);
    expect(said).toEqual([{ count: 1, strata: 'NORD-U', policy: 'average' }]);
  }, 120_000);
});
