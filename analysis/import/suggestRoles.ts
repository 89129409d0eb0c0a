/**
 * Role suggestions from column names and variable labels, for the mapping step: a column labelled
 * "Sex of household member" is a good sex candidate, one named HL4 in a MICS file too. Pure and small:
 * patterns in English, French, Spanish and Portuguese, and the MICS6 / DHS variable names. A label
 * match beats a name match; each column serves one role at most. Suggestions only: the user confirms.
 */
export type SuggestedRole =
  | 'weight' | 'stratum' | 'psu' | 'age' | 'sex' | 'region' | 'area'
  | 'econActivity' | 'econHours' | 'absentFromJob' | 'choresHours' | 'industry' | 'occupation';

export interface RoleSuggestion {
  column: string;
  /** Why: which label or name matched, in words. */
  reason: string;
  /** 2: the variable label matched; 1: the column name. */
  strength: 1 | 2;
}

interface Rule {
  role: SuggestedRole;
  /** Matched against the variable label (case and accents ignored). */
  label: RegExp;
  /** Matched against the column name (case ignored). */
  name: RegExp;
  /** Label or name patterns that rule a column out (e.g. "weight" of a child in kg). */
  not?: RegExp;
}

/** In order: the first rules claim their column first (hours before the generic "work" patterns). */
const RULES: Rule[] = [
  { role: 'weight', label: /\b(sampl\w* weight|survey weight|weight|weighting|poids|ponderation|ponderacion|factor de expansion|fator de expansao|peso)\b/, name: /^(w|wt|wgt|weight|weights|hhweight|wmweight|fsweight|chweight|mnweight|hv005|v005|pw|pond\w*|poids|factor|fexp)$/i, not: /\b(kg|kilo|birth|naissance|body)\b/ },
  { role: 'stratum', label: /\b(strat\w*|estrat\w*)\b/, name: /^(strat\w*|hh_?strat\w*|hv022|v022|estrato)$/i },
  { role: 'psu', label: /\b(psu|primary sampling unit|cluster|grappe|conglomerado|enumeration area|zone de denombrement|unite primaire|upm|segment)\b/, name: /^(psu|cluster|clust|ea|ea_?id|hh1|hv021|v021|grappe|upm|conglomerado|idse|segment)$/i },
  { role: 'age', label: /\b(age|ages|edad|idade)\b/, name: /^(age|ages?_?\w*|hl6|cb3|hv105|edad|idade)$/i, not: /\b(group|groupe|grupo|first|premier|marriage|mariage|month|mois)\b/ },
  { role: 'sex', label: /\b(sex|sexe|sexo|gender|genre|genero)\b/, name: /^(sex|sexe|sexo|gender|hl4|b4|hv104)$/i },
  { role: 'region', label: /\b(region|province|state|departement|departamento|estado|provincia|governorate)\b/, name: /^(region|reg|province|prov|state|hh7|hv024|v024|departamento|provincia)$/i, not: /\b(urban|rural|milieu)\b/ },
  { role: 'area', label: /\b(urban|rural|milieu|area of residence|type of place|type de lieu|zona|area de residencia)\b/, name: /^(area|urban|urbrur|milieu|zone|hh6|hv025|v025|residence|zona)$/i },
  { role: 'choresHours', label: /\b(chores?|household (work|tasks|duties)|taches menageres|travaux menagers|tareas domesticas|afazeres domesticos)\b/, name: /^(chores?_?\w*|chore_?hrs|hh_?chores?)$/i },
  { role: 'econHours', label: /\b(hours? (worked|of work|at work|in (economic|work))|heures (travaillees|de travail)|horas (trabajadas|de trabajo|trabalhadas))\b/, name: /^(econ_?hours|work_?hrs|hours_?worked|hrs_?work\w*|cl3|hours)$/i },
  { role: 'absentFromJob', label: /\b(temporar\w* absent|absent from (work|a job|job)|absence temporaire|ausente temporal\w*)\b/, name: /^(absent\w*|temp_?absent)$/i },
  { role: 'econActivity', label: /\b(economic activity|worked (for pay|in the last|last week)|a travaille|trabajo la semana|employed|en emploi)\b/, name: /^(econ_?act\w*|employed|working)$/i },
  { role: 'industry', label: /\b(isic|industry|branche d.activite|secteur d.activite|rama de actividad|ciiu|naf|activity sector)\b/, name: /^(isic\w*|industry|ind|naf\w*|ciiu\w*)$/i },
  { role: 'occupation', label: /\b(isco|occupation|profession|ocupacion|ciuo|citp|metier)\b/, name: /^(isco\w*|occupation|occ|ciuo\w*|citp\w*)$/i },
];

/** Lower case without accents, so "Région" matches "region". */
function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/**
 * Suggests a column for each role it can: role -> column, with the reason. Columns are taken in file
 * order within a rule, label matches first.
 */
export function suggestRoles(columns: { name: string; label?: string }[]): Partial<Record<SuggestedRole, RoleSuggestion>> {
  const out: Partial<Record<SuggestedRole, RoleSuggestion>> = {};
  const used = new Set<string>();
  for (const strength of [2, 1] as const) {
    for (const rule of RULES) {
      if (out[rule.role]) continue;
      for (const c of columns) {
        if (used.has(c.name)) continue;
        const label = c.label ? fold(c.label) : '';
        if (rule.not && (rule.not.test(label) || rule.not.test(fold(c.name)))) continue;
        const hit = strength === 2 ? label !== '' && rule.label.test(label) : rule.name.test(c.name);
        if (!hit) continue;
        out[rule.role] = {
          column: c.name,
          strength,
          reason: strength === 2 ? `its variable label "${c.label}" speaks of ${rule.role === 'psu' ? 'the sampling unit' : describe(rule.role)}` : `its name "${c.name}" is usual for ${describe(rule.role)}`,
        };
        used.add(c.name);
        break;
      }
    }
  }
  return out;
}

function describe(role: SuggestedRole): string {
  return ({
    weight: 'the sampling weight', stratum: 'the stratum', psu: 'the PSU (cluster)', age: 'age', sex: 'sex', region: 'the region',
    area: 'urban or rural residence', econActivity: 'economic activity', econHours: 'hours of economic activity',
    absentFromJob: 'temporary absence from a job', choresHours: 'hours of household chores', industry: 'the industry (ISIC)', occupation: 'the occupation (ISCO)',
  } as const)[role];
}
