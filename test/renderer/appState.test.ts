import { describe, expect, it } from 'vitest';
import type { AnalysisFile, AnalysisResult, Message } from '../../analysis/index.js';
import type { CheckResult, TableProfile } from '../../renderer/engine/protocol.js';
import { appReducer, canGo, initialState, pickLang, resultLabels, resultStale, STEPS, type AppAction, type AppState } from '../../renderer/model/appState.js';
import { reportBreakdowns } from '../../renderer/model/draftAnalysis.js';
import { lfsMapping } from '../../renderer/model/suggestMapping.js';
import { profileCsv, readAnalysis } from './fixtures.js';

/**
 * The app's state model (renderer/model/appState.ts): a pure reducer, so every step of the workflow
 * is checked here without a browser; test/e2e drives the same state through the page.
 */
const MICS = 'mics6_synthetic_fs.csv';
const profile = (over: Partial<TableProfile> = {}): TableProfile => ({
  file: MICS,
  format: 'csv',
  sha256: '0'.repeat(64),
  labels: {} as TableProfile['labels'],
  rows: 6423,
  columns: profileCsv(MICS),
  preview: [],
  psuCandidates: [],
  ...over,
});
const message = (code: string): Message => ({ code, severity: 'error', text: code, action: '' }) as Message;
const result = (frameworks: string[], indicators: string[]) =>
  ({ analysis: { frameworks: frameworks.map((id) => ({ id })), indicators } }) as unknown as AnalysisResult;

/** Applies actions in turn, freezing every state on the way: the reducer must never change one. */
const apply = (s: AppState, ...actions: AppAction[]) =>
  actions.reduce((state, a) => appReducer(Object.freeze(state), a), Object.freeze(s));

const start = initialState('en');
const loaded = apply(start, { type: 'loaded', profile: profile(), file: MICS, analysis: null });

