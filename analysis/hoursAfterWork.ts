import type { DeclaredMissing } from './import/declaredMissing.js';
import { hoursSql, missingCodeSql, noNumberSql, notAskedSql, yesNoSql } from './mapping.js';
import { ident } from './engine/values.js';
import { message, type Message } from './messages.js';
import type { Framework, Mapping } from './types.js';

/**
 * Children who did economic activity (econActivity yes: MICS CL1A-CL1X) and whose hours cells are all
 * empty, read as 0 hours because the role reads empty cells as 0 ("not asked", blank: "zero"). In the
 * module's flow they were asked: an empty cell there is a don't-know or missing answer lost on the way
 * (a CSV saved from a .sav with its user-missing codes blanked; a probe: 11 such children, ILO child
 * labour 40.3 % against 41.7 % under "unknown", no word). Counted in the validation's pass.
 */
export function hoursAfterWorkCounts(m: Mapping, declared: DeclaredMissing, child: string): Record<string, string> {
  const e = m.econHours;
  if (!m.econActivity || !e) return {};
  // A cell the blank rule reads (mapping.ts): empty, or a no-value token (NA, ".", NULL: R's write.csv
  // writes NA) that is not a declared missing code, which is unknown instead (a walk: 23 children with
  // NA hours were said to have worked under an hour, the same file with empty cells to have no hours).
  // A code for a question not asked (notAsked) is read so too, before any missing code.
  const blankRead = (col: string) => `(COALESCE(${notAskedSql(col, e)}, FALSE) OR (${noNumberSql(ident(col))} AND NOT COALESCE(${missingCodeSql(col, e, declared)}, FALSE)))`;
  const empty = e.columns.map(blankRead).join(' AND ');
  const worked = `${child} AND ${yesNoSql(m.econActivity, declared)}`;
  // Known hours under 1 written for a child who did economic activity (CL3 = 0 or 0.5): employment is
  // at least one hour (definitions.md section 2), which the question's yes says; the frameworks whose
  // rule is "1 hour or more" (SDG 8.7.1 at 5-11) then count the child differently from those that
  // count employment (ILO/UNICEF). Said, so the two are not read as a fault (a probe: 89 such children).
  return {
    ...(e.blank === 'zero' ? { hours_after_work: `${worked} AND ${empty}` } : {}),
    // Empty cells are no hours unless read as 0 (blank: "zero"): only then are they told apart, on the
    // text (the rest of the condition counts over the pass's typed columns).
    work_under_hour: `${worked} AND ${hoursSql(e, declared)} < 1${e.blank === 'zero' ? ` AND NOT (${empty})` : ''}`,
  };
}

/** HOURS_EMPTY_AFTER_WORK and WORK_UNDER_ONE_HOUR from the counts of hoursAfterWorkCounts, or nothing. */
export function hoursAfterWorkMessages(m: Mapping, file: string, counts: Record<string, number>, children: number): Message[] {
  if (!m.econActivity || !m.econHours) return [];
  const params = { file, children, activity: m.econActivity.columns.join(', '), columns: m.econHours.columns.join(' + ') };
  const [empty, under] = [Number(counts.hours_after_work ?? 0), Number(counts.work_under_hour ?? 0)];
  return [
    ...(empty ? [message('HOURS_EMPTY_AFTER_WORK', { ...params, count: empty })] : []),
    ...(under ? [message('WORK_UNDER_ONE_HOUR', { ...params, count: under })] : []),
  ];
}

/**
 * The age bands of the frameworks' hours rules (15-17 at 43 hours): each once, in age order.
 */
function hoursBands(frameworks: Pick<Framework, 'bands'>[]): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = [];
  for (const fw of frameworks) {
    for (const b of fw.bands) if (b.econ.rule === 'hours' && !out.some((x) => x.from === b.from && x.to === b.to)) out.push({ from: b.from, to: b.to });
  }
  return out.sort((x, y) => x.from - y.from);
}

/**
 * Children who did economic activity, and those of them with known hours, in each band of an hours
 * rule: a follow-up survey that asked the 15-17 year olds' activity but not their hours (a probe) has
 * none known there, and child labour at 15-17 is then estimated from the children who did not work
 * alone (0 %; under "mics" every working child under the threshold). Counted in the validation's pass.
 */
export function hoursAtAgesCounts(m: Mapping, declared: DeclaredMissing, child: string, age: string, frameworks: Pick<Framework, 'bands'>[]): Record<string, string> {
  const e = m.econHours;
  if (!m.econActivity || !e) return {};
  const worked = `${child} AND ${yesNoSql(m.econActivity, declared)}`;
  return Object.fromEntries(hoursBands(frameworks).flatMap(({ from, to }) => [
    [`work_${from}_${to}`, `${worked} AND ${age} BETWEEN ${from} AND ${to}`],
    [`work_hours_${from}_${to}`, `${worked} AND ${age} BETWEEN ${from} AND ${to} AND ${hoursSql(e, declared)} IS NOT NULL`],
  ]));
}

/** HOURS_UNKNOWN_AT_AGES for each band of hoursAtAgesCounts where children worked and none has known hours. */
export function hoursAtAgesMessages(m: Mapping, file: string, counts: Record<string, number>, frameworks: Pick<Framework, 'bands'>[], policy: string): Message[] {
  if (!m.econActivity || !m.econHours) return [];
  return hoursBands(frameworks).flatMap(({ from, to }) => {
    const n = Number(counts[`work_${from}_${to}`] ?? 0);
    if (!n || Number(counts[`work_hours_${from}_${to}`] ?? 0) > 0) return [];
    return [message('HOURS_UNKNOWN_AT_AGES', { file, count: n, from, to, activity: m.econActivity!.columns.join(', '), columns: m.econHours!.columns.join(' + '), policy })];
  });
}
