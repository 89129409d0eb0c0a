import type { ColumnSource, Comparison, Framework, Mapping, MissingHoursPolicy } from '../types.js';
import { bandRules } from './metadata.js';
import { ISIC_SECTIONS, NO_NUMBER_TOKENS, recodePairs } from '../mapping.js';
import { codeSpellings } from '../codeForms.js';
import { spaceClass } from '../import/trimSpaces.js';

/**
 * The exported R script's roles and frameworks (rscript.ts writes the rest): the app's reading rules
 * (mapping.ts) as R helpers over the text table `raw`, one R vector per role, and each framework as
 * R expressions in the same order as classify.ts.
 */

/** An R string literal (ASCII only: other characters as \u escapes, so any R locale parses it). */
/** `, missing_codes = c(...)` for int(), or nothing. */
const codesArg = (codes: readonly string[] | undefined) => (codes?.length ? `, missing_codes = ${rVec(unicodeForms(codes))}` : '');

export function rString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else if (c < 0x80) out += ch;
    else if (c <= 0xffff) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += `\\U{${c.toString(16)}}`;
  }
  return out + '"';
}

export const rVec = (xs: readonly string[]) => (xs.length === 1 ? rString(xs[0]!) : `c(${xs.map(rString).join(', ')})`);
/**
 * Codes with their other Unicode form ("Não" as one character for "ã" and as "a" with a combining
 * tilde), as the app reads them (mapping.ts codeVariants): base R cannot normalise text itself.
 */
const unicodeForms = (codes: readonly string[]) => [...new Set(codes.flatMap((c) => [c, c.normalize('NFC'), c.normalize('NFD')]))];
export const rNum = (x: number) => String(x);
/** A comment line: one line, ASCII-safe enough for any R parser. */
export const comment = (s: string) => s.replace(/[\r\n]+/g, ' ');

/** R name of a hazard flag column. */
const hazardVar = (name: string) => `hz_${name}`;
/** R name of an extra breakdown column. */
export const extraVar = (i: number) => `x${i + 1}`;

function sourceArgs(src: ColumnSource, kind: 'hours' | 'yesno'): string {
  const args: string[] = [];
  if (kind === 'yesno') args.push(`yes = ${rVec(unicodeForms(src.yes ?? ['1']))}`);
  if (src.missingCodes?.length) args.push(`missing_codes = ${rVec(unicodeForms(src.missingCodes))}`);
  if (src.missingFrom !== undefined) args.push(`missing_from = ${rNum(src.missingFrom)}`);
  if (src.notAsked?.length) args.push(`not_asked = ${rVec(unicodeForms(src.notAsked))}`);
  if (kind === 'hours' && src.blank === 'zero') args.push('blank = "zero"');
  if (kind === 'yesno' && (src.blank === 'no' || src.blank === 'zero')) args.push('blank = "no"');
  return args.length ? `, ${args.join(', ')}` : '';
}

/**
 * Hours roles: the sum of the columns (mapping.ts hoursSql), unknown if any part is; under the MICS
 * policy the sum of the known parts (knownHoursSql).
 */
function hoursR(src: ColumnSource, missingHours: MissingHoursPolicy): string {
  const parts = src.columns.map((c) => `hours(${rString(c)}${sourceArgs(src, 'hours')})`);
  if (parts.length === 1) return missingHours === 'mics' ? `known_sum(${parts[0]})` : parts[0]!;
  return `sum_hours(${missingHours === 'mics' ? `known_sum(${parts.join(',\n  ')})` : parts.join(' +\n  ')})`;
}

/** Yes/no roles: any of the columns, in three-valued logic (mapping.ts yesNoSql); MICS: unknown is "no". */
function yesNoR(src: ColumnSource, missingHours: MissingHoursPolicy): string {
  const any = src.columns.map((c) => `yes_no(${rString(c)}${sourceArgs(src, 'yesno')})`).join(' |\n  ');
  return missingHours === 'mics' ? `no_if_unknown(${any})` : any;
}

/** The `recode` argument of code(): a named vector, code as written = shared code (mapping.ts recodedSql). */
function recodeArg(recode: Record<string, string> | undefined): string {
  return recodeOf(recodePairs(recode));
}

/** A code's other spellings ("1.0" for "1", pandas' float columns: mapping.ts codeSpellings) read as the code. */
const spellingsArg = (codes: readonly string[]) => recodeOf(codeSpellings(codes));

