import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../analysis/cli/main.js';
import { parseCsv, relErr } from './engines.js';

/** The command line, as a user runs it: output, messages on standard error, exit codes. */
const root = new URL('..', import.meta.url).pathname;
const MICS = join(root, 'sample-data/mics6_synthetic.analysis.json');
const LFS = join(root, 'sample-data/lfs_synthetic.analysis.json');

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, (s) => (out += s), (s) => (err += s));
  return { code, out, err };
}
const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

describe('clstats', () => {
  it('runs the MICS6-style sample: one CSV row per framework x indicator x domain, with the reference columns', async () => {
    const r = await cli('run', MICS, '--quiet');
    expect(r.code).toBe(0);
    const rows = parseCsv(r.out);
    expect(Object.keys(rows[0]!)).toEqual(expect.arrayContaining(['framework', 'indicator', 'breakdown', 'sex', 'age_group', 'region', 'area', 'CB7', 'windex5', 'estimate', 'se', 'ci_low', 'ci_high', 'df', 'total', 'total_se', 'population', 'n_unweighted', 'deff', 'deff_replace', 'cv', 'flag']));
    const frameworks = new Set(rows.map((x) => x.framework));
    expect([...frameworks]).toEqual(['ilo_ge2020', 'ilo_ge2020_chores', 'sdg_871_econ', 'sdg_871', 'mics6_hazard']);
    const national = rows.find((x) => x.framework === 'ilo_ge2020' && x.indicator === 'child_labour' && x.breakdown === 'total')!;
    expect(Number(national.estimate)).toBeGreaterThan(0.05);
    expect(Number(national.ci_low)).toBeLessThan(Number(national.estimate));
    expect(national.flag).toBe('ok');
  });

  it('runs the LFS-style sample with string codes and an accented region name', async () => {
    const r = await cli('run', LFS, '--quiet');
    expect(r.code).toBe(0);
    const rows = parseCsv(r.out);
    expect(rows.filter((x) => x.breakdown === 'sex').map((x) => x.sex)).toContain('F');
    expect(rows.map((x) => x.region)).toContain('Équateur');
  });

  it('writes JSON with metadata, results, gaps and messages; the same numbers with the WASM engine', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clstats-'));
    const before = sha(join(root, 'sample-data/mics6_synthetic_fs.csv'));
    const a = await cli('run', MICS, '--format', 'json', '--out', join(dir, 'native.json'), '--quiet');
    const b = await cli('run', MICS, '--format', 'json', '--engine', 'wasm', '--out', join(dir, 'wasm.json'), '--quiet');
    expect([a.code, b.code]).toEqual([0, 0]);
    const n = JSON.parse(readFileSync(join(dir, 'native.json'), 'utf8'));
    const w = JSON.parse(readFileSync(join(dir, 'wasm.json'), 'utf8'));
    expect(n.metadata.design).toMatchObject({ weight: 'fsweight', stratum: 'stratum', psu: 'HH1' });
    expect(n.gaps.length).toBeGreaterThan(0);
    expect(w.results.length).toBe(n.results.length);
    n.results.forEach((r: Record<string, number>, i: number) => {
      for (const c of ['estimate', 'se', 'ci_low', 'total_se']) if (r[c] !== null) expect(relErr(w.results[i][c], r[c]!)).toBeLessThan(1e-12);
    });
    expect(sha(join(root, 'sample-data/mics6_synthetic_fs.csv'))).toBe(before); // the source file is never changed
  });

  it('a missing analysis file: coded message and exit 1', async () => {
    const r = await cli('run', '/nonexistent/x.analysis.json');
    expect(r.code).toBe(1);
    expect(r.err).toContain('ANALYSIS_FILE_UNREADABLE');
  });

  it('an analysis file saved with a byte-order mark (Notepad) and yes and missing codes written as JSON numbers runs as the file written plainly', async () => {
    // A probe: the mark was quoted as an unexpected invisible character, and "yes": [1] stopped the run (ENGINE_FAILED).
    const dir = mkdtempSync(join(tmpdir(), 'clstats-'));
    const a = JSON.parse(readFileSync(LFS, 'utf8'));
    a.data.path = join(root, 'sample-data', a.data.path);
    a.mapping.econHours.missingCodes = ['98', '99'];
    writeFileSync(join(dir, 'plain.json'), JSON.stringify(a));
    const numbers = structuredClone(a);
    numbers.mapping.econHours.missingCodes = [98, 99];
    for (const h of Object.values(numbers.mapping.hazards) as { yes: unknown[] }[]) h.yes = [1];
    writeFileSync(join(dir, 'numbers.json'), `\uFEFF${JSON.stringify(numbers, null, 2)}`);
    const plain = await cli('run', join(dir, 'plain.json'), '--quiet');
    const written = await cli('run', join(dir, 'numbers.json'), '--quiet');
    expect(written.err.replace('numbers.json', 'plain.json')).toBe(plain.err);
    expect([written.code, plain.code]).toEqual([0, 0]);
    expect(written.out).toBe(plain.out);
    expect(parseCsv(plain.out).some((r) => r.indicator === 'hazardous_work' && Number(r.estimate) > 0)).toBe(true);
  });

  it('a data path written on Windows ("sub\\data.csv") names the file in the folder here too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clstats-'));
    const a = JSON.parse(readFileSync(LFS, 'utf8'));
    mkdirSync(join(dir, 'sub'));
    copyFileSync(join(root, 'sample-data', a.data.path), join(dir, 'sub', 'data.csv'));
    writeFileSync(join(dir, 'windows.json'), JSON.stringify({ ...a, data: { ...a.data, path: 'sub\\data.csv' } }));
    writeFileSync(join(dir, 'plain.json'), JSON.stringify({ ...a, data: { ...a.data, path: 'sub/data.csv' } }));
    const windows = await cli('run', join(dir, 'windows.json'), '--quiet');
    expect(windows.code, windows.err).toBe(0);
    expect(windows.out).toBe((await cli('run', join(dir, 'plain.json'), '--quiet')).out);
  });

  it('a data file that is not there: DATA_FILE_UNREADABLE naming it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clstats-'));
    const a = JSON.parse(readFileSync(MICS, 'utf8'));
    a.data.path = 'missing.csv';
    writeFileSync(join(dir, 'a.json'), JSON.stringify(a));
    const r = await cli('run', join(dir, 'a.json'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/DATA_FILE_UNREADABLE: .*missing\.csv/);
  });

  it('a header-only data file: DATA_FILE_EMPTY', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clstats-'));
    writeFileSync(join(dir, 'empty.csv'), 'HH1,HH7,HH6\n');
    const a = JSON.parse(readFileSync(MICS, 'utf8'));
    a.data.path = 'empty.csv';
    writeFileSync(join(dir, 'a.json'), JSON.stringify(a));
    const r = await cli('run', join(dir, 'a.json'));
    expect(r.code).toBe(1);
    expect(r.err).toContain('DATA_FILE_EMPTY');
  });

  it('usage errors exit 2', async () => {
    expect((await cli('run', MICS, '--format', 'xml')).code).toBe(2);
    expect((await cli('frobnicate')).code).toBe(2);
  });

  it('validate prints the design summary', async () => {
    const r = await cli('validate', MICS, '--quiet');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/6423 rows, 6141 children in scope, 12 strata, 189 PSUs, design df 177/);
    expect(r.out).toMatch(/6141 aged 5-17 in the universe FS17 = 1 \(282 outside it\)/);
  });

  it('the installed bin (built bundle) runs and prints the help', () => {
    const bin = join(root, 'analysis/cli/bin.mjs');
    const help = execFileSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
    expect(help).toContain('clstats run <analysis.json>');
    // After a command too (it said "unknown option --help").
    expect(execFileSync(process.execPath, [bin, 'run', '--help'], { encoding: 'utf8' })).toBe(help);
    const bad = spawnSync(process.execPath, [bin, 'run', '/nonexistent.json'], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('ANALYSIS_FILE_UNREADABLE');
  });

  it('stops quietly when the reader closes the pipe early (clstats run ... | head -1)', () => {
    const bin = join(root, 'analysis/cli/bin.mjs');
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" run "${MICS}" --quiet | head -1`], { encoding: 'utf8' });
    expect(r.stdout).toMatch(/^framework,indicator,breakdown,/);
    expect(r.stderr).not.toMatch(/EPIPE|Unhandled/);
  });
});
