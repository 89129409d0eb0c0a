import type { Dispatch } from 'react';
import type { Message } from '../../analysis/index.js';
import { AnalysisError } from '../../analysis/messages.js';
import { resolveRounds } from '../../analysis/rounds/resolveRounds.js';
import { sameDataFile } from '../../analysis/rounds/sameDataFile.js';
import type { RoundsAnalysisFile } from '../../analysis/rounds/types.js';
import type { OpenedFile } from '../../electron/api.js';
import type { ExportKind } from '../components/ExportPanel.js';
import { sha256Hex } from '../core.js';
import type { EngineClient } from '../engine/engineClient.js';
import { exportMetadata, printHtml } from '../exportFiles.js';
import type { AppAction, AppState, Step } from '../model/appState.js';
import { addRound, nameKey, regionCategories, roundDraft, roundFileNames, roundPlace, sharedFileName, startRounds, withDraft } from '../model/rounds.js';
import { openFiles as askForFiles, saveFile } from '../platform.js';
import { translate } from '../i18n/translate.js';
import { roundsCsvFiles } from '../roundsCsvFiles.js';
import { roundsReportFile, roundsRScriptFile, roundsWorkbookFile } from '../roundsExportFiles.js';

/**
 * What a user does with survey rounds (analysis/rounds), wired to the engine worker: open a rounds
 * analysis file with its data files, add a round (its files, then its mapping in the Map step), show
 * another round in the Data, Map and Define steps, run every round with the changes, and export the
 * trends. Each round's files are kept here, as opened, for the runs (the engine holds one at a time).
 */
export interface RoundsActions {
  /** A rounds analysis file opened, with the data files opened with it. */
  open(rounds: RoundsAnalysisFile, name: string, data: OpenedFile[]): Promise<void>;
  /** Data files opened while a rounds analysis waits for them; false when none is waiting. */
  more(data: OpenedFile[]): Promise<boolean>;
  /** The analysis shown becomes a round (`current`), and a new round is added from files the user chooses. */
  add(current: { label: string; year?: number }, next: { label: string; year?: number }): Promise<void>;
  show(round: number): Promise<void>;
  /** Every round and the changes, after the round shown was run. */
  run(): Promise<void>;
  /** The rounds analysis as the command line reads it (the draft written back as its round). */
  analysis(): RoundsAnalysisFile | null;
  /** The trends' exports; false when the trends are not shown (the round's own exports apply). */
  exportAs(kind: ExportKind): Promise<boolean>;
  /** Back to a single-round analysis: the rounds' files are let go. */
  close(): void;
}

export interface RoundsDeps {
  get: () => AppState;
  dispatch: Dispatch<AppAction>;
  engine: EngineClient;
  withEngine: <T>(first: string, work: (progress: (step: string, done: number, of: number) => void) => Promise<T>) => Promise<T | null>;
  saved: (file: string | null) => void;
}

const fail = (dispatch: Dispatch<AppAction>, e: unknown) => {
  const msg = (e as { msg?: Message }).msg;
  if (!(e instanceof AnalysisError) || !msg) throw e;
  dispatch({ type: 'failed', failure: { message: msg, findings: [] } });
};

