import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAnalysis, resolveAnalysis } from '../analysis/analysisFile.js';
import type { Engine } from '../analysis/engine/engine.js';
import { importData, type ImportResult } from '../analysis/import/load.js';
import { reportText } from '../analysis/cli/reportText.js';
import { runAnalysis } from '../analysis/run.js';
import { mergeMessages, validateData } from '../analysis/validate.js';
import { unknownColumns } from '../analysis/unknownColumns.js';
import { mappedColumns } from '../analysis/mapping.js';
import { formatMessageIn } from '../analysis/messages.js';
import { ENGINES, loadRows } from './engines.js';
import { engineFor, sourceFor } from './import/sources.js';

/**
 * The validation report (validateData): the counts and the findings a user sees before any estimate,
 * on each engine. Errors make `ok` false and stop the estimate; warnings travel with the results.
 */
const DIR = new URL('./fixtures/import/formats/', import.meta.url).pathname;
const path = DIR + 'survey.analysis.json';
const analysis = parseAnalysis(readFileSync(path, 'utf8'), path);
const csvRows = readFileSync(DIR + 'survey.csv', 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
const COL = Object.fromEntries(readFileSync(DIR + 'survey.csv', 'utf8').split('\n')[0]!.split(',').map((c, i) => [c, i]));
const unknownHours = csvRows.filter((r) => ['98', '99'].includes(r[COL.econ_hours!]!)).length;

describe.each(ENGINES)('the validation report on %s', (engineName) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await engineFor(engineName, [DIR + 'survey.csv', DIR + 'survey.sav']);
  });
  afterAll(() => engine?.close());

  it('counts rows, children, weights, design, ages and unknown hours of a clean file', async () => {
    await importData(engine, sourceFor(engineName, DIR + 'survey.csv'));
    const r = await validateData(engine, analysis, 'survey.csv');
    expect(r).toMatchObject({
      rowsRead: 576,
      children: 576,
      ageRange: [5, 17],
      weights: { column: 'weight', missing: 0, zero: 0, negative: 0, notNumeric: 0 },
      agesInvalid: 0,
      design: { strata: 6, psus: 48, lonelyStrata: [], psuIdsRepeatAcrossStrata: true, nested: true, df: 42 },
      ok: true,
    });
    expect(r.hours).toEqual([
      { role: 'econHours', columns: ['econ_hours'], missing: unknownHours, share: unknownHours / 576 },
      { role: 'choresHours', columns: ['chores_hours'], missing: csvRows.filter((x) => x[COL.chores_hours!] === '').length, share: expect.any(Number) },
    ]);
    const codes = r.findings.map((f) => f.code);
    expect(codes).toEqual(expect.arrayContaining(['HOURS_MISSING_SHARE', 'PSU_NESTED_INFO']));
    expect(codes).not.toContain('WEIGHT_ZERO');
    for (const f of r.findings) expect(f.action.length).toBeGreaterThan(5);
  });

  it('the same counts as the run: design df and children in scope agree with runAnalysis', async () => {
    await importData(engine, sourceFor(engineName, DIR + 'survey.csv'));
    const r = await validateData(engine, analysis, 'survey.csv');
    const run = await runAnalysis(engine, analysis, 'survey.csv');
    expect(r.design).toMatchObject({ strata: run.design.strata, psus: run.design.psus, df: run.design.df });
    expect(r.children).toBe(run.childrenInScope);
    const merged = mergeMessages(r.findings, run.messages);
    expect(merged.filter((m) => m.code === 'PSU_NESTED_INFO')).toHaveLength(1);
  });

  it('codes the file declares missing are reported (SPSS user-missing 98/99 and 9), with their counts', async () => {
    const imported = await importData(engine, sourceFor(engineName, DIR + 'survey.sav'));
    expect(imported.labels.missing.econ_hours).toEqual({
      '98': csvRows.filter((x) => x[COL.econ_hours!] === '98').length,
      '99': csvRows.filter((x) => x[COL.econ_hours!] === '99').length,
    });
    const r = await validateData(engine, analysis, 'survey.sav', imported.labels);
    const notes = r.findings.filter((f) => f.code === 'DATA_USER_MISSING');
    expect(notes.map((n) => n.params.column).sort()).toEqual(['econ_hours', 'heavy_loads', 'night_work']);
    expect(notes.every((n) => n.severity === 'info')).toBe(true);
    // A declared code the role reads as not asked follows the blank rule: not said to be read as missing.
    const withNotAsked = (notAsked: string[]) => resolveAnalysis({ ...JSON.parse(readFileSync(path, 'utf8')), mapping: { ...analysis.mapping, econHours: { ...analysis.mapping.econHours!, notAsked } } }, 'x.json');
    const one = (await validateData(engine, withNotAsked(['98']), 'survey.sav', imported.labels)).findings.find((f) => f.code === 'DATA_USER_MISSING' && f.params.column === 'econ_hours');
    expect(one?.params).toMatchObject({ codes: `99: ${imported.labels.missing.econ_hours!['99']}`, count: imported.labels.missing.econ_hours!['99'] });
    const none = (await validateData(engine, withNotAsked(['98', '99']), 'survey.sav', imported.labels)).findings.filter((f) => f.code === 'DATA_USER_MISSING');
    expect(none.map((n) => n.params.column).sort()).toEqual(['heavy_loads', 'night_work']);
  });

  describe('on edited rows', () => {
    const HEAD = Object.keys(COL);
    const edited = async (edit: (rows: string[][]) => void, over: Record<string, unknown> = {}) => {
      const rows = csvRows.map((r) => [...r]);
      edit(rows);
      await loadRows(engine, HEAD, rows.map((r) => r.map((v) => (v === '' ? null : v))));
      const json = JSON.parse(readFileSync(path, 'utf8'));
      return validateData(engine, resolveAnalysis({ ...json, ...over, mapping: { ...json.mapping, ...(over.mapping as object) } }, 'edited.json'), 'edited.csv');
    };
    const w = COL.weight!;

    it('negative, missing and text weights are errors naming the first rows; zero weights a warning', async () => {
      const r = await edited((rows) => {
        for (const i of [4, 9, 11, 20, 30, 40, 50]) rows[i]![w] = '-1';
        rows[2]![w] = '';
        rows[3]![w] = '0';
        rows[6]![w] = 'n.d.';
      });
      expect(r.ok).toBe(false);
      expect(r.weights).toEqual({ column: 'weight', missing: 1, zero: 1, zeroInUniverse: 1, negative: 7, notNumeric: 1 });
      const by = Object.fromEntries(r.findings.map((f) => [f.code, f]));
      expect(by.WEIGHT_NEGATIVE).toMatchObject({ severity: 'error', params: { row: 5, rows: '5, 10, 12, 21, 31, ...', count: 7 } });
      expect(by.WEIGHT_NEGATIVE!.text).toContain('at rows 5, 10, 12, 21, 31, ...');
      expect(by.WEIGHT_MISSING).toMatchObject({ severity: 'error', params: { rows: '3' } });
      expect(by.WEIGHT_ZERO).toMatchObject({ severity: 'warning', params: { rows: '4' } });
      expect(by.VALUE_NOT_NUMERIC).toMatchObject({ severity: 'error', params: { role: 'weight', value: 'n.d.', row: 7 } });
      // Errors first, then warnings, then notes.
      const order = r.findings.map((f) => f.severity);
      expect(order).toEqual([...order].sort((a, b) => ['error', 'warning', 'info'].indexOf(a) - ['error', 'warning', 'info'].indexOf(b)));
    });

    it('ages outside 0-120; an exact age (7.5) read as its completed years; sex and area codes the mapping does not cover', async () => {
      const r = await edited((rows) => {
        rows[1]![COL.age!] = '130';
        rows[2]![COL.age!] = '7.5';
        rows[5]![COL.sex!] = '3';
        rows[8]![COL.area!] = '9';
      });
      expect(r.ok).toBe(true);
      expect(r.agesInvalid).toBe(1);
      expect(r.children).toBe(575);
      const codes = r.findings.map((f) => `${f.code}:${f.params.role ?? ''}`);
      expect(codes).toEqual(expect.arrayContaining(['AGE_INVALID:', 'AGE_FRACTIONAL:', 'CODE_NOT_MAPPED:sex', 'CODE_NOT_MAPPED:area']));
      expect(r.findings.find((f) => f.code === 'AGE_FRACTIONAL')).toMatchObject({ severity: 'info', params: { row: 3, count: 1, value: '7.5', whole: '7' } });
    });

    it('text in a numeric role is an error; a declared missing code is not', async () => {
      const r = await edited((rows) => (rows[3]![COL.chores_hours!] = 'DK'));
      expect(r.findings.find((f) => f.code === 'VALUE_NOT_NUMERIC')?.params).toMatchObject({ role: 'choresHours', value: 'DK', row: 4 });
      const ok = await edited((rows) => (rows[3]![COL.chores_hours!] = 'DK'), { mapping: { choresHours: { columns: ['chores_hours'], missingCodes: ['DK'] } } });
      expect(ok.ok).toBe(true);
    });

    it('an age written as a don\'t-know ("DK", "NSP", "No sabe": value labels saved as text) is an unknown age, in no domain, said; another text age an error', async () => {
      // A probe: "DK" in the age stopped the run (VALUE_NOT_NUMERIC), with no missing code to declare for the age.
      const r = await edited((rows) => {
        rows[1]![COL.age!] = 'DK';
        rows[2]![COL.age!] = 'NSP';
        rows[3]![COL.age!] = 'No sabe';
      });
      expect(r.ok).toBe(true);
      expect(r.findings.map((f) => f.code)).not.toContain('VALUE_NOT_NUMERIC');
      expect(r.findings.find((f) => f.code === 'AGE_INVALID')?.params).toMatchObject({ row: 2, count: 3 });
      expect(r.agesInvalid).toBe(3);
      const typo = await edited((rows) => (rows[1]![COL.age!] = 'l2'));
      expect(typo.findings.find((f) => f.code === 'VALUE_NOT_NUMERIC')?.params).toMatchObject({ role: 'age', value: 'l2', row: 2 });
    });

    it('weights written with a thousands separator: an error saying so, and how to save plain numbers', async () => {
      const r = await edited((rows) => {
        rows[4]![COL.weight!] = '1,521.87';
        rows[6]![COL.weight!] = '2 004,5';
      });
      const f = r.findings.filter((x) => x.code === 'VALUE_THOUSANDS_SEPARATOR');
      expect(f.map((x) => [x.params.column, x.params.row, x.params.count, x.params.texts])).toEqual([['weight', 5, 2, '"1,521.87": 1, "2 004,5": 1']]);
      // A thin space, as a typeset table copied into a sheet writes it (a probe: "not a number" only).
      const thin = await edited((rows) => void (rows[8]![COL.weight!] = '3\u2009740.913'));
      expect(thin.findings.filter((x) => x.code.startsWith('VALUE_')).map((x) => [x.code, x.params.value])).toEqual([['VALUE_THOUSANDS_SEPARATOR', '3\u2009740.913']]);
      expect(f[0]!.action).toContain('without "Use 1000 Separator"');
      expect(r.findings.map((x) => x.code)).not.toContain('VALUE_NOT_NUMERIC');
    });

    it('Survey Solutions\' "##N/A##" in hours: said as a question not asked, with notAsked as the fix (a probe: the advice was missingCodes, which leaves those hours unknown)', async () => {
      const r = await edited((rows) => [3, 5, 7].forEach((i) => (rows[i]![COL.chores_hours!] = '##N/A##')));
      const f = r.findings.filter((x) => x.code.startsWith('VALUE_'));
      expect(f.map((x) => [x.code, x.params.value, x.params.count, x.params.row])).toEqual([['VALUE_NOT_ASKED_MARK', '##N/A##', 3, 4]]);
      expect(f[0]!.action).toContain('notAsked: ["##N/A##"]');
      const declared = await edited((rows) => [3, 5, 7].forEach((i) => (rows[i]![COL.chores_hours!] = '##N/A##')), { mapping: { choresHours: { columns: ['chores_hours'], notAsked: ['##N/A##'] } } });
      expect(declared.findings.map((x) => x.code).filter((c) => c.startsWith('VALUE_'))).toEqual([]);
    });

    it('several undeclared codes in one column are all named, with their rows, so one run finds them all', async () => {
      const codes = ['nd', '-', '-', 'n.a.', '-', 'n.a.'];
      const r = await edited((rows) => codes.forEach((c, i) => (rows[10 + i]![COL.chores_hours!] = c)), { mapping: { choresHours: { columns: ['chores_hours'], missingCodes: ['DK'] } } });
      const f = r.findings.filter((x) => x.code === 'VALUE_NOT_NUMERIC');
      expect(f).toHaveLength(1);
      expect(f[0]!.text).toBe('Column "chores_hours" (hours of household chores (sum)) of edited.csv has text that is not a number at row 11: "nd" (6 rows in all; each text with its rows: "-": 3, "n.a.": 2, "nd": 1).');
    });

    it('lonely PSUs: a warning under "adjust", an error under "fail"; PSU ids across strata declared unique: an error', async () => {
      const lonely = (rows: string[][]) => rows.forEach((r) => { if (r[COL.stratum!] === '6') r[COL.psu!] = '1'; });
      const a = await edited(lonely);
      expect(a.design.lonelyStrata).toEqual(['6']);
      expect(a.findings.find((f) => f.code === 'LONELY_PSU_PRESENT')?.severity).toBe('warning');
      // Named in the order a reader counts them: stratum 6 renamed 11 and stratum 2 made lonely too give "2, 11", not "11, 2".
      const two = await edited((rows) => rows.forEach((r) => {
        if (r[COL.stratum!] === '6') [r[COL.stratum!], r[COL.psu!]] = ['11', '1'];
        if (r[COL.stratum!] === '2') r[COL.psu!] = '1';
      }));
      expect(two.design.lonelyStrata).toEqual(['2', '11']);
      const b = await edited(lonely, { options: { lonelyPsu: 'fail' } });
      expect(b.ok).toBe(false);
      expect(b.findings[0]!.code).toBe('LONELY_PSU_FAIL');
      const c = await edited(() => {}, { mapping: { psuNestedInStrata: false } });
      expect(c.findings[0]).toMatchObject({ code: 'PSU_ACROSS_STRATA', severity: 'error' });
    });

    it('a mapped column the file lacks is the one finding, and nothing else is checked; the report says nothing was counted', async () => {
      const r = await edited(() => {}, { mapping: { weight: 'poids' } });
      expect(r.ok).toBe(false);
      expect(r.findings.map((f) => f.code)).toEqual(['MAP_UNKNOWN_COLUMN']);
      // Not "0 children, 0 strata, 0 PSUs" (a walk): the command line's first line and the Data step's counts say it.
      expect(r.counted).toBe(false);
      const imported = { file: 'edited.csv', format: 'csv', table: 'src', rows: r.rowsRead, columns: [], labels: {}, messages: [], timings: {} } as unknown as ImportResult;
      const first = reportText({ report: r, imported, loadMs: 10 }).split('\n')[0];
      expect(first).toBe(`edited.csv: ${r.rowsRead} rows; nothing counted, as a column the mapping names is not in the file. 1 error.`);
      expect((await edited(() => {})).counted).toBe(true);
    });

    it('every mapped column the file lacks is named in one report; one in other capitals says which the file has', async () => {
      const r = await edited(() => {}, { mapping: { weight: 'poids', age: 'AGE', psu: 'grappe' } });
      expect(r.findings.map((f) => [f.code, f.params.role, f.params.column])).toEqual([
        ['MAP_UNKNOWN_COLUMN', 'weight', 'poids'], ['MAP_COLUMN_CASE', 'age', 'AGE'], ['MAP_UNKNOWN_COLUMN', 'psu', 'grappe'],
      ]);
      expect(r.findings[1]!.text).toBe('The role "age (completed years)" is mapped to column "AGE", which is not in edited.csv; the file has "age", the same name in other capitals.');
    });

    it('a mapped name the file writes with other characters that look the same (accents as separate marks, an invisible character) says which, and how', () => {
      const have = [...new Set(mappedColumns(analysis.mapping).map((rc) => rc.column))].filter((c) => c !== 'region');
      const m = { ...analysis.mapping, region: { column: 'Région' }, age: 'age' };
      const [nfd] = unknownColumns(m, [...have, 'Re\u0301gion'], 'macos.csv');
      expect(nfd).toMatchObject({ code: 'MAP_COLUMN_LOOKALIKE', severity: 'error', params: { column: 'Région', actual: 'Re\u0301gion', detail: 'lookalike.decomposed' } });
      expect(nfd!.text).toContain('which looks the same but is written with other characters: the accents of one of the two names are separate marks (Unicode NFD, as macOS writes names).');
      const [zw] = unknownColumns({ ...analysis.mapping, age: 'age' }, [...have.filter((c) => c !== 'age'), 'age\u200b'], 'x.csv');
      expect(zw).toMatchObject({ code: 'MAP_COLUMN_LOOKALIKE', params: { column: 'age', codes: 'U+200B' } });
      expect(formatMessageIn(zw!, 'es')).toContain('contiene un carácter invisible (U+200B)');
    });

    it('a mapped column the file lacks, in a file of many columns: the nearest names listed first (a walk: the renamed HEURES_TRAV was past the twelve listed)', () => {
      const columns = [...Array.from({ length: 40 }, (_, i) => `Q${i + 1}`), 'HEURES_TRAV', 'H_TRAV_ADULT', 'poids'];
      const m = { ...analysis.mapping, weight: 'poids', econHours: { columns: ['H_TRAV'] } };
      const found = unknownColumns(m, [...columns, ...mappedColumns(m).map((rc) => rc.column).filter((c) => c !== 'H_TRAV')], 'later.csv').find((f) => f.params.column === 'H_TRAV')!;
      expect(found.code).toBe('MAP_UNKNOWN_COLUMN');
      expect(String(found.params.available).split(', ').slice(0, 2)).toEqual(['H_TRAV_ADULT', 'HEURES_TRAV']);
    });

    it('a weight column empty on every row: WEIGHT_COLUMN_EMPTY, not a list of rows (a walk: "rows 1, 2, 3, 4, 5, …" and advice about children not interviewed)', async () => {
      const r = await edited((rows) => rows.forEach((x) => (x[COL.weight!] = '')));
      const codes = r.findings.map((f) => f.code);
      expect(codes).not.toContain('WEIGHT_MISSING');
      const e = r.findings.find((f) => f.code === 'WEIGHT_COLUMN_EMPTY')!;
      expect(e).toMatchObject({ severity: 'error', params: { column: 'weight', count: csvRows.length } });
      expect(formatMessageIn(e, 'es')).toContain('está vacía en todas las filas que necesitan una ponderación');
      // Empty on some rows only: the rows are listed, as before.
      const some = await edited((rows) => (rows[2]![COL.weight!] = ''));
      expect(some.findings.map((f) => f.code)).toContain('WEIGHT_MISSING');
      expect(some.findings.map((f) => f.code)).not.toContain('WEIGHT_COLUMN_EMPTY');
    });

    it('no child in the frameworks\' ages: NO_CHILDREN_IN_SCOPE, saying the ages the file holds', async () => {
      // A walk: a file of under-fives and adults was told only that no row was a child aged 5-17.
      const r = await edited((rows) => rows.forEach((x, i) => (x[COL.age!] = i % 3 === 0 ? String(i % 5) : String(18 + (i % 53)))));
      const [e, ...more] = r.findings.filter((f) => f.code === 'NO_CHILDREN_IN_SCOPE');
      expect(more).toEqual([]);
      expect(e!.params.ages).toBe('0-4, 18-70');
      expect(formatMessageIn(e!, 'fr')).toContain('les âges de « age » sont : 0-4, 18-70.');
      expect(r.ok).toBe(false);
      const none = await edited((rows) => rows.forEach((x) => (x[COL.age!] = 'NA')));
      expect(formatMessageIn(none.findings.find((f) => f.code === 'NO_CHILDREN_IN_SCOPE')!, 'en')).toContain('are: no age in whole years.');
    });
  });
});
