import type { ResolvedAnalysis } from '../analysisFile.js';
import { AnalysisSession } from '../analysisSession.js';
import type { Engine } from '../engine/engine.js';
import { importFileSet } from '../import/fileSet.js';
import { joinedColumnsOf, type JoinedColumn } from '../import/joinedColumns.js';
import { importOptionsOf, type ImportResult, type ImportSource } from '../import/load.js';
import { mappedColumns } from '../mapping.js';
import { AnalysisError, message, type Message } from '../messages.js';
import { categoryChecks, codesSpelledOtherwise } from './categoryChecks.js';
import { runAnalysis, type Progress } from '../run.js';
import { INDICATORS } from '../types.js';
import { mergeMessages, validateData, type ValidationReport } from '../validate.js';
import { agesDifferMessages, agesKnown } from './ageGap.js';
import { computeChanges, roundPairs } from './change.js';
import { harmonisedLabels } from './harmonisedLabels.js';
import { categoriesIn } from './sharedDims.js';
import { employmentDiffers, measurableFramework, unmeasured } from './modules.js';
import type { ResolvedRounds } from './resolveRounds.js';
import type { RoundRun, RoundsResult, Unmeasured } from './types.js';
import type { FoldHelper } from '../foldHelper.js';
import type { DataLabels } from '../import/labels.js';
import type { Mapping } from '../types.js';

/**
 * Runs a rounds analysis: each round with the existing pipeline (the command line's: import with its
 * joins, validation report, runAnalysis on the validated design), one after the other on the same
 * engine, then the changes between rounds from the rounds' own results (change.ts).
 */

/** A round's files as the loader reads them: the main file and one source per join, in order. */
export interface RoundSources {
  main: ImportSource;
  joins: ImportSource[];
}

export interface RunRoundOptions {
  /** The shared categories (RoundsAnalysisFile.categories): they name the recoded cells. */
  categories?: Record<string, Record<string, string>>;
  progress?: Progress;
  /** The command line's second thread for the estimation pass (foldHelper.ts). */
  foldHelper?: FoldHelper;
  /** The first round (its label, file labels and mapping), whose labels a later round's are checked against without `categories`. */
  first?: { round: string; labels: DataLabels; mapping: Mapping };
}

const baseName = (p: string) => p.split(/[\\/]/).pop() ?? p;

/** The first error of a validation report, carrying every finding (as the command line reports them). */
function reportError(findings: Message[]): AnalysisError {
  const first = findings.find((f) => f.severity === 'error')!;
  return Object.assign(new AnalysisError(first.code, first.params), { findings });
}

/**
 * The frameworks as a round computes them: each as defined, or, when the round does not map a role it
 * needs, its reduced form (modules.ts measurableFramework). Every indicator counts, not only the
 * reported ones: classify.ts needs every role of a framework. The R script of a rounds analysis
 * (export/rscriptRounds.ts) writes these.
 */
export function runnableFrameworks(analysis: ResolvedAnalysis): ResolvedAnalysis['frameworks'] {
  const m = analysis.mapping;
  return analysis.frameworks.map((fw) => (unmeasured(fw, INDICATORS, m).length ? measurableFramework(fw, m) : fw));
}

/** One round imported and validated (validateRound): what its run, or `clstats validate`, goes on with. */
export interface ValidatedRound {
  /** The analysis as the round computes it (runnableFrameworks). */
  runnable: ResolvedAnalysis;
  /** Indicators of a framework this round cannot measure, and the roles it lacks. */
  lacking: Unmeasured[];
  /** A ROUNDS_NOT_MEASURED warning per framework with such indicators. */
  notes: Message[];
  imported: ImportResult;
  report: ValidationReport;
  session: AnalysisSession;
  /** The data file's name, as messages name it. */
  file: string;
  /** Its joined columns, each with its file (joinedColumns.ts). */
  joined: JoinedColumn[];
}

/**
 * One round imported (only the mapped columns when there is no join and no cluster search, as
 * `clstats run`) and validated against the analysis as the round computes it: a framework whose
 * definition needs a role this round does not map (modules.ts) in the reduced form that computes.
 */
