import { elements } from './xlsxXml.js';

/**
 * Cells an Excel workbook shows as a time or a duration: "12:30" is stored as 0.5208333 (a fraction of
 * a day) with a number format such as `[h]:mm` or `h:mm` (ECMA-376 Part 1, 18.8.30-31: built-in formats
 * 18-21 and 45-47, or a workbook's own format code). CAPI exports and sheets typed by hand store hours
 * so; read as the stored number, 12:30 was 0.52 hours and every hours threshold missed in silence (a
 * probe: SDG 8.7.1 child labour 0.157 instead of 0.361). They are read as Excel shows them, in hours
 * (12:30 is 12.5), and said (DATA_XLSX_TIME_AS_HOURS).
 */

/** Built-in number formats that show a time of day or a duration, without a date (ECMA-376 18.8.30). */
const BUILT_IN_TIMES = new Set([18, 19, 20, 21, 45, 46, 47]);

/**
 * A format code that shows hours, minutes or seconds and no day, month or year: `[h]:mm`, `h:mm:ss`,
 * `mm:ss`. Quoted text, escaped characters and bracketed colours or locales are set aside first;
 * `[h]`, `[m]` and `[s]` (elapsed time) are kept. An "m" alone is a month unless beside an h or an s.
 */
export function isTimeFormat(code: string): boolean {
  // The first section (positive numbers) decides; padding (_x) and fill (*x) characters are not letters of the format.
  const first = code.replace(/"[^"]*"/g, '').replace(/\\./g, '').split(';')[0]!;
  const bare = first.replace(/[_*]./g, '').replace(/\[(?![hms]+\])[^\]]*\]/gi, '').toLowerCase();
  if (/[dy]/.test(bare) || /\bgeneral\b/.test(bare)) return false;
  return /h|s|\[m+\]/.test(bare);
}

/**
 * The cell styles (indexes into cellXfs, a cell's `s`) whose number format is a time, from the
 * workbook's styles part (xl/styles.xml); empty without one.
 */
export function timeStyles(styles: string | undefined): Set<number> {
  const out = new Set<number>();
  if (!styles) return out;
  const own = new Map(elements(styles, 'numFmt').map((f) => [Number(f.numFmtId), f.formatCode ?? '']));
  const xfs = /<(?:[\w.-]+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?cellXfs>/.exec(styles)?.[1] ?? '';
  elements(xfs, 'xf').forEach((xf, index) => {
    const id = Number(xf.numFmtId ?? 0);
    const code = own.get(id);
    if (code !== undefined ? isTimeFormat(code) : BUILT_IN_TIMES.has(id)) out.add(index);
  });
  return out;
}

/**
 * A stored time read as hours: any but a whole number of 7 or more, which in a time cell (Excel shows 99
 * as "2376:00") is a code typed into the column (99 "don't know"), kept as typed so that a declared
 * missing code "99" still matches it. A fraction of 7 days or more is read as its hours (168 and more),
 * which the hours' range check then names.
 */
export const isWeekOfHours = (days: number) => Number.isFinite(days) && days >= 0 && !(days >= 7 && Number.isInteger(days));

/** A stored time (a fraction of a day) as the hours Excel shows, to the second: 0.5208333 -> "12.5". */
export function hoursText(days: number): string {
  const seconds = Math.round(days * 86400);
  return String(seconds / 3600);
}
