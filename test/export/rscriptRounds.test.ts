import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadRoundsFile, roundsJsonOf, runRoundsFile } from '../../analysis/cli/rounds.js';
import { buildMetadata } from '../../analysis/export/metadata.js';
import { exportCommand, sha256File, type ExportIo } from '../../analysis/export/node.js';
import { rScriptRounds } from '../../analysis/export/rscriptRounds.js';
import { changesCsv } from '../../analysis/rounds/changesCsv.js';
import { roundsCsv } from '../../analysis/rounds/roundsCsv.js';
import type { RoundsResult } from '../../analysis/rounds/types.js';
import { parseCsv, relErr } from '../engines.js';
import { renamedRounds } from '../roundsRenamedFixture.js';
import { FIXED_DATE, ROOT } from './helpers.js';
import { compareCsv, rHas, TOL } from './rHarness.js';

/**
 * The R script of a rounds analysis (analysis/export/rscriptRounds.ts), as `clstats export ROUNDS --r`
 * writes it, run by R's survey package: every round's rows equal the app's (`clstats run` on the rounds
 * file) and every change equals the app's (`--changes`), numbers to 1e-8 (relative) as the single-round
 * R test (rscript.test.ts), and exactly the same domains, df, n, flags, labels and "not comparable"
 * reasons. Files: test/fixtures/rounds: two rounds whose region codes (11-14 -> 1-4) and area codes (U/R
 * vs 1/2) are harmonised; three rounds, the second a .sav, the third without the chores module.
 *
 * Needs Rscript with survey (and haven for the .sav round); without them the R runs are skipped with a notice.
 */
const DIR = join(ROOT, 'test/fixtures/rounds');
const ROUNDS = join(DIR, 'rounds.analysis.json');
const ROUNDS3 = join(DIR, 'rounds3.analysis.json');
const ROUND_STATS = ['estimate', 'se', 'ci_low', 'ci_high', 'total', 'total_se', 'population', 'deff', 'deff_replace', 'cv'];
const ROUND_EXACT = ['df', 'n_unweighted', 'flag'];
const CHANGE_STATS = ['estimate_1', 'se_1', 'estimate_2', 'se_2', 'difference', 'difference_se', 'ci_low', 'ci_high', 'p_value', 'relative_change', 'relative_change_se', 'aarr', 'aarr_se'];
const CHANGE_EXACT = ['n_1', 'flag_1', 'n_2', 'flag_2', 'df', 'comparable', 'not_comparable', 'not_comparable_round', 'not_comparable_roles'];

const hasR = rHas('survey');
const hasHaven = hasR && rHas('haven');
if (!hasR) console.warn('NOTICE: Rscript with the survey package is not installed: the rounds R script test is SKIPPED (Debian: apt-get install r-base-core r-cran-survey).');
else if (!hasHaven) console.warn('NOTICE: the R package haven is not installed: the rounds R script test on a .sav round is SKIPPED (Debian: apt-get install r-cran-haven).');

const quietIo = (): ExportIo => ({
  out: () => undefined,
  err: () => undefined,
  version: '0.1.0',
  runFile: () => Promise.reject(new Error('a rounds file is not run as a single round')),
  inputsOf: (p) => [p],
});

/** `clstats export FILE --r`, the script run by R; the app's rounds and changes as `clstats run --changes` writes them. */
async function exportAndRun(file: string) {
  const dir = mkdtempSync(join(tmpdir(), 'clstats-rounds-r-'));
  const script = join(dir, 'rounds.R');
  expect(await exportCommand([file, '--quiet', '--date', FIXED_DATE, '--r', script], quietIo())).toBe(0);
  const r = spawnSync('Rscript', [script, join(dir, 'r_rounds.csv'), join(dir, 'r_changes.csv')], { encoding: 'utf8', cwd: tmpdir(), timeout: 600_000 });
  expect(r.status, r.stderr).toBe(0);
  const { result } = await runRoundsFile(file, roundsJsonOf(file));
  return {
    result,
    text: readFileSync(script, 'utf8'),
    app: { rounds: roundsCsv(result), changes: changesCsv(result.rounds, result.changes) },
    r: { rounds: readFileSync(join(dir, 'r_rounds.csv'), 'utf8'), changes: readFileSync(join(dir, 'r_changes.csv'), 'utf8') },
  };
}

