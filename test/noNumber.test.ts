import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFile } from '../analysis/cli/main.js';

/**
 * No value written NA (R's write.csv) or "." (SAS and Stata listings) in a numeric or yes/no role is
 * a blank cell under the role's blank rule (mapping.ts NO_NUMBER_TOKENS): the LFS-style sample with
 * 75,302 of its blank role cells so written (scripts/fixtures/make-no-number.ts) gives every estimate,
 * gap and message of the sample itself, on both engines. Before, "NA" stopped the run (VALUE_NOT_NUMERIC
 * in the industry column, with no way to declare it) and a hazard's "NA" was read as "no".
 */
const SAMPLE = new URL('../sample-data/lfs_synthetic.analysis.json', import.meta.url).pathname;
const TOKENS = new URL('./fixtures/no-number/lfs_na.analysis.json', import.meta.url).pathname;
const CODES = new URL('./fixtures/no-number/lfs_codes.analysis.json', import.meta.url).pathname;
const CODES_BLANK = new URL('./fixtures/no-number/lfs_codes_blank.analysis.json', import.meta.url).pathname;
const BOOL = new URL('./fixtures/no-number/lfs_bool.analysis.json', import.meta.url).pathname;
const IDS = new URL('./fixtures/no-number/lfs_ids.analysis.json', import.meta.url).pathname;
const NBSP = new URL('./fixtures/no-number/lfs_nbsp.analysis.json', import.meta.url).pathname;
const EOL = new URL('./fixtures/no-number/lfs_eol.analysis.json', import.meta.url).pathname;
const FLOAT = new URL('./fixtures/no-number/lfs_float.analysis.json', import.meta.url).pathname;
const NACE = new URL('./fixtures/no-number/lfs_nace.analysis.json', import.meta.url).pathname;
const SECTIONS = new URL('./fixtures/no-number/lfs_sections.analysis.json', import.meta.url).pathname;
const CP1252 = new URL('./fixtures/no-number/lfs_1252.analysis.json', import.meta.url).pathname;
const MAC_ROMAN = new URL('./fixtures/no-number/lfs_macroman.analysis.json', import.meta.url).pathname;
const TRAILING = new URL('./fixtures/no-number/lfs_trailing.analysis.json', import.meta.url).pathname;
const NOTES = new URL('./fixtures/no-number/lfs_notes.analysis.json', import.meta.url).pathname;
const BLANK_INSIDE = new URL('./fixtures/no-number/lfs_blank_inside.analysis.json', import.meta.url).pathname;
const NOT_ASKED = new URL('./fixtures/no-number/lfs_notasked.analysis.json', import.meta.url).pathname;

