import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileAtomic, writeFileAtomicSync } from '../analysis/cli/atomicWrite.js';
import type { Engine } from '../analysis/engine/engine.js';
import { createNativeEngine } from '../analysis/engine/nativeEngine.js';
import { MESSAGES, type MessageCode } from '../analysis/messages.js';

/**
 * The user's files, through the real command line (the built bundle, as `clstats` runs: `npm run
 * build:cli` first). Whatever a user names on the command line, the analysis file and the data file
 * come out byte-identical, a refused or failed command says why with a coded message and exit 1, and
 * an output is either the old file or the new one, never half of one.
 */
const ROOT = new URL('..', import.meta.url).pathname;
const BIN = join(ROOT, 'analysis/cli/bin.mjs');
const SURVEY_DIR = join(ROOT, 'test/fixtures/import/formats');
const SURVEY = JSON.parse(readFileSync(join(SURVEY_DIR, 'survey.analysis.json'), 'utf8'));
const BAD_DIR = join(ROOT, 'test/fixtures/bad');
const posixOnly = process.platform === 'win32' ? it.skip : it;

interface Ran {
  status: number | null;
  stderr: string;
  /** The code of the first error message on standard error. */
  error?: string;
}

/** A child process's exit status and standard error; a hang ends at the timeout with status null. */
function spawned(command: string, args: string[], cwd?: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    // Asynchronous: a blocked event loop would stop vitest's worker from reporting for the whole file.
    const child = spawn(command, args, { cwd, timeout: 30_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b));
    child.stderr.on('data', (b: Buffer) => (stderr += b));
    child.on('error', fail);
    child.on('close', (code) => done({ status: code, stdout, stderr }));
  });
}

/**
 * Runs clstats in a child process. A hang (the old answer to a named pipe) ends at the timeout with
 * status null. `fileBlocks` caps the size of any file the process writes (ulimit -f, 512-byte blocks
 * in sh), so that a write fails half-way as on a full disk.
 */
async function clstats(args: string[], opts: { cwd?: string; fileBlocks?: number } = {}): Promise<Ran> {
  const r = opts.fileBlocks
    ? await spawned('sh', ['-c', `ulimit -f ${opts.fileBlocks}; exec "$0" "$@"`, process.execPath, BIN, ...args], opts.cwd)
    : await spawned(process.execPath, [BIN, ...args], opts.cwd);
  return { status: r.status, stderr: r.stderr, error: /^error (\w+):/m.exec(r.stderr)?.[1] };
}

const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
const made: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'clstats-files-'));
  made.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A folder with a copy of the survey data and an analysis file reading it (relative path). */
function surveyFolder(): { dir: string; analysis: string; data: string } {
  const dir = tempDir();
  copyFileSync(join(SURVEY_DIR, 'survey.csv'), join(dir, 'survey.csv'));
  const analysis = join(dir, 'survey.analysis.json');
  writeFileSync(analysis, JSON.stringify({ ...SURVEY, data: { path: 'survey.csv' } }, null, 2));
  return { dir, analysis, data: join(dir, 'survey.csv') };
}

/** Runs `check` and asserts that none of `files` changed (SHA-256 of each, before and after). */
async function unchanged<T>(files: string[], check: () => Promise<T>): Promise<T> {
  const before = files.map(sha);
  const r = await check();
  expect(files.map(sha)).toEqual(before);
  return r;
}