describe('the app state', () => {
  it('starts on the Open step with nothing read, and only Open reachable', () => {
    expect(start.step).toBe('open');
    expect([start.profile, start.draft, start.result, start.busy, start.failure, start.notice]).toEqual([null, null, null, null, null, null]);
    expect(STEPS.filter((s) => canGo(start, s))).toEqual(['open']);
    // A step that is not reachable yet is refused.
    expect(apply(start, { type: 'go', step: 'results' })).toBe(start);
  });

  it('reads a data file without an analysis: the suggested mapping as a draft, on the Data step', () => {
    expect(loaded.step).toBe('data');
    expect(loaded.preset).toBe('mics6');
    expect(loaded.draft?.data.path).toBe(MICS);
    expect(loaded.draft?.mapping.weight).toBe('fsweight');
    expect(loaded.draft?.options?.missingHours).toBe('mics');
    expect(STEPS.filter((s) => canGo(loaded, s))).toEqual(['open', 'data', 'map', 'define']);
    expect(apply(loaded, { type: 'go', step: 'map' }).step).toBe('map');
  });

  it('titles a new analysis in the language of the screen (the title heads the exports)', () => {
    expect(loaded.draft?.title).toBe(`Child labour estimates: ${MICS}`);
    for (const [lang, title] of [['fr', `Estimations du travail des enfants : ${MICS}`], ['es', `Estimaciones del trabajo infantil: ${MICS}`]] as const) {
      expect(apply(initialState(lang), { type: 'loaded', profile: profile(), file: MICS, analysis: null }).draft?.title).toBe(title);
    }
  });

  it('a title the app made follows a change of language, on the draft and the result it gave; a title typed is kept', () => {
    const analysis = { title: loaded.draft!.title, data: { path: MICS }, frameworks: [{ id: 'ilo_ge2020' }], indicators: ['child_labour'] };
    const ran = apply(loaded, { type: 'ran', result: { analysis } as unknown as AnalysisResult, draft: loaded.draft! });
    const fr = apply(ran, { type: 'lang', lang: 'fr' });
    expect([fr.draft?.title, fr.ranDraft?.title, fr.result?.analysis.title]).toEqual(Array(3).fill(`Estimations du travail des enfants : ${MICS}`));
    expect(resultStale(fr)).toBe(false);
    expect(apply(fr, { type: 'lang', lang: 'es' }).draft?.title).toBe(`Estimaciones del trabajo infantil: ${MICS}`);
    const typed = apply(ran, { type: 'draft', draft: { ...ran.draft!, title: 'ENTI 2024, national' } }, { type: 'lang', lang: 'fr' });
    expect(typed.draft?.title).toBe('ENTI 2024, national');
  });

  it('reads a data file for an analysis file: the analysis names the file opened and its sheet', () => {
    const analysis = readAnalysis('mics6_synthetic.analysis.json');
    const s = apply(start, { type: 'pending', analysis }, { type: 'loaded', profile: profile({ file: 'survey.xlsx', sheet: 'children' }), file: 'survey.xlsx', analysis });
    expect(s.pending).toBeNull();
    expect(s.draft?.mapping).toEqual(analysis.mapping);
    expect(s.draft?.data).toMatchObject({ path: 'survey.xlsx', sheet: 'children' });
  });

  it('keeps the analysis file\'s folder when the file opened is the one it names (a rounds analysis reads fs.sav of two folders)', () => {
    const analysis = { ...readAnalysis('mics6_synthetic.analysis.json'), data: { path: 'mics6_2023/FS.sav' } };
    const same = apply(start, { type: 'pending', analysis }, { type: 'loaded', profile: profile({ file: 'fs.sav' }), file: 'fs.sav', analysis });
    expect(same.draft?.data.path).toBe('mics6_2023/FS.sav');
    const other = apply(start, { type: 'pending', analysis }, { type: 'loaded', profile: profile({ file: 'children.sav' }), file: 'children.sav', analysis });
    expect(other.draft?.data.path).toBe('children.sav');
  });

  it('another sheet of the workbook: a new draft suggested from its columns, unless the mapping names only columns it has', () => {
    const notes = profile({ file: 'survey.xlsx', format: 'xlsx', sheet: 'Notes', sheets: ['Notes', 'Data'], columns: [{ name: 'note', type: 'text', distinct: 3, blank: 0, codes: [] }] });
    const onNotes = apply(start, { type: 'loaded', profile: notes, file: 'survey.xlsx', analysis: null });
    expect(onNotes.draft?.mapping.weight).toBeUndefined();
    const data = profile({ file: 'survey.xlsx', format: 'xlsx', sheet: 'Data', sheets: ['Notes', 'Data'] });
    const s = apply(onNotes, { type: 'sheetRead', profile: data });
    expect([s.step, s.preset, s.draft?.mapping.weight, s.draft?.data]).toEqual(['data', 'mics6', 'fsweight', { path: 'survey.xlsx', sheet: 'Data' }]);
    // An analysis file's mapping, every column of which the sheet has, is kept (its title too).
    const analysis = readAnalysis('mics6_synthetic.analysis.json');
    const opened = apply(start, { type: 'loaded', profile: data, file: 'survey.xlsx', analysis });
    const back = apply(opened, { type: 'sheetRead', profile: { ...data, sheet: 'Data2' } });
    expect([back.draft?.title, back.draft?.mapping, back.draft?.data.sheet]).toEqual([analysis.title, analysis.mapping, 'Data2']);
  });

  it('a round\'s own results name a recoded region by the shared categories, not by the file\'s labels of its codes as written', () => {
    // The 2015 file labels its codes 1 and 2; the recode maps 2 onto shared code 1 ("North").
    const labels = { values: { HH7: { '1': 'Old south', '2': 'Old north' } }, variables: {} } as unknown as TableProfile['labels'];
    const roundResult = { analysis: { mapping: { region: { column: 'HH7', recode: { '2': '1', '1': '2' } } } } } as unknown as AnalysisResult;
    const s = { profile: profile({ labels }), result: roundResult };
    const rounds = { rounds: [], categories: { region: { '1': 'North', '2': 'South' } } } as unknown as AppState['rounds'];
    expect(resultLabels({ ...s, rounds })?.values.HH7).toEqual({ '1': 'North', '2': 'South' });
    // A single file keeps its own labels.
    expect(resultLabels({ ...s, rounds: null })?.values.HH7).toEqual({ '1': 'Old south', '2': 'Old north' });
  });

  it('a run shows the results, except a run from the charts, which stay on screen', () => {
    const ran = apply(loaded, { type: 'ran', result: result(['ilo_ge2020'], ['child_labour']), draft: loaded.draft! });
    expect(ran.step).toBe('results');
    const charts = apply(ran, { type: 'go', step: 'charts' }, { type: 'ran', result: result(['ilo_ge2020'], ['child_labour']), draft: loaded.draft! });
    expect(charts.step).toBe('charts');
  });

  it('a new file drops the result and the check of the last one', () => {
    const ran = apply(loaded, { type: 'checked', check: { messages: [] } as unknown as CheckResult }, { type: 'ran', result: result(['ilo_ge2020'], ['child_labour']), draft: loaded.draft! });
    const again = apply(ran, { type: 'loaded', profile: profile(), file: MICS, analysis: null });
    expect([again.result, again.check, again.step]).toEqual([null, null, 'data']);
  });

  it('an analysis file without its data waits on the Open step', () => {
    const analysis = readAnalysis('lfs_synthetic.analysis.json') as AnalysisFile;
    const s = apply(loaded, { type: 'go', step: 'map' }, { type: 'pending', analysis });
    expect(s.step).toBe('open');
    expect(s.pending).toBe(analysis);
  });

  it('a mapping change updates the breakdowns and drops the check; a preset maps the columns its way', () => {
    const checked = apply(loaded, { type: 'checked', check: { messages: [] } as unknown as CheckResult });
    const { region: _r, ...noRegion } = checked.draft!.mapping;
    const s = apply(checked, { type: 'mapping', mapping: noRegion });
    expect(s.check).toBeNull();
    expect(s.draft?.mapping.region).toBeUndefined();
    expect(s.draft?.breakdowns).toEqual(reportBreakdowns(noRegion));
    const lfs = apply(s, { type: 'preset', preset: 'lfs' });
    expect(lfs.preset).toBe('lfs');
    expect(lfs.draft?.mapping).toEqual(lfsMapping(profile().columns));
    // Without a file there is nothing to map.
    expect(apply(start, { type: 'mapping', mapping: noRegion })).toEqual(start);
    expect(apply(start, { type: 'preset', preset: 'lfs' })).toEqual(start);
  });

  it("a mapping change keeps an analysis file's own breakdowns (its crossings), less those of a dimension unmapped, plus the usual ones of a dimension newly mapped", () => {
    const analysis = readAnalysis('mics6_synthetic.analysis.json') as AnalysisFile;
    const own = [...analysis.breakdowns!, ['age_group', 'region']];
    const opened = apply(start, { type: 'loaded', profile: profile(), file: MICS, analysis: { ...analysis, breakdowns: own } });
    expect(opened.draft?.breakdowns).toEqual(own);
    // A missing code declared on the Map step (the fix a warning asks for): every breakdown stays (a walk
    // found the list replaced by the report's, age group x region gone from the tables and the saved file).
    const hours = { ...opened.draft!.mapping.econHours!, missingCodes: ['98'] };
    const edited = apply(opened, { type: 'mapping', mapping: { ...opened.draft!.mapping, econHours: hours } });
    expect(edited.draft?.breakdowns).toEqual(own);
    // The region unmapped: the breakdowns naming it go, the others stay in their order.
    const { region: _r, ...noRegion } = edited.draft!.mapping;
    const without = apply(edited, { type: 'mapping', mapping: noRegion });
    expect(without.draft?.breakdowns).toEqual(own.filter((b) => !b.includes('region')));
    // Mapped again: its usual breakdowns (alone and by sex) come back after the file's.
    const back = apply(without, { type: 'mapping', mapping: edited.draft!.mapping });
    expect(back.draft?.breakdowns).toEqual([...own.filter((b) => !b.includes('region')), ['region'], ['sex', 'region']]);
  });

  it('a long step clears the last failure and notice, shows its progress, and ends', () => {
    const failed = apply(loaded, { type: 'failed', failure: { message: message('WEIGHT_MISSING'), findings: [] } }, { type: 'notice', notice: { key: 'progress.cancelled' } });
    const busy = apply(failed, { type: 'engineStarted', busy: { step: 'check', done: 0, of: 1 } });
    expect([busy.failure, busy.notice]).toEqual([null, null]);
    expect(apply(busy, { type: 'progress', busy: { step: 'estimate', done: 2, of: 5 } }).busy).toEqual({ step: 'estimate', done: 2, of: 5 });
    expect(apply(busy, { type: 'engineDone' }).busy).toBeNull();
    // A late progress report after the end is ignored.
    expect(apply(busy, { type: 'engineDone' }, { type: 'progress', busy: { step: 'late', done: 1, of: 1 } }).busy).toBeNull();
  });

  it('a run\'s failure goes once the analysis changes (a threshold edited on the Define step, the mapping), not before', () => {
    const failed = apply(loaded, { type: 'failed', failure: { message: message('YESNO_YES_IS_LABEL'), findings: [] } });
    expect(apply(failed, { type: 'go', step: 'define' }).failure).not.toBeNull();
    expect(apply(failed, { type: 'draft', draft: { ...failed.draft!, title: 'Edited' } }).failure).toBeNull();
    expect(apply(failed, { type: 'mapping', mapping: { ...failed.draft!.mapping } }).failure).toBeNull();
  });

  it('the "… saved" notice belongs to the step it was given on: another step drops it', () => {
    const saved = apply(loaded, { type: 'notice', notice: { key: 'action.saved', params: { file: 'survey.clstats' } } });
    expect(saved.notice?.key).toBe('action.saved');
    // The step shown again (its tab clicked) keeps it; the next step does not show it.
    expect(apply(saved, { type: 'go', step: 'data' }).notice?.key).toBe('action.saved');
    expect(apply(saved, { type: 'go', step: 'map' }).notice).toBeNull();
    // A step that cannot be reached changes nothing.
    expect(apply(saved, { type: 'go', step: 'results' })).toEqual(saved);
  });

  it('the quick check runs, reports and ends', () => {
    const check = { design: null, childrenInScope: null, messages: [], report: null } as CheckResult;
    const s = apply(loaded, { type: 'checkStarted' });
    expect(s.checking).toBe(true);
    const done = apply(s, { type: 'checked', check }, { type: 'checkEnded' });
    expect([done.check, done.checking]).toEqual([check, false]);
  });

  it('a run shows its results, keeping the framework and indicator shown when the new result has them', () => {
    const first = apply(loaded, { type: 'ran', result: result(['ilo_ge2020', 'sdg_871'], ['child_labour', 'hazardous_work']), draft: loaded.draft! });
    expect(first.step).toBe('results');
    expect(first.selected).toEqual({ framework: 'ilo_ge2020', indicator: 'child_labour' });
    expect(STEPS.every((s) => canGo(first, s))).toBe(true);
    const chosen = apply(first, { type: 'select', selected: { framework: 'sdg_871', indicator: 'hazardous_work' } }, { type: 'go', step: 'charts' });
    expect(apply(chosen, { type: 'ran', result: result(['ilo_ge2020', 'sdg_871'], ['child_labour', 'hazardous_work']), draft: loaded.draft! }).selected).toEqual({ framework: 'sdg_871', indicator: 'hazardous_work' });
    expect(apply(chosen, { type: 'ran', result: result(['mics6_pr33'], ['child_labour']), draft: loaded.draft! }).selected).toEqual({ framework: 'mics6_pr33', indicator: 'child_labour' });
  });

  it('a result is stale once the draft changes a number (a threshold, the mapping), not its title; a new run is current', () => {
    const ran = apply(loaded, { type: 'ran', result: result(['ilo_ge2020'], ['child_labour']), draft: loaded.draft! });
    expect(resultStale(ran)).toBe(false);
    expect(resultStale(apply(ran, { type: 'draft', draft: { ...ran.draft!, title: 'Renamed' } }))).toBe(false);
    const edited = apply(ran, { type: 'draft', draft: { ...ran.draft!, options: { ...ran.draft!.options, level: 0.9 } } });
    expect(resultStale(edited)).toBe(true);
    const { region: _r, ...noRegion } = ran.draft!.mapping;
    expect(resultStale(apply(ran, { type: 'mapping', mapping: noRegion }))).toBe(true);
    // The edit undone: the numbers shown are the draft's again.
    expect(resultStale(apply(edited, { type: 'draft', draft: ran.draft! }))).toBe(false);
    expect(resultStale(apply(edited, { type: 'ran', result: result(['ilo_ge2020'], ['child_labour']), draft: edited.draft! }))).toBe(false);
  });

  it('keeps the language, the version, the recent analyses and the export state', () => {
    const s = apply(start, { type: 'lang', lang: 'fr' }, { type: 'version', version: '1.2.3' }, { type: 'exporting', exporting: true }, { type: 'recent', recent: [] });
    expect([s.lang, s.version, s.exporting, s.recent]).toEqual(['fr', '1.2.3', true, []]);
  });

  it('starts in the saved language, else the system one if offered, else English', () => {
    const langs = ['en', 'fr'] as const;
    expect(pickLang('fr', 'en-GB', [...langs])).toBe('fr');
    expect(pickLang(null, 'fr-CA', [...langs])).toBe('fr');
    expect(pickLang('xx', 'de-DE', [...langs])).toBe('en');
    expect(pickLang(null, undefined, [...langs])).toBe('en');
  });
});

