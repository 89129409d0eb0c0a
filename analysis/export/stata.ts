import type { ResolvedAnalysis } from '../analysisFile.js';
import { breakdownName } from '../run.js';
import type { ColumnSource, Comparison, Framework, Mapping, MissingHoursPolicy } from '../types.js';
import { choiceCodes, ISIC_SECTIONS, NO_NUMBER_TOKENS, recodePairs } from '../mapping.js';
import { codeSpellings, codeVariants } from '../codeForms.js';
import type { ExportMetadata } from './metadata.js';
import { extensionOf } from '../import/format.js';
import { spaceClass } from '../import/trimSpaces.js';
import { DECIMAL_COMMA_NUMBER } from '../import/textFile.js';
import { encodingReadOf, titleLinesOf } from './rscriptRead.js';

/**
 * A Stata do-file (svy) for the same estimates as the R script. NOT TESTED: Stata is not available
 * where this app is built, so the file says so at its top. It follows the app's rules:
 *   - every column is read as text and each role is made with the mapping's rules
 *   - Stata has no three-valued logic (a missing number compares as larger than any number), so every
 *     step is written with explicit 1 / 0 / . values: or3, and3 and the comparisons below
 *   - rows with an unknown indicator stay in the design (their value is set to 0 and the domain
 *     excludes them: svy, subpop()), so every PSU of the file counts, as in the app and in R
 *   - the logit interval uses the domain's degrees of freedom (PSUs minus strata with a row in the
 *     domain), as the app and R's svyciprop do; Stata's own default is the design's df.
 */
export interface StataOptions {
  dataPath?: string;
  outFile?: string;
  /** The delimiter the app detected in a delimited file (Stata's import delimited tells only tab from comma). */
  delimiter?: string;
}

const q = (s: string) => `\`"${s.replace(/[`$]/g, (c) => `\\${c}`)}"'`; // compound-quoted string
const list = (xs: readonly string[]) => xs.map(q).join(', ');
/**
 * `t` is one of `xs`: Stata's inlist() takes the cell and at most 9 strings, and a role's codes as
 * cells write them (mapping.ts codeVariants: "98.0", "nsp", "NSP") can be more, so longer lists are
 * several inlist() joined by |.
 */
function inAny(t: string, xs: readonly string[]): string {
  const parts: string[] = [];
  for (let i = 0; i < xs.length; i += 9) parts.push(`inlist(${t}, ${list(xs.slice(i, i + 9))})`);
  return parts.length === 1 ? parts[0]! : `(${parts.join(' | ')})`;
}

class Emitter {
  lines: string[] = [];
  private k = 0;
  constructor(private readonly prefix: string) {}
  v(expr: string, type = 'byte'): string {
    const name = `${this.prefix}${++this.k}`;
    this.lines.push(`quietly gen ${type} ${name} = ${expr}`);
    return name;
  }
  or(xs: string[]): string {
    return xs.length === 0 ? this.v('0') : xs.slice(1).reduce((a, b) => this.v(`cond(${a} == 1 | ${b} == 1, 1, cond(${a} == 0 & ${b} == 0, 0, .))`), xs[0]!);
  }
  and(xs: string[]): string {
    return xs.length === 0 ? this.v('1') : xs.slice(1).reduce((a, b) => this.v(`cond(${a} == 0 | ${b} == 0, 0, cond(${a} == 1 & ${b} == 1, 1, .))`), xs[0]!);
  }
  not(x: string): string {
    return this.v(`cond(${x} == 1, 0, cond(${x} == 0, 1, .))`);
  }
}

/**
 * Spaces around a cell, as the app trims them (import/trimSpaces.ts CELL_SPACES): the space, the
 * no-break, figure and narrow no-break spaces and a byte order mark (ICU's \x{...}); tabs stay.
 */