/** code()'s `recode` argument from (as written, as read) pairs; '' for none. */
function recodeOf(pairs: [string, string][]): string {
  return pairs.length ? `, recode = c(${pairs.map(([from, to]) => `${rString(from)} = ${rString(to)}`).join(', ')})` : '';
}

/** One R vector per role, from its columns (the app's `survey` table, mapping.ts prepareSql). */
export function rolesR(m: Mapping, missingHours: MissingHoursPolicy): string {
  const L: string[] = [];
  const nested = m.psuNestedInStrata ?? true;
  const divisor = m.weightDivisor && m.weightDivisor !== 1 ? m.weightDivisor : undefined;
  L.push(divisor ? `w <- num(${rString(m.weight)}) / ${divisor}                      # weight, divided by ${divisor} (mapping.weightDivisor)` : `w <- num(${rString(m.weight)})                      # weight`);
  L.push(m.stratum ? `h <- design_id(code(${rString(m.stratum)}))                      # stratum` : `h <- rep("1", n_rows)                      # no strata: one stratum`);
  L.push(
    m.psu
      ? `psu <- design_id(code(${rString(m.psu)}))                      # primary sampling unit (cluster)${nested ? ', numbered within strata' : ''}`
      : `psu <- as.character(seq_len(n_rows))     # ${m.noClusters ? 'the analysis chose a design without clusters' : 'no PSU column'}: every row is its own PSU`,
  );
  if (m.fpc) L.push(`fpc <- num(${rString(m.fpc)})                      # finite population correction`);
  if (m.universe) {
    L.push(`## The universe: rows whose ${comment(m.universe.column)} is ${m.universe.keep.map(comment).join(' or ')}. The design is built on every row of the file`);
    L.push('## and the universe is a subset of it (step 4): the other rows\' PSUs count in every stratum, but those');
    L.push('## rows are in no estimate, count or df.');
    L.push(`in_universe <- code(${rString(m.universe.column)}${spellingsArg(m.universe.keep)}) %in% ${rVec(m.universe.keep)}`);
    L.push('w[is.na(w) & !in_universe] <- 0   # no weight outside the universe: 0, as the app reads it (svydesign refuses NA)');
  } else L.push('in_universe <- rep(TRUE, n_rows)           # no universe: every row');
  L.push("## Rows of weight 0 stay in the design but are counted in no domain (R's own degf() and nobs() leave them");
  L.push('## out too; so does the app).');
  L.push('weighted <- w > 0');
  L.push(`age <- floor(num(${rString(m.age)}))   # completed years: an exact age 11.73 is 11`);
  L.push(`sex <- code(${rString(m.sex.column)}${spellingsArg([m.sex.male, m.sex.female])})`);
  L.push(`sex[!(sex %in% ${rVec([m.sex.male, m.sex.female])})] <- NA     # only the male and female codes make sex cells`);
  L.push(m.region ? `region <- code(${rString(m.region.column)}${recodeArg(m.region.recode)})${m.region.recode ? '   # harmonised: code as written -> shared code' : ''}` : 'region <- rep(NA_character_, n_rows)');
  if (m.area) {
    L.push(`area <- code(${rString(m.area.column)}${spellingsArg([m.area.urban, m.area.rural])})`);
    L.push(`area[!(area %in% ${rVec([m.area.urban, m.area.rural])})] <- NA  # only the urban and rural codes make area cells`);
  } else L.push('area <- rep(NA_character_, n_rows)');
  L.push(m.econActivity ? `econ_act <- ${yesNoR(m.econActivity, missingHours)}` : 'econ_act <- rep(NA, n_rows)');
  L.push(m.econHours ? `econ_hours <- ${hoursR(m.econHours, missingHours)}` : 'econ_hours <- rep(NA_real_, n_rows)');
  L.push(m.absentFromJob ? `absent <- ${yesNoR(m.absentFromJob, missingHours)}` : 'absent <- rep(NA, n_rows)');
  L.push(m.choresHours ? `chores_hours <- ${hoursR(m.choresHours, missingHours)}` : 'chores_hours <- rep(NA_real_, n_rows)');
  if (m.industry) {
    const col = rString(m.industry.column);
    L.push(
      m.industry.level === 'class'
        ? `industry <- int(${col}${codesArg(m.industry.missingCodes)})\n` +
          `nace <- grepl(".", trim(raw[[${col}]]), fixed = TRUE) & !is.na(industry) & industry < 100   # "05.10", "41.00": a class as NACE writes it\n` +
          `industry <- ifelse(nace, industry, trunc(industry / 100))   # ISIC class -> division`
        : `industry <- int(${col}${codesArg(m.industry.missingCodes)})               # ISIC division`,
      '## An ISIC section letter is the first division of its section (B mining 05, F construction 41), as in the app (mapping.ts ISIC_SECTIONS).',
      `isic_sections <- c(${Object.entries(ISIC_SECTIONS).map(([k, v]) => `${k} = ${v}`).join(', ')})`,
      `letter <- toupper(trim(raw[[${col}]])); letter[is_blank(raw[[${col}]]) | trim(raw[[${col}]]) %in% as_written(${m.industry.missingCodes?.length ? rVec(unicodeForms(m.industry.missingCodes)) : 'character(0)'}) | declared_missing(${col})] <- NA`,
      'industry[is.na(industry)] <- unname(isic_sections[letter[is.na(industry)]])',
    );
  } else L.push('industry <- rep(NA_real_, n_rows)');
  L.push(m.occupation ? `occupation <- int(${rString(m.occupation.column)}${codesArg(m.occupation.missingCodes)})           # ISCO-08 unit group` : 'occupation <- rep(NA_real_, n_rows)');
  for (const [name, src] of Object.entries(m.hazards ?? {})) L.push(`${hazardVar(name)} <- ${yesNoR(src, missingHours)}`);
  (m.extras ?? []).forEach((e, i) => L.push(`${extraVar(i)} <- code(${rString(e)}${recodeArg(m.recode?.[e])})   # extra breakdown ${comment(e)}${m.recode?.[e] ? ', harmonised' : ''}`));
  return L.join('\n');
}

