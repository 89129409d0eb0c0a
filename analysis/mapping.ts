import { ident, sqlString } from './engine/values.js';
import type { DeclaredMissing } from './import/declaredMissing.js';
import type { ColumnSource, Mapping } from './types.js';
import { codeInSql, codeVariants, inList, wholeCode } from './codeForms.js';

/**
 * Compiles the variable mapping into one SQL projection over the raw file (all columns read as text,
 * so codes such as "01" survive): the `survey` table with one typed column per role. Why text first:
 * the codes in the file are the truth, and every conversion to a number is checked by checkValues.ts
 * (which names file, column and row) before any estimate is made.
 */

/** A role name, the column(s) it reads, and whether it is numeric (for validation messages). */
export interface RoleColumn {
  role: string;
  column: string;
  numeric: boolean;
  source?: ColumnSource;
}

// Cells of `src` are stored trimmed (import/trimSpaces.ts): no expression here trims them again,
// which on DuckDB-WASM was the costliest function of every scan (docs/performance.md).

/**
 * How files write "no value" in a column of numbers besides a blank cell: R's write.csv writes NA,
 * SAS and Stata listings write "." (their missing number), pandas writes "nan" for a blank once a
 * column is made text (astype(str)), and sheets typed by hand "n/a" or "N/A" for a question not
 * asked; a database export writes NULL, and SPSS's system-missing copied through a sheet shows as
 * "#NULL!" (a probe: read as "no" in yes/no columns, while R's NA). In a numeric or yes/no role no
 * such cell is a number or an answer, so it is read as a blank cell, under the role's blank rule, as
 * R reads NA (read.csv). Categorical roles keep them as codes ("NA" may be a code). "NaN" (a Parquet
 * or R NaN: a computation gone wrong) is not among them: it stops the run as a value that is not
 * finite, in a yes/no column too (yesNoCodes.ts).
 */
export const NO_NUMBER_TOKENS = ['NA', '.', 'nan', 'n/a', 'N/A', 'NULL', '#NULL!'] as const;

/**
 * `col` is one of NO_NUMBER_TOKENS. The words are tested only on cells that start with a letter (a
 * cell >= 'A'), the signs ("." and "#NULL!") only on cells that sort at or before "." (digits sort
 * after it): numbers, nearly every cell, stop at two comparisons (DuckDB tests the second term of an
 * AND on the rows the first keeps). Five words tested on every cell cost 0.5 s of the validation at 2
 * million children.
 */
export function noNumberTokenSql(col: string): string {
  const signs = NO_NUMBER_TOKENS.filter((w) => w < 'A');
  const words = NO_NUMBER_TOKENS.filter((w) => w >= 'A');
  return `((${col} <= '.' AND ${col} IN (${signs.map(sqlString).join(', ')})) OR (${col} >= 'A' AND ${col} IN (${words.map(sqlString).join(', ')})))`;
}

/** A cell of a numeric or yes/no role with no value: NULL, blank, or one of NO_NUMBER_TOKENS. */
export const noNumberSql = (col: string) => `(${col} IS NULL OR ${col} = '' OR ${noNumberTokenSql(col)})`;
/** An empty cell (NULL or ''): the blank of every role. */
export const emptySql = (col: string) => `(${col} IS NULL OR ${col} = '')`;

/**
 * The CASE branches of "no value" in a numeric or yes/no column, in order: an empty cell follows the
 * blank rule, and so does a code for a question not asked (ColumnSource.notAsked), whatever else
 * declares it; a missing code (the role's or the file's) is unknown, also when it is NA or "." (a
 * declaration says what the file means by them); else NA and "." follow the blank rule.
 */
function noValueBranches(c: string, blank: string, codes: readonly string[], notAsked: readonly string[] = []): string[] {
  return [
    `WHEN ${emptySql(c)} THEN ${blank}`,
    // A code for a question not asked is an empty cell, before the missing codes it may be among (a .sav's LO THRU -1).
    ...(notAsked.length ? [`WHEN ${inList(c, codeVariants(notAsked))} THEN ${blank}`] : []),
    ...(codes.length ? [`WHEN ${inList(c, codeVariants(codes))} THEN NULL`] : []),
    `WHEN ${noNumberTokenSql(c)} THEN ${blank}`,
  ];
}

