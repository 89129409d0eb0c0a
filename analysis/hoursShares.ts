import type { DeclaredMissing } from './import/declaredMissing.js';
import { hoursSql } from './mapping.js';
import { message, type Message } from './messages.js';
import { pctNumber } from './pctNumber.js';
import type { ColumnSource, Mapping, MissingHoursPolicy } from './types.js';
import { notOutOfWorkSql } from './yesNoShares.js';

/**
 * The share of children with unknown hours, per hours role (HOURS_MISSING_SHARE), as yesNoShares.ts
 * gives the yes/no roles'. Each share is of the children the hours are asked of (`asked`): with an
 * economic-activity question mapped, the hours of work of the children not known to be out of work
 * (an LFS or DHS codes the others' hours "not applicable": a walk read 80.2 % where 1.7 % was true);
 * without one, the hours decide work and are asked of every child, as the hours of household chores.
 */
type HoursRole = 'econHours' | 'choresHours';

function hoursRoles(m: Mapping): [HoursRole, ColumnSource][] {
  return (['econHours', 'choresHours'] as const).filter((r) => m[r]).map((r) => [r, m[r]!]);
}

const askedOf = (m: Mapping, role: HoursRole) => (role === 'econHours' && m.econActivity ? 'notOutOfWork' : 'inScope');

/** The conditions counted in the validation's pass: `h<i>` unknown hours among those asked, `h_of` the children not known to be out of work. */
export function hoursShareCounts(m: Mapping, declared: DeclaredMissing, child: string): Record<string, string> {
  return {
    ...Object.fromEntries(hoursRoles(m).map(([role, src], i) => [`h${i}`, `${child} AND ${hoursSql(src, declared)} IS NULL${askedOf(m, role) === 'notOutOfWork' ? ` AND ${notOutOfWorkSql(m, declared)}` : ''}`])),
    ...(m.econHours && m.econActivity ? { h_of: `${child} AND ${notOutOfWorkSql(m, declared)}` } : {}),
  };
}

/** The validation report's hours rows and one HOURS_MISSING_SHARE per role with unknown hours, from the counts of hoursShareCounts. */
export function hoursShares(
  m: Mapping, counts: Record<string, number>, o: { file: string; children: number; from: number; to: number; policy: MissingHoursPolicy },
): { hours: { role: HoursRole; columns: string[]; missing: number; share: number | null }[]; messages: Message[] } {
  const hours: { role: HoursRole; columns: string[]; missing: number; share: number | null }[] = [];
  const messages: Message[] = [];
  for (const [i, [role, src]] of hoursRoles(m).entries()) {
    const missing = Number(counts[`h${i}`]);
    const asked = askedOf(m, role);
    const of = asked === 'inScope' ? o.children : Number(counts.h_of);
    const share = of ? missing / of : null;
    hours.push({ role, columns: src.columns, missing, share });
    if (!(missing > 0 && share !== null)) continue;
    messages.push(message('HOURS_MISSING_SHARE', {
      file: o.file, role, columns: src.columns.join(' + '), count: missing, children: of, asked, share: pctNumber(share), from: o.from, to: o.to,
      policy: o.policy,
      // An id, written in words by the message catalogue (words.ts, effect.*).
      // Under "mics" with no economic-activity question mapped, hours decide employment: a child
      // whose hours are unknown (0) counts as not working, which the MICS syntax never does (a probe).
      effect: o.policy !== 'mics' ? 'leave'
        : `${src.columns.length > 1 ? 'knownParts' : 'belowThreshold'}${role === 'econHours' && !m.econActivity ? 'NoActivity' : ''}`,
    }));
  }
  return { hours, messages };
}
