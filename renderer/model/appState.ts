import type { AnalysisFile, AnalysisResult, Indicator, Mapping, Message } from '../../analysis/index.js';
import type { Ge2020Region } from '../../analysis/present/referenceLines.js';
import type { DataLabels } from '../../analysis/import/labels.js';
import { carryOver, droppedRoles } from './carryOver.js';
import { harmonisedLabels } from '../../analysis/rounds/harmonisedLabels.js';
import type { CheckResult, TableProfile } from '../engine/protocol.js';
import type { Lang, Params, translate } from '../i18n/translate.js';
import { breakdownsAfter, draftAnalysis, reportBreakdowns, titleInLanguage } from './draftAnalysis.js';
import { keepColumns, mappedNames, withJoins } from './joins.js';
import type { RecentAnalysis } from './recentAnalyses.js';
import { noRounds, ROUNDS_ACTIONS, roundsReducer, type RoundsAction, type RoundsFields } from './roundsState.js';
import { nameKey } from './rounds.js';
import { isMics6, lfsMapping, mics6Mapping, suggestMapping, type MappingPreset } from './suggestMapping.js';

/**
 * The app's state and every change to it, as one pure reducer: the shell (App.tsx) wires the engine
 * and the platform to actions, and the screens are views of this state. No DOM, no React here.
 */

export const STEPS = ['open', 'data', 'map', 'define', 'results', 'charts'] as const;
export type Step = (typeof STEPS)[number];

type MessageKey = Parameters<typeof translate>[1];

/** A long engine step in progress (its label already in the interface language). */
export interface Busy {
  /** The step's name (progress.<step>), put in words where shown, in the language of the moment. */
  step: string;
  done: number;
  of: number;
}

/** What Results and Charts show: one framework and one indicator (and the region chart's GE 2020 reference line, which the exports draw too). */
export interface Selected {
  framework: string;
  indicator: Indicator;
  reference?: Ge2020Region | null;
}

/** A coded message of the core that stopped a step, and the findings that came with it. */
export interface Failure {
  message: Message;
  findings: Message[];
}

/** A short notice (saved, cancelled...), kept as a key so that it follows a change of language. */
export interface Notice {
  key: MessageKey;
  params?: Params;
  /** A draft the notice offers instead of the one made (carryOver.ts: the settings suggested for the file alone). */
  instead?: AnalysisFile;
  /** Word keys (role.<key>) of the roles the carried analysis could not keep (carryOver.ts droppedRoles). */
  dropped?: string[];
}

/** The fields of survey rounds (RoundsFields) are model/roundsState.ts's, with their actions. */
export interface AppState extends RoundsFields {
  step: Step;
  lang: Lang;
  /** The data file as the engine read it. */
  profile: TableProfile | null;
  /** The analysis being built: mapping, frameworks, options. */
  draft: AnalysisFile | null;
  preset: MappingPreset;
  /** An analysis file opened without its data file, waiting for it. */
  pending: AnalysisFile | null;
  /** The data files of the pending analysis (a file set) opened so far, by name. */
  pendingFiles: string[];
  /** The quick check of the draft (design summary and validation report). */
  check: CheckResult | null;
  checking: boolean;
  result: AnalysisResult | null;
  /** The draft `result` was estimated from: a draft that differs since makes the result stale (resultStale). */
  ranDraft: AnalysisFile | null;
  selected: Selected;
  busy: Busy | null;
  failure: Failure | null;
  notice: Notice | null;
  recent: RecentAnalysis[];
  version: string;
  exporting: boolean;
}

