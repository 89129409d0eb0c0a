import type { Flag } from '../smallCell.js';
import type { Lang } from '../export/i18n.js';
import { LOCALES } from '../i18n/lang.js';

/**
 * How numbers are written, per language, in every medium (screen, workbook text, report, chart
 * labels). One place, so that "18.5" on screen is "18.5" in the report and "18,5" in both in French.
 *
 * - Proportions are shown as percentages with one decimal; standard errors in percentage points
 *   with two; counts as whole numbers with the language's grouping.
 * - A flag wraps the text: "(18.5)" to read with caution, "*" suppressed (the number is withheld).
 * - MISSING ("–", an en dash) is the one rendering of "no figure here" (not estimated, or withheld
 *   beside a suppressed estimate), explained by a table note. Machine formats (the CSV, the long
 *   sheet of the workbook) keep their own empty/NA cells: they are data, not presentation.
 */
export const MISSING = '\u2013';

/** The Intl locale of a language: the catalogue's (analysis/i18n/lang.ts), so texts and tables agree. */
export const localeOf = (lang: Lang): string => (LOCALES as Record<string, string>)[lang] ?? lang;

const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: Lang, digits: number, signed = false): Intl.NumberFormat {
  const key = `${lang}|${digits}|${signed}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(localeOf(lang), { minimumFractionDigits: digits, maximumFractionDigits: digits, ...(signed ? { signDisplay: 'exceptZero' } : {}) });
    formats.set(key, f);
  }
  return f;
}

const known = (x: number | null | undefined): x is number => x !== null && x !== undefined && Number.isFinite(x);

/** A number with a fixed number of decimals ("1,234.5"; "1 234,5" in French). */
export function formatNumber(lang: Lang, x: number | null | undefined, digits: number): string {
  return known(x) ? numberFormat(lang, digits).format(x) : MISSING;
}

/** A proportion as a percentage without the sign: 0.18471 -> "18.5". */
export function formatPercent(lang: Lang, p: number | null | undefined, digits = 1): string {
  return known(p) ? formatNumber(lang, p * 100, digits) : MISSING;
}

/** A difference of proportions in percentage points, always signed: "+6.8", "-0.2". */
export function formatPoints(lang: Lang, d: number | null | undefined, digits = 1): string {
  return known(d) ? numberFormat(lang, digits, true).format(d * 100) : MISSING;
}

/** A count of cases or of weighted children: "1,234". */
export function formatCount(lang: Lang, n: number | null | undefined): string {
  return formatNumber(lang, n, 0);
}

/** A p-value: three decimals, "<0.001" below that. */
export function formatP(lang: Lang, p: number | null | undefined): string {
  if (!known(p)) return MISSING;
  return p < 0.001 ? `<${formatNumber(lang, 0.001, 3)}` : formatNumber(lang, p, 3);
}

/** A figure's text under its flag: "(18.5)" for caution, "*" when suppressed. */
export function withFlag(text: string, flag: Flag | null): string {
  if (flag === 'suppressed') return '*';
  return flag === 'caution' && text !== MISSING ? `(${text})` : text;
}

/** The confidence level for headers: "95", or "99.5". */
export const levelText = (lang: Lang, level: number) => formatNumber(lang, level * 100, Number.isInteger(Math.round(level * 1000) / 10) ? 0 : 1);

/**
 * When an export was made, for a reader: "2026-12-06 03:21 UTC" from the metadata's ISO time
 * (2026-12-06T03:21:23.294Z). Digits in every language, the same in Node and in the browser (no
 * locale data); the metadata keep the full ISO time.
 */
export function formatCreated(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return m ? `${m[1]} ${m[2]} UTC` : iso;
}
