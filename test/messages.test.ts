import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAnalysis, resolveAnalysis } from '../analysis/analysisFile.js';
import type { Engine } from '../analysis/engine/engine.js';
import { AnalysisError, MESSAGES, type MessageCode } from '../analysis/messages.js';
import { runAnalysis } from '../analysis/run.js';
import { ENGINES, engineWithRows, loadRows } from './engines.js';

/** Bad input gets a coded message that names the file, the column and the row. */
const MAPPING = {
  weight: 'w',
  stratum: 'h',
  psu: 'c',
  age: 'age',
  sex: { column: 'sex', male: '1', female: '2' },
  econHours: { columns: ['hours'] },
  choresHours: { columns: ['chores'] },
};
const analysis = (over: Record<string, unknown> = {}) =>
  resolveAnalysis({ version: 1, data: { path: 'x.csv' }, mapping: MAPPING, frameworks: [{ preset: 'ilo_ge2020' }], breakdowns: [[], ['sex']], ...over }, 'bad.analysis.json');
const COLS = ['w', 'h', 'c', 'age', 'sex', 'hours', 'chores'];
const good = (): string[][] =>
  Array.from({ length: 40 }, (_, i) => [String(100 + i), String(1 + (i % 2)), String(1 + (i % 4)), String(5 + (i % 13)), String(1 + (i % 2)), String(i % 5 === 0 ? 20 : 0), '3']);

async function codeOf(p: Promise<unknown>): Promise<{ code: MessageCode; params: Record<string, unknown> }> {
  const e = await p.then(() => null, (x) => x);
  expect(e, 'expected an AnalysisError').toBeInstanceOf(AnalysisError);
  return { code: (e as AnalysisError).code, params: (e as AnalysisError).msg.params };
}

