import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveAnalysis } from '../../analysis/analysisFile.js';
import type { Engine } from '../../analysis/engine/engine.js';
import type { StringColumn } from '../../analysis/import/columns.js';
import { ImportFormatError } from '../../analysis/import/errors.js';
import { bytesSource, importData, type ImportResult } from '../../analysis/import/load.js';
import { readXlsx } from '../../analysis/import/readXlsx.js';
import { isTimeFormat } from '../../analysis/import/xlsxTimes.js';
import { titleRowCount } from '../../analysis/import/titleRows.js';
import { validateData, type ValidationReport } from '../../analysis/validate.js';
import { ENGINES } from '../engines.js';
import { fixtureBytes, storedZip } from './helpers.js';
import { engineFor } from './sources.js';

/**
 * The Excel reader on a workbook written by openpyxl (the formats fixture) and on hand-made ones
 * covering what other writers do: inline strings, rich text with phonetic runs, formula results,
 * booleans, error cells, cells without references, namespace prefixes, header not in A1, empty rows.
 */
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A workbook of these sheets (a name ending in " (hidden)" is a hidden sheet of the name before it). */
function workbook(sheets: Record<string, string>, shared: string[] = [], styles?: string): Uint8Array {
  const names = Object.keys(sheets);
  const sheetTag = (n: string, i: number) => {
    const hidden = n.endsWith(' (hidden)');
    return `<sheet name="${hidden ? n.slice(0, -' (hidden)'.length) : n}" sheetId="${i + 1}"${hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`;
  };
  const entries: Record<string, string> = {
    '_rels/.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0"?><workbook ${NS}><sheets>${names.map(sheetTag).join('')}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${names.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    'xl/sharedStrings.xml': `<?xml version="1.0"?><sst ${NS} count="${shared.length}">${shared.join('')}</sst>`,
  };
  names.forEach((n, i) => (entries[`xl/worksheets/sheet${i + 1}.xml`] = sheets[n]!));
  if (styles) entries['xl/styles.xml'] = styles;
  return storedZip(entries);
}

const col = (t: { columns: StringColumn[] | unknown[] }, name: string) => {
  const c = (t.columns as StringColumn[]).find((x) => x.name === name)!;
  return c.values.map((v, i) => (c.valid[i] ? v : null));
};

