import { t, type Lang } from '../export/i18n.js';
import { frameworkRules, fwName } from '../export/metadata.js';
import { smallCellNotes } from '../export/smallCellNotes.js';
import { indicatorLabel, missingHoursStatement, withoutClusters } from '../export/statements.js';
import type { ChangeRow, RoundsResult } from '../rounds/types.js';
import type { ResultRow } from '../run.js';
import type { Framework, Indicator } from '../types.js';
import { formatNumber, formatP, formatPercent, formatPoints, levelText, MISSING } from './format.js';
import { ageRange } from './standardTable.js';
import { missingCell, statCell, type Stat } from './statCells.js';
import type { Cell, Column, ColumnGroup, Footnote, Line, TableModel } from './tableModel.js';
import { roundHeading, TrendData, type Pair, type TrendOptions } from './trendData.js';

/**
 * The trend table of one framework x indicator: rows are the domains (total, then sex, age groups,
 * region, area and extra breakdowns, in the standard table's order and with its names), columns each
 * round (estimate, confidence interval, unweighted n) and then each compared pair of rounds:
 *
 *   change     estimate_2 - estimate_1, in percentage points (the core's ChangeRow.difference)
 *   SE         sqrt(se_1^2 + se_2^2), in percentage points (ChangeRow.difference_se)
 *   CI         the core's ci_low, ci_high: change -/+ t(df) x sqrt(se_1^2 + se_2^2), df = df_1 + df_2
 *   p          two-sided Student t with df_1 + df_2 degrees of freedom (rounds are independent samples)
 *   mark       "†" when p < 1 - level (not "*": that already means a suppressed figure in every table)
 *   relative   (estimate_2 - estimate_1) / estimate_1
 *   AARR       1 - (estimate_2 / estimate_1)^(1 / (t_2 - t_1)), when both rounds have a year
 * Every number is the core's (analysis/rounds/change.ts); this file only writes them. A change the
 * core marks not comparable (a round cannot measure the indicator) says so, and why, instead of
 * numbers; a change with a suppressed or missing estimate in either round is withheld ("–"), as the
 * boys-girls gap is, since with the other figure it would give the suppressed one away.
 */
export const SIGNIFICANT = '\u2020';

export interface TrendTableOptions extends TrendOptions {
  /** Show each round's confidence interval (default true). */
  ci?: boolean;
  /** Show each round's unweighted n (default true). */
  n?: boolean;
  /** Frameworks to tabulate (default all, in the analysis order). */
  frameworks?: string[];
  /** Indicators to tabulate (default all of the analysis). */
  indicators?: Indicator[];
}

export interface TrendLine extends Line {
  /** The dimension ('' for the total line). */
  dim: string;
  /** The domain's key: the code, or for sex and area its meaning ('male', 'urban'); '' on total and group lines. */
  code: string;
  /** Each round's estimate (null: none). */
  rows: (ResultRow | null)[];
  /** Each pair's change (null: none). */
  changes: (ChangeRow | null)[];
  /** The rounds (labels) that estimate the dimension but have no child in this category (a region of one round only). */
  absentIn?: string[];
  /** The rounds (labels) that do not map the dimension (a labour force survey without a wealth index). */
  lackedIn?: string[];
}

export interface TrendTable extends TableModel {
  n: number;
  framework: Framework;
  indicator: Indicator;
  rounds: { label: string; year?: number }[];
  pairs: Pair[];
  lines: TrendLine[];
}

const roundStats = (o: TrendTableOptions): Stat[] => ['estimate', ...(o.ci ?? true ? (['ci'] as const) : []), ...(o.n ?? true ? (['n'] as const) : [])];

const hasYears = (rr: RoundsResult, p: Pair) => [p.from, p.to].every((l) => rr.rounds.find((r) => r.label === l)?.year !== undefined);

function roundColumns(lang: Lang, o: TrendTableOptions, level: number): Column[] {
  const lv = { level: levelText(lang, level) };
  return roundStats(o).map((s): Column => {
    if (s === 'estimate') return { key: s, label: t(lang, 'col.estimate'), kind: 'percent' };
    if (s === 'ci') return { key: s, label: t(lang, 'col.short.ci', lv), kind: 'interval', parts: [t(lang, 'col.ci_low', lv), t(lang, 'col.ci_high', lv)] };
    return { key: s, label: t(lang, 'col.short.n'), kind: 'count' };
  });
}