describe('the analysis file', () => {
  it.each([
    ['not JSON', '{ "version": 1,', 'ANALYSIS_FILE_UNREADABLE', {}],
    ['no version', '{}', 'ANALYSIS_FILE_INVALID', { path: 'version' }],
    ['unknown field', JSON.stringify({ version: 1, data: { path: 'a' }, mapping: MAPPING, frameworks: [{ preset: 'ilo_ge2020' }], colour: 1 }), 'ANALYSIS_FILE_INVALID', { path: 'colour' }],
    ['a field the industry does not take (it was accepted and ignored)', JSON.stringify({ version: 1, data: { path: 'a' }, mapping: { ...MAPPING, industry: { column: 'isic', missing: ['99'] } }, frameworks: [{ preset: 'ilo_ge2020' }] }), 'ANALYSIS_FILE_INVALID', { path: 'mapping.industry.missing' }],
    ['strata as two columns (region x area, as SPSS CSPLAN takes them): one column, and how to make it (a probe)', JSON.stringify({ version: 1, data: { path: 'a' }, mapping: { ...MAPPING, stratum: ['region', 'area'] }, frameworks: [{ preset: 'ilo_ge2020' }] }), 'ANALYSIS_FILE_INVALID', { path: 'mapping.stratum', detail: expect.stringContaining('one column holding each combination') }],
    ['sex codes missing', JSON.stringify({ version: 1, data: { path: 'a' }, mapping: { ...MAPPING, sex: { column: 'sex' } }, frameworks: [{ preset: 'ilo_ge2020' }] }), 'ANALYSIS_FILE_INVALID', { path: 'mapping.sex.male' }],
    ['unknown preset', JSON.stringify({ version: 1, data: { path: 'a' }, mapping: MAPPING, frameworks: [{ preset: 'ilo2017' }] }), 'FRAMEWORK_UNKNOWN_PRESET', { preset: 'ilo2017' }],
    ['overlapping bands', JSON.stringify({ version: 1, data: { path: 'a' }, mapping: MAPPING, frameworks: [{ preset: 'ilo_ge2020', id: 'x', edit: { bands: [{ from: 5, to: 12, econ: { rule: 'employed' }, chores: null }, { from: 12, to: 14, econ: { rule: 'none' }, chores: null }] } }] }), 'FRAMEWORK_INVALID', { framework: 'x' }],
    ['a gap between bands (5-11, 15-17): ages 12-14 in no indicator', JSON.stringify({ version: 1, data: { path: 'a' }, mapping: MAPPING, frameworks: [{ custom: { id: 'gap', name: 'Gap', comparison: '>=', bands: [{ from: 5, to: 11, econ: { rule: 'employed' }, chores: null }, { from: 15, to: 17, econ: { rule: 'hours', min: 43 }, chores: null }], hazardous: { industries: [], occupations: [], longHours: null, conditions: null }, hazardsInChildLabour: 'hazardous_work' } }] }), 'FRAMEWORK_INVALID', { framework: 'gap', detail: 'fwProblem.bandGap', from: '12', to: '14' }],
    ['bands out of order', JSON.stringify({ version: 1, data: { path: 'a' }, mapping: MAPPING, frameworks: [{ preset: 'ilo_ge2020', id: 'x', edit: { bands: [{ from: 12, to: 17, econ: { rule: 'employed' }, chores: null }, { from: 5, to: 11, econ: { rule: 'none' }, chores: null }] } }] }), 'FRAMEWORK_INVALID', { framework: 'x', detail: 'fwProblem.bandOrder' }],
    ['same framework twice', JSON.stringify({ version: 1, data: { path: 'a' }, mapping: MAPPING, frameworks: [{ preset: 'sdg_871' }, { preset: 'sdg_871' }] }), 'DUPLICATE_FRAMEWORK_ID', { framework: 'sdg_871' }],
    ['breakdown by an unmapped dimension', JSON.stringify({ version: 1, data: { path: 'a' }, mapping: MAPPING, frameworks: [{ preset: 'sdg_871' }], breakdowns: [['region']] }), 'ANALYSIS_FILE_INVALID', { path: 'breakdowns[0][0]' }],
  ] as const)('%s: %s', (_, text, code, params) => {
    let err: unknown;
    try {
      parseAnalysis(text, 'bad.analysis.json');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AnalysisError);
    expect((err as AnalysisError).code).toBe(code);
    expect((err as AnalysisError).msg.params).toMatchObject({ ...params });
    expect((err as AnalysisError).msg.text).toContain('bad.analysis.json'.slice(0, 0));
  });

  it('every catalogue message has a text and an action', () => {
    for (const [code, m] of Object.entries(MESSAGES)) {
      expect(m.text.length, code).toBeGreaterThan(3);
      expect(m.action.length, code).toBeGreaterThan(5);
    }
  });
});

