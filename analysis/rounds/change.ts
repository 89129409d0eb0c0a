import { pTwoSided, qt } from '../distributions.js';
import type { AnalysisResult, ResultRow } from '../run.js';
import type { Framework, Indicator, Mapping } from '../types.js';
import { ageGap, type AgesKnown } from './ageGap.js';
import { moduleGap } from './modules.js';
import { domainColumns, firstNames } from './sharedDims.js';
import type { ChangeRow, NotComparable } from './types.js';

/**
 * The change of every framework x indicator x domain between two rounds, from the rounds' own results
 * (docs/methods.md, "Change between rounds"). Rounds are independent samples (two cross-sections
 * drawn separately), so the two estimates have no covariance:
 *
 *   difference d    = p2 - p1
 *   SE(d)           = sqrt(se1^2 + se2^2)
 *       Var(p2 - p1) = Var(p1) + Var(p2) for independent samples (Korn and Graubard 1999, Analysis of
 *       Health Surveys, sec. 5.2; Kish 1965, sec. 12.10).
 *   df              = df1 + df2
 *       The two designs stacked as one design whose strata are distinct (the rounds share no stratum
 *       and no PSU): its df is PSUs minus strata, the sum of the rounds' (R survey: degf() of the
 *       design built on the stacked rows; Korn and Graubard 1999 sec. 5.2; Lumley 2010 sec. 2.3).
 *       Each round's df is that of the domain (R degf of the subset), as every estimate's.
 *   CI              = d -/+ t_{df, 1 - alpha/2} SE(d), at the analysis' level
 *   p-value         = 2 P(T_df > |d / SE(d)|), Student t with df (distributions.ts)
 *   relative change r = (p2 - p1) / p1 = p2/p1 - 1, delta method:
 *       SE(r) = sqrt(se2^2 / p1^2 + p2^2 se1^2 / p1^4) = (p2/p1) sqrt(se1^2/p1^2 + se2^2/p2^2)
 *       (the first form is the same number and is defined when p2 = 0; null when p1 = 0)
 *   AARR            = 1 - (p2/p1)^(1/(t2 - t1))   average annual rate of reduction (UNICEF, Countdown
 *       to 2015 / 2030 technical note on the AARR; positive for a decline). Delta method on
 *       g(p1, p2) = 1 - (p2/p1)^(1/dt): dg/dp1 = (1/dt) (p2/p1)^(1/dt) / p1, dg/dp2 = -(1/dt) (p2/p1)^(1/dt) / p2, so
 *       SE(AARR) = (1/dt) (p2/p1)^(1/dt) sqrt(se1^2/p1^2 + se2^2/p2^2).
 *       Null when a round has no year or p1 or p2 is 0 (the log scale has no value there).
 * A declared overlap (a panel: the same households in both rounds) is not supported: its covariance
 * needs the linked sample, which a comparison of two cross-section files does not have.
 */

/** One round's result with its label and reference year. */
export interface RoundResult {
  label: string;
  year?: number;
  result: AnalysisResult;
  /** The whole ages with a child in scope and a known indicator (RoundRun.ages); unknown: no age check. */
  ages?: AgesKnown;
}

/** Which pairs of rounds are compared: each with the one before, or each with the first. */
export function roundPairs(n: number, changes: 'consecutive' | 'baseline'): [number, number][] {
  return Array.from({ length: n - 1 }, (_, k) => [changes === 'baseline' ? 0 : k, k + 1]);
}

/** Sex and area are compared by meaning (each round's mapping names its own codes); other codes as they are. */
function keyOf(m: Mapping, dim: string, code: string): string {
  if (code === '') return '';
  if (dim === 'sex') return code === m.sex.male ? '\u0001male' : code === m.sex.female ? '\u0001female' : code;
  if (dim === 'area' && m.area) return code === m.area.urban ? '\u0001urban' : code === m.area.rural ? '\u0001rural' : code;
  return code;
}

const cellKey = (r: AnalysisResult, row: ResultRow) =>
  [row.breakdown, ...Object.entries(row.cell).filter(([, c]) => c !== '').sort(([a], [b]) => a.localeCompare(b)).map(([d, c]) => `${d}=${keyOf(r.analysis.mapping, d, c)}`)].join('\u0002');