export type AppAction =
  | RoundsAction
  | { type: 'lang'; lang: Lang }
  | { type: 'go'; step: Step }
  | { type: 'version'; version: string }
  | { type: 'recent'; recent: RecentAnalysis[] }
  /** A long engine step starts: earlier failures and notices go (as a notice goes on another step). */
  | { type: 'engineStarted'; busy: Busy }
  | { type: 'progress'; busy: Busy }
  | { type: 'engineDone' }
  | { type: 'failed'; failure: Failure | null }
  | { type: 'notice'; notice: Notice | null }
  /** A data file read: with the analysis file opened for it, or a drafted one from the suggested mapping. */
  /** `carry`: the analysis before, whose definitions and settings a data file opened alone keeps (carryOver.ts). */
  | { type: 'loaded'; profile: TableProfile; file: string; analysis: AnalysisFile | null; carry?: AnalysisFile }
  | { type: 'sheetRead'; profile: TableProfile }
  /** An analysis file opened without data: the Open step asks for its data file (or the files of its set not opened yet). */
  | { type: 'pending'; analysis: AnalysisFile | null; have?: string[] }
  /** The file set read again with other joins (one removed): the step stays, the mapping loses the columns that went. */
  | { type: 'joinsChanged'; profile: TableProfile; analysis: AnalysisFile }
  /** The same data read again with other reading options (a decimal comma): the step and the mapping stay. */
  | { type: 'reread'; profile: TableProfile; analysis: AnalysisFile }
  | { type: 'mapping'; mapping: Partial<Mapping> }
  | { type: 'preset'; preset: MappingPreset }
  | { type: 'draft'; draft: AnalysisFile }
  | { type: 'checkStarted' }
  | { type: 'checked'; check: CheckResult }
  | { type: 'checkEnded' }
  | { type: 'ran'; result: AnalysisResult; draft: AnalysisFile }
  | { type: 'select'; selected: Selected }
  | { type: 'exporting'; exporting: boolean };

export function initialState(lang: Lang, recent: RecentAnalysis[] = []): AppState {
  return {
    ...noRounds(),
    step: 'open',
    lang,
    profile: null,
    draft: null,
    preset: 'lfs',
    pending: null,
    pendingFiles: [],
    check: null,
    checking: false,
    result: null,
    ranDraft: null,
    selected: { framework: '', indicator: 'child_labour' },
    busy: null,
    failure: null,
    notice: null,
    recent,
    version: '',
    exporting: false,
  };
}

/**
 * Whether the draft changed since the result was estimated (a threshold, a framework, the mapping...):
 * the Results and Charts steps then say that their numbers are the earlier definitions' and offer to
 * estimate again, so that no number shown stands for a definition it was not made with. The title
 * names the analysis and changes no number.
 */
export function resultStale(s: Pick<AppState, 'result' | 'ranDraft' | 'draft'>): boolean {
  if (!s.result || !s.draft || !s.ranDraft) return false;
  const numbers = ({ title: _t, ...rest }: AnalysisFile) => JSON.stringify(rest);
  return numbers(s.draft) !== numbers(s.ranDraft);
}

/** A step is reachable once what it needs exists: data for Data, Map and Define; a result for Results and Charts. */
/**
 * The labels that name the cells of the result shown: the file's, or for a round of a rounds analysis
 * the harmonised ones (rounds/harmonisedLabels.ts): a recoded region holds the shared codes, which the
 * file's own value labels do not name (they would name them wrongly where the codes overlap).
 */
export function resultLabels(s: Pick<AppState, 'profile' | 'result' | 'rounds'>): DataLabels | null {
  if (!s.profile) return null;
  return s.rounds && s.result ? harmonisedLabels(s.result.analysis.mapping, s.profile.labels, s.rounds.categories) : s.profile.labels;
}

/**
 * The result as the exports of one round's tables write it: in a rounds analysis its title names the
 * round ("Child labour survey — MICS 2017"), so that the file names and every export's title tell the
 * rounds apart, as the screen's captions do (a walk: each round's workbook was <title>.xlsx, the same).
 */
export function exportedResult(s: Pick<AppState, 'result' | 'rounds' | 'round'>): AnalysisResult | null {
  const label = s.rounds?.rounds[s.round]?.label;
  if (!s.result || !label || s.result.analysis.title.includes(label)) return s.result;
  return { ...s.result, analysis: { ...s.result.analysis, title: `${s.result.analysis.title} — ${label}` } };
}