/**
 * A raw cell holds one of `codes` as the run reads it (categorySql: "1.00" is "1"): the cheap test
 * first, the whole number only for the other cells that have a point.
 */
export const codeReadSql = (cell: string, codes: readonly string[]): string =>
  `(${codeInSql(cell, codes)} OR (contains(${cell}, '.') AND ${codeInSql(wholeCodeSql(cell), codes)}))`;

/**
 * The codes that mean "missing" in one column: the role's own (missingCodes) and those the file
 * declares (SPSS user-missing, Stata .a-.z: import/declaredMissing.ts), which hold in every role.
 */
export const missingIn = (column: string, src: Partial<ColumnSource>, declared: DeclaredMissing) => [...(src.missingCodes ?? []), ...(declared[column] ?? [])];

/** The codes a role reads as no value in one column: its missing codes (missingIn) and its codes for a question not asked (notAsked). */
export const codesAside = (column: string, src: Partial<ColumnSource>, declared: DeclaredMissing) => [...missingIn(column, src, declared), ...(src.notAsked ?? [])];

/** The cell is one of the column's missing codes (the role's or the file's), however a code is written (codeVariants). */
export const missingCodeSql = (column: string, src: Partial<ColumnSource>, declared: DeclaredMissing) => inList(ident(column), codeVariants(missingIn(column, src, declared)));

/** The cell is one of the role's codes for a question not asked (ColumnSource.notAsked), however written; FALSE when it has none. */
export const notAskedSql = (column: string, src: Partial<ColumnSource>) => inList(ident(column), codeVariants(src.notAsked ?? []));

/**
 * Numeric value of one column of a numeric role. In order: a blank cell or a code for a question not
 * asked follows the role's `blank` rule (MICS: not asked = 0 hours); a missing code (the role's or the
 * file's) is NULL; a value at or above missingFrom is NULL (MICS hours 97+); else the number.
 */
export function numericColumnSql(column: string, src: ColumnSource = { columns: [column] }, declared: DeclaredMissing = {}): string {
  const c = ident(column);
  const v = `TRY_CAST(${c} AS DOUBLE)`;
  const parts = noValueBranches(c, src.blank === 'zero' ? '0' : 'NULL', missingIn(column, src, declared), src.notAsked);
  if (src.missingFrom !== undefined) parts.push(`WHEN ${v} >= ${Number(src.missingFrom)} THEN NULL`);
  return `(CASE ${parts.join(' ')} ELSE ${v} END)`;
}

/**
 * The design weight: a missing weight (blank, declared missing) outside the universe is 0, as MICS
 * weights its incomplete interviews (definitions.md section 4), which some files leave system-missing
 * instead: those rows stay in the design, in no domain. In the universe a missing weight stops the run
 * (checkValues.ts WEIGHT_MISSING), so it is never read here.
 */
export function weightSql(m: Mapping, declared: DeclaredMissing = {}): string {
  const read = numericColumnSql(m.weight, { columns: [m.weight] }, declared);
  // The divisor (weights with implied decimals, DHS's x 1,000,000): one IEEE division, as R's w / d.
  const w = m.weightDivisor && m.weightDivisor !== 1 ? `(${read} / ${m.weightDivisor})` : read;
  return m.universe ? `(CASE WHEN ${universeSql(m)} THEN ${w} ELSE COALESCE(${w}, 0) END)` : w;
}

/**
 * The child's age in completed years: the whole part of the number (floor). An exact age with a
 * fraction (11.73, computed from a date of birth) is 11 completed years, as MICS, DHS and the ILO count
 * age; so R's floor(), Stata's floor() and SPSS's TRUNC() in the exported scripts. checkValues.ts says
 * how many ages had a fraction (AGE_FRACTIONAL); a negative age or one over 120 stays invalid
 * (AGE_INVALID), whatever its whole part.
 */
export function ageSql(m: Mapping, declared: DeclaredMissing = {}): string {
  return `floor(${numericColumnSql(m.age, { columns: [m.age] }, declared)})`;
}