describe('readXlsx', () => {
  const shared = ['<si><r><t>Équa</t></r><r><t xml:space="preserve">teur</t></r><rPh sb="0" eb="1"><t>エ</t></rPh></si>', '<si><t>Sud-Ouest</t></si>', '<si><t>id</t></si>'];
  const sheet1 = `<?xml version="1.0"?><worksheet ${NS}><sheetData>
    <row r="3"><c r="B3" t="s"><v>2</v></c><c r="C3" t="inlineStr"><is><t>name</t></is></c><c r="D3" t="str"><v>score</v></c><c r="E3" t="inlineStr"><is><t>ok</t></is></c></row>
    <row r="4"><c r="B4"><v>1</v></c><c r="C4" t="s"><v>0</v></c><c r="D4" s="3"><v>1.2250000000000001</v></c><c r="E4" t="b"><v>1</v></c></row>
    <row r="5"/>
    <row r="6"><c r="B6"><v>2</v></c><c r="C6" t="inlineStr"><is><t>l’école &amp; co</t></is></c><c r="D6" t="e"><v>#N/A</v></c><c r="E6" t="b"><v>0</v></c><c r="F6" t="str"><f>LOWER("X")</f><v>x</v></c></row>
    <row r="7"><c r="B7"><v>3E-3</v></c><c t="s"><v>1</v></c><c r="D7"/></row>
  </sheetData></worksheet>`;
  const sheet2 = `<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
    <x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>b</x:t></x:is></x:c></x:row>
    <x:row r="2"><x:c r="A2"><x:v>10</x:v></x:c><x:c r="B2" t="inlineStr"><x:is><x:t>_x0041_B</x:t></x:is></x:c></x:row>
  </x:sheetData></x:worksheet>`;
  const book = workbook({ Données: sheet1, Prefixed: sheet2 }, shared);

  it('reads the first sheet as a CSV export would: header row, an empty row a row of no value (the import leaves it out, rows keep the sheet\'s numbers), numbers in shortest form', async () => {
    const t = await readXlsx(book, 'book.xlsx');
    expect(t.sheet).toBe('Données');
    expect(t.rows).toBe(4);
    expect(t.columns.map((c) => c.name)).toEqual(['id', 'name', 'score', 'ok', 'column6']);
    expect(col(t, 'id')).toEqual(['1', null, '2', '0.003']);
    expect(col(t, 'name')).toEqual(['Équateur', null, 'l’école & co', 'Sud-Ouest']);
    expect(col(t, 'score')).toEqual(['1.225', null, null, null]);
    expect(col(t, 'ok')).toEqual(['TRUE', null, 'FALSE', null]);
    expect(col(t, 'column6')).toEqual([null, null, 'x', null]);
    expect(t.errorCells).toEqual({ count: 1, first: 'D6' });
    // The error cell is missing with its code, not an empty cell (readXlsx.ts, declaredMissing.ts).
    expect((t.columns as StringColumn[]).find((c) => c.name === 'score')!.missingCodes).toEqual(new Map([[2, '#N/A']]));
    expect((t.columns as StringColumn[]).filter((c) => c.missingCodes).map((c) => c.name)).toEqual(['score']);
    expect((t.columns as StringColumn[]).map((c) => c.numeric ?? false)).toEqual([true, false, true, false, false]);
    expect(t.titleRows).toBeUndefined();
  });

  it('reads a sheet by name or position; namespace prefixes and _xHHHH_ escapes', async () => {
    for (const sheet of ['Prefixed', 2] as const) {
      const t = await readXlsx(book, 'book.xlsx', { sheet });
      expect(t.columns.map((c) => c.name)).toEqual(['a', 'b']);
      expect(col(t, 'a')).toEqual(['10']);
      expect(col(t, 'b')).toEqual(['AB']);
    }
  });

  it('without a header row, every row is data', async () => {
    const t = await readXlsx(book, 'book.xlsx', { sheet: 'Prefixed', header: false });
    expect(t.rows).toBe(2);
    expect(t.columns.map((c) => c.name)).toEqual(['column1', 'column2']);
  });

  it('an unknown sheet names the sheets there are', async () => {
    const e = await readXlsx(book, 'book.xlsx', { sheet: 'Feuil9' }).catch((x) => x);
    expect(e).toBeInstanceOf(ImportFormatError);
    expect(e.code).toBe('XLSX_SHEET_UNKNOWN');
    expect(e.detail).toContain('"Données", "Prefixed"');
  });

  it('reads the workbook openpyxl wrote for the formats fixture', async () => {
    const t = await readXlsx(fixtureBytes('formats/survey.xlsx'), 'survey.xlsx', { sheet: 'Enfants' });
    expect(t.rows).toBe(576);
    expect(col(t, 'region')[0]).toBe('Équateur');
    expect(col(t, 'weight')[0]).toBe('577.7059');
    expect(col(t, 'isic')[0]).toBeNull();
  });

  it.each([
    ['not a zip', new TextEncoder().encode('hello'), /zip/],
    ['a zip without a workbook', storedZip({ 'a.txt': 'x' }), /not an Excel workbook/],
  ])('%s: XLSX_BAD_FORMAT', async (_, bytes, re) => {
    const e = await readXlsx(bytes, 'x.xlsx').catch((x) => x);
    expect(e).toBeInstanceOf(ImportFormatError);
    expect(e.code).toBe('XLSX_BAD_FORMAT');
    expect(e.detail).toMatch(re);
  });

  /** A sheet of inline-string rows: each row's cells from column A, '' for an empty cell, [] for an empty row. */
  const rowsSheet = (rows: (string | number)[][]) => `<?xml version="1.0"?><worksheet ${NS}><sheetData>${rows.map((r, i) =>
    `<row r="${i + 1}">${r.map((v, j) => (v === '' ? '' : typeof v === 'number' ? `<c r="${'ABCDEFGH'[j]}${i + 1}"><v>${v}</v></c>`
      : `<c r="${'ABCDEFGH'[j]}${i + 1}" t="inlineStr"><is><t>${v}</t></is></c>`)).join('')}</row>`).join('')}</sheetData></worksheet>`;
  const read = (rows: (string | number)[][], header?: boolean) => readXlsx(workbook({ S: rowsSheet(rows) }), 't.xlsx', header === undefined ? {} : { header });

  it('skips a title row and a blank row above the header, and says so', async () => {
    const t = await read([['Child survey 2022 - microdata'], [], ['id', 'age', 'sex'], [1, 12, 2], [2, '', 1]]);
    expect(t.columns.map((c) => c.name)).toEqual(['id', 'age', 'sex']);
    expect(t.rows).toBe(2);
    expect(col(t, 'age')).toEqual(['12', null]);
    expect(t.titleRows).toEqual({ count: 1, text: 'Child survey 2022 - microdata', headerRow: 3 });
    // With header: false nothing is skipped: the title is a data row, as a CSV export has it (the empty row one of no value).
    const raw = await read([['Child survey 2022 - microdata'], [], ['id', 'age', 'sex'], [1, 12, 2]], false);
    expect(raw.rows).toBe(4);
    expect(raw.titleRows).toBeUndefined();
  });

  it('a row of group headers above the names: the header is the row naming the mapped columns, else the rule finds it', async () => {
    const names = ['hh', 'line', 'w', 'age', 'sex', 'hours'];
    const rows = [['Identification', '', '', 'Child', '', ''], names, [1, 1, 0.5, 12, 2, 0], [1, 2, 0.5, 9, 1, 4]];
    const wb = workbook({ S: rowsSheet(rows) });
    const t = await readXlsx(wb, 't.xlsx', { headerWith: ['age', 'SEX'] });
    expect(t.columns.map((c) => c.name)).toEqual(names);
    expect(t.rows).toBe(2);
    expect(t.titleRows).toEqual({ count: 1, text: 'Identification / Child', headerRow: 2 });
    // Without the mapping the rule finds it (group headers, all-text names, data); with names no row has, the rule's header stays.
    expect((await readXlsx(wb, 't.xlsx')).columns.map((c) => c.name)).toEqual(names);
    expect((await readXlsx(wb, 't.xlsx', { headerWith: ['weight'] })).rows).toBe(2);
    // Four group cells over six names is not the rule's group row: only the mapping finds the names.
    const wide = workbook({ S: rowsSheet([['Identification', '', 'Weights', 'Child', 'Work', ''], names, [1, 1, 0.5, 12, 2, 0]]) });
    expect((await readXlsx(wide, 't.xlsx')).columns.map((c) => c.name)).toEqual(['Identification', 'column2', 'Weights', 'Child', 'Work', 'column6']);
    expect((await readXlsx(wide, 't.xlsx', { headerWith: ['sex'] })).columns.map((c) => c.name)).toEqual(names);
  });

  it('skips several title rows and a short note, and clips their text', async () => {
    const long = `Child survey 2022 ${'x'.repeat(100)}`;
    const t = await read([[long], ['Source: NSO', '2023'], ['', ''], ['id', 'age', 'sex', 'w', 'h'], [1, 12, 2, 1.5, 1], [2, 13, 1, 1.5, 1]]);
    expect(t.columns.map((c) => c.name)).toEqual(['id', 'age', 'sex', 'w', 'h']);
    expect(t.rows).toBe(2);
    expect(t.titleRows!.count).toBe(2);
    expect(t.titleRows!.headerRow).toBe(4);
    expect(t.titleRows!.text).toHaveLength(80);
    expect(t.titleRows!.text).toMatch(/^Child survey 2022 x+…$/);
  });

  it.each([
    ['a normal header', [['id', 'age'], [1, 12], [2, 13]], ['id', 'age'], 2],
    ['a one-column sheet', [['age'], [12], [13], [14]], ['age'], 3],
    ['a one-column text sheet', [['region'], ['North'], ['South']], ['region'], 2],
    ['a one-column sheet with a stray note beside one value', [['age'], [12], [13, 'check'], [14], [15]], ['age', 'column2'], 4],
    ['a header naming only its first column', [['id'], [1, 12, 2], [2, 13, 1]], ['id', 'column2', 'column3'], 2],
    ['a number alone in the first row', [[2022], [], ['id', 'age'], [1, 12], [2, 13]], ['2022', 'column2'], 4],
    ['a multi-cell row past the first 10 rows', [['t'], ...Array.from({ length: 10 }, (_, i) => [`n${i}`]), ['a', 'b'], [1, 2]], ['t', 'column2'], 12],
  ])('keeps the first row as the header: %s', async (_, rows, names, n) => {
    const t = await read(rows);
    expect(t.columns.map((c) => c.name)).toEqual(names);
    expect(t.rows).toBe(n);
    expect(t.titleRows).toBeUndefined();
  });

  it.each([
    ['title, header, data', [[1, 0], [3, 0], [3, 1]], 1],
    ['title, note, header, data', [[1, 0], [2, 0], [6, 0], [6, 6]], 2],
    ['title, header, sparse data row', [[1, 0], [6, 0], [3, 3]], 1],
    ['header at the 10th row', [[1, 0], ...Array.from({ length: 8 }, () => ({ cells: 1, numbers: 0 })), [2, 0], [2, 2]], 9],
    ['no row after the header', [[1, 0], [3, 0]], 0],
    ['title with a number', [[1, 1], [3, 0], [3, 3]], 0],
    ['header of numbers', [[1, 0], [3, 3], [3, 3]], 0],
    ['multi-cell row then one cell', [[1, 0], [2, 0], [1, 0], [2, 0], [2, 0]], 0],
    ['first row with two cells', [[2, 0], [3, 0], [3, 0]], 0],
    ['a row of group headers over the names, then data', [[2, 0], [18, 0], [15, 9]], 1],
    ['group headers: a number among them', [[2, 1], [18, 0], [15, 9]], 0],
    ['group headers: more than half the names', [[10, 0], [18, 0], [15, 9]], 0],
    ['group headers: no numbers under the names (a text row: the header may be the first)', [[2, 0], [18, 0], [15, 0]], 0],
  ])('titleRowCount: %s', (_, rows, n) => {
    const top = rows.map((r) => (Array.isArray(r) ? { cells: r[0]!, numbers: r[1]! } : r));
    expect(titleRowCount(top)).toBe(n);
  });

  it('number cells without a type attribute (as xlsxwriter writes them) read in linear time', async () => {
    // Each cell's missing t="..." once made the attribute search scan to the end of the sheet: this
    // sheet took minutes; it now takes milliseconds (the test's timeout is the check).
    const body = Array.from({ length: 20_000 }, (_, i) => `<row r="${i + 2}"><c r="A${i + 2}"><v>${i}</v></c><c r="B${i + 2}"><v>${i % 7}</v></c><c r="C${i + 2}"><v>1.5</v></c></row>`).join('');
    const t = await readXlsx(workbook({ S: `<?xml version="1.0"?><worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr"><is><t>k</t></is></c><c r="C1" t="inlineStr"><is><t>w</t></is></c></row>${body}</sheetData></worksheet>` }), 'n.xlsx');
    expect(t.rows).toBe(20_000);
    expect(col(t, 'k').slice(0, 8)).toEqual(['0', '1', '2', '3', '4', '5', '6', '0']);
  }, 5_000);

  it('an error cell is never dropped: a row of error cells is a data row, a column of them is a column', async () => {
    const t = await readXlsx(workbook({ S: `<?xml version="1.0"?><worksheet ${NS}><sheetData>
      <row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="B1" t="inlineStr"><is><t>b</t></is></c></row>
      <row r="2"><c r="A2"><v>1</v></c></row>
      <row r="3"><c r="A3" t="e"><v>#VALUE!</v></c><c r="C3" t="e"><v>#REF!</v></c></row>
      <row r="4"><c r="A4"><v>4</v></c><c r="B4" t="e"><v></v></c></row>
    </sheetData></worksheet>` }), 'e.xlsx');
    expect(t.rows).toBe(3);
    expect(t.columns.map((c) => c.name)).toEqual(['a', 'b', 'column3']);
    expect(col(t, 'a')).toEqual(['1', null, '4']);
    const codes = Object.fromEntries((t.columns as StringColumn[]).map((c) => [c.name, Object.fromEntries(c.missingCodes ?? [])]));
    expect(codes).toEqual({ a: { 1: '#VALUE!' }, b: { 2: '#N/A' }, column3: { 1: '#REF!' } });
    expect(t.errorCells).toEqual({ count: 3, first: 'A3' });
    expect((t.columns as StringColumn[])[0]!.numeric).toBe(true);
  });

  it('a formula without a calculated result (a workbook a program wrote) is missing, never 0 nor blank; a calculated one is its value', async () => {
    const t = await readXlsx(workbook({ S: `<?xml version="1.0"?><worksheet ${NS}><sheetData>
      <row r="1"><c r="A1" t="inlineStr"><is><t>wt</t></is></c><c r="B1" t="inlineStr"><is><t>age</t></is></c></row>
      <row r="2"><c r="A2"><f>ROUND(344.46*1,2)</f><v></v></c><c r="B2"><v>7</v></c></row>
      <row r="3"><c r="A3"><f>ROUND(200.5*1,2)</f></c><c r="B3"><v>8</v></c></row>
      <row r="4"><c r="A4"><f>ROUND(310.2*1,2)</f><v>310.2</v></c><c r="B4"><v>9</v></c></row>
    </sheetData></worksheet>` }), 'f.xlsx');
    expect(t.rows).toBe(3);
    expect(col(t, 'wt')).toEqual([null, null, '310.2']);
    expect(Object.fromEntries((t.columns as StringColumn[])[0]!.missingCodes ?? [])).toEqual({ 0: '#UNCALCULATED', 1: '#UNCALCULATED' });
    expect([t.formulaCells, t.errorCells]).toEqual([{ count: 2, first: 'A2' }, undefined]);
  });

  it('a region merged down its rows (a presentation workbook) is read on every row it covers, as Excel shows it, and said; a merged header is not data', async () => {
    const text = (ref: string, v: string) => `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
    const book = workbook({ Data: `<?xml version="1.0"?><worksheet ${NS}><sheetData>
      <row r="1">${text('A1', 'Survey 2024')}</row>
      <row r="2">${text('A2', 'region')}${text('B2', 'sex')}${text('C2', 'w')}</row>
      <row r="3">${text('A3', 'Nord')}<c r="B3"><v>1</v></c><c r="C3"><v>10</v></c></row>
      <row r="4"><c r="A4"/><c r="B4"><v>2</v></c><c r="C4"><v>11</v></c></row>
      <row r="5"><c r="B5"><v>1</v></c><c r="C5"><v>12</v></c></row>
      <row r="6">${text('A6', 'Sud')}<c r="B6"><v>2</v></c><c r="C6"><v>13</v></c></row>
      <row r="7"><c r="B7"><v>1</v></c><c r="C7"><v>14</v></c></row>
      <row r="8"><c r="A8"><v>7</v></c><c r="B8"><v>2</v></c></row>
    </sheetData><mergeCells count="4"><mergeCell ref="A1:C1"/><mergeCell ref="A3:A5"/><mergeCell ref="A6:A7"/><mergeCell ref="A8:A8"/><mergeCell ref="C8:C9"/></mergeCells></worksheet>` });
    const t = await readXlsx(book, 'merged.xlsx');
    expect(t.rows).toBe(6);
    expect(col(t, 'region')).toEqual(['Nord', 'Nord', 'Nord', 'Sud', 'Sud', '7']);
    // A range whose first cell is empty gives nothing (C8, blank: the weight stays missing).
    expect(col(t, 'w')).toEqual(['10', '11', '12', '13', '14', null]);
    expect(t.mergedCells).toEqual({ count: 2, first: 'A3:A5' });
    const engine = await engineFor('duckdb-native', []);
    try {
      const imported = await importData(engine, bytesSource('merged.xlsx', book));
      const [m] = imported.messages.filter((x) => x.code === 'DATA_XLSX_MERGED_FILLED');
      expect(m).toMatchObject({ severity: 'info', params: { sheet: 'Data', count: 2, range: 'A3:A5' } });
      expect(m!.text).toBe('Sheet "Data" of merged.xlsx has 2 merged cell ranges in its data rows (first A3:A5): each was read with its value in every row and column it covers, as Excel shows it (the workbook holds the value in the first cell only).');
    } finally {
      await engine.close();
    }
    // A workbook without merged cells has none to say.
    expect((await readXlsx(workbook({ S: `<?xml version="1.0"?><worksheet ${NS}><sheetData><row r="1">${text('A1', 'a')}</row><row r="2"><c r="A2"><v>1</v></c></row></sheetData></worksheet>` }), 'p.xlsx')).mergedCells).toBeUndefined();
  });

  it('hours stored as Excel times ([h]:mm, h:mm) are read as the hours Excel shows, and said; dates and plain numbers stay as stored', async () => {
    // A probe's CAPI export: 12:30 stored as 0.5208333 read as 0.52 hours, every threshold missed in silence.
    const styles = `<?xml version="1.0"?><styleSheet ${NS}><numFmts count="2"><numFmt numFmtId="164" formatCode="[h]:mm"/><numFmt numFmtId="165" formatCode="dd/mm/yyyy\\ hh:mm"/></numFmts>
      <cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="20"/><xf numFmtId="14"/><xf numFmtId="165"/></cellXfs></styleSheet>`;
    const text = (ref: string, v: string) => `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
    const book = workbook({ Data: `<?xml version="1.0"?><worksheet ${NS}><sheetData>
      <row r="1">${text('A1', 'hours')}${text('B1', 'start')}${text('C1', 'born')}${text('D1', 'n')}${text('E1', 'stamp')}</row>
      <row r="2"><c r="A2" s="1"><v>0.52083333333333337</v></c><c r="B2" s="2"><v>0.375</v></c><c r="C2" s="3"><v>41275</v></c><c r="D2"><v>0.5</v></c><c r="E2" s="4"><v>41275.5</v></c></row>
      <row r="3"><c r="A3" s="1"><v>1.75</v></c><c r="B3" s="2"><v>0.5</v></c><c r="C3" s="3"><v>41276</v></c><c r="D3"><v>2</v></c><c r="E3" s="4"><v>41276.25</v></c></row>
      <row r="4"><c r="A4" s="1"><v>99</v></c><c r="B4" s="2"><v>1</v></c></row>
      <row r="5"><c r="A5" s="1"><v>7.5</v></c></row>
    </sheetData></worksheet>` }, [], styles);
    const t = await readXlsx(book, 'times.xlsx');
    // A 99 typed into the time column (Excel shows "2376:00") is a code, kept as typed: a declared "99" still matches it.
    // A fraction of 7 days or more is hours (180, which the range check names); a whole day is 24 hours, said apart.
    expect(col(t, 'hours')).toEqual(['12.5', '42', '99', '180']);
    expect(col(t, 'start')).toEqual(['9', '12', '24', null]);
    expect(col(t, 'born')).toEqual(['41275', '41276', null, null]);
    expect(col(t, 'n')).toEqual(['0.5', '2', null, null]);
    expect(col(t, 'stamp')).toEqual(['41275.5', '41276.25', null, null]);
    expect(t.timeCells).toEqual({ count: 6, first: 'A2', columns: ['hours', 'start'], wholeDays: 1, firstWhole: 'B4' });
    const engine = await engineFor('duckdb-native', []);
    try {
      const imported = await importData(engine, bytesSource('times.xlsx', book));
      const [m] = imported.messages.filter((x) => x.code === 'DATA_XLSX_TIME_AS_HOURS');
      expect(m!.severity).toBe('warning');
      expect(m!.text).toBe('Sheet "Data" of times.xlsx shows 6 cells as a time (first A2), in "hours", "start": Excel stores 12:30 as 0.52 (a fraction of a day). They are read as the hours Excel shows (12:30 is 12.5 hours).');
      expect(imported.messages.find((x) => x.code === 'DATA_XLSX_TIME_WHOLE_DAYS')?.params).toMatchObject({ count: 1, cell: 'B4' });
    } finally {
      await engine.close();
    }
    // Formats: padding and fill characters, later sections and locales are not a time; elapsed minutes are.
    expect(['[h]:mm', 'h:mm AM/PM', '[$-409]h:mm:ss', 'mm:ss', '[mm]'].map(isTimeFormat)).toEqual([true, true, true, true, true]);
    expect(['_-* #,##0.00\\ _s_-', '#,##0.0_h', '0;[h]:mm', 'dd/mm/yyyy hh:mm', 'mm', 'General', '[Red]0.00'].map(isTimeFormat)).toEqual([false, false, false, false, false, false, false]);
  });
});

