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
    t(lang, 'note.caution.cv', { flag: Math.round((rule.flagAt ?? 0.2) * 100) }),
    t(lang, 'note.suppressed.cv', { suppress: Math.round((rule.suppressAt ?? 0.3) * 100) }),
  ];
}
