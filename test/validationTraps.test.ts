import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveAnalysis } from '../analysis/analysisFile.js';
import type { Engine } from '../analysis/engine/engine.js';
import { bytesSource, importData } from '../analysis/import/load.js';
import { saveDeclaredMissing } from '../analysis/import/declaredMissing.js';
import { emptyLabels } from '../analysis/import/labels.js';
import { AnalysisError, formatMessageIn, type Message } from '../analysis/messages.js';
import { runAnalysis } from '../analysis/run.js';
import { validateData, type ValidationReport } from '../analysis/validate.js';
import { ENGINES, loadRows } from './engines.js';
import { engineFor, sourceFor } from './import/sources.js';

/**
 * Mappings that look right and give wrong or empty results: don't-know hours read as hours, sex
 * mapped by its labels, a universe kept by its label, a decimal comma not declared. Each must say so,
 * in words that name what the file holds and what to write instead (both engines).
 */
const DIR = new URL('./fixtures/import/formats/', import.meta.url).pathname;
const json = JSON.parse(readFileSync(DIR + 'survey.analysis.json', 'utf8'));
const analysis = (mapping: Record<string, unknown> = {}, data: Record<string, unknown> = {}) =>
  resolveAnalysis({ ...json, data: { ...json.data, ...data }, mapping: { ...json.mapping, ...mapping } }, 'traps.json');
const text = readFileSync(DIR + 'survey.csv', 'utf8').trim().split('\n');
const HEAD = text[0]!.split(',');
const ROWS = text.slice(1).map((l) => l.split(','));
const H = HEAD.indexOf('econ_hours');
const at = (v: string) => ROWS.filter((r) => r[H] === v).length;
const firstAt = (vs: string[]) => ROWS.findIndex((r) => vs.includes(r[H]!)) + 1;
const only = (r: ValidationReport, code: string): Message[] => r.findings.filter((f) => f.code === code);
/** What the command line prints for a message in English, French and Spanish (the catalogue by code). */
const seen = (m: Message) => [formatMessageIn(m, 'en'), formatMessageIn(m, 'fr'), formatMessageIn(m, 'es')];

