import type { ResolvedAnalysis } from '../analysisFile.js';
import { cellLabel, labelledDimensions, type DataLabels } from '../import/labels.js';
import { STAT_COLUMNS } from '../output.js';
import { cellColumns, type AnalysisResult, type ResultRow } from '../run.js';
import type { FileLabels } from './labels.js';
import { csvCell } from '../csv.js';

/**
 * The results CSV, the long format of `clstats run` (one row per framework x indicator x domain,
 * codes as in the data, numbers in JavaScript's shortest round-trip form, NA for none), with the
 * categories named: `sex_label` and `area_label` (the file's value label, else Male/Female and
 * Urban/Rural from the mapping), then a `<dimension>_label` column (`region_label`, `school_label`)
 * for every other dimension whose column has value labels in the data file. The command line's run
 * and export, and the app, all write this one file; the R script writes the same columns.
 * Labels stay in the file's language (and English for sex and area): the CSV is data, not a page.
 */
function asDataLabels(labels: FileLabels | null | undefined): DataLabels {
  return { variables: labels?.variables ?? {}, values: labels?.values ?? {}, missing: {}, declaredMissing: {} };
}

/** The `<dimension>_label` columns of an analysis' CSV, in order: sex, area, then the labelled ones. */
export function labelDimensions(a: ResolvedAnalysis, labels: FileLabels | null | undefined): string[] {
  const cells = cellColumns(a);
  const labelled = labelledDimensions(a, asDataLabels(labels)).filter((d) => cells.includes(d));
  return [...new Set(['sex', 'area', ...labelled])];
}

export function longCsv(result: AnalysisResult, labels?: FileLabels | null): string {
  const a = result.analysis;
  const cells = cellColumns(a);
  const dims = labelDimensions(a, labels);
  const data = asDataLabels(labels);
  const head = ['framework', 'indicator', 'breakdown', ...cells, ...STAT_COLUMNS, ...dims.map((d) => `${d}_label`)];
  const lines = [head.join(',')];
  for (const r of result.rows) {
    const named = dims.map((d) => cellLabel(a, data, d, r.cell[d] ?? ''));
    lines.push([r.framework, r.indicator, r.breakdown, ...cells.map((c) => r.cell[c]), ...STAT_COLUMNS.map((c) => r[c as keyof ResultRow]), ...named].map(csvCell).join(','));
  }
  return lines.join('\n') + '\n';
}