const SPACES_ICU = spaceClass((c) => `\\x{${c.toString(16).toUpperCase().padStart(4, '0')}}`);
const TRIM_STATA = `"^[${SPACES_ICU}]+|[${SPACES_ICU}]+$"`;
/**
 * No value in a column of numbers or answers: blank, NA or "." (mapping.ts NO_NUMBER_TOKENS). Stata's
 * inlist() takes at most 10 arguments with strings: the cell, the blank and 8 tokens at most.
 */
const noNumber = (t: string) => `inlist(${t}, "", ${list(NO_NUMBER_TOKENS)})`;
/**
 * A cell the data file declares missing: Stata's extended missing values .a-.z (and SPSS user-missing
 * values, which import spss reads as such) are text ".a"-".z" once tostring has run. Unknown in every
 * role whatever its blank rule, as in the app (mapping.ts missingIn); read as "no" they lowered a
 * DHS-style file's hazardous work from 23.67 % to 22.63 % (a probe).
 */
const declaredStata = (t: string) => `ustrregexm(${t}, "^[.][a-z]$")`;
/** The formats whose cells a file declares missing (a CSV's ".a" is text, as in the app). */
const DECLARING = ['dta', 'sav', 'zsav'];

function sourceLines(e: Emitter, src: ColumnSource, kind: 'hours' | 'yesno', target: string, missingHours: MissingHoursPolicy = 'unknown', coded = false): string[] {
  const L: string[] = [];
  const parts = src.columns.map((c, i) => {
    const t = `${target}_t${i + 1}`;
    const v = `${target}_v${i + 1}`;
    L.push(`quietly gen strL ${t} = ustrregexra(${c}, ${TRIM_STATA}, "")`);
    if (kind === 'hours') {
      L.push(`quietly gen double ${v} = real(${t})`);
      // No value before the codes: a declared NA stays unknown.
      L.push(`quietly replace ${v} = ${src.blank === 'zero' ? '0' : '.'} if ${noNumber(t)}`);
      if (src.missingFrom !== undefined) L.push(`quietly replace ${v} = . if ${v} >= ${src.missingFrom} & ${v} < .`);
      if (src.missingCodes?.length) L.push(`quietly replace ${v} = . if ${inAny(t, codeVariants(src.missingCodes))}`);
      if (coded) L.push(`quietly replace ${v} = . if ${declaredStata(t)}`);
      // A code for a question not asked is a blank, whatever else (mapping.ts noValueBranches).
      if (src.notAsked?.length) L.push(`quietly replace ${v} = ${src.blank === 'zero' ? '0' : '.'} if ${inAny(t, codeVariants(src.notAsked))}`);
    } else {
      L.push(`quietly gen byte ${v} = 0`);
      L.push(`quietly replace ${v} = 1 if ${inAny(t, codeVariants(src.yes ?? ['1']))}`);
      // A list of choices ("1 3", select_multiple): yes when a choice is a yes code (mapping.ts choiceListSql).
      const listed = choiceCodes(src.yes ?? ['1']);
      if (listed.length) L.push(`quietly replace ${v} = 1 if ustrregexm(${t}, "^[0-9]+( +[0-9]+)+$") & ustrregexm(" " + ${t} + " ", " (${listed.join('|')}) ")`);
      L.push(`quietly replace ${v} = ${src.blank === 'no' || src.blank === 'zero' ? '0' : '.'} if ${noNumber(t)}`);
      if (src.missingFrom !== undefined) L.push(`quietly replace ${v} = . if real(${t}) >= ${src.missingFrom} & real(${t}) < .`);
      if (src.missingCodes?.length) L.push(`quietly replace ${v} = . if ${inAny(t, codeVariants(src.missingCodes))}`);
      if (coded) L.push(`quietly replace ${v} = . if ${declaredStata(t)}`);
      if (src.notAsked?.length) L.push(`quietly replace ${v} = ${src.blank === 'no' || src.blank === 'zero' ? '0' : '.'} if ${inAny(t, codeVariants(src.notAsked))}`);
    }
    return v;
  });
  if (kind === 'hours') L.push(`quietly gen double ${target} = ${hoursSumStata(parts, missingHours)}`);
  else {
    e.lines = [];
    const any = e.or(parts);
    L.push(...e.lines, `quietly gen byte ${target} = ${any}`);
  }
  L.push(`drop ${target}_t* ${target}_v*`);
  return L;
}