describe('no output may overwrite an input', () => {
  // Each: how the output is named, relative to the survey folder (the working directory).
  it.each([
    ['--out', 'the data file, relative', () => './survey.csv'],
    ['--out', 'the data file, absolute', (dir: string) => join(dir, 'survey.csv')],
    ['--out', 'a symbolic link to the data file', (dir: string) => (symlinkSync(join(dir, 'survey.csv'), join(dir, 'link.csv')), 'link.csv')],
    ['--out', 'a hard link to the data file', (dir: string) => (linkSync(join(dir, 'survey.csv'), join(dir, 'hard.csv')), 'hard.csv')],
    ['--gaps', 'the analysis file', () => 'survey.analysis.json'],
    ['--out', 'the analysis file through ..', (dir: string) => join('..', basename(dir), 'survey.analysis.json')],
  ])('clstats run %s naming %s: OUTPUT_IS_INPUT, exit 1', async (option, _what, name) => {
    const { dir, analysis, data } = surveyFolder();
    const r = await unchanged([analysis, data], () => clstats(['run', analysis, '--quiet', option, name(dir)], { cwd: dir }));
    expect([r.status, r.error]).toEqual([1, 'OUTPUT_IS_INPUT']);
  });

  it.each([
    ['--xlsx', 'survey.csv'],
    ['--csv', 'survey.analysis.json'],
    ['--json', './survey.csv'],
    ['--html', 'survey.analysis.json'],
    ['--r', 'survey.csv'],
    ['--stata', 'survey.analysis.json'],
  ])('clstats export %s %s: OUTPUT_IS_INPUT, exit 1, before the analysis runs', async (option, target) => {
    const { dir, analysis, data } = surveyFolder();
    const r = await unchanged([analysis, data], () => clstats(['export', analysis, '--quiet', option, target], { cwd: dir }));
    expect([r.status, r.error]).toEqual([1, 'OUTPUT_IS_INPUT']);
    expect(r.stderr).not.toContain('HOURS_MISSING_SHARE'); // a warning of the run: it did not run
  });

  it('clstats export --csv whose metadata file beside it would be the analysis file', async () => {
    const { dir, data } = surveyFolder();
    const analysis = join(dir, 'results.csv.metadata.json');
    writeFileSync(analysis, JSON.stringify({ ...SURVEY, data: { path: 'survey.csv' } }));
    const r = await unchanged([analysis, data], () => clstats(['export', analysis, '--quiet', '--csv', join(dir, 'results.csv')]));
    expect([r.status, r.error]).toEqual([1, 'OUTPUT_IS_INPUT']);
  });

  // The chart files get their names from the chart ids; an analysis file with such a name, in the
  // folder given to --vega, --svg or --png, would be overwritten by a chart.
  it.each([
    ['--vega', 'sex_age.vl.json'],
    ['--svg', 'sex_age.svg'],
    ['--png', 'sex_age.png'],
  ])('clstats export %s DIR holding the analysis file as %s: OUTPUT_IS_INPUT, nothing written', async (option, name) => {
    const { dir, data } = surveyFolder();
    const analysis = join(dir, name);
    writeFileSync(analysis, JSON.stringify({ ...SURVEY, data: { path: 'survey.csv' } }));
    const before = readdirSync(dir).sort();
    const r = await unchanged([analysis, data], () => clstats(['export', analysis, '--quiet', option, dir]));
    expect([r.status, r.error]).toEqual([1, 'OUTPUT_IS_INPUT']);
    expect(readdirSync(dir).sort()).toEqual(before); // no other chart written either
  });
});

describe('outputs go where the user can find them', () => {
  it('--out into a folder that does not exist fails before the computation: OUTPUT_FOLDER_MISSING', async () => {
    const { dir, analysis, data } = surveyFolder();
    const r = await unchanged([analysis, data], () => clstats(['run', analysis, '--quiet', '--out', join(dir, 'no-such-folder', 'results.csv')]));
    expect([r.status, r.error]).toEqual([1, 'OUTPUT_FOLDER_MISSING']);
    expect(r.stderr).not.toContain('HOURS_MISSING_SHARE'); // printed after the computation: it never started
    expect(existsSync(join(dir, 'no-such-folder'))).toBe(false);
  });

  it('--out and --gaps naming one file: a usage error (exit 2), the gaps would replace the results', async () => {
    const { dir, analysis, data } = surveyFolder();
    const r = await unchanged([analysis, data], () => clstats(['run', analysis, '--quiet', '--out', 'r.csv', '--gaps', './r.csv'], { cwd: dir }));
    expect([r.status, r.error]).toEqual([2, 'CLI_USAGE']);
  });

  it('--gaps naming a folder: OUTPUT_IS_FOLDER, before the computation', async () => {
    const { dir, analysis, data } = surveyFolder();
    const r = await unchanged([analysis, data], () => clstats(['run', analysis, '--quiet', '--gaps', dir]));
    expect([r.status, r.error]).toEqual([1, 'OUTPUT_IS_FOLDER']);
    expect(r.stderr).not.toContain('HOURS_MISSING_SHARE');
  });
});

