import { AnalysisError, message, type Message } from './messages.js';
import { hazardColumn, knownHoursColumn } from './mapping.js';
import type { Comparison, Framework, Indicator, Mapping, MissingHoursPolicy } from './types.js';

/**
 * Compiles a framework to SQL over the `survey` table: one expression per indicator that is 1, 0 or
 * NULL (unknown) for each child, and NULL for everyone outside the framework's ages.
 *
 * Three-valued logic is SQL's own, which is also R's (TRUE OR NULL = TRUE, FALSE AND NULL = FALSE,
 * NULL >= k is NULL): a child whose indicator is unknown leaves that indicator (numerator, denominator,
 * counts) but stays in the design. "Code in the hazardous list" is FALSE when the code is missing.
 * Under the MICS missing-hours policy the MICS6 standard syntax is followed instead: an hours sum adds
 * its known parts (an unknown part counts as 0: mapping.ts knownHoursSql), a comparison with unknown
 * hours is FALSE, and an unknown yes/no answer is "no" (the syntax tests `= 1`), so the child stays in
 * the denominator.
 *
 * Who is counted: children of whole years within the framework's age bands, in the universe (`_in`,
 * e.g. MICS6 FS17 = 1) and with a positive weight. Everyone else gets NULL, which keeps them in the
 * design (their PSUs count in n_h) but out of every estimate, count and df: the domain semantics of R's
 * subset(design, ...), whose degf() and design effects also leave out rows of weight 0.
 *
 *   employed   = econ_act (if mapped, else econ_hours >= 1) OR absent
 *   hazardous  = employed AND (industry in list OR occupation in list OR econ_hours >= long OR any condition)
 *   child lab. = [hazard part] OR for each age band: age in band AND (econ rule OR chores >= threshold)
 *   other CL   = child labour AND NOT hazardous
 */
export interface Classification {
  sql: Record<Indicator, string>;
  warnings: Message[];
}

/** Rows that can be counted at all: in the universe and with a positive weight (SQL over `survey`). */
export const IN_SCOPE = '(_in AND _w > 0)';

export function classify(fw: Framework, m: Mapping, missingHours: MissingHoursPolicy): Classification {
  const warnings: Message[] = [];
  const need = (role: string, ok: unknown) => {
    if (!ok) throw new AnalysisError('FRAMEWORK_NEEDS_ROLE', { framework: fw.id, role });
  };
  const mics = missingHours === 'mics';
  const cmp = (col: 'econ_hours' | 'chores_hours', t: { min: number; op?: Comparison }) => {
    const e = `(${mics ? knownHoursColumn(m, col) : col} ${t.op ?? fw.comparison} ${Number(t.min)})`;
    return mics ? `COALESCE(${e}, FALSE)` : e;
  };
  const yes = (col: string) => (mics ? `COALESCE(${col}, FALSE)` : col);

  need('econHours', m.econHours || m.econActivity);
  const employed = `(${m.econActivity ? yes('econ_act') : cmp('econ_hours', { min: 1, op: '>=' })}${m.absentFromJob ? ` OR ${yes('absent')}` : ''})`;

  const mappedHazards = Object.keys(m.hazards ?? {});
  const conditions = fw.hazardous.conditions ?? mappedHazards;
  for (const c of conditions) {
    if (!mappedHazards.includes(c)) throw new AnalysisError('FRAMEWORK_UNKNOWN_CONDITION', { framework: fw.id, condition: c });
  }
  const conditionSql = conditions.length ? `(${conditions.map((c) => yes(hazardColumn(c))).join(' OR ')})` : 'FALSE';

  const h = fw.hazardous;
  const hazParts: string[] = [];
  // The part's id; messages write it in words (analysis/i18n/<lang>/words.ts, part.*).
  const skip = (part: string) => warnings.push(message('HAZARD_PART_UNMAPPED', { framework: fw.id, part }));
  if (h.industries.length) {
    if (m.industry) hazParts.push(`COALESCE(industry IN (${h.industries.join(', ')}), FALSE)`);
    else skip('industry');
  }
  if (h.occupations.length) {
    if (m.occupation) hazParts.push(`COALESCE(occupation IN (${h.occupations.join(', ')}), FALSE)`);
    else skip('occupation');
  }
  if (h.longHours) {
    if (m.econHours) hazParts.push(cmp('econ_hours', h.longHours));
    else skip('longHours');
  }
  if (conditions.length) hazParts.push(conditionSql);
  else if (fw.hazardsInChildLabour !== 'none') skip('conditions');
  const hazardous = `(${employed} AND (${hazParts.length ? hazParts.join(' OR ') : 'FALSE'}))`;

  const clParts: string[] = [];
  if (fw.hazardsInChildLabour === 'hazardous_work') clParts.push(hazardous);
  if (fw.hazardsInChildLabour === 'conditions') {
    if (!conditions.length) throw new AnalysisError('FRAMEWORK_NEEDS_ROLE', { framework: fw.id, role: 'hazards' });
    clParts.push(`(${employed} AND ${conditionSql})`);
  }
  for (const b of fw.bands) {
    const rule: string[] = [];
    if (b.econ.rule === 'employed') rule.push(employed);
    if (b.econ.rule === 'hours') {
      need('econHours', m.econHours);
      rule.push(`(${employed} AND ${cmp('econ_hours', b.econ)})`);
    }
    if (b.chores) {
      need('choresHours', m.choresHours);
      rule.push(cmp('chores_hours', b.chores));
    }
    if (rule.length) clParts.push(`((age BETWEEN ${b.from} AND ${b.to}) AND (${rule.join(' OR ')}))`);
  }
  const childLabour = `(${clParts.length ? clParts.join(' OR ') : 'FALSE'})`;

  // In scope: whole years within the framework's age bands, in the universe, with weight; everyone
  // else is in no domain (but in the design).
  const scope = `(${IN_SCOPE} AND age = floor(age) AND (${fw.bands.map((b) => `age BETWEEN ${b.from} AND ${b.to}`).join(' OR ')}))`;
  const indicator = (cond: string) => `CASE WHEN ${scope} THEN CAST(${cond} AS INTEGER) END`;
  return {
    sql: {
      children_in_employment: indicator(employed),
      child_labour: indicator(childLabour),
      hazardous_work: indicator(hazardous),
      child_labour_other_than_hazardous: indicator(`(${childLabour} AND NOT ${hazardous})`),
    },
    warnings,
  };
}
