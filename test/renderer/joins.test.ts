import { readFileSync } from 'node:fs';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { JoinReport } from '../../analysis/import/joinFiles.js';
import { suggestFileSet } from '../../analysis/import/suggestFileSet.js';
import type { AnalysisFile } from '../../analysis/types.js';
import type { TableProfile } from '../../renderer/engine/protocol.js';
import { translate, type Lang, type MessageKey, type Params } from '../../renderer/i18n/translate.js';
import { appReducer, initialState } from '../../renderer/model/appState.js';
import { filesOf, joinSentences, keepColumns, withJoins, withoutJoin } from '../../renderer/model/joins.js';
// @ts-expect-error -- the root tsconfig checks tests without JSX; Vitest compiles the TSX, renderer/tsconfig.json checks it
import { I18nContext, makeI18n } from '../../renderer/components/I18n.js';
// @ts-expect-error -- as above
import { JoinsPanel } from '../../renderer/screens/map/JoinsPanel.js';

/**
 * A survey file set on the Map step (renderer/model/joins.ts): each join in plain words with its
 * match counts, numbers as each language writes them; removing a join removes the joins that need
 * its columns and unmaps the roles whose column went; the draft analysis carries the joins.
 */
const DIR = new URL('../fixtures/fileset/', import.meta.url).pathname;
const analysis = JSON.parse(readFileSync(DIR + 'fileset-sav.analysis.json', 'utf8')) as AnalysisFile;
const joins = analysis.joins!;
const spec = (name: string) => joins.find((j) => j.name === name)!;
const t = (lang: Lang) => (key: MessageKey, params?: Params) => translate(lang, key, params);

// What joinFiles reports for the fixture's joins (columns as fileSet.test.ts checks them; counts as a user would see them).
const reports: JoinReport[] = [
  { name: 'hh', file: 'hh.sav', keys: 'HH1, HH2 = HH1, HH2', rows: 1250, matched: 1234, unmatched: 16, blank: 0, blankKeys: [], differ: [], columns: ['HH6', 'HH7', 'windex5', 'ethnicity'].map((c) => ({ from: c, to: c })) },
  { name: 'hl', file: 'hl.sav', keys: 'HH1, HH2, FS3 = HH1, HH2, HL1', rows: 1250, matched: 1250, unmatched: 0, blank: 0, blankKeys: [], differ: [], columns: ['HL4', 'HL6', 'HL12', 'ED5A', 'ED10'].map((c) => ({ from: c, to: c })) },
  { name: 'mother', file: 'hl.sav', keys: 'HH1, HH2, HL12 = HH1, HH2, HL1', rows: 1250, matched: 1101, unmatched: 149, blank: 149, blankKeys: ['HL12'], differ: [], columns: [{ from: 'ED5A', to: 'mother_ED5A' }] },
];
const say = (lang: Lang, name: string) => {
  const s = joinSentences(t(lang), spec(name), reports.find((r) => r.name === name)!);
  return `${s.what} ${s.matched}`;
};

