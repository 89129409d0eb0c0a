import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runFile } from '../../analysis/cli/main.js';
import { withLabelColumnsCsv } from '../../analysis/cli/withLabels.js';
import { rScript } from '../../analysis/export/rscript.js';
import { pathFromData } from '../../analysis/export/rscriptJoins.js';
import { AnalysisError } from '../../analysis/messages.js';
import { resultsCsv } from '../../analysis/output.js';
import { parseCsv } from '../engines.js';
import { ROOT } from './helpers.js';
import { COMPARED, compareCsv, rHas, runForR, TOL } from './rHarness.js';

/**
 * The exported R script of a file set (analysis file `joins`) performs the joins in R with merge(), as
 * the app does in DuckDB (analysis/import/joinFiles.ts): run by R on the MICS6-style file set
 * (test/fixtures/fileset: fs with hh, hl and the mother's hl row joined; scripts/fixtures/make-fileset.ts)
 * it gives the app's numbers to 1e-8, the same domains, df, n, flags and labels, prints the app's join
 * notes, and writes the very bytes its script writes on the same data merged beforehand (merged.csv,
 * merged.sav). On duplicate keys it stops with the app's message.
 *
 * Needs Rscript with the survey package (and haven for .sav); without them the R runs are skipped with
 * a notice, as in rscript.test.ts.
 */
const FILESET = join(ROOT, 'test/fixtures/fileset');

const hasR = rHas('survey');
const hasHaven = hasR && rHas('haven');
if (!hasR) console.warn('NOTICE: Rscript with the survey package is not installed: the R script joins test is SKIPPED (Debian: apt-get install r-base-core r-cran-survey).');
else if (!hasHaven) console.warn('NOTICE: the R package haven is not installed: the R script joins test on .sav files is SKIPPED (Debian: apt-get install r-cran-haven).');


/** Writes the script of `file` into a new folder, runs it (with `args` if given); returns the run, R's output and the folder. */
async function scriptOf(file: string, args: string[] = []) {
  const run = await runForR(file);
  const dir = mkdtempSync(join(tmpdir(), 'clstats-rjoin-'));
  const script = join(dir, 'analysis.R');
  writeFileSync(script, rScript(run.result.analysis, run.meta, { dataPath: run.dataPath, outFile: 'r_results.csv' }));
  const r = spawnSync('Rscript', [script, ...args], { encoding: 'utf8', cwd: tmpdir(), timeout: 600_000 });
  return { run, r, dir, out: join(dir, 'r_results.csv'), text: readFileSync(script, 'utf8') };
}

/**
 * deff = deff_replace / (1 - n/N) (estimate.ts, and the script). The file set's weights are normalised
 * to the sample size (MICS: N = 2,044.000009 for n = 2,044), so 1 - n/N keeps few digits: a difference
 * of a unit in the last place of N (DuckDB and R add the weights in different orders) becomes a
 * relative difference of eps N / (N - n) in deff (2.3e8 eps here). That part is allowed on top of TOL.
 */
const deffTol = (a: Record<string, string>) => {
  const N = Number(a.population);
  const n = Number(a.n_unweighted);
  return TOL + 8 * Number.EPSILON * (N / (N - n));
};

/** R's results against the app's (clstats run's long format with the files' labels): same rows, labels, numbers to 1e-8. */
function expectSameAsApp(run: Awaited<ReturnType<typeof runForR>>, rCsv: string) {
  const app = parseCsv(withLabelColumnsCsv(resultsCsv(run.result), run.result.analysis, run.labels));
  const rr = parseCsv(rCsv);
  expect(Object.keys(rr[0]!)).toEqual(Object.keys(app[0]!));
  const keyCols = Object.keys(app[0]!).slice(0, Object.keys(app[0]!).indexOf('estimate'));
  const labelCols = Object.keys(app[0]!).filter((k) => k.endsWith('_label'));
  compareCsv(app, rr, keyCols, ['df', 'n_unweighted', 'flag', ...labelCols], COMPARED, (a, c) => (c === 'deff' ? deffTol(a) : TOL));
  return app;
}

