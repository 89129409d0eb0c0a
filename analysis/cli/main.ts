import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { parseAnalysis, type ResolvedAnalysis } from '../analysisFile.js';
import type { Engine } from '../engine/engine.js';
import { createNativeEngine } from '../engine/nativeEngine.js';
import { createNodeWasmEngine } from '../engine/nodeWasm.js';
import { presetIds, preset } from '../frameworks.js';
import { AnalysisError, formatMessage, message } from '../messages.js';
import { gapsCsv, resultsCsv, resultsJson } from '../output.js';
import { loadCsv, runAnalysis, type AnalysisResult } from '../run.js';

/**
 * clstats: runs an analysis file and writes the results. The same analysis file the app saves.
 * Exit codes: 0 done, 1 the analysis or data is wrong (a coded message says what to do), 2 usage.
 */
export const VERSION = '0.1.0';

const HELP = `clstats ${VERSION}: child labour survey statistics (design-based, offline)

Usage:
  clstats run <analysis.json> [--format csv|json] [--out FILE] [--gaps FILE] [--engine native|wasm] [--timing] [--quiet]
  clstats validate <analysis.json> [--engine native|wasm]
  clstats frameworks
  clstats --help | --version

run        estimates every framework x indicator x domain of the analysis file; CSV (default) or JSON
           on standard output, or in --out FILE. --gaps FILE writes the boys-girls gaps as CSV
           (JSON output always contains them).
validate   checks the data file against the mapping and prints the findings without estimating.
frameworks lists the framework presets with their sources.
--engine   native DuckDB (default; fastest) or DuckDB-WASM (the app's engine; same numbers).
--timing   prints the time of each step to standard error.`;

interface Options {
  command: string;
  file?: string;
  format: 'csv' | 'json';
  out?: string;
  gaps?: string;
  engine: 'native' | 'wasm';
  timing: boolean;
  quiet: boolean;
}

function usage(detail: string): never {
  throw new AnalysisError('CLI_USAGE', { detail });
}

export function parseArgs(argv: string[]): Options {
  const o: Options = { command: argv[0] ?? '--help', format: 'csv', engine: 'native', timing: false, quiet: false };
  const rest = argv.slice(1);
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    const value = () => rest[++i] ?? usage(`${a} needs a value`);
    if (a === '--format') o.format = value() === 'json' ? 'json' : rest[i] === 'csv' ? 'csv' : usage(`--format must be csv or json, not "${rest[i]}"`);
    else if (a === '--out') o.out = value();
    else if (a === '--gaps') o.gaps = value();
    else if (a === '--engine') o.engine = value() === 'wasm' ? 'wasm' : rest[i] === 'native' ? 'native' : usage(`--engine must be native or wasm, not "${rest[i]}"`);
    else if (a === '--timing') o.timing = true;
    else if (a === '--quiet') o.quiet = true;
    else if (a.startsWith('-')) usage(`unknown option ${a}`);
    else if (!o.file) o.file = a;
    else usage(`unexpected argument ${a}`);
  }
  return o;
}

export function loadAnalysisFile(path: string): { analysis: ResolvedAnalysis; dataPath: string } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new AnalysisError('ANALYSIS_FILE_UNREADABLE', { file: path, detail: (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message });
  }
  const analysis = parseAnalysis(text, path);
  const dataPath = isAbsolute(analysis.data.path) ? analysis.data.path : resolve(dirname(path), analysis.data.path);
  if (!existsSync(dataPath)) throw new AnalysisError('DATA_FILE_UNREADABLE', { file: dataPath, detail: 'no such file' });
  return { analysis, dataPath };
}

/** Opens the engine, loads the data file and runs the analysis. */
export async function runFile(
  path: string,
  engineKind: 'native' | 'wasm' = 'native',
  progress?: (s: string) => void,
): Promise<{ result: AnalysisResult; dataPath: string; loadMs: number }> {
  const { analysis, dataPath } = loadAnalysisFile(path);
  const engine: Engine = engineKind === 'wasm' ? await createNodeWasmEngine() : await createNativeEngine({ files: [dataPath] });
  try {
    const t = performance.now();
    const ref = await engine.registerFile('data.csv', engineKind === 'wasm' ? { bytes: readFileSync(dataPath) } : { path: dataPath });
    progress?.(`reading ${dataPath}`);
    await loadCsv(engine, ref, dataPath, analysis.data.delimiter);
    const loadMs = performance.now() - t;
    const result = await runAnalysis(engine, analysis, dataPath, (step, done, of) => progress?.(`[${done}/${of}] ${step}`));
    return { result, dataPath, loadMs };
  } finally {
    await engine.close();
  }
}

export async function main(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  try {
    if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
      out(HELP + '\n');
      return 0;
    }
    if (argv[0] === '--version') {
      out(VERSION + '\n');
      return 0;
    }
    const o = parseArgs(argv);
    if (o.command === 'frameworks') {
      for (const id of presetIds()) {
        const f = preset(id);
        out(`${f.id}\n  ${f.name}\n  ${f.description}\n  Source: ${f.source}\n\n`);
      }
      return 0;
    }
    if (o.command !== 'run' && o.command !== 'validate') usage(`unknown command "${o.command}"`);
    if (!o.file) usage(`${o.command} needs an analysis file`);
    const progress = o.quiet ? undefined : (s: string) => err(s + '\n');
    const started = performance.now();
    const { result, loadMs } = await runFile(o.file, o.engine, progress);
    for (const m of result.messages) if (!o.quiet || m.severity !== 'info') err(formatMessage(m) + '\n');
    if (o.command === 'validate') {
      const d = result.design;
      out(`${result.file}: ${d.rows} rows, ${result.childrenInScope} children in scope, ${d.strata} strata, ${d.psus} PSUs, design df ${d.df}` +
        `${d.lonelyStrata.length ? `, lonely PSU strata: ${d.lonelyStrata.join(', ')}` : ''}. No errors.\n`);
      return 0;
    }
    const text = o.format === 'json' ? resultsJson(result, { app: 'clstats', version: VERSION, engine: o.engine, createdAt: new Date().toISOString() }) + '\n' : resultsCsv(result);
    if (o.out) writeFileSync(o.out, text);
    else out(text);
    if (o.gaps) writeFileSync(o.gaps, gapsCsv(result));
    if (o.timing) {
      const t = { load: loadMs, ...result.timings, total: performance.now() - started };
      err(`timing (ms): ${Object.entries(t).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')}; ${result.rows.length} estimates\n`);
    }
    return 0;
  } catch (e) {
    if (e instanceof AnalysisError) {
      err(formatMessage(e.msg) + '\n');
      const findings = (e as AnalysisError & { findings?: ReturnType<typeof message>[] }).findings ?? [];
      for (const f of findings) if (f !== undefined && f.text !== e.msg.text) err(formatMessage(f) + '\n');
      return e.code === 'CLI_USAGE' ? 2 : 1;
    }
    err(formatMessage(message('ENGINE_FAILED', { detail: (e as Error).message })) + '\n');
    return 1;
  }
}
