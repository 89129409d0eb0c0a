import type { SmallCellRule } from '../types.js';
import { t, type Lang } from './i18n.js';

/** The small-cell footnotes of a rule, in `lang`. */
export function smallCellNotes(lang: Lang, rule: SmallCellRule): string[] {
  if (rule.rule === 'mics-dhs') {
    const s = rule.suppressBelow ?? 25;
    const p = rule.parenthesesBelow ?? 50;
    return [t(lang, 'note.caution.mics', { lo: s, hi: p - 1 }), t(lang, 'note.suppressed.mics', { n: s })];
  }
  return [
    t(lang, 'note.caution.cv', { flag: cvPercent(rule.flagAt ?? 0.2) }),
    t(lang, 'note.suppressed.cv', { suppress: cvPercent(rule.suppressAt ?? 0.3) }),
  ];
}

/**
 * A CV threshold as the percentage the rule applies, decimals kept (0.075 is 7.5, written "7,5" in
 * French by the catalogue): rounded, a walk's rule of 9.5 % was printed "10 %" under tables flagged at 9.5.
 * The Define step shows the same number (cvPercent).
 */
export const cvPercent = (share: number): number => Number((share * 100).toPrecision(12));
