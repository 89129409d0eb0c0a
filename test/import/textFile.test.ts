import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../analysis/import/format.js';
import { AnalysisError, formatMessageIn } from '../../analysis/messages.js';
import { coreText } from '../../analysis/i18n/index.js';
import {
  caseTwins, columnNames, csvRecords, decodeText, duplicateName, lineAt, looksUtf16, sampleTypes, scanText, singleByteEncoding, sniffDialect, suspectDelimiter, toUtf8,
} from '../../analysis/import/textFile.js';

const bytes = (...parts: (string | number[])[]) => {
  const out: number[] = [];
  for (const p of parts) out.push(...(typeof p === 'string' ? new TextEncoder().encode(p) : p));
  return new Uint8Array(out);
};

describe('encoding of text files', () => {
  // Bytes of a text in windows-1252 or Mac OS Roman, from the decoders' own tables.
  const encoder = (encoding: 'windows-1252' | 'macintosh') => {
    const table = new Map([...decodeText(Uint8Array.from({ length: 128 }, (_, i) => 128 + i), encoding)].map((ch, i) => [ch, 128 + i]));
    return (text: string) => Uint8Array.from([...text].map((ch) => (ch.charCodeAt(0) < 128 ? ch.charCodeAt(0) : table.get(ch)!)));
  };
  it.each([
    ['French region names', 'region,sexe\nRégion des Lacs,Féminin\nÉquateur,Masculin\nKasaï-Oriental,Féminin\n'],
    ['Spanish', 'región;área\nAtlántico;Urbano\nNariño;Rural\nBogotá;Urbano\n'],
    ['one capital only, at the start of a word', 'province\nÉquateur\nÉquateur\n'],
    ['apostrophes and accents', "nom\nCôte d’Ivoire\nl’école\n"],
    ['Portuguese', 'região\nSão Tomé\nPríncipe\nCabeça\n'],
  ])('%s: read in the encoding it was written in', (_, text) => {
    for (const encoding of ['windows-1252', 'macintosh'] as const) {
      const b = encoder(encoding)(text);
      expect(singleByteEncoding(b), encoding).toBe(encoding);
      expect(decodeText(b, singleByteEncoding(b))).toBe(text);
    }
  });
  it('a line ends at a CR alone too (Excel for Mac)', () => {
    expect(lineAt(bytes('a\rb\rc'), 4)).toBe(3);
    expect(lineAt(bytes('a\r\nb\r\nc'), 6)).toBe(3);
  });
  it('UTF-8: multi-byte sequences found, nothing invalid; the BOM is seen', () => {
    const s = scanText(bytes([0xef, 0xbb, 0xbf], 'région,Équateur\n'));
    expect(s).toMatchObject({ bom: 'utf-8', firstInvalid: -1, firstNul: -1 });
    expect(s.firstMultibyte).toBe(4);
  });
  it('windows-1252: the first byte that is not UTF-8, and its line', () => {
    const b = bytes('a,b\n1,', [0xc9], 'quateur\n');
    const s = scanText(b);
    expect(s.firstInvalid).toBe(6);
    expect(s.firstMultibyte).toBe(-1);
    expect(lineAt(b, s.firstInvalid)).toBe(2);
  });
  it('a sequence cut by the end of a sample is not invalid; at the end of a file it is', () => {
    const b = bytes('ab', [0xc3]);
    expect(scanText(b, false).firstInvalid).toBe(-1);
    expect(scanText(b, true).firstInvalid).toBe(2);
  });
  it('overlong forms and surrogates are invalid UTF-8', () => {
    expect(scanText(bytes([0xc0, 0xaf])).firstInvalid).toBe(0);
    expect(scanText(bytes([0xed, 0xa0, 0x80])).firstInvalid).toBe(0);
    expect(scanText(bytes([0xf4, 0x90, 0x80, 0x80])).firstInvalid).toBe(0);
  });
  it('NUL bytes and control characters are counted', () => {
    expect(scanText(bytes('a', [0], 'b', [1, 2])).firstNul).toBe(1);
    expect(scanText(bytes('a', [0], 'b', [1, 2])).controls).toBe(3);
  });
  it('UTF-16 without a BOM is recognised from its NUL pattern', () => {
    const le = new Uint8Array([...'age,sex\n1,2\n'].flatMap((c) => [c.charCodeAt(0), 0]));
    expect(looksUtf16(le)).toBe('utf-16le');
    expect(looksUtf16(bytes('age,sex\n'))).toBeNull();
  });
  it('windows-1252 decodes bytes 0x80-0x9F as the Encoding Standard says (’, Œ, €), on every platform', () => {
    expect(decodeText(new Uint8Array([0x6c, 0x92, 0xe9, 0x8c, 0x80]), 'windows-1252')).toBe('l’éŒ€');
    expect(new TextDecoder().decode(toUtf8(new Uint8Array([0xc9, 0x92]), 'windows-1252'))).toBe('É’');
  });
});