describe.each(['native', 'wasm'] as const)('NA, ".", NULL and #NULL! in numeric and yes/no roles (%s)', (engine) => {
  it('give the estimates, gaps and messages of blank cells', async () => {
    const blank = await runFile(SAMPLE, engine);
    const tokens = await runFile(TOKENS, engine);
    expect(tokens.result.rows.length).toBe(blank.result.rows.length);
    expect(tokens.result.rows).toEqual(blank.result.rows);
    expect(tokens.result.gaps).toEqual(blank.result.gaps);
    const codes = (r: typeof blank) => r.report.findings.map((f) => `${f.severity} ${f.code}`);
    expect(codes(tokens)).toEqual(codes(blank));
    expect(codes(tokens).join(' ')).not.toMatch(/VALUE_NOT_NUMERIC|YESNO_CODES_READ_AS_NO/);
  }, 120_000);

  it('codes for a question not asked (-999999999, -8) listed in notAsked are blank cells, also when among the missing codes: the estimates and messages of the sample', async () => {
    const blank = await runFile(SAMPLE, engine);
    const coded = await runFile(NOT_ASKED, engine);
    expect(coded.result.rows).toEqual(blank.result.rows);
    expect(coded.result.gaps).toEqual(blank.result.gaps);
    const codes = (r: typeof blank) => r.report.findings.map((f) => `${f.severity} ${f.code}`);
    expect(codes(coded)).toEqual(codes(blank));
  }, 120_000);

  it('the same codes as missing codes only: unknown answers, said, with the advice to list them in "codes meaning not asked"', async () => {
    const json = JSON.parse(readFileSync(NOT_ASKED, 'utf8'));
    for (const src of [json.mapping.econHours, json.mapping.absentFromJob, json.mapping.choresHours, ...Object.values(json.mapping.hazards)] as { notAsked?: string[]; missingCodes?: string[] }[]) {
      src.missingCodes = src.notAsked;
      delete src.notAsked;
    }
    const dir = mkdtempSync(join(tmpdir(), 'clstats-notasked-'));
    const file = join(dir, 'missing.analysis.json');
    writeFileSync(file, JSON.stringify({ ...json, data: { ...json.data, path: join(dirname(NOT_ASKED), json.data.path) } }));
    const missing = await runFile(file, engine);
    const share = missing.report.findings.find((f) => f.code === 'YESNO_MISSING_SHARE' && f.params.columns === 'night');
    expect(share?.action).toContain('in "codes meaning not asked", notAsked');
    expect(Number(share!.params.count)).toBeGreaterThan(0);
  }, 120_000);

  it('hazard answers written TRUE/FALSE (Excel) and True/False (pandas), with yes "true", give the estimates of 1/0', async () => {
    const numbers = await runFile(SAMPLE, engine);
    const words = await runFile(BOOL, engine);
    expect(words.result.rows).toEqual(numbers.result.rows);
    expect(words.result.gaps).toEqual(numbers.result.gaps);
    expect(words.report.findings.map((f) => f.code)).toEqual(numbers.report.findings.map((f) => f.code));
  }, 120_000);

  it('PSU ids written 7, 7.0 and 007 are one PSU, as R reads a numeric id: the design and the estimates of the sample', async () => {
    const plain = await runFile(SAMPLE, engine);
    const mixed = await runFile(IDS, engine);
    expect(mixed.report.design).toEqual(plain.report.design);
    expect(mixed.result.design).toEqual(plain.result.design);
    expect(mixed.result.rows).toEqual(plain.result.rows);
    expect(mixed.result.gaps).toEqual(plain.result.gaps);
  }, 120_000);

  it('no-break, narrow and figure spaces around ids, weights, provinces and ages, and byte order marks in lines: the design and the estimates of the sample', async () => {
    const plain = await runFile(SAMPLE, engine);
    const spaced = await runFile(NBSP, engine);
    expect(spaced.report.design).toEqual(plain.report.design);
    expect(spaced.result.rows).toEqual(plain.result.rows);
    expect(spaced.result.gaps).toEqual(plain.result.gaps);
    expect(spaced.report.findings.map((f) => f.code)).toEqual(plain.report.findings.map((f) => f.code));
  }, 120_000);

  it('ISIC classes written as NACE does ("09.90", "43.90"), read as divisions: the estimates of the 4-digit classes read as classes', async () => {
    const plain = await runFile(SAMPLE, engine);
    const nace = await runFile(NACE, engine);
    expect(nace.result.rows).toEqual(plain.result.rows);
    expect(nace.result.gaps).toEqual(plain.result.gaps);
    expect(nace.report.findings.map((f) => f.code)).toEqual(plain.report.findings.map((f) => f.code));
  }, 120_000);

  it('ISIC section letters (B, F...) in place of the classes: read as their first division, the estimates of the classes, and said', async () => {
    const plain = await runFile(SAMPLE, engine);
    const letters = await runFile(SECTIONS, engine);
    expect(letters.result.rows).toEqual(plain.result.rows);
    expect(letters.result.gaps).toEqual(plain.result.gaps);
    const [info, ...more] = letters.report.findings.filter((f) => f.code === 'INDUSTRY_SECTIONS');
    expect(more).toEqual([]);
    const [head, ...lines] = readFileSync(SECTIONS.replace('.analysis.json', '.csv'), 'utf8').trimEnd().split('\n');
    const at = head!.split(',').indexOf('isic4');
    expect(info).toMatchObject({ severity: 'info', params: { column: 'isic4', count: lines.filter((l) => /^[A-U]$/.test(l.split(',')[at]!)).length } });
    expect(letters.report.findings.filter((f) => f.code !== 'INDUSTRY_SECTIONS').map((f) => f.code)).toEqual(plain.report.findings.map((f) => f.code));
  }, 120_000);

  it('line ends of three kinds (CR LF, CR CR LF, LF) in one file: read, said, and the estimates of the sample', async () => {
    const plain = await runFile(SAMPLE, engine);
    const mixed = await runFile(EOL, engine);
    expect(mixed.result.rows).toEqual(plain.result.rows);
    expect(mixed.report.rowsRead).toBe(plain.report.rowsRead);
    const said = mixed.imported.messages.find((m) => m.code === 'DATA_CSV_LINE_ENDS_MIXED');
    const lines = plain.report.rowsRead + 1;
    const doubled = Math.floor(lines / 7);
    const crlf = Math.ceil(lines / 5) - Math.floor((lines + 1) / 35);
    // The rarest kind is CR CR LF, after every seventh line: line 7 first.
    expect(said?.params).toEqual({ file: 'lfs_eol.csv', crlf, lf: lines - crlf - doubled, cr: doubled, line: 7 });
  }, 120_000);

  it('codes, ages and hours written as pandas writes float columns (sex "1.0", area "2.0"), mapped "1" and "2": the estimates of the sample', async () => {
    const plain = await runFile(SAMPLE, engine);
    const float = await runFile(FLOAT, engine);
    // The sample's M/F and U/R are 1/2 in the float file; every other cell as in the sample.
    const as: Record<string, Record<string, string>> = { sex: { M: '1', F: '2' }, area: { U: '1', R: '2' } };
    const recoded = plain.result.rows.map((r) => ({ ...r, cell: Object.fromEntries(Object.entries(r.cell).map(([k, v]) => [k, as[k]?.[v] ?? v])) }));
    expect(float.result.rows.length).toBe(plain.result.rows.length);
    expect(float.result.rows).toEqual(recoded);
    expect(float.report.universe).toMatchObject({ inside: plain.report.children, outside: 0 });
    expect(float.report.findings.map((f) => f.code)).not.toContain('MAPPED_CODES_NOT_FOUND');
    expect(float.report.findings.filter((f) => f.code === 'CODE_NOT_MAPPED')).toEqual([]);
  }, 120_000);

  it('the sample saved in windows-1252 with semicolons and decimal commas: its estimates, Équateur read as such', async () => {
    const plain = await runFile(SAMPLE, engine);
    const fr = await runFile(CP1252, engine);
    expect(fr.result.rows).toEqual(plain.result.rows);
    expect(fr.result.rows.some((r) => r.cell.region === 'Équateur')).toBe(true);
    expect(fr.result.messages.map((m) => m.code)).toContain('DATA_ENCODING_GUESSED');
  }, 120_000);

  it('the same saved by Excel for Mac (Mac OS Roman, CR line ends): detected, its estimates, Équateur read as such, said', async () => {
    const plain = await runFile(SAMPLE, engine);
    const mac = await runFile(MAC_ROMAN, engine);
    expect(mac.result.rows).toEqual(plain.result.rows);
    expect(mac.result.rows.some((r) => r.cell.region === 'Équateur')).toBe(true);
    const said = mac.result.messages.find((m) => m.code === 'DATA_ENCODING_GUESSED');
    expect(said?.text).toBe('The data file lfs_macroman.csv is not UTF-8; it was read as macintosh (first non-UTF-8 byte on line 3041).');
    expect(said?.action).toContain('names such as Équateur read correctly');
  }, 120_000);

  it('three rows of commas at the end of the file are not read: the estimates of the sample', async () => {
    const plain = await runFile(SAMPLE, engine);
    const trailing = await runFile(TRAILING, engine);
    expect(trailing.result.rows).toEqual(plain.result.rows);
    expect(trailing.report.rowsRead).toBe(plain.report.rowsRead);
  }, 120_000);

  it('rows of commas between data rows are not read, said, and the rows after them keep their numbers (a probe: a missing weight "at row 1501")', async () => {
    const plain = await runFile(SAMPLE, engine);
    const inside = await runFile(BLANK_INSIDE, engine);
    expect(inside.result.rows).toEqual(plain.result.rows);
    expect(inside.report.rowsRead).toBe(plain.report.rowsRead);
    const said = inside.result.messages.filter((f) => f.code.startsWith('DATA_BLANK')).map((f) => [f.code, f.params.count, f.params.first]);
    expect(said).toEqual([['DATA_BLANK_ROWS_INSIDE', 3, 1001]]);
    // A negative weight on the file's data row 7,003 (after the three empty rows) is named there.
    const dir = mkdtempSync(join(tmpdir(), 'clstats-blank-inside-'));
    const json = JSON.parse(readFileSync(BLANK_INSIDE, 'utf8'));
    const lines = readFileSync(join(dirname(BLANK_INSIDE), json.data.path), 'utf8').split('\n');
    const w = lines[0]!.split(',').indexOf(json.mapping.weight);
    const cells = lines[7003]!.split(',');
    cells[w] = '-1';
    lines[7003] = cells.join(',');
    writeFileSync(join(dir, 'data.csv'), lines.join('\n'));
    writeFileSync(join(dir, 'a.json'), JSON.stringify({ ...json, data: { path: 'data.csv' } }));
    const bad = await runFile(join(dir, 'a.json'), engine).then(() => null, (e: { msg?: { code: string; params: Record<string, unknown> } }) => e.msg);
    expect([bad?.code, bad?.params.row]).toEqual(['WEIGHT_NEGATIVE', 7003]);
  }, 120_000);

  it('a title above the header and notes under the data (a CSV saved from a sheet) are not read: the estimates of the sample, said', async () => {
    const plain = await runFile(SAMPLE, engine);
    const notes = await runFile(NOTES, engine);
    expect(notes.result.rows).toEqual(plain.result.rows);
    expect(notes.report.rowsRead).toBe(plain.report.rowsRead);
    const said = notes.result.messages.filter((f) => f.code.startsWith('DATA_')).map((f) => [f.code, f.params.count, f.params.line ?? f.params.first]);
    expect(said).toEqual([['DATA_CSV_TITLE_SKIPPED', 3, 4], ['DATA_NOTE_ROWS_SKIPPED', 3, 15_030]]);
  }, 120_000);

  it('industry and occupation "not stated" written NS and given as missingCodes give the estimates of blank cells', async () => {
    const blank = await runFile(CODES_BLANK, engine);
    const coded = await runFile(CODES, engine);
    expect(coded.result.rows).toEqual(blank.result.rows);
    expect(coded.result.gaps).toEqual(blank.result.gaps);
    // Without them the code is text in a column of numbers: the run stops, naming the column and the row.
    const dir = mkdtempSync(join(tmpdir(), 'clstats-codes-'));
    const plain = JSON.parse(readFileSync(CODES, 'utf8'));
    delete plain.mapping.industry.missingCodes;
    plain.data.path = join(dirname(CODES), 'lfs_codes.csv');
    writeFileSync(join(dir, 'plain.analysis.json'), JSON.stringify(plain));
    await expect(runFile(join(dir, 'plain.analysis.json'), engine)).rejects.toThrow(/Column "isic4" \(industry \(ISIC Rev\.4\)\) of lfs_codes\.csv has text that is not a number at row 1: "NS"/);
  }, 120_000);

  it('a hazard answer written "NaN" (R\'s or MATLAB\'s not-a-number) stops the run as in the numeric roles, not read as "no" (a probe); declared missing, it is no answer', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clstats-nan-'));
    const json = JSON.parse(readFileSync(TOKENS, 'utf8'));
    const lines = readFileSync(join(dirname(TOKENS), json.data.path), 'utf8').trimEnd().split('\n');
    const at = lines[0]!.split(',').indexOf('loads');
    const nan = lines.map((l, r) => (r > 0 && ['NA', '.', 'nan', 'n/a', 'NULL', '#NULL!'].includes(l.split(',')[at]!) ? l.split(',').map((v, j) => (j === at ? 'NaN' : v)).join(',') : l));
    const rows = nan.flatMap((l, r) => (r > 0 && l.split(',')[at] === 'NaN' ? [r] : []));
    writeFileSync(join(dir, 'data.csv'), nan.join('\n') + '\n');
    writeFileSync(join(dir, 'a.json'), JSON.stringify({ ...json, data: { path: 'data.csv' } }));
    const bad = await runFile(join(dir, 'a.json'), engine).then(() => null, (e: { msg?: { code: string; params: Record<string, unknown> } }) => e.msg);
    expect([bad?.code, bad?.params.column, bad?.params.count, bad?.params.row]).toEqual(['VALUE_NOT_FINITE', 'loads', rows.length, rows[0]]);
    // Declared missing: no answer, as the same cells left blank and read as unknown.
    writeFileSync(join(dir, 'c.json'), JSON.stringify({ ...json, data: { path: join(dirname(TOKENS), json.data.path) }, mapping: { ...json.mapping, hazards: { ...json.mapping.hazards, heavy_loads: { ...json.mapping.hazards.heavy_loads, blank: 'missing' } } } }));
    json.mapping.hazards.heavy_loads.missingCodes = ['NaN'];
    writeFileSync(join(dir, 'b.json'), JSON.stringify({ ...json, data: { path: 'data.csv' } }));
    const declared = await runFile(join(dir, 'b.json'), engine);
    const unknown = await runFile(join(dir, 'c.json'), engine);
    expect(declared.result.rows).toEqual(unknown.result.rows);
  }, 120_000);
});
