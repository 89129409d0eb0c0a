import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withLabelColumnsCsv } from '../../analysis/cli/withLabels.js';
import { nationalEstimates, rScript, rString } from '../../analysis/export/rscript.js';
import { stataDo } from '../../analysis/export/stata.js';
import { resultsCsv } from '../../analysis/output.js';
import { parseCsv } from '../engines.js';
import { LFS, MICS, REFERENCE, ROOT } from './helpers.js';
import { COMPARED, compareCsv, rHas, runForR } from './rHarness.js';

/**
 * The exported R script, run by R's survey package on the same data file, gives the app's numbers
 * to 1e-8 (relative): estimate, se, ci_low, ci_high, total, total_se, and exactly the same domains,
 * df, n, flags and cell labels (the command line's long format, `clstats run`, with the file's value
 * labels). Data files: the CSV samples, and SPSS (.sav, .zsav) and Stata (.dta) versions of a small
 * MICS6-style file with codes the file declares missing (test/fixtures/rscript, written by
 * scripts/fixtures/make-rscript-fixtures.ts), a universe (FS17 = 1), zero weights, a design without
 * clusters, and both missing-hours policies.
 *
 * Needs Rscript with the survey package, and haven for the SPSS and Stata files (Debian: apt-get install
 * r-base-core r-cran-survey r-cran-haven; .ci/run installs them); without them those tests are skipped
 * with a notice.
 */
const FIXTURES = join(ROOT, 'test/fixtures/rscript');
/** A survey round whose region codes are harmonised by a recode (scripts/fixtures/make-rounds.ts). */
const ROUNDS_FOLLOWUP = join(ROOT, 'test/fixtures/rounds/followup.analysis.json');

const hasR = rHas('survey');
const hasHaven = hasR && rHas('haven');
if (!hasR) {
  console.warn('NOTICE: Rscript with the survey package is not installed: the R export test is SKIPPED (Debian: apt-get install r-base-core r-cran-survey).');
} else if (!hasHaven) {
  console.warn('NOTICE: the R package haven is not installed: the R export test on .sav, .zsav and .dta files is SKIPPED (Debian: apt-get install r-cran-haven).');
}


/** The LFS sample with each data row edited in place (`edit`, given a column's index by name), and its analysis file, in a folder of their own. */
function lfsVariant(name: string, edit: (cells: string[], col: (c: string) => number) => void, sample = LFS): string {
  const dir = mkdtempSync(join(tmpdir(), `clstats-r-${name}-`));
  const json = JSON.parse(readFileSync(sample, 'utf8'));
  const lines = readFileSync(join(ROOT, 'sample-data', json.data.path), 'utf8').trimEnd().split('\n');
  const head = lines[0]!.split(',');
  const col = (c: string) => head.indexOf(c);
  writeFileSync(join(dir, `${name}.csv`), lines.map((l, i) => {
    const cells = l.split(',');
    if (i > 0) edit(cells, col);
    return cells.join(',');
  }).join('\n') + '\n');
  writeFileSync(join(dir, `${name}.analysis.json`), JSON.stringify({ ...json, data: { ...json.data, path: `${name}.csv` } }));
  return join(dir, `${name}.analysis.json`);
}

function runR(script: string, args: string[] = []) {
  return spawnSync('Rscript', [script, ...args], { encoding: 'utf8', cwd: tmpdir(), timeout: 600_000 });
}

describe('rString', () => {
  it('writes ASCII R literals, other characters as \\u escapes', () => {
    expect(rString('Équateur "x" \\ y')).toBe('"\\u00c9quateur \\"x\\" \\\\ y"');
  });
});

describe('the R script of a harmonised round', () => {
  it('applies the recode of the mapping in code(), as the app does in its SQL', async () => {
    const run = await runForR(ROUNDS_FOLLOWUP);
    const script = rScript(run.result.analysis, run.meta);
    expect(script).toContain('region <- code("REG", recode = c("11" = "1", "12" = "2", "13" = "3", "14" = "4", "011" = "1", "0011" = "1", "012" = "2"');
    // The app's cells hold the shared codes, never the codes as written.
    expect(new Set(run.result.rows.filter((r) => r.breakdown === 'region').map((r) => r.cell.region))).toEqual(new Set(['1', '2', '3', '4']));
  }, 120_000);
});

