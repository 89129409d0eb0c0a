import type { AnalysisResult, Flag, Indicator, ResultRow } from '../../analysis/index.js';
import { breakdownName } from '../core.js';

/**
 * One bar of a chart. Estimates and interval bounds are the core's own (`estimate`, `ci_low`,
 * `ci_high`, as proportions): the charts draw them and never compute an interval themselves.
 */
export interface ChartDatum {
  /** The category on the axis (age group, region, area, sex). */
  group: string;
  /** Boys, girls or total (translated), which colours the bar. */
  series: string;
  estimate: number | null;
  ci_low: number | null;
  ci_high: number | null;
  n: number;
  flag: Flag;
}

export interface SexLabels {
  boys: string;
  girls: string;
  total: string;
}

/** The rows of one framework and indicator for one breakdown (dimensions in any order). */
export function breakdownRows(result: AnalysisResult, framework: string, indicator: Indicator, dims: string[]): ResultRow[] {
  const wanted = [...dims].sort().join('|');
  const b = result.analysis.breakdowns.find((x) => [...x].sort().join('|') === wanted);
  if (!b) return [];
  const name = breakdownName(b);
  return result.rows.filter((r) => r.framework === framework && r.indicator === indicator && r.breakdown === name);
}

export function datum(r: ResultRow, group: string, series: string): ChartDatum {
  return { group, series, estimate: r.estimate, ci_low: r.ci_low, ci_high: r.ci_high, n: r.n_unweighted, flag: r.flag };
}

export function sexSeries(result: AnalysisResult, code: string, labels: SexLabels): string {
  const { male, female } = result.analysis.mapping.sex;
  return code === male ? labels.boys : code === female ? labels.girls : labels.total;
}