describe('CSV dialect', () => {
  it('records with quotes, doubled quotes, CRLF and blank lines', () => {
    expect(csvRecords('a,b\r\n"x,1","say ""hi"""\n\n3,4', ',', 10)).toEqual([['a', 'b'], ['x,1', 'say "hi"'], ['3', '4']]);
  });
  it('a sample cut mid-record drops the cut record', () => {
    expect(csvRecords('a,b\n1,2\n3,', ',', 10, false)).toEqual([['a', 'b'], ['1', '2']]);
  });
  it.each([
    ['a,b,c\n1,2,3\n', ','],
    ['a;b;c\n1;2,5;3\n', ';'],
    ['a\tb\tc\n1\t2\t3\n', '\t'],
    ['a|b|c\n1|2|3\n', '|'],
    ['"x;y",b,c\n1,2,3\n', ','],
  ])('detects the delimiter of %j', (text, d) => {
    expect(sniffDialect(text).delimiter).toBe(d);
  });
  it('an inconsistent row does not hide the delimiter (DuckDB then reports the line)', () => {
    const d = sniffDialect('a,b,c\n1,2,3\n4,5\n');
    expect(d.delimiter).toBe(',');
    expect(d.widths).toEqual([3, 3, 2]);
  });
  it('a forced delimiter that leaves one column is suspect when the name holds another', () => {
    const d = sniffDialect('a;b;c\n1;2;3\n', { delimiter: ',' });
    expect(suspectDelimiter(d)).toBe(';');
    expect(suspectDelimiter(sniffDialect('onlyone\n1\n'))).toBeUndefined();
  });
  it('title lines above the header (titles: true): passed over for the delimiter and the header, with the header\'s line', () => {
    const d = sniffDialect('Survey 2024, children 5-17\r\n\r\n"Source: NSO; 2024";;\r\nw;h;sex\r\n1;2;M\r\n3;4;F\r\n', { titles: true });
    expect(d.delimiter).toBe(';');
    expect(d.first).toEqual(['w', 'h', 'sex']);
    expect(d.titles).toEqual({ count: 3, text: 'Survey 2024, children 5-17 / Source: NSO; 2024', headerLine: 4, firstLine: 5 });
    // Excel's "sep=;" directive is quoted whole, not as its part before the delimiter (a probe: "sep=").
    expect(sniffDialect('sep=;\r\nw;h;sex\r\n1;2;M\r\n3;4;F\r\n', { titles: true }).titles?.text).toBe('sep=;');
    // Without titles (no header), or when the header is the first line, nothing is passed over.
    expect(sniffDialect('Survey 2024\nw;h;sex\n1;2;M\n').titles).toBeUndefined();
    expect(sniffDialect('w,h,sex\n1,2,M\n', { titles: true }).titles).toBeUndefined();
    // A one-column file, and a header in another delimiter than the one given, are no titles.
    expect(sniffDialect('name\nAna\nBob\n', { titles: true }).titles).toBeUndefined();
    const other = sniffDialect('a;b;c;d\n1;2,5;3;4\n5;6,5;7;8\n', { delimiter: ',', titles: true });
    expect(other.titles).toBeUndefined();
    expect(suspectDelimiter(other)).toBe(';');
  });
  it('a line of group headers above the names: passed over by the rule, or when the mapped columns (headerWith) are on a later line', () => {
    const text = 'Identification,,Weights,Child,Work,\nhh,line,w,age,sex,hours\n1,1,0.5,12,2,0\n';
    expect(sniffDialect(text, { titles: true }).first).toEqual(['Identification', '', 'Weights', 'Child', 'Work', '']);
    const d = sniffDialect(text, { titles: true, headerWith: ['age', 'sex'] });
    expect(d.first).toEqual(['hh', 'line', 'w', 'age', 'sex', 'hours']);
    expect(d.titles).toEqual({ count: 1, text: 'Identification Weights Child Work', headerLine: 2, firstLine: 3 });
    // Two group cells over six names, data under them: the rule finds the names without the mapping.
    expect(sniffDialect('Identification,,,Child,,\nhh,line,w,age,sex,hours\n1,1,0.5,12,2,0\n', { titles: true }).first).toEqual(['hh', 'line', 'w', 'age', 'sex', 'hours']);
  });
  it('records\' start lines: after blank lines, and after a quoted value with a line break', () => {
    const lines: number[] = [];
    expect(csvRecords('a,b\n\n"x\ny",1\r\n2,3\n', ',', 10, true, lines)).toEqual([['a', 'b'], ['x\ny', '1'], ['2', '3']]);
    expect(lines).toEqual([1, 3, 5]);
  });
  it('names: trimmed, blanks named by position; without a header column1..N', () => {
    expect(columnNames([' age ', '', 'sex'], true)).toEqual(['age', 'column2', 'sex']);
    expect(columnNames(['5', '1'], false)).toEqual(['column1', 'column2']);
  });
  it('types from the sampled rows, with and without decimal comma', () => {
    const rows = [['1', '2.5', 'x', ''], ['3', '', 'y', '']];
    expect(sampleTypes(rows, 4, false)).toEqual(['number', 'number', 'text', 'empty']);
    expect(sampleTypes([['1', '2,5']], 2, true)).toEqual(['number', 'number']);
    expect(sampleTypes([['1', '2,5']], 2, false)).toEqual(['number', 'text']);
  });
});

