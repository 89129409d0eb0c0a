import { breakdownName, type AnalysisResult, type ResultRow } from '../run.js';
import type { Framework, Indicator } from '../types.js';
import { formatNumber, t, type Lang, type MessageKey } from './i18n.js';
import { frameworkRules, fwName } from './metadata.js';
import { smallCellNotes } from './smallCellNotes.js';
import { designNotes, fwOrigin, indicatorLabel, withoutClusters } from './statements.js';

export { smallCellNotes };

/**
 * Survey-report tables, as data: one table per framework x indicator, rows = background
 * characteristics (total, age group, region, area, extra columns), columns = boys, girls, total.
 * The Excel workbook and the HTML report both render these, so they always show the same cells.
 *
 * A row of the table takes its total column from the breakdown [dimension] and its boys and girls
 * from [sex, dimension] (in either order); the "Total" row from [] and [sex]. A cell whose breakdown
 * the analysis did not ask for is blank (null), and the table says so in a footnote.
 */
export type SexKey = 'male' | 'female' | 'total';
export const SEX_KEYS: readonly SexKey[] = ['male', 'female', 'total'];

export interface TableOptions {
  /** Show the confidence interval columns (default true). */
  ci?: boolean;
  /** Show the standard error (default true). */
  se?: boolean;
  /** Show the unweighted number of cases (default true). */
  n?: boolean;
  /** Frameworks to tabulate, by id (default all, in the analysis order). */
  frameworks?: string[];
  /** Indicators to tabulate (default all of the analysis, in its order). */
  indicators?: Indicator[];
  /** Value labels of the universe's codes (the metadata's design.universe.labels), for the universe note. */
  universeLabels?: Record<string, string>;
}

export interface TableLine {
  kind: 'total' | 'group' | 'value';
  label: string;
  /** The dimension (age_group, region, area or an extra column); '' for the total line. */
  dim: string;
  /** The cell's code in the data ('' for total and group lines). */
  code: string;
  cells: Record<SexKey, ResultRow | null>;
}

export interface ReportTable {
  /** 1-based table number, in the order tables are made. */
  n: number;
  framework: Framework;
  indicator: Indicator;
  title: string;
  subtitle: string;
  lines: TableLine[];
  footnotes: string[];
}

export interface Columns {
  ci: boolean;
  se: boolean;
  n: boolean;
}

export const columnsOf = (o: TableOptions = {}): Columns => ({ ci: o.ci ?? true, se: o.se ?? true, n: o.n ?? true });

const empty = (): Record<SexKey, ResultRow | null> => ({ male: null, female: null, total: null });

/** Index of result rows by framework, indicator, breakdown and cell. */
export class RowIndex {
  private readonly map = new Map<string, ResultRow>();
  constructor(readonly result: AnalysisResult) {
    for (const r of result.rows) this.map.set(RowIndex.key(r.framework, r.indicator, r.breakdown, r.cell), r);
  }
  private static key(fw: string, ind: string, bd: string, cell: Record<string, string>): string {
    const dims = bd === 'total' ? [] : bd.split('_x_');
    return [fw, ind, bd, ...dims.map((d) => `${d}=${cell[d] ?? ''}`)].join('\u0001');
  }
  /** The row of a domain, whatever the order of the dimensions in the analysis' breakdown. */
  get(fw: string, ind: string, cell: Record<string, string>): ResultRow | null {
    const dims = Object.keys(cell);
    for (const b of this.result.analysis.breakdowns) {
      if (b.length !== dims.length || !dims.every((d) => b.includes(d))) continue;
      const hit = this.map.get(RowIndex.key(fw, ind, breakdownName(b), cell));
      if (hit) return hit;
    }
    return null;
  }
  has(dims: string[]): boolean {
    return this.result.analysis.breakdowns.some((b) => b.length === dims.length && dims.every((d) => b.includes(d)));
  }
  /** Codes of a dimension in result order (the core sorts them: age groups in order, urban first, natural order). */
  codes(dim: string): string[] {
    const seen: string[] = [];
    for (const r of this.result.rows) {
      const b = r.breakdown.split('_x_');
      if (!b.includes(dim) || b.some((x) => x !== dim && x !== 'sex')) continue;
      const c = r.cell[dim]!;
      if (!seen.includes(c)) seen.push(c);
    }
    return seen;
  }
}

/** The dimensions that become row groups, in report order. */
export function rowDimensions(result: AnalysisResult): string[] {
  const idx = new RowIndex(result);
  const dims = ['age_group', 'region', 'area', ...(result.analysis.mapping.extras ?? [])];
  return dims.filter((d) => idx.has([d]) || idx.has([d, 'sex']));
}

/** A code as people read it: Boys/Girls, Urban/Rural, "5-11 years"; other codes as in the data. */
export function codeLabel(result: AnalysisResult, lang: Lang, dim: string, code: string): string {
  const m = result.analysis.mapping;
  if (dim === 'sex') return code === m.sex.male ? t(lang, 'sex.male') : code === m.sex.female ? t(lang, 'sex.female') : code;
  if (dim === 'area' && m.area) return code === m.area.urban ? t(lang, 'area.urban') : code === m.area.rural ? t(lang, 'area.rural') : code;
  if (dim === 'age_group') return t(lang, 'age.years', { label: code });
  return code;
}

