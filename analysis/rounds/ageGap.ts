import { classify } from '../classify.js';
import type { Engine } from '../engine/engine.js';
import type { AnalysisResult } from '../run.js';
import { message, type Message } from '../messages.js';
import type { Indicator } from '../types.js';
import type { NotComparable } from './types.js';

/** Each framework x indicator ("<framework>|<indicator>") of a round: the whole ages that hold a child in scope whose indicator is known. */
export type AgesKnown = Record<string, number[]>;

export const agesKey = (framework: string, indicator: string) => `${framework}|${indicator}`;

/**
 * The whole ages, by framework x indicator, with a child in scope (in the universe, weight above 0,
 * a whole age in one of the framework's bands) whose indicator is known, in the round just run: its
 * design pass's `classified` table, the classification's own SQL (classify.ts). A round whose child
 * module was asked of ages 5-14 has none aged 15-17, or only children of unknown hours (a household
 * roster whose 15-17 year olds skipped the module): its "5-17" is 5-14 (ageGap). A band of the
 * framework (15-17) where children are in employment and none of them has a known indicator counts
 * as not known either: a round that asked the 15-17 year olds' activity but not their hours knows the
 * indicator of those who did not work alone, and its 0 % there is no measure (a probe: a change of
 * -1.7 points, p 0.03, "comparable"; HOURS_UNKNOWN_AT_AGES says it of a single round).
 */
export async function agesKnown(engine: Engine, a: Pick<AnalysisResult['analysis'], 'frameworks' | 'indicators' | 'mapping' | 'options'>): Promise<AgesKnown> {
  const keys: { key: string; bands: { from: number; to: number }[] }[] = [];
  const terms: string[] = [];
  for (const fw of a.frameworks) {
    const sql = classify(fw, a.mapping, a.options.missingHours).sql;
    const bands = fw.bands.map((b) => `age BETWEEN ${b.from} AND ${b.to}`).join(' OR ');
    const employed = `(${sql.children_in_employment}) = 1`;
    for (const ind of a.indicators) {
      const i = keys.length;
      keys.push({ key: agesKey(fw.id, ind), bands: fw.bands });
      terms.push(`bool_or((${sql[ind]}) IS NOT NULL AND (${bands})) AS k${i}`,
        `bool_or(${employed}) AS e${i}`, `bool_or(${employed} AND (${sql[ind]}) IS NOT NULL) AS ek${i}`);
    }
  }
  const out: AgesKnown = Object.fromEntries(keys.map(({ key }) => [key, []]));
  if (!terms.length) return out;
  const rows = await engine.query(`SELECT CAST(age AS INTEGER) AS a, ${terms.join(', ')} FROM classified WHERE _in AND _w > 0 AND age = floor(age) GROUP BY 1 ORDER BY 1`);
  keys.forEach(({ key, bands }, i) => {
    // A band with children in employment, none of known indicator: none of its ages is known.
    const blind = bands.filter((b) => {
      const within = rows.filter((r) => Number(r.a) >= b.from && Number(r.a) <= b.to);
      return within.some((r) => r[`e${i}`] === true) && !within.some((r) => r[`ek${i}`] === true);
    });
    for (const r of rows) {
      const age = Number(r.a);
      if (r[`k${i}`] === true && !blind.some((b) => age >= b.from && age <= b.to)) out[key]!.push(age);
    }
  });
  return out;
}

/** Whole ages as the tables name them: [5, 6, 7, 15] -> ["5-7", "15"]. */
export function ageSpans(ages: readonly number[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < ages.length; ) {
    let j = i;
    while (j + 1 < ages.length && ages[j + 1] === ages[j]! + 1) j++;
    out.push(i === j ? `${ages[i]}` : `${ages[i]}-${ages[j]}`);
    i = j + 1;
  }
  return out;
}

/** A round's label and ages (AgesKnown); unknown ages: no check. */
export interface RoundAges {
  label: string;
  ages?: AgesKnown;
}

/** The ages each round lacks of the other's (the later round first), within `group` when given. */
function lackingAges(from: RoundAges, to: RoundAges, key: string, group?: { from: number; to: number }): { round: string; ages: number[] }[] | null {
  if (!from.ages?.[key] || !to.ages?.[key]) return null;
  const within = (r: RoundAges) => r.ages![key]!.filter((x) => !group || (x >= group.from && x <= group.to));
  const [a, b] = [within(from), within(to)];
  return [
    { round: to.label, ages: a.filter((x) => !b.includes(x)) },
    { round: from.label, ages: b.filter((x) => !a.includes(x)) },
  ].filter((l) => l.ages.length > 0);
}

/**
 * The domain's "ages" reason, or null: the whole ages of its age group (all ages for the totals and
 * other breakdowns), of one framework x indicator, where one round has a child in scope with a known
 * indicator and the other none. Each round that lacks ages is named with its own (a round of 12-17
 * against one of 5-14 lacks 5-11, the other 15-17); `round` joins them with " / ", as the changes CSV
 * writes them.
 */
export function ageGap(from: RoundAges, to: RoundAges, fw: string, ind: Indicator, group: { from: number; to: number } | undefined): NotComparable | null {
  const lacking = lackingAges(from, to, agesKey(fw, ind), group);
  if (!lacking?.length) return null;
  const named = lacking.map((l) => ({ round: l.round, ages: ageSpans(l.ages) }));
  return { kind: 'ages', round: named.map((l) => l.round).join(' / '), lacking: named };
}

/**
 * One ROUND_AGES_DIFFER per round of the pair that lacks ages the other has, over every framework x
 * indicator compared: its totals' changes (and those of the age groups it lacks) are not comparable,
 * which a reader of one table may not see.
 */
export function agesDifferMessages(from: RoundAges, to: RoundAges, frameworks: readonly { id: string }[], indicators: readonly Indicator[]): Message[] {
  const lack = new Map<string, Set<number>>();
  for (const fw of frameworks) {
    for (const ind of indicators) {
      for (const l of lackingAges(from, to, agesKey(fw.id, ind)) ?? []) for (const x of l.ages) lack.set(l.round, (lack.get(l.round) ?? new Set()).add(x));
    }
  }
  return [...lack].map(([round, ages]) => message('ROUND_AGES_DIFFER', {
    round, other: round === to.label ? from.label : to.label, ages: ageSpans([...ages].sort((x, y) => x - y)).join(', '),
  }));
}
