import type { DeclaredMissing } from './import/declaredMissing.js';
import { ident, sqlString } from './engine/values.js';
import { emptySql, noNumberSql, universeSql } from './mapping.js';
import { inList } from './codeForms.js';
import type { Mapping } from './types.js';
import { UNKNOWN_WORDS } from './unknownWords.js';

/**
 * How the validation reads an age cell (checkValues.ts), beside mapping.ts ageSql, which reads the
 * number: no value, a don't-know word, an adult's top code, an age with a fraction, an invalid age.
 * Cells of `src` are stored trimmed (import/trimSpaces.ts).
 */

/**
 * A cell with no value: blank, or a code the file declares missing (an SPSS user-missing value, a
 * Stata .a-.z); in a column of numbers (`numeric`) also NA or "." (mapping.ts noNumberSql). For the
 * weight, stratum and PSU both are "no value": the run cannot place the row.
 */
export function noValueSql(column: string, declared: DeclaredMissing, numeric = false): string {
  const c = ident(column);
  const codes = declared[column] ?? [];
  const none = numeric ? noNumberSql(c) : emptySql(c);
  return codes.length ? `(${none} OR ${inList(c, codes)})` : none;
}

/**
 * Rows whose age leaves them out of every domain: no age (blank or declared missing) in the universe,
 * or an age that is not a whole number of 0-120. No age outside the universe is not said: MICS rows of
 * incomplete interviews (FS17 not 1) have none, by design. (AGE_INVALID, and the report's count.)
 */
export function ageInvalidSql(m: Mapping, declared: DeclaredMissing): string {
  const noAge = noValueSql(m.age, declared, true);
  const av = `TRY_CAST(${ident(m.age)} AS DOUBLE)`;
  return `(${noAge} AND ${universeSql(m)}) OR (NOT ${noAge} AND NOT ${ageTopCodeSql(ident(m.age))} AND (${av} IS NULL OR ${av} < 0 OR ${av} > 120))`;
}

/** The lowest age a top code may name: far above any child's or youth's age band. */
const TOP_CODE_FROM = 50;

/**
 * An adult's age written as a top code with its value label ("95+", "95 ans et plus", "95 years and
 * over", "95 años y más": DHS's hv105 and MICS's HL6 as Stata's `export delimited` writes a labelled
 * column): no number, so no age (R's and Stata's reading too), in no domain; an adult, so in no child's
 * estimate either. Said by AGE_TOP_CODED, not stopped as text in the age (a run of a household roster
 * stopped on its oldest members). A top code under 50 ("15+") is no adult's: it stays an error.
 * The pattern only where the cell is no number (35-45 ms at 2M rows natively).
 */
const TOP_CODE = `'^[0-9]+ ?([+]|((ans|years|años|anos) ?)?(et plus|ou plus|and over|and older|or more|or older|y más|o más|y mas|o mas))$'`;
export const ageTopCodeSql = (c: string) =>
  `(TRY_CAST(${c} AS DOUBLE) IS NULL AND regexp_matches(lower(${c}), ${TOP_CODE}) AND TRY_CAST(regexp_extract(${c}, '^[0-9]+') AS INTEGER) >= ${TOP_CODE_FROM})`;

/** An age in 0-120 with a fraction (11.73): read as its completed years (mapping.ts ageSql), said once. */
export function ageFractionSql(m: Mapping, declared: DeclaredMissing): string {
  const av = `TRY_CAST(${ident(m.age)} AS DOUBLE)`;
  return `(NOT ${noValueSql(m.age, declared, true)} AND ${av} BETWEEN 0 AND 120 AND ${av} <> floor(${av}))`;
}

/** An unknown age written in words (en, fr, es), as value labels exported as text write MICS's 98. */
export const ageUnknownSql = (c: string) => `lower(${c}) IN (${UNKNOWN_WORDS.map(sqlString).join(', ')})`;
