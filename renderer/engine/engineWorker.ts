/**
 * The engine worker: DuckDB-WASM, loaded from the app's own bundled files (never a CDN), wrapped by
 * the core's `wasmEngine`, which locks it down (no extensions, no file or network access beyond the
 * registered data file). The statistical core runs here too, so the page never waits on it.
 * DuckDB's own worker is started from this one (a nested worker): its async API is the supported one
 * in browsers. Only the "eh" build is bundled: every Chromium the app runs on (Electron 37, Debian's
 * Chromium) supports WebAssembly exceptions, and each build adds 35 MB. (The threaded "coi" build,
 * which needs a cross-origin isolated page, was measured and is not faster here: docs/performance.md.)
 *
 * Data files of every format the core reads (CSV/TSV, Parquet, SPSS .sav/.zsav, Stata .dta, Excel)
 * go through the core's `importData`; Parquet is decoded by parquet-wasm, whose .wasm file Vite
 * bundles from node_modules (named here explicitly, so it is never looked for anywhere else).
 * Several files opened together (a survey file set) are read and joined by loadFileSet.ts.
 */
import { AsyncDuckDB, VoidLogger } from '@duckdb/duckdb-wasm';
import duckdbWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import duckdbWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import parquetWasm from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import type { DataLabels, DataSpec, Engine, ImportResult, ImportStep, Message } from '../../analysis/index.js';
// From their own modules, not the analysis/index.ts barrel, which also carries the Excel writer (exceljs).
import { wasmEngine } from '../../analysis/engine/wasmEngine.js';
import { sha256Hex } from '../../analysis/export/metadata.js';
import { emptyLabels } from '../../analysis/import/labels.js';
import { joinedColumnsOf, type JoinedColumn } from '../../analysis/import/joinedColumns.js';
import { bytesSource, importData, importOptionsOf } from '../../analysis/import/load.js';
import { setParquetWasmUrl } from '../../analysis/import/parquet.js';
import type { ColumnCounts } from '../../analysis/columnCounts.js';
import { clusterCandidates } from '../../analysis/designCandidates.js';
import { classifyThread } from './classifyThread.js';
import { errorMessages, LoadedData } from './loadedData.js';
import { loadFileSet } from './loadFileSet.js';
import { profileTable } from './profileTable.js';
import { runRoundsRequest } from './roundsRequest.js';
import type { EngineReply, EngineRequest, TableProfile } from './protocol.js';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<EngineRequest>) => void) | null;
  postMessage(reply: EngineReply): void;
};

setParquetWasmUrl(new URL(parquetWasm, self.location.href));

let engine: Promise<Engine> | undefined;
/** The data loaded, and what the runs on it leave for the next (loadedData.ts). */
// The typed rules run on a helper worker beside the fold caches (analysis/classifyHelper.ts).
const data = new LoadedData({ classifyHelper: classifyThread() });

async function openEngine(): Promise<Engine> {
  const db = new AsyncDuckDB(new VoidLogger(), new Worker(duckdbWorker));
  await db.instantiate(duckdbWasm);
  return wasmEngine(db, await db.connect());
}

/**
 * The largest file the app loads, in cells (rows x columns): DuckDB-WASM cannot grow past 4 GB, and
 * the app's tables, the estimation columns and the file's bytes must fit. Measured in Chromium with
 * the benchmark (docs/performance.md): 17-column files of 5.8 million rows (99M cells) run, 8 million
 * rows (136M cells) run out of DuckDB-WASM memory.
 */
export const APP_MAX_CELLS = 100_000_000;

/** Reading options of the analysis file, except its format: the file opened decides that. */
function readingOptions(data: DataSpec | undefined) {
  if (!data) return {};
  const { format: _format, ...rest } = importOptionsOf(data);
  return rest;
}

/** How the main file was read, as the profile says it: the sheet of a workbook, the decimal comma of delimited text. */
function reading(imported: ImportResult): Pick<TableProfile, 'sheet' | 'sheets' | 'hiddenSheets' | 'decimalComma'> {
  return {
    ...(imported.sheet ? { sheet: imported.sheet } : {}), ...(imported.sheets ? { sheets: imported.sheets } : {}), ...(imported.hiddenSheets ? { hiddenSheets: imported.hiddenSheets } : {}),
    ...(imported.decimalComma !== undefined ? { decimalComma: imported.decimalComma } : {}),
  };
}

type Progress = (step: string, done: number, of: number) => void;

/**
 * The loaded table becomes the current data (a new session, no reports kept; its import's notes go
 * with every run), and what the Data and Map steps show of it: the profile, and the cluster
 * candidates from the profile's own scan.
 */
