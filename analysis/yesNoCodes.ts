import type { Engine } from './engine/engine.js';
import { ident, sqlString } from './engine/values.js';
import type { DeclaredMissing } from './import/declaredMissing.js';
import type { DataLabels } from './import/labels.js';
import { firstRows } from './checkValues.js';
import { codeWithLabel, labelOf } from './codesPresent.js';
import { choiceCodes, choiceListSql, codesAside, missingIn, NO_NUMBER_TOKENS, noNumberSql, sourceColumns } from './mapping.js';
import { codeVariants, inList } from './codeForms.js';
import { message, type Message } from './messages.js';
import type { ColumnSource, Mapping } from './types.js';

/**
 * Codes of a yes/no column read as "no" without being a "no". A yes/no role (econActivity,
 * absentFromJob, a hazard) reads its yes codes as yes, blanks by its blank rule, missing codes (its
 * own, the file's declared ones, missingFrom) as unknown, and every other value as no (mapping.ts
 * yesNoColumnSql). A "don't know" 8 or 9, an "NA" or a "." that the analysis does not declare is then
 * counted as "no", silently: a CSV of a MICS .sav loses the file's declarations, and R or Stata
 * exports write NA or "." for missing.
 *
 * The rule: a value is suspect when it is neither a yes code, nor missing, nor one of the usual ways
 * of writing "no" (USUAL_NO: 0, 2, no, non, não, false and their capitals). A cheap superset is counted in
 * the validation's one pass (yesNoCodeCounts, designPass.ts); only a column that may have some is read
 * again, with the exact test, for its count and first five such values.
 */
const USUAL_NO = [
  // 0 and 2 as cells write codes ("2.0", "2.00", "02": codeVariants).
  ...codeVariants(['0', '2']), 'no', 'No', 'NO', 'n', 'N', 'non', 'Non', 'NON', 'false', 'False', 'FALSE',
  // Portuguese (MICS and DHS of Lusophone countries write Sim/Não): a probe's every Sim/Não column was suspect.
  ...['não', 'Não', 'NÃO', 'nao', 'Nao', 'NAO'].flatMap((w) => [w, w.normalize('NFD')]),
].filter((w, i, all) => all.indexOf(w) === i);
/**
 * "NaN" (R's or MATLAB's not-a-number) is no answer and no "no": as in the numeric roles
 * (checkValues.ts), it stops the run (VALUE_NOT_FINITE, from yesNoCodes) unless declared missing. A
 * probe found it read as "no" with a warning, while R reads NA.
 */
const NOT_A_NUMBER = ['NaN'];
/**
 * Ways of writing "yes" (BOOLEAN columns of Parquet, R and pandas; English, French, Spanish and
 * Portuguese words and their initials: S/N in Spanish, O/N in French). The Map step suggests a column's
 * yes code from it (renderer/model/suggestMapping.ts).
 */
export const USUAL_YES = [
  'true', 'True', 'TRUE', 'yes', 'Yes', 'YES', 'y', 'Y', 'oui', 'Oui', 'OUI', 'o', 'O', 'sí', 'Sí', 'SÍ', 'si', 'Si', 'SI', 's', 'S', 'sim', 'Sim', 'SIM',
];

/** A yes code written with leading zeros ("01", "001" for 1). */
const paddedYes = (v: string, yes: readonly string[]) => /^0+[0-9]+$/.test(v) && yes.some((y) => /^[0-9]+$/.test(y) && Number(y) === Number(v));

const wordIn = (w: string, words: readonly string[]) => words.some((x) => x.toLowerCase() === w.toLowerCase());
/** "1. Yes" (its label a yes word, or its code a yes code and its label no "no"): a way of writing yes. */
const labelledYes = (v: string, yes: readonly string[]) => {
  const c = codeWithLabel(v);
  return c !== null && (wordIn(c.label, USUAL_YES) || (yes.some((y) => /^[0-9]+$/.test(y) && Number(y) === Number(c.code)) && !wordIn(c.label, USUAL_NO)));
};
/** "2. No", "0 Non": a usual no written with its label (its code 0 or 2, its label a no word), as SQL. */
const LABELLED_NO_SQL = (c: string) =>
  `regexp_full_match(${c}, '\\s*0*[02]\\s*[.:)-]?\\s+(?i:no|non|n[aã]o|false)\\s*')`;

