import { ident } from './engine/values.js';
import type { DeclaredMissing } from './import/declaredMissing.js';
import { emptySql, yesNoSql } from './mapping.js';
import { message, type Message } from './messages.js';
import type { Mapping } from './types.js';

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