/**
 * An hours role from its columns: one column as read; a sum of several of its known parts under the
 * MICS policy (mapping.ts knownHoursSql), rounded to a millionth of an hour, as the app (mapping.ts hoursSum).
 */
function hoursSumStata(parts: string[], missingHours: MissingHoursPolicy): string {
  if (parts.length === 1) return parts[0]!;
  const terms = missingHours === 'mics' ? parts.map((v) => `cond(missing(${v}), 0, ${v})`) : parts;
  return `round((${terms.join(' + ')}) * 1000000) / 1000000`;
}

/**
 * Harmonisation of survey rounds (mapping.ts recodedSql): each listed code as written becomes its shared
 * code, read from a copy so that a shared code that is also a listed code is not recoded twice.
 */
function recodeStata(name: string, recode: Record<string, string> | undefined): string[] {
  const pairs = recodePairs(recode);
  if (!pairs.length) return [];
  return [`quietly gen strL _rc_ = ${name}`, ...pairs.map(([from, to]) => `quietly replace ${name} = ${q(to)} if _rc_ == ${q(from)}`), 'drop _rc_'];
}

/** A category code "1.0" is "1", as the app reads it (mapping.ts wholeCodeSql). */
const whole = (name: string) => `quietly replace ${name} = ustrregexs(1) if ustrregexm(${name}, "^(-?[0-9]+)\\.0+$")`;

/** A code's other spellings ("1.0" for "1": mapping.ts codeSpellings) rewritten as the mapped code. */
const spellingsStata = (name: string, codes: readonly string[]) => codeSpellings(codes).map(([from, to]) => `quietly replace ${name} = ${q(to)} if ${name} == ${q(from)}`);

