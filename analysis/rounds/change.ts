import { pTwoSided, qt } from '../distributions.js';
import { cellColumns, type AnalysisResult, type ResultRow } from '../run.js';
import type { Framework, Indicator, Mapping } from '../types.js';
import { ageAtoms } from '../domainSums.js';
import { agesCounted } from '../frameworks.js';
import { moduleGap } from './modules.js';
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
  /** The age atoms with a child in scope (RoundRun.ages); unknown: no age check. */
  ages?: string[];
}

/** An age atom as messages and tables name it: "15-17", or "5" for one year. */
export const atomLabel = ([lo, hi]: [number, number]) => (lo === hi ? `${lo}` : `${lo}-${hi}`);

/**
 * The age atoms of an analysis, named: those of its age groups and of the ages its frameworks count
 * (the totals' domain, agesCounted), cut where any of them starts or ends (domainSums.ts ageAtoms).
 * `total`: the atoms of a domain with no age group; `byGroup`: each age group's, by its label.
 */
export function namedAtoms(a: Pick<AnalysisResult['analysis'], 'ageGroups' | 'frameworks'>): { atoms: string[]; total: string[]; byGroup: Map<string, string[]> } {
  const all = agesCounted(a.frameworks);
  const { atoms, members } = ageAtoms([...a.ageGroups, { ...all, label: '' }]);
  const names = atoms.map(atomLabel);
  const of = (i: number) => members[i]!.map((x) => names[x]!);
  return { atoms: names, total: of(a.ageGroups.length), byGroup: new Map(a.ageGroups.map((g, i) => [g.label, of(i)])) };
}

/**
 * The ages (age atoms) where one of two rounds has children in scope and the other none, with the
 * round that lacks them (the later one first); null when both cover the same ages. A round whose child
 * module asks children aged 5-14 only, compared with one of 5-17 on the totals, would compare
 * different children: its "5-17" is 5-14. A domain whose ages include one of these is not comparable
 * (changeRow); the age groups both rounds cover still are.
 */
export function ageGap(from: RoundResult, to: RoundResult): { round: string; ages: string[] } | null {
  if (!from.ages || !to.ages) return null;
  const a = new Set(from.ages);
  const b = new Set(to.ages);
  const { atoms } = namedAtoms(from.result.analysis);
  const lackTo = atoms.filter((x) => a.has(x) && !b.has(x));
  const lackFrom = atoms.filter((x) => b.has(x) && !a.has(x));
  if (!lackTo.length && !lackFrom.length) return null;
  return lackTo.length ? { round: to.label, ages: [...lackTo, ...lackFrom] } : { round: from.label, ages: lackFrom };
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

/** A domain's cell in the `from` round's codes (sex and area translated by meaning from the other round). */
function cellIn(from: AnalysisResult, other: AnalysisResult, cell: Record<string, string>): Record<string, string> {
  const m = from.analysis.mapping;
  const o = other.analysis.mapping;
  const out = Object.fromEntries(cellColumns(from.analysis).map((d) => [d, '']));
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
    p_value: se === null || se === 0 ? null : finite(pTwoSided(d / se, df)),
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

/** The change rows of one pair of rounds: every framework x indicator x domain of either round. */
export function changesBetween(from: RoundResult, to: RoundResult): ChangeRow[] {
  const a = from.result;
  const b = to.result;
  const level = a.analysis.options.level;
  const out: ChangeRow[] = [];
  const byKey = (r: AnalysisResult, fw: string, ind: Indicator) => {
    const map = new Map<string, ResultRow>();
    for (const row of r.rows) if (row.framework === fw && row.indicator === ind) map.set(cellKey(r, row), row);
    return map;
  };
  const { total, byGroup } = namedAtoms(a.analysis);
  // A domain's ages: its age group's atoms, or the frameworks' ages (the totals and other breakdowns).
  const atomsOf = (cell: Record<string, string>) => (cell.age_group ? byGroup.get(cell.age_group) ?? total : total);
  for (const fw of a.analysis.frameworks) {
    const fwB = b.analysis.frameworks.find((f) => f.id === fw.id);
    if (!fwB) continue;
    for (const ind of a.analysis.indicators.filter((i) => b.analysis.indicators.includes(i))) {
      const rowsA = byKey(a, fw.id, ind);
      const rowsB = byKey(b, fw.id, ind);
      const gap = moduleGap(fw as Framework, ind, { label: from.label, mapping: a.analysis.mapping }, { label: to.label, mapping: b.analysis.mapping });
      const ages = ageGap(from, to);
      const keys = [...rowsA.keys(), ...[...rowsB.keys()].filter((k) => !rowsA.has(k))];
      for (const k of keys) {
        const r1 = rowsA.get(k);
        const r2 = rowsB.get(k);
        const any = (r1 ?? r2)!;
        const cell = r1 ? cellIn(a, a, r1.cell) : cellIn(a, b, r2!.cell);
        out.push(changeRow(fw.id, ind, any.breakdown, cell, from, to, r1, r2, gap ?? agesOf(ages, atomsOf, cell), level));
      }
    }
  }
  return out;
}

/** The domain's "ages" reason when its ages include one of the gap's; else null. */
function agesOf(gap: { round: string; ages: string[] } | null, atomsOf: (cell: Record<string, string>) => string[], cell: Record<string, string>): NotComparable | null {
  if (!gap) return null;
  const own = atomsOf(cell);
  const ages = gap.ages.filter((x) => own.includes(x));
  return ages.length ? { kind: 'ages', round: gap.round, ages } : null;
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
  return roundPairs(rounds.length, changes).flatMap(([i, j]) => changesBetween(rounds[i]!, rounds[j]!));
}