describe('a CSV with title lines above its header', () => {
  it('the R script and the Stata do-file skip the lines the app skipped (its note names the header\'s line)', async () => {
    const run = await runForR(join(ROOT, 'test/fixtures/no-number/lfs_notes.analysis.json'));
    expect(rScript(run.result.analysis, run.meta)).toContain('main_csv <- list(sep = NULL, header = TRUE, encoding = NULL, skip = 3)');
    expect(stataDo(run.result.analysis, run.meta)).toContain('stringcols(_all) varnames(4) rowrange(5) case(preserve)');
    const plain = await runForR(LFS);
    expect(rScript(plain.result.analysis, plain.meta)).toContain('main_csv <- list(sep = NULL, header = TRUE, encoding = NULL)   #');
    expect(stataDo(plain.result.analysis, plain.meta)).toContain('stringcols(_all) varnames(1) case(preserve) encoding("utf-8")');
    // A workbook whose hours the app read from time cells (DATA_XLSX_TIME_AS_HOURS): the do-file stops, as Stata's text import gives fractions of a day.
    const timed = { ...plain.meta, messages: [...plain.meta.messages, { code: 'DATA_XLSX_TIME_AS_HOURS', severity: 'warning', text: '', action: '', params: {} }] } as typeof plain.meta;
    const xlsx = { ...plain.result.analysis, data: { ...plain.result.analysis.data, path: 'children.xlsx' } };
    expect(stataDo(xlsx, timed)).toContain('which the app read as hours and Stata as fractions of a day');
    expect(stataDo(xlsx, plain.meta)).toContain('import excel using');
    // A byte order mark wins over data.encoding in the app (DATA_ENCODING_BOM): the scripts read as the app did.
    const bom = { ...plain.meta, messages: [...plain.meta.messages, { code: 'DATA_ENCODING_BOM', severity: 'warning', text: '', action: '', params: { file: 'lfs_synthetic_children.csv', encoding: 'UTF-8', declared: 'windows-1252' } }] } as typeof plain.meta;
    const declared = { ...plain.result.analysis, data: { ...plain.result.analysis.data, encoding: 'windows-1252' as const } };
    expect(rScript(declared, bom)).toContain('main_csv <- list(sep = NULL, header = TRUE, encoding = "UTF-8-BOM")   #');
    expect(stataDo(declared, bom)).toContain('encoding("utf-8") clear');
    expect(stataDo(declared, plain.meta)).toContain('encoding("windows-1252") clear');
    // A windows-1252 file (detected): Stata, which does not detect it, is told the encoding the app read.
    const fr = await runForR(join(ROOT, 'test/fixtures/no-number/lfs_1252.analysis.json'));
    expect(stataDo(fr.result.analysis, fr.meta)).toContain('import delimited using `"`datafile\'"\', stringcols(_all) varnames(1) case(preserve) encoding("windows-1252") clear');
  }, 120_000);
});