function changeColumns(lang: Lang, level: number, aarr: boolean): Column[] {
  const lv = { level: levelText(lang, level) };
  return [
    { key: 'difference', label: t(lang, 'trend.col.difference'), kind: 'gap' },
    { key: 'se', label: t(lang, 'col.short.se'), kind: 'points' },
    { key: 'ci', label: t(lang, 'col.short.ci', lv), kind: 'gapInterval', parts: [t(lang, 'trend.col.ci_low', lv), t(lang, 'trend.col.ci_high', lv)] },
    { key: 'p', label: t(lang, 'col.p'), kind: 'p' },
    { key: 'mark', label: t(lang, 'trend.col.mark'), kind: 'mark' },
    { key: 'relative', label: t(lang, 'trend.col.relative'), kind: 'gap' },
    ...(aarr ? [{ key: 'aarr', label: t(lang, 'trend.col.aarr'), kind: 'gap' } as Column] : []),
  ];
}

const signed = (lang: Lang, x: number | null): Cell => (x === null ? missingCell() : { text: formatPoints(lang, x), numbers: [x * 100], flag: null });

/** The cells of one change: numbers, or "not comparable" and the round that cannot measure it, or "–". */
export function changeCells(lang: Lang, c: ChangeRow | null, r1: ResultRow | null, r2: ResultRow | null, level: number, aarr: boolean): Cell[] {
  const width = changeColumns(lang, level, aarr).length;
  if (c?.not_comparable?.kind === 'module' || c?.not_comparable?.kind === 'ages') {
    const empty: Cell = { text: '', numbers: [], flag: null };
    return [{ text: t(lang, 'trend.notComparable', { round: c.not_comparable.round }), numbers: [], flag: null }, ...Array.from({ length: width - 1 }, () => empty)];
  }
  const withheld = r1?.flag === 'suppressed' || r2?.flag === 'suppressed';
  if (!c || withheld || c.difference === null) return Array.from({ length: width }, missingCell);
  const strong = c.p_value !== null && c.p_value < 1 - level;
  const ci: Cell =
    c.ci_low === null || c.ci_high === null
      ? missingCell()
      : { text: t(lang, 'trend.range', { lo: formatPoints(lang, c.ci_low), hi: formatPoints(lang, c.ci_high) }), numbers: [c.ci_low * 100, c.ci_high * 100], flag: null };
  // Stored whole, shown "<0.001" by the workbook's format, as the gap's p-value (statCells.ts).
  const p: Cell = c.p_value === null ? missingCell() : { text: formatP(lang, c.p_value), numbers: [c.p_value], flag: null, strong };
  const cells = [
    { ...signed(lang, c.difference), strong },
    c.difference_se === null ? missingCell() : { text: formatPercent(lang, c.difference_se, 2), numbers: [c.difference_se * 100], flag: null },
    ci,
    p,
    { text: c.p_value === null ? MISSING : strong ? SIGNIFICANT : '', numbers: [], flag: null, strong },
    signed(lang, c.relative_change),
  ];
  if (aarr) cells.push(signed(lang, c.aarr));
  return cells;
}