/**
 * A select_multiple answer in one cell, as ODK, SurveyCTO and KoboToolbox export it: the codes of the
 * choices made, whole numbers separated by spaces ("1 3"). A yes/no role reads it as yes when one of
 * them is a yes code, else no (a probe: "1 3" for two kinds of work read as no, children in employment
 * 0.32 against R's 0.56). The split columns (work_type_1, ...) with `combine: any` are the same.
 */
// (The space tested first: a test every yes/no cell passes, where the pattern would cost more.)
export const choiceListSql = (c: string) => `(contains(${c}, ' ') AND regexp_full_match(${c}, '[0-9]+( +[0-9]+)+'))`;
/** Whole-number yes codes as a choice list writes them (no spellings: the tools write codes plainly). */
export const choiceCodes = (yes: readonly string[]) => [...new Set(yes.filter((y) => /^-?[0-9]+$/.test(y.trim())).map((y) => String(Number(y))))];

/** Yes/no value of one column of a yes/no role (three-valued: NULL is unknown). */
export function yesNoColumnSql(column: string, src: ColumnSource, declared: DeclaredMissing): string {
  const c = ident(column);
  const blank = src.blank === 'no' || src.blank === 'zero' ? 'FALSE' : 'NULL';
  const parts = noValueBranches(c, blank, missingIn(column, src, declared), src.notAsked);
  if (src.missingFrom !== undefined) parts.push(`WHEN TRY_CAST(${c} AS DOUBLE) >= ${Number(src.missingFrom)} THEN NULL`);
  parts.push(`WHEN ${inList(c, codeVariants(src.yes ?? ['1']))} THEN TRUE`);
  const listed = choiceCodes(src.yes ?? ['1']);
  if (listed.length) parts.push(`WHEN ${choiceListSql(c)} AND list_has_any(regexp_split_to_array(${c}, ' +'), [${listed.map(sqlString).join(', ')}]) THEN TRUE`);
  return `(CASE ${parts.join(' ')} ELSE FALSE END)`;
}

/**
 * A sum of hours columns, rounded to a millionth of an hour: in binary floating point 0.2 + 16.9 + 3.9
 * is 20.999999999999996, below a threshold of 21 that the recorded hours meet (R's rowSums, which adds
 * in long double, gives 21). Recorded hours have a few decimals at most, so the rounding changes no
 * sum but those. One column is read as written. The exported R script and Stata do-file round the same
 * way (x * 10^6 rounded to an integer, / 10^6).
 */
function hoursSum(parts: string[]): string {
  return parts.length > 1 ? `(round((${parts.join(' + ')}) * 1000000) / 1000000)` : `(${parts[0]})`;
}

/** Hours roles: the sum of the columns (hoursSum); unknown when any part is unknown (SQL NULL propagation). */
export function hoursSql(src: ColumnSource, declared: DeclaredMissing = {}): string {
  return hoursSum(src.columns.map((c) => numericColumnSql(c, src, declared)));
}

/**
 * Hours roles under the MICS convention (MICS6 standard syntax, PR tabulation of July 2019): each part
 * that is unknown (don't know, missing, or blank read as missing) counts as 0 and the known parts are
 * summed, so CL8 = 98, CL10 = 15, CL13 = 10 is 25 hours of chores. Never NULL.
 */
export function knownHoursSql(src: ColumnSource, declared: DeclaredMissing = {}): string {
  return hoursSum(src.columns.map((c) => `COALESCE(${numericColumnSql(c, src, declared)}, 0)`));
}

/**
 * The known hours of an hours role under the MICS convention, as SQL over the `survey` or
 * `classified` table: the stored sum of its known parts (`<name>_k`) when it sums several columns,
 * else COALESCE(<name>, 0), which for one column is the same number (knownHoursSql); one column
 * fewer to write in the design pass (0.15 s per column at 2M children in DuckDB-WASM).
 */
export function knownHoursColumn(m: Mapping, name: 'econ_hours' | 'chores_hours'): string {
  const src = name === 'econ_hours' ? m.econHours : m.choresHours;
  return (src?.columns.length ?? 0) > 1 ? `${name}_k` : `COALESCE(${name}, 0)`;
}

/** Yes/no roles: "any of" in three-valued logic (SQL OR: true wins, then unknown, then false). */
export function yesNoSql(src: ColumnSource, declared: DeclaredMissing = {}): string {
  return `(${src.columns.map((c) => yesNoColumnSql(c, src, declared)).join(' OR ')})`;
}