function rolesStata(m: Mapping, missingHours: MissingHoursPolicy, declaring: boolean): string {
  const e = new Emitter('_r');
  const L: string[] = [];
  // A category declared missing (.a-.z) is in no category, as in the app.
  const text = (col: string, name: string) => `quietly gen strL ${name} = ustrregexra(${col}, ${TRIM_STATA}, "")${declaring ? `\nquietly replace ${name} = "" if ${declaredStata(name)}` : ''}`;
  // The divisor of weights with implied decimals or DHS's x 1,000,000 (mapping.weightDivisor), as the app.
  const divisor = m.weightDivisor && m.weightDivisor !== 1 ? ` / ${m.weightDivisor}` : '';
  L.push(`quietly gen double w = real(ustrregexra(${m.weight}, ${TRIM_STATA}, ""))${divisor}`);
  // A whole-number id written "007" or "2.0" is that number, as in the app (mapping.ts designIdSql).
  // With an exponent ("1e+05"), a whole number is that number too.
  const id = (name: string) => `quietly replace ${name} = ustrregexs(1) if ustrregexm(${name}, "^0*([0-9]+?)(\\.0*)?$")
quietly replace ${name} = string(real(${name}), "%20.0f") if ustrregexm(${name}, "^[1-9](\\.[0-9]+)?[eE]\\+[0-9]+$") & real(${name}) < 1e15 & real(${name}) == floor(real(${name}))`;
  L.push(...(m.stratum ? [text(m.stratum, 'h'), id('h')] : ['quietly gen strL h = "1"']));
  L.push(...(m.psu ? [text(m.psu, 'psu'), id('psu')] : ['quietly gen long psu = _n']));
  if (m.fpc) L.push(`quietly gen double fpc = real(ustrregexra(${m.fpc}, ${TRIM_STATA}, ""))`);
  // In scope as in the app (classify.ts IN_SCOPE): in the universe (its codes as written, mapping.ts
  // universeSql) and with a positive weight; everyone else stays in the design, in no domain.
  const u = m.universe;
  L.push(...(u ? [text(u.column, '_u'), whole('_u'), `quietly gen byte _in = ${codeVariants(u.keep).map((k) => `_u == ${q(k)}`).join(' | ')}`, 'drop _u'] : ['quietly gen byte _in = 1']));
  // No weight outside the universe: 0, as the app reads it (mapping.ts weightSql).
  L.push(...(u ? ['quietly replace w = 0 if missing(w) & !_in'] : []), 'quietly replace _in = 0 if !(w > 0 & w < .)');
  L.push(`quietly gen double age = floor(real(ustrregexra(${m.age}, ${TRIM_STATA}, "")))`);
  L.push(text(m.sex.column, 'sex'), whole('sex'), ...spellingsStata('sex', [m.sex.male, m.sex.female]), `quietly replace sex = "" if !inlist(sex, ${list([m.sex.male, m.sex.female])})`);
  L.push(m.region ? text(m.region.column, 'region') : 'quietly gen strL region = ""', ...(m.region ? [whole('region')] : []), ...recodeStata('region', m.region?.recode));
  if (m.area) L.push(text(m.area.column, 'area'), whole('area'), ...spellingsStata('area', [m.area.urban, m.area.rural]), `quietly replace area = "" if !inlist(area, ${list([m.area.urban, m.area.rural])})`);
  else L.push('quietly gen strL area = ""');
  if (m.econActivity) L.push(...sourceLines(e, m.econActivity, 'yesno', 'econ_act', missingHours, declaring));
  if (m.econHours) L.push(...sourceLines(e, m.econHours, 'hours', 'econ_hours', missingHours, declaring));
  if (m.absentFromJob) L.push(...sourceLines(e, m.absentFromJob, 'yesno', 'absent', missingHours, declaring));
  if (m.choresHours) L.push(...sourceLines(e, m.choresHours, 'hours', 'chores_hours', missingHours, declaring));
  // A cell trimmed as the app trims it; a code's whole part ("43.90", the ISIC class as NACE writes it,
  // is division 43): mapping.ts codeSql.
  const trimmed = (col: string) => `ustrregexra(${col}, ${TRIM_STATA}, "")`;
  const int = (col: string) => `trunc(real(${trimmed(col)}))`;
  // Missing codes (industry 9999 not stated) are unknown, as in the app (mapping.ts numericColumnSql).
  const isMissing = (col: string, codes: string[] | undefined) => (codes?.length ? inAny(trimmed(col), codeVariants(codes)) : '');
  const coded = (col: string, codes: string[] | undefined) => (codes?.length ? `cond(${isMissing(col, codes)}, ., ${int(col)})` : int(col));
  if (m.industry) {
    const { column, missingCodes } = m.industry;
    const v = coded(column, missingCodes);
    // At level class a number under 100 written with a point ("05.10", NACE's class) is read by its whole part, as in the app (mapping.ts nacePointSql).
    const nace = `strpos(${trimmed(column)}, ".") > 0 & real(${trimmed(column)}) < 100`;
    L.push(`quietly gen double industry = ${m.industry.level === 'class' ? `cond(${nace}, ${v}, trunc(${v} / 100))` : v}`);
    // An ISIC section letter: the first division of its section (B mining 05, F construction 41), as in the app (mapping.ts ISIC_SECTIONS).
    const at = `strpos("${Object.keys(ISIC_SECTIONS).join('')}", ustrupper(${trimmed(column)}))`;
    const notMissing = missingCodes?.length ? ` & !${isMissing(column, missingCodes)}` : '';
    L.push(`quietly replace industry = real(word("${Object.values(ISIC_SECTIONS).join(' ')}", ${at})) if missing(industry) & ustrlen(${trimmed(column)}) == 1 & ${at} > 0${notMissing}`);
  }
  if (m.occupation) L.push(`quietly gen double occupation = ${coded(m.occupation.column, m.occupation.missingCodes)}`);
  for (const [name, src] of Object.entries(m.hazards ?? {})) L.push(...sourceLines(e, src, 'yesno', `hz_${name}`, missingHours, declaring));
  (m.extras ?? []).forEach((x, i) => L.push(text(x, `x${i + 1}`), whole(`x${i + 1}`), ...recodeStata(`x${i + 1}`, m.recode?.[x])));
  L.push('capture drop _r*');
  return L.join('\n');
}