function compareAll(run: Awaited<ReturnType<typeof exportAndRun>>, name: string) {
  const head = (s: string) => s.split('\n')[0];
  expect(head(run.r.rounds)).toBe(head(run.app.rounds));
  expect(head(run.r.changes)).toBe(head(run.app.changes));
  const appRounds = parseCsv(run.app.rounds);
  const rRounds = parseCsv(run.r.rounds);
  const roundKeys = Object.keys(appRounds[0]!).slice(0, Object.keys(appRounds[0]!).indexOf('estimate'));
  const labels = (rows: Record<string, string>[]) => Object.keys(rows[0]!).filter((k) => k.endsWith('_label'));
  const w1 = compareCsv(appRounds, rRounds, roundKeys, [...ROUND_EXACT, ...labels(appRounds)], ROUND_STATS);
  const appChanges = parseCsv(run.app.changes);
  const rChanges = parseCsv(run.r.changes);
  const changeKeys = Object.keys(appChanges[0]!).slice(0, Object.keys(appChanges[0]!).indexOf('estimate_1'));
  const w2 = compareCsv(appChanges, rChanges, changeKeys, [...CHANGE_EXACT, ...labels(appChanges)], CHANGE_STATS);
  console.log(`${name}: ${appRounds.length} estimates, ${appChanges.length} changes; largest relative difference from R ${Math.max(w1, w2).toExponential(1)}`);
  return { appChanges, rChanges };
}

const changeOf = (rr: RoundsResult, to: string, breakdown: string, cell: Record<string, string> = {}) =>
  rr.changes.find((c) => c.framework === 'sdg_871' && c.indicator === 'child_labour' && c.to === to && c.breakdown === breakdown && Object.entries(cell).every(([k, v]) => c.cell[k] === v))!;