/** The framework as R expressions: the same rules, in the same order, as classify.ts. */
export function frameworkR(fw: Framework, m: Mapping, missingHours: MissingHoursPolicy, fn: string): string {
  const cmp = (col: string, t: { min: number; op?: Comparison }) => {
    const e = `(${col} ${t.op ?? fw.comparison} ${rNum(Number(t.min))})`;
    return missingHours === 'mics' ? `known_or_false${e}` : e;
  };
  const employed = `(${m.econActivity ? 'econ_act' : cmp('econ_hours', { min: 1, op: '>=' })}${m.absentFromJob ? ' | absent' : ''})`;
  const mapped = Object.keys(m.hazards ?? {});
  const conditions = fw.hazardous.conditions ?? mapped;
  const conditionR = conditions.length ? `(${conditions.map(hazardVar).join(' | ')})` : 'FALSE';
  const h = fw.hazardous;
  const parts: string[] = [];
  if (h.industries.length && m.industry) parts.push(`(industry %in% c(${h.industries.join(', ')}))`);
  if (h.occupations.length && m.occupation) parts.push(`(occupation %in% c(${h.occupations.join(', ')}))`);
  if (h.longHours && m.econHours) parts.push(cmp('econ_hours', h.longHours));
  if (conditions.length) parts.push(conditionR);
  const clParts: string[] = [];
  if (fw.hazardsInChildLabour === 'hazardous_work') clParts.push('hazardous');
  if (fw.hazardsInChildLabour === 'conditions') clParts.push(`(employed & ${conditionR})`);
  for (const b of fw.bands) {
    const rule: string[] = [];
    if (b.econ.rule === 'employed') rule.push('employed');
    if (b.econ.rule === 'hours') rule.push(`(employed & ${cmp('econ_hours', b.econ)})`);
    if (b.chores) rule.push(cmp('chores_hours', b.chores));
    if (rule.length) clParts.push(`((age >= ${b.from} & age <= ${b.to}) & (${rule.join(' | ')}))`);
  }
  const aged = `(age == floor(age) & (${fw.bands.map((b) => `(age >= ${b.from} & age <= ${b.to})`).join(' | ')}))`;
  const words = bandRules('en', fw).map((b) => `##   ${comment(b.label)}: ${comment(b.rule)}`);
  return `## ---- Framework ${comment(fw.id)}: ${comment(fw.name)}
## Source: ${comment(fw.source)}
${words.join('\n')}
##   Hazards in child labour: ${fw.hazardsInChildLabour}; comparison ${fw.comparison}
${fn} <- function() {
  employed <- ${employed}
  hazardous <- (employed & (${parts.length ? parts.join(' |\n    ') : 'FALSE'}))
  child_labour <- (${clParts.length ? clParts.join(' |\n    ') : 'FALSE'})
  aged <- ${aged}
  in_scope <- weighted & aged
  list(
    children_in_employment = indicator(in_scope, employed),
    child_labour = indicator(in_scope, child_labour),
    hazardous_work = indicator(in_scope, hazardous),
    child_labour_other_than_hazardous = indicator(in_scope, child_labour & !hazardous),
    aged = aged %in% TRUE   # the cells the app lists: children of these ages, weighted or not
  )
}`;
}

