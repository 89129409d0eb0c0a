/**
 * Where a first run's time goes, statement by statement (not part of the tests):
 *
 *   npx tsx scripts/bench/statements.ts ANALYSIS.json [native|wasm] [MIN_MS]
 *
 * Runs the analysis file's data through one engine the way its user does: `native` as the command
 * line (import of the mapped columns, validation, run); `wasm` as the app's engine worker (import of
 * every column, the Data step's profile, whose listed cells the validation counts over, validation,
 * run), in DuckDB-WASM in Node. Every statement sent to the engine that takes MIN_MS (default 30) or
 * more is printed, in order, with its time and the first characters of its SQL, after the steps'
 * totals. What is not listed is JavaScript (the fold, the typed classification) or short statements.
 * docs/performance.md quotes its output.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { AnalysisSession } from '../../analysis/analysisSession.js';
import { importFile, loadAnalysisFile } from '../../analysis/cli/main.js';
import { columnCounts, type ValueCount } from '../../analysis/columnCounts.js';
import type { Engine } from '../../analysis/engine/engine.js';
import { createNativeEngine } from '../../analysis/engine/nativeEngine.js';
import { createNodeWasmEngine } from '../../analysis/engine/nodeWasm.js';
import { bytesSource, importData } from '../../analysis/import/load.js';
import { LISTED_VALUES } from '../../analysis/oneColumnCounts.js';
import { runAnalysis } from '../../analysis/run.js';
import { validateData } from '../../analysis/validate.js';

/** The app's profile lists the codes of columns with at most this many (renderer/engine/protocol.ts MAX_CODES). */
const APP_MAX_CODES = 20;

const [path, kind = 'native', min = '30'] = process.argv.slice(2);
if (!path || (kind !== 'native' && kind !== 'wasm')) {
  console.error('usage: npx tsx scripts/bench/statements.ts ANALYSIS.json [native|wasm] [MIN_MS]');
  process.exit(2);
}
const { analysis, dataPath } = loadAnalysisFile(path);
const inner = kind === 'native' ? await createNativeEngine({ files: [dataPath] }) : await createNodeWasmEngine();

/** Each statement's time, with the step it ran in. */
const log: { step: string; ms: number; sql: string }[] = [];
let step = 'import';
const timed = <A extends unknown[], R>(f: (...a: A) => Promise<R>) => async (...a: A): Promise<R> => {
  const t = performance.now();
  const r = await f(...a);
  log.push({ step, ms: performance.now() - t, sql: String(a[0]).replace(/\s+/g, ' ') });
  return r;
};
const engine: Engine = Object.assign(Object.create(inner) as Engine, {
  run: timed(inner.run.bind(inner)),
  query: timed(inner.query.bind(inner)),
  columns: timed(inner.columns.bind(inner)),
});

const steps: [string, number][] = [];
const lap = async <T>(name: string, f: () => Promise<T>): Promise<T> => {
  step = name;
  const t = performance.now();
  const r = await f();
  steps.push([name, performance.now() - t]);
  return r;
};

const session = new AnalysisSession();
const imported = kind === 'native'
  ? await lap('import', () => importFile(engine, analysis, dataPath))
  : await lap('import', () => importData(engine, bytesSource(basename(dataPath), new Uint8Array(readFileSync(dataPath))), {}));
if (kind === 'wasm') {
  // The app's Data step: every column's counts, the listed cells kept for the validation (engineWorker.ts adoptLoaded).
  await lap('profile', async () => {
    const names = (await engine.query('SELECT column_name FROM (DESCRIBE src)')).map((r) => String(r.column_name));
    const { counts } = await columnCounts(engine, 'src', names, APP_MAX_CODES, LISTED_VALUES);
    session.srcValues = new Map([...counts].flatMap(([c, x]): [string, readonly ValueCount[]][] => (x.values ? [[c, x.values]] : [])));
  });
}
const report = await lap('validate', () => validateData(engine, analysis, basename(dataPath), imported.labels, { session, joined: [] }));
if (!report.ok) throw new Error(report.findings.find((f) => f.severity === 'error')!.text);
const result = await lap('run', () => runAnalysis(engine, analysis, basename(dataPath), { valuesChecked: true, session, joined: [] }));
await inner.close();

console.log(`${kind}, ${basename(dataPath)}: ${steps.map(([n, ms]) => `${n} ${(ms / 1000).toFixed(2)} s`).join(', ')}; ${result.rows.length} rows`);
console.log(`statements of ${min} ms or more (step, ms, SQL):`);
for (const s of log.filter((x) => x.ms >= Number(min))) console.log(`${s.step.padEnd(8)} ${s.ms.toFixed(0).padStart(6)}  ${(process.env.FULL_SQL ? s.sql : s.sql.slice(0, 150))}`);
const sum = (st: string) => log.filter((x) => x.step === st).reduce((a, x) => a + x.ms, 0);
console.log(`in the engine, per step: ${steps.map(([n]) => `${n} ${(sum(n) / 1000).toFixed(2)} s`).join(', ')}`);