function trendLines(d: TrendData, lang: Lang, fw: Framework, ind: Indicator, pairs: Pair[], o: TrendTableOptions): TrendLine[] {
  const stats = roundStats(o);
  const level = d.first.analysis.options.level;
  const line = (kind: 'total' | 'value', dim: string, key: string, label: string): TrendLine => {
    const cell = dim ? { [dim]: key } : {};
    const rows = d.results.map((_, i) => d.row(i, fw.id, ind, cell));
    const changes = pairs.map((p) => d.change(fw.id, ind, p, cell));
    const cells = rows.flatMap((r) => stats.map((s) => statCell(lang, r, s)));
    pairs.forEach((p, k) => cells.push(...changeCells(lang, changes[k]!, rows[d.roundOf(p.from)] ?? null, rows[d.roundOf(p.to)] ?? null, level, hasYears(d.rr, p))));
    // A category no child of a round is in, while the round estimates the dimension: its own note, not
    // "not estimated in this analysis".
    const absentIn = dim ? d.rr.rounds.filter((_, i) => rows[i] === null && d.estimates(i, dim)).map((r) => r.label) : [];
    // A round that does not map the dimension at all (no wealth index in a labour force survey): its own note.
    const lackedIn = dim ? d.rr.rounds.filter((_, i) => rows[i] === null && !d.maps(i, dim)).map((r) => r.label) : [];
    return { kind, id: `${dim || 'total'}-${key || 'all'}`, label, dim, code: key, cells, rows, changes, ...(absentIn.length ? { absentIn } : {}), ...(lackedIn.length ? { lackedIn } : {}) };
  };
  const lines: TrendLine[] = [line('total', '', '', t(lang, 'dim.total'))];
  const range = ageRange(fw);
  for (const dim of d.dimensions()) {
    const keys = d.keys(dim).filter((k) => {
      // The age group spanning the framework's ages repeats the total line, as in the standard table.
      const g = dim === 'age_group' ? d.first.analysis.ageGroups.find((x) => x.label === k) : undefined;
      return !(g && g.from === range.from && g.to === range.to);
    });
    if (!keys.length) continue;
    lines.push({ kind: 'group', id: dim, label: d.dimensionName(lang, dim), dim, code: '', cells: [], rows: [], changes: [] });
    for (const k of keys) lines.push(line('value', dim, k, d.label(lang, dim, k)));
  }
  return lines;
}

/** A name in the middle of a sentence: "Child labour" -> "child labour" (not "ISIC"). */
const lowerFirst = (s: string) => (/^\p{Lu}\p{Ll}/u.test(s) ? s.charAt(0).toLocaleLowerCase() + s.slice(1) : s);

/** The significance level as the notes write it: 0.05, or 0.005. */
export function alphaText(lang: Lang, level: number): string {
  return formatNumber(lang, 1 - level, Math.max(2, String(Math.round((1 - level) * 1000) / 1000).length - 2));
}

function trendNotes(d: TrendData, lang: Lang, fw: Framework, ind: Indicator, lines: TrendLine[]): Footnote[] {
  const a = d.first.analysis;
  const level = levelText(lang, a.options.level);
  const alpha = alphaText(lang, a.options.level);
  const missing = lines.some((l) => !l.absentIn && !l.lackedIn && l.cells.some((c) => c.text === MISSING));
  // Rounds that do not map a dimension, with the dimensions' headings.
  const lacking = new Map<string, string[]>();
  const heading = new Map(lines.filter((l) => l.kind === 'group').map((l) => [l.dim, l.label]));
  for (const l of lines) for (const round of l.lackedIn ?? []) if (!(lacking.get(round) ?? []).includes(heading.get(l.dim)!)) lacking.set(round, [...(lacking.get(round) ?? []), heading.get(l.dim)!]);
  const absent = new Map<string, string[]>();
  // An age group no child of a round is in is said with the ages (no recode makes it one), a category otherwise.
  const absentAges = new Map<string, string[]>();
  for (const l of lines) {
    const into = l.dim === 'age_group' ? absentAges : absent;
    for (const round of l.absentIn ?? []) into.set(round, [...(into.get(round) ?? []), l.label]);
  }
  const modules = new Map<string, string[]>();
  const ages = new Map<string, Set<string>>();
  for (const l of lines) {
    for (const c of l.changes) {
      if (c?.not_comparable?.kind === 'module') modules.set(c.not_comparable.round, c.not_comparable.roles);
      if (c?.not_comparable?.kind === 'ages') for (const l of c.not_comparable.lacking) for (const x of l.ages) ages.set(l.round, (ages.get(l.round) ?? new Set()).add(x));
    }
  }
  const notes: Footnote[] = [
    { id: 'columns', text: t(lang, 'trend.note.columns', { level }) },
    { id: 'test', text: t(lang, 'trend.note.test') },
    { id: 'mark', text: t(lang, 'trend.note.mark', { mark: SIGNIFICANT, alpha }) },
    ...[...modules].map(([round, roles]) => ({
      id: 'notComparable',
      text: t(lang, 'trend.note.notComparable', { round, measure: lowerFirst(indicatorLabel(lang, fw, ind)), roles: roles.join(', ') }),
    })),
    ...[...ages].map(([round, list]) => ({ id: 'notComparableAges', text: t(lang, 'trend.note.notComparableAges', { round, ages: [...list].join(', ') }) })),
    ...smallCellNotes(lang, a.options.smallCell).map((text) => ({ id: 'flags', text })),
    ...(missing ? [{ id: 'missing', text: t(lang, 'note.missing') }] : []),
    ...[...absent].map(([round, labels]) => ({ id: 'absent', text: t(lang, 'trend.note.absent', { round, categories: labels.join(', ') }) })),
    ...[...absentAges].map(([round, labels]) => ({ id: 'absent', text: t(lang, 'trend.note.absentAges', { round, ages: labels.join(', ') }) })),
    ...[...lacking].map(([round, dims]) => ({ id: 'lacking', text: t(lang, 'trend.note.lacking', { round, dimensions: dims.map(lowerFirst).join(', ') }) })),
    ...d.rr.rounds.map((r) => ({
      id: 'round',
      text: t(lang, withoutClusters(r.result.analysis.mapping) ? 'trend.note.round.noClusters' : 'trend.note.round', {
        round: r.label,
        file: r.result.file,
        strata: r.result.design.strata,
        psus: r.result.design.psus,
      }),
    })),
    { id: 'definition', text: t(lang, 'note.definition', { framework: fwName(lang, fw), rules: frameworkRules(lang, fw) }) },
    // One rule for every round (a walk: a MICS round's own table under the MICS convention, 43.6 %, and
    // its trend under "unknown", 44.0 %, with nothing to say which).
    { id: 'designChoice', text: missingHoursStatement(lang, d.first.analysis.options.missingHours) },
  ];
  return notes;
}