export function canGo(s: AppState, step: Step): boolean {
  if (step === 'open') return true;
  if (step === 'data' || step === 'map') return !!s.profile;
  if (step === 'define') return !!s.profile && !!s.draft;
  return !!s.result;
}

/** The language to start in: the one saved, else the system's if the app has it, else English. */
export function pickLang(saved: string | null, system: string | undefined, langs: readonly Lang[]): Lang {
  const known = (x: string | null | undefined): Lang | undefined => langs.find((l) => l === x);
  return known(saved) ?? known(system?.toLowerCase().split(/[-_]/)[0]) ?? known('en') ?? langs[0]!;
}

/**
 * The analysis for a data file just read: the one opened (naming this file and sheet), else a draft.
 * A file set's joins (the analysis file's, or suggested) name the files opened.
 */
function draftFor(profile: TableProfile, file: string, analysis: AnalysisFile | null, lang: Lang): AnalysisFile {
  // The analysis names the file opened, and the sheet read from a workbook, as the command line needs.
  // Its own path when that is the file opened (by name: the page sees no folders), so that its folder
  // stays: a rounds analysis reads fs.sav of two folders, and bare names made the saved file run the
  // same fs.sav twice, or none (a walk: DATA_FILE_UNREADABLE on the command line).
  const sheet = profile.sheet ? { sheet: profile.sheet } : {};
  const path = analysis && nameKey(analysis.data.path) === nameKey(file) ? analysis.data.path : file;
  if (analysis) return withReading(withJoins({ ...analysis, data: { ...analysis.data, path, ...sheet } }, profile.joinSpecs), profile);
  const s = suggestMapping(profile.columns, { psuCandidates: profile.psuCandidates });
  const d = draftAnalysis(file, s.mapping, s.preset, lang);
  return withReading(withJoins({ ...d, data: { ...d.data, ...sheet } }, profile.joinSpecs), profile);
}

/**
 * The analysis's data spec with the decimal comma the main file was read with (delimited text only),
 * so that the saved analysis file, the command line and the R script read the file the same way.
 * Written only when set: a file read with decimal points keeps a spec without the option.
 */
export function withReading(a: AnalysisFile, profile: TableProfile): AnalysisFile {
  if (profile.decimalComma === undefined) return a;
  const { decimalComma: _was, ...data } = a.data;
  return { ...a, data: profile.decimalComma ? { ...data, decimalComma: true } : data };
}

/**
 * The draft's title, and the result's it was estimated with, in the new language when they are the
 * title a draft was given in the old one (titleInLanguage); the result stays current (the title
 * changes no number, resultStale).
 */
function withTitlesIn(s: AppState, from: Lang): AppState {
  const retitled = <T extends { title?: string; data: { path: string } }>(x: T): T => {
    const title = x.title === undefined ? undefined : titleInLanguage(x.title, x.data.path, from, s.lang);
    return title === x.title ? x : { ...x, title };
  };
  return {
    ...s,
    draft: s.draft && retitled(s.draft),
    ranDraft: s.ranDraft && retitled(s.ranDraft),
    result: s.result && (retitled(s.result.analysis) === s.result.analysis ? s.result : { ...s.result, analysis: retitled(s.result.analysis) }),
  };
}

/** The framework and indicator kept across runs when the new result has them, else its first ones. */
function selectionFor(result: AnalysisResult, previous: Selected): Selected {
  const a = result.analysis;
  return {
    framework: a.frameworks.some((f) => f.id === previous.framework) ? previous.framework : a.frameworks[0]!.id,
    indicator: a.indicators.includes(previous.indicator) ? previous.indicator : a.indicators[0]!,
    ...(previous.reference ? { reference: previous.reference } : {}),
  };
}

/** A run's failure was about the analysis as it was: once the analysis changes, it no longer says what is wrong. */
function withMapping(s: AppState, mapping: Partial<Mapping>): AppState {
  if (!s.draft) return s;
  const d = s.draft;
  const breakdowns = breakdownsAfter(d.breakdowns ?? reportBreakdowns(d.mapping), d.mapping, mapping);
  // A change of the mapping: the notice's offer of the suggested settings would undo it.
  return { ...s, check: null, failure: null, draft: { ...d, mapping: mapping as Mapping, breakdowns }, notice: s.notice?.instead ? null : s.notice };
}

