import type { SmallCellRule } from './types.js';

/**
 * Small-cell rules that decide how a figure may be published. Every estimate keeps its number; the
 * flag says how to show it.
 * - mics-dhs (default; MICS and DHS reports): fewer than 25 unweighted cases: suppressed, shown as
 *   "*"; 25-49: shown in parentheses. Thresholds editable.
 * - cv: coefficient of variation (se / estimate) of 20 % or more: flagged (parentheses); 30 % or more:
 *   suppressed. Thresholds editable. `cv` null (no SE: a domain in one PSU; no estimate) is
 *   suppressed; an estimate of 0, whose CV is 0/0, is passed as CV 0 by estimate.ts (methods.md 9).
 */
export type Flag = 'ok' | 'caution' | 'suppressed';

export function smallCellFlag(rule: SmallCellRule, n: number, cv: number | null): Flag {
  if (rule.rule === 'mics-dhs') {
    if (n < (rule.suppressBelow ?? 25)) return 'suppressed';
    if (n < (rule.parenthesesBelow ?? 50)) return 'caution';
    return 'ok';
  }
  if (cv === null || n === 0) return 'suppressed';
  if (cv >= (rule.suppressAt ?? 0.3)) return 'suppressed';
  if (cv >= (rule.flagAt ?? 0.2)) return 'caution';
  return 'ok';
}

export function describeRule(rule: SmallCellRule): string {
  if (rule.rule === 'mics-dhs') {
    return `MICS/DHS: estimates based on ${(rule.parenthesesBelow ?? 50) - 1} or fewer but at least ${rule.suppressBelow ?? 25} unweighted cases are shown in parentheses; fewer than ${rule.suppressBelow ?? 25} are suppressed (*)`;
  }
  return `CV: a coefficient of variation of ${Math.round((rule.flagAt ?? 0.2) * 100)} % or more is shown in parentheses; ${Math.round((rule.suppressAt ?? 0.3) * 100)} % or more is suppressed (*)`;
}
