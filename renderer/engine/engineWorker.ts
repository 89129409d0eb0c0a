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
import type {
  AnalysisFile, DataLabels, DataSpec, Engine, ImportOptions, ImportResult, ImportSource, ImportStep, Message, ValidationReport,
} from '../../analysis/index.js';
// From their own modules, not the analysis/index.ts barrel, which also carries the Excel writer (exceljs).
import { resolveAnalysis } from '../../analysis/analysisFile.js';
import { AnalysisSession } from '../../analysis/analysisSession.js';
import { wasmEngine } from '../../analysis/engine/wasmEngine.js';
import { sha256Hex } from '../../analysis/export/metadata.js';
import { emptyLabels } from '../../analysis/import/labels.js';
import { bytesSource, importData, importOptionsOf } from '../../analysis/import/load.js';
import { setParquetWasmUrl } from '../../analysis/import/parquet.js';
import { AnalysisError, message } from '../../analysis/messages.js';
import { runAnalysis } from '../../analysis/run.js';
import { mergeMessages, validateData } from '../../analysis/validate.js';
import type { ColumnCounts } from '../../analysis/columnCounts.js';
import { clusterCandidates } from '../../analysis/designCandidates.js';
import { loadFileSet } from './loadFileSet.js';
import { profileTable } from './profileTable.js';
import { runRoundsRequest } from './roundsRequest.js';
import type { CheckResult, EngineReply, EngineRequest, TableProfile } from './protocol.js';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<EngineRequest>) => void) | null;
  postMessage(reply: EngineReply): void;
};

setParquetWasmUrl(new URL(parquetWasm, self.location.href));

let engine: Promise<Engine> | undefined;
let fileName = '';
let labels: DataLabels = emptyLabels();
/**
 * What the last runs on the loaded file leave for the next (a new file starts over): the validation
 * report per mapping, and the core's session (prepared design, typed columns, classification columns),
 * so that an edited threshold recomputes one column and the estimation pass, not the whole pipeline.
 */
let session = new AnalysisSession();
const reports = new Map<string, ValidationReport>();

async function validated(e: Engine, a: ReturnType<typeof resolveAnalysis>): Promise<ValidationReport> {
  const key = JSON.stringify(a.mapping);
  let report = reports.get(key);
  if (!report) {
    // With the session: the report's design pass (one scan of the file) is the run's preparation.
    report = await validateData(e, a, fileName, labels, { session });
    reports.set(key, report);
  }
  return report;
}

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

function errorMessages(e: unknown, file: string): { message: Message; findings: Message[] } {
  const text = e instanceof Error ? e.message : String(e);
  // Past the guard, memory can still run out (many wide columns, many frameworks): say so, and what to do.
  if (/out of memory|memory access out of bounds|Array buffer allocation failed|Aborted\(OOM\)/i.test(text)) {
    return { message: message('ENGINE_OUT_OF_MEMORY', { file, detail: text.split('\n')[0]! }), findings: [] };
  }
  if (e instanceof AnalysisError) {
    const findings = ((e as AnalysisError & { findings?: Message[] }).findings ?? []).filter((f) => f.text !== e.msg.text);
    return { message: e.msg, findings };
  }
  return { message: message('ENGINE_FAILED', { detail: e instanceof Error ? e.message : String(e) }), findings: [] };
}

/** The report's errors as a failure: the first error is the message, the other findings come with it. */
function blocked(report: ValidationReport): { message: Message; findings: Message[] } {
  const first = report.findings.find((f) => f.severity === 'error')!;
  return { message: first, findings: report.findings.filter((f) => f !== first) };
}

/**
 * The quick check behind the Data and Map steps: the validation report of the mapped file, then the
 * real pipeline (design, classification) on the national total only, so its findings are exactly
 * those the full run will give.
 */
async function check(e: Engine, a: AnalysisFile): Promise<CheckResult> {
  let report: ValidationReport | null = null;
  try {
    report = await validated(e, resolveAnalysis(a, fileName));
    if (!report.ok) return { design: null, childrenInScope: null, messages: report.findings, report };
    const resolved = resolveAnalysis({ ...a, breakdowns: [[]], indicators: ['child_labour'] }, fileName);
    const r = await runAnalysis(e, resolved, fileName, { session, valuesChecked: true });
    return { design: r.design, childrenInScope: r.childrenInScope, messages: mergeMessages(report.findings, r.messages), report };
  } catch (err) {
    const { message: m, findings } = errorMessages(err, fileName);
    return { design: null, childrenInScope: null, messages: mergeMessages([m, ...findings], report?.findings ?? []), report };
  }
}

/** Reading options of the analysis file, except its format: the file opened decides that. */
function readingOptions(data: DataSpec | undefined) {
  if (!data) return {};
  const { format: _format, ...rest } = importOptionsOf(data);
  return rest;
}

/**
 * importData, except that a workbook whose first sheet has no data (a title or notes sheet) is read
 * from its first sheet that has some, when the analysis file names no sheet. The sheet read is
 * returned (and written into the analysis file), so the command line reads the same one.
 */
