import type { AnalysisResult, DataLabels } from '../../analysis/index.js';
import { cellLabel } from '../core.js';

/**
 * The name of a category in the results table and the charts: the data file's value label ("Nord"
 * for region code 1), else the code itself. Sex, area and age groups are named by the app's own
 * translated words instead, so they follow the interface language.
 */
export function categoryName(result: AnalysisResult, labels: DataLabels | null, dim: string, code: string): string {
  if (!labels || code === '' || dim === 'sex' || dim === 'area' || dim === 'age_group') return code;
  return cellLabel(result.analysis, labels, dim, code) || code;
}

/** A cell of the data preview: the code, and its value label when the file has one. */
export function cellText(value: unknown, valueLabels: Record<string, string> | undefined): string {
  if (value === null || value === undefined) return '';
  const code = String(value);
  const label = valueLabels?.[code];
  return label === undefined ? code : `${label} (${code})`;
}
