import { sqlString } from './engine/values.js';

/**
 * How cells write a code: the spellings of a whole number ("98", "98.0", "098") and of a code with
 * letters (capitals, accents, Unicode forms), and the SQL test of a cell holding one of them. The
 * mapping's SQL (mapping.ts), the checks and the R and Stata exports all read codes through these.
 */

/**
 * `expr` is one of `codes`, a whole-number code in any of its spellings (codeVariants: "98", "98.0",
 * "98.00", "098"). Those are one regular expression, not a list of each spelling: DuckDB plans the
 * validation's one pass, where each hours column of a sum repeats its codes in dozens of conditions,
 * in a time that grows faster than the lists (a probe's 13 hours and 9 hazard columns took 213 s to
 * validate with the spellings listed, 16 s before them, 14.5 s so). The pattern is wholeForms's rule
 * (up to three zero decimals or a bare point; zero-filled to four characters), written once more as a
 * pattern: the two change together. Other codes (with letters) as a list. The same NULL for a NULL cell.
 */
export function inList(expr: string, codes: readonly string[]): string {
  if (!codes.length) return 'FALSE';
  const whole = new Set<string>();
  const other: string[] = [];
  for (const c of codes) {
    const w = /^(-?)0*([0-9]+?)(?:\.0*)?$/.exec(c);
    if (w) whole.add(w[1] ? `-${w[2]}` : `0{0,${Math.max(0, 4 - w[2]!.length)}}${w[2]}`);
    else other.push(c);
  }
  const parts = [
    ...(whole.size ? [`regexp_full_match(${expr}, ${sqlString(`(?:${[...whole].join('|')})(?:\\.0{0,3})?`)})`] : []),
    ...(other.length ? [`${expr} IN (${other.map(sqlString).join(', ')})`] : []),
  ];
  return parts.length > 1 ? `(${parts.join(' OR ')})` : parts[0]!;
}

/**
 * The codes of a numeric or yes/no role as cells write them. A whole-number code also with a zero
 * fraction of one to three places or a bare point ("98.0" from pandas, whose float columns write every
 * number so; "98.00" from Excel's "Save as CSV" of a column formatted 0.00; "98.") and with leading
 * zeros to four characters ("098", "01": a CSPro export's zero fill, as recodePairs reads keys).
 * Without them a declared "98" let "98.00" and "098" through as 98 hours a day (a probe: SDG child
 * labour 0.505 against R's 0.483, no message), and a yes "1" read "1.00" as no. A code with letters
 * also in other capitals and Unicode forms (textForms). The R script and the do-file list them; the
 * app's SQL tests the whole numbers' spellings as one pattern (inList). Not read: "+98", "9.8E1" (no
 * survey export writes a code so).
 */
export function codeVariants(codes: readonly string[]): string[] {
  return [...new Set(codes.flatMap((c) => {
    if (/^-?[0-9]+$/.test(c)) return wholeForms(c);
    // A code given as the cells of a pandas export write it ("1.0", the Map step offers those): also
    // the whole number, as categories are read (wholeCodeSql) and as other files write it.
    if (/^-?[0-9]+\.0+$/.test(c)) return [c, ...wholeForms(wholeCode(c))];
    return textForms(c);
  }))];
}

/** A whole number w as cells write it: w, w., w.0, w.00, w.000, and (w >= 0) zero-filled to four characters. */
function wholeForms(w: string): string[] {
  const filled = /^[0-9]{1,3}$/.test(w) ? [2, 3, 4].filter((k) => k > w.length).map((k) => w.padStart(k, '0')) : [];
  return [w, `${w}.`, `${w}.0`, `${w}.00`, `${w}.000`, ...filled];
}

/**
 * A code with letters as hand-keyed and exported files also write it: in small letters, in capitals
 * or with a first capital ("m" among "M", "FÉMININ" for "Féminin"; a boolean's true, TRUE and True, as
 * Parquet and R, Excel and pandas write it), and each of those in both Unicode
 * forms, one character for "é" (NFC, as keyboards type it) or "e" and a combining accent (NFD, as
 * macOS exports write it): they look the same on screen, so the advice "add the code" could not be
 * followed (two probes: 25 children keyed "m"/"f" and every girl of an NFD file out of the sex cells).
 * No survey codes two answers by case or accents alone. Codes without letters are left as they are.
 */
function textForms(c: string): string[] {
  if (!/\p{L}/u.test(c)) return [c];
  const cases = [c, c.toLowerCase(), c.toUpperCase(), c.charAt(0).toUpperCase() + c.slice(1).toLowerCase()];
  // And without their accents: French CSPro and keyed exports write labels in capitals without them
  // ("FEMININ" for "Féminin"; a probe put every girl in no sex group, while "URBAIN" matched "Urbain").
  const bare = (x: string) => x.normalize('NFD').replace(/\p{M}/gu, '');
  return [...new Set(cases.flatMap((x) => [x, x.normalize('NFC'), x.normalize('NFD'), bare(x)]))];
}

/**
 * The other spellings of each of a role's codes (codeVariants), each to the code the mapping names:
 * [["1.0", "1"], ["2.0", "2"]]. The R script and the Stata do-file rewrite them so that their cells
 * carry the mapping's codes, as the app's results do.
 */
export const codeSpellings = (codes: readonly string[]): [string, string][] =>
  codes.flatMap((c) => codeVariants([c]).filter((v) => v !== c).map((v): [string, string] => [v, c]));

/** `expr` holds one of `codes` as cells write them (codeVariants): "1" and "1.0" for a mapped "1". */
export const codeInSql = (expr: string, codes: readonly string[]): string => inList(expr, codeVariants(codes));

/** wholeCodeSql in TypeScript, for codes the analysis file writes (recode keys). */
export const wholeCode = (code: string): string => {
  const t = code.trim();
  return /^-?[0-9]+\.0+$/.test(t) ? t.split('.')[0]! : t;
};
