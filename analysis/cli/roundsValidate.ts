import type { Lang } from '../i18n/index.js';
import type { ImportResult } from '../import/load.js';
import { AnalysisError, formatMessageIn, type Message } from '../messages.js';
import { validateRound } from '../rounds/runRounds.js';
import { mergeMessages, type ValidationReport } from '../validate.js';
import { engineFor, loadRoundsFile, sourcesOf } from './rounds.js';
import { reportText } from './reportText.js';

/**
 * `clstats validate` on an analysis file with rounds: every round read (its file and its joins), mapped
 * and validated as `clstats validate` does a single file, one after the other on one engine, each
 * round's report and findings tagged with its label. A round that cannot be read (a join that does not
 * match, a file that is not what its format says) is reported as that round's error and the other
 * rounds are still validated. Exit codes as for a single file: 0 no errors, 1 errors (in any round).
 */

export interface RoundsValidateOptions {
  file: string;
  format: 'csv' | 'json' | 'text';
  engine: 'native' | 'wasm';
  lang: Lang;
}

/** One round's validation: its report (null when its files could not be read) and every finding. */
interface RoundReport {
  label: string;
  year?: number;
  validated: { report: ValidationReport; imported: ImportResult; loadMs: number } | null;
  findings: Message[];
}


async function validateAll(o: RoundsValidateOptions, json: unknown): Promise<RoundReport[]> {
  const { rounds, paths } = loadRoundsFile(o.file, json);
  const engine = await engineFor(o.engine, [...new Set(paths.flatMap((p) => [p.main, ...p.joins]))]);
  const out: RoundReport[] = [];
  try {
    for (const [i, r] of rounds.rounds.entries()) {
      const base = { label: r.label, ...(r.year !== undefined ? { year: r.year } : {}) };
      const t = performance.now();
      try {
        const v = await validateRound(engine, r.analysis, r, sourcesOf(paths[i]!));
        const findings = mergeMessages(v.imported.messages, v.report.findings, v.notes);
        out.push({ ...base, validated: { report: { ...v.report, findings }, imported: v.imported, loadMs: performance.now() - t }, findings });
      } catch (e) {
        if (!(e instanceof AnalysisError)) throw e;
        const all = [e.msg, ...((e as AnalysisError & { findings?: Message[] }).findings ?? []).filter((f) => f.text !== e.msg.text)];
        out.push({ ...base, validated: null, findings: all });
      }
    }
  } finally {
    await engine.close();
  }
  return out;
}

const hasError = (r: RoundReport) => r.validated === null || r.findings.some((f) => f.severity === 'error');

/** Each round's report, every line prefixed with the round's label ("MICS 2017: fs.sav: 5,303 rows ..."). */
/** Each round's report in the single file's words (reportText.ts). */
function text(rounds: RoundReport[], lang: Lang): string {
  return rounds.map((r) => {
    const body = r.validated ? reportText(r.validated, lang) : r.findings.map((f) => formatMessageIn(f, lang)).join('\n') + '\n';
    return body.replace(/\n$/, '').split('\n').map((line) => (line === '' ? '' : `${r.label}: ${line}`)).join('\n') + '\n';
  }).join('\n');
}

function jsonText(file: string, rounds: RoundReport[]): string {
  return JSON.stringify({
    file,
    ok: !rounds.some(hasError),
    rounds: rounds.map((r) => {
      const findings = r.findings.map((f) => ({ round: r.label, ...f }));
      if (!r.validated) return { round: r.label, year: r.year ?? null, ok: false, findings };
      const { findings: _f, ...counts } = r.validated.report;
      return { round: r.label, year: r.year ?? null, ...counts, ok: !hasError(r), import: r.validated.imported, findings };
    }),
  }, null, 2) + '\n';
}

export async function roundsValidateCommand(
  o: RoundsValidateOptions, json: unknown, out: (s: string) => void,
): Promise<number> {
  const rounds = await validateAll(o, json);
  out(o.format === 'json' ? jsonText(o.file, rounds) : text(rounds, o.lang));
  return rounds.some(hasError) ? 1 : 0;
}