/** The app's join notes (JOIN_APPLIED, JOIN_UNMATCHED), which the script prints in the same words. */
/** The app's join notes, sorted: the app lists them warnings first (sortBySeverity), the R script in the order of its joins. */
const joinNotes = (run: Awaited<ReturnType<typeof runForR>>) => run.result.messages.filter((m) => m.code.startsWith('JOIN_')).map((m) => m.text).sort();

describe('the R script of a file set: the header and the paths', () => {
  it('says in words which joins it performs, and reads the joined files from the data file\'s folder', async () => {
    const run = await runForR(join(FILESET, 'fileset-csv.analysis.json'));
    const text = rScript(run.result.analysis, run.meta);
    expect(text).toContain('## Joined files, in this order, onto fs.csv');
    expect(text).toContain('##   hh: each row of fs.csv gets the row of hh.csv whose HH1, HH2 equal its HH1, HH2;');
    expect(text).toContain('##   mother: each row of fs.csv gets the row of hl.csv whose HH1, HH2, HL1 equal its HH1, HH2, HL12;');
    expect(text).toContain('merge(left, right, by = keys, all.x = TRUE, sort = FALSE)');
    // hl.csv is read once although two joins read it.
    expect(text.match(/= list\(path = beside_data\("hl\.csv"\)/g)).toHaveLength(1);
    const single = await runForR(join(FILESET, 'merged-csv.analysis.json'));
    expect(rScript(single.result.analysis, single.meta)).not.toMatch(/Joined files|join_one\(/);
  }, 120_000);

  it('finds a joined file by its path relative to the data file', () => {
    expect(pathFromData('fs.sav', 'hl.sav')).toBe('hl.sav');
    expect(pathFromData('data/fs.sav', 'data/hl.sav')).toBe('hl.sav');
    expect(pathFromData('data/main/fs.sav', './data/other/hh.sav')).toBe('../other/hh.sav');
    expect(pathFromData('fs.sav', 'members/hl.sav')).toBe('members/hl.sav');
    expect(pathFromData('../survey/fs.sav', '../survey/hl.sav')).toBe('hl.sav');
    expect(pathFromData('fs.sav', '/data/hl.sav')).toBe('/data/hl.sav');
  });
});

describe('the exported R script performs the joins as the app', () => {
  it.skipIf(!hasR)('fs.csv with hh, hl and the mother\'s row: the app\'s numbers, notes, and the merged file\'s results', async () => {
    const { run, r, out } = await scriptOf(join(FILESET, 'fileset-csv.analysis.json'));
    expect(r.status, r.stderr).toBe(0);
    // The unmatched rows (children whose mother is not in the household) are counted as the app counts them.
    const notes = joinNotes(run);
    expect(notes.some((n) => /^255 of the 2,199 rows of fs\.csv have an empty HL12 \(or 0, which no row of hl\.csv has\): no row of hl\.csv is looked for/.test(n))).toBe(true);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('Join ') || / ha(s|ve) (no row in|an empty) /.test(l)).sort()).toEqual(notes);
    const app = expectSameAsApp(run, readFileSync(out, 'utf8'));
    expect(app.some((x) => x.breakdown === 'mother_ED5A' && x.mother_ED5A === '3')).toBe(true);
    // The same analysis on the files merged beforehand: R writes the same bytes.
    const merged = await scriptOf(join(FILESET, 'merged-csv.analysis.json'));
    expect(merged.r.status, merged.r.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(merged.out, 'utf8'));
  }, 600_000);

  it.skipIf(!hasR)('keys written with an exponent in one file ("1e+05", R\'s write.csv) and whole in the others: joined alike in the app and in R', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clstats-rjoin-exp-'));
    copyFileSync(join(FILESET, 'fileset-csv.analysis.json'), join(dir, 'fileset-csv.analysis.json'));
    const edit = (f: string, hh1: (a: number) => string) => {
      const lines = readFileSync(join(FILESET, f), 'utf8').trimEnd().split('\n');
      writeFileSync(join(dir, f), [lines[0]!, ...lines.slice(1).map((l) => l.replace(/^(\d+),/, (_, a: string) => `${hh1(Number(a) * 100000)},`))].join('\n') + '\n');
    };
    edit('fs.csv', (n) => n.toExponential().replace(/e\+(\d)$/, 'e+0$1'));
    edit('hh.csv', String);
    edit('hl.csv', String);
    expect(readFileSync(join(dir, 'fs.csv'), 'utf8').split('\n')[1]).toMatch(/^1e\+05,1,/);
    const { run, r, out } = await scriptOf(join(dir, 'fileset-csv.analysis.json'));
    expect(r.status, r.stderr).toBe(0);
    expect(joinNotes(run).filter((n) => n.startsWith('Join hh') || n.startsWith('Join hl'))).toEqual([
      'Join hh: each row of fs.csv gets 4 columns from hh.csv by HH1, HH2 = HH1, HH2; 2,199 of 2,199 rows matched.',
      'Join hl: each row of fs.csv gets 5 columns from hl.csv by HH1, HH2, FS3 = HH1, HH2, HL1; 2,199 of 2,199 rows matched.',
    ]);
    expect(r.stdout).toContain('Join hh: each row of fs.csv gets 4 columns from hh.csv by HH1, HH2 = HH1, HH2; 2,199 of 2,199 rows matched.');
    expectSameAsApp(run, readFileSync(out, 'utf8'));
  }, 600_000);

  it.skipIf(!hasR)('a column the main file also has, with other values (fs.csv\'s own windex5): JOIN_SAME_NAME_DIFFERS, in the app and in R', async () => {
    // A probe: the mapping read fs.sav's stale windex5, not hh.sav's (joined as hh_windex5), with no word.
    const dir = mkdtempSync(join(tmpdir(), 'clstats-rjoin-same-'));
    for (const f of ['hh.csv', 'fileset-csv.analysis.json']) copyFileSync(join(FILESET, f), join(dir, f));
    // Every member's own ED5A filled (as in a real hl.sav): the child's (join "hl") and the mother's
    // (join "mother", prefix mother_) differ, and are not the same column twice: no warning for them.
    const hl = readFileSync(join(FILESET, 'hl.csv'), 'utf8').trimEnd().split('\n');
    const ed = hl[0]!.split(',').indexOf('ED5A');
    writeFileSync(join(dir, 'hl.csv'), hl.map((l, i) => (i === 0 ? l : l.split(',').map((v, k) => (k === ed && v === '' ? String(1 + (i % 3)) : v)).join(','))).join('\n') + '\n');
    const hh = new Map(readFileSync(join(FILESET, 'hh.csv'), 'utf8').trimEnd().split('\n').slice(1).map((l) => {
      const c = l.split(',');
      return [`${c[0]},${c[1]}`, c[4]!];
    }));
    const fs = readFileSync(join(FILESET, 'fs.csv'), 'utf8').trimEnd().split('\n');
    // Every 7th child's quintile one off (5 -> 4), written "4.0" on one row to show numbers compare as numbers.
    let changed = 0;
    writeFileSync(join(dir, 'fs.csv'), fs.map((l, i) => {
      if (i === 0) return `${l},windex5`;
      const c = l.split(',');
      const q = hh.get(`${c[0]},${c[1]}`)!;
      const off = i % 7 === 0;
      if (off) changed++;
      return `${l},${off ? String(q === '5' ? 4 : Number(q) + 1) : i === 1 ? `${q}.0` : q}`;
    }).join('\n') + '\n');
    const { run, r, out } = await scriptOf(join(dir, 'fileset-csv.analysis.json'));
    expect(r.status, r.stderr).toBe(0);
    const [w, ...more] = run.result.messages.filter((m) => m.code === 'JOIN_SAME_NAME_DIFFERS');
    expect(more).toEqual([]);
    expect(w).toMatchObject({ severity: 'warning', params: { column: 'windex5', joined: 'hh_windex5', count: changed, row: 7 } });
    expect(w!.text).toContain(`Column "windex5" is in fs.csv and in hh.csv, and the two differ in ${changed} of the 2,199 matched rows (first at row 7 of fs.csv:`);
    const notes = joinNotes(run);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('Join ') || l.startsWith('Column "') || / ha(s|ve) (no row in|an empty) /.test(l)).sort()).toEqual(notes);
    expectSameAsApp(run, readFileSync(out, 'utf8'));
  }, 600_000);

  it.skipIf(!hasR)('a mother not in the household written HL12 = 0 (hl.csv has no line 0): no line, as an empty HL12, in the app and in R', async () => {
    // A probe: 882 such rows were JOIN_UNMATCHED, "the files may come from different versions of the survey".
    const dir = mkdtempSync(join(tmpdir(), 'clstats-rjoin-zero-'));
    for (const f of ['fs.csv', 'hh.csv', 'hl.csv', 'fileset-csv.analysis.json']) copyFileSync(join(FILESET, f), join(dir, f));
    // HL12 comes to fs.csv's rows from hl.csv (the join "hl"): its empty cells written 0 there.
    const lines = readFileSync(join(FILESET, 'hl.csv'), 'utf8').trimEnd().split('\n');
    const at = lines[0]!.split(',').indexOf('HL12');
    expect(at).toBeGreaterThan(-1);
    writeFileSync(join(dir, 'hl.csv'), lines.map((l, i) => (i === 0 ? l : l.split(',').map((v, j) => (j === at && v === '' ? '0' : v)).join(','))).join('\n') + '\n');
    const { run, r, out } = await scriptOf(join(dir, 'fileset-csv.analysis.json'));
    expect(r.status, r.stderr).toBe(0);
    const notes = joinNotes(run);
    expect(notes.some((n) => n.startsWith('255 of the 2,199 rows of fs.csv have an empty HL12 (or 0, which no row of hl.csv has)'))).toBe(true);
    expect(run.result.messages.map((m) => m.code)).not.toContain('JOIN_UNMATCHED');
    expect(r.stdout.split('\n').filter((l) => l.startsWith('Join ') || / ha(s|ve) (no row in|an empty) /.test(l)).sort()).toEqual(notes);
    expectSameAsApp(run, readFileSync(out, 'utf8'));
  }, 600_000);

  it.skipIf(!hasHaven)('fs.sav: value labels and declared missing codes of the joined columns, as the app', async () => {
    const { run, r, out } = await scriptOf(join(FILESET, 'fileset-sav.analysis.json'));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('Join ') || / ha(s|ve) (no row in|an empty) /.test(l)).sort()).toEqual(joinNotes(run));
    const app = expectSameAsApp(run, readFileSync(out, 'utf8'));
    // ED5A = 9 is declared missing in hl.sav: the mother's 9 is in no cell; the labels come from hl.sav.
    expect(run.labels.declaredMissing.mother_ED5A).toBeDefined();
    expect(app.filter((x) => x.breakdown === 'mother_ED5A').map((x) => x.mother_ED5A)).not.toContain('9');
    expect(app.find((x) => x.mother_ED5A === '2')?.mother_ED5A_label).toBe('Secondary');
    const merged = await scriptOf(join(FILESET, 'merged-sav.analysis.json'));
    expect(merged.r.status, merged.r.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(merged.out, 'utf8'));
  }, 600_000);

  it.skipIf(!hasR)('names a clashing column <join>_<column>, ignores duplicate keys no row carries, matches keys "01" and "2.0" as numbers, takes absolute paths', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clstats-rjoin-set-'));
    for (const f of ['fs.csv', 'hl.csv']) copyFileSync(join(FILESET, f), join(dir, f));
    // hh.csv's keys written "01" and "2.0" (a zero-padded export, pandas' floats): they match 1 and 2.
    const [head, ...lines] = readFileSync(join(FILESET, 'hh.csv'), 'utf8').trimEnd().split('\n');
    const padded = lines.map((l) => l.replace(/^(\d+),(\d+),/, (_, a: string, b: string) => `0${a},${b}.0,`));
    // A household twice in hh.csv that no child belongs to: no error, in the app or in R.
    writeFileSync(join(dir, 'hh.csv'), [head, ...padded].join('\n') + '\n999,1,1,1,1,1\n999,1,2,2,2,2\n');
    const json = JSON.parse(readFileSync(join(FILESET, 'fileset-csv.analysis.json'), 'utf8'));
    json.data.path = join(dir, 'fs.csv');
    for (const j of json.joins) j.data.path = join(dir, j.data.path);
    // Without a prefix the mother's ED5A clashes with the child's (brought by hl): it becomes mother_ED5A.
    delete json.joins[2].prefix;
    const file = join(dir, 'set.analysis.json');
    writeFileSync(file, JSON.stringify(json));
    const { run, r, out, text } = await scriptOf(file);
    expect(text).not.toContain('prefix = ');
    expect(r.status, r.stderr).toBe(0);
    expectSameAsApp(run, readFileSync(out, 'utf8'));
    expect(readFileSync(out, 'utf8')).toContain('mother_ED5A');
    expect(run.result.messages.find((m) => m.code === 'JOIN_APPLIED' && m.params.name === 'hh')?.params).toMatchObject({ matched: 2199, rows: 2199 });
  }, 600_000);

  it.skipIf(!hasR)('a joined Excel file: the app joins it; the script stops at once and says to save it as CSV', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clstats-rjoin-xlsx-'));
    for (const f of ['fs.csv', 'hl.csv']) copyFileSync(join(FILESET, f), join(dir, f));
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('households');
    for (const line of readFileSync(join(FILESET, 'hh.csv'), 'utf8').trimEnd().split('\n')) ws.addRow(line.split(','));
    await wb.xlsx.writeFile(join(dir, 'hh.xlsx'));
    const json = JSON.parse(readFileSync(join(FILESET, 'fileset-csv.analysis.json'), 'utf8'));
    for (const j of json.joins) if (j.data.path === 'hh.csv') j.data = { path: 'hh.xlsx' };
    writeFileSync(join(dir, 'set.analysis.json'), JSON.stringify(json));
    const { run, r } = await scriptOf(join(dir, 'set.analysis.json'));
    expect(run.result.rows.length).toBeGreaterThan(100);
    expect(r.status).not.toBe(0);
    expect(r.stderr.replace(/\s+/g, ' ')).toContain('The joined file hh.xlsx is xlsx: this script reads CSV, SPSS (.sav, .zsav) and Stata (.dta) files only. Save the data as CSV (every column as text, as the app reads it; hours a sheet shows as times, 12:30, as numbers of hours: the cell times 24, as the app reads them) and change its path in join_files.');
  }, 600_000);

  it.skipIf(!hasR)('stops with the app\'s message on a key value that children carry and two rows of hh.csv share', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clstats-rjoin-dup-'));
    for (const f of ['fs.csv', 'hl.csv', 'fileset-csv.analysis.json']) copyFileSync(join(FILESET, f), join(dir, f));
    writeFileSync(join(dir, 'hh.csv'), readFileSync(join(FILESET, 'hh.csv'), 'utf8') + '2,3,1,1,4,1\n10,3,2,1,2,3\n');
    const app = await runFile(join(dir, 'fileset-csv.analysis.json')).then(() => null, (e: unknown) => e);
    expect(app).toBeInstanceOf(AnalysisError);
    const msg = (app as AnalysisError).msg;
    expect(msg.code).toBe('JOIN_KEY_DUPLICATE');
    // The values in their order as text ("10" before "2"), each with its rows of hh.csv.
    const n = readFileSync(join(FILESET, 'hh.csv'), 'utf8').trim().split('\n').length - 1;
    const row = (hh1: string) => readFileSync(join(FILESET, 'hh.csv'), 'utf8').trim().split('\n').slice(1).findIndex((l) => l.startsWith(`${hh1},3,`)) + 1;
    expect(msg.text).toContain(`HH1 = 10, HH2 = 3 (${row('10')}, ${n + 2}); HH1 = 2, HH2 = 3 (${row('2')}, ${n + 1}) (rows of hh.csv in brackets)`);
    // The script of the valid file set, given the folder's fs.csv: its hh.csv is read from beside it.
    const { r } = await scriptOf(join(FILESET, 'fileset-csv.analysis.json'), [join(dir, 'fs.csv'), join(dir, 'out.csv')]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(msg.text);
  }, 600_000);
});
