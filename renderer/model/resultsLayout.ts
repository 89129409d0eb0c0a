import type { AnalysisResult, GapRow, Indicator, ResultRow } from '../../analysis/index.js';
import { breakdownName } from '../core.js';
import { naturalCompare } from './naturalCompare.js';

/** One line of the report table: a group of children, with boys, girls, total and the gap. */
export interface LayoutRow {
  /** The cell's code ('' for the national total; the age-group label for age groups). */
  code: string;
  boys: ResultRow | null;
  girls: ResultRow | null;
  total: ResultRow | null;
  gap: GapRow | null;
}

/** A block of rows under one background characteristic ('total' for the national line). */
export interface LayoutSection {
  dimension: string;
  rows: LayoutRow[];
}

/**
 * Arranges the long results of a run like a survey report's table: rows are background
 * characteristics (total, age group, region, area, extra columns), columns are boys, girls and total.
 * The total column comes from the breakdown by the characteristic alone, the boys and girls columns
 * from its breakdown crossed with sex; a cell that the analysis did not ask for stays empty.
 */
export function resultsLayout(result: AnalysisResult, framework: string, indicator: Indicator): LayoutSection[] {
  const a = result.analysis;
  const { male, female } = a.mapping.sex;
  const rows = result.rows.filter((r) => r.framework === framework && r.indicator === indicator);
  const gaps = result.gaps.filter((g) => g.framework === framework && g.indicator === indicator);
  const names = new Set(a.breakdowns.map(breakdownName));
  // The crossed breakdown's name depends on the order of its dimensions in the analysis file.
  const crossed = (d: string) => a.breakdowns.map(breakdownName).find((n) => n === `sex_x_${d}` || n === `${d}_x_sex`);

  const section = (dimension: string, codes: string[]): LayoutSection | null => {
    const alone = dimension === 'total' ? 'total' : dimension;
    const bySex = dimension === 'total' ? 'sex' : crossed(dimension);
    if (!names.has(alone) && !(bySex && names.has(bySex))) return null;
    const key = dimension === 'total' ? null : dimension;
    const at = (r: { cell: Record<string, string> }, code: string) => key === null || r.cell[key] === code;
    return {
      dimension,
      rows: codes.map((code) => ({
        code,
        total: rows.find((r) => r.breakdown === alone && at(r, code)) ?? null,
        boys: rows.find((r) => r.breakdown === bySex && r.cell.sex === male && at(r, code)) ?? null,
        girls: rows.find((r) => r.breakdown === bySex && r.cell.sex === female && at(r, code)) ?? null,
        gap: gaps.find((g) => g.breakdown === bySex && at(g, code)) ?? null,
      })),
    };
  };

  const codesOf = (d: string) =>
    [...new Set(rows.filter((r) => r.breakdown === d || r.breakdown === crossed(d)).map((r) => r.cell[d]!))].filter((c) => c !== '').sort(naturalCompare);
  // Age groups in their own order; the group spanning every age repeats the total line and is left out.
  const lo = Math.min(...a.ageGroups.map((g) => g.from));
  const hi = Math.max(...a.ageGroups.map((g) => g.to));
  const ages = a.ageGroups.filter((g) => !(g.from === lo && g.to === hi)).map((g) => g.label);
  const area = a.mapping.area ? [a.mapping.area.urban, a.mapping.area.rural] : [];

  const sections = [
    section('total', ['']),
    section('age_group', ages),
    a.mapping.region ? section('region', codesOf('region')) : null,
    a.mapping.area ? section('area', area) : null,
    ...(a.mapping.extras ?? []).map((x) => section(x, codesOf(x))),
  ];
  return sections.filter((s): s is LayoutSection => s !== null && s.rows.some((r) => r.total || r.boys || r.girls));
}

/** The frameworks and indicators a result holds, for the Results and Charts switchers. */
export function resultChoices(result: AnalysisResult): { frameworks: { id: string; name: string }[]; indicators: Indicator[] } {
  return { frameworks: result.analysis.frameworks.map((f) => ({ id: f.id, name: f.name })), indicators: result.analysis.indicators };
}