/**
 * A categorical column as text: blank and declared-missing codes are NULL (in no cell); "1.0" is "1"
 * (wholeCodeSql) unless `whole` is false (design ids, which designIdSql reads its own way).
 */
export function categorySql(column: string, declared: DeclaredMissing = {}, whole = true): string {
  const c = ident(column);
  const codes = declared[column] ?? [];
  const v = whole ? wholeCodeSql(`NULLIF(${c}, '')`) : `NULLIF(${c}, '')`;
  return codes.length ? `(CASE WHEN ${inList(c, codes)} THEN NULL ELSE ${v} END)` : v;
}

/**
 * A category code written as a whole number with a zero fraction is that number: "1.0" is "1", as
 * pandas writes every code of a column with a blank. So a pandas export and the .sav of the same survey
 * give the same regions, with the same labels, in one round and across rounds. "01" stays "01".
 * (The cheap test for a point spares the regular expression every other cell: codes ending in 0, as
 * region 10, made it cost 0.8 s of the validation at 2 million children.)
 */
export function wholeCodeSql(x: string): string {
  return `(CASE WHEN contains(${x}, '.') AND regexp_full_match(${x}, '-?[0-9]+\\.0+') THEN split_part(${x}, '.', 1) ELSE ${x} END)`;
}

/**
 * A categorical column read through a recode (survey rounds: the round's codes -> the shared codes,
 * docs/analysis-file.md "Rounds"): each listed code becomes its shared code, any other code stays as
 * written (validate.ts says so). Applied here, in the one projection every estimate reads, so the
 * estimation, the cells and their order all see the shared codes.
 */
export function recodedSql(column: string, recode: Record<string, string> | undefined, declared: DeclaredMissing = {}): string {
  const v = categorySql(column, declared);
  const pairs = recodePairs(recode);
  if (!pairs.length) return v;
  return `(CASE ${v} ${pairs.map(([from, to]) => `WHEN ${sqlString(from)} THEN ${sqlString(to)}`).join(' ')} ELSE ${v} END)`;
}

/**
 * A recode's (code as the run reads it, shared code) pairs: each listed code as a whole number where it
 * is one ("1.0" is "1"), and a code with accents also in its other Unicode form. "Côte" is written
 * with one character for "ô" (NFC, as keyboards type it) or with "o" and a combining accent (NFD, as
 * macOS file names and some exports write it): the two look the same on every screen, so a recode
 * listing one would leave the other's rows a category of their own, and its advice ("add Côte") could
 * not be followed (a probe's file: 70 of 156 children out of their region). A key that is a whole
 * number ("1") also reads it written with leading zeros, to 4 characters ("01", "001", "0001"), as
 * R's read.csv and Stata read such a column as numbers (a probe: a round's regions written "01"-"04"
 * against the codebook's keys 1-4 were four categories of their own, no region compared); a key the
 * recode writes itself ("01") comes first. The R script and the Stata do-file recode through the same pairs.
 */
export function recodePairs(recode: Record<string, string> | undefined): [string, string][] {
  const out = new Map<string, string>();
  const entries = Object.entries(recode ?? {}).map(([from, to]) => [wholeCode(from), to] as const);
  for (const [code, to] of entries) {
    for (const form of [code, code.normalize('NFC'), code.normalize('NFD')]) if (!out.has(form)) out.set(form, to);
  }
  for (const [code, to] of entries) {
    if (!/^[1-9][0-9]{0,2}$/.test(code)) continue;
    for (let form = `0${code}`; form.length <= 4; form = `0${form}`) if (!out.has(form)) out.set(form, to);
  }
  return [...out];
}

/** The SQL of the coded dimensions: region, and the extra breakdown `i` (prepared table's region, x0, x1...). */
export const regionSql = (m: Mapping, declared: DeclaredMissing = {}) => (m.region ? recodedSql(m.region.column, m.region.recode, declared) : 'NULL::VARCHAR');
export const extraSql = (m: Mapping, i: number, declared: DeclaredMissing = {}) => recodedSql(m.extras![i]!, m.recode?.[m.extras![i]!], declared);

