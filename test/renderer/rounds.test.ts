import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveRounds } from '../../analysis/rounds/resolveRounds.js';
import type { RoundsAnalysisFile, RoundsResult } from '../../analysis/rounds/types.js';
import type { AnalysisFile } from '../../analysis/types.js';
import type { ColumnProfile, TableProfile } from '../../renderer/engine/protocol.js';
import { appReducer, exportedResult, initialState, type AppState } from '../../renderer/model/appState.js';
import type { AnalysisResult } from '../../analysis/index.js';
import { roundsCsvFiles } from '../../renderer/roundsCsvFiles.js';
import { sampleRounds } from '../present/roundsFixture.js';
import { addRound, regionCategories, regionsDiffer, roundDraft, roundFileNames, roundPlace, sharedFileName, startRounds, suggestRecode, withDraft } from '../../renderer/model/rounds.js';

/**
 * Survey rounds in the app's model (renderer/model/rounds.ts, roundsState.ts): the draft is one round
 * of the rounds analysis, written back as it; a second round takes the shared definitions; the
 * regions' recode is suggested from the value labels; the rounds file the app makes is one the core
 * resolves.
 */
const DIR = new URL('../fixtures/rounds/', import.meta.url).pathname;
const roundsFile = JSON.parse(readFileSync(DIR + 'rounds.analysis.json', 'utf8')) as RoundsAnalysisFile;
const baseline = JSON.parse(readFileSync(DIR + 'baseline.analysis.json', 'utf8')) as AnalysisFile;

const column = (name: string, codes: string[], valueLabels?: Record<string, string>): ColumnProfile => ({ name, type: 'number', distinct: codes.length, blank: 0, codes, ...(valueLabels ? { valueLabels } : {}) });

