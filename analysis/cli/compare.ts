import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseAnalysis, type ResolvedAnalysis } from '../analysisFile.js';
import type { Lang } from '../i18n/index.js';
import { AnalysisError, formatMessageIn } from '../messages.js';
import { computeChanges } from '../rounds/change.js';
import { changesCsv, changesJson } from '../rounds/changesCsv.js';
import { checkSameDefinitions } from '../rounds/compareDefinitions.js';
import { changesWithChecks, runRound } from '../rounds/runRounds.js';
import type { RoundRun } from '../rounds/types.js';
import { checkInputFile, checkOutput, checkOutputFolder, writeOutput } from './paths.js';
import { near } from './paths.js';
import { engineFor, sourcesOf } from './rounds.js';

/**
 * `clstats compare BASELINE.analysis.json FOLLOWUP.analysis.json`: two single-round analysis files
 * that share their definitions (compareDefinitions.ts: a coded error naming what differs), each run as
 * a round (its own data, joins, mapping and recodes; a module it lacks makes the change "not
 * comparable"), and one row per framework x indicator x domain with the change between them
 * (analysis/rounds/change.ts). The rounds are named by their files; they have no year, so no AARR.
 */
export interface CompareOptions {
  files: [string, string];
  format: 'csv' | 'json' | 'text';
  out?: string;
  engine: 'native' | 'wasm';
  quiet: boolean;
  lang: Lang;
  version: string;
}

interface Loaded {
  path: string;
  analysis: ResolvedAnalysis;
  main: string;
  joins: string[];
}

function load(path: string): Loaded {
  checkInputFile(path, 'analysis');
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new AnalysisError('ANALYSIS_FILE_UNREADABLE', { file: path, detail: (e as Error).message });
  }
  const analysis = parseAnalysis(text, path);
  const main = near(path, analysis.data.path);
  const joins = analysis.joins.map((j) => near(path, j.data.path));
  for (const f of [main, ...joins]) checkInputFile(f, 'data');
  return { path, analysis, main, joins };
}

/** A round's label: the file's name without `.analysis.json` (or `.json`), made unique. */
function labels(files: [string, string]): [string, string] {
  const name = (p: string) => basename(p).replace(/(\.analysis)?\.(json|clstats)$/i, '');
  const [a, b] = files.map(name) as [string, string];
  return a === b ? [`${a} (1)`, `${b} (2)`] : [a, b];
}

/** Runs both files (each on its own engine) and computes their changes. */
export async function compareFiles(
  files: [string, string], engineKind: 'native' | 'wasm' = 'native', progress?: (s: string) => void,
): Promise<{ rounds: RoundRun[]; changes: ReturnType<typeof computeChanges> }> {
  const loaded = files.map(load) as [Loaded, Loaded];
  checkSameDefinitions(loaded[0].analysis, loaded[1].analysis, { baseline: basename(files[0]), followup: basename(files[1]) });
  const names = labels(files);
  const rounds: RoundRun[] = [];
  for (const [i, f] of loaded.entries()) {
    const engine = await engineFor(engineKind, [f.main, ...f.joins]);
    try {
      rounds.push(await runRound(engine, f.analysis, { label: names[i]! }, sourcesOf(f), {
        progress: (step, done, of) => progress?.(`${names[i]}: [${done}/${of}] ${step}`),
      }));
    } finally {
      await engine.close();
    }
  }
  return { rounds, changes: changesWithChecks(rounds, 'consecutive', {}) };
}

export async function compareCommand(o: CompareOptions, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  if (o.out) {
    const inputs = o.files.flatMap((f) => {
      const l = load(f);
      return [f, l.main, ...l.joins];
    });
    checkOutput('--out', o.out, inputs.map((p) => resolve(p)));
    checkOutputFolder('--out', o.out);
  }
  const { rounds, changes } = await compareFiles(o.files, o.engine, o.quiet ? undefined : (s) => err(s + '\n'));
  for (const r of rounds) {
    for (const m of r.result.messages) if (!o.quiet || m.severity !== 'info') err(`${r.label}: ${formatMessageIn(m, o.lang)}\n`);
  }
  const meta = { app: 'clstats', version: o.version, engine: o.engine, createdAt: new Date().toISOString() };
  const text = o.format === 'json' ? changesJson(rounds, changes, meta) : changesCsv(rounds, changes);
  if (o.out) writeOutput(o.out, text);
  else out(text);
  return 0;
}