/** The yes/no columns checked: each column of econActivity, absentFromJob and the hazards, with its role. */
function yesNoColumns(m: Mapping): { role: string; column: string; src: ColumnSource }[] {
  return sourceColumns(m, (r) => r === 'econActivity' || r === 'absentFromJob' || r.startsWith('hazards.'));
}

/** The values of a yes/no column that are not suspect: its yes and missing codes (as cells write them) and the usual no's. */
function knownCodes(column: string, src: ColumnSource, declared: DeclaredMissing): string[] {
  return [...new Set([...codeVariants([...(src.yes ?? ['1']), ...codesAside(column, src, declared)]), ...USUAL_NO, ...NOT_A_NUMBER])];
}

/** The cells of one yes/no column read as "no" that are not a usual "no" (text tests, one number test for missingFrom). */
function suspectSql(column: string, src: ColumnSource, declared: DeclaredMissing): string {
  const c = ident(column);
  const known = knownCodes(column, src, declared);
  const from = src.missingFrom !== undefined ? ` AND NOT COALESCE(TRY_CAST(${c} AS DOUBLE) >= ${Number(src.missingFrom)}, FALSE)` : '';
  // A list of choices ("1 3", select_multiple) is read by its codes (mapping.ts choiceListSql): said apart.
  return `(NOT ${noNumberSql(c)} AND NOT ${inList(c, known)}${from} AND NOT ${choiceListSql(c)} AND NOT ${LABELLED_NO_SQL(c)})`;
}

/**
 * The conditions to count, by key (`yn<i>`: column i may hold such cells), for the validation's pass:
 * a cheap superset, a cell other than blank and the usual 0, 1, 2 (one short list per cell; the whole
 * list of suspectSql cost DuckDB-WASM 0.4-0.9 s over six columns at 2M children). yesNoCodes reads a
 * column that has some again with the exact test.
 */
export function yesNoCodeCounts(m: Mapping, declared: DeclaredMissing): Record<string, string> {
  return Object.fromEntries(yesNoColumns(m).map((c, i) => {
    const known = knownCodes(c.column, c.src, declared);
    // Blank, NA and "." are no answer (mapping.ts noNumberSql), not a code read as no.
    const usual = [...['', ...NO_NUMBER_TOKENS], ...['0', '1', '2'].filter((v) => known.includes(v))];
    return [[`yn${i}`, `NOT ${inList(ident(c.column), usual)}`], [`yl${i}`, choiceListSql(ident(c.column))]];
  }).flat());
}

/**
 * One warning (YESNO_CODES_READ_AS_NO) per yes/no column with such cells among the children in scope
 * (`scope`: a roster's adults, whose child questions hold "not applicable", are in no estimate; a probe
 * counted their 1,270 cells), naming its first five values
 * (and their labels); an error (YESNO_YES_IS_LABEL) when one of them is the code whose label the
 * mapping gives as its yes code.
 */
