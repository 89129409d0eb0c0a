import { message, type Message } from '../messages.js';
import type { Framework, Indicator, Mapping } from '../types.js';
import type { NotComparable, Unmeasured } from './types.js';

/**
 * Which roles (questionnaire modules) an indicator's definition reads, and what a round that does not
 * map one of them can say. Two kinds, as classify.ts treats them in a single round:
 *
 * - required: without it the definition cannot be computed at all (classify.ts stops with
 *   FRAMEWORK_NEEDS_ROLE / FRAMEWORK_UNKNOWN_CONDITION): household chores for a band with a chores
 *   threshold, hours of economic activity for a band with an hours rule, a named hazardous condition,
 *   any hazardous condition when hazards enter child labour as "conditions". In a rounds analysis the
 *   round still runs (the framework reduced so that it computes), but the indicators that need the role
 *   are NOT estimated in that round (runRounds.ts leaves their rows out).
 * - optional: a part of hazardous work that a single round leaves out with a warning
 *   (HAZARD_PART_UNMAPPED): industry, occupation, long hours, and, when the framework counts every
 *   mapped condition, each mapped condition. A round without it still gives a number, but a number of a
 *   narrower definition: it is compared only with a round that has the same parts.
 *
 * Employment itself (econActivity or econHours, absentFromJob) is not checked between rounds: every
 * round must measure it (a round that cannot stops as a single round does), and the questions that
 * measure it legitimately differ between survey programmes. A role of employment one round maps and
 * the other does not is said (employmentDiffers), the changes left comparable.
 */
interface Needs {
  required: string[];
  optional: string[];
}

const mappedFlags = (m: Mapping) => Object.keys(m.hazards ?? {});

/** Whether a round's mapping has a role (`hazards` = any condition; `hazards.<name>` = that flag). */
export function isMapped(role: string, m: Mapping): boolean {
  if (role === 'hazards') return mappedFlags(m).length > 0;
  if (role.startsWith('hazards.')) return !!m.hazards?.[role.slice('hazards.'.length)];
  return !!m[role as 'choresHours' | 'econHours' | 'industry' | 'occupation'];
}

/** The counted hazardous conditions: a named list is required, "every mapped flag" is the round's own flags. */
function conditionNeeds(fw: Framework, m: Mapping, asChildLabour: boolean): Needs {
  const named = fw.hazardous.conditions;
  if (named !== null) return { required: named.map((c) => `hazards.${c}`), optional: [] };
  const flags = mappedFlags(m).map((c) => `hazards.${c}`);
  // Hazards entering child labour as "conditions" with no condition at all: classify.ts stops.
  return asChildLabour && flags.length === 0 ? { required: ['hazards'], optional: [] } : { required: [], optional: flags };
}

function hazardousNeeds(fw: Framework, m: Mapping): Needs {
  const h = fw.hazardous;
  const optional = [...(h.industries.length ? ['industry'] : []), ...(h.occupations.length ? ['occupation'] : []), ...(h.longHours ? ['econHours'] : [])];
  const c = conditionNeeds(fw, m, false);
  return { required: c.required, optional: [...optional, ...c.optional] };
}

function childLabourNeeds(fw: Framework, m: Mapping): Needs {
  const hazard = fw.hazardsInChildLabour === 'hazardous_work' ? hazardousNeeds(fw, m)
    : fw.hazardsInChildLabour === 'conditions' ? conditionNeeds(fw, m, true) : { required: [], optional: [] };
  const bands = [
    ...(fw.bands.some((b) => b.econ.rule === 'hours') ? ['econHours'] : []),
    ...(fw.bands.some((b) => b.chores) ? ['choresHours'] : []),
  ];
  return { required: [...hazard.required, ...bands], optional: hazard.optional };
}

function needs(fw: Framework, ind: Indicator, m: Mapping): Needs {
  if (ind === 'children_in_employment') return { required: [], optional: [] };
  if (ind === 'hazardous_work') return hazardousNeeds(fw, m);
  const cl = childLabourNeeds(fw, m);
  if (ind === 'child_labour') return cl;
  const hw = hazardousNeeds(fw, m);
  return { required: [...cl.required, ...hw.required], optional: [...cl.optional, ...hw.optional] };
}