/**
 * A two-code role (sex: male, female; area: urban, rural) as 0 for the first code, 1 for the second, -1
 * for any other or none. Each code as cells write it (codeVariants): a pandas export of a column with a
 * blank writes every code "1.0", and the analysis file (or a file set's other files) says "1".
 */
export function pairCodeSql(expr: string, first: string, second: string): string {
  return `(CASE WHEN ${codeInSql(expr, [first])} THEN 0 WHEN ${codeInSql(expr, [second])} THEN 1 ELSE -1 END)::INTEGER`;
}

/** In the universe (TRUE/FALSE, never NULL): the column holds one of the codes to keep (codeVariants); no universe: TRUE. */
export function universeSql(m: Mapping): string {
  return m.universe ? `COALESCE(${codeReadSql(ident(m.universe.column), m.universe.keep)}, FALSE)` : 'TRUE';
}

/** Every column a mapping reads, with its role, for existence and type checks. */
export function mappedColumns(m: Mapping): RoleColumn[] {
  const out: RoleColumn[] = [
    { role: 'weight', column: m.weight, numeric: true },
    { role: 'age', column: m.age, numeric: true },
    { role: 'sex', column: m.sex.column, numeric: false },
  ];
  if (m.stratum) out.push({ role: 'stratum', column: m.stratum, numeric: false });
  if (m.psu) out.push({ role: 'psu', column: m.psu, numeric: false });
  if (m.fpc) out.push({ role: 'fpc', column: m.fpc, numeric: true });
  if (m.region) out.push({ role: 'region', column: m.region.column, numeric: false });
  if (m.area) out.push({ role: 'area', column: m.area.column, numeric: false });
  const sources: [string, ColumnSource | undefined, boolean][] = [
    ['econActivity', m.econActivity, false],
    ['econHours', m.econHours, true],
    ['absentFromJob', m.absentFromJob, false],
    ['choresHours', m.choresHours, true],
  ];
  for (const [name, src] of Object.entries(m.hazards ?? {})) sources.push([`hazards.${name}`, src, false]);
  for (const [role, src, numeric] of sources) {
    if (src) for (const column of src.columns) out.push({ role, column, numeric, source: src });
  }
  // Their missing codes (not stated) are no value, as the hours' are: carried as a source for the checks.
  if (m.industry) out.push({ role: 'industry', column: m.industry.column, numeric: true, source: { columns: [m.industry.column], missingCodes: m.industry.missingCodes ?? [] } });
  if (m.occupation) out.push({ role: 'occupation', column: m.occupation.column, numeric: true, source: { columns: [m.occupation.column], missingCodes: m.occupation.missingCodes ?? [] } });
  for (const e of m.extras ?? []) out.push({ role: `extra ${e}`, column: e, numeric: false });
  if (m.universe) out.push({ role: 'universe', column: m.universe.column, numeric: false });
  return out;
}

/** The columns of the source roles `roles` picks (econHours, hazards.x, ...), each (role, column) once, with the role's source. */
export function sourceColumns(m: Mapping, roles: (role: string) => boolean): { role: string; column: string; src: ColumnSource }[] {
  const cols = mappedColumns(m).filter((rc) => rc.source && roles(rc.role));
  return cols.filter((c, i) => cols.findIndex((d) => d.role === c.role && d.column === c.column) === i).map((rc) => ({ role: rc.role, column: rc.column, src: rc.source! }));
}

/** Column of the prepared table that holds an extra breakdown variable. */
export const extraColumn = (i: number) => `x${i}`;
/** Column of the prepared table that holds a hazard flag. */
export const hazardColumn = (name: string) => ident(`hz_${name}`);

/**
 * The SQL that builds the `survey` table from the raw table `src` (rowid = data row - 1). `declared`:
 * the codes the file declares missing (readDeclaredMissing). Besides the roles it holds `_in` (in the
 * universe) and, for the MICS missing-hours convention, the hours summed over their known parts.
 */
export function prepareSql(m: Mapping, src = 'src', declared: DeclaredMissing = {}): string {
  return `CREATE OR REPLACE TABLE survey AS SELECT ${surveyColumns(m, declared).join(',\n  ')} FROM ${src}`;
}