describe('inputs that are not regular files get a coded message, never a hang or "a bug"', () => {
  /** An analysis file (in its own folder) whose data.path is `dataPath`. */
  function analysisReading(dataPath: string): string {
    const dir = tempDir();
    const analysis = join(dir, 'a.analysis.json');
    writeFileSync(analysis, JSON.stringify({ ...SURVEY, data: { path: dataPath } }));
    return analysis;
  }

  it('a data path that is a folder: DATA_FILE_IS_FOLDER naming it', async () => {
    const folder = tempDir();
    const analysis = analysisReading(folder);
    const r = await unchanged([analysis], () => clstats(['run', analysis, '--quiet']));
    expect([r.status, r.error]).toEqual([1, 'DATA_FILE_IS_FOLDER']);
    expect(r.stderr).toContain(folder);
  });

  posixOnly('a data path that is a named pipe (FIFO): DATA_FILE_NOT_REGULAR at once, no wait for a writer', async () => {
    const fifo = join(tempDir(), 'survey.csv');
    spawnSync('mkfifo', [fifo]);
    const analysis = analysisReading(fifo);
    const r = await unchanged([analysis], () => clstats(['run', analysis, '--quiet']));
    expect([r.status, r.error]).toEqual([1, 'DATA_FILE_NOT_REGULAR']);
    expect(r.stderr).toContain(fifo);
  });

  posixOnly('a data path that is a device (/dev/null): DATA_FILE_NOT_REGULAR', async () => {
    const analysis = analysisReading('/dev/null');
    const r = await unchanged([analysis], () => clstats(['validate', analysis, '--quiet']));
    expect([r.status, r.error]).toEqual([1, 'DATA_FILE_NOT_REGULAR']);
  });

  it('an analysis file path that is a folder: ANALYSIS_FILE_IS_FOLDER', async () => {
    const folder = tempDir();
    const r = await clstats(['run', folder, '--quiet']);
    expect([r.status, r.error]).toEqual([1, 'ANALYSIS_FILE_IS_FOLDER']);
    expect(r.stderr).toContain(folder);
  });

  posixOnly('an analysis file path that is a named pipe: ANALYSIS_FILE_NOT_REGULAR at once', async () => {
    const fifo = join(tempDir(), 'a.analysis.json');
    spawnSync('mkfifo', [fifo]);
    const r = await clstats(['export', fifo, '--quiet', '--csv', join(dirname(fifo), 'r.csv')]);
    expect([r.status, r.error]).toEqual([1, 'ANALYSIS_FILE_NOT_REGULAR']);
  });
});

