import { basename, extname, resolve } from 'node:path';
import { readAnalysisJson } from '../analysisFile.js';
import type { Engine } from '../engine/engine.js';
import { createNativeEngine } from '../engine/nativeEngine.js';
import type { Lang } from '../i18n/index.js';
import { AnalysisError, formatMessageIn } from '../messages.js';
import { changesCsv, changesJson } from '../rounds/changesCsv.js';
import { isRoundsJson, resolveRounds, type ResolvedRounds } from '../rounds/resolveRounds.js';
import { roundsCsv, roundsGapsCsv, roundsJson } from '../rounds/roundsCsv.js';
import { runRounds, type RoundSources } from '../rounds/runRounds.js';
import { sameDataFile } from '../rounds/sameDataFile.js';
import { foldThread } from './foldThread.js';
import { timingLine } from './timingLine.js';
import type { RoundsResult } from '../rounds/types.js';
import { fileSource } from './files.js';
import { checkInputFile, checkOutput, checkOutputFolder, near, readAnalysisText, writeOutput } from './paths.js';

/**
 * `clstats run` on an analysis file with rounds: every round with the pipeline of a single-round run,
 * on one engine, each round's rows with a first column `round`, and with --changes FILE the changes
 * between rounds (analysis/rounds/). Exit codes as `clstats run`.
 */

export interface RoundsRunOptions {
  file: string;
  format: 'csv' | 'json' | 'text';
  out?: string;
  gaps?: string;
  changes?: string;
  engine: 'native' | 'wasm';
  quiet: boolean;
  lang: Lang;
  /** Each round's --timing line on standard error, its label first. */
  timing?: boolean;
  version: string;
}

/** A path of an analysis file's entry, relative to the analysis file's folder (as `data.path`). */

/** The analysis file's JSON when it has rounds; null for a single-round file (or one that is not JSON: the single-round path says why). */
export function roundsJsonOf(path: string): unknown {
  const text = readAnalysisText(path);
  try {
    const json = readAnalysisJson(text);
    return isRoundsJson(json) ? json : null;
  } catch {
    return null;
  }
}

/** The rounds file resolved, with each round's data and joined files (checked to be readable files). */
export function loadRoundsFile(path: string, json: unknown): { rounds: ResolvedRounds; paths: { main: string; joins: string[] }[] } {
  const rounds = resolveRounds(json, path);
  const paths = rounds.rounds.map(({ analysis }) => ({ main: near(path, analysis.data.path), joins: analysis.joins.map((j) => near(path, j.data.path)) }));
  const same = sameDataFile(paths.map((p) => p.main));
  if (same) {
    const [first, second] = same.map((i) => rounds.rounds[i]!);
    throw new AnalysisError('ROUNDS_SAME_DATA_FILE', { file: basename(path), first: first!.label, second: second!.label, path: second!.analysis.data.path });
  }
  for (const p of paths) for (const f of [p.main, ...p.joins]) checkInputFile(f, 'data');
  return { rounds, paths };
}

/**
 * An engine that may read the given files (native: their paths; WASM: their bytes, given at import).
 * DuckDB-WASM is loaded only when asked for: most runs never need it (startup time).
 */
export async function engineFor(kind: 'native' | 'wasm', files: string[]): Promise<Engine> {
  return kind === 'wasm' ? (await import('../engine/nodeWasm.js')).createNodeWasmEngine() : createNativeEngine({ files });
}

export const sourcesOf = (p: { main: string; joins: string[] }): RoundSources => ({ main: fileSource(p.main), joins: p.joins.map(fileSource) });

/** Runs every round of a rounds file on one engine, and the changes. */
export async function runRoundsFile(
  path: string, json: unknown, engineKind: 'native' | 'wasm' = 'native', progress?: (s: string) => void,
): Promise<{ rounds: ResolvedRounds; result: RoundsResult; inputs: string[] }> {
  const { rounds, paths } = loadRoundsFile(path, json);
  const inputs = [...new Set(paths.flatMap((p) => [p.main, ...p.joins]))];
  const engine = await engineFor(engineKind, inputs);
  const foldHelper = foldThread();
  try {
    const result = await runRounds(engine, rounds, (i) => sourcesOf(paths[i]!), {
      progress: (round, step, done, of) => progress?.(`${round}: [${done}/${of}] ${step}`),
      ...(foldHelper ? { foldHelper } : {}),
    });
    return { rounds, result, inputs };
  } finally {
    await foldHelper?.close();
    await engine.close();
  }
}

/** --changes FILE as JSON when it ends in .json, as CSV when it ends in .csv, else as --format says. */
export function changesFormat(file: string, format: string): 'csv' | 'json' {
  const ext = extname(file).toLowerCase();
  return ext === '.json' ? 'json' : ext === '.csv' ? 'csv' : format === 'json' ? 'json' : 'csv';
}

export async function roundsRunCommand(o: RoundsRunOptions, json: unknown, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  // Outputs checked before the computation: none may be an input, each goes into an existing folder.
  const { paths } = loadRoundsFile(o.file, json);
  const inputs = [o.file, ...paths.flatMap((p) => [p.main, ...p.joins])];
  const outputs = ([['--out', o.out], ['--gaps', o.gaps], ['--changes', o.changes]] as [string, string | undefined][]).filter((x): x is [string, string] => !!x[1]);
  if (new Set(outputs.map(([, p]) => resolve(p))).size < outputs.length) throw new AnalysisError('CLI_USAGE', { detail: '--out, --gaps and --changes must name different files' });
  for (const [option, p] of outputs) {
    checkOutput(option, p, inputs);
    checkOutputFolder(option, p);
  }
  const progress = o.quiet ? undefined : (s: string) => err(s + '\n');
  const { rounds, result } = await runRoundsFile(o.file, json, o.engine, progress);
  for (const r of result.rounds) {
    for (const m of r.result.messages) if (!o.quiet || m.severity !== 'info') err(`${r.label}: ${formatMessageIn(m, o.lang)}\n`);
    if (o.timing) err(`${r.label}: ${timingLine(r.result.timings, r.result)}`);
  }
  const meta = { app: 'clstats', version: o.version, engine: o.engine, createdAt: new Date().toISOString() };
  const text = o.format === 'json' ? roundsJson(result, meta, rounds.title) : roundsCsv(result);
  if (o.out) writeOutput(o.out, text);
  else out(text);
  if (o.gaps) writeOutput(o.gaps, roundsGapsCsv(result));
  if (o.changes) {
    const meta2 = { ...meta, title: rounds.title, changes: rounds.changes };
    writeOutput(o.changes, changesFormat(o.changes, o.format) === 'json' ? changesJson(result.rounds, result.changes, meta2) : changesCsv(result.rounds, result.changes));
  }
  return 0;
}