describe('a data file opened alone after another analysis (a later round, a corrected file)', () => {
  // A walk: the later file (H_TRAV renamed HEURES_TRAV) opened alone dropped every setting in silence.
  const before = loaded.draft!;
  const m = before.mapping;
  const edited: AnalysisFile = {
    ...before,
    title: 'Baseline 2019',
    mapping: { ...m, econHours: { ...m.econHours!, blank: 'zero', notAsked: ['-8'] }, weightDivisor: 100 },
    options: { ...before.options, level: 0.9, lonelyPsu: 'average', smallCell: { rule: 'cv' } },
    indicators: ['child_labour', 'hazardous_work'],
  };
  const hours = m.econHours!.columns[0]!;
  const renamed = profileCsv(MICS).map((c) => (c.name === hours ? { ...c, name: 'HEURES_TRAV' } : c));
  const open = (columns = renamed) => apply({ ...loaded, draft: edited }, { type: 'loaded', profile: profile({ file: 'later.csv', columns }), file: 'later.csv', analysis: null, carry: edited });

  it('keeps the definitions, options and the roles whose columns it has; says so, with the suggested settings offered instead', () => {
    const s = open();
    const d = s.draft!;
    expect([d.options, d.indicators, d.frameworks]).toEqual([edited.options, edited.indicators, edited.frameworks]);
    expect(d.data.path).toBe('later.csv');
    expect(d.mapping.weight).toBe(m.weight);
    // How a file stores its weights is its own: the divisor is set anew (a walk: 100 kept for a file of full weights).
    expect(d.mapping.weightDivisor).toBeUndefined();
    // A title the user gave is kept; the notice names no role dropped (the file has every column but the hours).
    expect(d.title).toBe('Baseline 2019');
    expect(d.mapping.sex).toEqual(m.sex);
    expect(s.notice).toMatchObject({ key: 'open.settingsKept', params: { file: 'later.csv' } });
    // The notice stays on every step while the analysis is as carried (it asks to check Map and Define), and goes with a change of the mapping.
    expect(apply(s, { type: 'go', step: 'map' }, { type: 'go', step: 'define' }).notice?.key).toBe('open.settingsKept');
    expect(apply(s, { type: 'go', step: 'map' }, { type: 'mapping', mapping: { ...d.mapping, stratum: undefined } as never }).notice).toBeNull();
    const fresh = apply(s, { type: 'draft', draft: s.notice!.instead! });
    expect(fresh.notice).toBeNull();
    expect(fresh.draft!.options).not.toEqual(edited.options);
    expect(fresh.draft!.mapping.weightDivisor).toBeUndefined();
  });

  it('an hours role whose column it lacks: the column suggested for the new file, read as the role before read its cells (empty cells 0 hours, codes not asked)', () => {
    const LFS = 'lfs_synthetic_children.csv';
    const lfs = (columns = profileCsv(LFS)) => profile({ file: LFS, columns });
    const first = apply(start, { type: 'loaded', profile: lfs(), file: LFS, analysis: null }).draft!;
    expect(first.mapping.econHours?.columns).toEqual(['work_hrs']);
    const was: AnalysisFile = { ...first, mapping: { ...first.mapping, econHours: { columns: ['work_hrs'], blank: 'zero', notAsked: ['-8'] } } };
    const later = profileCsv(LFS).map((c) => (c.name === 'work_hrs' ? { ...c, name: 'HEURES_TRAV' } : c));
    const d = apply(start, { type: 'loaded', profile: lfs(later), file: 'later.csv', analysis: null, carry: was }).draft!;
    expect(d.mapping.econHours).toEqual({ columns: ['HEURES_TRAV'], blank: 'zero', notAsked: ['-8'] });
    // The same file again: the role itself, settings and all.
    expect(open(profileCsv(MICS)).draft!.mapping.econHours).toEqual(edited.mapping.econHours);
  });

  it('region and area tables stay when the new file names those columns otherwise (a walk: every region and area table gone, unsaid); a breakdown the user removed stays removed', () => {
    const LFS = 'lfs_synthetic_children.csv';
    const lfs = (columns = profileCsv(LFS)) => profile({ file: LFS, columns });
    const first = apply(start, { type: 'loaded', profile: lfs(), file: LFS, analysis: null }).draft!;
    expect(first.mapping.region?.column).toBe('province');
    expect(first.breakdowns).toContainEqual(['region']);
    expect(first.breakdowns).toContainEqual(['area']);
    const later = profileCsv(LFS).map((c) => (c.name === 'province' ? { ...c, name: 'region' } : c.name === 'milieu' ? { ...c, name: 'zona' } : c));
    const d = apply(start, { type: 'loaded', profile: lfs(later), file: 'later.csv', analysis: null, carry: first }).draft!;
    expect(d.mapping.region?.column).toBe('region');
    expect(d.breakdowns).toEqual(first.breakdowns);
    // Removed by the user before: not brought back by the suggestion for the new file.
    const noArea = { ...first, breakdowns: first.breakdowns!.filter((b) => !b.includes('area')) };
    const e = apply(start, { type: 'loaded', profile: lfs(later), file: 'later.csv', analysis: null, carry: noArea }).draft!;
    expect(e.breakdowns).toEqual(noArea.breakdowns);
    // No region mapped before (the file had none): the new file's region rows are added.
    const { region: _r, ...withoutRegion } = first.mapping;
    const none = { ...first, mapping: withoutRegion, breakdowns: first.breakdowns!.filter((b) => !b.includes('region')) };
    const f = apply(start, { type: 'loaded', profile: lfs(later), file: 'later.csv', analysis: null, carry: none }).draft!;
    expect(f.breakdowns).toContainEqual(['region']);
  });

  it('roles the new file has no column for are named in the notice; a draft title names the new file', () => {
    const noUniverse = profileCsv(MICS).filter((c) => c.name !== edited.mapping.universe?.column && c.name !== hours);
    const withDraftTitle = { ...edited, title: loaded.draft!.title };
    const s = apply({ ...loaded, draft: withDraftTitle }, { type: 'loaded', profile: profile({ file: 'later.csv', columns: noUniverse }), file: 'later.csv', analysis: null, carry: withDraftTitle });
    expect(edited.mapping.universe).toBeDefined();
    expect(s.notice!.dropped).toEqual(['role.universe', 'role.econHours']);
    expect(s.draft!.title).toBe(apply(start, { type: 'loaded', profile: profile({ file: 'later.csv', columns: noUniverse }), file: 'later.csv', analysis: null }).draft!.title);
  });

  it('with an analysis file, or with nothing before, nothing is carried and nothing said', () => {
    const withFile = apply({ ...loaded, draft: edited }, { type: 'loaded', profile: profile({ file: 'later.csv' }), file: 'later.csv', analysis: before, carry: edited });
    expect(withFile.draft!.options).toEqual(before.options);
    expect(withFile.notice).toBeNull();
    expect(loaded.notice).toBeNull();
  });
});