export function dimLabel(lang: Lang, dim: string): string {
  return ['total', 'age_group', 'region', 'area', 'sex'].includes(dim) ? t(lang, `dim.${dim}` as MessageKey) : dim;
}

/** Ages covered by a framework (the union of its bands). */
export const ageRange = (fw: Framework) => ({ from: Math.min(...fw.bands.map((b) => b.from)), to: Math.max(...fw.bands.map((b) => b.to)) });

export function buildTables(result: AnalysisResult, lang: Lang, sourceName: string, opts: TableOptions = {}): ReportTable[] {
  const a = result.analysis;
  const m = a.mapping;
  const idx = new RowIndex(result);
  const frameworks = opts.frameworks ? a.frameworks.filter((f) => opts.frameworks!.includes(f.id)) : a.frameworks;
  const indicators = opts.indicators ? a.indicators.filter((i) => opts.indicators!.includes(i)) : a.indicators;
  const dims = rowDimensions(result);
  const tables: ReportTable[] = [];
  for (const fw of frameworks) {
    for (const ind of indicators) {
      const lines: TableLine[] = [];
      const bySex = (cell: Record<string, string>): Record<SexKey, ResultRow | null> => ({
        male: idx.get(fw.id, ind, { ...cell, sex: m.sex.male }),
        female: idx.get(fw.id, ind, { ...cell, sex: m.sex.female }),
        total: idx.get(fw.id, ind, cell),
      });
      lines.push({ kind: 'total', label: t(lang, 'dim.total'), dim: '', code: '', cells: bySex({}) });
      for (const d of dims) {
        lines.push({ kind: 'group', label: dimLabel(lang, d), dim: d, code: '', cells: empty() });
        for (const code of idx.codes(d)) {
          lines.push({ kind: 'value', label: codeLabel(result, lang, d, code), dim: d, code, cells: bySex({ [d]: code }) });
        }
      }
      const blank = lines.some((l) => l.kind !== 'group' && SEX_KEYS.some((s) => l.cells[s] === null));
      const range = ageRange(fw);
      const name = fwName(lang, fw);
      const origin = fwOrigin(lang, fw);
      tables.push({
        n: tables.length + 1,
        framework: fw,
        indicator: ind,
        // Hazardous work under a framework that does not count it (SDG 8.7.1) says so in its title.
        title: t(lang, 'table.title', { n: tables.length + 1, indicator: indicatorLabel(lang, fw, ind), framework: name }),
        subtitle: t(lang, 'table.subtitle', { from: range.from, to: range.to, indicatorLc: indicatorLabel(lang, fw, ind, true) }),
        lines,
        footnotes: [
          ...smallCellNotes(lang, a.options.smallCell),
          // "psus" would count children in a design without clusters: that note names no clusters.
          t(lang, withoutClusters(m) ? 'note.design.noClusters' : 'note.design', {
            level: levelText(lang, a.options.level),
            ci: t(lang, `ci.${a.options.ci}` as MessageKey),
            strata: result.design.strata,
            psus: result.design.psus,
          }),
          ...(blank ? [t(lang, 'note.blank')] : []),
          t(lang, 'note.definition', { framework: name, rules: frameworkRules(lang, fw) }),
          ...(origin ? [origin.sentence] : []),
          ...designNotes(lang, m, a.options.missingHours, opts.universeLabels),
          t(lang, 'note.source', { file: sourceName, sheet: t(lang, 'sheet.metadata') }),
        ],
      });
    }
  }
  return tables;
}

/** How a percentage is shown: "18.5", "(18.5)" for caution, "*" suppressed, "" not estimated. */
export function showPercent(lang: Lang, row: ResultRow | null, x: number | null, digits = 1): string {
  if (!row) return '';
  if (row.flag === 'suppressed') return '*';
  if (x === null) return '';
  const s = formatNumber(lang, x * 100, digits);
  return row.flag === 'caution' ? `(${s})` : s;
}

/** The level as a percentage for headers: 95, or 99.5. */
export const levelText = (lang: Lang, level: number) => formatNumber(lang, level * 100, Number.isInteger(Math.round(level * 1000) / 10) ? 0 : 1);

export type Stat = 'estimate' | 'ci_low' | 'ci_high' | 'se' | 'n';

export function statColumns(c: Columns): Stat[] {
  return ['estimate', ...(c.ci ? (['ci_low', 'ci_high'] as const) : []), ...(c.se ? (['se'] as const) : []), ...(c.n ? (['n'] as const) : [])];
}

export function statHeader(lang: Lang, s: Stat, level: number): string {
  const key: Record<Stat, MessageKey> = { estimate: 'col.estimate', ci_low: 'col.ci_low', ci_high: 'col.ci_high', se: 'col.se', n: 'col.n' };
  return t(lang, key[s], { level: levelText(lang, level) });
}
