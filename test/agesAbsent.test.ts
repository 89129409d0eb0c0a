import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAnalysis } from '../analysis/analysisFile.js';
import type { Engine } from '../analysis/engine/engine.js';
import { formatMessageIn } from '../analysis/messages.js';
import { validateData } from '../analysis/validate.js';
import { runFile } from '../analysis/cli/main.js';
import { standardTable } from '../analysis/present/index.js';
import { ENGINES, REFERENCE_DIR, engineWithRows } from './engines.js';

/**
 * A child labour module asked of ages 12-17 only (a probe): the 5-11 rows have no child and the "5-17"
 * rows are those of 12-17. Said (AGES_ABSENT), with the ages absent and present; not said of a file
 * with every age, nor of a design without clusters (the check's other path).
 */
const path = new URL('./fixtures/reference.analysis.json', import.meta.url).pathname;
const base = JSON.parse(readFileSync(path, 'utf8'));
const lines = readFileSync(`${REFERENCE_DIR}children_sample.csv`, 'utf8').trim().split('\n');
const head = lines[0]!.split(',');
const age = head.indexOf('age');
const rows = lines.slice(1).map((l) => l.split(',').map((c) => (c === '' ? null : c)));
const older = rows.filter((r) => Number(r[age]) >= 12 || Number(r[age]) === 9);
const hours = ['econ_hours', 'chores_hours'].map((c) => head.indexOf(c));
// The module's hours asked of 12-17 only: blank for every child under 12 (a walk).
const blankYoung = rows.map((r) => (Number(r[age]) < 12 ? r.map((c, j) => (hours.includes(j) ? null : c)) : r));

describe.each(ENGINES)('ages with no child counted, or no known hours, on %s', (name) => {
  let all: Engine;
  let some: Engine;
  let blank: Engine;
  beforeAll(async () => {
    all = await engineWithRows(name, head, rows);
    some = await engineWithRows(name, head, older);
    blank = await engineWithRows(name, head, blankYoung);
  }, 120_000);
  afterAll(async () => {
    await all?.close();
    await some?.close();
    await blank?.close();
  });

  it('are named, with the ages present, with or without clusters; a file with every age says nothing', async () => {
    const a = parseAnalysis(JSON.stringify(base), path);
    const said = (await validateData(some, a, 'older.csv')).findings.filter((f) => f.code === 'AGES_ABSENT');
    expect(said.map((f) => [f.severity, f.params])).toEqual([['warning', { file: 'older.csv', ages: '5-8, 10-11', present: '9, 12-17', from: 5, to: 17 }]]);
    expect(said[0]!.text).toBe('No child counted in older.csv is aged 5-8, 10-11, of the ages 5-17; the children counted are aged 9, 12-17. The rows of an age group holding those ages count only the ages present, and a group of those ages alone has no row.');
    expect(formatMessageIn(said[0]!, 'fr')).toContain("Aucun enfant compté dans older.csv n'a 5-8, 10-11 ans");
    const { psu: _p, stratum: _s, ...srs } = base.mapping;
    const noClusters = parseAnalysis(JSON.stringify({ ...base, mapping: { ...srs, noClusters: true } }), path);
    expect((await validateData(some, noClusters, 'older.csv')).findings.filter((f) => f.code === 'AGES_ABSENT').map((f) => f.params.ages)).toEqual(['5-8, 10-11']);
    expect((await validateData(all, a, 'all.csv')).findings.map((f) => f.code)).not.toContain('AGES_ABSENT');
  }, 120_000);

  it('no known hours at 5-11 beside known hours at 12-17: HOURS_NOT_ASKED_AGES, whose advice is not to read them as 0 hours (a walk: only the share of unknown hours was said)', async () => {
    const a = parseAnalysis(JSON.stringify(base), path);
    const said = (await validateData(blank, a, 'module.csv')).findings.filter((f) => f.code === 'HOURS_NOT_ASKED_AGES');
    const young = rows.filter((r) => Number(r[age]) >= 5 && Number(r[age]) <= 11).length;
    expect(said.map((f) => [f.severity, f.params.role, f.params.ages, f.params.present])).toEqual([['warning', 'econHours', '5-11', '12-17'], ['warning', 'choresHours', '5-11', '12-17']]);
    expect(said[1]!.params.count).toBeLessThanOrEqual(young);
    expect(said[1]!.action).toContain('Do not read these empty cells as 0 hours');
    expect(formatMessageIn(said[1]!, 'fr')).toContain('Aucun enfant de 5-11 ans de module.csv');
    expect((await validateData(all, a, 'all.csv')).findings.map((f) => f.code)).not.toContain('HOURS_NOT_ASKED_AGES');
  }, 120_000);
});

describe('the tables of a run with ages absent', () => {
  it('say it in a note, in the screen\'s and every export\'s table: the totals are those of the ages present', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clstats-ages-'));
    writeFileSync(join(dir, 'older.csv'), [lines[0]!, ...older.map((r) => r.map((c) => c ?? '').join(','))].join('\n') + '\n');
    writeFileSync(join(dir, 'a.json'), JSON.stringify({ ...base, data: { path: 'older.csv' } }));
    const { result } = await runFile(join(dir, 'a.json'), 'native');
    const notes = (lang: 'en' | 'fr') => standardTable(result, lang, result.analysis.frameworks[0]!.id, 'child_labour')!.footnotes.filter((f) => f.id === 'ages').map((f) => f.text);
    expect(notes('en')).toEqual(['No child counted is aged 5-8, 10-11: the rows of the age groups holding those ages, and the totals, are those of the children aged 9, 12-17.']);
    expect(notes('fr')).toEqual(["Aucun enfant compté n'a 5-8, 10-11 ans : les lignes des groupes d'âge qui comprennent ces âges, et les totaux, sont celles des enfants de 9, 12-17 ans."]);
    const full = await runFile(path, 'native');
    expect(standardTable(full.result, 'en', full.result.analysis.frameworks[0]!.id, 'child_labour')!.footnotes.map((f) => f.id)).not.toContain('ages');
  }, 120_000);
});
