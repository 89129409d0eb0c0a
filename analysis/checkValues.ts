import { clusterMissing } from './checkDesign.js';
import { labelOf } from './codesPresent.js';
import type { Engine } from './engine/engine.js';
import { ident, sqlString } from './engine/values.js';
import type { DataLabels } from './import/labels.js';
import { readDeclaredMissing, type DeclaredMissing } from './import/declaredMissing.js';
import { readDotted } from './import/decimalComma.js';
import { ageSql, categorySql, codesAside, emptySql, wholeCodeSql, knownHoursSql, mappedColumns, noNumberSql, numericColumnSql, recodePairs, sectionLetterSql, universeSql, weightSql } from './mapping.js';
import { codeVariants, inList } from './codeForms.js';
import { message, type Message } from './messages.js';
import { totalRow } from './totalRow.js';
import { MAX_WEEK_HOURS } from './weekHours.js';
import type { Mapping } from './types.js';
import { ageFractionSql, ageInvalidSql, ageTopCodeSql, ageUnknownSql, noValueSql } from './ageReading.js';

// Cells of `src` are stored trimmed (import/trimSpaces.ts): nothing here trims them again.
const blank = emptySql;

type ProbeFirst = { row: number; rows: string; value: string; count: number; texts: string };
export interface Probe {
  make: (first: ProbeFirst) => Message;
  where: string;
  /**
   * The rows the probe is about, when not all (childScopeSql): applied only once `where` matched
   * some row, so that the design pass counts `where` alone, a condition on one column that the app
   * counts over the profile's cells (in the pass's statement the scope doubled its time).
   */
  scope?: string;
  value: string;
  /** Also list its distinct values with their rows (`texts`: `"N/A": 5, "-": 11`), so that one run names every code to declare. */
  texts?: boolean;
}

/** How many distinct values a message lists. */
const TEXTS = 8;

/** A number written with a decimal comma ("310,905548"): the file needs data.decimalComma, not a missing code. */
const DECIMAL_COMMA = /^[-+]?[0-9]+,[0-9]+$/;
/** A duration written as hours and minutes ("12:30", "2:05:00"), as a CSV saved from a time-formatted column writes it. */
const CLOCK = /^\d{1,3}:[0-5]\d(:[0-5]\d)?$/;
/** Survey Solutions' text for an answer its condition disabled (a question not asked). */
const NOT_ASKED_MARK = '##N/A##';
const HOURS_ROLES = ['econHours', 'choresHours'];
/**
 * A number written with a thousands separator ("1,521.87", "1 521,87", "1.521.870", with a no-break
 * space as French exports write it, a thin or figure space as typeset tables do): text to every reader (R's as.numeric too); the file must be saved
 * with plain numbers, which a missing code or the decimal comma would not fix.
 */