describe('the joins in words', () => {
  it('the household\'s columns, the child\'s own row and the mother\'s row, with match counts, in English', () => {
    expect(say('en', 'hh')).toBe('Each child gets the household’s columns (HH6, HH7, windex5, ethnicity) from hh.sav by HH1, HH2. 1,234 of 1,250 children matched; 16 without a match keep these columns empty.');
    expect(say('en', 'hl')).toBe('Each child gets the columns of its own row (HL4, HL6, HL12, ED5A, ED10) in hl.sav by HH1, HH2, FS3 = HL1. 1,250 of 1,250 children matched.');
    expect(say('en', 'mother')).toBe('Each child gets the mother’s ED5A (as mother_ED5A) from hl.sav by HH1, HH2, HL12 = HL1. 1,101 of 1,250 children matched; 149 without a match keep these columns empty.');
  });

  it('in French and Spanish, numbers written as each language writes them', () => {
    expect(say('fr', 'hh')).toBe('Chaque enfant reçoit les colonnes du ménage (HH6, HH7, windex5, ethnicity) de hh.sav par HH1, HH2. 1\u202f234 enfants sur 1\u202f250 ont une correspondance ; 16 sans correspondance gardent ces colonnes vides.');
    expect(say('es', 'mother')).toBe('Cada niño o niña recibe ED5A (como mother_ED5A) de la fila de su madre en hl.sav por HH1, HH2, HL12 = HL1. 1101 de 1250 niños y niñas con correspondencia; 149 sin correspondencia quedan con estas columnas vacías.');
  });

  it('a long list of columns is cut after eight', () => {
    const many = { ...reports[0]!, columns: Array.from({ length: 30 }, (_, i) => ({ from: `HC${i + 1}`, to: `HC${i + 1}` })) };
    expect(joinSentences(t('en'), spec('hh'), many).what).toBe('Each child gets the household’s columns (HC1, HC2, HC3, HC4, HC5, HC6, HC7, HC8 and 22 more) from hh.sav by HH1, HH2.');
  });
});

describe('removing a join', () => {
  it('removes the joins whose keys use a column it brought (the mother\'s row needs HL12 from the child\'s own row)', () => {
    expect(withoutJoin(joins, reports, 'hl').map((j) => j.name)).toEqual(['hh']);
    expect(withoutJoin(joins, reports, 'hh').map((j) => j.name)).toEqual(['hl', 'mother']);
    expect(withoutJoin(joins, reports, 'mother').map((j) => j.name)).toEqual(['hh', 'hl']);
  });

  it('unmaps the roles and drops the breakdowns whose column the data no longer has', () => {
    const gone = new Set(['HH6', 'HH7', 'windex5', 'ethnicity']);
    const columns = ['HH1', 'HH2', 'FS3', 'stratum', 'fsweight', 'FS17', 'CB3', 'CL1A', 'CL1B', 'CL1C', 'CL1X', 'CL2', 'CL3', 'CL4', 'CL5', 'CL6A', 'CL6B', 'CL6C', 'CL6D', 'CL6E', 'CL6X', 'CL8', 'CL10', 'CL13', 'HL4', 'HL6', 'HL12', 'ED5A', 'ED10', 'mother_ED5A'];
    const kept = keepColumns(analysis, columns);
    expect(kept.mapping.region).toBeUndefined();
    expect(kept.mapping.area).toBeUndefined();
    expect(kept.mapping.sex).toEqual(analysis.mapping.sex);
    expect(kept.mapping.hazards).toEqual(analysis.mapping.hazards);
    expect(kept.mapping.extras).toEqual(analysis.mapping.extras!.filter((x) => !gone.has(x)));
    expect(kept.breakdowns).toEqual([[], ['sex'], ['mother_ED5A'], ['ED10']]);
  });
});

