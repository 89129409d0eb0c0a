import { CATALOGUES } from './catalogues.js';
import { LOCALES, type Lang } from './lang.js';

/**
 * The one fill function of every text: the core's messages, the screens and the exports.
 *
 * - `{name}` is replaced by the parameter `name`; a placeholder without a parameter stays visible
 *   rather than vanishing.
 * - A number is written as the language writes it, with thousands separators (61,667 in English,
 *   61 667 in French, 61.667 in Spanish) and its decimal mark; but a `row` or `line` (a place in a
 *   file) as an editor numbers it: 7515.
 * - `{name|singular|plural}` is the word that goes with the count in `name`, by the language's plural
 *   rules (French: 0 and 1 are singular): `{count} {count|row|rows}`.
 * - A `detail` holding a catalogue key is that text, filled with the same parameters.
 * - A `file` that comes with `joinedFrom` (a message about a column a join brought) is written with
 *   the words that say so: "fs.sav (the column comes from hl.sav)".
 * - Ids stand for words: a parameter named `role`/`roles`, `framework`, `indicator`, `part` (of
 *   hazardous work) or `effect` that holds an id (`choresHours`, `ilo_ge2020`, `hazards.heavy_loads`,
 *   `industry`) is written as the catalogue's words for it (section words.ts / presets.ts); any other
 *   value (a file name, a column, a name the user gave) is written as it is.
 */
export type Params = Record<string, string | number>;

const PLACEHOLDER = /\{(\w+)(?:\|([^{}|]*)\|([^{}|]*))?\}/g;

export function fill(lang: Lang, template: string, params: Params = {}): string {
  const filled = template.replace(PLACEHOLDER, (all, name: string, one: string | undefined, other: string | undefined) => {
    if (!(name in params)) return all;
    const value = params[name]!;
    if (one !== undefined) return pluralOf(lang, value) === 'one' ? one : other!;
    // A row or line number is where to look, as an editor numbers lines: 7515, not 7,515 (the row
    // lists, "7, 1700", are written so too, where a separator would split one number into two).
    if (typeof value === 'number') return PLACES.has(name) ? String(value) : formatParam(lang, value);
    // A `detail` that names a catalogue text (what makes a framework invalid: frameworks.ts) is that
    // text in the language, filled with the same parameters.
    if (name === 'detail' && Object.hasOwn(CATALOGUES[lang].texts, value)) return `${WORD_START}${fill(lang, CATALOGUES[lang].texts[value as keyof typeof CATALOGUES.en.texts], params)}`;
    // A column a join brought from another file: the file named is the main one (its rows), and
    // the words say where the column comes from (joinedColumns.ts).
    // An empty cell of such a column may be a row the join found no match for (joinedEmpty).
    if (name === 'file' && typeof params.joinedFrom === 'string') {
      const key = params.joinedEmpty ? 'file.joinedColumnEmpty' : 'file.joinedColumn';
      return `${WORD_START}${fill(lang, CATALOGUES[lang].texts[key], { main: String(value), joinedFrom: params.joinedFrom })}`;
    }
    // Marked, so that the French contractions below apply only where a word meets the template's "de" or "à".
    return `${WORD_START}${(Object.hasOwn(WORDS, name) ? WORDS[name]! : verbatim)(lang, value)}`;
  });
  return (lang === 'fr' ? contractFrench(filled) : filled).replaceAll(WORD_START, '');
}

const WORD_START = '\u0002';

/**
 * Parameters that number a place in a file (row, line; `first` and `second`, the first row of rows
 * skipped, a column's position; `position`, a column's): written without thousands separators.
 */
const PLACES = new Set(['row', 'line', 'first', 'second', 'position']);

/**
 * French contractions where the template's preposition meets a word that begins with an article:
 * "de" + "les conditions dangereuses" is "des conditions dangereuses", de + le = du, à + les = aux,
 * à + le = au. Only there: "de le déclarer" (a pronoun) in a template's own text stays as written.
 */
function contractFrench(text: string): string {
  return text.replace(new RegExp(`(?<!\\p{L})(de|à) ${WORD_START}(les|le) `, 'gu'), (_, prep: string, art: string) => {
    const merged = prep === 'de' ? (art === 'les' ? 'des' : 'du') : art === 'les' ? 'aux' : 'au';
    return `${merged} ${WORD_START}`;
  });
}

/** The names of a template's parameters, each once, sorted (plural forms count as their parameter). */
export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]!))].sort();
}

/** A number with `digits` decimals, as the language writes it (18.5 / 18,5; 61,667 / 61 667 / 61.667). */
export function formatNumber(lang: Lang, x: number, digits: number): string {
  return new Intl.NumberFormat(LOCALES[lang], { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(x);
}

const paramFormats = new Map<Lang, Intl.NumberFormat>();
/** A number as a catalogue text writes it in `lang` (up to 6 decimals: 14,5 in French and Spanish). */
export function formatParam(lang: Lang, x: number): string {
  const f = paramFormats.get(lang) ?? new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 6 });
  paramFormats.set(lang, f);
  return f.format(x);
}