const isRoundsAction = (a: AppAction): a is RoundsAction => (ROUNDS_ACTIONS as readonly string[]).includes(a.type);

export function appReducer(s: AppState, a: AppAction): AppState {
  if (isRoundsAction(a)) return roundsReducer(s, a);
  switch (a.type) {
    case 'lang':
      return withTitlesIn({ ...s, lang: a.lang }, s.lang);
    case 'go':
      if (!canGo(s, a.step)) return s;
      // A notice (saved, cancelled...) says what just happened on the step it was given on: not news on the next.
      // The notice of settings carried over stays on every step (it asks to check Map and Define) until the analysis changes.
      return a.step === s.step ? s : { ...s, step: a.step, notice: s.notice?.instead ? s.notice : null };
    case 'version':
      return { ...s, version: a.version };
    case 'recent':
      return { ...s, recent: a.recent };
    case 'engineStarted':
      return { ...s, busy: a.busy, failure: null, notice: null };
    case 'progress':
      return s.busy ? { ...s, busy: a.busy } : s;
    case 'engineDone':
      return { ...s, busy: null };
    case 'failed':
      return { ...s, failure: a.failure };
    case 'notice':
      return { ...s, notice: a.notice };
    case 'loaded': {
      const fresh = draftFor(a.profile, a.file, a.analysis, s.lang);
      const carried = a.carry && !a.analysis ? carryOver(a.carry, fresh, a.profile.columns.map((c) => c.name)) : null;
      return {
        ...s,
        step: 'data',
        profile: a.profile,
        preset: isMics6(a.profile.columns) ? 'mics6' : 'lfs',
        draft: carried ?? fresh,
        result: null,
        check: null,
        pending: null,
        pendingFiles: [],
        ...(carried ? { notice: { key: 'open.settingsKept', params: { file: a.file }, instead: fresh, dropped: droppedRoles(a.carry!, carried) } } : {}),
      };
    }
    case 'sheetRead': {
      // Another sheet is another table: the draft stays only if every column it maps is on that sheet
      // (an analysis file written for it), else the mapping is suggested afresh from the sheet's columns.
      if (!s.draft) return s;
      const names = new Set(a.profile.columns.map((c) => c.name));
      const mapped = mappedNames(s.draft.mapping);
      const keep = mapped.length > 0 && mapped.every((c) => names.has(c));
      return appReducer(s, { type: 'loaded', profile: a.profile, file: s.draft.data.path, analysis: keep ? s.draft : null });
    }
    case 'joinsChanged':
    case 'reread':
      return {
        ...s,
        profile: a.profile,
        draft: keepColumns(withReading(withJoins(a.analysis, a.profile.joinSpecs), a.profile), a.profile.columns.map((c) => c.name)),
        result: null,
        check: null,
      };
    case 'pending':
      return { ...s, pending: a.analysis, pendingFiles: a.have ?? [], step: 'open' };
    case 'mapping':
      return withMapping(s, a.mapping);
    case 'preset':
      if (!s.profile || !s.draft) return s;
      return { ...withMapping(s, a.preset === 'mics6' ? mics6Mapping(s.profile.columns) : lfsMapping(s.profile.columns)), preset: a.preset };
    case 'draft':
      return { ...s, draft: a.draft, failure: null, notice: s.notice?.instead ? null : s.notice };
    case 'checkStarted':
      return { ...s, checking: true };
    case 'checked':
      return { ...s, check: a.check };
    case 'checkEnded':
      return { ...s, checking: false };
    case 'ran':
      // Estimated again from the charts (their notice that the definitions changed), the charts stay on screen.
      return { ...s, result: a.result, ranDraft: a.draft, selected: selectionFor(a.result, s.selected), step: s.step === 'charts' ? 'charts' : 'results' };
    case 'select':
      return { ...s, selected: a.selected };
    case 'exporting':
      return { ...s, exporting: a.exporting };
  }
}