const THOUSANDS = /^[-+]?[0-9]{1,3}([,. \u00a0\u202f\u2009\u2007'][0-9]{3})+([.,][0-9]+)?$/;

/** How many offending rows a message lists. */
const FIRST_ROWS = 5;

/**
 * Runs many "first offending rows" probes over the raw table: first how many rows each finds (given
 * in `counts`, from the design pass, or counted here in one pass), then the row numbers and first
 * value of those that found some, in one more pass (none for a clean file).
 */
export async function firstRows(engine: Engine, all: Probe[], table = 'src', counts?: Map<string, number>): Promise<Message[]> {
  if (!all.length) return [];
  let found: (p: Probe, i: number) => boolean;
  if (counts) found = (p) => (counts.get(p.where) ?? 1) > 0;
  else {
    const [c] = await engine.query(`SELECT ${all.map((p, i) => `COUNT(*) FILTER (WHERE ${p.where}) AS c${i}`).join(', ')} FROM ${table}`);
    found = (_, i) => Number(c![`c${i}`] ?? 0) > 0;
  }
  const probes = all.filter(found).map((p) => (p.scope ? { ...p, where: `${p.where} AND ${p.scope}` } : p));
  if (!probes.length) return [];
  const cols = probes.map(
    (p, i) => `COUNT(*) FILTER (WHERE ${p.where}) AS c${i}, MIN(rowid) FILTER (WHERE ${p.where}) AS r${i}, ` +
      `array_to_string(arg_min(rowid + 1, rowid, ${FIRST_ROWS}) FILTER (WHERE ${p.where}), ', ') AS l${i}, ` +
      `arg_min(CAST(${p.value} AS VARCHAR), rowid) FILTER (WHERE ${p.where}) AS v${i}`,
  );
  const [r] = await engine.query(`SELECT ${cols.join(', ')} FROM ${table}`);
  const out: Message[] = [];
  for (const [i, p] of probes.entries()) {
    const count = Number(r![`c${i}`] ?? 0);
    const rows = String(r![`l${i}`] ?? '') + (count > FIRST_ROWS ? ', ...' : '');
    if (count > 0) out.push(p.make({ row: Number(r![`r${i}`]) + 1, rows, value: String(r![`v${i}`] ?? ''), count, texts: p.texts ? await texts(engine, p, table) : '' }));
  }
  return out;
}

/** A probe's distinct values, most rows first: `"N/A": 5, "-": 11` (at most TEXTS, then ", ..."). */
async function texts(engine: Engine, p: Probe, table: string): Promise<string> {
  const found = await engine.query(
    `SELECT CAST(${p.value} AS VARCHAR) AS v, COUNT(*)::BIGINT AS n FROM ${table} WHERE ${p.where} GROUP BY 1 ORDER BY n DESC, v LIMIT ${TEXTS + 1}`,
  );
  const listed = found.slice(0, TEXTS).map((x) => `"${String(x.v)}": ${Number(x.n)}`);
  return listed.join(', ') + (found.length > TEXTS ? ', ...' : '');
}

export { MAX_WEEK_HOURS } from './weekHours.js';

/**
 * Files whose columns have types (SPSS, Stata, Parquet): a text column of numbers with a decimal comma is
 * text in the file itself, and data.decimalComma (which reads delimited text) cannot change it; the
 * advice to set it led nowhere (a probe): VALUE_DECIMAL_COMMA_TEXT_COLUMN says to convert the column.
 */
const TYPED_FILE = /\.(sav|zsav|dta|parquet)$/i;

/**
 * Per numeric column: text that is not a number, and numbers that are not finite (NaN, Infinity, or an
 * overflow such as 1e400, which reads as Infinity). Missing codes (the role's and the file's) are not
 * values. Hours must be within 0-168 once their missing codes are set aside.
 */
function numberProbes(m: Mapping, file: string, declared: DeclaredMissing, scope: string): Probe[] {
  const probes: Probe[] = [];
  const seen = new Set<string>();
  for (const rc of mappedColumns(m)) {
    if (!rc.numeric || seen.has(`${rc.role}\u0001${rc.column}`)) continue;
    seen.add(`${rc.role}\u0001${rc.column}`);
    // A role read for children in scope only (not the weight, the age or the fpc, which place every row).
    const only = DESIGN_NUMBERS.includes(rc.role) ? {} : { scope };
    const c = ident(rc.column);
    const codes = codesAside(rc.column, rc.source ?? {}, declared);
    const isCode = inList(c, codes);
    const v = `TRY_CAST(${c} AS DOUBLE)`;
    const base = { column: rc.column, role: rc.role, file };
    // An industry's ISIC section letter ("B", "F") is read as its first division (mapping.ts industrySql);
    // an age written as a don't-know ("DK", a CSV saved with MICS's value labels) is an unknown age,
    // as a blank one: in no domain, said by AGE_INVALID, not an error.
    const letter = rc.role === 'industry' ? ` AND NOT ${sectionLetterSql(c)}` : rc.role === 'age' ? ` AND NOT ${ageUnknownSql(c)} AND NOT ${ageTopCodeSql(c)}` : '';
    probes.push({
      where: `NOT ${noNumberSql(c)} AND NOT ${isCode} AND ${v} IS NULL${letter}`,
      ...only,
      value: c,
      texts: true,
      // A workbook's text cells: data.decimalComma reads delimited text only, so the advice differs.
      make: (f) => message(
        DECIMAL_COMMA.test(f.value) ? (/\.xlsx$/i.test(file) ? 'VALUE_DECIMAL_COMMA_TEXT_CELLS' : TYPED_FILE.test(file) ? 'VALUE_DECIMAL_COMMA_TEXT_COLUMN' : 'VALUE_DECIMAL_COMMA')
          : THOUSANDS.test(f.value) ? 'VALUE_THOUSANDS_SEPARATOR'
            // Hours written as a time ("12:30", "2:05:00"): CAPI exports and sheets saved as CSV write them so.
            : HOURS_ROLES.includes(rc.role) && CLOCK.test(f.value) ? 'VALUE_TIME_TEXT'
              // Survey Solutions' "##N/A##" (a question its condition disabled): not asked, not missing (a probe).
              : HOURS_ROLES.includes(rc.role) && f.value === NOT_ASKED_MARK ? 'VALUE_NOT_ASKED_MARK' : 'VALUE_NOT_NUMERIC',
        { ...base, ...f },
      ),
    });
    if (rc.role === 'weight') continue; // the weight probes below say it in the weight's words
    // "nan" (pandas' blank) is no value, not a NaN (NO_NUMBER_TOKENS); DuckDB casts it to NaN.
    probes.push({ where: `NOT ${isCode} AND NOT isfinite(${v}) AND NOT ${noNumberSql(c)}`, ...only, value: c, make: (f) => message('VALUE_NOT_FINITE', { ...base, ...f }) });
    if (rc.role === 'econHours' || rc.role === 'choresHours') {
      const h = numericColumnSql(rc.column, rc.source, declared);
      probes.push({
        where: `isfinite(${h}) AND (${h} < 0 OR ${h} > ${MAX_WEEK_HOURS})`,
        ...only,
        value: c,
        make: (f) => message('HOURS_OUT_OF_RANGE', { ...base, ...f }),
      });
    }
  }
  return [...probes, ...sumProbes(m, file, declared, scope)];
}

/** Numeric roles that place every row in the design, checked on every row. */
const DESIGN_NUMBERS = ['weight', 'age', 'fpc'];

/**
 * The rows a role of work or hazards is read for: children of the frameworks' ages (`ages`, from
 * agesCounted) in the universe. Their values elsewhere are in no estimate, so they stop nothing: a
 * household roster's adults, whose child questions hold "not applicable" (a probe: 1,270 adults
 * stopped the run with VALUE_NOT_NUMERIC). Without `ages`, every row.
 */
export function childScopeSql(m: Mapping, declared: DeclaredMissing, ages?: readonly [number, number]): string {
  return ages ? `(${ageSql(m, declared)} BETWEEN ${ages[0]} AND ${ages[1]} AND ${universeSql(m)})` : 'TRUE';
}

/**
 * Hours summed over several columns (per day, per activity): each column may be within 0-168 and
 * their sum not, when "don't know" codes that are not declared are added as hours (98 + 98 + 8 on
 * three days is 204 hours a week). Under either missing-hours policy the known parts alone must fit
 * in a week: their sum (knownHoursSql, the MICS convention's) above 168 is an error. Rows where a
 * column is itself out of range are left to that column's HOURS_OUT_OF_RANGE.
 */
function sumProbes(m: Mapping, file: string, declared: DeclaredMissing, scope: string): Probe[] {
  const probes: Probe[] = [];
  for (const [role, src] of [['econHours', m.econHours], ['choresHours', m.choresHours]] as const) {
    if (!src || src.columns.length < 2) continue;
    const each = src.columns.map((c) => `COALESCE(${numericColumnSql(c, src, declared)}, 0) BETWEEN 0 AND ${MAX_WEEK_HOURS}`);
    const sum = knownHoursSql(src, declared);
    probes.push({
      where: `${each.join(' AND ')} AND ${sum} > ${MAX_WEEK_HOURS}`,
      scope,
      value: `(CASE WHEN ${sum} = trunc(${sum}) THEN CAST(CAST(${sum} AS BIGINT) AS VARCHAR) ELSE CAST(${sum} AS VARCHAR) END)`,
      make: (f) => message('HOURS_SUM_OUT_OF_RANGE', { columns: src.columns.join(', '), role, file, ...f }),
    });
  }
  return probes;
}

/** The same column mapped to two roles (sex and area, age and weight): a warning naming the roles. */
export function sharedColumns(m: Mapping, file: string): Message[] {
  const roles = new Map<string, string[]>();
  for (const rc of mappedColumns(m)) {
    const list = roles.get(rc.column) ?? [];
    if (!list.includes(rc.role)) list.push(rc.role);
    roles.set(rc.column, list);
  }
  return [...roles].filter(([, r]) => r.length > 1).map(([column, r]) => message('COLUMN_IN_TWO_ROLES', { column, file, roles: r.join(', ') }));
}

/** A code column (sex, area; a recoded region or extra) checked against its codes: the rows with another code. */
interface CodeCheck {
  role: string;
  column: string;
  codes: readonly string[];
  where: string;
  /** The message of one code found (default CODE_NOT_MAPPED). */
  make?: (found: { value: string; count: number; row: number }) => Message;
}

/**
 * Checks of values in the raw file: numbers, weights, design columns, ages and codes. `counts`: how
 * many rows each condition of valueConditions() matches (the design pass counts them in its scan);
 * a check that matches none reads nothing more. `labels`: the file's, for the label of a code not mapped.
 */
export async function checkValues(engine: Engine, m: Mapping, file: string, counts?: Map<string, number>, labels?: DataLabels, ages?: readonly [number, number]): Promise<Message[]> {
  const declared = await readDeclaredMissing(engine);
  const { probes, codeChecks } = valueChecks(m, file, declared, ages);
  const codeMessages: Message[] = [];
  for (const { role, column: col, codes, where, make } of codeChecks) {
    if (counts && counts.get(where) === 0) continue;
    const c = ident(col);
    const rows = await engine.query(`SELECT ${c} AS v, COUNT(*)::BIGINT AS n, MIN(rowid)::BIGINT AS r FROM src WHERE ${where} GROUP BY 1 ORDER BY 3 LIMIT 5`);
    for (const r of rows) {
      const found = { value: String(r.v), count: Number(r.n), row: Number(r.r) + 1 };
      const label = labelOf(labels, col, found.value);
      codeMessages.push(make ? make(found) : message('CODE_NOT_MAPPED', { column: col, role, file, ...found, label, first: codes[0]!, second: codes[1]! }));
    }
  }
  const dotted = await dottedNumbers(engine, m, file);
  // "1.234,5" is text in a decimal-comma file: VALUE_DECIMAL_POINT says why, VALUE_NOT_NUMERIC would repeat it.
  const explained = new Set(dotted.map((d) => `${d.params.column}\u0001${d.params.value}`));
  const found = (await firstRows(engine, probes, 'src', counts)).filter((f) => !['VALUE_NOT_NUMERIC', 'VALUE_THOUSANDS_SEPARATOR'].includes(f.code) || !explained.has(`${f.params.column}\u0001${f.params.value}`));
  const numbers = labelRow(file, await repeatedHeader(engine, m, file, await emptyWeight(engine, m, file, found)));
  return [...(await totalRow(engine, m, file, declared)), ...(await clusterMissing(engine, m, file)), ...numbers, ...dotted, ...codeMessages, ...sharedColumns(m, file)];
}

/**
 * WEIGHT_MISSING on every row that needs a weight (all rows, or the universe's) is said as
 * WEIGHT_COLUMN_EMPTY: a list of rows "1, 2, 3, 4, 5, …" and advice about children not interviewed
 * hid that the column is not the weight, or that a merge brought none (a walk). One count, only when
 * the weight is missing somewhere.
 */
async function emptyWeight(engine: Engine, m: Mapping, file: string, found: Message[]): Promise<Message[]> {
  const at = found.findIndex((f) => f.code === 'WEIGHT_MISSING');
  if (at < 0) return found;
  const [r] = await engine.query(`SELECT COUNT(*)::BIGINT AS n FROM src WHERE ${universeSql(m)}`);
  const need = Number(r!.n);
  if (Number(found[at]!.params.count) !== need) return found;
  return found.map((f, i) => (i === at ? message('WEIGHT_COLUMN_EMPTY', { column: m.weight, file, count: need }) : f));
}

/**
 * Lines that repeat the header inside the data (files put one after the other, each with its header:
 * `cat` of two exports, a copy-paste of two sheets): looked for only when a numeric column holds its
 * own name as a text. Rows whose mapped columns hold their own names (or nothing), two or more of
 * them, are one error, DATA_HEADER_REPEATED, naming the rows; it replaces the VALUE_NOT_NUMERIC of
 * those cells. Not dropped: two files put together may hold some children twice, which only the
 * analyst can tell.
 */
async function repeatedHeader(engine: Engine, m: Mapping, file: string, found: Message[]): Promise<Message[]> {
  const own = (f: Message) => f.code === 'VALUE_NOT_NUMERIC' && String(f.params.texts).includes(`"${String(f.params.column)}": `);
  if (!found.some(own)) return found;
  const columns = [...new Set(mappedColumns(m).map((rc) => rc.column))];
  const named = columns.map((c) => `(${ident(c)} IS NOT DISTINCT FROM ${sqlString(c)})::INT`).join(' + ');
  const probe: Probe = {
    where: `${columns.map((c) => `(${blank(ident(c))} OR ${ident(c)} = ${sqlString(c)})`).join(' AND ')} AND ${named} >= ${Math.min(2, columns.length)}`,
    value: ident(columns[0]!),
    make: (f) => message('DATA_HEADER_REPEATED', { file, count: f.count, rows: f.rows, row: f.row }),
  };
  const [repeated] = await firstRows(engine, [probe]);
  if (!repeated) return found;
  // The cells of those rows are the header's names, not values: no VALUE_NOT_NUMERIC for them alone.
  const count = Number(repeated.params.count);
  return [repeated, ...found.filter((f) => !(own(f) && Number(f.params.count) === count && String(f.params.texts) === `"${String(f.params.column)}": ${count}`))];
}

/**
 * A row of labels under the header (names, then "Weight", "Age in years": a sheet saved with its
 * variable labels as a second header row): text in two or more numeric columns, the weight among
 * them, at row 1 and nowhere else. One error, DATA_LABEL_ROW, quoting the texts, replaces their VALUE_NOT_NUMERIC.
 */
function labelRow(file: string, found: Message[]): Message[] {
  const first = (f: Message) => f.code === 'VALUE_NOT_NUMERIC' && Number(f.params.row) === 1 && Number(f.params.count) === 1;
  const labels = found.filter(first);
  // A labels row labels the weight too; text in the weight alone, or in other columns alone, is what VALUE_NOT_NUMERIC says.
  if (labels.length < 2 || !labels.some((f) => f.params.role === 'weight')) return found;
  const texts = labels.map((f) => `"${String(f.params.value)}"`).join(', ');
  return [message('DATA_LABEL_ROW', { file, texts }), ...found.filter((f) => !first(f))];
}

/** Numeric roles with numbers written with a dot in a file read with a decimal comma (import/decimalComma.ts). */
async function dottedNumbers(engine: Engine, m: Mapping, file: string): Promise<Message[]> {
  const dotted = await readDotted(engine);
  if (!dotted.size) return [];
  const seen = new Set<string>();
  return mappedColumns(m).flatMap((rc) => {
    const d = dotted.get(rc.column);
    if (!rc.numeric || !d || seen.has(rc.column)) return [];
    seen.add(rc.column);
    return [message('VALUE_DECIMAL_POINT', { column: rc.column, role: rc.role, file, ...d })];
  });
}

/** The conditions over the raw table whose counts checkValues needs (for the design pass). */
export function valueConditions(m: Mapping, declared: DeclaredMissing): string[] {
  const { probes, codeChecks } = valueChecks(m, '', declared);
  return [...probes.map((p) => p.where), ...codeChecks.map((c) => c.where)];
}

/** The probes and code checks of checkValues. */
function valueChecks(m: Mapping, file: string, declared: DeclaredMissing, ages?: readonly [number, number]): { probes: Probe[]; codeChecks: CodeCheck[] } {
  const probes: Probe[] = numberProbes(m, file, declared, childScopeSql(m, declared, ages));
  const w = ident(m.weight);
  // The weight as the run reads it (mapping.ts): NULL for a blank or a declared missing code.
  // The weight as the run reads it (mapping.ts weightSql: 0 outside the universe where the cell has none),
  // the pass's typed `_w`, so these probes count over it; the same rows as over the parsed cell.
  const wv = weightSql(m, declared);
  const rawWeight = numericColumnSql(m.weight, { columns: [m.weight] }, declared);
  probes.push(
    // Outside the universe a missing weight is read as 0 (mapping.ts weightSql): said, not an error.
    { where: `${noValueSql(m.weight, declared, true)} AND ${universeSql(m)}`, value: w, make: (f) => message('WEIGHT_MISSING', { column: m.weight, file, ...f }) },
    ...(m.universe
      ? [{ where: `${noValueSql(m.weight, declared, true)} AND NOT ${universeSql(m)}`, value: w, make: (f: ProbeFirst) => message('WEIGHT_MISSING_OUTSIDE_UNIVERSE', { column: m.weight, file, ...f }) }]
      : []),
    { where: `NOT isfinite(${wv})`, value: w, make: (f) => message('WEIGHT_NOT_FINITE', { column: m.weight, file, ...f }) },
    // -Inf is said once, as not finite.
    { where: `isfinite(${wv}) AND ${wv} < 0`, value: w, make: (f) => message('WEIGHT_NEGATIVE', { column: m.weight, file, ...f }) },
    // Zero weights outside the universe are the rule (MICS: incomplete interviews): said only inside it.
    { where: `${wv} = 0 AND ${universeSql(m)}`, value: w, make: (f) => message('WEIGHT_ZERO', { column: m.weight, file, ...f }) },
    // Weights divided (implied decimals, DHS's x 1,000,000) are whole numbers as written: a fraction says
    // the file's are in units already (a probe: 2176.45 divided by 100, every total 100 times too small).
    ...(m.weightDivisor && m.weightDivisor !== 1
      ? [{ where: `${rawWeight} <> floor(${rawWeight})`, value: w, make: (f: ProbeFirst) => message('WEIGHT_DIVISOR_DECIMALS', { column: m.weight, file, divisor: m.weightDivisor!, ...f }) }]
      : []),
  );
  if (m.stratum) {
    const s = ident(m.stratum);
    probes.push({ where: noValueSql(m.stratum, declared), value: s, make: (f) => message('STRATUM_MISSING', { column: m.stratum!, file, ...f }) });
  }
  if (m.psu) {
    const s = ident(m.psu);
    probes.push({ where: noValueSql(m.psu, declared), value: s, make: (f) => message('PSU_MISSING', { column: m.psu!, file, ...f }) });
  }
  if (m.fpc) {
    const s = ident(m.fpc);
    probes.push({
      where: `NOT (TRY_CAST(${s} AS DOUBLE) > 0)`,
      value: s,
      make: (f) => message('FPC_INVALID', { column: m.fpc!, file, detail: `"${f.value}" is not a positive number`, ...f }),
    });
  }
  const a = ident(m.age);
  probes.push({
    where: ageInvalidSql(m, declared),
    value: a,
    make: (f) => message('AGE_INVALID', { column: m.age, file, ...f }),
  }, {
    where: ageTopCodeSql(a),
    value: a,
    make: (f) => message('AGE_TOP_CODED', { column: m.age, file, ...f }),
  }, {
    where: ageFractionSql(m, declared),
    value: a,
    make: (f) => message('AGE_FRACTIONAL', { column: m.age, file, ...f, whole: String(Math.floor(Number(f.value.trim().replace(',', '.')))) }),
  });
  const codeChecks: CodeCheck[] = [];
  for (const [role, col, codes] of [
    ['sex', m.sex.column, [m.sex.male, m.sex.female]],
    ...(m.area ? [['area', m.area.column, [m.area.urban, m.area.rural]] as const] : []),
  ] as const) {
    const c = ident(col);
    const known = [...codeVariants(codes), ...(declared[col] ?? [])];
    // As the run reads the cells (categorySql: "1.00" is "1"); a declared code as written.
    codeChecks.push({ role, column: col, codes, where: `NOT ${blank(c)} AND NOT ${inList(c, known)} AND NOT ${inList(wholeCodeSql(c), known)}` });
  }
  codeChecks.push(...recodeChecks(m, file, declared));
  return { probes, codeChecks };
}

/**
 * Harmonisation recodes (mapping.region.recode, mapping.recode): a code of the file the recode does not
 * list stays as written (a warning naming it); one that is itself a shared code of the recode would be
 * merged into that category without being listed, so it stops the run (RECODE_CODE_CLASH).
 */
function recodeChecks(m: Mapping, file: string, declared: DeclaredMissing): CodeCheck[] {
  const out: CodeCheck[] = [];
  const recoded: [string, string, Record<string, string>][] = [];
  if (m.region?.recode) recoded.push(['region', m.region.column, m.region.recode]);
  for (const [col, r] of Object.entries(m.recode ?? {})) recoded.push([`extra ${col}`, col, r]);
  for (const [role, column, recode] of recoded) {
    const v = categorySql(column, declared);
    const listed = recodePairs(recode).map(([from]) => from);
    if (!listed.length) continue;
    const shared = [...new Set(Object.values(recode))];
    const base = `${v} IS NOT NULL AND ${v} NOT IN (${listed.map(sqlString).join(', ')})`;
    const clash = `${v} IN (${shared.map(sqlString).join(', ')})`;
    out.push(
      { role, column, codes: listed, where: `${base} AND NOT ${clash}`, make: (f) => message('RECODE_CODE_NOT_LISTED', { file, column, role, ...f }) },
      { role, column, codes: listed, where: `${base} AND ${clash}`, make: (f) => message('RECODE_CODE_CLASH', { file, column, role, ...f }) },
    );
  }
  return out;
}
