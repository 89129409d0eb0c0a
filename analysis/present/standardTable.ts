import { breakdownColumns } from '../background.js';
import { t, type Lang } from '../export/i18n.js';
import { fwName } from '../export/metadata.js';
import { indicatorLabel } from '../export/statements.js';
import type { AnalysisResult, GapRow, ResultRow } from '../run.js';
import type { Framework, Indicator } from '../types.js';
import { levelText } from './format.js';
import { categoryLabel, dimensionLabel, type FileLabels } from './labels.js';
import { RowIndex } from './rowIndex.js';
import { gapCells, statCell, STAT_KIND, type Stat } from './statCells.js';
import { tableNotes } from './tableNotes.js';
import type { Column, ColumnGroup, Line, TableModel } from './tableModel.js';

/**
 * The standard table of a survey report, one per framework x indicator: rows are background
 * characteristics (total, age group, region, area, MICS background characteristics, other extra
 * breakdowns), columns boys, girls and total (estimate, confidence interval, SE, unweighted n), then
 * the boys-girls gap and its p-value.
 *
 * A row takes its total column from the breakdown [dimension] and its boys and girls from
 * [sex, dimension] (in either order); the total row from [] and [sex]. A cell whose breakdown the
 * analysis did not ask for shows "–", and a note says why. The age group that spans the framework's
 * ages is left out: it repeats the total row.
 */
export type SexKey = 'male' | 'female' | 'total';
export const SEX_KEYS: readonly SexKey[] = ['male', 'female', 'total'];

export interface TableOptions {
  /** Show the confidence interval column (default true). */
  ci?: boolean;
  /** Show the standard error (default true). */
  se?: boolean;
  /** Show the unweighted number of cases (default true). */
  n?: boolean;
  /** Show the boys-girls gap and its p-value where the analysis has them (default true). */
  gap?: boolean;
  /** Frameworks to tabulate, by id (default all, in the analysis order). */
  frameworks?: string[];
  /** Indicators to tabulate (default all of the analysis, in its order). */
  indicators?: Indicator[];
  /** Value labels of the universe's codes (the metadata's design.universe.labels), for the universe note. */
  universeLabels?: Record<string, string>;
  /** The data file's labels: they name regions and extra breakdowns. */
  labels?: FileLabels | null;
  /** The data file's name, for the source note. */
  sourceName?: string;
}

export interface StandardLine extends Line {
  /** The dimension (age_group, region, area or an extra column); '' for the total line. */
  dim: string;
  /** The cell's code in the data ('' for total and group lines). */
  code: string;
  /** The estimates behind the cells (null: not estimated). */
  rows: Record<SexKey, ResultRow | null>;
  gap: GapRow | null;
}

export interface StandardTable extends TableModel {
  /** 1-based number of the table in the analysis (framework by framework, indicator by indicator). */
  n: number;
  framework: Framework;
  indicator: Indicator;
  lines: StandardLine[];
}

export function statsOf(o: TableOptions): Stat[] {
  return ['estimate', ...(o.ci ?? true ? (['ci'] as const) : []), ...(o.se ?? true ? (['se'] as const) : []), ...(o.n ?? true ? (['n'] as const) : [])];
}

function statColumn(lang: Lang, s: Stat, level: number): Column {
  const lv = { level: levelText(lang, level) };
  if (s === 'estimate') return { key: s, label: t(lang, 'col.estimate'), kind: STAT_KIND[s] };
  if (s === 'ci') return { key: s, label: t(lang, 'col.short.ci', lv), kind: STAT_KIND[s], parts: [t(lang, 'col.ci_low', lv), t(lang, 'col.ci_high', lv)] };
  return { key: s, label: t(lang, s === 'se' ? 'col.short.se' : 'col.short.n'), kind: STAT_KIND[s] };
}

/**
 * The dimensions that become row groups, in report order: age group, region, area, then the background
 * characteristics in the MICS table order (school attendance ... ethnicity), then the other extras.
 */
export function rowDimensions(result: AnalysisResult, idx = new RowIndex(result)): string[] {
  const dims = ['age_group', 'region', 'area', ...breakdownColumns(result.analysis.mapping)];
  return dims.filter((d) => idx.has([d]) || idx.has([d, 'sex']));
}

/** Ages covered by a framework (the union of its bands). */
export const ageRange = (fw: Framework) => ({ from: Math.min(...fw.bands.map((b) => b.from)), to: Math.max(...fw.bands.map((b) => b.to)) });

