import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAnalysis } from '../analysis/analysisFile.js';
import { runFile } from '../analysis/cli/main.js';
import { stataDo } from '../analysis/export/stata.js';
import { metadataWords } from '../analysis/present/metadataWords.js';
import { relErr } from './engines.js';
import { testMetadata } from './export/helpers.js';

/**
 * mapping.weightDivisor: weights stored with implied decimals (51480 for 514.80) or DHS's x 1,000,000
 * are divided before use. The LFS-style sample with its weights in hundredths
 * (scripts/fixtures/make-no-number.ts lfs_implied) and a divisor of 100 gives every number of the
 * sample; without the divisor the prevalences and their intervals are the same and the numbers of
 * children 100 times the sample's: what a user got before, with no way to divide.
 */
const SAMPLE = new URL('../sample-data/lfs_synthetic.analysis.json', import.meta.url).pathname;
const IMPLIED = new URL('./fixtures/no-number/lfs_implied.analysis.json', import.meta.url).pathname;

/** The implied-decimals file's analysis with `edit` applied to its mapping, in a folder of its own. */
function variant(edit: (m: Record<string, unknown>) => void): string {
  const json = JSON.parse(readFileSync(IMPLIED, 'utf8'));
  edit(json.mapping);
  const file = join(mkdtempSync(join(tmpdir(), 'clstats-divisor-')), 'variant.analysis.json');
  writeFileSync(file, JSON.stringify({ ...json, data: { ...json.data, path: join(dirname(IMPLIED), json.data.path) } }));
  return file;
}

describe.each(['native', 'wasm'] as const)('weights divided by mapping.weightDivisor (%s)', (engine) => {
  it('weights in hundredths divided by 100: every estimate, gap and message of the sample', async () => {
    const plain = await runFile(SAMPLE, engine);
    const implied = await runFile(IMPLIED, engine);
    expect(implied.result.rows.length).toBeGreaterThan(100);
    expect(implied.result.rows).toEqual(plain.result.rows);
    expect(implied.result.gaps).toEqual(plain.result.gaps);
    expect(implied.report.findings.map((f) => f.code)).toEqual(plain.report.findings.map((f) => f.code));
  }, 120_000);

  it('without the divisor: the same prevalences and intervals, numbers of children 100 times', async () => {
    const plain = await runFile(SAMPLE, engine);
    const undivided = await runFile(variant((m) => delete m.weightDivisor), engine);
    expect(undivided.result.rows.length).toBe(plain.result.rows.length);
    for (const [i, r] of undivided.result.rows.entries()) {
      const p = plain.result.rows[i]!;
      for (const k of ['estimate', 'se', 'ci_low', 'ci_high'] as const) if (p[k] !== null) expect(relErr(r[k]!, p[k]!)).toBeLessThan(1e-12);
      expect(relErr(r.total, p.total * 100)).toBeLessThan(1e-12);
      expect(relErr(r.population, p.population * 100)).toBeLessThan(1e-12);
    }
  }, 120_000);
});

describe.each(['native', 'wasm'] as const)('a divisor on weights in units already (%s)', (engine) => {
  // A probe: a file's hv005 / 1,000,000 divided again, 2176.45 divided by 100: every total far too small, no word.
  const sampleWith = (divisor: number) => {
    const json = JSON.parse(readFileSync(SAMPLE, 'utf8'));
    json.mapping.weightDivisor = divisor;
    const file = join(mkdtempSync(join(tmpdir(), 'clstats-divided-')), 'divided.analysis.json');
    writeFileSync(file, JSON.stringify({ ...json, data: { ...json.data, path: join(dirname(SAMPLE), json.data.path) } }));
    return file;
  };
  const found = (r: Awaited<ReturnType<typeof runFile>>, code: string) => r.report.findings.filter((f) => f.code === code);

  it('weights written with decimals, divided by 100: WEIGHT_DIVISOR_DECIMALS names the first; the sample in hundredths says nothing', async () => {
    const r = await runFile(sampleWith(100), engine);
    const [w] = found(r, 'WEIGHT_DIVISOR_DECIMALS');
    expect(w).toMatchObject({ severity: 'warning', params: { column: 'wgt', divisor: 100, row: 1, value: '514.80' } });
    expect(w!.text).toContain('are divided by 100 ("weights divided by"), but');
    expect(found(await runFile(IMPLIED, engine), 'WEIGHT_DIVISOR_DECIMALS')).toEqual([]);
  }, 120_000);

  it('weights averaging below 1 once divided: WEIGHTS_BELOW_ONE, with the advice to set the divisor to 1', async () => {
    const r = await runFile(sampleWith(1_000_000), engine);
    const [w] = found(r, 'WEIGHTS_BELOW_ONE');
    expect(w?.severity).toBe('warning');
    expect(Number(w!.params.mean)).toBeLessThan(0.01);
    expect(w!.action).toContain('set it to 1');
    expect(found(await runFile(SAMPLE, engine), 'WEIGHTS_BELOW_ONE')).toEqual([]);
  }, 120_000);
});

describe('weightDivisor in the analysis file and the exports', () => {
  it('a divisor that is not a number above 0 is refused, with the path and what to write', () => {
    for (const bad of [0, -100, '100', Number.NaN]) {
      const json = JSON.parse(readFileSync(IMPLIED, 'utf8'));
      json.mapping.weightDivisor = bad;
      // "1000000" in quotes said as such (a probe: "expected a number from 0 to Infinity", though 0 is refused).
      expect(() => resolveAnalysis(json, 'x.analysis.json'), String(bad)).toThrow(/mapping\.weightDivisor.*expected a number above 0, written without quotes/);
    }
  });

  it('the metadata says the weight and its divisor in each language; the do-file divides as the app', async () => {
    const run = await runFile(IMPLIED);
    const meta = await testMetadata(run.result, IMPLIED, run.dataPath, run.imported.labels);
    expect(meta.design.weightDivisor).toBe(100);
    const weightRow = (lang: 'en' | 'fr' | 'es') => metadataWords(meta, lang).find((r) => r.value.startsWith('wgt'))?.value;
    expect([weightRow('en'), weightRow('fr'), weightRow('es')]).toEqual(['wgt, divided by 100', 'wgt, divisé par 100', 'wgt, dividido por 100']);
    expect(stataDo(run.result.analysis, meta, { dataPath: run.dataPath })).toContain('quietly gen double w = real(ustrregexra(wgt, ');
    expect(stataDo(run.result.analysis, meta, { dataPath: run.dataPath })).toMatch(/gen double w = real\(ustrregexra\(wgt, [^\n]*\)\) \/ 100\n/);
  }, 120_000);
});
