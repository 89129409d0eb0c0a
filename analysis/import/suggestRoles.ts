/**
 * Role suggestions from column names and variable labels, for the mapping step: a column labelled
 * "Sex of household member" is a good sex candidate, one named HL4 in a MICS file too. Pure and small:
 * patterns in English, French, Spanish and Portuguese, and the MICS6 / DHS variable names. A label
 * match beats a name match; each column serves one role at most. Suggestions only: the user confirms.
 * Hazard flags, several per file, have their own suggestHazards.
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

/**
 * Cluster (PSU) names: generic ones in English, French and Spanish with an optional code/id/number
 * suffix (psu_code, ea_id, num_grappe), MICS HH1, DHS hv001/v001 (cluster number) and hv021/v021 (PSU).
 */
const PSU_NAME = new RegExp(
  '^(psu|cluster|clust|ea|enum_?area|enumeration_?area|upm|grappe|zd|ze|segment|segmento|conglomerado|idse)([_.]?(code|cod|id|no|nr|num|number|numero))?$' +
    '|^(num|no|id|code|cod|numero)_?(psu|cluster|ea|grappe|zd|upm|segmento|conglomerado)$' +
    '|^(hh1|hv001|v001|mv001|hv021|v021|mv021)$|cluster',
  'i',
);
/** Cluster words in variable labels (folded: lower case, no accents). */
const PSU_LABEL = new RegExp(
  '\\b(psu|primary sampling unit|cluster|grappe|enumeration area|zone de denombrement|zone d.enumeration|section d.enumeration|unite primaire|' +
    'conglomerado|unidad primaria de muestreo|unidade primaria de amostragem|upm|segmento|segment|area de enumeracion)\\b',
);
/** Hours of chores: chores_hours, chore_hrs, hh_chores_hrs, hrs_chores, hours_chores. */
const CHORES_HOURS_NAME = /^(hh_?)?chores?(_?\w*)?$|^(hrs|hours|heures|horas)_?(hh_?)?(chores?|menage|domestic\w*|hogar|domesticas|quehaceres)$|^quehaceres(_\w+)?$|^taches_?menageres$/i;