describe.each(ENGINES)('mapping traps on %s', (engineName) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await engineFor(engineName, [DIR + 'survey.csv', DIR + 'survey.sav', DIR + 'survey-semicolon.csv']);
  });
  afterAll(() => engine?.close());

  it('a header repeated inside the data (two files put one after the other): one error naming its rows, not a VALUE_NOT_NUMERIC per column', async () => {
    const lines = [text[0], ...text.slice(1, 4), text[0], ...text.slice(4, 9), text[0], ...text.slice(9)];
    await importData(engine, bytesSource('doubled.csv', new TextEncoder().encode(lines.join('\n') + '\n')));
    const r = await validateData(engine, analysis(), 'doubled.csv');
    expect(r.ok).toBe(false);
    const [e, ...more] = only(r, 'DATA_HEADER_REPEATED');
    expect(more).toEqual([]);
    expect(e).toMatchObject({ severity: 'error', params: { count: 2, rows: '4, 10', row: 4 } });
    expect(e!.text).toBe('doubled.csv repeats its header (the column names) at rows 4, 10 (2 rows in all): it looks like files put one after the other, each with its header.');
    expect(only(r, 'VALUE_NOT_NUMERIC')).toEqual([]);
    for (const s of seen(e!)) expect(s).not.toMatch(/\{\w+\}/);
    // The age, sex and yes/no warnings those rows brought (their cells are the names) are not repeated beside the error.
    expect(r.findings.filter((f) => f.params.row === 4).map((f) => f.code)).toEqual(['DATA_HEADER_REPEATED']);
    expect(r.findings.filter((f) => f.code === 'HOURS_MISSING_SHARE').length).toBeGreaterThan(0); // other warnings stay
  });

  it('a total row under the data (weight the sum of those above, no age): one error naming it, not its hours and blank ids', async () => {
    const W = HEAD.indexOf('weight');
    const sum = (j: number) => ROWS.reduce((t, x) => t + (Number(x[j]) || 0), 0);
    const total = HEAD.map((h, j) => (h === 'hhid' ? 'Total' : j === W ? String(sum(W)) : h === 'econ_hours' || h === 'chores_hours' ? String(sum(j)) : ''));
    await loadRows(engine, HEAD, [...ROWS, total].map((x) => x.map((v) => v || null)));
    const r = await validateData(engine, analysis(), 'total.csv');
    expect(r.ok).toBe(false);
    const row = ROWS.length + 1;
    expect(only(r, 'DATA_TOTAL_ROW')).toMatchObject([{ severity: 'error', params: { row, column: 'weight' } }]);
    expect(r.findings.filter((f) => f.params.row === row).map((f) => f.code)).toEqual(['DATA_TOTAL_ROW']);
    for (const t of seen(only(r, 'DATA_TOTAL_ROW')[0]!)) expect(t).not.toMatch(/\{\w+\}/);
    // The file without it: nothing said; a last child whose age is known is no total row, whatever its weight.
    await loadRows(engine, HEAD, ROWS.map((x) => x.map((v) => v || null)));
    expect(only(await validateData(engine, analysis(), 'plain.csv'), 'DATA_TOTAL_ROW')).toEqual([]);
    const aged = total.map((v, j) => (HEAD[j] === 'age' ? '12' : v));
    await loadRows(engine, HEAD, [...ROWS, aged].map((x) => x.map((v) => v || null)));
    expect(only(await validateData(engine, analysis(), 'aged.csv'), 'DATA_TOTAL_ROW')).toEqual([]);
  });

  it('a row of labels under the names (a sheet saved with its variable labels): one error quoting them, not a VALUE_NOT_NUMERIC per column; text at row 1 in one column stays VALUE_NOT_NUMERIC', async () => {
    const labels = HEAD.map((h) => (h === 'weight' ? 'Sampling weight' : h === 'age' ? 'Age in years' : h === 'econ_hours' ? 'Hours worked' : `Label of ${h}`));
    await importData(engine, bytesSource('labelled.csv', new TextEncoder().encode([text[0], labels.join(','), ...text.slice(1)].join('\n') + '\n')));
    const r = await validateData(engine, analysis(), 'labelled.csv');
    const [e, ...more] = only(r, 'DATA_LABEL_ROW');
    expect(more).toEqual([]);
    expect(e!.severity).toBe('error');
    expect(e!.text).toMatch(/^Row 1 of labelled\.csv holds text in numeric columns \(("[^"]+", )*"Sampling weight"(, "[^"]+")*\) and no other row does: it looks like a row of labels under the column names\.$/);
    expect(e!.params.texts).toContain('"Age in years"');
    expect(only(r, 'VALUE_NOT_NUMERIC')).toEqual([]);
    for (const s of seen(e!)) expect(s).not.toMatch(/\{\w+\}/);
    expect(r.findings.filter((f) => f.params.row === 1 && f.params.count === 1).map((f) => f.code)).toEqual([]);
    const one = [...text];
    one[1] = one[1]!.split(',').map((v, j) => (HEAD[j] === 'age' ? 'about ten' : v)).join(',');
    await importData(engine, bytesSource('one.csv', new TextEncoder().encode(one.join('\n') + '\n')));
    const r1 = await validateData(engine, analysis(), 'one.csv');
    expect(only(r1, 'DATA_LABEL_ROW')).toEqual([]);
    expect(only(r1, 'VALUE_NOT_NUMERIC').map((f) => f.params.value)).toEqual(['about ten']);
  });

  describe('hours 98 and 99 not declared missing', () => {
    it('a warning names the column, the codes with their counts and first row, and the declaration to add', async () => {
      await importData(engine, sourceFor(engineName, DIR + 'survey.csv'));
      const r = await validateData(engine, analysis({ econHours: { columns: ['econ_hours'] } }), 'survey.csv');
      expect(r.ok).toBe(true); // a warning: real hours of 98 a week are possible
      const [w, ...more] = only(r, 'HOURS_CODES_SUSPECT');
      expect(more).toEqual([]);
      expect(w).toMatchObject({
        severity: 'warning',
        params: { column: 'econ_hours', role: 'econHours', count: at('98') + at('99'), codes: `98 (${at('98')}), 99 (${at('99')})`, row: firstAt(['98', '99']), list: '"98", "99"' },
      });
      expect(w!.text).toBe(
        `Column "econ_hours" (hours of economic activity) of survey.csv has ${at('98') + at('99')} cells at 98 (${at('98')}), 99 (${at('99')}) hours ` +
        `(cells per value in brackets; first at row ${firstAt(['98', '99'])}), a heap above any value just below (80-87 for 88, 90-96 for 97-99; beside a heap at 97-99, the range's other values too): these look like "don't know" or "missing" codes, and they are read as hours.`,
      );
      expect(w!.action).toContain('missingCodes: ["98", "99"] in the analysis file');
      for (const s of seen(w!)) expect(s).not.toMatch(/\{\w+\}/);
    });

    it('a few cells at a code the file labels (98 "NSP", not declared missing): said however few, with the label', async () => {
      // Two cells at 98, none at 99: below the heap rule's five cells.
      let kept = 0;
      const few = ROWS.map((r) => r.map((v, j) => (j === H && (v === '99' || (v === '98' && ++kept > 2)) ? '20' : v)));
      await importData(engine, bytesSource('few.csv', new TextEncoder().encode([text[0], ...few.map((r) => r.join(','))].join('\n') + '\n')));
      const a = analysis({ econHours: { columns: ['econ_hours'] } });
      const row = few.findIndex((r) => r[H] === '98') + 1;
      // Unlabelled, the two 98s stand apart from the column's hours (none from 60 to 96): said as codes.
      expect(only(await validateData(engine, a, 'few.csv'), 'HOURS_CODES_SUSPECT')[0]?.params).toMatchObject({ count: 2, codes: '98 (2)', row });
      const labels = { ...emptyLabels(), values: { econ_hours: { '98': 'NSP', '0': 'Aucune' } } };
      const r = await validateData(engine, a, 'few.csv', labels);
      expect(only(r, 'HOURS_CODES_SUSPECT')).toEqual([]);
      const [w, ...more] = only(r, 'HOURS_CODES_LABELLED');
      expect(more).toEqual([]);
      expect(w).toMatchObject({ severity: 'warning', params: { column: 'econ_hours', count: 2, codes: '98 "NSP" (2)', row, list: '"98"' } });
      expect(w!.action).toContain('missingCodes: ["98"]');
      for (const t of seen(w!)) expect(t).not.toMatch(/\{\w+\}/);
      // A label that names hours (a top code), not a code: nothing to say.
      const top = { ...emptyLabels(), values: { econ_hours: { '98': '98 hours or more' } } };
      expect(only(await validateData(engine, a, 'few.csv', top), 'HOURS_CODES_LABELLED')).toEqual([]);
      // Nor as a suspect code, few (apart from the hours) or a heap (a probe's LFS: 98 = "98 or more").
      expect(only(await validateData(engine, a, 'few.csv', top), 'HOURS_CODES_SUSPECT')).toEqual([]);
      await importData(engine, sourceFor(engineName, DIR + 'survey.csv'));
      expect(only(await validateData(engine, a, 'survey.csv'), 'HOURS_CODES_SUSPECT')).toHaveLength(1);
      expect(only(await validateData(engine, a, 'survey.csv', { ...emptyLabels(), values: { econ_hours: { '98': '98 hours or more', '99': '99+' } } }), 'HOURS_CODES_SUSPECT')).toEqual([]);
      // Declared missing: nothing to say.
      expect(only(await validateData(engine, analysis({ econHours: { columns: ['econ_hours'], missingCodes: ['98'] } }), 'few.csv', labels), 'HOURS_CODES_LABELLED')).toEqual([]);
      // Beside a heap at 98-99, a code the file labels (88 "No sabe") is said too (a probe: the
      // label's warning was left out once the column had the heap's, and its code read as hours).
      // (88 no busier than 85 beside it: no heap of its own.)
      const heap = ROWS.map((r, i) => (i === 5 || i === 6 ? [...r.slice(0, H), '88', ...r.slice(H + 1)] : i >= 7 && i <= 9 ? [...r.slice(0, H), '85', ...r.slice(H + 1)] : r));
      await loadRows(engine, HEAD, heap.map((r) => r.map((v) => (v === '' ? null : v))));
      const both = await validateData(engine, a, 'heap.csv', { ...emptyLabels(), values: { econ_hours: { '88': 'No sabe' } } });
      expect(only(both, 'HOURS_CODES_SUSPECT')).toHaveLength(1);
      expect(only(both, 'HOURS_CODES_LABELLED').map((x) => x.params)).toMatchObject([{ codes: '88 "No sabe" (2)', list: '"88"' }]);
    });

    it('99 set aside alone: the 97 and 98 left in the column are named, however few (a probe followed an advice that named 99 alone)', async () => {
      // 96 three times, 97 twice, 98 three times: no heap, but 99 declared marks 97-99 as the codes.
      // (Copies of the rows: the file's rows are shared by every test.)
      const rows = ROWS.map((r) => (['98', '99'].includes(r[H]!) ? [...r.slice(0, H), '40', ...r.slice(H + 1)] : [...r]));
      ['96', '96', '96', '97', '97', '98', '98', '98', '99', '99'].forEach((v, i) => (rows[i + 1]![H] = v));
      await loadRows(engine, HEAD, rows.map((r) => r.map((v) => (v === '' ? null : v))));
      const only99 = await validateData(engine, analysis({ econHours: { columns: ['econ_hours'], missingCodes: ['99'] } }), 'advice.csv');
      expect(only(only99, 'HOURS_CODES_SUSPECT')[0]?.params).toMatchObject({ codes: '97 (2), 98 (3)', count: 5, list: '"97", "98"' });
      expect(only(await validateData(engine, analysis({ econHours: { columns: ['econ_hours'], missingFrom: 97 } }), 'advice.csv'), 'HOURS_CODES_SUSPECT')).toEqual([]);
    });

    it('no warning once they are set aside: the mapping\'s missingCodes, missingFrom, or the .sav\'s declaration', async () => {
      await importData(engine, sourceFor(engineName, DIR + 'survey.csv'));
      expect(only(await validateData(engine, analysis(), 'survey.csv'), 'HOURS_CODES_SUSPECT')).toEqual([]);
      const from = await validateData(engine, analysis({ econHours: { columns: ['econ_hours'], missingFrom: 97 } }), 'survey.csv');
      expect(only(from, 'HOURS_CODES_SUSPECT')).toEqual([]);
      // Only 99 declared: the 98s are still read as hours, and only they are named.
      const half = await validateData(engine, analysis({ econHours: { columns: ['econ_hours'], missingCodes: ['99'] } }), 'survey.csv');
      expect(only(half, 'HOURS_CODES_SUSPECT')[0]?.params).toMatchObject({ codes: `98 (${at('98')})`, count: at('98') });
      // Declared as a pandas export writes them ("98.0", "99.0"): the cells 98 and 99 are set aside too.
      expect(only(await validateData(engine, analysis({ econHours: { columns: ['econ_hours'], missingCodes: ['98.0', '99.0'] } }), 'survey.csv'), 'HOURS_CODES_SUSPECT')).toEqual([]);
      const imported = await importData(engine, sourceFor(engineName, DIR + 'survey.sav'));
      const sav = await validateData(engine, analysis({ econHours: { columns: ['econ_hours'] } }), 'survey.sav', imported.labels);
      expect(only(sav, 'HOURS_CODES_SUSPECT')).toEqual([]);
    });

    it('real long hours are left alone: a few cells among long hours, or no more at 97-99 than at 90-96; a few far above every hour are said', async () => {
      await importData(engine, sourceFor(engineName, DIR + 'survey.csv')); // no codes declared missing (as a .sav's would be)
      const edit = async (values: Record<number, string>) => {
        const rows = ROWS.map((r) => [...r]).map((r) => (['98', '99'].includes(r[H]!) ? [...r.slice(0, H), '40', ...r.slice(H + 1)] : r));
        for (const [i, v] of Object.entries(values)) rows[Number(i)]![H] = v;
        await loadRows(engine, HEAD, rows.map((r) => r.map((v) => (v === '' ? null : v))));
        return only(await validateData(engine, analysis({ econHours: { columns: ['econ_hours'] } }), 'edited.csv'), 'HOURS_CODES_SUSPECT');
      };
      // 4 cells, fewer than 5, among hours of 62-84 a week: left alone.
      expect(await edit({ 1: '98', 2: '99', 3: '98', 4: '97', 10: '62', 11: '70', 12: '84' })).toEqual([]);
      // The same 4 cells where no hours reach 60 (the file's longest week is 45 hours): codes, said (a
      // probe: four undeclared 98s in a second job's hours moved girls' child labour by a third).
      const apart = await edit({ 1: '98', 2: '99', 3: '98', 4: '97', 10: '59.5' });
      expect(apart.map((w) => w.params)).toMatchObject([{ codes: '97 (1), 98 (2), 99 (1)', count: 4, row: 2 }]);
      expect(await edit({ 1: '98', 2: '98', 3: '98', 4: '99', 5: '99', 6: '96', 7: '96', 8: '96', 9: '91' })).toEqual([]); // 96 as busy as 98
      const heap = await edit({ 1: '98', 2: '98', 3: '98', 4: '98', 5: '99', 6: '99', 7: '95', 8: '97' });
      // 97 no busier than 95, but beside heaps at 98 and 99: a code of the same range (MICS: 97 and
      // above), named with them (a probe: 97 left read as 97 hours by an advice naming 98 and 99).
      expect(heap[0]?.params).toMatchObject({ codes: '97 (1), 98 (4), 99 (2)', count: 7, row: 2, list: '"97", "98", "99"' });
      // Written "98.0" (pandas, a float column), they are the same codes.
      const float = await edit({ 1: '98.0', 2: '98', 3: '98.0', 4: '98', 5: '99.0', 6: '99', 7: '95', 8: '97' });
      expect(float[0]?.params).toMatchObject({ codes: '97 (1), 98 (4), 99 (2)', count: 7, row: 2 });
    });
  });

  it('hours written as a time ("12:30", a CSV saved from a time-formatted column): said as such, with the conversion, not "declare them missing"', async () => {
    const rows = ROWS.map((r, i) => (i === 3 ? [...r.slice(0, H), '12:30', ...r.slice(H + 1)] : i === 7 ? [...r.slice(0, H), '2:05:00', ...r.slice(H + 1)] : r));
    await loadRows(engine, HEAD, rows.map((r) => r.map((v) => (v === '' ? null : v))));
    const r = await validateData(engine, analysis({ econHours: { columns: ['econ_hours'] } }), 'times.csv');
    expect(r.ok).toBe(false);
    expect(only(r, 'VALUE_NOT_NUMERIC')).toEqual([]);
    const [e] = only(r, 'VALUE_TIME_TEXT');
    expect(e).toMatchObject({ severity: 'error', params: { column: 'econ_hours', row: 4, value: '12:30', count: 2 } });
    expect(e!.action).toContain('12:30 is 12.5');
    expect(e!.action).not.toContain('missingCodes');
  });

  describe('hours given per day, summed (7 columns), with 98 and 99 not declared missing', () => {
    const DAYS = ['d1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7'];
    // Each child's days: 0-4 hours, from its row (no code anywhere) unless `codes` says otherwise.
    const load = async (codes: Record<number, Record<number, string>>) => {
      const rows = ROWS.map((r, i) => [...r, ...DAYS.map((_, d) => codes[i]?.[d] ?? String((i + d) % 5))]);
      await loadRows(engine, [...HEAD, ...DAYS], rows.map((r) => r.map((v) => (v === '' ? null : v))));
    };
    const days = (extra: Record<string, unknown> = {}) => analysis({ econHours: { columns: DAYS, combine: 'sum', ...extra } });

    it('a week of more than 168 hours from codes added up is an error naming the row and the sum', async () => {
      await load({ 2: { 0: '98', 1: '98', 2: '8' } }); // row 3: 98 + 98 + 8 + 0 + 1 + 2 + 3
      const r = await validateData(engine, days(), 'days.csv');
      expect(r.ok).toBe(false);
      const [e, ...more] = only(r, 'HOURS_SUM_OUT_OF_RANGE');
      expect(more).toEqual([]);
      expect(e).toMatchObject({ severity: 'error', params: { columns: DAYS.join(', '), role: 'econHours', count: 1, rows: '3', value: '210' } });
      expect(e!.text).toBe('The columns d1, d2, d3, d4, d5, d6, d7 (hours of economic activity) of days.csv add up to more than 168 hours a week at row 3: 210 hours (1 row in all).');
      for (const s of seen(e!)) expect(s).not.toMatch(/\{\w+\}/);
      expect(only(r, 'HOURS_OUT_OF_RANGE')).toEqual([]); // each day is within a week
      // Declared missing, the codes are not hours: the known days sum to 8 + 0 + 1 + 2 + 3.
      expect(only(await validateData(engine, days({ missingCodes: ['98', '99'] }), 'days.csv'), 'HOURS_SUM_OUT_OF_RANGE')).toEqual([]);
    });

    it('codes spread over the columns, too few in any one of them, are one warning for the role', async () => {
      // 12 codes, two in each of six columns, on rows whose sums stay within a week.
      const codes: Record<number, Record<number, string>> = {};
      for (let k = 0; k < 12; k++) codes[10 + 7 * k] = { [k % 6]: k % 3 ? '98' : '99' };
      await load(codes);
      const r = await validateData(engine, days(), 'days.csv');
      expect(r.ok).toBe(true);
      expect(only(r, 'HOURS_CODES_SUSPECT')).toEqual([]);
      const [w, ...more] = only(r, 'HOURS_CODES_SUSPECT_SUM');
      expect(more).toEqual([]);
      expect(w).toMatchObject({ severity: 'warning', params: { columns: DAYS.join(', '), role: 'econHours', count: 12, codes: '98 (8), 99 (4)', row: 11, list: '"98", "99"' } });
      expect(w!.action).toContain('missingCodes: ["98", "99"] in the analysis file');
      for (const s of seen(w!)) expect(s).not.toMatch(/\{\w+\}/);
      expect(only(await validateData(engine, days({ missingFrom: 97 }), 'days.csv'), 'HOURS_CODES_SUSPECT_SUM')).toEqual([]);
      // Four codes in all, fewer than five, but far above every day's hours (0-4): one warning for the
      // columns that hold them, none per column.
      await load({ 10: { 0: '98' }, 17: { 1: '98' }, 24: { 2: '99' }, 31: { 3: '98' } });
      const few = await validateData(engine, days(), 'days.csv');
      expect(only(few, 'HOURS_CODES_SUSPECT')).toEqual([]);
      expect(only(few, 'HOURS_CODES_SUSPECT_SUM').map((f) => f.params)).toMatchObject([{ columns: 'd1, d2, d3, d4', count: 4, codes: '98 (3), 99 (1)', row: 11 }]);
    });

    it('a "don\'t know" 88 on a few days (a probe: 12 children, child labour 20.3 % instead of 19.2 %, no message): said for the role, and no more once declared', async () => {
      const codes: Record<number, Record<number, string>> = {};
      for (let k = 0; k < 4; k++) codes[10 + 7 * k] = { [k % 7]: '88' };
      await load(codes);
      const r = await validateData(engine, days(), 'days.csv');
      const [w88] = only(r, 'HOURS_CODES_SUSPECT_SUM');
      expect(w88?.params).toMatchObject({ columns: 'd1, d2, d3, d4', count: 4, codes: '88 (4)', row: 11, list: '"88"' });
      // missingFrom: 97 would leave an 88 read as hours: the advice gives the code itself.
      expect(w88!.action).toContain('missingCodes: ["88"] in the analysis file');
      expect(w88!.action).toContain('an 88 is not');
      expect(only(await validateData(engine, days({ missingCodes: ['88'] }), 'days.csv'), 'HOURS_CODES_SUSPECT_SUM')).toEqual([]);
      // In one column of weekly hours with real long weeks (60-87), a few 88s are left alone, as 98s are.
      await load({ 10: { 0: '88' }, 17: { 0: '88' }, 24: { 0: '62' }, 31: { 0: '80' } });
      expect(only(await validateData(engine, days(), 'days.csv'), 'HOURS_CODES_SUSPECT_SUM')).toEqual([]);
    });
  });

  it('sex mapped by its labels: an error naming the codes the column holds with their labels', async () => {
    const imported = await importData(engine, sourceFor(engineName, DIR + 'survey.sav'));
    const sexLabels = imported.labels.values.sex!;
    const [male, female] = [sexLabels['1']!, sexLabels['2']!];
    const r = await validateData(engine, analysis({ sex: { column: 'sex', male, female } }), 'survey.sav', imported.labels);
    expect(r.ok).toBe(false);
    const [e] = only(r, 'MAPPED_CODES_NOT_FOUND');
    const n = (code: string) => ROWS.filter((x) => x[HEAD.indexOf('sex')] === code).length;
    const present = [['1', male], ['2', female]].sort((a, b) => n(b[0]!) - n(a[0]!) || a[0]!.localeCompare(b[0]!)).map(([c, l]) => `${c} = "${l}" (${n(c!)})`).join(', ');
    expect(e).toMatchObject({ severity: 'error', params: { role: 'sex', column: 'sex', present, codes: `"${male}", "${female}"` } });
    expect(e!.text).toBe(`No child aged 5-17 in survey.sav has the sex codes of the mapping ("${male}", "${female}"): column "sex" holds ${present} (children per code in brackets). Every sex group would be empty.`);
    expect(e!.action).toContain('not their labels');
    expect(e!.action).toContain('mapping.sex.male, mapping.sex.female');
    // The warnings for each code say its label too.
    const unmapped = only(r, 'CODE_NOT_MAPPED').filter((m) => m.params.role === 'sex');
    expect(unmapped.map((m) => m.params.label).sort()).toEqual([` = "${female}"`, ` = "${male}"`].sort());
    expect(unmapped.some((m) => m.text.includes(`code "1" = "${male}", which is neither`))).toBe(true);
    for (const m of [e!, ...unmapped]) for (const s of seen(m)) expect(s).not.toMatch(/\{\w+\}/);
  });

  it('a yes code mapped by its label ("oui" for 1 in a .sav): an error giving the code, not every answer read as no', async () => {
    const imported = await importData(engine, sourceFor(engineName, DIR + 'survey.sav'));
    expect(imported.labels.values.absent!['1']).toBe('Oui');
    const r = await validateData(engine, analysis({ absentFromJob: { columns: ['absent'], yes: ['oui'] } }), 'survey.sav', imported.labels);
    expect(r.ok).toBe(false);
    const [e, ...more] = only(r, 'YESNO_YES_IS_LABEL');
    expect(more).toEqual([]);
    const absent = ROWS.map((x) => x[HEAD.indexOf('absent')]);
    expect(e).toMatchObject({ severity: 'error', params: { column: 'absent', role: 'absentFromJob', code: '1', count: absent.filter((v) => v === '1').length, row: absent.indexOf('1') + 1 } });
    expect(e!.action).toContain('yes: ["1"]');
    expect(only(r, 'YESNO_CODES_READ_AS_NO').filter((m) => m.params.column === 'absent')).toEqual([]);
    for (const m of [e!]) for (const t of seen(m)) expect(t).not.toMatch(/\{\w+\}/);
    // The code itself: no such error.
    expect(only(await validateData(engine, analysis({ absentFromJob: { columns: ['absent'], yes: ['1'] } }), 'survey.sav', imported.labels), 'YESNO_YES_IS_LABEL')).toEqual([]);
  });

  it('area mapped by text in a CSV (no labels): the codes and their counts', async () => {
    await importData(engine, sourceFor(engineName, DIR + 'survey.csv'));
    const r = await validateData(engine, analysis({ area: { column: 'area', urban: 'urban', rural: 'rural' } }), 'survey.csv');
    const [e] = only(r, 'MAPPED_CODES_NOT_FOUND');
    expect(e?.params.present).toMatch(/^[12] \(\d+\), [12] \(\d+\)$/);
    expect(r.ok).toBe(false);
    // Correct codes: no such error.
    expect(only(await validateData(engine, analysis(), 'survey.csv'), 'MAPPED_CODES_NOT_FOUND')).toEqual([]);
  });

  it('sex written with its labels ("1. Male", "2. Female": Stata\'s numlabel), mapped "1" and "2": an error that gives the cells to map (a probe: "give the codes, not their labels" alone)', async () => {
    const col = HEAD.indexOf('sex');
    await loadRows(engine, HEAD, ROWS.map((x) => x.map((v, j) => (j === col ? ({ '1': '1. Male', '2': '2. Female' }[v] ?? (v || null)) : v || null))));
    const r = await validateData(engine, analysis(), 'numlabel.csv');
    expect(only(r, 'MAPPED_CODES_NOT_FOUND')).toEqual([]);
    const [e, ...more] = only(r, 'MAPPED_CODES_WITH_LABELS');
    expect(more).toEqual([]);
    expect(e).toMatchObject({ severity: 'error', params: { column: 'sex', role: 'sex', given: 'mapping.sex.male: "1. Male", mapping.sex.female: "2. Female"' } });
    for (const t of seen(e!)) expect(t).not.toMatch(/\{\w+\}/);
    // Mapped so: no error about the sex codes.
    const given = await validateData(engine, analysis({ sex: { column: 'sex', male: '1. Male', female: '2. Female' } }), 'numlabel.csv');
    expect([...only(given, 'MAPPED_CODES_WITH_LABELS'), ...only(given, 'MAPPED_CODES_NOT_FOUND')]).toEqual([]);
  });

  it('one area code mapped by its label, the other by its code: an error that gives the code for the label', async () => {
    const imported = await importData(engine, sourceFor(engineName, DIR + 'survey.sav'));
    const urban = imported.labels.values.area!['1']!;
    const r = await validateData(engine, analysis({ area: { column: 'area', urban: urban.toUpperCase(), rural: '2' } }), 'survey.sav', imported.labels);
    const [e] = only(r, 'MAPPED_CODE_IS_LABEL');
    expect(e).toMatchObject({ severity: 'error', params: { role: 'area', column: 'area', code: urban.toUpperCase(), labelled: '1', field: 'mapping.area.urban' } });
    expect(e!.action).toBe('Give the code, "1", not its label (Map step, or mapping.area.urban in the analysis file).');
    expect(e!.params.present).toContain(`1 = "${urban}" (${ROWS.filter((x) => x[HEAD.indexOf('area')] === '1').length})`);
    expect(r.ok).toBe(false);
    for (const x of seen(e!)) expect(x).not.toMatch(/\{\w+\}/);
    expect(seen(e!)[1]).toContain('Indiquez le code, « 1 », pas son libellé');
  });

  it('a mapped area code no row holds, beside rows of a code not mapped: a warning; a survey without rural rows: nothing', async () => {
    await importData(engine, sourceFor(engineName, DIR + 'survey.csv'));
    const r = await validateData(engine, analysis({ area: { column: 'area', urban: '1', rural: '3' } }), 'survey.csv');
    const [w] = only(r, 'MAPPED_CODE_ABSENT');
    expect(w).toMatchObject({ severity: 'warning', params: { role: 'area', code: '3', field: 'mapping.area.rural' } });
    expect(w!.text).toMatch(/^The area code "3" of the mapping \(mapping\.area\.rural\) is in no row of column "area" of survey\.csv, which holds [12] \(\d+\), [12] \(\d+\)/);
    // Every row urban: the rural code is in no row, and no other code is there to be the rural one.
    const area = HEAD.indexOf('area');
    await loadRows(engine, HEAD, ROWS.map((x) => x.map((v, j) => (j === area ? '1' : v))));
    const urbanOnly = await validateData(engine, analysis(), 'survey.csv');
    expect(urbanOnly.findings.filter((f) => f.code.startsWith('MAPPED_CODE'))).toEqual([]);
  });

  it('ISIC read at the other level than the codes: a warning that says which level to set, and none at the right level', async () => {
    const I = HEAD.indexOf('isic');
    const divisions = ROWS.filter((x) => x[I] !== '').length;
    await importData(engine, sourceFor(engineName, DIR + 'survey.csv'));
    const asClass = await validateData(engine, analysis({ industry: { column: 'isic', level: 'class' } }), 'survey.csv');
    expect(only(asClass, 'INDUSTRY_DIVISIONS_AS_CLASSES')[0]?.params).toMatchObject({ column: 'isic', divisions, classes: 0 });
    expect(only(await validateData(engine, analysis(), 'survey.csv'), 'INDUSTRY_DIVISIONS_AS_CLASSES')).toEqual([]);
    // The same file with 4-digit classes (division x 100 + 10), read as divisions.
    await loadRows(engine, HEAD, ROWS.map((x) => x.map((v, j) => (j === I && v !== '' ? String(Number(v) * 100 + 10).padStart(4, '0') : v))));
    const [w] = only(await validateData(engine, analysis(), 'survey.csv'), 'INDUSTRY_CLASSES_AS_DIVISIONS');
    expect(w?.text).toContain(`holds ISIC classes of 3-4 digits (${divisions} rows, against 0 of 1-99)`);
    expect(seen(w!)[2]).toContain('Fije el nivel CIIU en clase (4 dígitos) (paso Variables, o mapping.industry.level: "class"');
    expect(only(await validateData(engine, analysis({ industry: { column: 'isic', level: 'class' } }), 'survey.csv'), 'INDUSTRY_CLASSES_AS_DIVISIONS')).toEqual([]);
  });

  it('a universe kept by its label: UNIVERSE_EMPTY lists the codes the column holds, with labels', async () => {
    const imported = await importData(engine, sourceFor(engineName, DIR + 'survey.sav'));
    const label = imported.labels.values.area!['1']!;
    const r = await validateData(engine, analysis({ universe: { column: 'area', keep: [label] } }), 'survey.sav', imported.labels);
    const [e] = only(r, 'UNIVERSE_EMPTY');
    expect(e!.text).toContain(`column "area" never holds ${label}; it holds `);
    expect(e!.params.present).toContain(`1 = "${label}" (`);
    expect(e!.action).toContain('as codes, not labels');
    for (const s of seen(e!)) expect(s).not.toMatch(/\{\w+\}/);
  });

  it('the run itself (no validation first) says which codes the universe column holds', async () => {
    await importData(engine, sourceFor(engineName, DIR + 'survey.csv'));
    const e = await runAnalysis(engine, analysis({ universe: { column: 'area', keep: ['urban'] } }), 'survey.csv').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AnalysisError);
    const msg = (e as AnalysisError).msg;
    expect(msg.code).toBe('UNIVERSE_EMPTY');
    expect(String(msg.params.present)).toMatch(/^[12] \(\d+\), [12] \(\d+\)$/);
    for (const t of seen(msg)) expect(t).not.toMatch(/\{\w+\}/);
  });

  it('numbers with a decimal comma not declared: VALUE_DECIMAL_COMMA says to declare it; other text stays VALUE_NOT_NUMERIC', async () => {
    await importData(engine, sourceFor(engineName, DIR + 'survey-semicolon.csv'));
    const r = await validateData(engine, analysis({}, { path: 'survey-semicolon.csv' }), 'survey-semicolon.csv');
    expect(r.ok).toBe(false);
    const weight = only(r, 'VALUE_DECIMAL_COMMA').find((m) => m.params.role === 'weight');
    expect(weight).toMatchObject({ severity: 'error', params: { column: 'weight', value: '577,7059', row: 1 } });
    expect(weight!.action).toContain('data.decimalComma: true');
    // The same text column in a .sav, a .dta or a Parquet file is text in the file itself: decimalComma
    // cannot change it, and the advice says to convert the column (a probe followed the CSV advice in vain).
    for (const typed of ['survey.sav', 'survey.dta', 'survey.parquet']) {
      const [e] = only(await validateData(engine, analysis({}, { path: typed }), typed), 'VALUE_DECIMAL_COMMA_TEXT_COLUMN').filter((m) => m.params.role === 'weight');
      expect(e).toMatchObject({ severity: 'error', params: { column: 'weight', value: '577,7059', row: 1 } });
      expect(e!.action).toContain('destring weight, replace dpcomma');
      expect(e!.action).not.toContain('data.decimalComma: true');
    }
    expect(only(r, 'VALUE_NOT_NUMERIC').filter((m) => m.params.role === 'weight')).toEqual([]);
    const declared = await importData(engine, sourceFor(engineName, DIR + 'survey-semicolon.csv'), { decimalComma: true });
    expect(declared.decimalComma).toBe(true);
    expect(only(await validateData(engine, analysis(), 'survey-semicolon.csv'), 'VALUE_DECIMAL_COMMA')).toEqual([]);
    // Text that is no number at all keeps its own advice.
    await loadRows(engine, HEAD, ROWS.map((x, i) => x.map((v, j) => (i === 3 && j === HEAD.indexOf('weight') ? 'n.d.' : v === '' ? null : v))));
    expect(only(await validateData(engine, analysis(), 'edited.csv'), 'VALUE_NOT_NUMERIC')[0]?.params).toMatchObject({ value: 'n.d.', row: 4 });
  });

  it('a weight, stratum or PSU cell the file declares missing (a .sav user-missing, a .dta .a) stops the run, with its row', async () => {
    await importData(engine, sourceFor(engineName, DIR + 'survey.csv'));
    // As a .sav or .dta loader leaves them: the code in the cell, the code listed as declared missing.
    await engine.run(`UPDATE src SET weight = '999' WHERE rowid = 4`);
    await engine.run(`UPDATE src SET psu = '-1' WHERE rowid = 7`);
    await saveDeclaredMissing(engine, 'src', { weight: ['999'], psu: ['-1'] });
    const r = await validateData(engine, analysis(), 'declared.sav');
    expect(r.ok).toBe(false);
    expect(r.weights).toMatchObject({ missing: 1, notNumeric: 0 });
    expect(only(r, 'WEIGHT_MISSING')[0]).toMatchObject({ severity: 'error', params: { column: 'weight', rows: '5', count: 1 } });
    expect(only(r, 'PSU_MISSING')[0]).toMatchObject({ severity: 'error', params: { column: 'psu', row: 8, count: 1 } });
    expect(only(r, 'WEIGHT_NEGATIVE')).toEqual([]);
    expect(only(r, 'WEIGHT_MISSING')[0]!.text).toContain('a code the file declares missing');
    // The run without a validation first stops with the same message, not an engine failure.
    const e = await runAnalysis(engine, analysis(), 'declared.sav').catch((x: unknown) => x);
    expect((e as AnalysisError).msg?.code).toBe('WEIGHT_MISSING');
  });

  it('yes/no cells that are neither yes, nor a usual no, nor declared missing: a warning lists them; declared, none', async () => {
    await importData(engine, sourceFor(engineName, DIR + 'survey.csv'));
    const col = HEAD.indexOf('heavy_loads');
    const nines = ROWS.filter((x) => x[col] === '9').length;
    expect(nines).toBeGreaterThan(0);
    expect(only(await validateData(engine, analysis(), 'survey.csv'), 'YESNO_CODES_READ_AS_NO')).toEqual([]);
    const undeclared = analysis({ hazards: { ...json.mapping.hazards, heavy_loads: { columns: ['heavy_loads'] } } });
    const [w, ...more] = only(await validateData(engine, undeclared, 'survey.csv'), 'YESNO_CODES_READ_AS_NO');
    expect(more).toEqual([]);
    expect(w).toMatchObject({
      severity: 'warning',
      params: { column: 'heavy_loads', role: 'hazards.heavy_loads', count: nines, codes: `"9" (${nines})`, row: ROWS.findIndex((x) => x[col] === '9') + 1, list: '"9"' },
    });
    expect(w!.action).toContain('missingCodes: ["9"]');
    for (const t of seen(w!)) expect(t).not.toMatch(/\{\w+\}/);
    // "NA" and "." as R and Stata write no value are no answer, as a blank cell is (mapping.ts
    // NO_NUMBER_TOKENS), not a code read as no; another code still is.
    await loadRows(engine, HEAD, ROWS.map((x, i) => x.map((v, j) => (j === col ? (i === 2 ? 'NA' : i === 5 ? '.' : i === 7 ? 'x' : v === '9' ? '2' : v) : v === '' ? null : v))));
    const two = only(await validateData(engine, undeclared, 'export.csv'), 'YESNO_CODES_READ_AS_NO');
    expect(two.map((m) => m.params)).toMatchObject([{ column: 'heavy_loads', count: 1, codes: '"x" (1)', row: 8 }]);
    // Portuguese answers (Sim / Não, a Lusophone MICS saved with its labels): "Não" in any writing is a usual no.
    const nao = ['Não', 'NÃO', 'não'.normalize('NFD'), 'Nao'];
    await loadRows(engine, HEAD, ROWS.map((x, i) => x.map((v, j) => (j === col ? (v === '1' ? 'Sim' : v === '0' ? nao[i % 4]! : v) : v === '' ? null : v))));
    const sim = analysis({ hazards: { ...json.mapping.hazards, heavy_loads: { columns: ['heavy_loads'], yes: ['Sim'], missingCodes: ['9'] } } });
    expect(only(await validateData(engine, sim, 'pt.csv'), 'YESNO_CODES_READ_AS_NO')).toEqual([]);
  });

  it('a weight written with a decimal comma: in a CSV, tick the decimal comma; in a workbook, the cells are text, which data.decimalComma does not read', async () => {
    const w = HEAD.indexOf(json.mapping.weight);
    await loadRows(engine, HEAD, ROWS.map((x, i) => x.map((v, j) => (j === w && i === 3 ? '870,246' : v || null))));
    const csv = only(await validateData(engine, analysis(), 'lfs.csv'), 'VALUE_DECIMAL_COMMA');
    expect(csv.map((m) => m.params)).toMatchObject([{ column: json.mapping.weight, row: 4, value: '870,246', count: 1 }]);
    expect(csv[0]!.action).toContain('data.decimalComma: true');
    const book = await validateData(engine, analysis({}, { decimalComma: true }), 'lfs.xlsx');
    expect(only(book, 'VALUE_DECIMAL_COMMA')).toEqual([]);
    const [x] = only(book, 'VALUE_DECIMAL_COMMA_TEXT_CELLS');
    expect(x).toMatchObject({ severity: 'error', params: { column: json.mapping.weight, row: 4, value: '870,246' } });
    expect(x!.action).toContain('Text to Columns');
    for (const t of seen(x!)) expect(t).not.toMatch(/\{\w+\}/);
  });

  it('yes written as a BOOLEAN writes it ("true"), no cell at the yes code: an error (every yes would be no) that says to declare it as the yes code, not as missing', async () => {
    const col = HEAD.indexOf('heavy_loads');
    await loadRows(engine, HEAD, ROWS.map((x) => x.map((v, j) => (j === col ? ({ '1': 'true', '2': 'false', '0': 'false' }[v] ?? (v || null)) : v || null))));
    const yes = ROWS.filter((x) => x[col] === '1').length;
    const [w, ...more] = only(await validateData(engine, analysis(), 'boolean.csv'), 'YESNO_YES_NONE');
    expect(more).toEqual([]);
    expect(w).toMatchObject({ severity: 'error', params: { column: 'heavy_loads', count: yes, codes: `"true" (${yes})`, yes: '"1"', list: '"1", "true"' } });
    expect(w!.action).toContain('yes: ["1", "true"]');
    for (const t of seen(w!)) expect(t).not.toMatch(/\{\w+\}/);
    // Declared as the yes code: no message.
    const declared = analysis({ hazards: { ...json.mapping.hazards, heavy_loads: { columns: ['heavy_loads'], yes: ['true'], missingCodes: ['9'] } } });
    expect(only(await validateData(engine, declared, 'boolean.csv'), 'YESNO_YES_NONE')).toEqual([]);
    // A few "true" beside cells at the yes code 1: a warning, and the run goes on.
    const some = ROWS.map((x, i) => x.map((v, j) => (j === col && v === '1' && i % 2 === 0 ? 'true' : v || null)));
    await loadRows(engine, HEAD, some);
    const mixed = await validateData(engine, analysis(), 'mixed.csv');
    expect(only(mixed, 'YESNO_YES_NONE')).toEqual([]);
    expect(only(mixed, 'YESNO_YES_READ_AS_NO').map((f) => f.severity)).toEqual(['warning']);
  });

  it('yes and no written with their labels ("1. Yes", "2. No": Stata\'s numlabel, SPSS\'s values and labels), yes left at 1: an error naming "1. Yes" as the yes code to add; "2. No" is a no, not a code to declare missing (a probe: hazardous work 7.6 %, R 19.6 %, advice to declare "1. Yes" missing)', async () => {
    const col = HEAD.indexOf('heavy_loads');
    await loadRows(engine, HEAD, ROWS.map((x) => x.map((v, j) => (j === col ? ({ '1': '1. Yes', '2': '2. No', '0': '0 No' }[v] ?? (v || null)) : v || null))));
    const yes = ROWS.filter((x) => x[col] === '1').length;
    const r = await validateData(engine, analysis(), 'numlabel.csv');
    const [w, ...more] = only(r, 'YESNO_YES_NONE');
    expect(more).toEqual([]);
    expect(w).toMatchObject({ severity: 'error', params: { column: 'heavy_loads', count: yes, codes: `"1. Yes" (${yes})`, list: '"1", "1. Yes"' } });
    expect(w!.action).toContain('yes: ["1", "1. Yes"]');
    // Declared so: no message about "2. No" or "0 No"; "9" is still the analysis file's declared code.
    const declared = analysis({ hazards: { ...json.mapping.hazards, heavy_loads: { columns: ['heavy_loads'], yes: ['1', '1. Yes'], missingCodes: ['9'] } } });
    const ok = await validateData(engine, declared, 'numlabel.csv');
    expect([...only(ok, 'YESNO_YES_NONE'), ...only(ok, 'YESNO_CODES_READ_AS_NO'), ...only(ok, 'YESNO_YES_READ_AS_NO')]).toEqual([]);
  });

  it('yes and no written with leading zeros ("01", "02", a CSPro export with zero fill), a "09" beside them, yes left at 1: "01" is yes and "09" the declared 9, as unpadded', async () => {
    // A probe: every yes read as no, children in employment 0 (R 0.41), with only a warning that said
    // to declare "01" missing; then an error asking to declare "01" a yes code. A whole-number code is
    // now read zero-filled too (mapping.ts codeVariants), as R and Stata read the column as numbers.
    const col = HEAD.indexOf('heavy_loads');
    const padded = ROWS.map((x, i) => x.map((v, j) => (j === col ? (v === '' ? null : i === 4 ? '09' : `0${v}`) : v || null)));
    await loadRows(engine, HEAD, padded);
    expect(padded.filter((x) => x[col] === '01').length).toBeGreaterThan(0);
    const r = await validateData(engine, analysis(), 'padded.csv');
    expect(only(r, 'YESNO_YES_NONE')).toEqual([]);
    expect(only(r, 'YESNO_CODES_READ_AS_NO')).toEqual([]);
    const plain = ROWS.map((x, i) => x.map((v, j) => (j === col && i === 4 && v !== '' ? '9' : v || null)));
    const estimates = async (rows: (string | null)[][]) => {
      await loadRows(engine, HEAD, rows);
      return (await runAnalysis(engine, analysis(), 'padded.csv')).rows;
    };
    expect(await estimates(padded)).toEqual(await estimates(plain));
  });

  it('the MICS missing-hours policy with no economic-activity question mapped: unknown hours are said to make the child not working', async () => {
    await importData(engine, sourceFor(engineName, DIR + 'survey.csv'));
    const mics = (mapping: Record<string, unknown>) => resolveAnalysis({ ...json, options: { missingHours: 'mics' }, mapping: { ...json.mapping, ...mapping } }, 'mics.json');
    const share = (r: ValidationReport) => only(r, 'HOURS_MISSING_SHARE').find((f) => f.params.role === 'econHours');
    const hoursOnly = share(await validateData(engine, mics({}), 'survey.csv'));
    expect(hoursOnly?.params.effect).toBe('belowThresholdNoActivity');
    expect(hoursOnly!.action).toContain('with no economic-activity question mapped, as not working (employment is then decided by hours');
    for (const t of seen(hoursOnly!)) expect(t).not.toMatch(/\{\w+\}|NoActivity/);
    // With the activity question mapped, employment does not rest on hours: the plain wording. (Its
    // "yes" is the file's 0 here, so that the children of unknown hours are not known to be out of work:
    // the share is of those, HOURS_MISSING_SHARE's `among`.)
    const withActivity = share(await validateData(engine, mics({ econActivity: { columns: ['absent'], yes: ['0'] } }), 'survey.csv'));
    expect(withActivity?.params.effect).toBe('belowThreshold');
    expect(withActivity?.params.asked).toBe('notOutOfWork');
    expect(hoursOnly?.params.asked).toBe('inScope');
  });

  it('children who worked with their hours left empty, read as 0 (blank: "zero"): HOURS_EMPTY_AFTER_WORK counts them', async () => {
    // A probe: a CSV of a .sav whose user-missing hours became empty cells; under "zero" they read as no hours.
    const [abs, age] = [HEAD.indexOf('absent'), HEAD.indexOf('age')];
    let blanked = 0;
    const rows = ROWS.map((x) => {
      if (x[abs] !== '1' || blanked >= 4) return x;
      if (Number(x[age]) >= 5 && Number(x[age]) <= 17) blanked++;
      return x.map((v, j) => (j === H ? null : v));
    });
    await loadRows(engine, HEAD, rows.map((x) => x.map((v) => (v === '' ? null : v))));
    const worked = (blank: string) => analysis({ econActivity: { columns: ['absent'] }, econHours: { columns: ['econ_hours'], blank } });
    const r = await validateData(engine, worked('zero'), 'lost.csv');
    const [w] = only(r, 'HOURS_EMPTY_AFTER_WORK');
    expect(w).toMatchObject({ severity: 'warning', params: { count: 4, activity: 'absent', columns: 'econ_hours' } });
    expect(w!.text).toContain(`4 of the ${r.children} children in lost.csv did economic activity (absent) and have no hours in econ_hours`);
    // Read as unknown (the default), the empty cells are said by HOURS_MISSING_SHARE instead.
    expect(only(await validateData(engine, worked('missing'), 'lost.csv'), 'HOURS_EMPTY_AFTER_WORK')).toEqual([]);
    // Written NA (R's write.csv), which the blank rule reads as it reads an empty cell: the same 4, not
    // children who worked under an hour (a walk); declared missing, NA is unknown: neither.
    const under = (x: ValidationReport) => only(x, 'WORK_UNDER_ONE_HOUR').map((m) => m.params.count);
    const before = under(r);
    await loadRows(engine, HEAD, rows.map((x, i) => x.map((v, j) => (v === '' ? null : j === H && v === null && x[abs] === '1' && rows[i] !== ROWS[i] ? 'NA' : v))));
    const na = await validateData(engine, worked('zero'), 'na.csv');
    expect(only(na, 'HOURS_EMPTY_AFTER_WORK').map((m) => m.params.count)).toEqual([4]);
    expect(under(na)).toEqual(before);
    const declared = analysis({ econActivity: { columns: ['absent'] }, econHours: { columns: ['econ_hours'], blank: 'zero', missingCodes: ['NA'] } });
    expect(only(await validateData(engine, declared, 'na.csv'), 'HOURS_EMPTY_AFTER_WORK')).toEqual([]);
  });

  it('children who did economic activity with under 1 hour written (0, 0.5): WORK_UNDER_ONE_HOUR, a note that they count in employment', async () => {
    // A probe (an R implementation of definitions.md): 89 such children, ILO and SDG child labour at 5-11 apart, no word.
    const [abs, age] = [HEAD.indexOf('absent'), HEAD.indexOf('age')];
    let under = 0;
    const rows = ROWS.map((x) => {
      if (x[abs] !== '1' || under >= 3 || !(Number(x[age]) >= 5 && Number(x[age]) <= 17)) return x;
      under++;
      return x.map((v, j) => (j === H ? ['0', '0.5', '0.99'][under - 1]! : v));
    });
    await loadRows(engine, HEAD, rows.map((x) => x.map((v) => (v === '' ? null : v))));
    const worked = analysis({ econActivity: { columns: ['absent'] }, econHours: { columns: ['econ_hours'] } });
    const r = await validateData(engine, worked, 'under.csv');
    const said = only(r, 'WORK_UNDER_ONE_HOUR');
    const W = HEAD.indexOf(json.mapping.weight);
    const expected = rows.filter((x) => x[abs] === '1' && x[H] !== '' && Number(x[H]) < 1 && Number(x[age]) >= 5 && Number(x[age]) <= 17 && Number(x[W]) > 0).length;
    expect(expected).toBeGreaterThanOrEqual(under);
    expect(said.map((m) => [m.severity, m.params.count])).toEqual([['info', expected]]);
    expect(said[0]!.text).toContain(`did economic activity (absent) with fewer than 1 hour of it written in econ_hours`);
    // Empty hours read as 0 (blank: "zero") are HOURS_EMPTY_AFTER_WORK's, not these.
    const zero = analysis({ econActivity: { columns: ['absent'] }, econHours: { columns: ['econ_hours'], blank: 'zero' } });
    expect(only(await validateData(engine, zero, 'under.csv'), 'WORK_UNDER_ONE_HOUR').map((m) => m.params.count)).toEqual([expected]);
    // Without the activity question, employment is the hours themselves: nothing to say.
    expect(only(await validateData(engine, analysis({ econHours: { columns: ['econ_hours'] } }), 'under.csv'), 'WORK_UNDER_ONE_HOUR')).toEqual([]);
  });

  it('children aged 15-17 who worked, none with known hours (a follow-up that did not ask them): HOURS_UNKNOWN_AT_AGES', async () => {
    // A probe: child labour at 15-17 came out 0 %, estimated from the children who did not work alone.
    const [age] = [HEAD.indexOf('age')];
    const worked = (x: string[]) => (Number(x[H]) > 0 && !['98', '99'].includes(x[H]!) ? '1' : '2');
    const blind = (keep: number) => {
      let kept = 0;
      return ROWS.map((x) => {
        const old = Number(x[age]) >= 15 && Number(x[age]) <= 17 && worked(x) === '1';
        const hours = old && kept++ >= keep ? null : x[H]!;
        return [...x.map((v, j) => (j === H ? hours : v || null)), worked(x)];
      });
    };
    const n = ROWS.filter((x) => Number(x[age]) >= 15 && Number(x[age]) <= 17 && worked(x) === '1').length;
    expect(n).toBeGreaterThan(1);
    const a = analysis({ econActivity: { columns: ['worked'], yes: ['1'] } });
    await loadRows(engine, [...HEAD, 'worked'], blind(0));
    const r = await validateData(engine, a, 'followup.csv');
    const [w, ...more] = only(r, 'HOURS_UNKNOWN_AT_AGES');
    expect(more).toEqual([]);
    expect(w).toMatchObject({ severity: 'warning', params: { count: n, from: 15, to: 17, activity: 'worked', columns: 'econ_hours' } });
    expect(w!.text).toContain(`None of the ${n} children aged 15-17 in followup.csv who did economic activity (worked) have known hours (econ_hours)`);
    for (const t of seen(w!)) expect(t).not.toMatch(/\{\w+\}/);
    // One of them with hours: the band is measured, no message.
    await loadRows(engine, [...HEAD, 'worked'], blind(1));
    expect(only(await validateData(engine, a, 'followup.csv'), 'HOURS_UNKNOWN_AT_AGES')).toEqual([]);
  });

  it('hours "not applicable" for the children who did not work: HOURS_MISSING_SHARE is of the children not known to be out of work', async () => {
    // A walk (a DHS file): "80.2 % have no known hours" where 1.7 % had; the others were known not to
    // work (hours .b "not applicable") and stayed in every estimate.
    const worked = (x: string[]) => (Number(x[H]) > 0 && !['98', '99'].includes(x[H]!) ? '1' : '2');
    let dk = 0;
    const rows = ROWS.map((x) => {
      const w = worked(x);
      const hours = w === '2' || (w === '1' && dk++ < 3) ? '99' : x[H]!;
      return [...x.map((v, j) => (j === H ? hours : v || null)), w];
    });
    await loadRows(engine, [...HEAD, 'worked'], rows);
    const r = await validateData(engine, analysis({ econActivity: { columns: ['worked'], yes: ['1'] } }), 'dhs.csv');
    const share = only(r, 'HOURS_MISSING_SHARE').find((f) => f.params.role === 'econHours')!;
    // Employed: worked, or temporarily absent from a job (absent = 1; hours "not applicable" here too).
    const absent = HEAD.indexOf('absent');
    const away = ROWS.filter((x) => worked(x) === '2' && x[absent] === '1').length;
    const employed = ROWS.filter((x) => worked(x) === '1').length + away;
    expect(share.params).toMatchObject({ count: 3 + away, children: employed, asked: 'notOutOfWork' });
    expect(share.text).toContain(`Of the ${employed} children who may have worked (not known to be out of work) aged 5-17 in dhs.csv, ${3 + away} (`);
    expect(share.text).toContain(') have no known hours of economic activity');
    for (const t of seen(share)) expect(t).not.toMatch(/\{\w+\}|notOutOfWork/);
  });

  it('a yes/no role with no known answer for the children: its share is said, as for hours; for a hazard, only of children not known to be out of work', async () => {
    const col = HEAD.indexOf('night_work');
    await loadRows(engine, HEAD, ROWS.map((x) => x.map((v, j) => (j === col ? null : v || null))));
    const r = await validateData(engine, analysis(), 'blank.csv');
    // Counted by hand from the file: aged 5-17 (every weight is positive), and not known to be out of
    // work: hours of economic activity (98, 99 missing) not known to be below 1 or the absence "1" or unknown.
    const at = (x: string[], c: string) => x[HEAD.indexOf(c)]!;
    const child = (x: string[]) => Number(at(x, 'age')) >= 5 && Number(at(x, 'age')) <= 17;
    const hoursKnown = (x: string[]) => !['', '98', '99'].includes(at(x, 'econ_hours'));
    const outOfWork = (x: string[]) => hoursKnown(x) && Number(at(x, 'econ_hours')) < 1 && at(x, 'absent') !== '' && at(x, 'absent') !== '1';
    const mayWork = ROWS.filter((x) => child(x) && !outOfWork(x));
    expect(mayWork.length).toBeLessThan(r.children!);
    const [heavy, w, ...more] = only(r, 'YESNO_MISSING_SHARE');
    expect(more).toEqual([]);
    // heavy_loads's "9" (declared missing) is an unknown answer too: its share is said with its own count.
    expect(heavy).toMatchObject({ params: { role: 'hazards.heavy_loads', count: mayWork.filter((x) => at(x, 'heavy_loads') === '9').length } });
    // Its share is of those children (a probe: it was of all children, 8.6 % where 15.5 % had no answer).
    expect(w).toMatchObject({ severity: 'warning', params: { role: 'hazards.night_work', columns: 'night_work', count: mayWork.length, children: mayWork.length, among: 'notOutOfWork', effect: 'leaveHazard' } });
    expect(w!.text).toBe(`100 % of the children aged 5-17 in blank.csv not known to be out of work (${mayWork.length.toLocaleString('en')} of ${mayWork.length.toLocaleString('en')}) have no known answer for hazardous condition night work (night_work).`);
    const heavyShare = Math.round((1000 * Number(heavy!.params.count)) / mayWork.length) / 10;
    expect(heavy!.text).toContain(`${heavyShare} % of the children aged 5-17 in blank.csv not known to be out of work (`);
    for (const t of seen(w!)) expect(t).not.toMatch(/\{\w+\}/);
  });

  it('the temporary absence, asked of children who did not work: its unknown answers counted among children not known to be at work', async () => {
    const col = HEAD.indexOf('absent');
    const at = (x: string[], c: string) => x[HEAD.indexOf(c)]!;
    const child = (x: string[]) => Number(at(x, 'age')) >= 5 && Number(at(x, 'age')) <= 17;
    // At work by their hours (98, 99 missing): known to be at work when 1 hour or more.
    const atWork = (x: string[]) => !['', '98', '99'].includes(at(x, 'econ_hours')) && Number(at(x, 'econ_hours')) >= 1;
    // The absence left blank for every child who worked (a skip pattern), and for every third other child.
    const rows = ROWS.map((x, i) => x.map((v, j) => (j === col && (atWork(x) || i % 3 === 0) ? null : v || null)));
    await loadRows(engine, HEAD, rows);
    const r = await validateData(engine, analysis(), 'absent.csv');
    const asked = ROWS.filter((x) => child(x) && !atWork(x));
    const unknown = ROWS.filter((x, i) => child(x) && !atWork(x) && (i % 3 === 0 || at(x, 'absent') === ''));
    const [w, ...more] = only(r, 'YESNO_MISSING_SHARE').filter((f) => f.params.role === 'absentFromJob');
    expect(more).toEqual([]);
    expect(w).toMatchObject({ params: { count: unknown.length, children: asked.length, among: 'notAtWork' } });
    expect(w!.text).toContain(`of the children aged 5-17 in absent.csv not known to be at work by their hours or activity (${unknown.length} of ${asked.length})`);
    for (const t of seen(w!)) expect(t).not.toMatch(/\{\w+\}/);
  });

  it('codes written as pandas writes a float column ("98.0", "1.0", "0.0") read as "98", "1", "0": the same results, no new warning', async () => {
    // Every numeric column as pandas writes a float column: the sex, area and universe codes too
    // (mapped "1" and "2") and the categories of a breakdown (school): results carry the codes as
    // mapped, and "1.0" as the category "1".
    const FLOAT = ['econ_hours', 'heavy_loads', 'night_work', 'absent', 'sex', 'area', 'age', 'school'];
    const rows = (float: boolean) => ROWS.map((x) => x.map((v, j) => {
      if (v === '') return null;
      return float && FLOAT.includes(HEAD[j]!) && /^[0-9]+$/.test(v) ? `${v}.0` : v;
    }));
    const universe = { universe: { column: 'area', keep: ['2'] } };
    const results = async (float: boolean) => {
      await loadRows(engine, HEAD, rows(float));
      const r = await validateData(engine, analysis(universe), 'pandas.csv');
      const run = await runAnalysis(engine, analysis(universe), 'pandas.csv');
      return { codes: r.findings.map((f) => f.code).sort(), rows: run.rows, inside: r.universe?.inside };
    };
    const plain = await results(false);
    const float = await results(true);
    expect(ROWS.some((x) => x[H] === '98')).toBe(true); // the analysis declares 98 and 99 missing in econ_hours
    expect(float.codes).toEqual(plain.codes);
    expect(float.codes).not.toContain('MAPPED_CODES_NOT_FOUND');
    expect(float.inside).toBe(plain.inside);
    expect(plain.inside).toBeGreaterThan(0);
    expect(float.rows).toEqual(plain.rows);
    expect(float.rows.filter((r) => r.cell.sex === '2').length).toBeGreaterThan(0);
    expect(float.rows.filter((r) => r.cell.area === '2').length).toBeGreaterThan(0);
    // The codes as the Map step offers them from such a file ("1.0", "2.0"): the same estimates, the
    // rows named by those codes (the sex and area rows were all missing when cells were read as "1").
    const asShown = { sex: { column: 'sex', male: '1.0', female: '2.0' }, area: { column: 'area', urban: '1.0', rural: '2.0' }, universe: { column: 'area', keep: ['2.0'] } };
    const r = await validateData(engine, analysis(asShown), 'pandas.csv');
    expect(r.findings.map((f) => f.code).sort()).toEqual(plain.codes);
    const shown = await runAnalysis(engine, analysis(asShown), 'pandas.csv');
    const back = (c: Record<string, string>) => Object.fromEntries(Object.entries(c).map(([k, v]) => [k, (k === 'sex' || k === 'area') && v ? v.replace('.0', '') : v]));
    expect(shown.rows.map((x) => ({ ...x, cell: back(x.cell) }))).toEqual(plain.rows);
    expect(shown.rows.filter((x) => x.cell.sex === '2.0').length).toBeGreaterThan(0);
  });

  it('codes written with two decimals ("98.00", Excel\'s Save as CSV) or zero-filled ("098", "01", CSPro) are the mapped codes: the same results, no new warning', async () => {
    // A probe: a declared 98 written "98.00" or "098" was read as 98 hours a day (SDG child labour
    // 0.505 against R's 0.483, no message), and yes "1" written "1.00" as no.
    const CODED = ['econ_hours', 'heavy_loads', 'night_work', 'absent', 'sex', 'area'];
    const written = (v: string, i: number) => (i % 3 === 0 ? `${v}.00` : i % 3 === 1 ? v.padStart(3, '0') : v);
    const rows = (odd: boolean) => ROWS.map((x, i) => x.map((v, j) => (v === '' ? null : odd && CODED.includes(HEAD[j]!) && /^[0-9]+$/.test(v) ? written(v, i) : v)));
    const universe = { universe: { column: 'area', keep: ['2'] } };
    const results = async (odd: boolean) => {
      await loadRows(engine, HEAD, rows(odd));
      const r = await validateData(engine, analysis(universe), 'excel.csv');
      const run = await runAnalysis(engine, analysis(universe), 'excel.csv');
      return { codes: r.findings.map((f) => f.code).sort(), rows: run.rows, inside: r.universe?.inside };
    };
    const plain = await results(false);
    const odd = await results(true);
    expect(rows(true).some((x) => x[H] === '98.00') && rows(true).some((x) => x[H] === '098')).toBe(true);
    expect(odd.codes).toEqual(plain.codes);
    expect(odd.inside).toBe(plain.inside);
    expect(odd.rows).toEqual(plain.rows);
    expect(plain.rows.some((r) => r.indicator === 'hazardous_work' && r.estimate! > 0)).toBe(true);
  });

  it('sex, area and universe codes written "1.00" on some rows (a fixed-decimals export) are "1": the same results, no code left unmapped', async () => {
    const S = HEAD.indexOf('sex');
    const A = HEAD.indexOf('area');
    const universe = { universe: { column: 'area', keep: ['2'] } };
    const run = async (odd: boolean) => {
      await loadRows(engine, HEAD, ROWS.map((x, i) => x.map((v, j) => (v === '' ? null : odd && i % 7 === 0 && (j === S || j === A) ? `${v}.00` : v))));
      const r = await validateData(engine, analysis(universe), 'fixed.csv');
      return { codes: r.findings.map((f) => f.code).sort(), inside: r.universe?.inside, rows: (await runAnalysis(engine, analysis(universe), 'fixed.csv')).rows };
    };
    const plain = await run(false);
    const odd = await run(true);
    expect(odd.codes).toEqual(plain.codes);
    expect(odd.codes).not.toContain('CODE_NOT_MAPPED');
    expect(odd.inside).toBe(plain.inside);
    expect(odd.rows).toEqual(plain.rows);
  });

  it('sex and area words in other capitals ("m" among "M") or in the other Unicode form (a macOS "Féminin") are their codes: the same results, no code left unmapped', async () => {
    const S = HEAD.indexOf('sex');
    const A = HEAD.indexOf('area');
    const words = { sex: { column: 'sex', male: 'Masculin', female: 'Féminin' }, area: { column: 'area', urban: 'Urbain', rural: 'Rural' } };
    const male = ['MASCULIN', 'masculin'];
    const female = ['Féminin'.normalize('NFD'), 'féminin', 'FÉMININ'.normalize('NFD'), 'FÉMININ'];
    const run = async (mixed: boolean) => {
      await loadRows(engine, HEAD, ROWS.map((x, i) => x.map((v, j) => {
        if (j === S) return mixed && i % 5 === 0 ? (v === '1' ? male[i % 2]! : female[i % 4]!) : v === '1' ? 'Masculin' : 'Féminin';
        if (j === A) return mixed && i % 3 === 0 ? (v === '1' ? 'urbain' : 'RURAL') : v === '1' ? 'Urbain' : 'Rural';
        return v === '' ? null : v;
      })));
      const r = await validateData(engine, analysis(words), 'words.csv');
      return { codes: r.findings.map((f) => f.code).sort(), rows: (await runAnalysis(engine, analysis(words), 'words.csv')).rows };
    };
    const plain = await run(false);
    const mixed = await run(true);
    expect(mixed.codes).not.toContain('CODE_NOT_MAPPED');
    expect(mixed.codes).toEqual(plain.codes);
    expect(mixed.rows).toEqual(plain.rows);
    expect(plain.rows.filter((r) => r.cell.sex === 'Féminin').length).toBeGreaterThan(0);
    expect(plain.rows.filter((r) => r.cell.area === 'Rural').length).toBeGreaterThan(0);
  });

  it('a code neither mapped code in any writing: CODE_NOT_MAPPED says the mapping takes one code per group and what to do', async () => {
    const S = HEAD.indexOf('sex');
    await loadRows(engine, HEAD, ROWS.map((x, i) => x.map((v, j) => (j === S && i % 50 === 0 ? 'H' : v === '' ? null : v))));
    const [w] = only(await validateData(engine, analysis(), 'keyed.csv'), 'CODE_NOT_MAPPED');
    expect(w?.params).toMatchObject({ value: 'H', count: Math.ceil(ROWS.length / 50), row: 1 });
    expect(w!.action).toBe('The mapping takes one code per group (the code written in other capitals or accents is already read as it): if "H" means one of the groups, write that group\'s code in its cells in a copy of the data file. A code for an unknown sex can stay as it is: those children count in the total only.');
    for (const x of seen(w!)) expect(x).not.toMatch(/\{\w+\}/);
  });

  it('weights that are no finite number: WEIGHT_NOT_FINITE names their rows and quotes the first as the first (a walk read "inf" as the value of both rows)', async () => {
    const W = HEAD.indexOf('weight');
    await loadRows(engine, HEAD, ROWS.map((x, i) => x.map((v, j) => (j === W && i === 2 ? 'inf' : j === W && i === 8 ? 'Infinity' : v === '' ? null : v))));
    const [e] = only(await validateData(engine, analysis(), 'inf.csv'), 'WEIGHT_NOT_FINITE');
    expect(e!.text).toBe('Weight column "weight" of inf.csv holds values that are not a finite number at rows 3, 9 (the first is "inf"; 2 rows in all).');
    expect(seen(e!)[1]).toContain('(la première est « inf » ; 2 lignes en tout)');
  });

  it('ISIC classes written as NACE writes them ("08.10", "41.00") at level class: their divisions, as the divisions read at level division; no level warning', async () => {
    const I = HEAD.indexOf('isic');
    await loadRows(engine, HEAD, ROWS.map((x) => x.map((v) => (v === '' ? null : v))));
    const divisions = await runAnalysis(engine, analysis(), 'survey.csv');
    await loadRows(engine, HEAD, ROWS.map((x, i) => x.map((v, j) => (v === '' ? null : j === I ? `${v.padStart(2, '0')}.${i % 2 ? '10' : '00'}` : v))));
    const r = await validateData(engine, analysis({ industry: { column: 'isic', level: 'class' } }), 'nace.csv');
    expect(r.findings.map((f) => f.code)).not.toContain('INDUSTRY_DIVISIONS_AS_CLASSES');
    const nace = await runAnalysis(engine, analysis({ industry: { column: 'isic', level: 'class' } }), 'nace.csv');
    expect(nace.rows).toEqual(divisions.rows);
    // Without the point, "8" at level class is class 0008, no division: the warning, and fewer in hazardous work.
    await loadRows(engine, HEAD, ROWS.map((x) => x.map((v) => (v === '' ? null : v))));
    const asClass = await runAnalysis(engine, analysis({ industry: { column: 'isic', level: 'class' } }), 'survey.csv');
    const hw = (rows: typeof nace.rows) => rows.find((x) => x.indicator === 'hazardous_work' && x.breakdown === 'total')!.estimate;
    expect(hw(asClass.rows)!).toBeLessThan(hw(nace.rows)!);
  });

  it('adults aged "95+", "95 ans et plus" and "97 years and over" (a household roster exported with its value labels): no age, in no domain, said; the numbers of the file with 95 written; "15+" stays an error', async () => {
    // A DHS PR file's hv105 as Stata's export delimited writes it: 95 labelled "95+". The run stopped (VALUE_NOT_NUMERIC).
    const A = HEAD.indexOf('age');
    const adults = (ages: string[]) => ages.map((a, k) => ROWS[k * 7]!.map((v, j) => (j === A ? a : v === '' ? null : v)));
    const rows = ROWS.map((x) => x.map((v) => (v === '' ? null : v)));
    await loadRows(engine, HEAD, [...rows, ...adults(['95', '95', '97'])]);
    const numbers = await runAnalysis(engine, analysis(), 'numbers.csv');
    await loadRows(engine, HEAD, [...rows, ...adults(['95+', '95 ans et plus', '97 years and over'])]);
    const report = await validateData(engine, analysis(), 'labels.csv');
    expect(report.ok).toBe(true);
    expect(only(report, 'AGE_TOP_CODED').map((m) => [m.severity, m.params.count, m.params.row, m.params.value])).toEqual([['info', 3, ROWS.length + 1, '95+']]);
    expect(only(report, 'AGE_INVALID')).toEqual([]);
    expect(formatMessageIn(only(report, 'AGE_TOP_CODED')[0]!, 'en')).toContain(`writes 3 ages as a top code with its label (first at row ${ROWS.length + 1}: "95+")`);
    for (const t of seen(only(report, 'AGE_TOP_CODED')[0]!)) expect(t).not.toMatch(/\{\w+\}/);
    const labelled = await runAnalysis(engine, analysis(), 'labels.csv');
    expect(labelled.rows).toEqual(numbers.rows);
    await loadRows(engine, HEAD, [...rows, ...adults(['15+'])]);
    const young = await validateData(engine, analysis(), 'young.csv');
    expect(only(young, 'VALUE_NOT_NUMERIC').map((m) => [m.params.column, m.params.value])).toEqual([['age', '15+']]);
  });

  it('a roster\'s adults with "not applicable" in the child questions (hours, answers): in no estimate, so nothing stops or warns; the numbers of the file with them blank. A child\'s still stops the run', async () => {
    // A probe: 1,270 adults' "not applicable" stopped the run (VALUE_NOT_NUMERIC) and were counted as answers read as "no".
    const [A, H, AB] = ['age', 'econ_hours', 'absent'].map((c) => HEAD.indexOf(c)) as [number, number, number];
    const rows = ROWS.map((x) => x.map((v) => (v === '' ? null : v)));
    const adults = (cell: string | null) => ROWS.slice(0, 20).map((x) => x.map((v, j) => (j === A ? '40' : j === H || j === AB ? cell : v === '' ? null : v)));
    await loadRows(engine, HEAD, [...rows, ...adults(null)]);
    const blank = await runAnalysis(engine, analysis(), 'blank.csv');
    await loadRows(engine, HEAD, [...rows, ...adults('not applicable')]);
    const r = await validateData(engine, analysis(), 'roster.csv');
    expect(r.ok).toBe(true);
    expect(r.findings.filter((f) => ['VALUE_NOT_NUMERIC', 'YESNO_CODES_READ_AS_NO'].includes(f.code))).toEqual([]);
    expect((await runAnalysis(engine, analysis(), 'roster.csv')).rows).toEqual(blank.rows);
    // Nor an adult's NaN in an answer (pandas, R), which a child's stops as not finite.
    await loadRows(engine, HEAD, [...rows, ...adults('NaN')]);
    expect((await validateData(engine, analysis(), 'nan.csv')).findings.filter((f) => f.severity === 'error')).toEqual([]);
    const child = rows.findIndex((x) => Number(x[A]) >= 5 && Number(x[A]) <= 17);
    await loadRows(engine, HEAD, [...rows.map((x, i) => (i === child ? x.map((v, j) => (j === H ? 'not applicable' : v)) : x)), ...adults('not applicable')]);
    const stopped = await validateData(engine, analysis(), 'child.csv');
    expect(only(stopped, 'VALUE_NOT_NUMERIC').map((f) => [f.params.column, f.params.row, f.params.count])).toEqual([['econ_hours', child + 1, 1]]);
  });

  it('clusters numbered within region x area with only the region as stratum: urban and rural children in one cluster, said (PSU_ACROSS_AREAS); not on the file as drawn', async () => {
    // A probe: strata of region x area, the stratum mapped as the region; standard errors off by up to 80 % with no word.
    const [S, P, AREA] = ['stratum', 'psu', 'area'].map((c) => HEAD.indexOf(c)) as [number, number, number];
    const ranks = new Map<string, Map<string, number>>();
    const renumbered = ROWS.map((x) => {
      const key = `${x[S]}|${x[AREA]}`;
      const seen = ranks.get(key) ?? new Map<string, number>();
      ranks.set(key, seen);
      if (!seen.has(x[P]!)) seen.set(x[P]!, seen.size + 1);
      return x.map((v, j) => (j === P ? String(seen.get(x[P]!)) : v === '' ? null : v));
    });
    await loadRows(engine, HEAD, renumbered);
    const r = await validateData(engine, analysis(), 'within-area.csv');
    const [w, ...more] = only(r, 'PSU_ACROSS_AREAS');
    expect(more).toEqual([]);
    expect(w).toMatchObject({ severity: 'warning', params: { column: 'psu', area: 'area', areas: '1, 2', row: 1 } });
    expect(Number(w!.params.count)).toBeGreaterThan(0);
    for (const t of seen(w!)) expect(t).not.toMatch(/\{\w+\}/);
    await loadRows(engine, HEAD, ROWS.map((x) => x.map((v) => (v === '' ? null : v))));
    expect(only(await validateData(engine, analysis(), 'as-drawn.csv'), 'PSU_ACROSS_AREAS')).toEqual([]);
  });

  it('a blank age in the universe is AGE_INVALID with its row; outside the universe (an incomplete interview) it is not', async () => {
    const A = HEAD.indexOf('age');
    const AREA = HEAD.indexOf('area');
    const urban = ROWS.findIndex((x) => x[AREA] === '1' && x[A] !== '');
    const rural = ROWS.findIndex((x) => x[AREA] === '2' && x[A] !== '');
    await loadRows(engine, HEAD, ROWS.map((x, i) => x.map((v, j) => (j === A && (i === urban || i === rural) ? null : v === '' ? null : v))));
    const all = only(await validateData(engine, analysis(), 'blank-age.csv'), 'AGE_INVALID');
    expect(all.map((m) => m.params)).toMatchObject([{ row: Math.min(urban, rural) + 1, count: 2 }]);
    const inUrban = await validateData(engine, analysis({ universe: { column: 'area', keep: ['1'] } }), 'blank-age.csv');
    expect(only(inUrban, 'AGE_INVALID').map((m) => m.params)).toMatchObject([{ row: urban + 1, count: 1 }]);
    expect(inUrban.agesInvalid).toBe(1);
  });

  it('no weight outside the universe (fsweight system-missing for incomplete interviews): weight 0, said; the numbers of the file with 0 written; in the universe still an error', async () => {
    // A probe: MICS's fs.sav with fsweight missing, not 0, for FS17 != 1 was refused (WEIGHT_MISSING).
    const W = HEAD.indexOf(json.mapping.weight);
    const AREA = HEAD.indexOf('area');
    const universe = { universe: { column: 'area', keep: ['1'] } };
    const rural = ROWS.flatMap((x, i) => (x[AREA] === '2' ? [i] : []));
    const blanked = (v: string | null) => ROWS.map((x, i) => x.map((c, j) => (j === W && rural.includes(i) ? v : c === '' ? null : c)));
    await loadRows(engine, HEAD, blanked('0'));
    const zero = await runAnalysis(engine, analysis(universe), 'zero.csv');
    await loadRows(engine, HEAD, blanked(null));
    const report = await validateData(engine, analysis(universe), 'blank.csv');
    expect(report.ok).toBe(true);
    expect(only(report, 'WEIGHT_MISSING')).toEqual([]);
    expect(only(report, 'WEIGHT_MISSING_OUTSIDE_UNIVERSE').map((m) => [m.severity, m.params.count, m.params.row])).toEqual([['info', rural.length, rural[0]! + 1]]);
    const blank = await runAnalysis(engine, analysis(universe), 'blank.csv');
    expect(blank.rows).toEqual(zero.rows);
    expect(blank.design).toEqual(zero.design);
    // Without the universe those rows are in scope: an error, as before.
    const without = await validateData(engine, analysis(), 'blank.csv');
    expect(without.ok).toBe(false);
    expect(only(without, 'WEIGHT_MISSING').map((m) => m.params.count)).toEqual([rural.length]);
  });
});