describe('a round as the draft', () => {
  it('round i is the shared definitions with its own files and mapping, and writes back unchanged', () => {
    const d = roundDraft(roundsFile, 1);
    expect(d.mapping).toEqual(roundsFile.rounds[1]!.mapping);
    expect(d.data).toEqual(roundsFile.rounds[1]!.data);
    expect(d.frameworks).toEqual(roundsFile.frameworks);
    expect('rounds' in d).toBe(false);
    expect(withDraft(roundsFile, 1, d)).toEqual(roundsFile);
  });

  it('a definition edited in one round is every round’s; a mapping edited is that round’s only', () => {
    const d = roundDraft(roundsFile, 0);
    const edited = { ...d, indicators: ['child_labour' as const], mapping: { ...d.mapping, weight: 'w2' } };
    const r = withDraft(roundsFile, 0, edited);
    expect(r.indicators).toEqual(['child_labour']);
    expect(r.rounds[0]!.mapping.weight).toBe('w2');
    expect(r.rounds[1]!.mapping).toEqual(roundsFile.rounds[1]!.mapping);
    expect(roundFileNames(r)).toEqual([['round1_2015.csv'], ['round2_2021.csv']]);
  });

  it('a single-round analysis with a round added is a rounds file the core resolves, with the first round’s regions shared', () => {
    const regions = regionCategories([column('region', ['1', '2'], { 1: 'North', 2: 'South' })], baseline.mapping);
    const r = addRound(startRounds(baseline, { label: 'NCLS 2015', year: 2015 }, regions), { label: 'NCLS 2021', year: 2021 }, { ...baseline, data: { path: 'round2_2021.csv' } });
    expect(r.categories).toEqual({ region: { 1: 'North', 2: 'South' } });
    expect(r.rounds.map((x) => [x.label, x.year, x.data.path])).toEqual([['NCLS 2015', 2015, 'round1_2015.csv'], ['NCLS 2021', 2021, 'round2_2021.csv']]);
    const resolved = resolveRounds(JSON.parse(JSON.stringify(r)), 'app.clstats');
    expect(resolved.rounds.map((x) => x.analysis.data.path)).toEqual(['round1_2015.csv', 'round2_2021.csv']);
  });

  it('school attendance in a column of another name in a round: each round\'s draft breaks down by its own column, and the rounds resolve', () => {
    const r: RoundsAnalysisFile = structuredClone(roundsFile);
    r.rounds[0]!.mapping.background = { school_attendance: 'school' };
    r.rounds[1]!.mapping.background = { school_attendance: 'asiste_escuela' };
    r.breakdowns = [[], ['sex'], ['school'], ['sex', 'school']];
    const d1 = roundDraft(r, 1);
    expect(d1.breakdowns!.slice(2)).toEqual([['asiste_escuela'], ['sex', 'asiste_escuela']]);
    // The second round's draft written back: the shared breakdowns in its names, the first round's draft in its own.
    const back = withDraft(r, 1, { ...d1, mapping: { ...d1.mapping, weight: 'wt' } });
    expect(roundDraft(back, 0).breakdowns!.slice(2)).toEqual([['school'], ['sex', 'school']]);
    const resolved = resolveRounds(JSON.parse(JSON.stringify(back)), 'app.clstats');
    expect(resolved.rounds.map((x) => x.analysis.breakdowns.at(-1))).toEqual([['sex', 'school'], ['sex', 'asiste_escuela']]);
  });

  it('a round without the characteristic: its draft leaves those breakdowns out, and writing it back keeps them for the others', () => {
    const r: RoundsAnalysisFile = structuredClone(roundsFile);
    r.rounds[0]!.mapping.background = { wealth_quintile: 'windex5' };
    r.breakdowns = [[], ['sex'], ['windex5'], ['sex', 'windex5']];
    const d1 = roundDraft(r, 1);
    expect(d1.breakdowns).toEqual([[], ['sex']]);
    const back = withDraft(r, 1, { ...d1, indicators: ['child_labour'] });
    expect(back.indicators).toEqual(['child_labour']);
    expect(back.breakdowns).toEqual([[], ['sex'], ['windex5'], ['sex', 'windex5']]);
    expect(resolveRounds(JSON.parse(JSON.stringify(back)), 'app.clstats').rounds.map((x) => x.analysis.breakdowns.length)).toEqual([4, 2]);
  });

  it('a first round whose regions are not the shared ones is offered their recode (a walk: a baseline added before, regions written as names)', () => {
    const shared = { 1: 'Central', 2: 'Coastal' };
    const m = { region: { column: 'region' } } as Partial<AnalysisFile['mapping']>;
    expect(regionsDiffer([column('region', ['Central', 'Coastal'])], m, shared)).toBe(true);
    expect(regionsDiffer([column('region', ['1', '2'], { 1: 'Coastal', 2: 'Central' })], m, shared)).toBe(true);
    // The round the shared regions came from: nothing to recode.
    expect(regionsDiffer([column('region', ['1', '2'], { 1: 'Central', 2: 'Coastal' })], m, shared)).toBe(false);
    expect(suggestRecode(['Central', 'Coastal'], {}, shared)).toEqual({ Central: '1', Coastal: '2' });
  });

  it('a round that now maps the characteristic keeps, in place, the crossings by it its draft does not list (a review: lost for every round)', () => {
    const r: RoundsAnalysisFile = structuredClone(roundsFile);
    r.rounds[0]!.mapping.background = { wealth_quintile: 'windex5' };
    r.breakdowns = [[], ['sex'], ['windex5'], ['region', 'windex5'], ['sex', 'windex5']];
    const d1 = roundDraft(r, 1);
    expect(d1.breakdowns).toEqual([[], ['sex']]);
    // The Map step maps its wealth column: the draft gets the report's breakdowns by it (breakdownsAfter), not the crossing with region.
    const mapped = { ...d1, mapping: { ...d1.mapping, background: { wealth_quintile: 'hh_w' } }, breakdowns: [[], ['sex'], ['hh_w'], ['sex', 'hh_w']] };
    const back = withDraft(r, 1, mapped);
    expect(back.breakdowns).toEqual([[], ['sex'], ['hh_w'], ['region', 'windex5'], ['sex', 'hh_w']]);
    expect(roundDraft(back, 1).breakdowns).toEqual([[], ['sex'], ['hh_w'], ['region', 'hh_w'], ['sex', 'hh_w']]);
  });

  it('a baseline added to the follow-up that is open goes first, so the rounds resolve (a walk: ROUNDS_YEARS_NOT_INCREASING with no way to reorder)', () => {
    const followUp = startRounds({ ...baseline, data: { path: 'round2_2021.csv' } }, { label: 'NCLS 2021', year: 2021 }, null);
    const at = roundPlace(followUp, 2015);
    expect(at).toBe(0);
    const r = addRound(followUp, { label: 'NCLS 2015', year: 2015 }, baseline, at);
    expect(r.rounds.map((x) => [x.label, x.year])).toEqual([['NCLS 2015', 2015], ['NCLS 2021', 2021]]);
    expect(resolveRounds(JSON.parse(JSON.stringify(r)), 'app.clstats').rounds.map((x) => x.label)).toEqual(['NCLS 2015', 'NCLS 2021']);
    // A later year, or none, goes last.
    expect(roundPlace(followUp, 2024)).toBe(1);
    expect(roundPlace(followUp, undefined)).toBe(1);
  });
});

describe('the regions’ recode suggested from value labels', () => {
  const shared = { 1: 'Northern Highlands', 2: 'Capital District', 3: 'Central' };
  it('a code whose label names a shared region goes to it, whatever the case, accents or punctuation', () => {
    expect(suggestRecode(['10', '20', '30'], { 10: 'CAPITAL-DISTRICT', 20: 'Northern highlands', 30: 'Céntral' }, shared)).toEqual({ 10: '2', 20: '1', 30: '3' });
  });
  it('a label that names none is left to the user; an unlabelled shared code stays itself (listed, so the core does not refuse it)', () => {
    expect(suggestRecode(['10', '3'], { 10: 'Lakes' }, shared)).toEqual({ 3: '3' });
    // A labelled code equal to a shared code but named otherwise is not assumed to be it.
    expect(suggestRecode(['1'], { 1: 'Central' }, shared)).toEqual({ 1: '3' });
    // Codes written as the names themselves (a CSV saved with labels), no label: to the shared region so named.
    expect(suggestRecode(['Capital district', 'Céntral', 'Lakes'], {}, shared)).toEqual({ 'Capital district': '2', 'Céntral': '3' });
  });
});

