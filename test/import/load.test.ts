import { createHash } from 'node:crypto';
import { closeSync, copyFileSync, mkdtempSync, openSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../analysis/engine/engine.js';
import { readDeclaredMissing } from '../../analysis/import/declaredMissing.js';
import { bytesSource, importData, type ImportSource, type ImportStep } from '../../analysis/import/load.js';
import { AnalysisError } from '../../analysis/messages.js';
import { ENGINES } from '../engines.js';
import { engineFor, sourceFor } from './sources.js';

/** importData on each engine: encodings, dialects, options, progress, and the source file left alone. */
const FORMATS = new URL('../fixtures/import/formats/', import.meta.url).pathname;
const ALL = ['survey.csv', 'survey-1252.csv', 'survey.tsv', 'survey-semicolon.csv', 'survey.parquet', 'survey.sav', 'survey.zsav', 'survey-114.dta', 'survey-117.dta', 'survey-118.dta', 'survey.xlsx'];
const tmp = mkdtempSync(join(tmpdir(), 'load-test-'));
const write = (name: string, bytes: Uint8Array | string) => {
  writeFileSync(join(tmp, name), bytes);
  return join(tmp, name);
};
const utf16le = (s: string) => new Uint8Array([0xff, 0xfe, ...[...s].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
const FILES = {
  utf16: write('utf16.csv', utf16le('region,n\r\nÉquateur,1\r\nKasaï,2\r\n')),
  utf16NoBom: write('utf16-nobom.txt', utf16le('HH1\tHH2\tregion\r\n1\t2\tNorth\r\n').subarray(2)),
  bomUtf8: write('bom-utf8.csv', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('region,n\nÉquateur,1\nKasaï,2\n')])),
  late: write('late.csv', new Uint8Array([...new TextEncoder().encode('region,n\n' + 'Nord,1\n'.repeat(300)), ...[0xc9, 0x71, 0x75, 0x61, 0x74, 0x65, 0x75, 0x72], ...new TextEncoder().encode(',2\n')])),
  trailing: write('trailing.csv', 'w,h\n1,2\n,\n3,4\n,\n , \n'),
  // Empty lines between data rows (LF and CR LF), one inside a quoted value (data), empty lines at the end.
  emptyLines: write('empty-lines.csv', 'w,h\r\n1,2\r\n\r\n3,"a\r\n\r\nb"\r\n\r\n\r\n5,6\r\n\r\n\r\n'),
  // A CSV saved from a sheet with a title: the title (padded with delimiters), a blank line, a note
  // whose delimiter is quoted; under the data, an empty row and two notes (one split by an unquoted comma).
  titled: write('titled.csv', 'Survey 2024, children;;\n\n"Source: NSO; 2024";;\nw;h;sex\n1;2;M\n3,5;4;F\n;;\nSource: NSO;;\nNote: synthetic; not real;\n'),
  // Notes are words: a last row with a number, or with three texts, is data (and the validation says what it lacks).
  notNotes: write('not-notes.csv', 'w,h,sex\n1,2,M\nTotal,,1e3\nM,F,X\n'),
  oneColumn: write('one-column.csv', 'name\nAna\nBob\n'),
  ctrlZ: write('ctrl-z.csv', 'w,h\r\n1,2\r\n3,4\r\n\x1a'),
  ctrlZBig: write('ctrl-z-big.csv', `w,h\n${'1,2\n'.repeat(300_000)}\x1a\n`),
  twins: write('twins.csv', 'w,hours,Hours\n1,5,7\n2,6,8\n'),
  // Equal names of columns no role reads (an export with labels for names writes them so).
  dups: write('dups.csv', 'w,P5,h,P5\n1,a,2,b\n3,c,4,d\n'),
  semicolon: write('semicolon.csv', 'code;w;label\n01;1,5;a,b\n02;2;c\n'),
  thousands: write('thousands.csv', 'code;w\n1;1,234\n2;2,500\n'),
  noheader: write('noheader.csv', '1,2\n3,4\n'),
  weird: write('weird names.csv', 'a b,"c,d",é\n1,2,3\n'),
};
// The lock test renames files: it works on copies, so other test files reading the fixtures are not disturbed.
const COPIES = Object.fromEntries(ALL.map((f) => {
  copyFileSync(FORMATS + f, join(tmp, f));
  return [f, join(tmp, f)];
}));
const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

describe.each(ENGINES)('importData on %s', (engineName) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await engineFor(engineName, [...Object.values(FILES), ...ALL.map((f) => FORMATS + f), ...Object.values(COPIES)]);
  });
  afterAll(() => engine?.close());
  const rows = async () => engine.query('SELECT * FROM src');

  it('UTF-16 with a BOM (Excel\'s "Unicode text") is transcoded', async () => {
    const r = await importData(engine, sourceFor(engineName, FILES.utf16));
    expect(r).toMatchObject({ encoding: 'utf-16le', delimiter: ',', rows: 2 });
    expect(await rows()).toEqual([{ region: 'Équateur', n: '1' }, { region: 'Kasaï', n: '2' }]);
  });

  it('UTF-16 without a BOM (a bcp or database export): read, and the note names the header\'s first names to check when no name has an accent', async () => {
    const r = await importData(engine, sourceFor(engineName, FILES.utf16NoBom));
    expect(r).toMatchObject({ encoding: 'utf-16le', delimiter: '\t', rows: 1 });
    expect(await rows()).toEqual([{ HH1: '1', HH2: '2', region: 'North' }]);
    expect(r.messages.map((m) => [m.code, m.params.sample])).toEqual([['DATA_ENCODING_GUESSED', 'HH1, HH2, region']]);
    expect(r.messages[0]!.action).toBe('Check that names such as HH1, HH2, region read correctly; otherwise set data.encoding.');
  });

  it('a byte order mark wins over a declared encoding that contradicts it, with a warning naming both', async () => {
    const r = await importData(engine, sourceFor(engineName, FILES.bomUtf8), { encoding: 'windows-1252' });
    expect(r.encoding).toBe('utf-8');
    expect(await rows()).toEqual([{ region: 'Équateur', n: '1' }, { region: 'Kasaï', n: '2' }]);
    expect(r.messages.map((m) => [m.code, m.severity, m.params])).toEqual([['DATA_ENCODING_BOM', 'warning', { file: sourceFor(engineName, FILES.bomUtf8).name, encoding: 'UTF-8', declared: 'windows-1252' }]]);
    const u = await importData(engine, sourceFor(engineName, FILES.utf16), { encoding: 'utf-8' });
    expect(u.encoding).toBe('utf-16le');
    expect(await rows()).toEqual([{ region: 'Équateur', n: '1' }, { region: 'Kasaï', n: '2' }]);
    expect(u.messages.map((m) => m.code)).toEqual(['DATA_ENCODING_BOM']);
    // Declared as the mark says: no message.
    expect((await importData(engine, sourceFor(engineName, FILES.bomUtf8), { encoding: 'utf-8' })).messages).toEqual([]);
  });

  it('a Ctrl-Z after the last line (an old DOS end-of-file mark) is no row', async () => {
    const r = await importData(engine, sourceFor(engineName, FILES.ctrlZ));
    expect(await rows()).toEqual([{ w: '1', h: '2' }, { w: '3', h: '4' }]);
    expect(r.messages).toEqual([]);
    // A file larger than the bytes sniffed (native DuckDB would read it from its path): its end is read too.
    expect((await importData(engine, sourceFor(engineName, FILES.ctrlZBig))).rows).toBe(300_000);
  });

  it('columns differing only in capitals (hours, Hours) are both read, the twin no role names under a new name, said', async () => {
    const r = await importData(engine, sourceFor(engineName, FILES.twins));
    expect(r.columns.map((c) => c.name)).toEqual(['w', 'hours', 'Hours_2']);
    expect(await rows()).toEqual([{ w: '1', hours: '5', Hours_2: '7' }, { w: '2', hours: '6', Hours_2: '8' }]);
    expect(r.messages.map((m) => m.text)).toEqual([
      `Column 3 of ${sourceFor(engineName, FILES.twins).name}, "Hours", differs from column 2, "hours", only in capitals, which the app cannot tell apart: it is read as "Hours_2".`,
    ]);
    // The mapping names "Hours": that one keeps its name.
    const mapped = await importData(engine, sourceFor(engineName, FILES.twins), { sheetWith: ['w', 'Hours'] });
    expect(mapped.columns.map((c) => c.name)).toEqual(['w', 'hours_2', 'Hours']);
    expect((await engine.query('SELECT "Hours" AS h FROM src')).map((x) => x.h)).toEqual(['7', '8']);
  });

  it('rows with no value in any column (a spreadsheet\'s empty rows), at the end or between data rows, are not read, and said; the rows after them keep their numbers', async () => {
    const r = await importData(engine, sourceFor(engineName, FILES.trailing));
    expect(r.rows).toBe(2);
    expect(await rows()).toEqual([{ w: '1', h: '2' }, { w: '3', h: '4' }]);
    expect(await engine.query('SELECT rowid::INTEGER AS r FROM src ORDER BY rowid')).toEqual([{ r: 0 }, { r: 2 }]);
    expect(r.messages.map((m) => [m.code, m.severity, m.params.count, m.params.first])).toEqual([['DATA_BLANK_ROWS_SKIPPED', 'info', 2, 4], ['DATA_BLANK_ROWS_INSIDE', 'info', 1, 2]]);
  });

  it('equal column names no role reads are read apart, the later as <name>_2, and said (a probe: refused); a role reading one stops the run', async () => {
    const r = await importData(engine, sourceFor(engineName, FILES.dups));
    expect(r.columns.map((c) => c.name)).toEqual(['w', 'P5', 'h', 'P5_2']);
    expect(await rows()).toEqual([{ w: '1', P5: 'a', h: '2', P5_2: 'b' }, { w: '3', P5: 'c', h: '4', P5_2: 'd' }]);
    expect(r.messages.map((m) => [m.code, m.severity, m.text])).toEqual([
      ['DATA_COLUMN_DUPLICATE_RENAMED', 'warning', `Column 4 of ${sourceFor(engineName, FILES.dups).name} has the same name as column 2, "P5": it is read as "P5_2", and "P5" is column 2.`],
    ]);
    // The command line knows the columns it reads: others' equal names do not stop it, a read one's does.
    expect((await importData(engine, sourceFor(engineName, FILES.dups), { columns: ['w', 'h'] })).messages.map((m) => m.code)).toEqual(['DATA_COLUMN_DUPLICATE_RENAMED']);
    await expect(importData(engine, sourceFor(engineName, FILES.dups), { columns: ['w', 'P5'] })).rejects.toThrow(/two columns with the same name: "P5" \(column 2\) and "P5" \(column 4\)/);
  });

  it('empty lines between data rows are not read, and the rows after them keep their numbers (an error at a line\'s row named a row too early)', async () => {
    const r = await importData(engine, sourceFor(engineName, FILES.emptyLines));
    expect(r.rows).toBe(3);
    expect(await rows()).toEqual([{ w: '1', h: '2' }, { w: '3', h: 'a\r\n\r\nb' }, { w: '5', h: '6' }]);
    expect(await engine.query('SELECT rowid::INTEGER AS r FROM src ORDER BY rowid')).toEqual([{ r: 0 }, { r: 2 }, { r: 5 }]);
    expect(r.messages.map((m) => [m.code, m.params.count, m.params.first])).toEqual([['DATA_BLANK_ROWS_INSIDE', 3, 2]]);
  });

  it('title lines above the header (a CSV saved from a sheet with a title) are skipped, and said with the header\'s line; notes under the data are not read', async () => {
    const r = await importData(engine, sourceFor(engineName, FILES.titled), { decimalComma: true });
    expect(r.delimiter).toBe(';');
    expect(r.columns.map((c) => c.name)).toEqual(['w', 'h', 'sex']);
    expect(await rows()).toEqual([{ w: '1', h: '2', sex: 'M' }, { w: '3.5', h: '4', sex: 'F' }]);
    expect(r.messages.map((m) => [m.code, m.params.count, m.params.line ?? m.params.first, m.params.title ?? m.params.note])).toEqual([
      ['DATA_CSV_TITLE_SKIPPED', 3, 4, 'Survey 2024, children / Source: NSO; 2024'],
      ['DATA_NOTE_ROWS_SKIPPED', 3, 3, 'Source: NSO'],
    ]);
    expect(r.messages[0]!.params.first).toBe(5);
  });

  it('a last row with a number or three texts is data; a one-column file keeps its rows', async () => {
    const r = await importData(engine, sourceFor(engineName, FILES.notNotes));
    expect(r.rows).toBe(3);
    expect(r.messages).toEqual([]);
    const one = await importData(engine, sourceFor(engineName, FILES.oneColumn));
    expect(one.rows).toBe(2);
    expect(one.messages).toEqual([]);
  });

  it('a windows-1252 byte after the sniffed part: read again as windows-1252, and said so', async () => {
    const source: ImportSource = { ...sourceFor(engineName, FILES.late) };
    source.head = source.head.subarray(0, 64); // the first bytes are pure ASCII
    const r = await importData(engine, source);
    expect(r.encoding).toBe('windows-1252');
    expect(r.messages.map((m) => m.code)).toEqual(['DATA_ENCODING_GUESSED']);
    expect(r.messages[0]!.params).toMatchObject({ line: 302, sample: 'Équateur' });
    const [last] = await engine.query('SELECT region FROM src WHERE n = \'2\'');
    expect(last!.region).toBe('Équateur');
  });

  it('semicolons with decimal commas: numbers converted, text columns left as written, codes keep leading zeros', async () => {
    const r = await importData(engine, sourceFor(engineName, FILES.semicolon), { decimalComma: true });
    expect(r).toMatchObject({ delimiter: ';', decimalComma: true });
    expect(r.columns.map((c) => c.type)).toEqual(['number', 'number', 'text']);
    expect(await rows()).toEqual([{ code: '01', w: '1.5', label: 'a,b' }, { code: '02', w: '2', label: 'c' }]);
    await importData(engine, sourceFor(engineName, FILES.semicolon), { decimalComma: true, columnTypes: { w: 'text' } });
    expect((await rows())[0]!.w).toBe('1,5');
  });

  it('semicolons with decimal commas, read without the option: said at once (DATA_DECIMAL_COMMA_LIKELY, naming a column and a value), not when the option is given either way', async () => {
    // A walk: the Data step said only that a role was missing; VALUE_DECIMAL_COMMA came at Estimate.
    const said = (r: { messages: { code: string; params: Record<string, unknown> }[] }) => r.messages.filter((m) => m.code === 'DATA_DECIMAL_COMMA_LIKELY');
    const [m, ...more] = said(await importData(engine, sourceFor(engineName, FILES.semicolon)));
    expect(more).toEqual([]);
    expect(m!.params).toMatchObject({ column: 'w', example: '1,5' });
    expect(said(await importData(engine, sourceFor(engineName, FILES.semicolon), { decimalComma: false }))).toEqual([]);
    expect(said(await importData(engine, sourceFor(engineName, FILES.semicolon), { decimalComma: true }))).toEqual([]);
    // "1,234" may be thousands; a comma-delimited file's commas are its delimiters.
    expect(said(await importData(engine, sourceFor(engineName, FILES.thousands)))).toEqual([]);
    expect(said(await importData(engine, sourceFor(engineName, FILES.trailing)))).toEqual([]);
  });

  it('header: false names the columns column1..N; odd names are kept', async () => {
    const r = await importData(engine, sourceFor(engineName, FILES.noheader), { header: false });
    expect(r.rows).toBe(2);
    expect(await rows()).toEqual([{ column1: '1', column2: '2' }, { column1: '3', column2: '4' }]);
    await importData(engine, sourceFor(engineName, FILES.weird));
    expect(await rows()).toEqual([{ 'a b': '1', 'c,d': '2', 'é': '3' }]);
  });

  it('a forced format and a TSV: data.format "tsv" reads tabs', async () => {
    const r = await importData(engine, sourceFor(engineName, FORMATS + 'survey.tsv'), { format: 'tsv' });
    expect(r).toMatchObject({ format: 'csv', delimiter: '\t', rows: 576 });
  });

  it('reports progress for a decoded format: read, decode, load (rows), convert', async () => {
    const steps: [ImportStep, number, number][] = [];
    await importData(engine, sourceFor(engineName, FORMATS + 'survey.sav'), { progress: (s, d, o) => steps.push([s, d, o]) });
    expect([...new Set(steps.map((s) => s[0]))]).toEqual(['read', 'decode', 'load', 'convert']);
    expect(steps.filter((s) => s[0] === 'load').at(-1)).toEqual(['load', 576, 576]);
  });

  it('labels: variable labels, value labels by code as in the table, the file label', async () => {
    const r = await importData(engine, sourceFor(engineName, FORMATS + 'survey-117.dta'));
    expect(r.labels.dataset).toBe('Enquête enfants (formats)');
    expect(r.labels.variables.sex).toBe('Sex of household member');
    expect(r.labels.values.sex).toEqual({ '1': 'Garçon', '2': 'Fille' });
    expect(r.labels.values.region_code).toEqual({ '1': 'Équateur', '2': 'Sud-Ouest', '3': 'Kasaï', '4': 'Kinshasa' });
    expect(r.labels.missing.econ_hours).toEqual({ '.a': expect.any(Number), '.b': expect.any(Number) });
    expect(r.columns.find((c) => c.name === 'sex')).toMatchObject({ type: 'number', label: 'Sex of household member', valueLabels: { '1': 'Garçon', '2': 'Fille' } });
    // Extended missing values keep their code in the raw table ("missing with code .a", never a blank
    // "not asked" cell), and are listed as declared missing for the mapping.
    const [x] = await engine.query(`SELECT count(*) FILTER (WHERE econ_hours = '.a') AS a, count(*) FILTER (WHERE econ_hours = '.b') AS b FROM src`);
    expect([Number(x!.a), Number(x!.b)]).toEqual([r.labels.missing.econ_hours!['.a'], r.labels.missing.econ_hours!['.b']]);
    expect((await readDeclaredMissing(engine)).econ_hours).toEqual(['.a', '.b']);
  });

  it('Parquet never loads DuckDB\'s parquet extension in DuckDB-WASM', async () => {
    await importData(engine, sourceFor(engineName, FORMATS + 'survey.parquet'));
    expect(engine.readsParquet).toBe(engineName === 'duckdb-native');
    if (engineName === 'duckdb-wasm') {
      const loaded = await engine.query(`SELECT extension_name FROM duckdb_extensions() WHERE loaded AND extension_name = 'parquet'`);
      expect(loaded).toEqual([]);
    }
  });

  it('errors are catalogue errors that name the file', async () => {
    const e = await importData(engine, bytesSource('nothing.csv', new Uint8Array())).catch((x) => x);
    expect(e).toBeInstanceOf(AnalysisError);
    expect(e.msg).toMatchObject({ code: 'DATA_FILE_EMPTY', params: { file: 'nothing.csv' } });
  });

  it.each(ALL)('%s: the source file is neither changed nor locked by reading it', async (f) => {
    const p = COPIES[f]!;
    const before = sha(p);
    const { mtimeMs, size } = statSync(p);
    await importData(engine, sourceFor(engineName, p), f.endsWith('.xlsx') ? { sheet: 'Enfants' } : f.includes('semicolon') ? { decimalComma: true } : {});
    // With the engine still open: the file can be opened for writing and renamed (no lock held).
    closeSync(openSync(p, 'r+'));
    renameSync(p, p + '.moved');
    renameSync(p + '.moved', p);
    expect(sha(p)).toBe(before);
    expect(statSync(p)).toMatchObject({ mtimeMs, size });
  });
});