/**
 * A round's rows with their background characteristics named as the first round names them: a
 * round's own column of a characteristic is compared with, and written as, the first round's
 * (sharedDims.ts firstNames). Rows of a round that names them alike are its own.
 */
function inNames(r: AnalysisResult, first: Mapping): ResultRow[] {
  const n = firstNames(r.analysis, first);
  if (!r.analysis.breakdowns.some((b) => b.some((d) => n.column(d) !== d))) return r.rows;
  return r.rows.map((row) => ({
    ...row,
    breakdown: n.breakdown(row.breakdown),
    cell: Object.fromEntries(Object.entries(row.cell).map(([d, c]) => [n.column(d), c])),
  }));
}

/** A domain's cell in the `from` round's codes (sex and area translated by meaning from the other round), in the domain columns `columns`. */
function cellIn(from: AnalysisResult, other: AnalysisResult, cell: Record<string, string>, columns: string[]): Record<string, string> {
  const m = from.analysis.mapping;
  const o = other.analysis.mapping;
  const out = Object.fromEntries(columns.map((d) => [d, '']));
  for (const [d, code] of Object.entries(cell)) {
    if (code === '') continue;
    if (d === 'sex') out[d] = code === o.sex.male ? m.sex.male : code === o.sex.female ? m.sex.female : code;
    else if (d === 'area' && m.area && o.area) out[d] = code === o.area.urban ? m.area.urban : code === o.area.rural ? m.area.rural : code;
    else out[d] = code;
  }
  return out;
}

const finite = (x: number) => (Number.isFinite(x) ? x : null);

/** The numbers of one change, from the two rounds' estimates (the formulas above). */
export function changeNumbers(
  e1: { estimate: number; se: number | null; df: number },
  e2: { estimate: number; se: number | null; df: number },
  level: number,
  years: { t1?: number; t2?: number } = {},
): Pick<ChangeRow, 'difference' | 'difference_se' | 'df' | 'ci_low' | 'ci_high' | 'p_value' | 'relative_change' | 'relative_change_se' | 'aarr' | 'aarr_se'> {
  const p1 = e1.estimate;
  const p2 = e2.estimate;
  const d = p2 - p1;
  const hasSe = e1.se !== null && e2.se !== null;
  const se = hasSe ? Math.sqrt(e1.se! ** 2 + e2.se! ** 2) : null;
  const df = e1.df + e2.df;
  const q = qt(1 - (1 - level) / 2, df);
  const rel = p1 !== 0 ? (p2 - p1) / p1 : null;
  const relSe = p1 !== 0 && hasSe ? Math.sqrt(e2.se! ** 2 / p1 ** 2 + (p2 ** 2 * e1.se! ** 2) / p1 ** 4) : null;
  const { t1, t2 } = years;
  const dt = t1 !== undefined && t2 !== undefined ? t2 - t1 : null;
  const aarrOk = dt !== null && dt > 0 && p1 > 0 && p2 > 0;
  const ratio = aarrOk ? (p2 / p1) ** (1 / dt) : null;
  return {
    difference: d,
    difference_se: se,
    df,
    ci_low: se === null ? null : finite(d - q * se),
    ci_high: se === null ? null : finite(d + q * se),
    // SE 0 (two censuses): p = 0 for a change that is not 0, as R's 2 pt(-Inf, df); none for no change (0/0).
    p_value: se === null ? null : finite(pTwoSided(d / se, df)),
    relative_change: rel,
    relative_change_se: relSe,
    aarr: ratio === null ? null : 1 - ratio,
    aarr_se: ratio === null || !hasSe ? null : (1 / dt!) * ratio * Math.sqrt(e1.se! ** 2 / p1 ** 2 + e2.se! ** 2 / p2 ** 2),
  };
}

const NO_NUMBERS = {
  difference: null, difference_se: null, df: null, ci_low: null, ci_high: null, p_value: null,
  relative_change: null, relative_change_se: null, aarr: null, aarr_se: null,
} as const;

/**
 * The change rows of one pair of rounds: every framework x indicator x domain of either round, its
 * domain columns and background characteristics as `first` names them (the first round's mapping;
 * the `from` round's by default).
 */