async function adoptLoaded(e: Engine, name: string, fileLabels: DataLabels, notes: Message[], progress: Progress, joined: JoinedColumn[] = []) {
  data.adopt(name, fileLabels, notes, joined);
  progress('profile', 1, 2);
  const counts = new Map<string, ColumnCounts>();
  const profile = await profileTable(e, name, fileLabels, counts);
  // The cells the profile listed are this table's: the session of this table counts over them.
  data.session.srcValues = new Map([...counts].flatMap(([column, c]) => (c.values ? [[column, c.values] as const] : [])));
  const psuCandidates = await clusterCandidates(e, 'src', { labels: fileLabels, stats: counts });
  return { profile, psuCandidates };
}

/** One data file, of any format the core reads: its profile, with the import's own notes. */
async function loadOne(e: Engine, req: Extract<EngineRequest, { kind: 'load' }>, progress: Progress): Promise<TableProfile> {
  progress('read', 0, 1);
  // The bytes stay intact for the hash below: the core's WASM engine registers a copy with DuckDB
  // (whose registerFileBuffer detaches the buffer it is given), so no second copy is made here.
  const source = bytesSource(req.name, req.bytes);
  // The file's SHA-256 (for the exports' metadata) is computed by the browser while DuckDB reads.
  const sha256 = sha256Hex(req.bytes);
  sha256.catch(() => undefined);
  const options = {
    ...readingOptions(req.data),
    // The analysis file's mapped columns: a workbook's title or notes sheet is passed over for the data sheet.
    ...(req.columns ? { sheetWith: req.columns } : {}),
    maxCells: APP_MAX_CELLS,
    progress: (s: ImportStep, done: number, of: number) => progress(`import.${s}`, done, of),
  };
  const imported = await importData(e, source, options);
  // Only now: a file that fails to load leaves the previous one (and its name) in place.
  const { profile, psuCandidates } = await adoptLoaded(e, req.name, imported.labels, imported.messages, progress);
  return { ...profile, psuCandidates, format: imported.format, ...reading(imported), sha256: await sha256, importMessages: imported.messages };
}

/** Several files opened together: the main file with the others joined onto it, and the set's notes. */
async function loadSet(e: Engine, req: Extract<EngineRequest, { kind: 'loadSet' }>, progress: Progress): Promise<TableProfile> {
  const set = await loadFileSet(e, req.files, req.given, progress, APP_MAX_CELLS);
  // The set's notes hold its files' import notes and the joins', as the command line's run messages do.
  const { profile, psuCandidates } = await adoptLoaded(e, set.main, set.labels, set.messages, progress, joinedColumnsOf(set.reports));
  const main = set.files[0]!;
  return {
    ...profile, psuCandidates, format: main.format, ...reading(set.imported), sha256: main.sha256,
    files: set.files, joinSpecs: set.joins, joins: set.reports, setMessages: set.messages, importMessages: set.importMessages,
  };
}

async function handle(req: EngineRequest): Promise<void> {
  const progress: Progress = (step, done, of) => scope.postMessage({ id: req.id, kind: 'progress', step, done, of });
  try {
    engine ??= openEngine();
    const e = await engine;
    // A load replaces `src` (even one that fails after reading): cells listed of the old one no longer hold.
    if (req.kind === 'load' || req.kind === 'loadSet') data.session.srcValues = null;
    if (req.kind === 'load') {
      scope.postMessage({ id: req.id, kind: 'loaded', profile: await loadOne(e, req, progress) });
    } else if (req.kind === 'loadSet') {
      scope.postMessage({ id: req.id, kind: 'loaded', profile: await loadSet(e, req, progress) });
    } else if (req.kind === 'runRounds') {
      // The rounds replace the loaded file's tables: nothing of it is kept (the client loads it again).
      data.adopt('', emptyLabels(), []);
      scope.postMessage({ id: req.id, kind: 'roundsResult', result: await runRoundsRequest(e, req.rounds, req.files, progress) });
    } else if (req.kind === 'check') {
      scope.postMessage({ id: req.id, kind: 'checked', check: await data.check(e, req.analysis) });
    } else {
      const ran = await data.run(e, req.analysis, progress);
      scope.postMessage('stopped' in ran ? { id: req.id, kind: 'error', ...ran.stopped } : { id: req.id, kind: 'result', result: ran.result });
    }
  } catch (err) {
    scope.postMessage({ id: req.id, kind: 'error', ...errorMessages(err, req.kind === 'load' ? req.name : req.kind === 'loadSet' ? req.files.map((f) => f.name).join(', ') : data.fileName) });
  }
}

// One request at a time: a check and a run share the engine's working tables.
let queue = Promise.resolve();
scope.onmessage = (event) => {
  queue = queue.then(() => handle(event.data));
};
