import type { Flag } from '../../analysis/index.js';

/**
 * How numbers appear in tables, with the MICS conventions for small cells: an estimate based on few
 * cases in parentheses ('caution'), a suppressed one as an asterisk. Proportions are shown in %.
 */
export function formatPercent(x: number | null, locale: string, digits = 1): string {
  if (x === null || !Number.isFinite(x)) return '–';
  return new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(x * 100);
}

export function formatEstimate(x: number | null, flag: Flag, locale: string): string {
  if (flag === 'suppressed') return '*';
  const v = formatPercent(x, locale);
  return flag === 'caution' && v !== '–' ? `(${v})` : v;
}

export function formatCi(lo: number | null, hi: number | null, flag: Flag, locale: string): string {
  if (flag === 'suppressed' || lo === null || hi === null) return '–';
  return `${formatPercent(lo, locale)}–${formatPercent(hi, locale)}`;
}

/** Standard errors in percentage points, two decimals (they are small). */
export function formatSe(se: number | null, flag: Flag, locale: string): string {
  return flag === 'suppressed' ? '–' : formatPercent(se, locale, 2);
}

export function formatCount(n: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(n);
}

/** A difference in percentage points, always signed. */
export function formatGap(gap: number | null, locale: string): string {
  if (gap === null || !Number.isFinite(gap)) return '–';
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(gap * 100);
}

export function formatP(p: number | null, locale: string): string {
  if (p === null || !Number.isFinite(p)) return '–';
  if (p < 0.001) return `<${new Intl.NumberFormat(locale, { minimumFractionDigits: 3 }).format(0.001)}`;
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 3, maximumFractionDigits: 3 }).format(p);
}
