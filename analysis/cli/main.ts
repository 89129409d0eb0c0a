import { basename, resolve } from 'node:path';
import { parseAnalysis, type ResolvedAnalysis } from '../analysisFile.js';
import type { Engine } from '../engine/engine.js';
import { presetIds, preset } from '../frameworks.js';
import { parseLang, text as catalogueText, type Lang, type TextKey } from '../i18n/index.js';
import { AnalysisError, formatMessageIn, message } from '../messages.js';
import { gapsCsv, resultsJson } from '../output.js';
import { longCsv } from '../present/longCsv.js';
import { importFileSet } from '../import/fileSet.js';
import { joinedColumnsOf, type JoinedColumn } from '../import/joinedColumns.js';
import { importData, importOptionsOf, type ImportResult, type ImportStep } from '../import/load.js';
import { runAnalysis, type AnalysisResult } from '../run.js';
import { AnalysisSession } from '../analysisSession.js';
import { mappedColumns } from '../mapping.js';
import { StepProgress } from './progress.js';
import { mergeMessages, validateData, type ValidationReport } from '../validate.js';
import { fileSource } from './files.js';
import { checkInputFile, checkOutput, checkOutputFolder, near, readAnalysisText, writeOutput } from './paths.js';
import { compareCommand } from './compare.js';
import { engineFor, roundsJsonOf, roundsRunCommand } from './rounds.js';
import { roundsValidateCommand } from './roundsValidate.js';
import { harmonisedLabels } from '../rounds/harmonisedLabels.js';
import { foldThread } from './foldThread.js';
import { timingLine } from './timingLine.js';
import { reportText } from './reportText.js';
import { withLabelColumnsCsv, withLabelsJson } from './withLabels.js';

/**
 * clstats: runs an analysis file and writes the results. The same analysis file the app saves.
 * Exit codes: 0 done, 1 the analysis or data is wrong (a coded message says what to do), 2 usage.
 */
export const VERSION = '0.1.0';

const HELP = `clstats ${VERSION}: child labour survey statistics (design-based, offline)

Usage:
  clstats run <analysis.json> [--format csv|json] [--out FILE] [--gaps FILE] [--changes FILE] [--engine native|wasm] [--lang en|fr|es] [--timing] [--progress] [--quiet]
  clstats compare <baseline.analysis.json> <followup.analysis.json> [--out FILE] [--format csv|json] [--engine native|wasm] [--lang en|fr|es] [--quiet]
  clstats validate <analysis.json> [--format text|json] [--engine native|wasm] [--lang en|fr|es] [--progress]
  clstats frameworks [--lang en|fr|es]
  clstats export <analysis.json> [--xlsx FILE] [--csv FILE] [--json FILE] [--html FILE] [--r FILE] [--stata FILE]
                 [--vega DIR] [--svg DIR] [--png DIR] [--lang en|fr|es] [--date ISO]   (clstats export --help)
  clstats --help | --version

run        estimates every framework x indicator x domain of the analysis file; CSV (default) or JSON
           on standard output, or in --out FILE. --gaps FILE writes the boys-girls gaps as CSV
           (JSON output always contains them). On an analysis file with rounds: every round, its rows
           with a first column "round"; --changes FILE writes the changes between rounds (CSV, or JSON
           when FILE ends in .json).
compare    runs two single-round analysis files with the same definitions (baseline, follow-up) and
           writes the change of every framework x indicator x domain: each estimate, the difference,
           its SE, df, interval and p-value (independent samples; docs/methods.md).
validate   reads the data file and prints the validation report (rows, children, weights, design,
           ages, codes, missing hours, each finding with what to do) without estimating; exit 1 on errors.
           On an analysis file with rounds: every round's report, each line after the round's label.
           Data files: CSV/TSV (any delimiter, UTF-8 or windows-1252), Parquet, SPSS .sav/.zsav,
           Stata .dta (113-119), Excel .xlsx; reading options go in the analysis file's "data".
frameworks lists the framework presets with their sources.
export     writes tables (Excel, CSV, JSON), charts (Vega-Lite, SVG, PNG), the HTML report and R or Stata code.
--engine   native DuckDB (default; fastest) or DuckDB-WASM (the app's engine; same numbers).
--lang     language of the messages, of the frameworks list and of the exports: en (default), fr or es.
--timing   prints the time of each step to standard error.
--progress names on standard error each step that takes over a second (import, validate, prepare,
           classify, estimate, write), every second while it runs and when it ends.
--quiet    no step names and no notes (info); warnings and errors are always printed.`;