describe('the rounds’ part of the app state', () => {
  const profile = { file: 'round2_2021.csv', columns: [], rows: 0 } as unknown as TableProfile;
  const loaded = (s: AppState, analysis: AnalysisFile | null) => appReducer(s, { type: 'loaded', profile, file: 'round2_2021.csv', analysis });

  it('a new round keeps the mapping drafted from its file and takes the shared definitions', () => {
    const rounds = addRound(startRounds(baseline, { label: 'A' }, null), { label: 'B' }, baseline);
    const drafted: AnalysisFile = { version: 1, data: { path: 'round2_2021.csv' }, mapping: { ...baseline.mapping, weight: 'wt' }, frameworks: [{ preset: 'ilo_ge2020' }] };
    let s = loaded(initialState('en'), drafted);
    s = appReducer(s, { type: 'roundShown', rounds, round: 1, step: 'map', newRound: true });
    expect(s.step).toBe('map');
    expect(s.round).toBe(1);
    expect(s.draft!.frameworks).toEqual(baseline.frameworks);
    expect(s.draft!.mapping.weight).toBe('wt');
    expect(s.rounds!.rounds[1]!.mapping.weight).toBe('wt');
    expect(s.rounds!.rounds[1]!.data.path).toBe('round2_2021.csv');
  });

  it('a run of the rounds shows the trends; renaming a round drops them; another file closes the rounds', () => {
    const rr = { rounds: [], changes: [] } as unknown as RoundsResult;
    let s: AppState = { ...initialState('en'), rounds: roundsFile };
    s = appReducer(s, { type: 'roundsRan', rounds: roundsFile, result: rr });
    expect([s.trends, s.step, s.roundsResult]).toEqual([true, 'results', rr]);
    expect(appReducer(s, { type: 'trends', on: false }).trends).toBe(false);
    expect(appReducer(s, { type: 'roundEdited', round: 0, year: 2016 }).roundsResult).toBe(rr);
    const renamed = appReducer(s, { type: 'roundEdited', round: 0, label: 'NCLS 2015b' });
    expect([renamed.rounds!.rounds[0]!.label, renamed.roundsResult, renamed.trends]).toEqual(['NCLS 2015b', null, false]);
    const closed = appReducer(s, { type: 'roundsClosed' });
    expect([closed.rounds, closed.roundsResult, closed.trends]).toEqual([null, null, false]);
  });
});

describe('the rounds CSV exports of the app', () => {
  it('are named in the page\'s language, as the workbook and report are; their columns stay the command line\'s', async () => {
    const { rr } = await sampleRounds();
    const names = (lang: 'en' | 'fr' | 'es') => roundsCsvFiles(rr, lang).map((f) => f.name);
    expect(names('en')).toEqual(['child-labour-rounds.csv', 'child-labour-changes.csv']);
    expect(names('fr')).toEqual(['travail-des-enfants-passages.csv', 'travail-des-enfants-evolutions.csv']);
    expect(names('es')).toEqual(['trabajo-infantil-rondas.csv', 'trabajo-infantil-cambios.csv']);
    expect(roundsCsvFiles(rr, 'fr').map((f) => f.text)).toEqual(roundsCsvFiles(rr, 'en').map((f) => f.text));
  }, 120_000);
});

describe('rounds whose files share a name (MICS\'s fs.sav of two folders)', () => {
  it('are found, since the page tells files apart by name only; one path in two rounds is one file', () => {
    expect(sharedFileName([['2017/fs.sav', '2017/hh.sav'], ['2023/fs.sav', '2023/hh.sav']])).toEqual({ name: 'fs.sav', rounds: [0, 1] });
    expect(sharedFileName([['mics6_2017/2017_fs.sav'], ['mics6/fs.sav']])).toBeNull();
    expect(sharedFileName([['a/fs.sav', 'regions.csv'], ['b/fs2.sav', 'regions.csv']])).toBeNull();
    expect(sharedFileName([['2017/fs.sav'], ['2023/FS.SAV']])).toEqual({ name: 'FS.SAV', rounds: [0, 1] });
    expect(sharedFileName(roundFileNames(roundsFile))).toBeNull();
  });
});

describe('the exports of one round\'s tables', () => {
  it('are titled with the round\'s label, so their names and titles tell the rounds apart; a single analysis keeps its title', () => {
    const result = { analysis: { title: 'Child labour survey' } } as unknown as AnalysisResult;
    const label = roundsFile.rounds[1]!.label;
    expect(exportedResult({ result, rounds: roundsFile, round: 1 })!.analysis.title).toBe(`Child labour survey — ${label}`);
    expect(exportedResult({ result, rounds: null, round: 0 })).toBe(result);
  });
});
