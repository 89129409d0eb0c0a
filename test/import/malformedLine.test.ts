import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../analysis/engine/engine.js';
import { bytesSource, importData } from '../../analysis/import/load.js';
import { recordStartLine } from '../../analysis/import/textFile.js';
import { AnalysisError, formatMessageIn } from '../../analysis/messages.js';
import { ENGINES } from '../engines.js';
import { engineFor } from './sources.js';

/**
 * DATA_CSV_MALFORMED names the line an editor shows. DuckDB numbers its errors by record, and a quoted
 * comment holding line breaks makes a record span several lines (a probe's file: "line 388" for the
 * row an editor shows at line 414).
 */
const enc = (s: string) => new TextEncoder().encode(s);

describe('recordStartLine', () => {
  it('counts the line breaks inside quoted values as lines, not as records', () => {
    const text = 'a;b;note\n1;2;"one\ntwo"\n3;4;"x ""quoted""\nmore\nlines"\n5;6\n';
    expect([1, 2, 3, 4].map((r) => recordStartLine(enc(text), r))).toEqual([1, 2, 4, 7]);
    expect(recordStartLine(enc('a,b\r\n1,2\r\n3\r\n'), 3)).toBe(3);
  });
});

describe.each(ENGINES)('a short row after comments with line breaks, on %s', (engineName) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await engineFor(engineName, []);
  });
  afterAll(() => engine?.close());

  it('the message gives the line of the short row as an editor numbers it', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => `${i};${i % 2 ? '"said:\nfine\nthanks"' : 'ok'};${100 + i}`);
    rows.splice(20, 0, '99;short');
    const text = `id;comment;w\n${rows.join('\n')}\n`;
    const editorLine = text.split('\n').findIndex((l) => l === '99;short') + 1;
    const e = await importData(engine, bytesSource('notes.csv', enc(text)), { delimiter: ';' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AnalysisError);
    expect((e as AnalysisError).msg.params).toMatchObject({ line: editorLine, detail: 'csvProblem.fields', fields: 2, expected: 3 });
    expect((e as AnalysisError).msg.text).toBe(`The data file notes.csv is not a well-formed CSV file at line ${editorLine}: it has 2 fields where the header has 3.`);
    expect(formatMessageIn((e as AnalysisError).msg, 'fr')).toContain(`à la ligne ${editorLine} : elle a 2 champs là où l'en-tête en a 3.`);
    expect(formatMessageIn((e as AnalysisError).msg, 'es')).toContain(`en la línea ${editorLine}: tiene 2 campos donde el encabezado tiene 3.`);
    expect(editorLine).toBe(1 + 20 + 10 * 2 + 1); // header, 20 rows (10 of them 3 lines long), then the short row
  });

  it('a file cut off in its last line (an interrupted copy): said, with the line, in every language (a walk)', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => `${i},${100 + i},${i % 2 ? 'M' : 'F'},${5 + (i % 13)}`);
    const text = `id,w,sex,age\n${rows.join('\n')}\n41,7`;
    const e = await importData(engine, bytesSource('cut.csv', enc(text))).catch((x: unknown) => x);
    expect((e as AnalysisError).msg.params).toMatchObject({ line: 42, detail: 'csvProblem.cut', fields: 2, expected: 4 });
    expect((e as AnalysisError).msg.text).toBe('The data file cut.csv is not a well-formed CSV file at line 42: it has 2 fields where the header has 4, and it is the last line: the file looks cut off (a copy or download that did not finish).');
    expect(formatMessageIn((e as AnalysisError).msg, 'fr')).toContain('le fichier semble coupé');
    expect(formatMessageIn((e as AnalysisError).msg, 'es')).toContain('el archivo parece cortado');
    // The same short line with lines after it is a line to check, not a cut.
    const inside = await importData(engine, bytesSource('short.csv', enc(`id,w,sex,age\n41,7\n${rows.join('\n')}\n`))).catch((x: unknown) => x);
    expect((inside as AnalysisError).msg.params).toMatchObject({ line: 2, detail: 'csvProblem.fields' });
  });

  it('a header ending with a delimiter that no data line has is read without its unnamed column, said (a probe: "line 2: 11 fields where the header has 12")', async () => {
    const plain = 'id,w,sex\r\n1,2,M\r\n3,4,F\r\n';
    for (const text of ['id,w,sex,\r\n1,2,M\r\n3,4,F\r\n', 'SYNTHETIC survey\n\nid,w,sex,\n1,2,M\n3,4,F\n']) {
      const r = await importData(engine, bytesSource('h.csv', enc(text)));
      expect(r.columns.map((c) => c.name)).toEqual(['id', 'w', 'sex']);
      expect(await engine.query('SELECT * FROM src ORDER BY rowid')).toEqual([{ id: '1', w: '2', sex: 'M' }, { id: '3', w: '4', sex: 'F' }]);
      expect(r.messages.map((m) => m.code)).toContain('DATA_CSV_HEADER_DELIMITER');
      expect(r.messages.find((m) => m.code === 'DATA_CSV_HEADER_DELIMITER')!.text).toBe('The header line of h.csv ends with a delimiter, which adds a column 4, without a name and empty on every line: that column is not read.');
    }
    expect((await importData(engine, bytesSource('p.csv', enc(plain)))).messages).toEqual([]);
    // A line that does hold a value there still stops the read, at that line; so does a short line
    // under lines that fill the unnamed column (the header is then right: a review).
    const bad = await importData(engine, bytesSource('b.csv', enc('id,w,sex,\n1,2,M\n3,4,F,x\n'))).catch((x: unknown) => x);
    expect((bad as AnalysisError).msg).toMatchObject({ code: 'DATA_CSV_MALFORMED', params: { line: 3 } });
    const short = await importData(engine, bytesSource('c.csv', enc('id,w,sex,\n1,2,M,a\n1,2,M,b\n3,4,F\n'))).catch((x: unknown) => x);
    expect((short as AnalysisError).msg).toMatchObject({ code: 'DATA_CSV_MALFORMED', params: { line: 4, fields: 3, expected: 4 } });
  });

  it('a line of spaces between data rows is a row with no value: left out and said, the rows after it keeping their numbers (a probe: "1 field where the header has 11")', async () => {
    const r = await importData(engine, bytesSource('s.csv', enc('id,w,sex\r\n1,2,M\r\n   \r\n3,4,F\r\n \t \r\n5,6,M\r\n')));
    expect(await engine.query('SELECT rowid::INTEGER AS r, id FROM src ORDER BY rowid')).toEqual([{ r: 0, id: '1' }, { r: 2, id: '3' }, { r: 4, id: '5' }]);
    expect(r.messages.map((m) => [m.code, m.params.count, m.params.first])).toEqual([['DATA_BLANK_ROWS_INSIDE', 2, 2]]);
    // A line of one text among rows of three still stops the read, at that line; a line of spaces
    // inside a quoted value stays as written (a review).
    const bad = await importData(engine, bytesSource('b.csv', enc('id,w,sex\n1,2,M\n   \nx\n3,4,F\n'))).catch((x: unknown) => x);
    expect((bad as AnalysisError).msg).toMatchObject({ code: 'DATA_CSV_MALFORMED', params: { line: 4 } });
    await importData(engine, bytesSource('q.csv', enc('id,w,note\n1,2,"a\n   \nb"\n   \n3,4,x\n')));
    expect(await engine.query('SELECT id, note FROM src ORDER BY rowid')).toEqual([{ id: '1', note: 'a\n   \nb' }, { id: '3', note: 'x' }]);
    // With spaces for delimiter such a line is a row of empty fields: no second reading (it never ended, a review).
    const spaced = await importData(engine, bytesSource('s.txt', enc('id w sex\n1 2 M\n   \nx\n3 4 F\n')), { delimiter: ' ' }).catch((x: unknown) => x);
    expect((spaced as AnalysisError).msg).toMatchObject({ code: 'DATA_CSV_MALFORMED' });
  });

  it('notes typed under the data without delimiters ("Source: NSO" alone on its line) are not read, and said; a note with data after it still stops at the note', async () => {
    const text = 'id;w;sex\n1;2;M\n3;4;F\n\nSource: NSO\nNote: synthetic; not real\n';
    const r = await importData(engine, bytesSource('typed.csv', enc(text)));
    expect(r.rows).toBe(2);
    expect(r.messages.map((m) => m.text)).toEqual(['2 rows at the end of typed.csv, from row 3, are notes or empty rows under the data ("Source: NSO"), with no number in any column: not read.']);
    const bad = await importData(engine, bytesSource('bad.csv', enc('id;w;sex\n1;2;M\nSource: NSO\n3;4\n'))).catch((x: unknown) => x);
    expect((bad as AnalysisError).msg.params).toMatchObject({ line: 3, fields: 1, expected: 3 });
  });
});