export async function yesNoCodes(
  engine: Engine, m: Mapping, file: string, declared: DeclaredMissing, counts: Record<string, number>, labels?: DataLabels, table = 'src', scope = 'TRUE',
): Promise<Message[]> {
  const out: Message[] = [];
  for (const [i, { role, column, src }] of yesNoColumns(m).entries()) {
    const lists = counts[`yl${i}`] ?? 0;
    if (lists > 0) out.push(message('YESNO_CHOICE_LISTS', { file, column, role, count: lists, yes: choiceCodes(src.yes ?? ['1']).join(' ') || '-' }));
    if ((counts[`yn${i}`] ?? 0) === 0) continue;
    const c = ident(column);
    if (!missingIn(column, src, declared).includes('NaN')) {
      // Its rows as the numeric roles' VALUE_NOT_FINITE lists them (checkValues.ts firstRows).
      // A roster's adults' NaN is in no estimate: the children's scope, as the numeric roles' (checkValues.ts).
      out.push(...await firstRows(engine, [{ where: `${c} = 'NaN'`, scope, value: c, make: (f) => message('VALUE_NOT_FINITE', { column, role, file, ...f }) }], table));
    }
    const rows = await engine.query(
      `SELECT v, n, r, (sum(n) OVER ())::BIGINT AS total FROM (SELECT ${c} AS v, COUNT(*)::BIGINT AS n, MIN(rowid)::BIGINT AS r FROM ${table} WHERE ${suspectSql(column, src, declared)} AND ${scope} GROUP BY 1) ORDER BY r LIMIT 5`,
    );
    if (!rows.length) continue;
    const count = Number(rows[0]!.total);
    const found = rows.map((r) => ({ v: String(r.v), n: Number(r.n), r: Number(r.r) }));
    // A yes code typed as the label of a code the cells hold ("YES" for 1 in a .sav): no cell is yes.
    const own = labels?.values[column] ?? {};
    const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
    const typed = found.find((f) => own[f.v] !== undefined && (src.yes ?? ['1']).some((y) => same(y, own[f.v]!)));
    if (typed) {
      out.push(message('YESNO_YES_IS_LABEL', { file, column, role, code: typed.v, count: typed.n, row: typed.r + 1, yes: (src.yes ?? ['1']).map((y) => `"${y}"`).join(', ') }));
      continue;
    }
    // Every such value a way of writing "yes" (a Parquet or R BOOLEAN's "true", "yes", "oui"; "01" for
    // a yes code 1, as a CSPro export with zero fill writes it): the advice is to declare them as the
    // yes codes, not as missing.
    const yesLike = found.filter((f) => USUAL_YES.includes(f.v) || paddedYes(f.v, src.yes ?? ['1']) || labelledYes(f.v, src.yes ?? ['1']));
    const yesWords = yesLike.length === found.length && rows.length < 5;
    // No cell at its yes code (a Parquet BOOLEAN's true/false, labels exported as Yes/No, with yes left
    // at 1; "01" beside a "09" don't know in a probe): every yes of the column would be a no, an error
    // (ILO hazardous work 0.083 -> 0.037 in a probe). Beside cells at the yes code, a few stray "S" or
    // "O" stay a warning.
    const none = yesLike.length > 0 && Number((await engine.query(
      `SELECT COUNT(*)::BIGINT AS n FROM ${table} WHERE ${c} IN (${codeVariants(src.yes ?? ['1']).map(sqlString).join(', ')})`,
    ))[0]!.n) === 0;
    // The run stops over the yes codes: those are named (a "09" beside them is another message's matter).
    const named = none ? yesLike : found;
    out.push(message(none ? 'YESNO_YES_NONE' : yesWords ? 'YESNO_YES_READ_AS_NO' : 'YESNO_CODES_READ_AS_NO', {
      file, column, role, count: none ? named.reduce((n, f) => n + f.n, 0) : count,
      codes: named.map((f) => `"${f.v}"${labelOf(labels, column, f.v)} (${f.n})`).join(', ') + (rows.length === 5 && !none ? ', ...' : ''),
      row: Math.min(...named.map((f) => f.r)) + 1,
      yes: (src.yes ?? ['1']).map((y) => `"${y}"`).join(', '),
      // The yes codes to write: the role's own and these. In the app one box holds the yes codes of
      // every hazard column: "true" alone there would make the other columns' 1 a no (a walk: hazardous
      // work 6.1 % -> 3.0 %).
      list: yesWords || none ? [...new Set([...(src.yes ?? ['1']), ...named.map((f) => f.v)])].map((v) => `"${v}"`).join(', ') : found.map((f) => `"${f.v}"`).join(', '),
    }));
  }
  return out;
}