describe('format detection', () => {
  it.each([
    ['$FL2@(#) SPSS', 'x.csv', 'sav'],
    ['$FL3@(#) SPSS', 'x.sav', 'zsav'],
    ['<stata_dta><header>', 'x.bin', 'dta'],
    ['PAR1....', 'data', 'parquet'],
    ['PK\x03\x04....', 'book.xlsx', 'xlsx'],
    ['a,b\n1,2\n', 'data.txt', 'csv'],
    ['a,b\n1,2\n', 'data.parquet', 'parquet'],
  ])('%j named %s is %s', (head, name, format) => {
    expect(detectFormat(bytes(head), name)).toEqual({ format });
  });
  // A zip's first local header: signature, 22 bytes, name length (little-endian), extra length, name.
  const zip = (entry: string) => bytes('PK\x03\x04', new Array(22).fill(0), [entry.length, 0, 0, 0], entry, 'data...');
  it.each([['[Content_Types].xml'], ['_rels/.rels'], ['docProps/app.xml'], ['xl/workbook.xml']])('a zip whose first file is %s is a workbook', (entry) => {
    expect(detectFormat(zip(entry), 'book.xlsx')).toEqual({ format: 'xlsx' });
    expect(detectFormat(zip(entry), 'book.zip')).toEqual({ format: 'xlsx' });
  });
  it('a zip of a CSV is an archive to extract, named with its first file, in the reader\'s language', () => {
    const d = detectFormat(zip('enquete_2023.csv'), 'enquete_2023.zip');
    expect(d).toEqual({ unknown: 'formatProblem.zip', entry: 'enquete_2023.csv' });
    const error = new AnalysisError('DATA_FORMAT_UNKNOWN', { file: 'enquete_2023.zip', detail: 'formatProblem.zip', entry: 'enquete_2023.csv' });
    expect(formatMessageIn(error.msg, 'en')).toContain('is a zip archive (its first file: "enquete_2023.csv"); extract the data file from it first');
    expect(formatMessageIn(error.msg, 'fr')).toContain('archive zip (son premier fichier : « enquete_2023.csv »)');
    // Every other kind the reader names, in the reader's language (no English left in a French message).
    const gz = detectFormat(new Uint8Array([0x1f, 0x8b, 8, 0]), 'x.csv');
    expect(gz).toEqual({ unknown: 'formatProblem.gzip' });
    const said = new AnalysisError('DATA_FORMAT_UNKNOWN', { file: 'x.csv', detail: (gz as { unknown: string }).unknown });
    expect(formatMessageIn(said.msg, 'fr')).toContain("il est compressé en gzip ; décompressez-le d'abord");
    expect(formatMessageIn(said.msg, 'es')).toContain('está comprimido con gzip; descomprímalo primero');
    expect(detectFormat(zip('survey/'), 'survey.zip')).toEqual({ unknown: 'formatProblem.zip', entry: 'survey/' });
    expect(detectFormat(zip('mimetype'), 'x.ods')).toHaveProperty('unknown');
  });
  it('an SPSS portable file (.por), by its extension or its SPSSPORT tag: named, not read as a malformed CSV (a probe)', () => {
    const por = new TextEncoder().encode(`${'ASCII SPSS PORT FILE'.padEnd(80)}\r\n`.repeat(5) + '0'.repeat(56) + 'SPSSPORT' + 'A'.repeat(40));
    expect(detectFormat(por, 'survey.dat')).toEqual({ unknown: 'formatProblem.por' });
    expect(detectFormat(new Uint8Array([0x41]), 'survey.POR')).toEqual({ unknown: 'formatProblem.por' });
    const said = new AnalysisError('DATA_FORMAT_UNKNOWN', { file: 'survey.por', detail: 'formatProblem.por' });
    expect(formatMessageIn(said.msg, 'es')).toContain('es un archivo portátil de SPSS (.por); ábralo en SPSS o PSPP y guárdelo como .sav');
  });
  it('old Stata formats by their header bytes when named .dta', () => {
    expect(detectFormat(new Uint8Array([114, 2, 1, 0]), 'x.dta')).toEqual({ format: 'dta' });
  });
  it.each([
    [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 'x.xls'],
    [[0x1f, 0x8b, 8, 0], 'x.csv.gz'],
    [[0x41], 'x.sas7bdat'],
  ])('unknown: %j named %s', (head, name) => {
    expect(detectFormat(new Uint8Array(head), name)).toHaveProperty('unknown');
  });
});

