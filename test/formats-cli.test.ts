import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../analysis/cli/main.js';
import { parseCsv, relErr } from './engines.js';

/**
 * The command line on every format: `validate` prints the report, `run` writes the file's value labels
 * in <dim>_label columns, and both engines give the same numbers from a .dta and a Parquet file.
 */
const DIR = new URL('./fixtures/import/formats/', import.meta.url).pathname;
const BAD = new URL('./fixtures/bad/', import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), 'formats-cli-'));
const base = JSON.parse(readFileSync(DIR + 'survey.analysis.json', 'utf8'));

function analysisFor(data: Record<string, unknown>, over: Record<string, unknown> = {}): string {
  const a = { ...base, ...over, data, mapping: { ...base.mapping, ...(over.mapping as object) } };
  delete a.$schema;
  const p = join(tmp, `a-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(p, JSON.stringify(a));
  return p;
}
async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, (s) => (out += s), (s) => (err += s));
  return { code, out, err };
}
const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

describe('clstats with every format', () => {
  it('validate prints the report of a .sav file: what was read, the counts, each finding with what to do', async () => {
    const r = await cli('validate', analysisFor({ path: DIR + 'survey.sav' }));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/survey\.sav: 576 rows, 576 children in scope, 6 strata, 48 PSUs, design df 42\. No errors/);
    expect(r.out).toMatch(/read: +576 rows x 18 columns \(sav, utf-8\)/);
    expect(r.out).toMatch(/weights: +"weight": 0 missing, 0 zero, 0 negative, 0 not numbers/);
    expect(r.out).toMatch(/PSU ids repeat across strata: PSUs taken as nested in strata/);
    expect(r.out).toContain('info DATA_USER_MISSING: Column "econ_hours" (hours of economic activity)');
    expect(r.out).toContain('What to do:');
  });

  it('validate --format json gives the report as an object', async () => {
    const r = await cli('validate', analysisFor({ path: DIR + 'survey-1252.csv' }), '--format', 'json', '--quiet');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ rowsRead: 576, children: 576, ok: true, import: { format: 'csv', encoding: 'windows-1252', delimiter: ',' } });
    expect(j.findings.map((f: { code: string }) => f.code)).toContain('DATA_ENCODING_GUESSED');
  });

  it('validate exits 1 on errors and lists them all', async () => {
    const r = await cli('validate', analysisFor({ path: BAD + 'negative-weights.csv' }), '--quiet');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/1 error/);
    expect(r.out).toContain('error WEIGHT_NEGATIVE');
  });

  it('run stops on a validation error with every error finding', async () => {
    const r = await cli('run', analysisFor({ path: BAD + 'text-in-weights.csv' }), '--quiet');
    expect(r.code).toBe(1);
    expect(r.err).toContain('VALUE_NOT_NUMERIC');
  });

  it('run writes <dim>_label columns from the value labels; codes stay in the reference columns', async () => {
    const p = analysisFor({ path: DIR + 'survey.sav' }, { mapping: { region: { column: 'region_code' } } });
    const before = sha(DIR + 'survey.sav');
    const r = await cli('run', p, '--quiet');
    expect(r.code).toBe(0);
    const rows = parseCsv(r.out);
    const head = Object.keys(rows[0]!);
    expect(head).toEqual(expect.arrayContaining(['sex_label', 'area_label', 'region_label', 'school_label']));
    const region = rows.find((x) => x.breakdown === 'region' && x.region === '1')!;
    expect(region.region_label).toBe('Équateur');
    expect(rows.find((x) => x.breakdown === 'sex' && x.sex === '1')!.sex_label).toBe('Garçon');
    expect(rows.find((x) => x.breakdown === 'area' && x.area === '2')!.area_label).toBe('Rural');
    expect(rows.find((x) => x.breakdown === 'school' && x.school === '2')!.school_label).toBe('Ne fréquente pas');
    expect(rows.find((x) => x.breakdown === 'total')!.region_label).toBe('');
    expect(sha(DIR + 'survey.sav')).toBe(before);
  });

  it('a CSV has no value labels: sex_label and area_label come from the mapping, no other label column', async () => {
    const r = await cli('run', analysisFor({ path: DIR + 'survey.csv' }), '--quiet');
    const rows = parseCsv(r.out);
    expect(Object.keys(rows[0]!).filter((k) => k.endsWith('_label'))).toEqual(['sex_label', 'area_label']);
    expect(rows.find((x) => x.breakdown === 'sex' && x.sex === '2')!.sex_label).toBe('Female');
  });

  it('run --format json: label fields, the labels, the import and the validation report in the metadata', async () => {
    const out = join(tmp, 'r.json');
    const r = await cli('run', analysisFor({ path: DIR + 'survey-117.dta' }, { mapping: { region: { column: 'region_code' } } }), '--format', 'json', '--out', out, '--quiet');
    expect(r.code).toBe(0);
    const j = JSON.parse(readFileSync(out, 'utf8'));
    expect(j.metadata.import).toMatchObject({ format: 'dta', rows: 576, columns: 18, label: 'Enquête enfants (formats)' });
    expect(j.metadata.labels.values.sex).toEqual({ '1': 'Garçon', '2': 'Fille' });
    expect(j.metadata.labels.variables.age).toBe('Age in completed years');
    expect(j.metadata.validation).toMatchObject({ rowsRead: 576, ok: true });
    expect(j.results.find((x: Record<string, string>) => x.breakdown === 'region' && x.region === '3').region_label).toBe('Kasaï');
    expect(j.messages.map((m: { code: string }) => m.code)).toContain('HOURS_MISSING_SHARE');
  });

  it('a workbook whose first sheet is notes, with no sheet named: the sheet with the mapped columns is read, and said so', async () => {
    const named = await cli('run', analysisFor({ path: DIR + 'survey.xlsx', sheet: 'Enfants' }), '--out', join(tmp, 'named.csv'), '--quiet');
    const r = await cli('run', analysisFor({ path: DIR + 'survey.xlsx' }), '--out', join(tmp, 'unnamed.csv'));
    expect([named.code, r.code], r.err).toEqual([0, 0]);
    expect(r.err).toContain('survey.xlsx, "Notes", has no data rows or not the mapped columns: the sheet "Enfants", the first that has them, was read.');
    expect(readFileSync(join(tmp, 'unnamed.csv'), 'utf8')).toBe(readFileSync(join(tmp, 'named.csv'), 'utf8'));
  });

  it.each(['survey-118.dta', 'survey.parquet', 'survey.xlsx'])('%s: the WASM engine gives the native numbers', async (f) => {
    const p = analysisFor({ path: DIR + f, ...(f.endsWith('.xlsx') ? { sheet: 'Enfants' } : {}) });
    const a = await cli('run', p, '--format', 'json', '--out', join(tmp, 'n.json'), '--quiet');
    const b = await cli('run', p, '--format', 'json', '--engine', 'wasm', '--out', join(tmp, 'w.json'), '--quiet');
    expect([a.code, b.code], a.err + b.err).toEqual([0, 0]);
    const n = JSON.parse(readFileSync(join(tmp, 'n.json'), 'utf8')).results;
    const w = JSON.parse(readFileSync(join(tmp, 'w.json'), 'utf8')).results;
    expect(w.length).toBe(n.length);
    n.forEach((x: Record<string, number | null>, i: number) => {
      for (const c of ['estimate', 'se', 'total']) if (x[c] !== null) expect(relErr(w[i][c], x[c]!)).toBeLessThan(1e-12);
    });
  });
});