function tableLines(result: AnalysisResult, lang: Lang, fw: Framework, ind: Indicator, idx: RowIndex, o: TableOptions, withGap: boolean): StandardLine[] {
  const a = result.analysis;
  const { male, female } = a.mapping.sex;
  const stats = statsOf(o);
  const range = ageRange(fw);
  const line = (kind: 'total' | 'value', dim: string, code: string, label: string): StandardLine => {
    const cell = dim ? { [dim]: code } : {};
    const rows = { male: idx.get(fw.id, ind, { ...cell, sex: male }), female: idx.get(fw.id, ind, { ...cell, sex: female }), total: idx.get(fw.id, ind, cell) };
    const gap = idx.gap(fw.id, ind, cell);
    const cells = SEX_KEYS.flatMap((s) => stats.map((st) => statCell(lang, rows[s], st)));
    if (withGap) cells.push(...gapCells(lang, gap, rows.male, rows.female, a.options.level));
    return { kind, id: `${dim || 'total'}-${code || 'all'}`, label, dim, code, cells, rows, gap };
  };
  const lines: StandardLine[] = [line('total', '', '', t(lang, 'dim.total'))];
  for (const d of rowDimensions(result, idx)) {
    const codes = idx.codes(d).filter((code) => {
      if (d !== 'age_group') return true;
      const g = a.ageGroups.find((x) => x.label === code);
      return !(g && g.from === range.from && g.to === range.to);
    });
    if (!codes.length) continue;
    const none = { male: null, female: null, total: null };
    lines.push({ kind: 'group', id: d, label: dimensionLabel(lang, d, o.labels, a.mapping), dim: d, code: '', cells: [], rows: none, gap: null });
    for (const code of codes) lines.push(line('value', d, code, categoryLabel(result, lang, d, code, o.labels)));
  }
  return lines;
}

/**
 * Per characteristic (not the age groups, which may overlap), the children of the total row in none of
 * its rows: a blank or missing code, or no row of a joined file (a mother not in the household). Their
 * rows' unweighted counts add up to the total's otherwise; said under the table, never silently.
 */
function unclassified(lines: StandardLine[], lang: Lang): { label: string; count: number }[] {
  const total = lines[0]?.rows.total?.n_unweighted;
  if (total === undefined) return [];
  const out: { label: string; count: number }[] = [];
  // The columns: children with no sex code are in the total column and in neither boys' nor girls'
  // (a walk: boys 2,022 + girls 2,011 against a total of 4,036, not said).
  const { male, female } = lines[0]!.rows;
  if (male && female && total - male.n_unweighted - female.n_unweighted > 0) out.push({ label: t(lang, 'dim.sex'), count: total - male.n_unweighted - female.n_unweighted });
  for (const group of lines.filter((l) => l.kind === 'group' && l.dim !== 'age_group')) {
    const values = lines.filter((l) => l.kind === 'value' && l.dim === group.dim);
    if (values.some((l) => !l.rows.total)) continue;
    const left = total - values.reduce((n, l) => n + l.rows.total!.n_unweighted, 0);
    if (left > 0) out.push({ label: group.label, count: left });
  }
  return out;
}

/** The standard table of one framework and indicator; null when the analysis has neither. */
export function standardTable(result: AnalysisResult, lang: Lang, framework: string, indicator: Indicator, o: TableOptions = {}): StandardTable | null {
  const a = result.analysis;
  const fi = a.frameworks.findIndex((f) => f.id === framework);
  const ii = a.indicators.indexOf(indicator);
  if (fi < 0 || ii < 0) return null;
  const fw = a.frameworks[fi]!;
  const idx = new RowIndex(result);
  const withGap = (o.gap ?? true) && result.gaps.some((g) => g.framework === fw.id && g.indicator === indicator);
  const lines = tableLines(result, lang, fw, indicator, idx, o, withGap);
  const level = a.options.level;
  const groups: ColumnGroup[] = SEX_KEYS.map((s) => ({ key: s, label: t(lang, `sex.${s}`), columns: statsOf(o).map((st) => statColumn(lang, st, level)) }));
  if (withGap) {
    groups.push({
      key: 'gap',
      label: t(lang, 'col.gap'),
      columns: [{ key: 'gap', label: t(lang, 'col.gapPoints'), kind: 'gap' }, { key: 'p', label: t(lang, 'col.p'), kind: 'p' }],
    });
  }
  const n = fi * a.indicators.length + ii + 1;
  const range = ageRange(fw);
  return {
    id: `table-${n}`,
    n,
    framework: fw,
    indicator,
    // Hazardous work under a framework that does not count it (SDG 8.7.1) says so in its title.
    title: t(lang, 'table.title', { n, indicator: indicatorLabel(lang, fw, indicator), framework: fwName(lang, fw) }),
    subtitle: t(lang, 'table.subtitle', { from: range.from, to: range.to, indicatorLc: indicatorLabel(lang, fw, indicator, true) }),
    stub: t(lang, 'table.characteristic'),
    groups,
    lines,
    footnotes: tableNotes(result, lang, fw, lines, { gap: withGap, universeLabels: o.universeLabels, sourceName: o.sourceName, unclassified: unclassified(lines, lang) }),
  };
}

/** Every standard table of a run (or those of `frameworks` and `indicators`), in the analysis order. */
export function standardTables(result: AnalysisResult, lang: Lang, o: TableOptions = {}): StandardTable[] {
  const a = result.analysis;
  const fws = a.frameworks.filter((f) => !o.frameworks || o.frameworks.includes(f.id));
  const inds = a.indicators.filter((i) => !o.indicators || o.indicators.includes(i));
  return fws.flatMap((f) => inds.map((i) => standardTable(result, lang, f.id, i, o)!));
}
