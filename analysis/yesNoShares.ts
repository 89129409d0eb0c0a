import type { DeclaredMissing } from './import/declaredMissing.js';
import { hoursSql, yesNoSql } from './mapping.js';
import { message, type Message } from './messages.js';
import { pctNumber } from './pctNumber.js';
import type { ColumnSource, Mapping, MissingHoursPolicy } from './types.js';

/**
 * The share of children with no known answer to a yes/no question (YESNO_MISSING_SHARE), as the hours'
 * share is said for hours. Each share is of the children the question concerns (`among`):
 * - economic activity: every child in scope;
 * - a hazard, asked of working children (an LFS skips it for the others): the children not known to be
 *   out of work, since an unknown answer of a child known not to work changes nothing (not employed
 *   AND unknown is not hazardous);
 * - the temporary absence, asked of children who did not work (it decides only their employment): the
 *   children not known to be at work by their hours or activity.
 * Two probes found these shares of all children in scope: a hazard's 15.5 % said as 8.6 %, and a correct
 * skip pattern of the absence said as 34.7 % with no answer.
 */
type Among = 'inScope' | 'notOutOfWork' | 'notAtWork';

interface YesNoRole {
  role: string;
  src: ColumnSource;
  hazard: boolean;
  among: Among;
}

function yesNoRoles(m: Mapping): YesNoRole[] {
  return [
    ...(['econActivity', 'absentFromJob'] as const).filter((r) => m[r]).map((r) => ({ role: r, src: m[r]!, hazard: false, among: r === 'absentFromJob' ? 'notAtWork' as const : 'inScope' as const })),
    ...Object.entries(m.hazards ?? {}).map(([name, src]) => ({ role: `hazards.${name}`, src, hazard: true, among: 'notOutOfWork' as const })),
  ];
}

/** At work, on the raw table, as classify.ts reads it before the temporary absence: economic activity (or hours >= 1); NULL when unknown. */
function workSql(m: Mapping, declared: DeclaredMissing): string {
  return m.econActivity ? yesNoSql(m.econActivity, declared) : m.econHours ? `(${hoursSql(m.econHours, declared)} >= 1)` : 'NULL';
}

/** Employed, on the raw table, as classify.ts reads it: at work (workSql) or temporarily absent; NULL when unknown. */
function employedSql(m: Mapping, declared: DeclaredMissing): string {
  const work = workSql(m, declared);
  return m.absentFromJob ? `${work} OR ${yesNoSql(m.absentFromJob, declared)}` : work;
}

/**
 * Not known to be out of work (employed, or employment unknown), on the raw table: the children whose
 * hours of economic activity a survey asks (an LFS or DHS codes the others' hours "not applicable"),
 * of whom HOURS_MISSING_SHARE gives its share (a walk: 80.2 % said, 1.7 % true, of whom 3,719 of
 * 3,799 were known not to work and stayed in every estimate).
 */
export function notOutOfWorkSql(m: Mapping, declared: DeclaredMissing): string {
  return `(${employedSql(m, declared)}) IS NOT FALSE`;
}

/**
 * The conditions counted with the validation's others (its one pass), by key: `y<i>` the children
 * (`child`: in scope, positive weight) of role i with no known answer among those it concerns, and
 * `y_<among>` the children each share is of.
 */
export function yesNoShareCounts(m: Mapping, declared: DeclaredMissing, child: string): Record<string, string> {
  const concerns = (among: Among) => (among === 'notOutOfWork' ? ` AND ${notOutOfWorkSql(m, declared)}` : among === 'notAtWork' ? ` AND (${workSql(m, declared)}) IS NOT TRUE` : '');
  const roles = yesNoRoles(m);
  return {
    ...Object.fromEntries(roles.map(({ src, among }, i) => [`y${i}`, `${child} AND ${yesNoSql(src, declared)} IS NULL${concerns(among)}`])),
    ...Object.fromEntries([...new Set(roles.map((r) => r.among))].filter((x) => x !== 'inScope').map((x) => [`y_${x}`, `${child}${concerns(x)}`])),
  };
}

/** One YESNO_MISSING_SHARE per yes/no role with unknown answers, from the counts of yesNoShareCounts. */
export function yesNoShares(
  m: Mapping, counts: Record<string, number>, o: { file: string; children: number; from: number; to: number; policy: MissingHoursPolicy },
): Message[] {
  return yesNoRoles(m).flatMap(({ role, src, hazard, among }, i) => {
    const missing = Number(counts[`y${i}`]);
    const of = among === 'inScope' ? o.children : Number(counts[`y_${among}`]);
    if (!(missing > 0 && of)) return [];
    return [message('YESNO_MISSING_SHARE', {
      file: o.file, role, columns: src.columns.join(' + '), count: missing, children: of, among, share: pctNumber(missing / of), from: o.from, to: o.to,
      policy: o.policy, effect: o.policy === 'mics' ? 'readAsNo' : hazard ? 'leaveHazard' : 'leaveAnswer',
    })];
  });
}