describe("R's write.table file (spaces between fields, row names first with no name in the header)", () => {
  it.skipIf(!hasR)('the R script reads it as the app did: its national estimates are the app\'s', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clstats-r-wt-'));
    // As R writes write.table(d, "wt.txt") of a data frame of 240 children in 24 clusters (seeded by the row number).
    const rows = Array.from({ length: 240 }, (_, i) => `"${i + 1}" ${5 + ((i * 7) % 13)} ${1 + ((i * 5) % 2)} ${(1 + ((i * 37) % 100) / 50).toFixed(2)} ${1 + Math.floor(i / 10)} ${[0, 0, 5, 20, 0, 45][(i * 11) % 6]}`);
    writeFileSync(join(dir, 'wt.txt'), `"age" "sex" "w" "psu" "hrs"\n${rows.join('\n')}\n`);
    const analysis = { version: 1, data: { path: 'wt.txt' }, mapping: { age: 'age', sex: { column: 'sex', male: '1', female: '2' }, weight: 'w', psu: 'psu', econHours: { columns: ['hrs'] } }, frameworks: [{ preset: 'ilo_ge2020' }] };
    writeFileSync(join(dir, 'wt.analysis.json'), JSON.stringify(analysis));
    const run = await runForR(join(dir, 'wt.analysis.json'));
    expect(run.meta.messages.map((m) => m.code)).toContain('DATA_CSV_ROW_NAMES');
    // Stata's import delimited would read it shifted by one column: the do-file stops, saying why.
    expect(stataDo(run.result.analysis, run.meta)).toContain('display as error "the file\'s header names one column fewer than its data lines hold (R write.table with row names)');
    const national = nationalEstimates(run.result)!;
    writeFileSync(join(dir, 'wt.R'), rScript(run.result.analysis, run.meta, { national }));
    const r = runR(join(dir, 'wt.R'), [run.dataPath, join(dir, 'r.csv')]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/differ from the app's/);
    const app = parseCsv(resultsCsv(run.result));
    compareCsv(app, parseCsv(readFileSync(join(dir, 'r.csv'), 'utf8')), ['framework', 'indicator', 'breakdown', 'sex', 'age_group'], ['df', 'n_unweighted', 'flag'], COMPARED);
  }, 300_000);
});