describe('the draft analysis of a file set', () => {
  const profile = (over: Partial<TableProfile>): TableProfile => ({
    file: 'fs.sav', format: 'sav', sha256: '0'.repeat(64), labels: {} as TableProfile['labels'], rows: 2199, preview: [], psuCandidates: [],
    columns: ['HH1', 'HH2', 'FS3', 'fsweight', 'CB3', 'HH6', 'HH7', 'windex5'].map((name) => ({ name, type: 'number', distinct: 2, blank: 0, codes: ['1', '2'] })),
    files: [{ name: 'fs.sav', format: 'sav', sha256: '1'.repeat(64), rows: 2199 }, { name: 'hh.sav', format: 'sav', sha256: '2'.repeat(64), rows: 2199 }],
    joinSpecs: [joins[0]!],
    joins: [reports[0]!],
    ...over,
  });

  it('a suggested set: the draft reads the main file and carries the joins after it, as the analysis file lists them', () => {
    const s = appReducer(initialState('en'), { type: 'loaded', profile: profile({}), file: 'fs.sav', analysis: null });
    expect(s.draft?.data.path).toBe('fs.sav');
    expect(s.draft?.joins).toEqual([joins[0]]);
    expect(Object.keys(s.draft!).slice(0, 4)).toEqual(['version', 'title', 'data', 'joins']);
  });

  it('an analysis file opened with its files: its mapping, the file names opened, the joins the engine applied', () => {
    const s = appReducer(initialState('en'), { type: 'loaded', profile: profile({ joinSpecs: joins, joins: reports }), file: 'fs.sav', analysis });
    expect(s.draft?.mapping).toEqual(analysis.mapping);
    expect(s.draft?.joins).toEqual(joins);
    expect(filesOf(s.draft!)).toEqual(['fs.sav', 'hh.sav', 'hl.sav']);
  });

  it('a join removed: the same step, the draft without the join and without the roles that lost their column', () => {
    const start = { ...appReducer(initialState('en'), { type: 'loaded', profile: profile({ joinSpecs: joins, joins: reports }), file: 'fs.sav', analysis }), step: 'map' as const };
    const next = profile({ joinSpecs: joins.slice(1), joins: reports.slice(1), columns: start.profile!.columns.filter((c) => !['HH6', 'HH7', 'windex5'].includes(c.name)) });
    const s = appReducer(start, { type: 'joinsChanged', profile: next, analysis: withJoins(start.draft!, joins.slice(1)) });
    expect(s.step).toBe('map');
    expect(s.draft?.joins?.map((j) => j.name)).toEqual(['hl', 'mother']);
    expect([s.draft?.mapping.region, s.draft?.mapping.area]).toEqual([undefined, undefined]);
    expect(s.draft?.mapping.weight).toBe('fsweight');
    const none = appReducer(start, { type: 'joinsChanged', profile: profile({ joinSpecs: [], joins: [] }), analysis: withJoins(start.draft!, []) });
    expect(none.draft && 'joins' in none.draft).toBe(false);
  });

  it('an analysis file with joins waits for all its files, listing those opened', () => {
    const s = appReducer(initialState('en'), { type: 'pending', analysis, have: ['fs.sav'] });
    expect([s.step, s.pending, s.pendingFiles]).toEqual(['open', analysis, ['fs.sav']]);
  });
});

describe('the joins panel (Map step)', () => {
  const render = (props: Record<string, unknown>, lang: Lang = 'en') =>
    renderToStaticMarkup(createElement(I18nContext.Provider, { value: makeI18n(lang) }, createElement(JoinsPanel, props)));

  it('each join in words with a button to remove it, under a heading that names the panel', () => {
    const html = render({ main: 'fs.sav', rows: 1250, specs: joins, reports, messages: [], onRemove: () => undefined });
    expect(html).toMatch(/<section class="joins-panel" aria-labelledby="([^"]+)" data-testid="joins"><h3 id="\1">Files joined to the main file<\/h3>/);
    expect(html).toContain('The main file is fs.sav: 1,250 rows, one per child.');
    expect([...html.matchAll(/<button type="button" class="secondary">([^<]+)<\/button>/g)].map((m) => m[1])).toEqual(['Remove the join hh (hh.sav)', 'Remove the join hl (hl.sav)', 'Remove the join mother (hl.sav)']);
  });

  it('files that could not be joined: no join, and the coded notice naming them', () => {
    const s = suggestFileSet([{ name: 'children.csv', columns: [{ name: 'id' }, { name: 'hours_worked' }], rows: 9 }, { name: 'prices.csv', columns: [{ name: 'item' }], rows: 2 }]);
    const html = render({ main: 'children.csv', rows: 9, specs: [], reports: [], messages: s.messages }, 'fr');
    expect(html).toContain('Aucun autre fichier n’a été joint : l’analyse utilise children.csv seul.');
    expect(html).toContain('FILESET_NOT_JOINED');
    expect(html).toContain('prices.csv n&#x27;a pas été joint');
    expect(html).not.toContain('<button');
  });
});