/** In order: the first rules claim their column first (hours before the generic "work" patterns). */
const RULES: Rule[] = [
  { role: 'weight', label: /\b(sampl\w* weight|survey weight|weight|weighting|poids|ponderation|ponderacion|ponderador|factor de expansion|fator de expansao|expansion factor|coefficient d.extrapolation|peso)\b/, name: /^(w|wt|wgt|weight|weights|hhweight|wmweight|fsweight|chweight|mnweight|hv005|v005|pw|pond\w*|poids(_\w+)?|factor(\d+|_?exp\w*)?|fexp\w*|fac|fex(_\w+)?|coef(_\w+)?|wta_\w+|ilo_wgt|peso(_\w+)?)$/i, not: /\b(kg|kilo\w*|birth|naissance|body)\b/ },
  // Not a socio-economic stratum (Colombia's "estrato para tarifa" of utilities, Mexico's "estrato socioeconómico"): a probe.
  { role: 'stratum', label: /\b(strat\w*|estrat\w*)\b/, name: /^(strat\w*|hh_?strat\w*|hv022|v022|estrato\w*)$/i, not: /\b(socio\w*|tarifa|economic\w*|economico)\b/ },
  { role: 'psu', label: PSU_LABEL, name: PSU_NAME },
  // Not the household head's age or sex (DHS hv219/hv220 come before the member's hv104/hv105), not an
  // age at an event, not an interview's result ("children age 5-17"): a probe.
  { role: 'age', label: /\b(age|ages|edad|idade|anos cumplidos|how old)\b/, name: /^(age|ages|age_?(rev\w*|yrs?|years?|ans|anos|completed|cumplidos|exact)|hl6|cb3|hv105|eda|ilo_age|edad(_\w+)?|idade(_\w+)?)$/i, not: /\b(group|groupe|grupo|first|premier|marriage|mariage|month|mois|head|chef|jefe|interview|entrevista|entretien|result\w*|resultat|resultado)\b/ },
  { role: 'sex', label: /\b(sex|sexe|sexo|gender|genre|genero)\b/, name: /^(sex|sexe|sexo|gender|hl4|b4|hv104)$/i, not: /\b(head|chef|jefe)\b/ },
  // "Estado" is a state, not "estado civil" (marital status).
  { role: 'region', label: /\b(region|province|state|departement|departamento|estado|provincia|governorate|gouvernorat)\b/, name: /^(region|reg|province|prov|state|hh7|hv024|v024|departamento|provincia|dpto|depto|((name|nom|nombre|code|cod)_?)?(region|province|provincia|departamento|departement)(_?(name|nom|nombre|code|cod|label|lib))?)$/i, not: /\b(urban|rural|milieu|civil|conyugal|marital|matrimonial)\b/ },
  { role: 'area', label: /\b(urban|rural|milieu|area of residence|type of place|type de lieu|zona|area de residencia)\b|^area$/, name: /^(area|urban|urbrur|milieu|hh6|hv025|v025|residence|zona)$/i },
  // Hours: a label that speaks of chores without hours is a yes/no question (MICS CL6, DHS sh13a).
  { role: 'choresHours', label: /^(?=.*\b(hours?|hrs|heures?|horas?|time|temps|tiempo)\b).*\b(chores?|household (work|tasks|duties)|taches (menageres|domestiques)|travaux menagers|tareas domesticas|labores domesticas|trabajo domestico|quehaceres|oficios del hogar|afazeres domesticos)\b/, name: CHORES_HOURS_NAME },
  { role: 'econHours', label: /\b(hours? (worked|of work|at work|in (economic|work))|heures (travaillees|de travail)|horas (trabajadas|de trabajo|trabalhadas))\b/, name: /^(econ_?hours|work_?hrs|hours_?worked|hrs_?work\w*|cl3|hours|heures?_?(travail\w*|trav)|horas?_?(trabaj\w*|trab|ocup\w*)|horas?_?(de_)?trabajo)$/i },
  { role: 'absentFromJob', label: /\b(temporar\w* absent|absent from (work|a job|job)|absence temporaire|ausente temporal\w*)\b/, name: /^(absent\w*|temp_?absent|ausente\w*)$/i },
  // Not the industry ("Rama de actividad económica", "Branche d'activité économique"): a probe.
  { role: 'econActivity', label: /\b(economic activity|worked (for pay|in the last|last week)|a travaille|trabajo la semana|trabajo en la ultima semana|actividad economica|activite economique|employed|en emploi)\b/, name: /^(econ_?act\w*|employed|working|trabajo|trabajo_?semana|travail|a_?travaille)$/i, not: /\b(isic|ciiu|rama|branche|secteur|sector|industry|code|codigo)\b/ },
  { role: 'industry', label: /\b(isic|industry|branche d.activite|secteur d.activite|rama de actividad|ciiu|naf|activity sector)\b/, name: /^(isic\w*|industry|naf\w*|ciiu\w*|rama_\w+|branche(_\w+)?|\w+_(isic|ciiu|cite|naf))$/i },
  { role: 'occupation', label: /\b(isco|occupation|profession|ocupacion|ciuo|citp|metier)\b/, name: /^(isco\w*|occupation|occ|ciuo\w*|citp\w*|cito\w*|ocupacion(_\w+)?|profession(_\w+)?|\w+_(isco|ciuo|citp|cito))$/i },
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
  // Each column's label and name folded once, not once per rule.
  const folded = columns.map((c) => ({ c, label: c.label ? fold(c.label) : '', name: fold(c.name.trim()) }));
  for (const strength of [2, 1] as const) {
    for (const rule of RULES) {
      if (out[rule.role]) continue;
      for (const { c, label, name } of folded) {
        if (used.has(c.name)) continue;
        if (rule.not && (rule.not.test(label) || rule.not.test(name))) continue;
        const hit = strength === 2 ? label !== '' && rule.label.test(label) : nameMatches(rule, c.name, name);
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

/** How well a column suits one role: 2 its variable label, 1 its name, 0 neither (the same rules as suggestRoles). */
export function roleMatch(role: SuggestedRole, column: { name: string; label?: string }): 0 | 1 | 2 {
  const rule = RULES.find((r) => r.role === role)!;
  const label = column.label ? fold(column.label) : '';
  if (rule.not && (rule.not.test(label) || rule.not.test(fold(column.name)))) return 0;
  if (label !== '' && rule.label.test(label)) return 2;
  return nameMatches(rule, column.name) ? 1 : 0;
}

/**
 * A name matches a rule as written, without its accents and with its spaces as "_" ("Horas trabajo"
 * as horas_trabajo), or, when it is words (a name with a space: a CSV whose header is the labels,
 * "Factor de expansión", "Región"), as a label would. A walk: such Spanish names got no suggestion.
 */
function nameMatches(rule: Rule, name: string, folded = fold(name.trim())): boolean {
  if (rule.name.test(name)) return true;
  // Words: a phrase, or one word of more than three letters ("Région", "Área").
  const words = /\s/.test(folded) || (/^[a-z]+$/.test(folded) && folded.length > 3);
  return rule.name.test(folded.replace(/\s+/g, '_')) || (words && rule.label.test(folded));
}

export interface HazardSuggestion {
  /** The hazard's name in the mapping (letters, digits and _): hz_heavy_loads -> heavy_loads. */
  name: string;
  column: string;
  reason: string;
}

/** MICS6 hazardous-condition questions (definitions.md section 4) and their usual names. */
export const MICS6_HAZARDS: Record<string, string> = {
  CL4: 'heavy_loads', CL5: 'dangerous_tools', CL6A: 'dust_fumes', CL6B: 'extreme_temp', CL6C: 'noise_vibration',
  CL6D: 'heights', CL6E: 'chemicals', CL6X: 'other_hazard',
};

/**
 * The hazardous conditions by the names the app and its words know: a round's flags compare by them.
 * MICS6's CL4-CL6X, and the two more that definitions.md section 2 lists and labour force surveys'
 * child modules ask (ILO SIMPOC): night work and abuse. "Other" last.
 */
export const STANDARD_HAZARDS: readonly string[] = [...Object.values(MICS6_HAZARDS).filter((h) => h !== 'other_hazard'), 'night_work', 'abuse', 'other_hazard'];

/**
 * Words of each condition in a column's name or label (English, French, Spanish), whole words only
 * ("wheat" is no heat, "en charge" no load). Tools first: "dangerous tools or heavy machinery" is not
 * about loads.
 */
const HAZARD_WORDS: [RegExp, string][] = [
  [/\b(tools?|machinery|machines?|outils?|machinerie|herramientas?|maquinaria|m[aá]quinas?)\b/, 'dangerous_tools'],
  [/\b(heavy|loads?|charges? lourdes?|lourdes? charges?|cargas? pesadas?|cargas?)\b/, 'heavy_loads'],
  [/\b(dust|fumes?|gas|gases|smoke|poussi[eè]res?|fum[eé]es?|polvo|humos?)\b/, 'dust_fumes'],
  [/\b(heat|cold|temperatures?|humidity|chaleur|froid|temp[eé]ratures?|humidit[eé]|calor|fr[ií]o|temperaturas?|humedad)\b/, 'extreme_temp'],
  [/\b(noise|vibrations?|bruit|ruido|vibraci[oó]n(es)?)\b/, 'noise_vibration'],
  [/\b(heights?|hauteurs?|alturas?)\b/, 'heights'],
  [/\b(chemicals?|explosives?|chimiques?|explosifs?|qu[ií]micos?|explosivos?)\b/, 'chemicals'],
  [/\b(night|nights|nuit|nocturnes?|noche|nocturn[oa]s?)\b/, 'night_work'],
  [/\b(abuse[ds]?|abus|maltraitances?|maltratos?|abusos?|violences?|violencia)\b/, 'abuse'],
];

/**
 * The standard condition a hazard flag asks about, from the words of its name or label ("cl_heavy",
 * "Carried heavy loads"), or undefined (none, or words of two conditions other than tools and loads).
 * A flag added on the Map step was named after its column and so compared with no other round's (a
 * walk: hazardous work "not comparable" between rounds).
 */
export function standardHazard(column: { name: string; label?: string }): string | undefined {
  const mics = micsHazard(column);
  if (mics) return mics;
  const text = `${column.name.replace(/[_.-]+/g, ' ')} ${column.label ?? ''}`.toLowerCase();
  const found = HAZARD_WORDS.filter(([re]) => re.test(text)).map(([, name]) => name);
  // "Heavy machinery" is a tool: loads beside tools are the machinery's.
  const named = found.includes('dangerous_tools') ? found.filter((f) => f !== 'heavy_loads') : found;
  return named.length === 1 ? named[0] : undefined;
}

/**
 * Labels of earlier MICS rounds' CL4-CL6 (MICS3-5: hours worked, water and firewood, chores): another
 * question under a MICS6 hazard's name (a probe: "Hours worked in past week" offered as heavy loads).
 */
const NOT_MICS6_HAZARD = /\b(hours?|heures?|horas?|water|firewood|eau|bois|agua|lena|chores?|menage\w*|domestic\w*|tareas|quehaceres)\b/;

/** The MICS6 hazard a column named CL4-CL6X asks about, unless its label says it asks something else. */
function micsHazard(c: { name: string; label?: string }): string | undefined {
  const mics = MICS6_HAZARDS[c.name.toUpperCase()];
  return mics && !(c.label && NOT_MICS6_HAZARD.test(fold(c.label))) ? mics : undefined;
}

/** Prefixes that mark a hazard flag (hz_heavy_loads, haz_dust, hazard_noise); the rest names the hazard. */
const HAZARD_PREFIX = /^(hazardous|hazards|hazard|haz|hz|dangerous|danger|peligro|riesgo|perigo)[_.-]?(?=[A-Za-z0-9])/i;
/**
 * A flag named by a hazard word alone (hazard, hazards, Hazard2, danger_1; not "hz" alone): the word is its whole name,
 * not a prefix; the prefix would backtrack to "haz" and name the hazard "ard".
 */
const HAZARD_WORD = /^(hazardous|hazards?|dangerous|danger)[_.-]?\d*$/i;

/**
 * Hazard flags by name: columns with a hazard prefix, named after the rest of their name, and the MICS6
 * questions CL4, CL5, CL6A-E, CL6X, named as in MICS. File order; a name already taken gets a
 * number (heavy_loads_2), so that no flag is lost; `takenNames` are names the caller already uses.
 */
export function suggestHazards(columns: { name: string; label?: string }[], takenNames: Iterable<string> = []): HazardSuggestion[] {
  const out: HazardSuggestion[] = [];
  const taken = new Set(takenNames);
  for (const c of columns) {
    const mics = micsHazard(c);
    const rest = HAZARD_WORD.test(c.name) ? c.name : HAZARD_PREFIX.test(c.name) ? c.name.replace(HAZARD_PREFIX, '') : undefined;
    const raw = mics ?? rest;
    if (raw === undefined) continue;
    // The standard condition its words name (hz_tools, dangerous_tools -> dangerous_tools), else its
    // own name: rounds compare hazards by name (a walk: "tools" beside the other round's dangerous_tools).
    // A hazard name is letters, digits and _, starting with a letter (analysisFile.ts checks it).
    const std = standardHazard(c);
    const base = std && !taken.has(std) ? std : raw.toLowerCase().replace(/[^a-z0-9_]/g, '_').replace(/^([^a-z])/, 'h$1');
    let name = base;
    for (let k = 2; taken.has(name); k++) name = `${base}_${k}`;
    taken.add(name);
    out.push({ name, column: c.name, reason: mics ? `${c.name} is the MICS6 question on ${name.replace(/_/g, ' ')}` : `its name "${c.name}" marks a hazard flag` });
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