/** The app's rules for reading a column (mapping.ts), in R. DECIMAL is replaced by the decimal-comma rule. */
const HELPERS = String.raw`## ---- Helpers: the app's rules for reading a column (analysis/mapping.ts) -----------------------------
## Every helper takes a column name and reads its text in raw. A cell the data file itself declares
## missing (declared_missing: SPSS user-missing values, Stata .a-.z) is unknown in every role, whatever
## the role's blank rule says: it is "missing with a code", never a blank ("not asked") cell.
## Spaces around a cell, as the app trims them (import/trimSpaces.ts CELL_SPACES): the space, the
## no-break, figure and narrow no-break spaces and a byte order mark; tabs stay.
trim <- function(x) gsub("^[@SPACES@]+|[@SPACES@]+$", "", x, perl = TRUE)
is_blank <- function(x) is.na(x) | trim(x) == ""
## No value in a column of numbers or answers: blank, or NA / "." as R and SAS/Stata write none (mapping.ts NO_NUMBER_TOKENS).
no_number <- function(x) is_blank(x) | trim(x) %in% @NO_NUMBER@
declared_missing <- function(column) {
  d <- declared[[column]]
  if (is.null(d)) rep(FALSE, n_rows) else d
}
to_number <- function(x) suppressWarnings(as.numeric(DECIMAL(trim(x)))) # not a number: missing
## A code as written (a categorical role: sex, area, region, extras, universe); blank and declared
## missing are missing (in no cell). recode: harmonisation of survey rounds, a named vector code as
## written = shared code; a code it does not list stays as written (the app warns about it).
## A stratum or PSU id as the app reads it (mapping.ts designIdSql): a whole number written with leading
## zeros or a zero fraction ("007", "2.0"), or with an exponent ("1e+05"), is that number ("7", "2",
## "100000"), as read.csv would read a numeric id.
design_id <- function(x) {
  w <- !is.na(x) & grepl("^[0-9]+(\\.0*)?$", x)
  x[w] <- sub("^0*([0-9]+?)(\\.0*)?$", "\\1", x[w], perl = TRUE)
  e <- which(!is.na(x) & grepl("^[1-9](\\.[0-9]+)?[eE]\\+[0-9]+$", x))
  v <- suppressWarnings(as.numeric(x[e]))
  ok <- !is.na(v) & v < 1e15 & v == floor(v)
  x[e[ok]] <- format(v[ok], scientific = FALSE, trim = TRUE)
  x
}
## A code as the app reads it (mapping.ts categorySql): trimmed; a whole number with a zero fraction is
## that number ("1.0" is "1", as pandas writes codes); blank and declared-missing cells are NA.
code <- function(column, recode = NULL) {
  x <- raw[[column]]
  v <- sub("^(-?[0-9]+)\\.0+$", "\\1", trim(x))
  v[is_blank(x) | declared_missing(column)] <- NA
  if (!is.null(recode)) { hit <- !is.na(v) & v %in% names(recode); v[hit] <- unname(recode[v[hit]]) }
  v
}
num <- function(column) { v <- to_number(raw[[column]]); v[declared_missing(column)] <- NA; v }
## A code's whole part ("43.90", the ISIC class as NACE writes it, is division 43), as the app's
## codeSql; missing codes (industry 9999 not stated) are unknown.
int <- function(column, missing_codes = character(0)) {
  v <- num(column); v[trim(raw[[column]]) %in% as_written(missing_codes)] <- NA
  trunc(v)
}
## A code as cells write it: a whole-number code also with a zero fraction of one to three places or a
## bare point ("98.0" pandas, "98.00" Excel, "98.") and zero-filled to four characters ("098", CSPro), a
## code given as "<code>.0" also as the whole number, and a code with letters in small letters, capitals
## and with a first capital ("true", "TRUE", "True"; "nsp", "NSP", "Nsp"), as the app reads it
## (mapping.ts codeVariants; the script lists each code's other Unicode form itself).
as_written <- function(codes) {
  l <- codes[grepl("[[:alpha:]]", codes)]
  w <- sub("^(-?[0-9]+)\\.0+$", "\\1", codes[grepl("^-?[0-9]+(\\.0+)?$", codes)])
  p <- w[grepl("^[0-9]{1,3}$", w)]
  filled <- unlist(lapply(p, function(x) vapply((nchar(x) + 1):4, function(k) paste0(strrep("0", k - nchar(x)), x), "")))
  unique(c(codes, w, paste0(w, "."), paste0(w, ".0"), paste0(w, ".00"), paste0(w, ".000"), filled,
    tolower(l), toupper(l), paste0(toupper(substr(l, 1, 1)), tolower(substring(l, 2)))))
}
## An hours column: blank is unknown (or 0 with blank = "zero": not asked), missing codes and values at
## or above missing_from are unknown, declared missing is unknown; a not_asked code is a blank, whatever else.
hours <- function(column, missing_codes = character(0), missing_from = NULL, blank = "missing", not_asked = character(0)) {
  x <- raw[[column]]
  v <- to_number(x)
  v[no_number(x)] <- if (blank == "zero") 0 else NA            # before the codes: a declared NA stays unknown
  if (!is.null(missing_from)) v[!is.na(v) & v >= missing_from] <- NA
  v[trim(x) %in% as_written(missing_codes)] <- NA
  v[declared_missing(column)] <- NA
  v[trim(x) %in% as_written(not_asked)] <- if (blank == "zero") 0 else NA
  v
}
## A yes/no column: TRUE for a yes code, FALSE for any other code, NA (unknown) for blank (FALSE with
## blank = "no": not asked), missing codes, values at or above missing_from, and declared missing; a
## not_asked code is a blank, whatever else.
yes_no <- function(column, yes = "1", missing_codes = character(0), missing_from = NULL, blank = "missing", not_asked = character(0)) {
  x <- raw[[column]]
  v <- rep(FALSE, length(x))
  v[trim(x) %in% as_written(yes)] <- TRUE
  ## A list of choices ("1 3", a select_multiple answer of ODK, SurveyCTO, Kobo): yes when a choice is a yes code.
  lst <- grepl("^[0-9]+( +[0-9]+)+$", trim(x))
  v[lst] <- vapply(strsplit(trim(x[lst]), " +"), function(t) any(t %in% as.character(as.numeric(yes[grepl("^-?[0-9]+$", trim(yes))]))), logical(1))
  v[no_number(x)] <- if (blank == "no") FALSE else NA        # before the codes: a declared NA stays unknown
  if (!is.null(missing_from)) { k <- to_number(x); v[!is.na(k) & k >= missing_from] <- NA }
  v[trim(x) %in% as_written(missing_codes)] <- NA
  v[declared_missing(column)] <- NA
  v[trim(x) %in% as_written(not_asked)] <- if (blank == "no") FALSE else NA
  v
}
## MICS missing-hours policy (MICS6 standard syntax): an hours sum adds its known parts (an unknown
## part counts as 0: CL8 = 98, CL10 = 15, CL13 = 10 is 25 hours), an unknown yes/no answer is "no"
## (the syntax tests = 1), and a comparison with unknown hours is FALSE.
known_sum <- function(...) { parts <- cbind(...); rowSums(ifelse(is.na(parts), 0, parts)) }
## A sum of several hours columns, rounded to a millionth of an hour as the app rounds it (mapping.ts
## hoursSum): 0.2 + 16.9 + 3.9 is 21 hours, not 20.999999999999996.
sum_hours <- function(x) round(x * 1e6) / 1e6
no_if_unknown <- function(x) !is.na(x) & x
known_or_false <- function(x) !is.na(x) & x
## 1 / 0 for the children of positive weight in the framework's ages (NA when unknown), NA for everyone else.
indicator <- function(in_scope, x) ifelse(in_scope %in% TRUE, as.numeric(x), NA_real_)`;

export function helpersR(decimalComma: boolean): string {
  return HELPERS.replace('DECIMAL(trim(x))', decimalComma ? 'sub(",", ".", trim(x), fixed = TRUE)' : 'trim(x)')
    .replace('@NO_NUMBER@', `c(${NO_NUMBER_TOKENS.map((t) => rString(t)).join(', ')})`)
    .replaceAll('@SPACES@', spaceClass((c) => `\\u${c.toString(16).padStart(4, '0')}`));
}