/** A survey sheet exported with a title and a blank row above the header reads its header. */
describe.each(ENGINES)('an Excel sheet with a title row, on %s', (engineName) => {
  const HEAD = ['w', 'h', 'c', 'age', 'sex', 'hours', 'chores'];
  const text = (ref: string, v: string) => `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
  const rows = Array.from({ length: 40 }, (_, i) => [100 + i, 1 + (i % 2), 1 + (i % 4), 5 + (i % 13), 1 + (i % 2), i % 5 === 0 ? 20 : 0, 3]);
  const sheet = `<?xml version="1.0"?><worksheet ${NS}><sheetData>
    <row r="1">${text('A1', 'Child survey 2022 - microdata')}</row>
    <row r="2"/>
    <row r="3">${HEAD.map((h, j) => text(`${'ABCDEFG'[j]}3`, h)).join('')}</row>
    ${rows.map((r, i) => `<row r="${i + 4}">${r.map((v, j) => `<c r="${'ABCDEFG'[j]}${i + 4}"><v>${v}</v></c>`).join('')}</row>`).join('\n')}
    <row r="45">${text('A45', 'Source: National Statistics Office')}</row>
    <row r="46">${text('A46', 'Note:')}${text('B46', 'weights are final')}</row>
  </sheetData></worksheet>`;
  const a = resolveAnalysis({
    version: 1, data: { path: 'titled.xlsx' },
    mapping: {
      weight: 'w', stratum: 'h', psu: 'c', age: 'age', sex: { column: 'sex', male: '1', female: '2' },
      econHours: { columns: ['hours'] }, choresHours: { columns: ['chores'] },
    },
    frameworks: [{ preset: 'ilo_ge2020' }], breakdowns: [[]],
  }, 'titled.analysis.json');
  let engine: Engine;
  let imported: ImportResult;
  let report: ValidationReport;
  beforeAll(async () => {
    engine = await engineFor(engineName, []);
    imported = await importData(engine, bytesSource('titled.xlsx', workbook({ Data: sheet })));
    report = await validateData(engine, a, 'titled.xlsx', imported.labels);
  }, 60_000);
  afterAll(() => engine?.close());

  it('reads the header under the title, says which row it used, and the mapping finds its columns', async () => {
    expect(imported.columns.map((c) => c.name)).toEqual(HEAD);
    expect(imported.rows).toBe(40);
    const m = imported.messages.find((x) => x.code === 'DATA_XLSX_TITLE_SKIPPED')!;
    expect(m.severity).toBe('info');
    expect(m.params).toMatchObject({ file: 'titled.xlsx', sheet: 'Data', count: 1, title: 'Child survey 2022 - microdata', row: 3 });
    expect(m.text).toBe('Sheet "Data" of titled.xlsx starts with 1 title row ("Child survey 2022 - microdata"), skipped: row 3 is read as the header, its cells name the columns. Rows named in other messages are counted from the first row under the header (row 1 is sheet row 4).');
    const first = await engine.query('SELECT w, age FROM src WHERE rowid = 0');
    expect(first.map((r) => [r.w, r.age])).toEqual([['100', '5']]);
    expect(report.findings.filter((f) => f.code === 'MAP_UNKNOWN_COLUMN')).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it('notes under the data (a source line, a note of two cells) are not read, and said', () => {
    const m = imported.messages.find((x) => x.code === 'DATA_NOTE_ROWS_SKIPPED')!;
    expect(m.text).toBe('3 rows at the end of titled.xlsx, from row 41, are notes or empty rows under the data ("Source: National Statistics Office"), with no number in any column: not read.');
  });
});

/**
 * Workbooks from statistics offices often start with a notes or title sheet. With no sheet named, the
 * data sheet is the first with data rows and, when the mapping is known, its columns.
 */
describe.each(ENGINES)('the data sheet of a workbook whose first sheet is notes, on %s', (engineName) => {
  const t = (ref: string, v: string) => `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
  const sheetOf = (rows: (string | number)[][]) => `<?xml version="1.0"?><worksheet ${NS}><sheetData>${rows.map((r, i) =>
    `<row r="${i + 1}">${r.map((v, j) => (typeof v === 'number' ? `<c r="${'ABC'[j]}${i + 1}"><v>${v}</v></c>` : t(`${'ABC'[j]}${i + 1}`, v))).join('')}</row>`).join('')}</sheetData></worksheet>`;
  const notes = sheetOf([['Encuesta de trabajo infantil 2023'], ['Fuente: INE'], ['Ponderador: fexp']]);
  const data = sheetOf([['fexp', 'edad', 'sexo'], [120.5, 12, 1], [98.25, 7, 2]]);
  const empty = `<?xml version="1.0"?><worksheet ${NS}><sheetData/></worksheet>`;
  let engine: Engine;
  beforeAll(async () => {
    engine = await engineFor(engineName, []);
  }, 60_000);
  afterAll(() => engine?.close());
  const load = (sheets: Record<string, string>, options: { sheet?: string | number; sheetWith?: string[] } = {}) =>
    importData(engine, bytesSource('ett.xlsx', workbook(sheets)), options);

  it('reads the first sheet with the mapped columns, and says so', async () => {
    const r = await load({ Notas: notes, Datos: data }, { sheetWith: ['fexp', 'edad', 'sexo'] });
    expect([r.sheet, r.rows, r.columns.map((c) => c.name)]).toEqual(['Datos', 2, ['fexp', 'edad', 'sexo']]);
    expect(r.messages.map((m) => m.text)).toEqual([
      'The first sheet of ett.xlsx, "Notas", has no data rows or not the mapped columns: the sheet "Datos", the first that has them, was read.',
    ]);
    expect(await engine.query('SELECT fexp FROM src')).toEqual([{ fexp: '120.5' }, { fexp: '98.25' }]);
  });

  it('with no mapping known (the app opening a workbook), an empty sheet, a notes sheet or a list of variables (fewer than three columns) is passed over', async () => {
    const r = await load({ Vide: empty, Datos: data });
    expect([r.sheet, r.messages.map((m) => m.code)]).toEqual(['Datos', ['DATA_XLSX_SHEET_CHOSEN']]);
    expect((await load({ Notas: notes, Datos: data })).sheet).toBe('Datos');
    const variables = sheetOf([['variable', 'etiqueta'], ['fexp', 'Factor de expansión'], ['edad', 'Edad en años'], ['sexo', 'Sexo']]);
    expect((await load({ LEEME: variables, 'Datos 2019 (hidden)': data, Datos: data })).sheet).toBe('Datos');
    // A sheet of three columns or more is read as the data when it comes first.
    expect((await load({ Datos: data, Notas: notes })).sheet).toBe('Datos');
  });

  it('two columns differing only in capitals (wgt, WGT) are both read, the one no role names renamed', async () => {
    const twins = sheetOf([['wgt', 'edad', 'WGT'], [120.5, 12, 1], [98.25, 7, 2]]);
    const r = await load({ Datos: twins }, { sheetWith: ['WGT', 'edad'] });
    expect(r.columns.map((c) => c.name)).toEqual(['wgt_2', 'edad', 'WGT']);
    expect(r.messages.map((m) => [m.code, m.params.column, m.params.renamed])).toEqual([['DATA_COLUMN_CASE_RENAMED', 'wgt', 'wgt_2']]);
    expect(await engine.query('SELECT "WGT" AS w, wgt_2 FROM src')).toEqual([{ w: '1', wgt_2: '120.5' }, { w: '2', wgt_2: '98.25' }]);
  });

  it('a hidden first sheet (a lookup) is not the default: the first sheet Excel shows is', async () => {
    const lookup = sheetOf([['code', 'label'], [1, 'Urbano'], [2, 'Rural']]);
    const r = await load({ 'lookup (hidden)': lookup, Datos: data });
    expect([r.sheet, r.sheets, r.messages]).toEqual(['Datos', ['lookup', 'Datos'], []]);
    expect((await load({ 'lookup (hidden)': lookup, Datos: data }, { sheet: 1 })).sheet).toBe('lookup');
  });

  it('an old copy of the data in a hidden sheet before the data sheet is not read: the shown sheet is', async () => {
    const old = sheetOf([['fexp', 'edad', 'sexo'], [1, 12, 1], [1, 7, 2], [1, 9, 1]]);
    const r = await load({ Notas: notes, 'Datos 2019 (hidden)': old, Datos: data }, { sheetWith: ['fexp', 'edad', 'sexo'] });
    expect([r.sheet, r.rows, r.messages.map((m) => m.code)]).toEqual(['Datos', 2, ['DATA_XLSX_SHEET_CHOSEN']]);
    expect(await engine.query('SELECT fexp FROM src')).toEqual([{ fexp: '120.5' }, { fexp: '98.25' }]);
  });

  it('the data in a hidden sheet only (a notes sheet shown after it): read, with a warning naming it hidden', async () => {
    const r = await load({ 'Datos (hidden)': data, Notas: notes }, { sheetWith: ['fexp', 'edad', 'sexo'] });
    expect([r.sheet, r.rows]).toEqual(['Datos', 2]);
    expect(r.messages.map((m) => [m.code, m.severity])).toEqual([['DATA_XLSX_HIDDEN_SHEET_READ', 'warning']]);
    expect(r.messages[0]!.text).toBe('No sheet of ett.xlsx that Excel shows has data rows and the mapped columns ("Notas" is the first shown): the hidden sheet "Datos", the first that has them, was read.');
  });

  it('a named sheet is read even without the mapped columns; no sheet having them leaves the first', async () => {
    expect((await load({ Notas: notes, Datos: data }, { sheet: 'Notas', sheetWith: ['fexp'] })).sheet).toBe('Notas');
    const r = await load({ Notas: notes, Datos: data }, { sheetWith: ['fexp', 'peso'] });
    expect([r.sheet, r.messages]).toEqual(['Notas', []]);
  });

  it('a survey split over shown sheets of the same columns (one per area): the one read is said, with the others', async () => {
    const rural = sheetOf([['sexo', 'fexp', 'edad'], [1, 300.5, 9], [2, 280, 14], [1, 310, 6]]);
    const r = await load({ Urbano: data, Rural: rural });
    expect([r.sheet, r.rows]).toEqual(['Urbano', 2]);
    expect(r.messages.map((m) => [m.code, m.severity])).toEqual([['DATA_XLSX_SHEETS_SAME_COLUMNS', 'warning']]);
    expect(r.messages[0]!.text).toBe('Sheet "Urbano" of ett.xlsx was read; the sheet "Rural" has the same columns and is not read: only one sheet of a workbook is read.');
    // Named, the same; a hidden copy, a sheet of other columns or one of no rows is not said.
    expect((await load({ Urbano: data, Rural: rural, Costa: rural }, { sheet: 'Rural' })).messages.map((m) => m.params.others)).toEqual(['"Urbano", "Costa"']);
    expect((await load({ Urbano: data, 'Rural (hidden)': rural, Notas: notes, Vacia: sheetOf([['fexp', 'edad', 'sexo']]) })).messages).toEqual([]);
  });
});