function frameworkStata(fw: Framework, m: Mapping, missingHours: MissingHoursPolicy, n: number, indicators: string[]): string {
  const e = new Emitter(`_f${n}_`);
  const cmp = (col: string, t: { min: number; op?: Comparison }) =>
    e.v(`cond(missing(${col}), ${missingHours === 'mics' ? '0' : '.'}, ${col} ${t.op ?? fw.comparison} ${t.min})`);
  const band = (from: number, to: number) => e.v(`cond(missing(age), ., age >= ${from} & age <= ${to})`);
  const employed = e.or([m.econActivity ? 'econ_act' : cmp('econ_hours', { min: 1, op: '>=' }), ...(m.absentFromJob ? ['absent'] : [])]);
  const conditions = fw.hazardous.conditions ?? Object.keys(m.hazards ?? {});
  const condition = conditions.length ? e.or(conditions.map((c) => `hz_${c}`)) : e.v('0');
  const h = fw.hazardous;
  const parts: string[] = [];
  if (h.industries.length && m.industry) parts.push(e.v(`cond(missing(industry), 0, inlist(industry, ${h.industries.join(', ')}))`));
  if (h.occupations.length && m.occupation) parts.push(e.v(`cond(missing(occupation), 0, inlist(occupation, ${h.occupations.join(', ')}))`));
  if (h.longHours && m.econHours) parts.push(cmp('econ_hours', h.longHours));
  if (conditions.length) parts.push(condition);
  const hazardous = e.and([employed, e.or(parts)]);
  const cl: string[] = [];
  if (fw.hazardsInChildLabour === 'hazardous_work') cl.push(hazardous);
  if (fw.hazardsInChildLabour === 'conditions') cl.push(e.and([employed, condition]));
  for (const b of fw.bands) {
    const rule: string[] = [];
    if (b.econ.rule === 'employed') rule.push(employed);
    if (b.econ.rule === 'hours') rule.push(e.and([employed, cmp('econ_hours', b.econ)]));
    if (b.chores) rule.push(cmp('chores_hours', b.chores));
    if (rule.length) cl.push(e.and([band(b.from, b.to), e.or(rule)]));
  }
  const childLabour = e.or(cl);
  const scope = e.and([e.v('_in'), e.v('cond(missing(age), ., age == floor(age))'), e.or(fw.bands.map((b) => band(b.from, b.to)))]);
  const other = e.and([childLabour, e.not(hazardous)]);
  const ind: Record<string, string> = {
    children_in_employment: employed,
    child_labour: childLabour,
    hazardous_work: hazardous,
    child_labour_other_than_hazardous: other,
  };
  return `* ---- Framework ${fw.id}: ${fw.name.replace(/[\r\n]+/g, ' ')}
${e.lines.join('\n')}
${indicators.map((i, k) => `quietly gen byte y${n}_${k + 1} = cond(${scope} == 1, ${ind[i]}, .)   // ${i}`).join('\n')}
drop _f${n}_*`;
}

/**
 * The lines that read the data file with every column as text, as the app reads it: a CSV or TSV by
 * import delimited; a .dta, .sav or workbook by Stata's own reader, its numbers then written as text
 * (tostring, 17 significant digits: real() reads back the same double). Stata reads no Parquet.
 */
/** What the app's reading of the file found that the do-file must follow or refuse (its import notes). */
interface ReadNotes {
  /** Merged cells filled (DATA_XLSX_MERGED_FILLED). */
  merged: boolean;
  /** Times read as hours (DATA_XLSX_TIME_AS_HOURS). */
  timed: boolean;
  /** R's write.table header, one name short (DATA_CSV_ROW_NAMES). */
  rowNames: boolean;
  /** The delimiter detected (StataOptions.delimiter). */
  delimiter?: string;
}

function readData(a: ResolvedAnalysis, skip: number, encoding: string, { merged, timed, rowNames, delimiter }: ReadNotes): string {
  const ext = extensionOf(a.data.path);
  const file = '`"`datafile\'"\'';
  const asText = ['quietly ds, has(type numeric)', 'foreach v in `r(varlist)\' {', '  quietly tostring `v\', replace force format(%24.17g)', '}'];
  if (ext === 'dta') return [`use ${file}, clear`, ...asText].join('\n');
  if (ext === 'sav' || ext === 'zsav') return [`import spss using ${file}, clear`, ...asText].join('\n');
  // Merged cells the app read on every row they cover (DATA_XLSX_MERGED_FILLED): Stata leaves all but
  // the first blank, and would estimate on other data in silence (a review); it stops instead.
  // Times the app read as hours (DATA_XLSX_TIME_AS_HOURS): Stata's allstring import gives their stored fraction of a day.
  if (ext === 'xlsx' && timed) return 'display as error "the sheet shows hours as times ([h]:mm), which the app read as hours and Stata as fractions of a day: save the data as .dta with the hours as numbers (the cell times 24)"\nexit 198';
  if (ext === 'xlsx' && merged) return 'display as error "the sheet has merged cells in its data rows, which the app read on every row they cover and Stata leaves blank: unmerge them (filling each cell) and save the workbook, or save the data as .dta"\nexit 198';
  if (ext === 'xlsx') return `import excel using ${file}, ${a.data.sheet !== undefined ? `sheet(${q(String(a.data.sheet))}) ` : ''}firstrow allstring clear`;
  if (ext === 'parquet') return 'display as error "Stata reads no Parquet file: save the data as .dta or CSV and give its path"\nexit 198';
  // R's write.table header, one name short of the data lines (DATA_CSV_ROW_NAMES): import delimited
  // would put every name over the column before its own, and estimate on other columns in silence.
  if (rowNames) return 'display as error "the file\'s header names one column fewer than its data lines hold (R write.table with row names), which import delimited would read shifted by one column: write it again with write.csv(..., row.names = FALSE), or save it as .dta"\nexit 198';
  // The delimiter as the app read it: declared, else detected (";" in French and Spanish exports, "|",
  // spaces), which Stata's own detection (tab or comma) would split wrongly. A tab is written "\t".
  const sep = a.data.delimiter ?? delimiter;
  const delimiters = sep ? `delimiters(${sep === '\t' ? '"\\t"' : q(sep)}) ` : '';
  const read = `import delimited using ${file}, ${delimiters}stringcols(_all) varnames(${skip + 1})${skip ? ` rowrange(${skip + 2})` : ''} case(preserve) encoding("${encoding}") clear`;
  // Numbers written with a decimal comma (data.decimalComma): "12,5" is 12.5 in every column, as the
  // app converts them (import/decimalComma.ts, the same pattern), so that real() reads them.
  if (!a.data.decimalComma) return read;
  return [read, 'foreach v of varlist _all {', `  quietly replace \`v' = subinstr(ustrtrim(\`v'), ",", ".", 1) if ustrregexm(ustrtrim(\`v'), ${q(DECIMAL_COMMA_NUMBER.source)})`, '}'].join('\n');
}

