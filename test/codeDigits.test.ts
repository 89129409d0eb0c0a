import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveAnalysis } from '../analysis/analysisFile.js';
import type { Engine } from '../analysis/engine/engine.js';
import { formatMessageIn, type Message } from '../analysis/messages.js';
import { runAnalysis } from '../analysis/run.js';
import { validateData, type ValidationReport } from '../analysis/validate.js';
import { ENGINES, engineWithRows, loadRows } from './engines.js';

/**
 * Industry and occupation codes as national LFS files write them (a probe of LFS files, each read in
 * silence before): ISIC classes with a point ("43.90", NACE style) rounded to the next division; 5-digit
 * national codes ("05100") read as division 51; ISCO minor groups ("931") that no 4-digit unit group of
 * the hazardous list can match. The survey of every format (test/fixtures/import/formats), its industry
 * (divisions 1, 3, 8, 45, 47, 96) and occupation (4-digit) columns rewritten.
 */
const DIR = new URL('./fixtures/import/formats/', import.meta.url).pathname;
const json = JSON.parse(readFileSync(DIR + 'survey.analysis.json', 'utf8'));
const analysis = (mapping: Record<string, unknown> = {}) => resolveAnalysis({ ...json, mapping: { ...json.mapping, ...mapping } }, 'codes.json');
const text = readFileSync(DIR + 'survey.csv', 'utf8').trim().split('\n');
const HEAD = text[0]!.split(',');
const ROWS = text.slice(1).map((l) => l.split(','));
const I = HEAD.indexOf('isic');
const O = HEAD.indexOf('isco');
/** The rows with the industry (or occupation) cells rewritten by `f`; blanks stay blank. */
const rewrite = (j: number, f: (v: string) => string) => ROWS.map((r) => r.map((v, k) => (k === j && v !== '' ? f(v) : v)));
/** Division 45 (trade) made 43 (construction, hazardous): the test needs a division that a rounding moves out of the list. */
const WITH_43 = rewrite(I, (v) => (v === '45' ? '43' : v));
const only = (r: ValidationReport, code: string): Message[] => r.findings.filter((f) => f.code === code);
const seen = (m: Message) => [formatMessageIn(m, 'en'), formatMessageIn(m, 'fr'), formatMessageIn(m, 'es')];
const firstRow = (rows: string[][], j: number, test: (v: string) => boolean) => rows.findIndex((r) => test(r[j]!)) + 1;

