import type { AgeBand } from '../../analysis/index.js';

type HoursRule = Extract<AgeBand['econ'], { rule: 'hours' }>;

/**
 * The hours rule a band gets when the Define step's select is switched to "hours": the one it last
 * had (its threshold and its own comparison), else 14 hours compared with >=. The band's comparison
 * is not a field on the screen: the presets pin >= at 12-14 ("at least 14 hours") whatever the
 * framework's comparison, so a rule switched away and back must keep it, or an SDG framework's ">"
 * would quietly move the 12-14 threshold (a child at exactly 14 hours would leave child labour).
 */
export function econAfterSwitch(rule: AgeBand['econ']['rule'], last: HoursRule | null | undefined): AgeBand['econ'] {
  if (rule !== 'hours') return { rule };
  return last ? { ...last } : { rule: 'hours', min: 14, op: '>=' };
}

/** Each band's hours rule, where it has one: what econAfterSwitch restores. */
export const hoursRules = (bands: readonly AgeBand[]): (HoursRule | null)[] => bands.map((b) => (b.econ.rule === 'hours' ? b.econ : null));