async function importFirstSheetWithData(e: Engine, source: ImportSource, options: ImportOptions): Promise<ImportResult> {
  try {
    return await importData(e, source, options);
  } catch (err) {
    const empty = err instanceof AnalysisError && err.msg.code === 'DATA_FILE_EMPTY';
    if (!empty || options.sheet !== undefined || !/\.xlsx$/i.test(source.name)) throw err;
    for (let sheet = 2; sheet <= 20; sheet++) {
      try {
        return await importData(e, source, { ...options, sheet });
      } catch (next) {
        if (!(next instanceof AnalysisError && next.msg.code === 'DATA_FILE_EMPTY')) break;
      }
    }
    throw err;
  }
}

/** How the main file was read, as the profile says it: the sheet of a workbook, the decimal comma of delimited text. */
function reading(imported: ImportResult): Pick<TableProfile, 'sheet' | 'decimalComma'> {
  return { ...(imported.sheet ? { sheet: imported.sheet } : {}), ...(imported.decimalComma !== undefined ? { decimalComma: imported.decimalComma } : {}) };
}

/**
 * The loaded table becomes the current file (a new session, no reports kept), and what the Data and
 * Map steps show of it: the profile, and the cluster candidates from the profile's own scan.
 */
async function adoptLoaded(e: Engine, name: string, fileLabels: DataLabels, progress: (step: string, done: number, of: number) => void) {
  fileName = name;
  labels = fileLabels;
  session = new AnalysisSession();
  reports.clear();
  progress('profile', 1, 2);
  const counts = new Map<string, ColumnCounts>();
  const profile = await profileTable(e, name, fileLabels, counts);
  const psuCandidates = await clusterCandidates(e, 'src', { labels: fileLabels, stats: counts });
  return { profile, psuCandidates };
}

async function handle(req: EngineRequest): Promise<void> {
  const progress = (step: string, done: number, of: number) => scope.postMessage({ id: req.id, kind: 'progress', step, done, of });
  try {
    engine ??= openEngine();
    const e = await engine;
    if (req.kind === 'load') {
      progress('read', 0, 1);
      // The bytes stay intact for the hash below: the core's WASM engine registers a copy with DuckDB
      // (whose registerFileBuffer detaches the buffer it is given), so no second copy is made here.
      const source = bytesSource(req.name, req.bytes);
      // The file's SHA-256 (for the exports' metadata) is computed by the browser while DuckDB reads.
      const sha256 = sha256Hex(req.bytes);
      sha256.catch(() => undefined);
      const options = {
        ...readingOptions(req.data),
        maxCells: APP_MAX_CELLS,
        progress: (s: ImportStep, done: number, of: number) => progress(`import.${s}`, done, of),
      };
      const imported = await importFirstSheetWithData(e, source, options);
      // Only now: a file that fails to load leaves the previous one (and its name) in place.
      const { profile, psuCandidates } = await adoptLoaded(e, req.name, imported.labels, progress);
      scope.postMessage({ id: req.id, kind: 'loaded', profile: { ...profile, psuCandidates, format: imported.format, ...reading(imported), sha256: await sha256 } });
    } else if (req.kind === 'loadSet') {
      const set = await loadFileSet(e, req.files, req.given, progress, APP_MAX_CELLS);
      const { profile, psuCandidates } = await adoptLoaded(e, set.main, set.labels, progress);
      const main = set.files[0]!;
      scope.postMessage({
        id: req.id,
        kind: 'loaded',
        profile: { ...profile, psuCandidates, format: main.format, ...reading(set.imported), sha256: main.sha256, files: set.files, joinSpecs: set.joins, joins: set.reports, setMessages: set.messages },
      });
    } else if (req.kind === 'runRounds') {
      // The rounds replace the loaded file's tables: nothing of it is kept (the client loads it again).
      fileName = '';
      session = new AnalysisSession();
      reports.clear();
      scope.postMessage({ id: req.id, kind: 'roundsResult', result: await runRoundsRequest(e, req.rounds, req.files, progress) });
    } else if (req.kind === 'check') {
      scope.postMessage({ id: req.id, kind: 'checked', check: await check(e, req.analysis) });
    } else {
      const resolved = resolveAnalysis(req.analysis, fileName);
      progress('validate', 0, 1);
      const report = await validated(e, resolved);
      if (!report.ok) {
        scope.postMessage({ id: req.id, kind: 'error', ...blocked(report) });
        return;
      }
      const result = await runAnalysis(e, resolved, fileName, { progress, session, valuesChecked: true });
      result.messages = mergeMessages(report.findings, result.messages);
      scope.postMessage({ id: req.id, kind: 'result', result });
    }
  } catch (err) {
    scope.postMessage({ id: req.id, kind: 'error', ...errorMessages(err, req.kind === 'load' ? req.name : req.kind === 'loadSet' ? req.files.map((f) => f.name).join(', ') : fileName) });
  }
}

// One request at a time: a check and a run share the engine's working tables.
let queue = Promise.resolve();
scope.onmessage = (event) => {
  queue = queue.then(() => handle(event.data));
};
