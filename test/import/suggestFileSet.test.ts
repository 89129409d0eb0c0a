import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { coreText } from '../../analysis/i18n/index.js';
import { keyQuestions, suggestFileSet, type FileShape, type IsUnique } from '../../analysis/import/suggestFileSet.js';
import type { AnalysisFile } from '../../analysis/types.js';

/**
 * Which file is the main one and which joins bring the others (analysis/import/suggestFileSet.ts):
 * on the MICS6-style fixture set, whose analysis file gives the standard joins, and on small
 * labour-force-style sets. Uniqueness answers come from the rows themselves, as the app's worker
 * computes them with SQL.
 */
const DIR = new URL('../fixtures/fileset/', import.meta.url).pathname;
type Rows = Record<string, string>[];

function readCsv(file: string): Rows {
  const [head, ...lines] = readFileSync(DIR + file, 'utf8').trimEnd().split('\n').map((l) => l.split(','));
  return lines.map((l) => Object.fromEntries(head!.map((h, i) => [h, l[i] ?? ''])));
}

interface Table {
  name: string;
  rows: Rows;
}
const shape = (t: Table): FileShape => ({ name: t.name, columns: Object.keys(t.rows[0]!).map((name) => ({ name })), rows: t.rows.length });

/** Unique by the columns among rows whose keys are all filled, as the worker's SQL decides. */
const uniqueIn = (tables: Table[]): IsUnique => (file, columns) => {
  const rows = tables.find((t) => t.name === file)!.rows;
  const keys = rows.map((r) => columns.map((c) => (r[c] ?? '').trim())).filter((k) => k.every((v) => v !== '')).map((k) => k.join('\u0001'));
  return new Set(keys).size === keys.length;
};

const fileset = (names: Record<'fs' | 'hh' | 'hl', string>): Table[] =>
  (['hh', 'fs', 'hl'] as const).map((k) => ({ name: names[k], rows: readCsv(`${k}.csv`) }));
const standardJoins = (JSON.parse(readFileSync(DIR + 'fileset-csv.analysis.json', 'utf8')) as AnalysisFile).joins!;

describe('suggestFileSet: MICS6', () => {
  it('takes fs as the main file and proposes the joins of the fixture set\'s analysis file (hh, the child\'s hl row, the mother\'s)', () => {
    const tables = fileset({ fs: 'fs.csv', hh: 'hh.csv', hl: 'hl.csv' });
    const s = suggestFileSet(tables.map(shape), uniqueIn(tables));
    expect(s.kind).toBe('mics6');
    expect(s.main).toBe('fs.csv');
    expect(s.notJoined).toEqual([]);
    expect(s.messages).toEqual([]);
    // The mother's row brings her education only, prefixed; the others every column they add.
    expect(s.joins).toEqual(standardJoins);
  });

  it('recognises the files by name with any folder or prefix, and writes the names alone in the joins', () => {
    const tables = fileset({ fs: 'C:\\surveys\\Country MICS6\\Country_fs.sav', hh: 'mics6/Country_hh.sav', hl: 'Country_hl.sav' });
    const s = suggestFileSet(tables.map(shape), uniqueIn(tables));
    expect(s.main).toBe(tables[1]!.name);
    expect(s.joins.map((j) => [j.name, j.data.path])).toEqual([['hh', 'Country_hh.sav'], ['hl', 'Country_hl.sav'], ['mother', 'Country_hl.sav']]);
  });

  it('recognises the files by their variables when the names say nothing', () => {
    const tables = fileset({ fs: 'a.csv', hh: 'b.csv', hl: 'c.csv' });
    const s = suggestFileSet(tables.map(shape), uniqueIn(tables));
    expect(s.main).toBe('a.csv');
    expect(s.joins.map((j) => `${j.name} ${j.data.path} ${j.on.map((k) => `${k.main}=${k.joined}`).join(',')}`)).toEqual([
      'hh b.csv HH1=HH1,HH2=HH2', 'hl c.csv HH1=HH1,HH2=HH2,FS3=HL1', 'mother c.csv HH1=HH1,HH2=HH2,HL12=HL1',
    ]);
  });

  it('brings from hl only what fs and hh do not have (as the distributed hl.sav repeats the household\'s columns); no mother without HL12', () => {
    const hl = readCsv('hl.csv').map(({ HL12: _, ...r }) => ({ ...r, HH6: '1', windex5: '3', HL4: r.HL4! }));
    const tables: Table[] = [{ name: 'fs.sav', rows: readCsv('fs.csv') }, { name: 'hh.sav', rows: readCsv('hh.csv') }, { name: 'hl.sav', rows: hl }];
    const s = suggestFileSet(tables.map(shape), uniqueIn(tables));
    expect(s.joins.map((j) => j.name)).toEqual(['hh', 'hl']);
    expect(s.joins[1]!.columns).toEqual(['HL4', 'HL6', 'ED5A', 'ED10']);
  });

  it('joins a MICS6 household file even when its rows repeat a household (the join then names them: JOIN_KEY_DUPLICATE), and says which other files it left out', () => {
    // A walk: hh.csv with 2 % of its households written twice was left out, said only as "no key columns were found".
    const hh = readCsv('hh.csv');
    const tables: Table[] = [{ name: 'fs.sav', rows: readCsv('fs.csv') }, { name: 'hh.sav', rows: [...hh, ...hh.slice(0, 100)] }, { name: 'wm.sav', rows: [{ HH1: '1', HH2: '1', LN: '2', WB4: '30' }] }];
    const s = suggestFileSet(tables.map(shape), uniqueIn(tables));
    expect(s.joins.map((j) => [j.name, j.data.path, j.on.map((k) => k.joined).join(',')])).toEqual([['hh', 'hh.sav', 'HH1,HH2']]);
    expect(s.notJoined).toEqual(['wm.sav']);
    expect(s.messages.map((m) => [m.code, m.severity, m.params])).toEqual([['FILESET_NOT_JOINED', 'warning', { main: 'fs.sav', files: 'wm.sav', count: 1 }]]);
    expect(s.messages[0]!.text).toContain('fs.sav was taken as the main file');
  });
});

