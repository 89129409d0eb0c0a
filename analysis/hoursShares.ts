import { ageRanges } from './agesPresent.js';
import type { Engine } from './engine/engine.js';
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

/**
 * HOURS_NOT_ASKED_AGES: ages at which no child counted has known hours of a role, while at the other
 * ages most do: a module that asked its hours of ages 12-17 only, its 5-11 year olds' cells left blank
 * (a walk: HOURS_MISSING_SHARE's 53 % alone, whose advice to read empty cells as 0 hours would have
 * counted every child of 5-11 as not working, while the "5-17" rows were then those of 12-17). Read
 * per age only where a role's share of unknown hours is a fifth or more (no cost on other files).
 * `hours`: HOURS_MISSING_SHARE's share of unknown hours per role; `child`, `age`: the validation's conditions.
 */
export async function hoursNotAskedAges(
  engine: Engine, m: Mapping, declared: DeclaredMissing, child: string, age: string, hours: { role: HoursRole; share: number | null }[], file: string,
): Promise<Message[]> {
  const out: Message[] = [];
  for (const h of hours) {
    if (h.share === null || h.share < 0.2 || askedOf(m, h.role) !== 'inScope') continue;
    const src = m[h.role]!;
    const rows = await engine.query(`SELECT a, COUNT(*)::BIGINT AS n, COUNT(*) FILTER (WHERE k)::BIGINT AS known FROM (SELECT ${age} AS a, ${hoursSql(src, declared)} IS NOT NULL AS k FROM src WHERE ${child}) WHERE a = floor(a) GROUP BY a ORDER BY a`);
    const none = rows.filter((r) => Number(r.known) === 0).map((r) => Number(r.a));
    const asked = rows.filter((r) => Number(r.known) > 0);
    const [n, known] = asked.reduce(([x, y], r) => [x + Number(r.n), y + Number(r.known)], [0, 0]);
    if (!none.length || !asked.length || known / n < 0.5) continue;
    const count = rows.filter((r) => Number(r.known) === 0).reduce((x, r) => x + Number(r.n), 0);
    out.push(message('HOURS_NOT_ASKED_AGES', {
      file, role: h.role, columns: src.columns.join(' + '), ages: ageRanges(none), count, present: ageRanges(asked.map((r) => Number(r.a))), share: pctNumber(known / n),
    }));
  }
  return out;
}
