import { useMemo, useRef, type Dispatch } from 'react';
import type { AnalysisFile, Message } from '../../analysis/index.js';
import type { OpenedFile } from '../../electron/api.js';
import type { ExportKind } from '../components/ExportPanel.js';
import { longCsv, parseAnalysis } from '../core.js';
import { CancelledError, EngineError, type EngineClient } from '../engine/engineClient.js';
import { exportMetadata, printHtml, reportFile, rScriptFile, workbookFile } from '../exportFiles.js';
import { exportedResult, resultLabels, type AppAction, type AppState } from '../model/appState.js';
import { analysisJson } from '../model/draftAnalysis.js';
import { filesOf, mappedNames, withoutJoin } from '../model/joins.js';
import { rememberRecent, type RecentAnalysis } from '../model/recentAnalyses.js';
import { isSampleSet, SAMPLE_DATA_FILE, SAMPLE_SET_ANALYSIS, sampleBytes, sampleSetFiles } from '../model/sampleSurvey.js';
import { openFiles as askForFiles, saveFile } from '../platform.js';
import { overAppLimit } from '../../analysis/import/sizeGuard.js';
import { readAnalysisJson } from '../../analysis/analysisFile.js';
import { isRoundsJson } from '../../analysis/rounds/resolveRounds.js';
import type { RoundsAnalysisFile } from '../../analysis/rounds/types.js';
import { makeRoundsActions, type RoundsActions } from './roundsActions.js';

// Besides the formats read, those the core names and says what to do with (a .zip to extract, an
// .xls to save as .xlsx: import/format.ts): loaded as data, they get that message, not "neither".
const isData = (name: string) => /\.(csv|txt|tsv|parquet|sav|zsav|por|dta|xlsx|zip|gz|xls|ods|sas7bdat|xpt|rds|rdata|rda|pdf)$/i.test(name);
const isAnalysis = (name: string) => /\.(clstats|json)$/i.test(name);
/** An analysis file with survey rounds (a top-level "rounds"); unreadable JSON is the single-round parser's to report. */
const roundsText = (text: string) => {
  try {
    return isRoundsJson(readAnalysisJson(text));
  } catch {
    return false;
  }
};
const fileBase = (title: string | undefined, fallback: string) => (title || fallback).replace(/[^\p{L}\p{N}_-]+/gu, '_').slice(0, 60);
/** Files of a set are matched by name, without folders or case. */
const nameKey = (name: string) => (name.split(/[\\/]/).pop() ?? name).toLowerCase();

/** What the user can do besides editing the draft: open, run, save and export, cancel. */
export interface AppActions {
  openFiles(files: OpenedFile[]): Promise<void>;
  openSample(): Promise<void>;
  /** Reads the file set again without this join (and the joins that use its columns). */
  removeJoin(name: string): Promise<void>;
  /** Reads the same data again with (or without) a decimal comma: the Data step shows the new profile and check. */
  decimalComma(on: boolean): Promise<void>;
  /** Reads another sheet of the workbook loaded: a new table, so a new draft unless the mapping's columns are all there. */
  sheet(name: string): Promise<void>;
  chooseFile(): Promise<void>;
  openRecent(r: RecentAnalysis): Promise<void>;
  saveAnalysis(): Promise<void>;
  exportAs(kind: ExportKind): Promise<void>;
  run(): Promise<void>;
  cancel(): void;
  /** Survey rounds: open, add, show, run, export (roundsActions.ts). */
  rounds: RoundsActions;
}

/**
 * The actions, wired to the engine worker and the platform (dialogs, downloads, storage). They read
 * the latest state when they run, so their identity never changes (menu commands keep them).
 */