/** A small labour-force-style set: households, the members roster, the children's questionnaire. */
function lfs(): Table[] {
  const households: Rows = [];
  const members: Rows = [];
  const children: Rows = [];
  for (let h = 1; h <= 30; h++) {
    const hhid = String(1000 + h);
    households.push({ hhid, region: String(1 + (h % 4)), urban: String(1 + (h % 2)), wealth_q: String(1 + (h % 5)), hh_size: '4' });
    for (let line = 1; line <= 4; line++) {
      members.push({ hhid, line_no: String(line), sex: String(1 + (line % 2)), age: String(line <= 2 ? 30 + h : 5 + line + (h % 8)), educ: String(line % 3) });
      if (line > 2) children.push({ hhid, line_no: String(line), weight: '1.5', psu: String(h), worked_last_week: String(1 + (h % 2)), hours_worked: String(h % 20), chores_hours: '3' });
    }
  }
  return [{ name: 'lfs_members.csv', rows: members }, { name: 'lfs_households.csv', rows: households }, { name: 'lfs_children.csv', rows: children }];
}

describe('suggestFileSet: other surveys', () => {
  it('takes the file with the work questions as main, joins the household file by its id and the roster by id and line number', () => {
    const tables = lfs();
    const s = suggestFileSet(tables.map(shape), uniqueIn(tables));
    expect(s.kind).toBe('survey');
    expect(s.main).toBe('lfs_children.csv');
    expect(s.joins).toEqual([
      { name: 'household', data: { path: 'lfs_households.csv' }, on: [{ main: 'hhid', joined: 'hhid' }] },
      { name: 'member', data: { path: 'lfs_members.csv' }, on: [{ main: 'hhid', joined: 'hhid' }, { main: 'line_no', joined: 'line_no' }] },
    ]);
    expect(s.messages).toEqual([]);
  });

  it('with the roster as main (no children\'s file), joins the household file', () => {
    const [members, households] = lfs();
    const roster = { ...members!, rows: members!.rows.map((r) => ({ ...r, hours_worked: '0', industry: '' })) };
    const s = suggestFileSet([households!, roster].map(shape), uniqueIn([households!, roster]));
    expect(s.main).toBe('lfs_members.csv');
    expect(s.joins.map((j) => [j.name, j.data.path, j.on.map((k) => k.main)])).toEqual([['household', 'lfs_households.csv', ['hhid']]]);
  });

  it('proposes nothing for files that share no id, and names the main file and the others, in every language', () => {
    const a: Table = { name: 'children.csv', rows: [{ id: '1', age: '7', hours_worked: '2' }, { id: '2', age: '9', hours_worked: '0' }] };
    const b: Table = { name: 'prices.csv', rows: [{ item: 'rice', price: '3' }] };
    const s = suggestFileSet([b, a].map(shape), uniqueIn([a, b]));
    expect(s.main).toBe('children.csv');
    expect(s.joins).toEqual([]);
    expect(s.notJoined).toEqual(['prices.csv']);
    const m = s.messages[0]!;
    expect(coreText('fr', m.code, m.params).text).toMatch(/^children\.csv a été pris comme fichier principal .* prices\.csv n'a pas été joint/);
    expect(coreText('es', m.code, m.params).text).toMatch(/^children\.csv se tomó como archivo principal .* prices\.csv no se unió/);
  });

  it('asks only the questions keyQuestions lists, and without answers keeps to what the files\' shape shows', () => {
    for (const tables of [lfs(), fileset({ fs: 'fs.csv', hh: 'hh.csv', hl: 'hl.csv' })]) {
      const listed = keyQuestions(tables.map(shape)).map((q) => JSON.stringify(q));
      const asked: string[] = [];
      const answer = uniqueIn(tables);
      suggestFileSet(tables.map(shape), (file, columns) => {
        asked.push(JSON.stringify({ file, columns }));
        return answer(file, columns);
      });
      for (const q of asked) expect(listed).toContain(q);
      // A MICS6 set's keys are the standard's: nothing to ask.
      expect(asked.length > 0).toBe(tables.some((t) => t.name.startsWith('lfs')));
    }
    // Unknown uniqueness: the household file (fewer rows, no line numbers) is still joined; the roster is not.
    const s = suggestFileSet(lfs().map(shape));
    expect(s.joins.map((j) => j.name)).toEqual(['household']);
    expect(s.notJoined).toEqual(['lfs_members.csv']);
  });
});
