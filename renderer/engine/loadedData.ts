import type { AnalysisFile, AnalysisResult, DataLabels, Engine, Message, ValidationReport } from '../../analysis/index.js';
// From their own modules, not the analysis/index.ts barrel, which also carries the Excel writer (exceljs).
import { resolveAnalysis, type ResolvedAnalysis } from '../../analysis/analysisFile.js';
import { AnalysisSession } from '../../analysis/analysisSession.js';
import { emptyLabels } from '../../analysis/import/labels.js';
import type { JoinedColumn } from '../../analysis/import/joinedColumns.js';
import { AnalysisError, message } from '../../analysis/messages.js';
import { runAnalysis } from '../../analysis/run.js';
import type { ClassifyHelper } from '../../analysis/classifyHelper.js';
import { frameworkFindings, mergeMessages, sortBySeverity, validateData } from '../../analysis/validate.js';
import type { CheckResult } from './protocol.js';

/** A coded message of the core that stopped a request, and the other findings that came with it. */
export interface Stopped {
  message: Message;
  findings: Message[];
}

export function errorMessages(e: unknown, file: string): Stopped {
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
function blocked(report: ValidationReport): Stopped {
  const first = report.findings.find((f) => f.severity === 'error')!;
  return { message: first, findings: report.findings.filter((f) => f !== first) };
}

/**
 * What else a validation report reads: the mapping, the frameworks' age range (children counted, the
 * age checks), the options (hours and lonely-PSU policies) and the frameworks' errors. Not the
 * frameworks' thresholds and names, so that a threshold edit reuses the report (and its scan).
 */
function reportKey(a: ResolvedAnalysis, errors: Message[]): string {
  const lo = Math.min(...a.frameworks.flatMap((f) => f.bands.map((b) => b.from)));
  const hi = Math.max(...a.frameworks.flatMap((f) => f.bands.map((b) => b.to)));
  return JSON.stringify([a.mapping, a.options, lo, hi, errors.map((m) => m.text)]);
}

/**
 * The data the engine worker holds (one file or a joined file set) and what the runs on it leave for
 * the next (a new file starts over): the import's notes, the validation report per analysis, and the
 * core's session (prepared design, typed columns, classification columns), so that an edited threshold
 * recomputes one column and the estimation pass, not the whole pipeline.
 */
export class LoadedData {
  fileName = '';
  labels: DataLabels = emptyLabels();
  /**
   * The import's notes (a title row skipped, an encoding guessed) and a file set's (the joins): every
   * run's messages start with them, as the command line's do, so the exports explain the rows they name.
   */
  notes: Message[] = [];
  session = new AnalysisSession();
  /** A file set's joined columns, each with its file: messages about one name it (joinedColumns.ts). */
  joined: JoinedColumn[] = [];
  private readonly reports = new Map<string, ValidationReport>();

  /** @param helpers the runs' helper threads (the engine worker's classification helper), if any. */
  constructor(private readonly helpers: { classifyHelper?: ClassifyHelper } = {}) {}

  /** A newly loaded table (or none: '' after survey rounds took the engine's tables). */
  adopt(name: string, labels: DataLabels, notes: Message[], joined: JoinedColumn[] = []): void {
    this.fileName = name;
    this.labels = labels;
    this.notes = notes;
    this.joined = joined;
    this.session = new AnalysisSession();
    this.reports.clear();
  }

  /**
   * The validation report of this analysis. A report kept from another framework set keeps its scan's
   * findings, and takes the current frameworks' own (a report kept for the mapping alone carried the
   * parts left out by frameworks no longer chosen into every later check and run).
   */
  private async validated(e: Engine, a: ResolvedAnalysis): Promise<ValidationReport> {
    const { unmapped, errors } = frameworkFindings(a);
    const key = reportKey(a, errors);
    let report = this.reports.get(key);
    if (!report) {
      // With the session: the report's design pass (one scan of the file) is the run's preparation.
      report = await validateData(e, a, this.fileName, this.labels, { session: this.session, joined: this.joined, imported: this.notes });
      this.reports.set(key, report);
    }
    const findings = [...report.findings.filter((f) => f.code !== 'HAZARD_PART_UNMAPPED'), ...unmapped];
    return { ...report, findings: sortBySeverity(findings) };
  }

  /**
   * The quick check behind the Data and Map steps: the validation report of the mapped file, then the
   * real pipeline (design, classification) on the national total only, so its findings are exactly
   * those the full run will give.
   */
  async check(e: Engine, a: AnalysisFile): Promise<CheckResult> {
    let report: ValidationReport | null = null;
    try {
      report = await this.validated(e, resolveAnalysis(a, this.fileName));
      if (!report.ok) return { design: null, childrenInScope: null, messages: report.findings, report };
      const resolved = resolveAnalysis({ ...a, breakdowns: [[]], indicators: ['child_labour'] }, this.fileName);
      const r = await runAnalysis(e, resolved, this.fileName, { session: this.session, valuesChecked: true, joined: this.joined, ...this.helpers });
      return { design: r.design, childrenInScope: r.childrenInScope, messages: mergeMessages(report.findings, r.messages), report };
    } catch (err) {
      const { message: m, findings } = errorMessages(err, this.fileName);
      return { design: null, childrenInScope: null, messages: mergeMessages([m, ...findings], report?.findings ?? []), report };
    }
  }

  /** The full run: its result, with the import's notes, the report's findings and the run's own messages, each once; or what stopped it. */
  async run(e: Engine, a: AnalysisFile, progress: (step: string, done: number, of: number) => void): Promise<{ result: AnalysisResult } | { stopped: Stopped }> {
    const resolved = resolveAnalysis(a, this.fileName);
    progress('validate', 0, 1);
    const report = await this.validated(e, resolved);
    if (!report.ok) return { stopped: blocked(report) };
    const result = await runAnalysis(e, resolved, this.fileName, { progress, session: this.session, valuesChecked: true, joined: this.joined, ...this.helpers });
    result.messages = mergeMessages(this.notes, report.findings, result.messages);
    return { result };
  }
}
