/**
 * The engine worker: DuckDB-WASM, loaded from the app's own bundled files (never a CDN), wrapped by
 * the core's `wasmEngine`, which locks it down (no extensions, no file or network access beyond the
 * registered data file). The statistical core runs here too, so the page never waits on it.
 * DuckDB's own worker is started from this one (a nested worker): its async API is the supported one
 * in browsers. Only the "eh" build is bundled: every Chromium the app runs on (Electron 37, Debian's
 * Chromium) supports WebAssembly exceptions, and each build adds 35 MB.
 */
import { AsyncDuckDB, VoidLogger } from '@duckdb/duckdb-wasm';
import duckdbWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import duckdbWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import {
  AnalysisError, loadCsv, message, resolveAnalysis, runAnalysis, wasmEngine,
  type AnalysisFile, type Engine, type Message,
} from '../../analysis/index.js';
import { profileTable } from './profileTable.js';
import type { CheckResult, EngineReply, EngineRequest } from './protocol.js';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<EngineRequest>) => void) | null;
  postMessage(reply: EngineReply): void;
};

let engine: Promise<Engine> | undefined;
let fileName = '';

async function openEngine(): Promise<Engine> {
  const db = new AsyncDuckDB(new VoidLogger(), new Worker(duckdbWorker));
  await db.instantiate(duckdbWasm);
  return wasmEngine(db, await db.connect());
}

function errorMessages(e: unknown): { message: Message; findings: Message[] } {
  if (e instanceof AnalysisError) {
    const findings = ((e as AnalysisError & { findings?: Message[] }).findings ?? []).filter((f) => f.text !== e.msg.text);
    return { message: e.msg, findings };
  }
  return { message: message('ENGINE_FAILED', { detail: e instanceof Error ? e.message : String(e) }), findings: [] };
}

/**
 * The quick check behind the Data and Map steps: the real pipeline (validation, design, classification)
 * on the national total only, so its findings are exactly those the full run will give.
 */
async function check(e: Engine, a: AnalysisFile): Promise<CheckResult> {
  try {
    const resolved = resolveAnalysis({ ...a, breakdowns: [[]], indicators: ['child_labour'] }, fileName);
    const r = await runAnalysis(e, resolved, fileName);
    return { design: r.design, childrenInScope: r.childrenInScope, messages: r.messages };
  } catch (err) {
    const { message: m, findings } = errorMessages(err);
    return { design: null, childrenInScope: null, messages: [m, ...findings] };
  }
}

async function handle(req: EngineRequest): Promise<void> {
  const progress = (step: string, done: number, of: number) => scope.postMessage({ id: req.id, kind: 'progress', step, done, of });
  try {
    engine ??= openEngine();
    const e = await engine;
    if (req.kind === 'load') {
      progress('read', 0, 2);
      const ref = await e.registerFile('data.csv', { bytes: req.bytes });
      await loadCsv(e, ref, req.name, req.delimiter);
      // Only now: a file that fails to load leaves the previous one (and its name) in place.
      fileName = req.name;
      progress('profile', 1, 2);
      scope.postMessage({ id: req.id, kind: 'loaded', profile: await profileTable(e, req.name) });
    } else if (req.kind === 'check') {
      scope.postMessage({ id: req.id, kind: 'checked', check: await check(e, req.analysis) });
    } else {
      const resolved = resolveAnalysis(req.analysis, fileName);
      const result = await runAnalysis(e, resolved, fileName, progress);
      scope.postMessage({ id: req.id, kind: 'result', result });
    }
  } catch (err) {
    scope.postMessage({ id: req.id, kind: 'error', ...errorMessages(err) });
  }
}

// One request at a time: a check and a run share the engine's working tables.
let queue = Promise.resolve();
scope.onmessage = (event) => {
  queue = queue.then(() => handle(event.data));
};