describe.each(ENGINES)('bad data on %s', (engineName) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await engineWithRows(engineName, COLS, good());
  });
  afterAll(() => engine?.close());
  const withRows = async (edit: (rows: string[][]) => void, a = analysis()) => {
    const rows = good();
    edit(rows);
    await loadRows(engine, COLS, rows);
    return runAnalysis(engine, a, 'survey.csv');
  };

  it('a mapped column that is not in the file: MAP_UNKNOWN_COLUMN names role, column and file', async () => {
    const e = await codeOf(withRows(() => {}, analysis({ mapping: { ...MAPPING, psu: 'cluster' } })));
    expect(e).toEqual({ code: 'MAP_UNKNOWN_COLUMN', params: expect.objectContaining({ role: 'psu', column: 'cluster', file: 'survey.csv' }) });
  });
  it('text in the weight: VALUE_NOT_NUMERIC with the first row and the count', async () => {
    const e = await codeOf(withRows((r) => { r[6]![0] = 'n.d.'; r[9]![0] = 'x'; }));
    expect(e).toEqual({ code: 'VALUE_NOT_NUMERIC', params: expect.objectContaining({ column: 'w', role: 'weight', row: 7, value: 'n.d.', count: 2 }) });
  });
  it('a weight written n/a (typed for "not applicable"): no weight, WEIGHT_MISSING at its row, as a blank cell', async () => {
    const e = await codeOf(withRows((r) => { r[6]![0] = 'n/a'; }));
    expect(e).toEqual({ code: 'WEIGHT_MISSING', params: expect.objectContaining({ row: 7 }) });
  });
  it('a negative weight: WEIGHT_NEGATIVE at its row', async () => {
    const e = await codeOf(withRows((r) => { r[12]![0] = '-5'; }));
    expect(e).toEqual({ code: 'WEIGHT_NEGATIVE', params: expect.objectContaining({ row: 13, count: 1 }) });
  });
  it('an empty weight: WEIGHT_MISSING at its row', async () => {
    const e = await codeOf(withRows((r) => { r[3]![0] = ' '; }));
    expect(e).toEqual({ code: 'WEIGHT_MISSING', params: expect.objectContaining({ row: 4 }) });
  });
  it('an empty PSU: PSU_MISSING', async () => {
    const e = await codeOf(withRows((r) => { r[30]![2] = ''; }));
    expect(e).toEqual({ code: 'PSU_MISSING', params: expect.objectContaining({ column: 'c', row: 31 }) });
  });
  it('text in hours: VALUE_NOT_NUMERIC, unless declared a missing code', async () => {
    const e = await codeOf(withRows((r) => { r[2]![5] = 'DK'; }));
    expect(e).toEqual({ code: 'VALUE_NOT_NUMERIC', params: expect.objectContaining({ column: 'hours', role: 'econHours', row: 3, value: 'DK' }) });
    const ok = await withRows((r) => { r[2]![5] = 'DK'; }, analysis({ mapping: { ...MAPPING, econHours: { columns: ['hours'], missingCodes: ['DK'] } } }));
    expect(ok.rows.length).toBeGreaterThan(0);
  });
  it('warnings travel with the results: zero weight, unmapped sex code, invalid age', async () => {
    const r = await withRows((rows) => { rows[1]![0] = '0'; rows[5]![4] = '9'; rows[8]![3] = '-1'; });
    const codes = r.messages.map((m) => m.code);
    expect(codes).toEqual(expect.arrayContaining(['WEIGHT_ZERO', 'CODE_NOT_MAPPED', 'AGE_INVALID']));
    expect(r.messages.find((m) => m.code === 'CODE_NOT_MAPPED')!.params).toMatchObject({ value: '9', row: 6, role: 'sex' });
    expect(r.messages.find((m) => m.code === 'AGE_INVALID')!.params).toMatchObject({ row: 9, count: 1 });
  });
  it('PSU ids repeating across strata when declared unique: PSU_ACROSS_STRATA', async () => {
    const e = await codeOf(withRows((r) => { r[1]![2] = '1'; }, analysis({ mapping: { ...MAPPING, psuNestedInStrata: false } })));
    expect(e).toEqual({ code: 'PSU_ACROSS_STRATA', params: expect.objectContaining({ psu: '1', column: 'c', row: 1 }) });
  });
  it('a framework that needs an unmapped role says so by name', async () => {
    const e = await codeOf(withRows(() => {}, analysis({ mapping: { ...MAPPING, choresHours: undefined }, frameworks: [{ preset: 'sdg_871' }] })));
    expect(e).toEqual({ code: 'FRAMEWORK_NEEDS_ROLE', params: { framework: 'sdg_871', role: 'choresHours' } });
  });
  it('no child aged 5-17: NO_CHILDREN_IN_SCOPE', async () => {
    const e = await codeOf(withRows((rows) => rows.forEach((r) => (r[3] = '30'))));
    expect(e.code).toBe('NO_CHILDREN_IN_SCOPE');
  });
});

describe.each(ENGINES)('the engine is locked down on %s', (engineName) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await engineWithRows(engineName, ['x'], [['1']]);
  });
  afterAll(() => engine?.close());
  it.each([
    "SELECT * FROM read_csv('https://example.org/data.csv')",
    "SELECT * FROM read_csv('http://127.0.0.1:9/data.csv')",
    "SELECT * FROM read_text('/etc/hostname')",
    'LOAD httpfs',
    'INSTALL httpfs; LOAD httpfs',
    "ATTACH 'https://example.org/db.duckdb' AS remote",
    'SET enable_external_access = true',
    'SET autoinstall_known_extensions = true',
    "COPY (SELECT 1) TO '/tmp/clstats-leak.csv'",
  ])('refuses: %s', async (sql) => {
    await expect(engine.query(sql)).rejects.toThrow(/disabled|locked|Permission|not allowed|Cannot/i);
  });
});