export function makeActions(get: () => AppState, dispatch: Dispatch<AppAction>, engine: EngineClient, storage: Storage): AppActions {
  const saved = (file: string | null) => dispatch({ type: 'notice', notice: file ? { key: 'action.saved', params: { file } } : null });
  const remember = (a: AnalysisFile) => dispatch({ type: 'recent', recent: rememberRecent(storage, a, new Date()) });

  /** Runs a long engine step with progress and cancel; failures become coded messages on screen. */
  async function withEngine<T>(first: string, work: (progress: (step: string, done: number, of: number) => void) => Promise<T>): Promise<T | null> {
    dispatch({ type: 'engineStarted', busy: { step: first, done: 0, of: 1 } });
    try {
      return await work((step, done, of) => dispatch({ type: 'progress', busy: { step, done, of } }));
    } catch (e) {
      if (e instanceof CancelledError) dispatch({ type: 'notice', notice: { key: 'progress.cancelled' } });
      else if (e instanceof EngineError) dispatch({ type: 'failed', failure: { message: e.msg, findings: e.findings } });
      else throw e;
      return null;
    } finally {
      dispatch({ type: 'engineDone' });
    }
  }

  const rounds = makeRoundsActions({ get, dispatch, engine, withEngine, saved });

  async function loadData(file: OpenedFile, analysis: AnalysisFile | null) {
    const profile = await withEngine('read', (progress) => engine.load(file.name, file.bytes, progress, analysis?.data, analysis ? mappedNames(analysis.mapping) : undefined));
    // Opened alone after another analysis: its definitions and settings are kept (carryOver.ts).
    const before = get().draft;
    if (profile) dispatch({ type: 'loaded', profile, file: file.name, analysis, ...(!analysis && before ? { carry: before } : {}) });
  }

  /** Several files at once: the analysis file's joins if it has some, else the joins suggested from the files. */
  async function loadSet(files: OpenedFile[], analysis: AnalysisFile | null) {
    const given = analysis?.joins?.length ? { main: analysis.data, joins: analysis.joins } : undefined;
    const profile = await withEngine('set.read', (progress) => engine.loadSet(files, progress, given));
    const before = get().draft;
    if (profile) dispatch({ type: 'loaded', profile, file: profile.file, analysis, ...(!analysis && before ? { carry: before } : {}) });
  }

  /** Data files opened for a pending analysis with joins, by name, until all of its files are there. */
  const held = new Map<string, OpenedFile>();

  /** An analysis with joins: its files when all are opened (now or before), else it waits for the others. */
  async function openForSet(analysis: AnalysisFile, data: OpenedFile[]) {
    if (isSampleSet(analysis)) return loadSet(await sampleSetFiles(), analysis);
    const needed = filesOf(analysis);
    for (const f of data) if (needed.some((n) => nameKey(n) === nameKey(f.name))) held.set(nameKey(f.name), f);
    const have = needed.filter((n) => held.has(nameKey(n)));
    const others = data.filter((f) => !needed.some((n) => nameKey(n) === nameKey(f.name))).map((f) => f.name);
    if (have.length < needed.length) {
      dispatch({ type: 'pending', analysis, have });
      if (others.length) dispatch({ type: 'notice', notice: { key: 'open.notInSet', params: { files: others.join(', '), count: others.length, needed: needed.join(', ') } } });
      return;
    }
    const files = needed.map((n) => held.get(nameKey(n))!);
    held.clear();
    return loadSet(files, analysis);
  }

  async function openFiles(files: OpenedFile[]) {
    dispatch({ type: 'failed', failure: null });
    const big = files.find((f) => f.tooLarge !== undefined);
    if (big) return dispatch({ type: 'failed', failure: { message: overAppLimit(big.name, big.tooLarge!), findings: [] } });
    let analysis = get().pending;
    const data = files.filter((f) => isData(f.name));
    const analysisFiles = files.filter((x) => isAnalysis(x.name));
    // Data files for a rounds analysis that waits for them; an analysis file with rounds.
    if (!analysisFiles.length && data.length && (await rounds.more(data))) return;
    for (const f of analysisFiles) {
      const text = new TextDecoder().decode(f.bytes);
      if (roundsText(text)) return rounds.open(readAnalysisJson(text) as RoundsAnalysisFile, f.name, data);
    }
    if (get().rounds || get().pendingRounds) rounds.close();
    for (const f of analysisFiles) {
      try {
        const text = new TextDecoder().decode(f.bytes);
        parseAnalysis(text, f.name);
        analysis = readAnalysisJson(text) as AnalysisFile;
        held.clear();
        remember(analysis);
      } catch (e) {
        const msg = (e as { msg?: Message }).msg;
        if (msg) return dispatch({ type: 'failed', failure: { message: msg, findings: [] } });
        throw e;
      }
    }
    const unknown = files.find((f) => !isData(f.name) && !isAnalysis(f.name));
    if (unknown && !data.length) return dispatch({ type: 'notice', notice: { key: 'open.wrongType', params: { file: unknown.name } } });
    if (analysis?.joins?.length) return openForSet(analysis, data);
    if (data.length > 1) return loadSet(data, analysis);
    if (data[0]) return loadData(data[0], analysis);
    if (analysis?.data.path === SAMPLE_DATA_FILE) return loadData({ name: SAMPLE_DATA_FILE, bytes: await sampleBytes() }, analysis);
    dispatch({ type: 'pending', analysis });
  }

  async function saveAnalysis() {
    const withRounds = rounds.analysis();
    if (withRounds) return saved(await saveFile('analysis', `${fileBase(withRounds.title, 'analysis')}.clstats`, `${JSON.stringify(withRounds, null, 2)}\n`));
    const draft = get().draft;
    if (!draft) return;
    const name = await saveFile('analysis', `${fileBase(draft.title, 'analysis')}.clstats`, analysisJson(draft));
    if (name) {
      remember(draft);
      saved(name);
    }
  }

  async function exportResults() {
    const result = exportedResult(get());
    if (result) {
      // The long format of `clstats run`, with the file's value labels (region_label, ...), as the command line writes it.
      // Named as the other exports are: after the analysis' title (fileBase), in the user's words.
      const name = await saveFile('results', `${fileBase(result.analysis.title, 'child-labour')}.csv`, longCsv(result, resultLabels(get())));
      if (name) saved(name);
    }
  }

  return {
    openFiles,
    async openSample() {
      held.clear();
      rounds.close();
      dispatch({ type: 'pending', analysis: null });
      await loadSet(await sampleSetFiles(), SAMPLE_SET_ANALYSIS);
    },
    async removeJoin(name) {
      const { draft, profile } = get();
      if (!draft?.joins || !profile) return;
      const joins = withoutJoin(draft.joins, profile.joins ?? [], name);
      const next = await withEngine('set.read', (progress) => engine.reloadSet({ main: draft.data, joins }, progress));
      if (next) dispatch({ type: 'joinsChanged', profile: next, analysis: { ...draft, joins } });
    },
    async decimalComma(on) {
      const { draft, profile } = get();
      if (!draft || !profile) return;
      const { decimalComma: _was, ...rest } = draft.data;
      const data = on ? { ...rest, decimalComma: true } : rest;
      // The bytes the engine client holds, read again; the column names stay, so the mapping does.
      const next = await withEngine(profile.files ? 'set.read' : 'read', (progress) => engine.reload(data, draft.joins ?? [], progress));
      if (next) dispatch({ type: 'reread', profile: next, analysis: { ...draft, data } });
    },
    async sheet(name) {
      const { draft, profile } = get();
      if (!draft || !profile || profile.files) return;
      const data = { ...draft.data, sheet: name };
      const next = await withEngine('read', (progress) => engine.reload(data, [], progress));
      if (next) dispatch({ type: 'sheetRead', profile: next });
    },
    async chooseFile() {
      const files = await askForFiles('data');
      if (files.length) await openFiles(files);
    },
    openRecent: (r) => openFiles([{ name: `${r.title}.clstats`, bytes: new TextEncoder().encode(JSON.stringify(r.analysis)) }]),
    saveAnalysis,
    /** Every export of the run, made by the core's export library, in the interface language. */
    async exportAs(kind) {
      const { profile, version, lang, selected } = get();
      const result = exportedResult(get());
      if (!result || !profile) return;
      if (await rounds.exportAs(kind)) return;
      if (kind === 'analysis') return saveAnalysis();
      if (kind === 'csv') return exportResults();
      dispatch({ type: 'exporting', exporting: true });
      dispatch({ type: 'notice', notice: { key: 'export.working' } });
      try {
        // A file set: the files joined onto the main file (profile.file), each once, with their hashes.
        const used = new Set((profile.joinSpecs ?? []).map((j) => j.data.path));
        const joined = (profile.files ?? []).filter((f) => f.name !== profile.file && used.has(f.name)).map((f) => ({ file: f.name, sha256: f.sha256 }));
        const labels = resultLabels(get());
        const meta = exportMetadata(result, { file: profile.file, sha256: profile.sha256, joined, version, ...(labels ? { labels } : {}) });
        const base = fileBase(result.analysis.title, 'child-labour');
        let name: string | null = null;
        // The screen's choices (framework, GE 2020 reference line) and the file's value labels go into every export.
        const view = { lang, framework: selected.framework, reference: selected.reference ?? null, labels };
        if (kind === 'xlsx') name = await saveFile('workbook', `${base}.xlsx`, await workbookFile(result, meta, view));
        else if (kind === 'html') name = await saveFile('report', `${base}.html`, await reportFile(result, meta, view));
        else if (kind === 'r') name = await saveFile('rscript', `${base}.R`, rScriptFile(result, meta));
        else printHtml(await reportFile(result, meta, view));
        saved(name);
      } catch (e) {
        dispatch({ type: 'notice', notice: { key: 'export.failed', params: { detail: e instanceof Error ? e.message : String(e) } } });
      } finally {
        dispatch({ type: 'exporting', exporting: false });
      }
    },
    async run() {
      const draft = get().draft;
      if (!draft) return;
      const result = await withEngine('validate', (progress) => engine.run(draft, progress));
      if (result) dispatch({ type: 'ran', result, draft });
      // With survey rounds, every round and the changes follow the round shown.
      if (result && get().rounds) await rounds.run();
    },
    cancel: () => engine.cancel(),
    rounds,
  };
}

/** The actions for the app's state, made once: they read the state of the latest render. */
export function useAppActions(state: AppState, dispatch: Dispatch<AppAction>, engine: EngineClient): AppActions {
  const latest = useRef(state);
  latest.current = state;
  return useMemo(() => makeActions(() => latest.current, dispatch, engine, localStorage), [dispatch, engine]);
}