describe('names differing only in capitals (wgt and WGT in a Stata file)', () => {
  it('the later twin, or the one no role names, is read as <name>_2, a name no column has', () => {
    expect(caseTwins(['wgt', 'age', 'WGT'])).toEqual({ names: ['wgt', 'age', 'WGT_2'], renamed: [{ column: 'WGT', renamed: 'WGT_2', at: 3, other: 'wgt', otherAt: 1 }] });
    expect(caseTwins(['wgt', 'age', 'WGT'], ['WGT', 'age']).names).toEqual(['wgt_2', 'age', 'WGT']);
    expect(caseTwins(['Age', 'age_2', 'age', 'AGE']).names).toEqual(['Age', 'age_2', 'age_3', 'AGE_4']);
    expect(caseTwins(['a', 'b'])).toEqual({ names: ['a', 'b'], renamed: [] });
  });
});

describe('duplicate column names', () => {
  it('equal names are found; names differing in capitals only in a Parquet file (read by name)', () => {
    expect(duplicateName(['Age', 'x', 'age'])).toBeUndefined();
    expect(duplicateName(['Age', 'x', 'age'], true)).toEqual({ name: 'age', other: 'Age', first: 1, second: 3 });
    expect(duplicateName(['age', 'age'])).toEqual({ name: 'age', other: 'age', first: 1, second: 2 });
    expect(duplicateName(['age', 'sex'])).toBeUndefined();
    expect(coreText('en', 'DATA_COLUMN_DUPLICATE', { file: 'f.csv', column: 'age', other: 'Age', first: 1, second: 8 }).text)
      .toBe('The data file f.csv has two columns with the same name: "Age" (column 1) and "age" (column 8); names are compared without regard to capitals or to spaces around them.');
  });
});