/** The trend table of one framework and indicator; null when the rounds have neither. */
export function trendTable(rr: RoundsResult, lang: Lang, framework: string, indicator: Indicator, o: TrendTableOptions = {}): TrendTable | null {
  const d = new TrendData(rr, o);
  const a = d.first.analysis;
  const fi = a.frameworks.findIndex((f) => f.id === framework);
  const ii = a.indicators.indexOf(indicator);
  if (fi < 0 || ii < 0) return null;
  const fw = a.frameworks[fi]!;
  const level = a.options.level;
  const pairs = d.pairs(fw.id, indicator);
  const groups: ColumnGroup[] = [
    ...rr.rounds.map((r, i) => ({ key: `round-${i}`, label: roundHeading(lang, r), columns: roundColumns(lang, o, level) })),
    ...pairs.map((p, k) => ({ key: `change-${k}`, label: t(lang, 'trend.change', { from: p.from, to: p.to }), columns: changeColumns(lang, level, hasYears(rr, p)) })),
  ];
  const lines = trendLines(d, lang, fw, indicator, pairs, o);
  const n = fi * a.indicators.length + ii + 1;
  const range = ageRange(fw);
  return {
    id: `trend-${n}`,
    n,
    framework: fw,
    indicator,
    rounds: rr.rounds.map((r) => ({ label: r.label, ...(r.year !== undefined ? { year: r.year } : {}) })),
    pairs,
    title: t(lang, 'trend.title', { n, measure: indicatorLabel(lang, fw, indicator), framework: fwName(lang, fw) }),
    subtitle: t(lang, 'trend.subtitle', { from: range.from, to: range.to, indicatorLc: indicatorLabel(lang, fw, indicator, true) }),
    stub: t(lang, 'table.characteristic'),
    groups,
    lines,
    footnotes: trendNotes(d, lang, fw, indicator, lines),
  };
}

/** Every trend table (or those of `frameworks` and `indicators`), in the analysis order. */
export function trendTables(rr: RoundsResult, lang: Lang, o: TrendTableOptions = {}): TrendTable[] {
  const a = rr.rounds[0]!.result.analysis;
  const fws = a.frameworks.filter((f) => !o.frameworks || o.frameworks.includes(f.id));
  const inds = a.indicators.filter((i) => !o.indicators || o.indicators.includes(i));
  return fws.flatMap((f) => inds.map((i) => trendTable(rr, lang, f.id, i, o)!));
}