/**
 * A stratum or PSU id as the design reads it: a whole number written with leading zeros or a zero
 * fraction ("007", "2.0": files joined from two exports, pandas' float columns) is that number ("7",
 * "2"), as R's read.csv, Stata and SPSS read a numeric id, so "2" and "2.0" in one stratum are one
 * PSU, not two (which would change the df and every SE); any other id stays as written ("A01", "2.5").
 * Evaluated on the distinct (stratum, PSU) pairs of the design pass, not per row (the fused pass). The R script and the
 * Stata do-file read ids the same way (design_id).
 */
export function designIdSql(expr: string): string {
  // The regular expressions only for ids that may need them (a leading 0, a point, an exponent): the others are most.
  // A whole number in the notation R, pandas and Excel write large numbers in ("1e+05", "1.5E+05": one
  // digit before the point, a signed exponent) is that number too: a probe's column holding both
  // "1e+05" and "100000" made two PSUs of one (df 34 against R's 14). "12E4", an area code, stays text.
  const x = `TRY_CAST(${expr} AS DOUBLE)`;
  return `(CASE WHEN (starts_with(${expr}, '0') OR contains(${expr}, '.')) AND regexp_full_match(${expr}, '[0-9]+(\\.0*)?') THEN regexp_extract(${expr}, '^0*([0-9]+?)(\\.0*)?$', 1)
    WHEN contains(${expr}, '+') AND regexp_full_match(${expr}, '${EXPONENT_ID}') AND ${x} < 1e15 AND ${x} = floor(${x}) THEN CAST(CAST(${x} AS BIGINT) AS VARCHAR) ELSE ${expr} END)`;
}

/** A whole number written with an exponent ("1e+05", "1.5E+05"), as designIdSql reads it (the R script's design_id the same). */
export const EXPONENT_ID = '[1-9](\\.[0-9]+)?[eE]\\+[0-9]+';

/** The design's keys over the raw table: stratum (`'1'` when none) and PSU, as text (prepareSql's `_h`, `_psu`). */
export function designKeys(m: Mapping, declared: DeclaredMissing = {}): { h: string; psu: string } {
  const cat = (c: string) => designIdSql(categorySql(c, declared, false));
  const nested = m.psuNestedInStrata ?? true;
  const h = m.stratum ? cat(m.stratum) : `'1'`;
  // A PSU is identified by (stratum, psu) when nested; with no clusters (noClusters) every row is its own PSU.
  const psu = m.psu ? (nested ? `${h} || chr(31) || ${cat(m.psu)}` : cat(m.psu)) : `CAST(rowid AS VARCHAR)`;
  return { h, psu };
}

/**
 * An industry or occupation code as an integer: the whole part of the number, not the number rounded.
 * NACE- and NAF-style files write the ISIC class with a point ("43.90": division 43, class 4390); a cast
 * rounded it to division 44 (and "09.90" to 10), out of the hazardous list in silence (a probe).
 * The R script (rscriptMapping.ts `int`) and the Stata do-file (stata.ts `int`) take the same part.
 */
export const codeSql = (number: string) => `TRY_CAST(trunc(${number}) AS INTEGER)`;

/**
 * The ISIC Rev.4 sections and the first division of each. LFS public files often code the industry
 * by its section letter only; the global estimates' hazardous industries are whole sections (B, mining:
 * divisions 05-09; F, construction: 41-43), so a letter read as its first division gives them exactly.
 * A list naming only part of a section cannot be applied to its letter (INDUSTRY_SECTIONS says so).
 */
export const ISIC_SECTIONS: Readonly<Record<string, number>> = {
  A: 1, B: 5, C: 10, D: 35, E: 36, F: 41, G: 45, H: 49, I: 55, J: 58, K: 64, L: 68, M: 69, N: 77, O: 84, P: 85, Q: 86, R: 90, S: 94, T: 97, U: 99,
};

/** A cell holding an ISIC section letter (any case), as a condition on the text. */
export const sectionLetterSql = (c: string) => `(length(${c}) = 1 AND upper(${c}) BETWEEN 'A' AND 'U')`;

/** An industry cell written as NACE writes a class, with a point, under 100 ("43.90", "41.00"): its whole part is its division. */
export const nacePointSql = (cell: string, n: string) => `(strpos(${cell}, '.') > 0 AND ${n} < 100)`;