/**
 * What the user sees when a survey sheet holds Excel errors: in MICS a blank hours cell is "not asked"
 * (0 hours), so an #N/A there must give unknown hours, not 0; in a categorical role it is missing.
 */
describe.each(ENGINES)('Excel error cells in a survey sheet, on %s', (engineName) => {
  const HEAD = ['w', 'h', 'c', 'age', 'sex', 'hours', 'chores'];
  const ERRORS: Record<string, string> = { F4: '#N/A', F8: '#DIV/0!', E11: '#N/A' }; // hours x2, sex x1
  const letters = 'ABCDEFG';
  const cell = (ref: string, v: string, isText: boolean) =>
    ERRORS[ref] ? `<c r="${ref}" t="e"><f>1/0</f><v>${ERRORS[ref]}</v></c>`
      : isText ? `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>` : `<c r="${ref}"><v>${v}</v></c>`;
  const rows = Array.from({ length: 40 }, (_, i) => [100 + i, 1 + (i % 2), 1 + (i % 4), 5 + (i % 13), 1 + (i % 2), i === 4 ? '' : i % 5 === 0 ? 20 : 0, 3]);
  const sheet = `<?xml version="1.0"?><worksheet ${NS}><sheetData>
    <row r="1">${HEAD.map((h, j) => cell(`${letters[j]}1`, h, true)).join('')}</row>
    ${rows.map((r, i) => `<row r="${i + 2}">${r.map((v, j) => (v === '' ? '' : cell(`${letters[j]}${i + 2}`, String(v), false))).join('')}</row>`).join('\n')}
  </sheetData></worksheet>`;
  const a = resolveAnalysis({
    version: 1, data: { path: 'survey.xlsx' },
    mapping: {
      weight: 'w', stratum: 'h', psu: 'c', age: 'age', sex: { column: 'sex', male: '1', female: '2' },
      econHours: { columns: ['hours'], blank: 'zero' }, choresHours: { columns: ['chores'] },
    },
    frameworks: [{ preset: 'ilo_ge2020' }], breakdowns: [[]],
  }, 'survey.analysis.json');
  let engine: Engine;
  let imported: ImportResult;
  let report: ValidationReport;
  beforeAll(async () => {
    engine = await engineFor(engineName, []);
    imported = await importData(engine, bytesSource('survey.xlsx', workbook({ Survey: sheet })));
    report = await validateData(engine, a, 'survey.xlsx', imported.labels);
  }, 60_000);
  afterAll(() => engine?.close());

  it('the import says which columns hold errors and that they are read as missing', () => {
    const m = imported.messages.find((x) => x.code === 'DATA_XLSX_ERROR_CELLS')!;
    expect(m.params).toMatchObject({ file: 'survey.xlsx', sheet: 'Survey', count: 3, cell: 'F4', columns: 'sex, hours', columnCount: 2 });
    expect(m.text).toContain('in columns sex, hours (first in cell F4)');
    expect(m.text).toContain('read as missing');
    expect(m.text).not.toContain('empty.');
  });

  it('an error in an hours column is unknown hours, not 0 hours; a blank cell stays 0 hours', async () => {
    expect(report.hours.find((h) => h.role === 'econHours')!.missing).toBe(2);
    expect(report.findings.find((f) => f.code === 'HOURS_MISSING_SHARE')!.params).toMatchObject({ role: 'econHours', count: 2 });
    expect(report.findings.filter((f) => f.code === 'VALUE_NOT_NUMERIC')).toEqual([]);
    // The cells keep their code in the table (as a CSV of the sheet would), a blank stays blank.
    const cells = await engine.query(`SELECT rowid AS r, hours, sex FROM src WHERE rowid IN (2, 4, 6, 9) ORDER BY rowid`);
    expect(cells.map((r) => [Number(r.r), r.hours, r.sex])).toEqual([[2, '#N/A', '1'], [4, null, '1'], [6, '#DIV/0!', '1'], [9, '0', '#N/A']]);
  });

  it('the validation reports them like other codes the file declares missing, per column and role', () => {
    const byColumn = Object.fromEntries(report.findings.filter((f) => f.code === 'DATA_USER_MISSING').map((f) => [f.params.column, f.params]));
    expect(byColumn.hours).toMatchObject({ role: 'econHours', count: 2 });
    expect(String(byColumn.hours!.codes).split(', ').sort()).toEqual(['#DIV/0!: 1', '#N/A: 1']);
    expect(byColumn.sex).toMatchObject({ role: 'sex', count: 1, codes: '#N/A: 1' });
    expect(report.ok).toBe(true);
  });
});