describe.each(ENGINES)('a header one name short of its lines, on %s', (engineName) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await engineFor(engineName, []);
  });
  afterAll(() => engine?.close());
  const rows = async () => engine.query('SELECT * FROM src ORDER BY rowid');

  it('R\'s write.table with its row names (its defaults: spaces and quotes; or sep="," or a tab): the first field is a column row.names, the rest as the header names them', async () => {
    // As R 4.2 writes write.table(data.frame(age = c(7, 12), sex = 1:2, w = c(1.5, 2)), f, ...).
    const texts: [string, string][] = [
      ['wt.txt', '"age" "sex" "w"\n"1" 7 1 1.5\n"2" 12 2 2\n'],
      ['wt.csv', '"age","sex","w"\n"1",7,1,1.5\n"2",12,2,2\n'],
      ['wt.tsv', 'age\tsex\tw\n1\t7\t1\t1.5\n2\t12\t2\t2\n'],
    ];
    for (const [name, text] of texts) {
      const r = await importData(engine, bytesSource(name, enc(text)));
      expect(r.columns.map((c) => c.name), name).toEqual(['row.names', 'age', 'sex', 'w']);
      expect(await rows()).toEqual([{ 'row.names': '1', age: '7', sex: '1', w: '1.5' }, { 'row.names': '2', age: '12', sex: '2', w: '2' }]);
      expect(r.messages.map((m) => m.text)).toEqual([
        `The header line of ${name} names one column fewer than its data lines hold, as R's write.table writes a data frame with its row names: the first field of each line is read as a column row.names, the others under the header's names.`,
      ]);
    }
    // A file that already has a column row.names gets the next free name.
    const r = await importData(engine, bytesSource('x.csv', enc('row.names,w\na,1,2\nb,3,4\n')));
    expect(r.columns.map((c) => c.name)).toEqual(['row.names_2', 'row.names', 'w']);
  });

  it('spaces between fields are read as the delimiter only when no other delimiter splits the header, and every line alike', async () => {
    const r = await importData(engine, bytesSource('plain.txt', enc('age sex w\n7 1 1.5\n12 2 2\n')));
    expect(r.delimiter).toBe(' ');
    expect(await rows()).toEqual([{ age: '7', sex: '1', w: '1.5' }, { age: '12', sex: '2', w: '2' }]);
    // A comma file whose labels have spaces stays a comma file.
    await importData(engine, bytesSource('labels.csv', enc('id,region name,w\n1,North East,2\n2,South West Coast,3\n')));
    expect(await rows()).toEqual([{ id: '1', 'region name': 'North East', w: '2' }, { id: '2', 'region name': 'South West Coast', w: '3' }]);
  });

  it('data lines that each end with a delimiter are read without the empty field (as before, and as the R script reads them); a first data line alone one field longer still stops the read', async () => {
    const r = await importData(engine, bytesSource('t.csv', enc('id;w;sex\r\n1;2;M;\r\n3;4;F;\r\n')));
    expect(await rows()).toEqual([{ id: '1', w: '2', sex: 'M' }, { id: '3', w: '4', sex: 'F' }]);
    expect(r.messages).toEqual([]);
    const bad = await importData(engine, bytesSource('b.csv', enc('id,w,sex\n1,2,M,x\n3,4,F\n'))).catch((x: unknown) => x);
    expect((bad as AnalysisError).msg).toMatchObject({ code: 'DATA_CSV_MALFORMED', params: { line: 2, fields: 4, expected: 3 } });
  });
});