interface Options {
  command: string;
  file?: string;
  format: 'csv' | 'json' | 'text';
  out?: string;
  gaps?: string;
  changes?: string;
  file2?: string;
  engine: 'native' | 'wasm';
  timing: boolean;
  progress: boolean;
  quiet: boolean;
  lang: Lang;
}

function usage(detail: string): never {
  throw new AnalysisError('CLI_USAGE', { detail });
}

export function parseArgs(argv: string[]): Options {
  const o: Options = { command: argv[0] ?? '--help', format: 'csv', engine: 'native', timing: false, progress: false, quiet: false, lang: 'en' };
  const rest = argv.slice(1);
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    const value = () => rest[++i] ?? usage(`${a} needs a value`);
    if (a === '--format') {
      const f = value();
      if (f === 'json' || f === 'csv' || (f === 'text' && o.command === 'validate')) o.format = f;
      else usage(o.command === 'validate' ? `--format must be text or json, not "${f}"` : `--format must be csv or json, not "${f}"`);
    }
    else if (a === '--out') o.out = value();
    else if (a === '--gaps') o.gaps = value();
    else if (a === '--changes') o.changes = value();
    else if (a === '--engine') o.engine = value() === 'wasm' ? 'wasm' : rest[i] === 'native' ? 'native' : usage(`--engine must be native or wasm, not "${rest[i]}"`);
    else if (a === '--lang') o.lang = parseLang(value()) ?? usage(`--lang must be en, fr or es, not "${rest[i]}"`);
    else if (a === '--timing') o.timing = true;
    else if (a === '--progress') o.progress = true;
    else if (a === '--quiet') o.quiet = true;
    else if (a.startsWith('-')) usage(`unknown option ${a}`);
    else if (!o.file) o.file = a;
    else if (o.command === 'compare' && !o.file2) o.file2 = a;
    else usage(`unexpected argument ${a}`);
  }
  return o;
}

export function loadAnalysisFile(path: string): { analysis: ResolvedAnalysis; dataPath: string; joinPaths: string[] } {
  const analysis = parseAnalysis(readAnalysisText(path), path);
  const dataPath = near(path, analysis.data.path);
  checkInputFile(dataPath, 'data');
  // Files joined onto the data file (survey file sets), relative to the analysis file like it.
  const joinPaths = analysis.joins.map((j) => near(path, j.data.path));
  for (const p of joinPaths) checkInputFile(p, 'data');
  return { analysis, dataPath, joinPaths };
}

/**
 * --out and --gaps, checked before the computation (which can take minutes): neither may be the
 * analysis file or the data file, nor a folder, and each must go into an existing folder.
 */
function checkRunOutputs(o: Options): void {
  const outputs: [string, string][] = [];
  if (o.out) outputs.push(['--out', o.out]);
  if (o.gaps) outputs.push(['--gaps', o.gaps]);
  if (outputs.length === 0) return;
  if (o.out && o.gaps && resolve(o.out) === resolve(o.gaps)) usage('--out and --gaps name the same file');
  const { dataPath } = loadAnalysisFile(o.file!);
  for (const [option, path] of outputs) {
    checkOutput(option, path, [o.file!, dataPath]);
    checkOutputFolder(option, path);
  }
}