describe('outputs are written whole or not at all', () => {
  /** A folder's entries and each file's bytes: what a user would find there. */
  const snapshot = (dir: string) => readdirSync(dir).sort().map((f) => [f, lstatSync(join(dir, f)).isFile() ? sha(join(dir, f)) : 'folder']);

  // 40 blocks of 512 bytes: the results (about 47 kB) do not fit, so the write fails half-way, as on
  // a full disk. The old code left the first 20 kB of the results in place of the old file.
  posixOnly.each([
    ['clstats run --out', (out: string, a: string) => ['run', a, '--quiet', '--out', out]],
    ['clstats export --csv', (out: string, a: string) => ['export', a, '--quiet', '--csv', out]],
  ])('%s on a full disk: OUTPUT_WRITE_FAILED, the old file intact, no temporary file left', async (_, args) => {
    const { dir, analysis, data } = surveyFolder();
    const out = join(dir, 'results.csv');
    writeFileSync(out, 'the results of last week\n');
    const before = snapshot(dir);
    const r = await unchanged([analysis, data], () => clstats(args(out, analysis), { fileBlocks: 40 }));
    expect([r.status, r.error]).toEqual([1, 'OUTPUT_WRITE_FAILED']);
    expect(snapshot(dir)).toEqual(before);
  });

  it('a successful write replaces the file, keeps its permissions, and writes through a symbolic link', async () => {
    const dir = tempDir();
    const file = join(dir, 'results.csv');
    writeFileSync(file, 'old');
    chmodSync(file, 0o640);
    symlinkSync(file, join(dir, 'link.csv'));
    writeFileAtomicSync(join(dir, 'link.csv'), 'new');
    await writeFileAtomic(join(dir, 'other.csv'), new Uint8Array([1, 2, 3]));
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(lstatSync(join(dir, 'link.csv')).isSymbolicLink()).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['link.csv', 'other.csv', 'results.csv']);
  });

  // A device or a pipe is written to, never replaced by a renamed file (--out /dev/stdout, /dev/null:
  // as root the rename put a plain file in place of /dev/null). Checked on a FIFO, which is harmless.
  posixOnly('clstats run --out a named pipe (as /dev/stdout): the results go through it and it stays a pipe', async () => {
    const { dir, analysis } = surveyFolder();
    const fifo = join(dir, 'results.pipe');
    spawnSync('mkfifo', [fifo]);
    const reader = spawned('cat', [fifo]);
    const r = await clstats(['run', analysis, '--quiet', '--out', fifo]);
    const read = await reader;
    expect(r.status, r.stderr).toBe(0);
    expect(read.stdout.split('\n')[0]).toMatch(/^framework,/);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  // The app's main process saves through the asynchronous helper: the same guarantee, checked in a
  // child process whose file size is capped (vitest's own process must keep writing its files).
  posixOnly.each(['writeFileAtomic', 'writeFileAtomicSync'])('%s failing half-way leaves the old file and no temporary file', async (fn) => {
    const dir = tempDir();
    const file = join(dir, 'analysis.clstats');
    writeFileSync(file, '{"version":1}');
    const script = join(tempDir(), 'write.mts');
    writeFileSync(script, `import { ${fn} } from ${JSON.stringify(join(ROOT, 'analysis/cli/atomicWrite.ts'))};
      try { await ${fn}(${JSON.stringify(file)}, 'x'.repeat(100000)); } catch (e) { console.log(e.code); }`);
    const tsx = join(ROOT, 'node_modules/.bin/tsx');
    const r = await spawned('sh', ['-c', 'ulimit -f 8; exec "$0" "$1"', tsx, script]);
    expect(r.stdout.trim(), r.stderr).toBe('EFBIG');
    expect(readFileSync(file, 'utf8')).toBe('{"version":1}');
    expect(readdirSync(dir)).toEqual(['analysis.clstats']);
  });
});

describe('the native engine spills to a private temporary folder, and reads nothing else', () => {
  let cwd: string;
  let engine: Engine;
  let work: string;
  beforeAll(async () => {
    // DuckDB's default temporary folder is `.tmp` in the working directory; put a file there.
    cwd = process.cwd();
    work = tempDir();
    mkdirSync(join(work, '.tmp'));
    writeFileSync(join(work, '.tmp', 'secret.csv'), 'a\n1\n');
    process.chdir(work);
    engine = await createNativeEngine();
  });
  afterAll(async () => {
    await engine?.close();
    process.chdir(cwd);
  });

  it('its temporary directory is a new folder under the system temp folder, mode 0700, removed on close', async () => {
    const [{ dir }] = (await engine.query("SELECT current_setting('temp_directory') AS dir")) as [{ dir: string }];
    expect(dirname(dir)).toBe(tmpdir());
    expect(basename(dir)).toMatch(/^clstats-/);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const other = await createNativeEngine();
    const [{ dir: otherDir }] = (await other.query("SELECT current_setting('temp_directory') AS dir")) as [{ dir: string }];
    expect(otherDir).not.toBe(dir);
    await other.close();
    expect(existsSync(otherDir)).toBe(false);
  });

  it.each([
    ['relative', () => '.tmp/secret.csv'],
    ['absolute', () => join(work, '.tmp/secret.csv')],
  ])('cannot read a file in the default temporary folder (%s path)', async (_, path) => {
    await expect(engine.query(`SELECT * FROM read_text('${path()}')`)).rejects.toThrow(/Permission|disabled|not allowed/i);
  });

  it('a sort larger than the memory limit spills to the private folder and completes', async () => {
    const small = await createNativeEngine({ memoryLimit: '64MB', threads: 1 });
    try {
      await small.run("CREATE TABLE t AS SELECT i, random() AS r, repeat('x', 20) AS s FROM range(3000000) x(i)");
      const [{ n }] = (await small.query('SELECT count(*) AS n FROM (SELECT * FROM t ORDER BY r)')) as [{ n: number }];
      expect(Number(n)).toBe(3_000_000);
      const [{ dir }] = (await small.query("SELECT current_setting('temp_directory') AS dir")) as [{ dir: string }];
      const spilled = await small.query('SELECT path FROM duckdb_temporary_files()');
      expect(spilled.length).toBeGreaterThan(0);
      for (const f of spilled) expect(dirname(String(f.path))).toBe(dir);
    } finally {
      await small.close();
    }
  });
});

describe('every malformed input of test/fixtures/bad, through the command line', () => {
  // The same corpus as test/import/bad.test.ts (which runs the loader in process, on both engines):
  // here the user's view, one `clstats run` each: the code, the exit status, the files untouched.
  const CASES = JSON.parse(readFileSync(join(BAD_DIR, 'manifest.json'), 'utf8')) as {
    file: string; code: MessageCode; data?: object; mapping?: object; options?: object;
  }[];
  const work = tempDir();
  it.each(CASES.map((c) => [c.file, c.code, c] as const))('%s: %s', async (file, code, c) => {
    const analysis = join(work, `${file}.analysis.json`);
    writeFileSync(analysis, JSON.stringify({
      ...SURVEY,
      data: { path: join(BAD_DIR, file), ...c.data },
      mapping: { ...SURVEY.mapping, ...c.mapping },
      options: { ...SURVEY.options, ...c.options },
    }));
    const r = await unchanged([analysis, join(BAD_DIR, file)], () => clstats(['run', analysis, '--quiet']));
    // Errors stop with exit 1; warnings (zero weights, say) let the estimate run and travel with it.
    const severity = MESSAGES[code].severity;
    expect(r.status, r.stderr).toBe(severity === 'error' ? 1 : 0);
    expect(r.stderr).toContain(`${severity} ${code}:`);
    if (severity === 'error') expect(r.error).toBe(code);
  });
});
