import type { Mapping } from './types.js';

/**
 * The background characteristics of the MICS6 child labour tables (PR.3.1-PR.3.5), in the order the
 * tables list them after age, region and area: school attendance, the child's functional
 * difficulties, the mother's education, the wealth index quintile and the ethnicity of the household
 * head (../shared/definitions.md section 4). Each is a breakdown column like any extra
 * (`mapping.extras`): resolution puts the background columns first, in this order, so the run, the
 * R and Stata scripts and the CSV treat them alike; only their headings (the language's words, not
 * the file's variable label) and their place in the tables differ.
 */
export const BACKGROUND = ['school_attendance', 'functional_difficulty', 'mother_education', 'wealth_quintile', 'ethnicity'] as const;
export type Background = (typeof BACKGROUND)[number];

type WithBackground = Pick<Mapping, 'background' | 'extras'>;

/** The background columns of a mapping, in the MICS table order. */
export function backgroundColumns(m: Pick<Mapping, 'background'>): string[] {
  return BACKGROUND.map((b) => m.background?.[b]).filter((c): c is string => typeof c === 'string' && c !== '');
}

/** The characteristic a column stands for in a mapping (undefined: an ordinary extra breakdown). */
export function backgroundOf(m: Pick<Mapping, 'background'> | undefined, column: string): Background | undefined {
  return BACKGROUND.find((b) => m?.background?.[b] === column);
}

/** Every breakdown column beyond sex, age, region and area: the background ones in MICS order, then the other extras. */
export function breakdownColumns(m: WithBackground): string[] {
  const bg = backgroundColumns(m);
  return [...bg, ...(m.extras ?? []).filter((x, i, all) => !bg.includes(x) && all.indexOf(x) === i)];
}

/** The MICS codes of the wealth index quintile (windex5): 1 poorest to 5 richest. */
export const WEALTH_CODES = ['1', '2', '3', '4', '5'] as const;

export interface ColumnInfo {
  name: string;
  /** The file's variable label (SPSS, Stata). */
  label?: string;
}

/**
 * How strongly a column looks like each characteristic (0: not at all). Exact MICS6 names first
 * (fs: CB7, fsdisability, melevel, windex5, ethnicity; hl: ED9; hh: HC1C; a mother's hl row joined
 * with the prefix `mother_`), then the MICS variable labels, then looser words in names and labels
 * (English, French, Spanish). Words that name something else are refused: the level, grade or
 * "ever" of schooling is not current attendance, and the child's own ED5A is not the mother's
 * education.
 */
type Rule = (name: string, label: string) => number;

// Words before or after which "ever" and "age" stand alone (a space, _ or the text's end).
const NOT_ATTENDANCE = /level|grade|highest|(^|[\s_])(ever|age)([\s_]|$)|never|âge|edad|niveau|nivel|grado|classe|jamais|alguna vez|reason|raison|raz[oó]n|distance|type|name|year of|mother|m[eè]re|madre|father|p[eè]re|padre/;

const RULES: Record<Background, Rule> = {
  school_attendance: (n, l) => {
    if (n === 'cb7') return 10;
    if (n === 'ed9') return 9;
    if (/attend.*current school year|current school year.*attend|fréquent.*année scolaire en cours|asist.*año escolar actual/.test(l) && !NOT_ATTENDANCE.test(l)) return 8;
    if (/^(school|attend(s|ing|ance)?|school_?attend(ance|ing)?|in_?school|scolaris[ée]e?|scolarisation|fr[ée]quente?|ecole|école|asiste|asistencia|asistencia_?escolar)$/.test(n)) return 6;
    const loose = /attend|school|scolar|scol|fr[ée]quent|asist|escuela|[ée]cole/;
    if (loose.test(n) && !NOT_ATTENDANCE.test(n)) return 4;
    if (loose.test(l) && !NOT_ATTENDANCE.test(l)) return 3;
    return 0;
  },
  functional_difficulty: (n, l) => {
    if (n === 'fsdisability') return 10;
    if (n === 'cdisability') return 9;
    if (n === 'disability') return 8;
    if (/functional difficult|difficult[ée]s? fonctionnelles?|dificultad(es)? funcional(es)?/.test(l)) return 7;
    if (/disab|handicap|discapacidad/.test(n)) return 5;
    return 0;
  },
  mother_education: (n, l) => {
    if (n === 'melevel') return 10;
    if (/^mother_?(ed5a|melevel)$/.test(n)) return 9;
    if (/mother'?s? education|education of (the )?mother|instruction de la m[eè]re|[ée]ducation de la m[eè]re|educaci[oó]n de la madre|nivel educativo de la madre/.test(l)) return 8;
    if (/^(mother|mere|mère|madre)_?.*(educ|level|niveau|nivel|ed5)/.test(n)) return 6;
    return 0;
  },
  wealth_quintile: (n, l) => {
    if (n === 'windex5') return 10;
    // DHS: hv270 (household members' file), v190 / mv190 (women's, men's), "wealth index combined".
    if (n === 'hv270' || n === 'v190' || n === 'mv190') return 9;
    if (n === 'hv270a' || n === 'v190a') return 5;
    const urbanRural = /urban|rural|urbain|urbano/.test(l);
    if (/wealth index quintile|quintile (de l'indice )?de richesse|quintil (del [ií]ndice )?de riqueza/.test(l) && !urbanRural) return 8;
    if (/^(wealth_?(index_?)?quintiles?|wealth_?q\d?|quintile|quintil|wiq)$/.test(n)) return 7;
    if (/^wealth index( combined)?$|^indice de richesse( combin[ée])?$|^[ií]ndice de riqueza( combinado)?$/.test(l.trim())) return 6;
    // Quintiles of an urban-only or rural-only index: a wealth quintile, but not the national one.
    if (n === 'windex5u' || n === 'windex5r') return 5;
    if (/wealth index quintile|quintile de richesse|quintil de riqueza/.test(l)) return 4;
    return 0;
  },
  ethnicity: (n, l) => {
    if (n === 'ethnicity') return 10;
    if (n === 'hc1c') return 9;
    if (/ethnicity of (the )?household head|ethnie du chef|etnia del jefe/.test(l)) return 9;
    if (/ethni|ethnie|etnia|[ée]tnico/.test(n)) return 7;
    if (/ethni|ethnie|etnia|[ée]tnico/.test(l)) return 6;
    return 0;
  },
};

/**
 * The background characteristics a file's columns suggest: for each, the column that looks most like
 * it; a column serves one characteristic at most (the strongest match wins, the MICS order breaks a
 * tie). A characteristic no column matches is left out.
 */
export function suggestBackground(columns: ColumnInfo[]): Partial<Record<Background, string>> {
  const scored: { b: Background; column: string; score: number; order: number }[] = [];
  columns.forEach((c, i) => {
    const name = c.name.toLowerCase();
    const label = (c.label ?? '').toLowerCase();
    for (const b of BACKGROUND) {
      const score = RULES[b](name, label);
      if (score > 0) scored.push({ b, column: c.name, score, order: i });
    }
  });
  scored.sort((x, y) => y.score - x.score || BACKGROUND.indexOf(x.b) - BACKGROUND.indexOf(y.b) || x.order - y.order);
  const out: Partial<Record<Background, string>> = {};
  const taken = new Set<string>();
  for (const s of scored) {
    if (out[s.b] !== undefined || taken.has(s.column)) continue;
    out[s.b] = s.column;
    taken.add(s.column);
  }
  return Object.fromEntries(BACKGROUND.filter((b) => out[b] !== undefined).map((b) => [b, out[b]])) as Partial<Record<Background, string>>;
}
