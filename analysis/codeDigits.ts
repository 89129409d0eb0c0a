import type { Engine } from './engine/engine.js';
import type { DeclaredMissing } from './import/declaredMissing.js';
import { ident } from './engine/values.js';
import { categorySql, missingCodeSql, numericColumnSql, sectionLetterSql } from './mapping.js';
import { message, type Message } from './messages.js';
import type { Mapping } from './types.js';

/**
 * Industry and occupation codes of a width no hazardous list can match. The frameworks name ISIC Rev.4
 * divisions (2 digits; classes of 4 digits are read through their division) and ISCO-08 unit groups
 * (4 digits). Two widths are read wrong in silence otherwise (a probe of LFS files):
 * - 5 digits or more: a national classification extending ISIC or ISCO ("05100", "711201"). Read as a
 *   class, "05100" is division 51 and "41000" division 410: mining and construction leave hazardous
 *   work. No reading is right (the digits that make the division are the first two of the text, which
 *   a number stored without its leading zero has lost), so it stops the run: INDUSTRY_CODE_DIGITS,
 *   OCCUPATION_CODE_DIGITS.
 * - an occupation of 1-3 digits (ISCO minor, sub-major or major groups, "931"): no 4-digit unit group
 *   of the list can match it, so no such child is in a hazardous occupation: OCCUPATION_NOT_UNIT_GROUPS
 *   (a warning: the other criteria still count). 110, 210 and 310 are the armed forces' unit groups
 *   0110-0310 stored as numbers, and are no short code.
 * And an industry written as ISIC section letters ("B", "F"), read as each section's first division
 * (mapping.ts ISIC_SECTIONS): said (INDUSTRY_SECTIONS, a note), since a list naming part of a section
 * cannot apply to them; they were refused before, and the advice to declare them missing lost every
 * hazardous industry in silence.
 * Codes set aside (the role's missing codes, the file's declared ones) are not counted. The tests read
 * the cell's text (as the run reads a code: "931.0" is "931"), and are counted with the validation's
 * other conditions in its one pass.
 */
const digits = (cat: string, test: string) => `(${test} AND regexp_full_match(${cat}, '[0-9]+'))`;

function roleSql(column: string, missingCodes: string[] | undefined, declared: DeclaredMissing) {
  const cat = categorySql(column, declared);
  const v = numericColumnSql(column, { columns: [column], ...(missingCodes ? { missingCodes } : {}) }, declared);
  return {
    long: `${digits(cat, `length(${cat}) >= 5`)} AND ${v} IS NOT NULL`,
    short: `${digits(cat, `length(${cat}) <= 3`)} AND ${v} BETWEEN 1 AND 999 AND ${v} NOT IN (110, 210, 310)`,
    cat,
  };
}

/** An industry cell read as an ISIC section letter (mapping.ts industrySql), said as INDUSTRY_SECTIONS. */
const sectionSql = (column: string, missingCodes: string[] | undefined, declared: DeclaredMissing) =>
  `${sectionLetterSql(ident(column))} AND NOT ${missingCodeSql(column, { missingCodes }, declared)}`;

/**
 * The lists the analysis's frameworks use: a column whose list no framework uses is not checked (a
 * custom framework without hazardous industries is not stopped by their codes; a review).
 */
export interface ListsUsed {
  industry: boolean;
  occupation: boolean;
}

/** The conditions counted, by key: `cd_ind_long`, `cd_ind_sections`, `cd_occ_long`, `cd_occ_short`. */
export function codeDigitCounts(m: Mapping, declared: DeclaredMissing, used: ListsUsed): Record<string, string> {
  const out: Record<string, string> = {};
  if (m.industry && used.industry) {
    out.cd_ind_long = roleSql(m.industry.column, m.industry.missingCodes, declared).long;
    out.cd_ind_sections = sectionSql(m.industry.column, m.industry.missingCodes, declared);
  }
  if (m.occupation && used.occupation) {
    const o = roleSql(m.occupation.column, m.occupation.missingCodes, declared);
    out.cd_occ_long = o.long;
    out.cd_occ_short = o.short;
  }
  return out;
}

/** The messages for the counts of codeDigitCounts; the first row and value of each from the raw table. */
export async function codeDigits(engine: Engine, m: Mapping, file: string, declared: DeclaredMissing, counts: Record<string, number>, table = 'src'): Promise<Message[]> {
  const out: Message[] = [];
  const first = async (cond: string, cat: string) => {
    const [r] = await engine.query(`SELECT ${cat} AS v, rowid::BIGINT AS r FROM ${table} WHERE ${cond} ORDER BY rowid LIMIT 1`);
    return { value: String(r?.v ?? ''), row: Number(r?.r ?? 0) + 1 };
  };
  const n = (k: string) => Number(counts[k] ?? 0);
  if (m.industry && n('cd_ind_long') > 0) {
    const s = roleSql(m.industry.column, m.industry.missingCodes, declared);
    out.push(message('INDUSTRY_CODE_DIGITS', { file, column: m.industry.column, count: n('cd_ind_long'), ...(await first(s.long, s.cat)) }));
  }
  if (m.industry && n('cd_ind_sections') > 0) {
    const cond = sectionSql(m.industry.column, m.industry.missingCodes, declared);
    out.push(message('INDUSTRY_SECTIONS', { file, column: m.industry.column, count: n('cd_ind_sections'), ...(await first(cond, ident(m.industry.column))) }));
  }
  if (m.occupation) {
    const s = roleSql(m.occupation.column, m.occupation.missingCodes, declared);
    if (n('cd_occ_long') > 0) {
      out.push(message('OCCUPATION_CODE_DIGITS', { file, column: m.occupation.column, count: n('cd_occ_long'), ...(await first(s.long, s.cat)) }));
    } else if (n('cd_occ_short') > 0) {
      out.push(message('OCCUPATION_NOT_UNIT_GROUPS', { file, column: m.occupation.column, count: n('cd_occ_short'), ...(await first(s.short, s.cat)) }));
    }
  }
  return out;
}