describe('the R script of a rounds analysis (text)', () => {
  it('runs each round with its own recode and design, and lists what a round cannot measure', async () => {
    const json = roundsJsonOf(ROUNDS3);
    const { paths } = loadRoundsFile(ROUNDS3, json);
    const { rounds, result } = await runRoundsFile(ROUNDS3, json);
    const metas = await Promise.all(result.rounds.map(async (r, i) => buildMetadata(r.result, {
      sourceName: basename(paths[i]!.main), sourceSha256: await sha256File(paths[i]!.main), analysisFile: basename(ROUNDS3), appVersion: '0.1.0', createdAt: FIXED_DATE,
    })));
    const text = rScriptRounds(rounds, result, metas);
    expect(text.match(/^des <- svydesign\(/gm)).toHaveLength(3);
    expect(text).toContain('region <- code("REG", recode = c("11" = "1", "12" = "2", "13" = "3", "14" = "4", "011" = "1", "0011" = "1", "012" = "2"');
    expect(text).toContain('value_labels[["REG"]] <- c("1" = "North", "2" = "South", "3" = "East", "4" = "West")');
    expect(text).toContain('data_file <- beside("round2_2021.sav")');
    // The third round has no chores module: the indicators that need it are left out of its rows.
    const lacking = result.rounds[2]!.unmeasured!;
    expect(lacking.length).toBeGreaterThan(0);
    for (const u of lacking) expect(text).toContain(`##   ${u.framework} ${u.indicator}: no ${u.roles.join(', ')}`);
    expect(text).toContain('change_pairs <- list(c(1, 2), c(2, 3))');
  }, 120_000);
});

describe('the R script of a rounds analysis reproduces the app', () => {
  it.skipIf(!hasR)('two rounds, regions and areas harmonised: every round\'s rows and every change to 1e-8', async () => {
    const run = await exportAndRun(ROUNDS);
    const { rChanges } = compareAll(run, basename(ROUNDS));
    // The harmonised regions are compared (codes 1-4 in both rounds, named by the shared categories).
    const north = rChanges.find((c) => c.framework === 'sdg_871' && c.indicator === 'child_labour' && c.breakdown === 'region' && c.region === '1')!;
    expect(north.region_label).toBe('North');
    expect(north.comparable).toBe('TRUE');
    expect(relErr(Number(north.difference), changeOf(run.result, 'NCLS 2021', 'region', { region: '1' }).difference!)).toBeLessThan(TOL);
    expect(rChanges.every((c) => c.comparable === 'TRUE')).toBe(true);

    // Run as the single-round script is, a data file first: it stops before writing over it (a walk
    // lost its copy of a round's CSV, overwritten by the rounds' results).
    const dir = mkdtempSync(join(tmpdir(), 'clstats-rounds-keep-'));
    const script = join(dir, 'rounds.R');
    writeFileSync(script, run.text);
    const data = join(dir, 'round2_2021.csv');
    copyFileSync(join(DIR, 'round2_2021.csv'), data);
    const before = readFileSync(data, 'utf8');
    const r = spawnSync('Rscript', [script, data, join(dir, 'changes.csv')], { encoding: 'utf8', cwd: dir, timeout: 600_000 });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(`${data} exists and is not a file this script writes (its first line does not start with "round,framework,indicator"): it is left as it is.`);
    expect(readFileSync(data, 'utf8')).toBe(before);
  }, 600_000);

  it.skipIf(!hasR)('rounds of different ages: the "ages" reasons, rounds and ages the app gives, by whole years and per round', async () => {
    // The second round's children aged 15-17 kept with blank hours of work (a child module asked of
    // 5-14: the domains with no child of known indicator are written empty, by the app and by R), the
    // first's file without its children under 12: each round lacks ages of the other.
    const dir = mkdtempSync(join(tmpdir(), 'clstats-rounds-ages-'));
    const lines = readFileSync(join(DIR, 'round2_2021.csv'), 'utf8').trimEnd().split('\n');
    const [age, hours] = ['age_y', 'hrs_work'].map((c) => lines[0]!.split(',').indexOf(c));
    const blank = lines.map((l, i) => {
      const cells = l.split(',');
      if (i > 0 && Number(cells[age!]) >= 15) cells[hours!] = '';
      return cells.join(',');
    });
    writeFileSync(join(dir, 'round2_blank.csv'), blank.join('\n') + '\n');
    const first = readFileSync(join(DIR, 'round1_2015.csv'), 'utf8').split('\n');
    const at = first[0]!.split(',').indexOf('age');
    writeFileSync(join(dir, 'round1_12_17.csv'), first.filter((l, i) => i === 0 || (l !== '' && Number(l.split(',')[at]) >= 12)).join('\n') + '\n');
    const json = JSON.parse(readFileSync(ROUNDS, 'utf8'));
    json.rounds[0].data.path = join(dir, 'round1_12_17.csv');
    json.rounds[1].data.path = join(dir, 'round2_blank.csv');
    const file = join(dir, 'ages.analysis.json');
    writeFileSync(file, JSON.stringify(json));
    const run = await exportAndRun(file);
    const { rChanges } = compareAll(run, basename(file));
    const ages = rChanges.filter((c) => c.not_comparable === 'ages');
    expect(ages.length).toBe(run.result.changes.filter((c) => c.not_comparable?.kind === 'ages').length);
    const total = rChanges.find((c) => c.framework === 'sdg_871' && c.indicator === 'child_labour' && c.breakdown === 'total')!;
    expect([total.comparable, total.not_comparable_round, total.not_comparable_roles, total.difference]).toEqual(['FALSE', 'NCLS 2021 / NCLS 2015', '15-17 / 5-11', 'NA']);
    expect(rChanges.some((c) => c.age_group === '12-14' && c.comparable === 'TRUE')).toBe(true);
  }, 600_000);

  it.skipIf(!hasR)('school attendance in a column of another name in the second round: compared by what it measures, as the app', async () => {
    const file = renamedRounds(mkdtempSync(join(tmpdir(), 'clstats-rounds-r-renamed-')), { second: 'asiste_escuela', breakdowns: 'school', district: true });
    const run = await exportAndRun(file);
    expect(run.text).toContain('renamed = c("asiste_escuela" = "school")');
    const { rChanges } = compareAll(run, basename(file));
    const school = rChanges.filter((c) => c.breakdown === 'sex_x_school' && c.framework === 'sdg_871' && c.indicator === 'child_labour');
    expect(school.map((c) => [c.sex, c.school, c.comparable]).sort()).toEqual([['1', '1', 'TRUE'], ['1', '2', 'TRUE'], ['2', '1', 'TRUE'], ['2', '2', 'TRUE']]);
    // The rounds' rows: one column per characteristic, named as the first round names it.
    const rows = parseCsv(run.r.rounds);
    expect(Object.keys(rows[0]!)).not.toContain('asiste_escuela');
    // The second round's own extra breakdown is among the domain columns, not after the labels.
    expect(Object.keys(rows[0]!).slice(0, 11)).toEqual(['round', 'framework', 'indicator', 'breakdown', 'sex', 'age_group', 'region', 'area', 'school', 'district', 'estimate']);
    expect(rows.filter((r) => r.breakdown === 'sex_x_school' && r.round === 'NCLS 2021' && r.framework === 'sdg_871' && r.indicator === 'child_labour').map((r) => r.school).sort()).toEqual(['1', '1', '2', '2']);
  }, 600_000);

  it.skipIf(!hasR)('a renamed column whose name holds "_x_" (asiste_x_esc): the R script renames its breakdowns whole, as the app (a review)', async () => {
    const file = renamedRounds(mkdtempSync(join(tmpdir(), 'clstats-rounds-r-x-')), { second: 'asiste_x_esc', breakdowns: 'school' });
    const run = await exportAndRun(file);
    const { rChanges } = compareAll(run, basename(file));
    expect(rChanges.filter((c) => c.breakdown === 'sex_x_school' && c.comparable === 'TRUE').length).toBeGreaterThan(0);
  }, 600_000);

  it.skipIf(!hasR)('school attendance in the second round only: its own column among the changes\' domain columns, with no estimate in the first, as the app', async () => {
    const file = renamedRounds(mkdtempSync(join(tmpdir(), 'clstats-rounds-r-lacking-')), { second: 'asiste_escuela', breakdowns: 'asiste_escuela', without: 0 });
    const run = await exportAndRun(file);
    const { rChanges } = compareAll(run, basename(file));
    const school = rChanges.filter((c) => c.breakdown === 'asiste_escuela' && c.framework === 'sdg_871' && c.indicator === 'child_labour');
    expect(school.map((c) => [c.asiste_escuela, c.not_comparable, c.not_comparable_round])).toEqual([['1', 'no_estimate', 'NCLS 2015'], ['2', 'no_estimate', 'NCLS 2015']]);
  }, 600_000);

  it.skipIf(!hasR)('a follow-up that asked the 15-17 year olds\' activity but not their hours: those ages are not known, as in the app', async () => {
    // A probe: SDG child labour at 15-17 went from 1.7 % to 0 % (the children who did not work alone),
    // a change of -1.7 points, p 0.03, "comparable".
    const dir = mkdtempSync(join(tmpdir(), 'clstats-rounds-nohours-'));
    const lines = readFileSync(join(DIR, 'round2_2021.csv'), 'utf8').trimEnd().split('\n');
    const [age, hours] = ['age_y', 'hrs_work'].map((c) => lines[0]!.split(',').indexOf(c));
    writeFileSync(join(dir, 'round2_nohours.csv'), lines.map((l, i) => {
      if (i === 0) return `${l},worked`;
      const cells = l.split(',');
      const worked = Number(cells[hours!]) > 0 ? '1' : '2';
      if (Number(cells[age!]) >= 15) cells[hours!] = '';
      return `${cells.join(',')},${worked}`;
    }).join('\n') + '\n');
    const json = JSON.parse(readFileSync(ROUNDS, 'utf8'));
    json.rounds[0].data.path = join(DIR, 'round1_2015.csv');
    json.rounds[1].data.path = join(dir, 'round2_nohours.csv');
    json.rounds[1].mapping.econActivity = { columns: ['worked'], yes: ['1'] };
    const file = join(dir, 'nohours.analysis.json');
    writeFileSync(file, JSON.stringify(json));
    const run = await exportAndRun(file);
    const { rChanges } = compareAll(run, basename(file));
    const cl = (c: Record<string, string>) => c.framework === 'sdg_871' && c.indicator === 'child_labour';
    const total = rChanges.find((c) => cl(c) && c.breakdown === 'total')!;
    expect([total.comparable, total.not_comparable, total.not_comparable_round, total.difference]).toEqual(['FALSE', 'ages', 'NCLS 2021', 'NA']);
    const old = rChanges.find((c) => cl(c) && c.breakdown === 'age_group' && c.age_group === '15-17')!;
    expect([old.comparable, old.not_comparable]).toEqual(['FALSE', 'ages']);
    expect(rChanges.find((c) => cl(c) && c.breakdown === 'age_group' && c.age_group === '5-11')!.comparable).toBe('TRUE');
    expect(run.result.rounds[1]!.result.messages.map((m) => m.code)).toContain('HOURS_UNKNOWN_AT_AGES');
  }, 600_000);

  it.skipIf(!hasR)('a round in an Excel file: the script stops and says where in it to give the CSV (a walk: it gave the single-round script\'s "first argument")', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clstats-rounds-xlsx-'));
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('round2');
    for (const line of readFileSync(join(DIR, 'round2_2021.csv'), 'utf8').trimEnd().split('\n')) ws.addRow(line.split(','));
    await wb.xlsx.writeFile(join(dir, 'round2_2021.xlsx'));
    const json = JSON.parse(readFileSync(ROUNDS, 'utf8'));
    json.rounds[0].data.path = join(DIR, 'round1_2015.csv');
    json.rounds[1].data.path = join(dir, 'round2_2021.xlsx');
    const file = join(dir, 'xlsx.analysis.json');
    writeFileSync(file, JSON.stringify(json));
    const script = join(dir, 'rounds.R');
    expect(await exportCommand([file, '--quiet', '--date', FIXED_DATE, '--r', script], quietIo())).toBe(0);
    const r = spawnSync('Rscript', [script, join(dir, 'r_rounds.csv'), join(dir, 'r_changes.csv')], { encoding: 'utf8', cwd: tmpdir(), timeout: 600_000 });
    expect(r.status).not.toBe(0);
    expect(r.stderr.replace(/\s+/g, ' ')).toContain('is xlsx: this script reads CSV, SPSS (.sav, .zsav) and Stata (.dta) files only.');
    expect(r.stderr.replace(/\s+/g, ' ')).toContain("and change data_file in that round's part of this script to its path.");
  }, 600_000);

  it.skipIf(!hasHaven)('three rounds, one a .sav, the last without the chores module: "not comparable" where the app says so', async () => {
    const run = await exportAndRun(ROUNDS3);
    const { rChanges } = compareAll(run, basename(ROUNDS3));
    const gaps = rChanges.filter((c) => c.not_comparable === 'module');
    expect(gaps.length).toBe(run.result.changes.filter((c) => c.not_comparable?.kind === 'module').length);
    expect(gaps.length).toBeGreaterThan(0);
    for (const g of gaps) expect([g.difference, g.estimate_1, g.estimate_2]).toEqual(['NA', 'NA', 'NA']);
    expect(rChanges.some((c) => c.to === 'LFS 2024' && c.comparable === 'TRUE')).toBe(true);
  }, 600_000);
});
