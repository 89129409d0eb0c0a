import type { Lang } from '../export/i18n.js';
import type { GapRow, ResultRow } from '../run.js';
import { formatCount, formatP, formatPercent, formatPoints, MISSING, withFlag } from './format.js';
import type { Cell, NumberKind } from './tableModel.js';

/**
 * The cells of one estimate, under the publication rules of every medium:
 * - the estimate in percent, "(18.5)" when it is to be read with caution, "*" when suppressed;
 * - a suppressed estimate withholds its interval and SE as well (MISSING), so no medium carries the
 *   number; its unweighted n stays, as MICS and DHS tables print it;
 * - a domain the analysis did not estimate is MISSING in every cell.
 */
export type Stat = 'estimate' | 'ci' | 'se' | 'n';

export const missingCell = (): Cell => ({ text: MISSING, numbers: [], flag: null });

export const STAT_KIND: Record<Stat, NumberKind> = { estimate: 'percent', ci: 'interval', se: 'points', n: 'count' };

export function statCell(lang: Lang, row: ResultRow | null, s: Stat): Cell {
  if (!row) return missingCell();
  const flag = row.flag;
  if (s === 'n') return { text: formatCount(lang, row.n_unweighted), numbers: [row.n_unweighted], flag: null };
  if (flag === 'suppressed') return s === 'estimate' ? { text: '*', numbers: [], flag } : missingCell();
  if (s === 'estimate') {
    if (row.estimate === null) return missingCell();
    return { text: withFlag(formatPercent(lang, row.estimate), flag), numbers: [row.estimate * 100], flag };
  }
  if (s === 'se') return row.se === null ? missingCell() : { text: formatPercent(lang, row.se, 2), numbers: [row.se * 100], flag };
  if (row.ci_low === null || row.ci_high === null) return missingCell();
  const range = `${formatPercent(lang, row.ci_low)}\u2013${formatPercent(lang, row.ci_high)}`;
  return { text: withFlag(range, flag), numbers: [row.ci_low * 100, row.ci_high * 100], flag };
}

/**
 * The boys-girls gap in percentage points and its p-value; bold when significant at the table's
 * level. A gap is withheld with either sex's suppressed figure: with the other figure, it would give
 * the suppressed one away.
 */
export function gapCells(lang: Lang, gap: GapRow | null, boys: ResultRow | null, girls: ResultRow | null, level: number): [Cell, Cell] {
  if (!gap || gap.gap === null || boys?.flag === 'suppressed' || girls?.flag === 'suppressed') return [missingCell(), missingCell()];
  const strong = gap.p_value !== null && gap.p_value < 1 - level;
  // The p-value is stored whole: a workbook shows "<0.001" by the cell's format (excel.ts numberFormat).
  const p: Cell = gap.p_value === null ? missingCell() : { text: formatP(lang, gap.p_value), numbers: [gap.p_value], flag: null, strong };
  return [{ text: formatPoints(lang, gap.gap), numbers: [gap.gap * 100], flag: null, strong }, p];
}