export async function validateRound(engine: Engine, analysis: ResolvedAnalysis, round: { label: string }, sources: RoundSources): Promise<ValidatedRound> {
  const m = analysis.mapping;
  const lacking = analysis.frameworks.flatMap((fw) => unmeasured(fw, analysis.indicators, m));
  const runnable: ResolvedAnalysis = { ...analysis, frameworks: runnableFrameworks(analysis) };
  const notes = analysis.frameworks.flatMap((fw) => {
    const roles = [...new Set(lacking.filter((u) => u.framework === fw.id).flatMap((u) => u.roles))];
    return roles.length ? [message('ROUNDS_NOT_MEASURED', { round: round.label, roles: roles.join(', '), framework: fw.id })] : [];
  });

  const columns = (m.psu || m.noClusters) && !analysis.joins.length ? [...new Set(mappedColumns(m).map((rc) => rc.column))] : undefined;
  const { imported, joins } = await importFileSet(
    engine,
    { source: sources.main, options: { ...importOptionsOf(analysis.data), ...(columns ? { columns } : {}) } },
    analysis.joins.map((spec, i) => ({ spec, source: sources.joins[i]! })),
  );
  const file = baseName(sources.main.name);
  const session = new AnalysisSession();
  const joined = joinedColumnsOf(joins);
  const report = await validateData(engine, runnable, file, imported.labels, { session, joined, imported: imported.messages });
  return { runnable, lacking, notes, imported, report, session, file, joined };
}

/**
 * One round: imported and validated (validateRound; errors stop here, with every finding), run. The
 * indicators the round cannot measure are left out of its rows, with a ROUNDS_NOT_MEASURED warning.
 */
export async function runRound(
  engine: Engine, analysis: ResolvedAnalysis, round: { label: string; year?: number }, sources: RoundSources, options: RunRoundOptions = {},
): Promise<RoundRun> {
  const m = analysis.mapping;
  const { runnable, lacking, notes, imported, report, session, file, joined } = await validateRound(engine, analysis, round, sources);
  if (!report.ok) throw reportError(mergeMessages(imported.messages, report.findings));
  const { progress, foldHelper } = options;
  const result = await runAnalysis(engine, runnable, file, { valuesChecked: true, session, joined, ...(progress ? { progress } : {}), ...(foldHelper ? { foldHelper } : {}) });
  const measured = (r: { framework: string; indicator: string }) => !lacking.some((u) => u.framework === r.framework && u.indicator === r.indicator);
  result.rows = result.rows.filter(measured);
  result.gaps = result.gaps.filter(measured);
  // The round's result describes the shared definitions, not the reduced form it was run with.
  result.analysis = analysis;
  const ages = await agesKnown(engine, runnable);
  const shared = categoriesIn(options.categories ?? {}, m, options.first?.mapping);
  const categories = categoryChecks(m, imported.labels, result.rows, shared, round.label, file, options.first);
  result.messages = mergeMessages(imported.messages, report.findings, result.messages, notes, categories);
  return {
    label: round.label,
    ...(round.year !== undefined ? { year: round.year } : {}),
    result,
    labels: harmonisedLabels(m, imported.labels, shared),
    imported,
    unmeasured: lacking,
    ages,
  };
}

/** Every round, in order, on one engine; then the changes chosen by the file (`changes`). */
export async function runRounds(
  engine: Engine,
  file: ResolvedRounds,
  sourcesOf: (round: number) => RoundSources,
  options: { progress?: (round: string, step: string, done: number, of: number) => void; foldHelper?: FoldHelper } = {},
): Promise<RoundsResult> {
  const rounds: RoundRun[] = [];
  for (const [i, r] of file.rounds.entries()) {
    const progress: Progress | undefined = options.progress ? (step, done, of) => options.progress!(r.label, step, done, of) : undefined;
    const { foldHelper } = options;
    const f = rounds[0];
    const first = f?.imported ? { round: f.label, labels: f.imported.labels, mapping: f.result.analysis.mapping } : undefined;
    rounds.push(await runRound(engine, r.analysis, r, sourcesOf(i), { categories: file.categories, ...(first ? { first } : {}), ...(progress ? { progress } : {}), ...(foldHelper ? { foldHelper } : {}) }));
  }
  return { rounds, changes: changesWithChecks(rounds, file.changes, file.categories ?? {}) };
}

/**
 * The changes of the pairs compared (change.ts), and each pair's checks in the later round's
 * messages: codes written otherwise (categoryChecks.ts), ages one round lacks (ageGap.ts: its totals'
 * changes are marked not comparable, which a reader of one table may not see), a role of employment
 * one round maps and the other does not (modules.ts employmentDiffers). The rounds file and
 * `clstats compare` both go through here.
 */
export function changesWithChecks(rounds: RoundRun[], pairs: 'consecutive' | 'baseline', categories: Record<string, Record<string, string>>): RoundsResult['changes'] {
  for (const [i, j] of roundPairs(rounds.length, pairs)) {
    const [a, b] = [rounds[i]!, rounds[j]!];
    const def = a.result.analysis;
    b.result.messages.push(
      ...codesSpelledOtherwise({ round: a.label, rows: a.result.rows }, { round: b.label, rows: b.result.rows, mapping: b.result.analysis.mapping, file: b.result.file }, categories),
      ...agesDifferMessages(a, b, def.frameworks, def.indicators),
      ...employmentDiffers({ label: a.label, mapping: def.mapping }, { label: b.label, mapping: b.result.analysis.mapping }),
    );
  }
  return computeChanges(rounds, pairs);
}