export function changesBetween(from: RoundResult, to: RoundResult, first: Mapping = from.result.analysis.mapping): ChangeRow[] {
  const a = from.result;
  const b = to.result;
  const level = a.analysis.options.level;
  const out: ChangeRow[] = [];
  const named = new Map([a, b].map((r) => [r, inNames(r, first)]));
  const columns = domainColumns([first, a.analysis.mapping, b.analysis.mapping]);
  const byKey = (r: AnalysisResult, fw: string, ind: Indicator) => {
    const map = new Map<string, ResultRow>();
    for (const row of named.get(r)!) if (row.framework === fw && row.indicator === ind) map.set(cellKey(r, row), row);
    return map;
  };
  // A domain's ages: its age group's, or all (the totals and other breakdowns).
  const groupOf = (cell: Record<string, string>) => a.analysis.ageGroups.find((g) => g.label === cell.age_group);
  for (const fw of a.analysis.frameworks) {
    const fwB = b.analysis.frameworks.find((f) => f.id === fw.id);
    if (!fwB) continue;
    for (const ind of a.analysis.indicators.filter((i) => b.analysis.indicators.includes(i))) {
      const rowsA = byKey(a, fw.id, ind);
      const rowsB = byKey(b, fw.id, ind);
      const gap = moduleGap(fw as Framework, ind, { label: from.label, mapping: a.analysis.mapping }, { label: to.label, mapping: b.analysis.mapping });
      const keys = [...rowsA.keys(), ...[...rowsB.keys()].filter((k) => !rowsA.has(k))];
      for (const k of keys) {
        const r1 = rowsA.get(k);
        const r2 = rowsB.get(k);
        const any = (r1 ?? r2)!;
        const cell = r1 ? cellIn(a, a, r1.cell, columns) : cellIn(a, b, r2!.cell, columns);
        out.push(changeRow(fw.id, ind, any.breakdown, cell, from, to, r1, r2, gap ?? ageGap(from, to, fw.id, ind, groupOf(cell)), level));
      }
    }
  }
  return out;
}

function changeRow(
  framework: string, indicator: Indicator, breakdown: string, cell: Record<string, string>,
  from: RoundResult, to: RoundResult, r1: ResultRow | undefined, r2: ResultRow | undefined, gap: NotComparable | null, level: number,
): ChangeRow {
  const own = (r: ResultRow | undefined) => ({ estimate: r?.estimate ?? null, se: r?.se ?? null, n: r ? r.n_unweighted : null, flag: r?.flag ?? null });
  const e1 = own(r1);
  const e2 = own(r2);
  const base = {
    framework, indicator, breakdown, cell, from: from.label, to: to.label,
    year_1: from.year ?? null, year_2: to.year ?? null,
  };
  // A round that cannot measure the indicator (or measures a narrower definition): no number at all.
  if (gap?.kind === 'module') {
    return { ...base, estimate_1: null, se_1: null, n_1: null, flag_1: null, estimate_2: null, se_2: null, n_2: null, flag_2: null, ...NO_NUMBERS, not_comparable: gap };
  }
  const numbers = { estimate_1: e1.estimate, se_1: e1.se, n_1: e1.n, flag_1: e1.flag, estimate_2: e2.estimate, se_2: e2.se, n_2: e2.n, flag_2: e2.flag };
  if (!r1 || !r2 || r1.estimate === null || r2.estimate === null) {
    const round = !r1 || r1.estimate === null ? from.label : to.label;
    return { ...base, ...numbers, ...NO_NUMBERS, not_comparable: { kind: 'no_estimate', round } };
  }
  // Both estimates, of children of different ages: each round's figure stays, no change between them.
  if (gap) return { ...base, ...numbers, ...NO_NUMBERS, not_comparable: gap };
  const years = { ...(from.year !== undefined ? { t1: from.year } : {}), ...(to.year !== undefined ? { t2: to.year } : {}) };
  return {
    ...base,
    ...numbers,
    ...changeNumbers({ estimate: r1.estimate, se: r1.se, df: r1.df }, { estimate: r2.estimate, se: r2.se, df: r2.df }, level, years),
    not_comparable: null,
  };
}

/** Every change of a rounds analysis: the pairs chosen (`changes`), each framework x indicator x domain. */
export function computeChanges(rounds: RoundResult[], changes: 'consecutive' | 'baseline' = 'consecutive'): ChangeRow[] {
  const first = rounds[0]?.result.analysis.mapping;
  return roundPairs(rounds.length, changes).flatMap(([i, j]) => changesBetween(rounds[i]!, rounds[j]!, first));
}
