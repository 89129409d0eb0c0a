import { useMemo, useRef, type Dispatch } from 'react';
import type { AnalysisFile, Message } from '../../analysis/index.js';
import type { OpenedFile } from '../../electron/api.js';
import type { ExportKind } from '../components/ExportPanel.js';
import { makeI18n } from '../components/I18n.js';
import { longCsv, parseAnalysis } from '../core.js';
import { CancelledError, EngineError, type EngineClient } from '../engine/engineClient.js';
import { exportMetadata, printHtml, reportFile, rScriptFile, workbookFile } from '../exportFiles.js';
import { en, type MessageKey } from '../i18n/translate.js';
import type { AppAction, AppState } from '../model/appState.js';
import { analysisJson } from '../model/draftAnalysis.js';
import { rememberRecent, type RecentAnalysis } from '../model/recentAnalyses.js';
import { SAMPLE_ANALYSIS, SAMPLE_DATA_FILE, sampleBytes } from '../model/sampleSurvey.js';
import { openFile, saveFile } from '../platform.js';

const isData = (name: string) => /\.(csv|txt|tsv|parquet|sav|zsav|dta|xlsx)$/i.test(name);
const isAnalysis = (name: string) => /\.(clstats|json)$/i.test(name);
const fileBase = (title: string | undefined, fallback: string) => (title || fallback).replace(/[^\p{L}\p{N}_-]+/gu, '_').slice(0, 60);

/** What the user can do besides editing the draft: open, run, save and export, cancel. */
export interface AppActions {
  openFiles(files: OpenedFile[]): Promise<void>;
  openSample(): Promise<void>;
  chooseFile(): Promise<void>;
  openRecent(r: RecentAnalysis): Promise<void>;
  saveAnalysis(): Promise<void>;
  exportResults(): Promise<void>;
  exportAs(kind: ExportKind): Promise<void>;
  run(): Promise<void>;
  cancel(): void;
}

/**
 * The actions, wired to the engine worker and the platform (dialogs, downloads, storage). They read
 * the latest state when they run, so their identity never changes (menu commands keep them).
 */
export function makeActions(get: () => AppState, dispatch: Dispatch<AppAction>, engine: EngineClient, storage: Storage): AppActions {
  const t = (key: MessageKey) => makeI18n(get().lang).t(key);
  const progressLabel = (step: string) => {
    const key = `progress.${step}` as MessageKey;
    return key in en ? t(key) : step;
  };
  const saved = (file: string | null) => dispatch({ type: 'notice', notice: file ? { key: 'action.saved', params: { file } } : null });
  const remember = (a: AnalysisFile) => dispatch({ type: 'recent', recent: rememberRecent(storage, a, new Date()) });

  /** Runs a long engine step with progress and cancel; failures become coded messages on screen. */
  async function withEngine<T>(first: string, work: (progress: (step: string, done: number, of: number) => void) => Promise<T>): Promise<T | null> {
    dispatch({ type: 'engineStarted', busy: { label: progressLabel(first), done: 0, of: 1 } });
    try {
      return await work((step, done, of) => dispatch({ type: 'progress', busy: { label: progressLabel(step), done, of } }));
    } catch (e) {
      if (e instanceof CancelledError) dispatch({ type: 'notice', notice: { key: 'progress.cancelled' } });
      else if (e instanceof EngineError) dispatch({ type: 'failed', failure: { message: e.msg, findings: e.findings } });
      else throw e;
      return null;
    } finally {
      dispatch({ type: 'engineDone' });
    }
  }

  async function loadData(file: OpenedFile, analysis: AnalysisFile | null) {
    const profile = await withEngine('read', (progress) => engine.load(file.name, file.bytes, progress, analysis?.data));
    if (profile) dispatch({ type: 'loaded', profile, file: file.name, analysis });
  }

  async function openFiles(files: OpenedFile[]) {
    dispatch({ type: 'failed', failure: null });
    let analysis = get().pending;
    const data = files.find((f) => isData(f.name));
    for (const f of files.filter((x) => isAnalysis(x.name))) {
      try {
        const text = new TextDecoder().decode(f.bytes);
        parseAnalysis(text, f.name);
        analysis = JSON.parse(text) as AnalysisFile;
        remember(analysis);
      } catch (e) {
        const msg = (e as { msg?: Message }).msg;
        if (msg) return dispatch({ type: 'failed', failure: { message: msg, findings: [] } });
        throw e;
      }
    }
    const unknown = files.find((f) => !isData(f.name) && !isAnalysis(f.name));
    if (unknown && !data) return dispatch({ type: 'notice', notice: { key: 'open.wrongType', params: { file: unknown.name } } });
    if (data) return loadData(data, analysis);
    if (analysis?.data.path === SAMPLE_DATA_FILE) return loadData({ name: SAMPLE_DATA_FILE, bytes: await sampleBytes() }, analysis);
    dispatch({ type: 'pending', analysis });
  }

  async function saveAnalysis() {
    const draft = get().draft;
    if (!draft) return;
    const name = await saveFile('analysis', `${fileBase(draft.title, 'analysis')}.clstats`, analysisJson(draft));
    if (name) {
      remember(draft);
      saved(name);
    }
  }

  async function exportResults() {
    const { result, profile } = get();
    if (result) {
      // The long format of `clstats run`, with the file's value labels (region_label, ...), as the command line writes it.
      const name = await saveFile('results', 'child-labour-results.csv', longCsv(result, profile?.labels));
      if (name) saved(name);
    }
  }

  return {
    openFiles,
    async openSample() {
      dispatch({ type: 'pending', analysis: null });
      await loadData({ name: SAMPLE_DATA_FILE, bytes: await sampleBytes() }, SAMPLE_ANALYSIS);
    },
    async chooseFile() {
      const f = await openFile('data');
      if (f) await openFiles([f]);
    },
    openRecent: (r) => openFiles([{ name: `${r.title}.clstats`, bytes: new TextEncoder().encode(JSON.stringify(r.analysis)) }]),
    saveAnalysis,
    exportResults,
    /** Every export of the run, made by the core's export library, in the interface language. */
    async exportAs(kind) {
      const { result, profile, version, lang, selected } = get();
      if (!result || !profile) return;
      if (kind === 'analysis') return saveAnalysis();
      if (kind === 'csv') return exportResults();
      dispatch({ type: 'exporting', exporting: true });
      dispatch({ type: 'notice', notice: { key: 'export.working' } });
      try {
        const meta = exportMetadata(result, { file: profile.file, sha256: profile.sha256, version, labels: profile.labels });
        const base = fileBase(result.analysis.title, 'child-labour');
        let name: string | null = null;
        // The screen's choices (framework, GE 2020 reference line) and the file's value labels go into every export.
        const view = { lang, framework: selected.framework, reference: selected.reference ?? null, labels: profile.labels };
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
      if (result) dispatch({ type: 'ran', result });
    },
    cancel: () => engine.cancel(),
  };
}

/** The actions for the app's state, made once: they read the state of the latest render. */
export function useAppActions(state: AppState, dispatch: Dispatch<AppAction>, engine: EngineClient): AppActions {
  const latest = useRef(state);
  latest.current = state;
  return useMemo(() => makeActions(() => latest.current, dispatch, engine, localStorage), [dispatch, engine]);
}