const unique = (xs: string[]) => [...new Set(xs)];

/** The required roles of an indicator that a round does not map: it is not estimated in that round. */
export function missingRoles(fw: Framework, ind: Indicator, m: Mapping): string[] {
  return unique(needs(fw, ind, m).required.filter((r) => !isMapped(r, m)));
}

/** The roles a round's estimate of the indicator is made from (beyond employment). */
export function usedRoles(fw: Framework, ind: Indicator, m: Mapping): string[] {
  const n = needs(fw, ind, m);
  return unique([...n.required, ...n.optional].filter((r) => isMapped(r, m)));
}

/** Every indicator of a framework a round cannot estimate, with the roles it lacks. */
export function unmeasured(fw: Framework, indicators: readonly Indicator[], m: Mapping): Unmeasured[] {
  return indicators.flatMap((indicator) => {
    const roles = missingRoles(fw, indicator, m);
    return roles.length ? [{ framework: fw.id, indicator, roles }] : [];
  });
}

/**
 * The framework as a round without some required roles can compute it: chores thresholds dropped
 * without chores hours, hours rules without hours, named conditions the round lacks left out, and
 * hazards in child labour "none" when no condition is left. It is used only to run the round: the
 * indicators it changes are the unmeasured ones, whose rows are left out; every other indicator
 * (employment, and hazardous work when its parts are there) is the framework's own.
 */
export function measurableFramework(fw: Framework, m: Mapping): Framework {
  const flags = mappedFlags(m);
  const conditions = fw.hazardous.conditions === null ? null : fw.hazardous.conditions.filter((c) => flags.includes(c));
  const anyCondition = conditions === null ? flags.length > 0 : conditions.length > 0;
  return {
    ...fw,
    bands: fw.bands.map((b) => ({
      ...b,
      econ: b.econ.rule === 'hours' && !m.econHours ? { rule: 'none' as const } : b.econ,
      chores: b.chores && !m.choresHours ? null : b.chores,
    })),
    hazardous: { ...fw.hazardous, conditions },
    hazardsInChildLabour: fw.hazardsInChildLabour === 'conditions' && !anyCondition ? 'none' : fw.hazardsInChildLabour,
  };
}

/**
 * Whether two rounds measure an indicator the same way: null, or the round that lacks a module and the
 * roles it lacks. A required role missing in either round (its estimate is not made), else an optional
 * part one round has and the other does not (the two numbers would be of different definitions).
 * Both rounds without the same optional part are comparable: both measure the same narrower thing.
 */
export function moduleGap(fw: Framework, ind: Indicator, from: { label: string; mapping: Mapping }, to: { label: string; mapping: Mapping }): NotComparable | null {
  for (const r of [from, to]) {
    const roles = missingRoles(fw, ind, r.mapping);
    if (roles.length) return { kind: 'module', round: r.label, roles };
  }
  const a = usedRoles(fw, ind, from.mapping);
  const b = usedRoles(fw, ind, to.mapping);
  const lackTo = a.filter((x) => !b.includes(x));
  if (lackTo.length) return { kind: 'module', round: to.label, roles: lackTo };
  const lackFrom = b.filter((x) => !a.includes(x));
  if (lackFrom.length) return { kind: 'module', round: from.label, roles: lackFrom };
  return null;
}

/**
 * The roles of employment that one round of a pair maps and the other does not (the economic-activity
 * questions, the temporary absence): children in employment, and everything counted among them, are
 * measured from other questions in the two rounds. Said with the later round (a walk: 2023 counted the
 * temporarily absent, 2019 did not, and the changes said nothing).
 */
export function employmentDiffers(a: { label: string; mapping: Mapping }, b: { label: string; mapping: Mapping }): Message[] {
  return (['econActivity', 'absentFromJob'] as const).filter((role) => !!a.mapping[role] !== !!b.mapping[role]).map((role) => {
    const [round, other] = a.mapping[role] ? [a.label, b.label] : [b.label, a.label];
    return message('ROUND_EMPLOYMENT_DIFFERS', { round, other, role });
  });
}