export function stataDo(a: ResolvedAnalysis, meta: ExportMetadata, opts: StataOptions = {}): string {
  const m = a.mapping;
  const noted = (code: string) => meta.messages.some((x) => x.code === code);
  const o = a.options;
  const dataPath = opts.dataPath ?? meta.source.file;
  // Title lines above the header the app skipped (its DATA_CSV_TITLE_SKIPPED note): Stata's too.
  const skip = titleLinesOf(meta, a.data.path);
  const outFile = opts.outFile ?? `${meta.source.file.replace(/\.[^.]*$/, '') || 'results'}_Stata_results.csv`;
  const extras = m.extras ?? [];
  const cellColumns = ['sex', 'age_group', 'region', 'area', ...extras];
  const dimVar: Record<string, string> = { sex: 'sex', region: 'region', area: 'area', ...Object.fromEntries(extras.map((x, i) => [x, `x${i + 1}`])) };
  const single = { adjust: 'centered', certainty: 'certainty', remove: 'certainty', average: 'scaled', fail: 'missing' }[o.lonelyPsu];
  const svyset = `svyset _psu [pweight = w], ${m.stratum ? 'strata(_h) ' : ''}${m.fpc ? 'fpc(fpc) ' : ''}singleunit(${single}) vce(linearized)`;

  const loops: string[] = [];
  a.frameworks.forEach((fw, f) => {
    a.indicators.forEach((ind, k) => {
      const y = `y${f + 1}_${k + 1}`;
      loops.push(`* ${fw.id} x ${ind}`, `quietly replace y0 = cond(missing(${y}), 0, ${y})`);
      for (const dims of a.breakdowns) {
        const byDims = dims.filter((d) => d !== 'age_group');
        const groups = dims.includes('age_group') ? a.ageGroups : [null];
        for (const g of groups) {
          const base = `${y} < .${g ? ` & age >= ${g.from} & age <= ${g.to}` : ''}`;
          let indent = '';
          const close: string[] = [];
          const conds: string[] = [];
          byDims.forEach((d, j) => {
            loops.push(`${indent}quietly levelsof ${dimVar[d]} if ${base}${conds.map((c) => ` & ${c}`).join('')} & ${dimVar[d]} != "", local(L${j + 1}) clean`);
            loops.push(`${indent}foreach v${j + 1} of local L${j + 1} {`);
            conds.push(`${dimVar[d]} == \`"\`v${j + 1}'"'`);
            close.unshift(`${indent}}`);
            indent += '  ';
          });
          const cells = cellColumns.map((c) => {
            if (c === 'age_group' && g) return g.label;
            const j = byDims.indexOf(c);
            return j >= 0 ? `\`v${j + 1}'` : '';
          });
          loops.push(`${indent}quietly replace _dom = ${base}${conds.map((c) => ` & ${c}`).join('')}`);
          loops.push(`${indent}global ROW \`"${[fw.id, ind, breakdownName(dims), ...cells].join(',')}"'`);
          loops.push(`${indent}cl_domain`);
          loops.push(...close);
        }
      }
    });
  });

  return `* ==================================================================================================
* ${a.title.replace(/[\r\n]+/g, ' ')}
* Stata do-file exported by ${meta.app.name} ${meta.app.version} on ${meta.createdAt}.
* NOT TESTED: Stata is not available where this app is built. The R script export is tested against
* the app to 1e-8; use this file as a starting point and compare its output with the app's CSV.
*
* Data file: ${meta.source.file}, SHA-256 ${meta.source.sha256 ?? 'unknown'}, ${meta.source.rowsRead} rows read by the app.
* Options: missing hours ${o.missingHours}, lonely PSUs ${o.lonelyPsu} (Stata singleunit(${single})), interval ${o.ci}, level ${o.level}.
* Usage: do <this file> ["data file"] ["output CSV"], from the folder of this file (cd there first):
* the default data file and output are named relative to it, and Stata reads them from its working folder.
* Column names must be valid Stata names (import delimited renames others).
* ==================================================================================================
version 16
clear all
set more off
args datafile outfile
if \`"\`datafile'"' == "" local datafile ${q(dataPath)}
if \`"\`outfile'"' == "" local outfile ${q(outFile)}
* The output goes only where there is no file, or over one this do-file wrote: never over a data file.
capture confirm file \`"\`outfile'"'
if _rc == 0 {
  tempname chk
  file open \`chk' using \`"\`outfile'"', read text
  file read \`chk' firstline
  file close \`chk'
  if substr(\`"\`firstline'"', 1, 29) != "framework,indicator,breakdown" {
    display as error \`"\`outfile' exists and is not a file this do-file writes (its first line does not start with framework,indicator,breakdown): it is left as it is. Give another output file."'
    exit 602
  }
}
${readData(a, skip, encodingReadOf(meta, a.data), { merged: noted('DATA_XLSX_MERGED_FILLED'), timed: noted('DATA_XLSX_TIME_AS_HOURS'), rowNames: noted('DATA_CSV_ROW_NAMES'), delimiter: opts.delimiter })}
if _N != ${meta.source.rowsRead} display as error "the app read ${meta.source.rowsRead} rows; this file has " _N

* ---- Roles, with the mapping's rules (blank, missing codes, missingFrom, yes codes) ----
${rolesStata(m, o.missingHours, DECLARING.includes(extensionOf(a.data.path)))}

* ---- Frameworks, in three-valued logic (1 yes, 0 no, . unknown) ----
${a.frameworks.map((fw, i) => frameworkStata(fw, m, o.missingHours, i + 1, a.indicators)).join('\n\n')}

* ---- Design: numeric ids, a PSU being the pair (stratum, PSU) as in the app ----
egen long _h = group(h)
egen long _psu = group(h psu)
${svyset}
global LEVEL ${o.level}
quietly gen double y0 = 0
quietly gen byte _dom = 0

capture program drop cl_domain
program define cl_domain
  quietly count if _dom == 1
  local n = r(N)
  if \`n' == 0 exit
  quietly summarize w if _dom == 1
  local pop = r(sum)
  tempvar tp th
  quietly egen \`tp' = tag(_h _psu) if _dom == 1
  quietly egen \`th' = tag(_h) if _dom == 1
  quietly count if \`tp' == 1
  local df = r(N)
  quietly count if \`th' == 1
  local df = \`df' - r(N)
  quietly svy, subpop(_dom): mean y0
  local p = _b[y0]
  local se = _se[y0]
  quietly svy, subpop(_dom): total y0
  local tot = _b[y0]
  local tse = _se[y0]
  local lo = .
  local hi = .
  if \`df' > 0 {
    local t = invttail(\`df', (1 - $LEVEL) / 2)
    ${o.ci === 'wald' ? "local lo = `p' - `t' * `se'\n    local hi = `p' + `t' * `se'" : o.ci === 'logit' ? "if `p' > 0 & `p' < 1 {\n      local half = `t' * `se' / (`p' * (1 - `p'))\n      local lo = invlogit(logit(`p') - `half')\n      local hi = invlogit(logit(`p') + `half')\n    }" : '* Korn-Graubard: see svy: proportion, citype(exact); not written here'}
  }
  file write out \`"$ROW"' "," %24.17g (\`p') "," %24.17g (\`se') "," %24.17g (\`lo') "," %24.17g (\`hi') "," (\`df') "," %24.17g (\`tot') "," %24.17g (\`tse') "," %24.17g (\`pop') "," (\`n') _n
end

file open out using \`"\`outfile'"', write replace text
file write out "framework,indicator,breakdown,${cellColumns.join(',')},estimate,se,ci_low,ci_high,df,total,total_se,population,n_unweighted" _n
${loops.join('\n')}
file close out
display "estimates written to \`outfile'"
`;
}