export function makeRoundsActions({ get, dispatch, engine, withEngine, saved }: RoundsDeps): RoundsActions {
  /** Each round's files, in the rounds' order. */
  let files: OpenedFile[][] = [];
  /** Files opened for a waiting rounds analysis, by name. */
  const held = new Map<string, OpenedFile>();

  /** Reads round i's files into the engine and shows it (the draft becomes that round). */
  async function load(rounds: RoundsAnalysisFile, i: number, step?: Step, newRound = false): Promise<boolean> {
    const a = roundDraft(rounds, i);
    const own = files[i] ?? [];
    const given = a.joins?.length && !newRound ? { main: a.data, joins: a.joins } : undefined;
    const profile = await withEngine('read', (progress) =>
      own.length > 1 || given ? engine.loadSet(own, progress, given) : engine.load(own[0]!.name, own[0]!.bytes, progress, newRound ? undefined : a.data),
    );
    if (!profile) return false;
    dispatch({ type: 'loaded', profile, file: own.length > 1 || given ? profile.file : own[0]!.name, analysis: newRound ? null : a });
    dispatch({ type: 'roundShown', rounds, round: i, ...(step ? { step } : {}), newRound });
    return true;
  }

  /** The rounds with the draft written back as the round it is. */
  function current(): RoundsAnalysisFile | null {
    const { rounds, round, draft } = get();
    return rounds && draft ? withDraft(rounds, round, draft) : rounds;
  }

  async function whenComplete(rounds: RoundsAnalysisFile): Promise<void> {
    const needed = roundFileNames(rounds);
    const all = needed.flat();
    if (!all.every((n) => held.has(nameKey(n)))) {
      dispatch({ type: 'roundsPending', rounds, have: all.filter((n) => held.has(nameKey(n))) });
      return;
    }
    files = needed.map((names) => names.map((n) => held.get(nameKey(n))!));
    held.clear();
    await load(rounds, rounds.rounds.length - 1, 'data');
  }

  async function metas() {
    const { roundsResult, version } = get();
    return Promise.all(
      roundsResult!.rounds.map(async (r, i) => {
        const main = files[i]?.[0];
        return exportMetadata(r.result, { file: r.result.file, sha256: main ? await sha256Hex(main.bytes) : '', version, ...(r.labels ? { labels: r.labels } : {}) });
      }),
    );
  }

  return {
    async open(rounds, name, data) {
      try {
        resolveRounds(rounds, name);
      } catch (e) {
        return fail(dispatch, e);
      }
      // Files the page cannot tell apart: rounds reading different files of one name, or one data
      // file (the app saves a round added in it without folders), refused as the command line does.
      const labels = (pair: [number, number]) => ({ first: rounds.rounds[pair[0]]!.label, second: rounds.rounds[pair[1]]!.label });
      const shared = sharedFileName(roundFileNames(rounds));
      if (shared) return fail(dispatch, new AnalysisError('ROUNDS_FILE_NAMES_SHARED', { name: shared.name, ...labels(shared.rounds) }));
      const same = sameDataFile(rounds.rounds.map((r) => r.data.path));
      if (same) return fail(dispatch, new AnalysisError('ROUNDS_SAME_DATA_FILE', { file: name, ...labels(same), path: rounds.rounds[same[1]]!.data.path }));
      held.clear();
      files = [];
      for (const f of data) held.set(nameKey(f.name), f);
      await whenComplete(rounds);
    },
    async more(data) {
      const waiting = get().pendingRounds;
      if (!waiting) return false;
      for (const f of data) held.set(nameKey(f.name), f);
      await whenComplete(waiting.rounds);
      return true;
    },
    async add(now, next) {
      const s = get();
      if (!s.draft || !s.profile) return;
      const chosen = await askForFiles('data');
      if (!chosen.length) return;
      const base = current() ?? startRounds(s.draft, now, regionCategories(s.profile.columns, s.draft.mapping));
      if (!s.rounds) files = [engine.loadedFiles()];
      // In year order: a baseline added to the follow-up goes first, its files with it.
      const at = roundPlace(base, next.year);
      const rounds = addRound(base, next, s.draft, at);
      files.splice(at, 0, chosen);
      if (!(await load(rounds, at, 'map', true))) files.splice(at, 1);
    },
    async show(round) {
      const rounds = current();
      if (!rounds || round === get().round) return;
      await load(rounds, round, get().step);
    },
    async run() {
      const rounds = current();
      if (!rounds) return;
      const own = files.map((f) => f.map((x) => ({ name: x.name, bytes: x.bytes })));
      const result = await withEngine('rounds', (progress) => engine.runRounds(rounds, own, progress));
      if (result) dispatch({ type: 'roundsRan', rounds, result });
    },
    analysis: current,
    async exportAs(kind) {
      const s = get();
      const rr = s.roundsResult;
      if (!s.trends || !rr || kind === 'analysis') return false;
      const view = { lang: s.lang, framework: s.selected.framework };
      const base = translate(s.lang, 'export.trendsFile');
      dispatch({ type: 'exporting', exporting: true });
      dispatch({ type: 'notice', notice: { key: 'export.working' } });
      try {
        if (kind === 'csv') {
          for (const f of roundsCsvFiles(rr, s.lang)) saved(await saveFile('results', f.name, f.text));
        } else if (kind === 'r') {
          // Every round and every change, as `clstats export --r` writes it for the rounds file, each
          // round's data file named as the app read it.
          const rounds = current();
          if (rounds) saved(await saveFile('rscript', `${base}.R`, roundsRScriptFile(resolveRounds(rounds, 'rounds'), rr, await metas(), files.map((f) => f[0]?.name ?? ''))));
        } else if (kind === 'xlsx') saved(await saveFile('workbook', `${base}.xlsx`, await roundsWorkbookFile(rr, await metas(), view)));
        else if (kind === 'html') saved(await saveFile('report', `${base}.html`, await roundsReportFile(rr, await metas(), view)));
        else printHtml(await roundsReportFile(rr, await metas(), view));
      } catch (e) {
        dispatch({ type: 'notice', notice: { key: 'export.failed', params: { detail: e instanceof Error ? e.message : String(e) } } });
      } finally {
        dispatch({ type: 'exporting', exporting: false });
      }
      return true;
    },
    close() {
      files = [];
      held.clear();
      dispatch({ type: 'roundsClosed' });
    },
  };
}
