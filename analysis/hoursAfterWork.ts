import { ident } from './engine/values.js';
import type { DeclaredMissing } from './import/declaredMissing.js';
import { emptySql, hoursSql, yesNoSql } from './mapping.js';
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
  if (!m.econActivity || !e || e.blank !== 'zero') return {};
  const empty = e.columns.map((c) => emptySql(ident(c))).join(' AND ');
  return { hours_after_work: `${child} AND ${yesNoSql(m.econActivity, declared)} AND ${empty}` };
}

/** HOURS_EMPTY_AFTER_WORK from the count of hoursAfterWorkCounts, or nothing. */
export function hoursAfterWorkMessages(m: Mapping, file: string, counts: Record<string, number>, children: number): Message[] {
  const n = Number(counts.hours_after_work ?? 0);
  if (!n || !m.econActivity || !m.econHours) return [];
  return [message('HOURS_EMPTY_AFTER_WORK', { file, count: n, children, activity: m.econActivity.columns.join(', '), columns: m.econHours.columns.join(' + ') })];
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