/**
 * Rows named in messages are the sheet's rows under the header (DATA_XLSX_TITLE_SKIPPED says so): an
 * empty sheet row between data rows is a row of no value, which the import leaves out with a note, and
 * the rows under it keep their numbers (a probe: "row 2000" for sheet row 2002, the empty row above it
 * passed over). A row of cells holding only spaces is one too.
 */
describe.each(ENGINES)('an empty sheet row between data rows, on %s', (engineName) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await engineFor(engineName, []);
  });
  afterAll(() => engine?.close());

  it('is left out, said, and the rows under it keep the sheet\'s numbers', async () => {
    const at = (r: number, cells: string) => `<row r="${r}">${cells}</row>`;
    const n = (ref: string, v: number) => `<c r="${ref}"><v>${v}</v></c>`;
    const s = (ref: string, v: string) => `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${v}</t></is></c>`;
    const sheet = `<?xml version="1.0"?><worksheet ${NS}><sheetData>${[
      at(1, s('A1', 'id') + s('B1', 'w')), at(2, n('A2', 1) + n('B2', 5)), at(4, n('A4', 2) + n('B4', 6)), at(5, s('A5', ' ') + s('B5', '  ')), at(6, n('A6', 3) + n('B6', 7)),
    ].join('')}</sheetData></worksheet>`;
    const r = await importData(engine, bytesSource('gap.xlsx', workbook({ S: sheet })));
    expect(r.rows).toBe(3);
    expect(await engine.query('SELECT (rowid + 1)::INTEGER AS row, id FROM src ORDER BY rowid')).toEqual([{ row: 1, id: '1' }, { row: 3, id: '2' }, { row: 5, id: '3' }]);
    expect(r.messages.map((m) => [m.code, m.params.count, m.params.first])).toEqual([['DATA_BLANK_ROWS_INSIDE', 2, 2]]);
  });
});