describe("the R script checks its national estimates against the app's", () => {
  it.skipIf(!hasR)('the same: no warning; one read otherwise (the app\'s changed here): a warning naming it', async () => {
    const run = await runForR(REFERENCE);
    const dir = mkdtempSync(join(tmpdir(), 'clstats-r-'));
    const script = join(dir, 'analysis.R');
    const national = nationalEstimates(run.result)!;
    expect(national.length).toBe(run.result.rows.filter((r) => r.breakdown === 'total').length);
    writeFileSync(script, rScript(run.result.analysis, run.meta, { national }));
    const same = runR(script, [run.dataPath, join(dir, 'same.csv')]);
    expect(same.status).toBe(0);
    expect(same.stderr).not.toMatch(/differ from the app's/);
    // A column R reads otherwise changes its numbers (haven and a pandas Stata 119 strL, a probe): said.
    const [first, ...rest] = national;
    writeFileSync(script, rScript(run.result.analysis, run.meta, { national: [{ ...first!, estimate: first!.estimate * 1.01 }, ...rest] }));
    const other = runR(script, [run.dataPath, join(dir, 'other.csv')]);
    expect(other.status).toBe(0);
    expect(other.stderr).toContain(`R's national estimates differ from the app's for 1 of ${national.length} (first: ${first!.framework} ${first!.indicator}: `);
  }, 600_000);
});

describe('the Stata do-file on a workbook with merged cells', () => {
  it('stops with a message instead of reading blanks where the app read the merged value (a review)', async () => {
    const run = await runForR(LFS);
    const xlsx = { ...run.result.analysis, data: { ...run.result.analysis.data, path: 'survey.xlsx' } };
    const merged = { ...run.meta, messages: [...run.meta.messages, { code: 'DATA_XLSX_MERGED_FILLED', severity: 'info', text: '', action: '', params: { file: 'survey.xlsx', sheet: 'Data', count: 2, range: 'A3:A5' } }] } as typeof run.meta;
    expect(stataDo(xlsx, merged)).toContain('display as error "the sheet has merged cells in its data rows');
    expect(stataDo(xlsx, merged)).not.toContain('import excel');
    expect(stataDo(xlsx, run.meta)).toContain('import excel using');
  }, 120_000);
});

describe('the R script for SPSS and Stata files', () => {
  it('reads them with haven, declared-missing codes apart from blanks; the fixtures exercise that', async () => {
    const run = await runForR(join(FIXTURES, 'mics-sav.analysis.json'));
    const script = rScript(run.result.analysis, run.meta);
    expect(script).toContain('haven::read_sav(..., user_na = TRUE)');
    expect(script).toContain('haven::read_dta');
    expect(script).toContain('des <- subset(des, in_universe)');
    expect(script).not.toMatch(/CSV only/);
    // The fixture declares 98 and 99 missing in the hours and has such cells (else the test proves little).
    expect(run.labels.declaredMissing.CL8).toEqual({ values: [98, 99] });
    expect(run.labels.missing.CL8?.['98']).toBeGreaterThan(0);
    expect(run.labels.missing.zone?.X).toBeGreaterThan(0);
    const dta = await runForR(join(FIXTURES, 'mics-dta.analysis.json'));
    expect(dta.labels.missing.CL3?.['.d']).toBeGreaterThan(0);
    expect(rScript(dta.result.analysis, dta.meta)).toContain('ids = ~1');
  }, 120_000);

  it.skipIf(!hasR)('stops with a message on Parquet and Excel files', async () => {
    const run = await runForR(REFERENCE);
    const dir = mkdtempSync(join(tmpdir(), 'clstats-r-'));
    const script = join(dir, 'analysis.R');
    writeFileSync(script, rScript(run.result.analysis, run.meta));
    for (const [name, bytes] of [['data.parquet', 'PAR1xxxx'], ['data.xlsx', 'PK\x03\x04xxxx']] as const) {
      writeFileSync(join(dir, name), bytes);
      const r = runR(script, [join(dir, name)]);
      expect(r.status).not.toBe(0);
      expect(r.stderr).toMatch(/this script reads CSV, SPSS \(\.sav, \.zsav\) and Stata \(\.dta\) files only\. Save the data as CSV/);
    }
  }, 120_000);
});

describe('the exported R script reproduces the app', () => {
  const csvFiles: [string, string][] = [
    ['MICS6-style sample', MICS],
    ['LFS-style sample', LFS],
    ['reference analysis (../shared/reference)', REFERENCE],
    ['survey round 2021: regions 11-14 harmonised onto 1-4 by a recode', ROUNDS_FOLLOWUP],
    ['LFS-style sample with no value written NA and "."', join(ROOT, 'test/fixtures/no-number/lfs_na.analysis.json')],
    ['LFS-style sample with industry and occupation not stated written NS (missingCodes)', join(ROOT, 'test/fixtures/no-number/lfs_codes.analysis.json')],
    ['LFS-style sample with hazard answers written TRUE/FALSE and True/False, yes "true"', join(ROOT, 'test/fixtures/no-number/lfs_bool.analysis.json')],
    ['LFS-style sample with PSU ids written 7, 7.0 and 007', join(ROOT, 'test/fixtures/no-number/lfs_ids.analysis.json')],
    ['LFS-style sample with no-break spaces around ids, weights, provinces and ages', join(ROOT, 'test/fixtures/no-number/lfs_nbsp.analysis.json')],
    ['LFS-style sample with line ends CR LF, CR CR LF and LF mixed', join(ROOT, 'test/fixtures/no-number/lfs_eol.analysis.json')],
    ['LFS-style sample with a census stratum (fpc 1) and a lonely one, lonely PSUs averaged', join(ROOT, 'test/fixtures/no-number/lfs_census.analysis.json')],
    ['LFS-style sample as pandas writes float columns (sex "1.0", mapped "1")', join(ROOT, 'test/fixtures/no-number/lfs_float.analysis.json')],
    ['LFS-style sample in windows-1252 with semicolons and decimal commas (encoding detected, not named)', join(ROOT, 'test/fixtures/no-number/lfs_1252.analysis.json')],
    ['LFS-style sample saved by Excel for Mac: Mac OS Roman, CR line ends (encoding detected, not named)', join(ROOT, 'test/fixtures/no-number/lfs_macroman.analysis.json')],
    ['LFS-style sample with three rows of commas at its end', join(ROOT, 'test/fixtures/no-number/lfs_trailing.analysis.json')],
    ['LFS-style sample with three rows of commas between its data rows', join(ROOT, 'test/fixtures/no-number/lfs_blank_inside.analysis.json')],
    ['LFS-style sample with a delimiter ending every data line, not the header', join(ROOT, 'test/fixtures/no-number/lfs_trailing_delims.analysis.json')],
    ['LFS-style sample under the CV small-cell rule, estimates of 0 published as they stand', join(ROOT, 'test/fixtures/lfs_cv_rule.analysis.json')],
    ['LFS-style sample saved from a sheet with a title and notes', join(ROOT, 'test/fixtures/no-number/lfs_notes.analysis.json')],
    ['LFS-style sample with ISIC classes written "43.90", read as divisions', join(ROOT, 'test/fixtures/no-number/lfs_nace.analysis.json')],
    ['LFS-style sample with ISIC section letters (B, F) for the industry', join(ROOT, 'test/fixtures/no-number/lfs_sections.analysis.json')],
    ['LFS-style sample with questions not asked coded -999999999 and -8 (notAsked, -8 also a missing code)', join(ROOT, 'test/fixtures/no-number/lfs_notasked.analysis.json')],
    ['LFS-style sample with weights stored with two implied decimals, weightDivisor 100', join(ROOT, 'test/fixtures/no-number/lfs_implied.analysis.json')],
    ['MICS6-style sample with the activities CL1A-CL1X as one select_multiple column ("1 3")', join(ROOT, 'test/fixtures/choice-list/mics6_choices.analysis.json')],
  ];
  const labelledFiles: [string, string][] = [
    ['.sav: user-missing codes, universe, zero weights, unknown hours', join(FIXTURES, 'mics-sav.analysis.json')],
    ['.zsav: MICS missing-hours policy', join(FIXTURES, 'mics-zsav.analysis.json')],
    ['.dta: extended missing values, no clusters, MICS policy', join(FIXTURES, 'mics-dta.analysis.json')],
    ['.dta: extended missing values, unknown hours, certainty PSUs', join(FIXTURES, 'mics-dta-unknown.analysis.json')],
  ];

  async function compare(file: string) {
    const run = await runForR(file);
    if (!existsSync(run.dataPath)) throw new Error(`data file ${run.dataPath} is missing`);
    const dir = mkdtempSync(join(tmpdir(), 'clstats-r-'));
    const script = join(dir, 'analysis.R');
    const out = join(dir, 'r_results.csv');
    // The data path written into the script: with no argument the script reads it (relative to itself).
    writeFileSync(script, rScript(run.result.analysis, run.meta, { dataPath: run.dataPath, outFile: 'r_results.csv' }));
    const r = runR(script);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/estimates written to/);

    // What clstats run writes: the results with the data file's value labels.
    const app = parseCsv(withLabelColumnsCsv(resultsCsv(run.result), run.result.analysis, run.labels));
    const rr = parseCsv(readFileSync(out, 'utf8'));
    expect(Object.keys(rr[0]!)).toEqual(Object.keys(app[0]!));
    const keyCols = Object.keys(app[0]!).slice(0, Object.keys(app[0]!).indexOf('estimate'));
    const labelCols = Object.keys(app[0]!).filter((k) => k.endsWith('_label'));
    const worst = compareCsv(app, rr, keyCols, ['df', 'n_unweighted', 'flag', ...labelCols], COMPARED);
    console.log(`${basename(file)}: ${app.length} estimates, largest relative difference from R ${worst.toExponential(1)}`);
    return app;
  }

  it.skipIf(!hasR).each(csvFiles)('%s: same domains, numbers to 1e-8', async (_, file) => {
    await compare(file);
  }, 600_000);

  it.skipIf(!hasHaven).each(labelledFiles)('%s: same domains, labels, numbers to 1e-8', async (_, file) => {
    const app = await compare(file);
    // The file's value labels name the cells (HL4: 1 "Masculin"), not the mapping's Male/Female.
    expect(app.find((x) => x.sex === '1')?.sex_label).toBe('Masculin');
    expect(app.some((x) => x.region_label === 'Nord')).toBe(true);
  }, 600_000);

  it.skipIf(!hasR)('given an existing file that it did not write as its output (the data file), it stops and leaves the file as it is', async () => {
    const run = await runForR(LFS);
    const dir = mkdtempSync(join(tmpdir(), 'clstats-r-keep-'));
    const script = join(dir, 'analysis.R');
    writeFileSync(script, rScript(run.result.analysis, run.meta, { dataPath: run.dataPath, outFile: 'r_results.csv' }));
    const copy = join(dir, 'copy.csv');
    writeFileSync(copy, readFileSync(run.dataPath));
    const r = runR(script, [run.dataPath, copy]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(`${copy} exists and is not a file this script writes (its first line does not start with "framework,indicator,breakdown"): it is left as it is. Give another output file.`);
    expect(readFileSync(copy, 'utf8')).toBe(readFileSync(run.dataPath, 'utf8'));
    // Its own results file from an earlier run is written over.
    expect(runR(script, [run.dataPath, join(dir, 'out.csv')]).status).toBe(0);
    expect(runR(script, [run.dataPath, join(dir, 'out.csv')]).status).toBe(0);
  }, 600_000);

  it.skipIf(!hasR)('codes in other capitals ("m", "u", "y") and ISIC classes written as NACE writes them ("43.90"): the sample\'s numbers, in the app and in R', async () => {
    const file = lfsVariant('lfs_case_nace', (cells, col) => {
      if (Number(cells[col('age_yrs')]) % 3 === 0) for (const c of ['gender', 'milieu', 'temp_absent']) cells[col(c)] = cells[col(c)]!.toLowerCase();
      const isic = cells[col('isic4')]!;
      if (/^[0-9]{4}$/.test(isic) && Number(cells[col('age_yrs')]) % 2 === 0) cells[col('isic4')] = `${isic.slice(0, 2)}.${isic.slice(2)}`;
    });
    const edited = readFileSync(file.replace(/\.analysis\.json$/, '.csv'), 'utf8');
    expect(edited).toMatch(/,m,[0-9]+,/);
    expect(edited).toMatch(/,[0-9]{2}\.[0-9]{2},/);
    const app = await compare(file);
    const base = await runForR(LFS);
    const plain = parseCsv(withLabelColumnsCsv(resultsCsv(base.result), base.result.analysis, base.labels));
    expect(app.map((x) => [x.framework, x.indicator, x.breakdown, x.sex, x.area, x.estimate])).toEqual(plain.map((x) => [x.framework, x.indicator, x.breakdown, x.sex, x.area, x.estimate]));
  }, 600_000);

  it.skipIf(!hasR)('a region whose children are all in one PSU: no SE, interval, CV or design effect, in the app and in R (a probe: "SE 0, CV 0, flag ok")', async () => {
    // The children of PSU 1 of stratum NORD-U make a region of their own.
    const file = lfsVariant('lfs_onepsu', (cells, col) => {
      if (cells[col('ea')] === '1' && cells[col('strata_id')] === 'NORD-U') cells[col('province')] = 'Enclave';
    });
    const app = await compare(file);
    const enclave = app.filter((x) => x.region === 'Enclave' && x.breakdown === 'region' && x.indicator === 'children_in_employment');
    expect(enclave.map((x) => [x.framework, x.se, x.ci_low, x.cv, x.deff, x.df])).toEqual([
      ['ilo_ge2020', 'NA', 'NA', 'NA', 'NA', '0'],
      ['sdg_871', 'NA', 'NA', 'NA', 'NA', '0'],
    ]);
    expect(Number(enclave[0]!.estimate)).toBeGreaterThan(0);
    const run = await runForR(file);
    const note = run.result.messages.find((x) => x.code === 'ONE_PSU_DOMAINS')!;
    expect(note.text).toMatch(/^\d+ domains have all their children of known indicator in one PSU \(cluster\), first Enclave \(\d+ children\)/);
  }, 600_000);

  it.skipIf(!hasR)('no weight outside the universe (incomplete interviews with fsweight empty, not 0): the numbers of the sample, in the app and in R', async () => {
    const json = JSON.parse(readFileSync(MICS, 'utf8'));
    let blanked = 0;
    const file = lfsVariant('mics_noweight', (cells, col) => {
      if (cells[col(json.mapping.universe.column)] !== '1' && Number(cells[col(json.mapping.weight)]) === 0) {
        cells[col(json.mapping.weight)] = '';
        blanked++;
      }
    }, MICS);
    const app = await compare(file);
    expect(blanked).toBeGreaterThan(100);
    const sample = parseCsv(resultsCsv((await runForR(MICS)).result));
    // Every estimate of the sample (whose incomplete interviews have fsweight 0), the label columns aside.
    const stats = (rows: Record<string, string>[]) => rows.map((x) => Object.entries(x).filter(([k]) => !k.endsWith('_label')));
    expect(stats(app)).toEqual(stats(sample));
    const run = await runForR(file);
    expect(run.result.messages.find((x) => x.code === 'WEIGHT_MISSING_OUTSIDE_UNIVERSE')?.params.count).toBe(blanked);
  }, 600_000);

  it.skipIf(!hasR)('exact ages with a fraction (11.73, from a date of birth): completed years, the whole-age file\'s numbers, in the app and in R', async () => {
    // A probe: every such child was left out with a warning (children in employment from 10 children of 2,503).
    const json = JSON.parse(readFileSync(LFS, 'utf8'));
    let k = 0;
    const file = lfsVariant('lfs_exact_age', (cells, col) => {
      const a = cells[col(json.mapping.age)]!;
      if (/^[0-9]+$/.test(a)) cells[col(json.mapping.age)] = `${a}.${String(k++ % 100).padStart(2, '0')}`;
    });
    const app = await compare(file);
    const whole = parseCsv(resultsCsv((await runForR(LFS)).result));
    expect(app.map((x) => [x.framework, x.indicator, x.breakdown, x.sex, x.age_group, x.region, x.estimate, x.se, x.n_unweighted]))
      .toEqual(whole.map((x) => [x.framework, x.indicator, x.breakdown, x.sex, x.age_group, x.region, x.estimate, x.se, x.n_unweighted]));
    const run = await runForR(file);
    const note = run.result.messages.find((x) => x.code === 'AGE_FRACTIONAL')!;
    expect(note.severity).toBe('info');
    expect(note.text).toMatch(/with a fraction \(first at row 2: \d+\.01\), .* read as its completed years, the whole part \(\d+\.01 is \d+\)\.$/);
    expect(run.result.messages.map((x) => x.code)).not.toContain('AGE_INVALID');
  }, 600_000);

  it.skipIf(!hasR)('hours blank for every child aged 15-17: the domains with none of known indicator are written empty, as the app writes them', async () => {
    // The LFS sample with no hours of economic activity at 15-17 (a module that did not ask them):
    // SDG 8.7.1 child labour has no child of known indicator there; the other indicators do.
    const json = JSON.parse(readFileSync(LFS, 'utf8'));
    const file = lfsVariant('lfs_blank', (cells, col) => {
      if (Number(cells[col(json.mapping.age)]) >= 15) cells[col(json.mapping.econHours.columns[0])] = '';
    });
    const app = await compare(file);
    const empty = app.filter((x) => x.n_unweighted === '0');
    expect(empty.map((x) => [x.framework, x.indicator, x.breakdown, x.sex, x.age_group, x.estimate, x.df, x.flag])).toEqual([
      ['sdg_871', 'child_labour', 'age_group', '', '15-17', 'NA', '0', 'suppressed'],
      ['sdg_871', 'child_labour', 'sex_x_age_group', 'M', '15-17', 'NA', '0', 'suppressed'],
      ['sdg_871', 'child_labour', 'sex_x_age_group', 'F', '15-17', 'NA', '0', 'suppressed'],
    ]);
  }, 600_000);
});