/**
 * The industry role as its ISIC division: a number's whole part (a class's division at level
 * "class", "43.90" written as NACE writes a class is 43 at both levels), or a section letter's first
 * division (ISIC_SECTIONS); a missing code is neither. The R script and the Stata do-file read the same.
 */
export function industrySql(ind: NonNullable<Mapping['industry']>, declared: DeclaredMissing = {}): string {
  const src = { columns: [ind.column], ...(ind.missingCodes ? { missingCodes: ind.missingCodes } : {}) };
  const c = ident(ind.column);
  const n = numericColumnSql(ind.column, src, declared);
  // At level class, a number under 100 written with a point is a class as NACE writes it ("05.10",
  // "41.00"), no class number (0111-9900): its whole part is its division, as at level division (a
  // probe's "05.10" read as class 0005 put no child in mining).
  const number = ind.level === 'class' ? `(CASE WHEN ${nacePointSql(c, n)} THEN ${codeSql(n)} ELSE ${codeSql(n)} // 100 END)` : codeSql(n);
  // Guarded by the one-letter test, so the cells with no number (most children: no industry) are not
  // tested against every section (a review measured 0.15-0.23 s -> 0.48-0.63 s at 2M in DuckDB-WASM).
  const letter = `(CASE WHEN ${sectionLetterSql(c)} AND NOT ${missingCodeSql(ind.column, src, declared)} THEN (CASE upper(${c}) ${Object.entries(ISIC_SECTIONS).map(([k, v]) => `WHEN '${k}' THEN ${v}`).join(' ')} END) END)`;
  return `COALESCE(${number}, ${letter})`;
}

/**
 * The columns of the `survey` table (prepareSql), as `expression AS name` over the raw table.
 * `keys: false` leaves out the design keys `_h` and `_psu` (the design pass joins the raw key columns
 * to their ids instead: designPass.ts). `rowid`: the row's index (0-based) in the table read.
 */
export function surveyColumns(m: Mapping, declared: DeclaredMissing = {}, keys = true, rowid = 'rowid'): string[] {
  const cat = (c: string) => categorySql(c, declared);
  const num = (c: string, missingCodes?: string[]) => numericColumnSql(c, { columns: [c], ...(missingCodes ? { missingCodes } : {}) }, declared);
  const { h, psu } = designKeys(m, declared);
  // `_k`: the MICS known hours, stored only for a sum of several columns (knownHoursColumn).
  const hours = (name: string, s: ColumnSource | undefined) =>
    s ? [`${hoursSql(s, declared)} AS ${name}`, ...(s.columns.length > 1 ? [`${knownHoursSql(s, declared)} AS ${name}_k`] : [])] : [`NULL::DOUBLE AS ${name}`];
  const cols: string[] = [
    `${rowid} + 1 AS _row`,
    `${weightSql(m, declared)} AS _w`,
    ...(keys ? [`${h} AS _h`, `${psu} AS _psu`] : []),
    m.fpc ? `${num(m.fpc)} AS _fpc` : 'NULL::DOUBLE AS _fpc',
    `${universeSql(m)} AS _in`,
    `${ageSql(m, declared)} AS age`,
    `${cat(m.sex.column)} AS sex`,
    `${regionSql(m, declared)} AS region`,
    m.area ? `${cat(m.area.column)} AS area` : 'NULL::VARCHAR AS area',
    m.econActivity ? `${yesNoSql(m.econActivity, declared)} AS econ_act` : 'NULL::BOOLEAN AS econ_act',
    ...hours('econ_hours', m.econHours),
    m.absentFromJob ? `${yesNoSql(m.absentFromJob, declared)} AS absent` : 'NULL::BOOLEAN AS absent',
    ...hours('chores_hours', m.choresHours),
    m.industry
      ? `${industrySql(m.industry, declared)} AS industry`
      : 'NULL::INTEGER AS industry',
    m.occupation ? `${codeSql(num(m.occupation.column, m.occupation.missingCodes))} AS occupation` : 'NULL::INTEGER AS occupation',
  ];
  for (const [name, s] of Object.entries(m.hazards ?? {})) cols.push(`${yesNoSql(s, declared)} AS ${hazardColumn(name)}`);
  (m.extras ?? []).forEach((_, i) => cols.push(`${extraSql(m, i, declared)} AS ${extraColumn(i)}`));
  return cols;
}