const plurals = new Map<Lang, Intl.PluralRules>();
function pluralOf(lang: Lang, value: string | number): Intl.LDMLPluralRule {
  const rules = plurals.get(lang) ?? new Intl.PluralRules(LOCALES[lang]);
  plurals.set(lang, rules);
  const n = typeof value === 'number' ? value : parseNumber(lang, value);
  return Number.isFinite(n) ? rules.select(n) : 'other';
}

/** A count the caller already formatted ("61 667", "1.234,5"), read back for its plural form. */
function parseNumber(lang: Lang, s: string): number {
  const parts = new Intl.NumberFormat(LOCALES[lang]).formatToParts(12345.5);
  const group = parts.find((p) => p.type === 'group')?.value ?? ',';
  const decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.';
  const plain = s.trim().split(group).join('').replace(/[\s\u00a0\u202f]/g, '').replace(decimal, '.');
  return plain === '' ? NaN : Number(plain);
}

// --- ids as words -------------------------------------------------------------------------------

type Word = (lang: Lang, value: string) => string;

const verbatim: Word = (_lang, value) => value;
const texts = (lang: Lang) => CATALOGUES[lang].texts as Record<string, string>;
const lookup = (lang: Lang, key: string): string | undefined => texts(lang)[key];

/** "Hours of household chores" in the middle of a sentence: "hours of household chores" (not "ISIC"). */
const lowerFirst = (s: string) => (/^\p{Lu}\p{Ll}/u.test(s) ? s.charAt(0).toLocaleLowerCase() + s.slice(1) : s);

/**
 * A hazardous condition in words: the MICS6 ones by their description in the language (carrying heavy
 * loads), any other by its name in the mapping. The one home of it (export/i18n.ts hazardName, the Map
 * step): in a message, "heavy_loads" was the mapping's id on French and Spanish screens (a walk).
 */
export const hazardWord = (lang: Lang, name: string): string => lookup(lang, `hazard.${name}`) ?? name;

/** A role of the mapping: `econHours`, `hazards.<name>` (a hazard flag), `extra <column>` (a breakdown). */
const role: Word = (lang, id) => {
  if (id.startsWith('hazards.')) return fill(lang, lookup(lang, 'role.hazardFlag')!, { name: hazardWord(lang, id.slice('hazards.'.length)) });
  if (id.startsWith('extra ')) return fill(lang, lookup(lang, 'role.extraColumn')!, { name: id.slice('extra '.length) });
  const w = lookup(lang, `role.${id}`);
  return w === undefined ? id : lowerFirst(w);
};

/** A framework: a preset by its name in the language, an edited preset as "<name> - modified". */
const framework: Word = (lang, id) => {
  const name = lookup(lang, `fw.${id}.name`);
  if (name !== undefined) return name;
  const base = /^(.+)_modified$/.exec(id)?.[1];
  const baseName = base === undefined ? undefined : lookup(lang, `fw.${base}.name`);
  return baseName === undefined ? id : fill(lang, lookup(lang, 'fw.modified')!, { name: baseName });
};

const indicator: Word = (lang, id) => {
  const w = lookup(lang, `ind.${id}`);
  return w === undefined ? id : lowerFirst(w);
};

const prefixed = (prefix: string): Word => (lang, id) => lookup(lang, `${prefix}.${id}`) ?? id;

/** A list the core joined with `", "` (inside a quoted placeholder) or `, `: each id as a word. */
const quotedList = (each: Word): Word => (lang, value) => value.split('", "').map((v) => each(lang, v)).join(lookup(lang, 'list.quotedJoin')!);
const list = (each: Word): Word => (lang, value) => value.split(', ').map((v) => each(lang, v)).join(', ');

const WORDS: Record<string, Word> = {
  role,
  roles: list(role),
  framework: quotedList(framework),
  indicator,
  part: prefixed('part'),
  effect: prefixed('effect'),
  // Which children a share is of (YESNO_MISSING_SHARE: inScope, notOutOfWork, notAtWork).
  among: prefixed('among'),
  asked: prefixed('asked'),
  // What a sex or area code means (MAPPED_CODE_LABEL_CONTRADICTS: male, female, urban, rural).
  meaning: prefixed('meaning'),
  // The missing-hours and lonely-PSU policies (ids of the analysis file: "unknown", "adjust"...).
  policy: prefixed('policy'),
  // The ages a file holds ("0-4, 18-70"), or the id `none` (agesPresent.ts).
  ages: (lang, value) => (value === 'none' ? lookup(lang, 'ages.none')! : value),
  // The columns that look like clusters ("hh1", "psu"), or the id `none` (checkDesign.ts clusterMissing).
  candidates: (lang, value) => (value === 'none' ? lookup(lang, 'cluster.none')! : fill(lang, lookup(lang, 'cluster.candidates')!, { list: value })),
};

/** The parameters whose ids are written as words (for the test that no text shows an id). */
export const WORD_PARAMS = Object.keys(WORDS);