/** An engine that may read the data file (native: its path; WASM: its bytes, given at import). */
async function openEngine(kind: 'native' | 'wasm', dataPath: string, joinPaths: string[] = []): Promise<Engine> {
  return engineFor(kind, [dataPath, ...joinPaths]);
}

/**
 * Imports the analysis's data file into the engine. An import that takes more than a second prints a
 * progress line every second (step, share done, time), then one line with what was read.
 */
export async function importFile(
  engine: Engine, analysis: ResolvedAnalysis, dataPath: string, progress?: (s: string) => void, onStep?: (step: string) => void,
): Promise<ImportResult> {
  const started = performance.now();
  const name = basename(dataPath);
  let step: ImportStep = 'read';
  let share = '';
  let printed = false;
  const line = () => {
    printed = true;
    progress?.(`importing ${name}: ${step}${share} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  };
  // With --progress (onStep), its lines say where the import is instead.
  const timer = progress && !onStep ? setInterval(line, 1000) : undefined;
  // Only the mapped columns are stored (a wide file costs what they cost), unless the validation needs
  // the others: cluster candidates when no PSU is mapped; joins (which bring and match columns).
  const m = analysis.mapping;
  const joins = (analysis as { joins?: unknown[] }).joins;
  const mapped = [...new Set(mappedColumns(m).map((rc) => rc.column))];
  const columns = (m.psu || m.noClusters) && !joins?.length ? mapped : undefined;
  onStep?.('import');
  try {
    const imported = await importData(engine, fileSource(dataPath), {
      ...importOptionsOf(analysis.data),
      ...(columns ? { columns } : {}),
      // A workbook whose first sheet is a title or notes sheet: the first sheet with the mapped columns.
      sheetWith: mapped,
      progress: (s, done, of) => {
        step = s;
        share = of > 1 ? ` ${Math.floor((100 * done) / of)} %` : '';
        onStep?.(`import (${s})`);
      },
    });
    const ms = performance.now() - started;
    if (printed || ms > 1000) {
      const how = [imported.format, imported.encoding, imported.delimiter ? `delimiter ${JSON.stringify(imported.delimiter)}` : '', imported.sheet ? `sheet "${imported.sheet}"` : '']
        .filter(Boolean).join(', ');
      progress?.(`imported ${name}: ${imported.rows} rows x ${imported.columns.length} columns (${how}) in ${(ms / 1000).toFixed(1)} s`);
    }
    return imported;
  } finally {
    if (timer) clearInterval(timer);
  }
}

/** An error carrying every error finding of a validation report (the first is the message). */
function validationError(report: ValidationReport): AnalysisError {
  const errors = report.findings.filter((f) => f.severity === 'error');
  const first = errors[0]!;
  return Object.assign(new AnalysisError(first.code, first.params), { findings: report.findings });
}

interface Validated {
  engine: Engine;
  session: AnalysisSession;
  analysis: ResolvedAnalysis;
  dataPath: string;
  imported: ImportResult;
  report: ValidationReport;
  loadMs: number;
  /** Time of the validation report. */
  validateMs: number;
  /** A file set's joined columns, each with its file (joinedColumns.ts). */
  joined: JoinedColumn[];
}

/** The steps both commands share: open the engine, import the data file, validate it; then `use` it. */
async function withValidatedFile<T>(
  path: string,
  engineKind: 'native' | 'wasm',
  progress: ((s: string) => void) | undefined,
  use: (v: Validated) => Promise<T>,
  onStep?: (step: string) => void,
): Promise<T> {
  const { analysis, dataPath, joinPaths } = loadAnalysisFile(path);
  const engine = await openEngine(engineKind, dataPath, joinPaths);
  try {
    const t = performance.now();
    const set = joinPaths.length
      ? await importFileSet(engine, { source: fileSource(dataPath), options: importOptionsOf(analysis.data) },
        analysis.joins.map((spec, i) => ({ spec, source: fileSource(joinPaths[i]!) })))
      : { imported: await importFile(engine, analysis, dataPath, progress, onStep), joins: [] };
    const { imported } = set;
    const joined = joinedColumnsOf(set.joins);
    const loadMs = performance.now() - t;
    onStep?.('validate');
    // The session carries the validation's design pass (designPass.ts) to the run: one scan of the data.
    const session = new AnalysisSession();
    const report = await validateData(engine, analysis, basename(dataPath), imported.labels, { session, joined, imported: imported.messages });
    const validateMs = performance.now() - t - loadMs;
    return await use({ engine, analysis, dataPath, imported, report, loadMs, validateMs, session, joined });
  } finally {
    await engine.close();
  }
}

/** Opens the engine, imports the data file and validates it against the mapping, without estimating. */
export async function validateFile(
  path: string,
  engineKind: 'native' | 'wasm' = 'native',
  progress?: (s: string) => void,
  onStep?: (step: string) => void,
): Promise<{ report: ValidationReport; imported: ImportResult; analysis: ResolvedAnalysis; dataPath: string; loadMs: number }> {
  return withValidatedFile(path, engineKind, progress, async ({ report, imported, analysis, dataPath, loadMs }) => {
    report.findings.unshift(...imported.messages);
    return { report, imported, analysis, dataPath, loadMs };
  }, onStep);
}

/**
 * Opens the engine, imports the data file, validates it (errors stop here, with every finding) and
 * runs the analysis. The result's messages hold the import notes, the validation findings and the
 * run's own messages, each once.
 */
export async function runFile(
  path: string,
  engineKind: 'native' | 'wasm' = 'native',
  progress?: (s: string) => void,
  onStep?: (step: string) => void,
): Promise<{ result: AnalysisResult; dataPath: string; loadMs: number; validateMs: number; imported: ImportResult; report: ValidationReport }> {
  return withValidatedFile(path, engineKind, progress, async ({ engine, analysis, dataPath, imported, report, loadMs, validateMs, session, joined }) => {
    // Stopped: with every finding, the import's and the joins' too (a row a join did not match is why a
    // joined stratum is empty: a probe found JOIN_UNMATCHED missing beside STRATUM_MISSING).
    if (!report.ok) throw validationError({ ...report, findings: mergeMessages(imported.messages, report.findings) });
    let current = '';
    const foldHelper = foldThread();
    const result = await runAnalysis(engine, analysis, basename(dataPath), {
      progress: (step, done, of) => {
        progress?.(`[${done}/${of}] ${step}`);
        onStep?.((current = step));
      },
      valuesChecked: true,
      session,
      joined,
      // The estimation pass holds the thread: it says so between breakdowns.
      ...(onStep ? { heartbeat: () => onStep(current) } : {}),
      ...(foldHelper ? { foldHelper } : {}),
    }).finally(() => foldHelper?.close());
    result.messages = mergeMessages(imported.messages, report.findings, result.messages);
    // A recoded region or extra holds shared codes, which the file's value labels do not name.
    imported.labels = harmonisedLabels(analysis.mapping, imported.labels);
    return { result, dataPath, loadMs, validateMs, imported, report };
  }, onStep);
}

export async function main(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  // The language of the messages, also for an error before the options are read.
  const lang = parseLang(argv[argv.indexOf('--lang') + 1]) ?? 'en';
  let steps: StepProgress | undefined;
  try {
    // `clstats run --help` as `clstats --help` (export has its own: clstats export --help).
    const asksHelp = argv[0] !== 'export' && argv.some((x) => x === '--help' || x === '-h');
    if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help' || asksHelp) {
      out(HELP + '\n');
      return 0;
    }
    if (argv[0] === '--version') {
      out(VERSION + '\n');
      return 0;
    }
    if (argv[0] === 'export') {
      const inputsOf = (file: string) => {
        const { dataPath, joinPaths } = loadAnalysisFile(file);
        return [file, dataPath, ...joinPaths];
      };
      // The exports (and their workbook library) are loaded only for this command (startup time).
      return await (await import('../export/node.js')).exportCommand(argv.slice(1), { out, err, version: VERSION, runFile, inputsOf });
    }
    const o = parseArgs(argv);
    if (o.command === 'frameworks') {
      for (const id of presetIds()) {
        const f = preset(id);
        const words = (part: 'name' | 'description') => catalogueText(o.lang, `fw.${id}.${part}` as TextKey);
        out(`${f.id}\n  ${words('name')}\n  ${words('description')}\n  ${catalogueText(o.lang, 'meta.fw.source')}: ${f.source}\n\n`);
      }
      return 0;
    }
    if (o.command !== 'run' && o.command !== 'validate' && o.command !== 'compare') usage(`unknown command "${o.command}"`);
    if (!o.file) usage(`${o.command} needs an analysis file`);
    if (o.command === 'compare') {
      if (!o.file2) usage('compare needs two analysis files: the baseline, then the follow-up');
      return await compareCommand({ ...o, files: [o.file, o.file2] as [string, string], version: VERSION }, out, err);
    }
    // An analysis file with survey rounds (analysis/rounds/): each round, and the changes.
    const roundsJson = o.command === 'run' || o.command === 'validate' ? roundsJsonOf(o.file) : null;
    if (roundsJson && o.command === 'validate') return await roundsValidateCommand({ ...o, file: o.file }, roundsJson, out);
    if (roundsJson) return await roundsRunCommand({ ...o, file: o.file, version: VERSION }, roundsJson, out, err);
    if (o.changes) usage('--changes needs an analysis file with rounds (or use clstats compare)');
    const progress = o.quiet ? undefined : (s: string) => err(s + '\n');
    const started = performance.now();
    if (o.progress) steps = new StepProgress((line) => err(line + '\n'));
    const onStep = steps ? (step: string) => steps!.step(step) : undefined;
    if (o.command === 'validate') {
      const v = await validateFile(o.file, o.engine, progress, onStep);
      steps?.stop();
      const { findings: _f, ...counts } = v.report;
      out(o.format === 'json' ? JSON.stringify({ ...counts, import: { ...v.imported, columns: v.imported.columns }, findings: v.report.findings }, null, 2) + '\n' : reportText(v, o.lang));
      return v.report.ok ? 0 : 1;
    }
    checkRunOutputs(o);
    const { result, loadMs, validateMs, imported, report } = await runFile(o.file, o.engine, progress, onStep);
    onStep?.('write');
    for (const m of result.messages) if (!o.quiet || m.severity !== 'info') err(formatMessageIn(m, o.lang) + '\n');
    const text = o.format === 'json'
      ? withLabelsJson(resultsJson(result, { app: 'clstats', version: VERSION, engine: o.engine, createdAt: new Date().toISOString() }), result.analysis, imported, report) + '\n'
      : longCsv(result, imported.labels);
    if (o.out) writeOutput(o.out, text);
    else out(text);
    if (o.gaps) writeOutput(o.gaps, withLabelColumnsCsv(gapsCsv(result), result.analysis, imported.labels));
    steps?.stop();
    if (o.timing) {
      // The validation report runs before the run (which then skips its own value checks).
      const t = { load: loadMs, ...result.timings, validate: validateMs, total: performance.now() - started };
      err(timingLine(t, result));
    }
    return 0;
  } catch (e) {
    steps?.stop();
    if (e instanceof AnalysisError) {
      err(formatMessageIn(e.msg, lang) + '\n');
      const findings = (e as AnalysisError & { findings?: ReturnType<typeof message>[] }).findings ?? [];
      for (const f of findings) if (f !== undefined && f.text !== e.msg.text) err(formatMessageIn(f, lang) + '\n');
      return e.code === 'CLI_USAGE' ? 2 : 1;
    }
    err(formatMessageIn(message('ENGINE_FAILED', { detail: (e as Error).message }), lang) + '\n');
    return 1;
  }
}