describe.each(ENGINES)('industry and occupation code widths on %s', (engineName) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await engineWithRows(engineName, HEAD, WITH_43);
  });
  afterAll(() => engine?.close());

  const hazardous = async (rows: string[][], mapping: Record<string, unknown> = {}) => {
    await loadRows(engine, HEAD, rows);
    const r = await runAnalysis(engine, analysis(mapping), 'survey.csv');
    return r.rows.filter((x) => x.indicator === 'hazardous_work').map((x) => [x.framework, x.breakdown, JSON.stringify(x.cell), x.estimate, x.se]);
  };

  it('an ISIC class written with a point ("43.90") is read as its division (43), not rounded to the next (44)', async () => {
    const plain = await hazardous(WITH_43);
    const pointed = rewrite(I, (v) => `${(v === '45' ? '43' : v).padStart(2, '0')}.90`);
    expect(await hazardous(pointed)).toEqual(plain);
    await loadRows(engine, HEAD, pointed);
    const r = await validateData(engine, analysis(), 'survey.csv');
    expect(r.findings.filter((f) => /^(INDUSTRY|OCCUPATION)_/.test(f.code))).toEqual([]);
  });

  it('industry codes of 5 digits ("08000") stop the run with INDUSTRY_CODE_DIGITS, naming the first; a 5-digit missing code does not', async () => {
    const long = rewrite(I, (v) => `${v.padStart(2, '0')}000`);
    await loadRows(engine, HEAD, long);
    const r = await validateData(engine, analysis({ industry: { column: 'isic', level: 'class' } }), 'survey.csv');
    expect(r.ok).toBe(false);
    const [e, ...more] = only(r, 'INDUSTRY_CODE_DIGITS');
    expect(more).toEqual([]);
    const n = long.filter((x) => x[I] !== '').length;
    const row = firstRow(long, I, (v) => v !== '');
    expect(e).toMatchObject({ severity: 'error', params: { column: 'isic', count: n, value: long[row - 1]![I], row } });
    expect(e!.text).toContain(`holds codes of 5 digits or more (${n} rows; first "${long[row - 1]![I]}", at row ${row})`);
    for (const s of seen(e!)) expect(s).not.toMatch(/\{\w+\}/);
    // Only "not stated" written 99999, declared missing: no error.
    const stated = rewrite(I, (v) => (v === '96' ? '99999' : v));
    await loadRows(engine, HEAD, stated);
    expect(only(await validateData(engine, analysis({ industry: { column: 'isic', level: 'division', missingCodes: ['99999'] } }), 'survey.csv'), 'INDUSTRY_CODE_DIGITS')).toEqual([]);
    expect(only(await validateData(engine, analysis(), 'survey.csv'), 'INDUSTRY_CODE_DIGITS')[0]?.params).toMatchObject({ value: '99999' });
  });

  it('ISCO minor groups ("811") are said (OCCUPATION_NOT_UNIT_GROUPS); unit groups and the armed forces\' 0110 stored as 110 are not', async () => {
    const minor = rewrite(O, (v) => v.slice(0, 3));
    await loadRows(engine, HEAD, minor);
    const [w, ...more] = only(await validateData(engine, analysis(), 'survey.csv'), 'OCCUPATION_NOT_UNIT_GROUPS');
    expect(more).toEqual([]);
    const n = minor.filter((x) => x[O] !== '').length;
    const row = firstRow(minor, O, (v) => v !== '');
    expect(w).toMatchObject({ severity: 'warning', params: { column: 'isco', count: n, value: minor[row - 1]![O], row } });
    for (const s of seen(w!)) expect(s).not.toMatch(/\{\w+\}/);
    await loadRows(engine, HEAD, WITH_43);
    expect(only(await validateData(engine, analysis(), 'survey.csv'), 'OCCUPATION_NOT_UNIT_GROUPS')).toEqual([]);
    const armed = rewrite(O, (v) => (v === '8111' ? '110' : v));
    await loadRows(engine, HEAD, armed);
    expect(only(await validateData(engine, analysis(), 'survey.csv'), 'OCCUPATION_NOT_UNIT_GROUPS')).toEqual([]);
  });

  it('ISIC section letters: F (construction) is hazardous as division 43 is, said once (INDUSTRY_SECTIONS); declared missing, they are unknown and not said', async () => {
    const plain = await hazardous(WITH_43);
    // Every division as its section's letter: 1 and 3 A, 8 B, 43 F, 47 G, 96 S.
    const letter: Record<string, string> = { 1: 'A', 3: 'A', 8: 'B', 43: 'F', 47: 'G', 96: 'S' };
    const letters = rewrite(I, (v) => letter[v === '45' ? '43' : v]!);
    expect(await hazardous(letters)).toEqual(plain);
    await loadRows(engine, HEAD, letters);
    const r = await validateData(engine, analysis(), 'survey.csv');
    expect(r.ok).toBe(true);
    const row = firstRow(letters, I, (v) => v !== '');
    expect(only(r, 'INDUSTRY_SECTIONS')).toMatchObject([{ severity: 'info', params: { column: 'isic', count: letters.filter((x) => x[I] !== '').length, value: letters[row - 1]![I], row } }]);
    expect(only(r, 'VALUE_NOT_NUMERIC')).toEqual([]);
    // Lower case is the same letter.
    await loadRows(engine, HEAD, rewrite(I, (v) => letter[v === '45' ? '43' : v]!.toLowerCase()));
    expect(await hazardous(rewrite(I, (v) => letter[v === '45' ? '43' : v]!.toLowerCase()))).toEqual(plain);
    // Declared missing: no industry, so construction is no longer hazardous through it, and nothing is said.
    await loadRows(engine, HEAD, letters);
    const missing = { industry: { column: 'isic', level: 'division', missingCodes: ['A', 'B', 'F', 'G', 'S'] } };
    expect(only(await validateData(engine, analysis(missing), 'survey.csv'), 'INDUSTRY_SECTIONS')).toEqual([]);
    expect(await hazardous(letters, missing)).not.toEqual(plain);
  });

  it('a framework using no industry or occupation list is not stopped by their codes (a review)', async () => {
    const custom = {
      custom: {
        id: 'hours_only', name: 'Hours only', comparison: '>=',
        bands: [{ from: 5, to: 11, econ: { rule: 'employed' }, chores: null }, { from: 12, to: 14, econ: { rule: 'hours', min: 14 }, chores: null }, { from: 15, to: 17, econ: { rule: 'hours', min: 43 }, chores: null }],
        hazardous: { industries: [], occupations: [], longHours: { min: 43 }, conditions: null }, hazardsInChildLabour: 'hazardous_work',
      },
    };
    const noLists = resolveAnalysis({ ...json, frameworks: [custom] }, 'codes.json');
    const long = rewrite(O, (v) => `${v}01`).map((x) => x.map((v, j) => (j === I && v !== '' ? `${v.padStart(2, '0')}000` : v)));
    await loadRows(engine, HEAD, long);
    const r = await validateData(engine, noLists, 'survey.csv');
    expect(r.findings.filter((f) => /^(INDUSTRY|OCCUPATION)_/.test(f.code))).toEqual([]);
    expect(only(await validateData(engine, analysis(), 'survey.csv'), 'INDUSTRY_CODE_DIGITS').length).toBe(1);
  });

  it('occupation codes of 6 digits stop the run with OCCUPATION_CODE_DIGITS', async () => {
    const long = rewrite(O, (v) => `${v}01`);
    await loadRows(engine, HEAD, long);
    const r = await validateData(engine, analysis(), 'survey.csv');
    expect(r.ok).toBe(false);
    expect(only(r, 'OCCUPATION_CODE_DIGITS')[0]).toMatchObject({ severity: 'error', params: { column: 'isco', count: long.filter((x) => x[O] !== '').length } });
    expect(only(r, 'OCCUPATION_NOT_UNIT_GROUPS')).toEqual([]);
  });
});
