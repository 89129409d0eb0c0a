import type { ResolvedAnalysis } from '../analysisFile.js';
import type { Mapping } from '../types.js';
import type { DecodedTable } from './columns.js';

/**
 * The metadata a statistical file carries besides its values, as the loader returns it: variable
 * labels, value labels (the category names shown in results, charts and exports), and the codes that
 * were read as missing. Codes are written as in the raw table (`src`): "1", not "1.0".
 */
export interface DataLabels {
  /** The file's own label (SPSS file label, Stata dataset label). */
  dataset?: string;
  /** Variable labels by column: "HL4" -> "Sex of household member". */
  variables: Record<string, string>;
  /** Value labels by column: code -> label ("1" -> "Male"). */
  values: Record<string, Record<string, string>>;
  /**
   * Codes the file declares missing, by column: original code -> number of cells (SPSS user-missing
   * "97", Stata extended missing ".a"). The raw table keeps the code; every role reads it as missing.
   */
  missing: Record<string, Record<string, number>>;
  /** SPSS missing-value declarations by column, as the file states them. */
  declaredMissing: Record<string, { values?: number[]; range?: [number, number] }>;
}

export const emptyLabels = (): DataLabels => ({ variables: {}, values: {}, missing: {}, declaredMissing: {} });

/** The labels of a decoded SPSS or Stata file. */
export function labelsOf(t: DecodedTable): DataLabels {
  const out = emptyLabels();
  if (t.label) out.dataset = t.label;
  for (const c of t.columns) {
    if (c.label) out.variables[c.name] = c.label;
    if (c.valueLabels && Object.keys(c.valueLabels).length) out.values[c.name] = { ...c.valueLabels };
    if (c.kind === 'string' && c.missingCodes?.size) {
      const counts: Record<string, number> = {};
      for (const code of c.missingCodes.values()) counts[code] = (counts[code] ?? 0) + 1;
      out.missing[c.name] = counts;
    }
    if (c.kind === 'number') {
      if (c.missingCodes?.size) {
        const counts: Record<string, number> = {};
        for (const code of c.missingCodes.values()) counts[code] = (counts[code] ?? 0) + 1;
        out.missing[c.name] = counts;
      }
      if (c.userMissing) out.declaredMissing[c.name] = c.userMissing;
    }
  }
  return out;
}

/** The data column behind a result dimension (sex -> the mapped sex column); none for age_group. */
export function dimensionColumn(m: Mapping, dim: string): string | undefined {
  if (dim === 'sex') return m.sex.column;
  if (dim === 'region') return m.region?.column;
  if (dim === 'area') return m.area?.column;
  if (dim === 'age_group') return undefined;
  return (m.extras ?? []).includes(dim) ? dim : undefined;
}

/** The dimensions of an analysis whose column has value labels in the file, in cell order. */
export function labelledDimensions(a: ResolvedAnalysis, labels: DataLabels): string[] {
  const dims = ['sex', 'age_group', 'region', 'area', ...(a.mapping.extras ?? [])];
  return dims.filter((d) => {
    const col = dimensionColumn(a.mapping, d);
    return col !== undefined && labels.values[col] !== undefined;
  });
}

/**
 * The label of a cell's code for a dimension: the file's value label, else (sex, area) the meaning the
 * mapping gives the code (Male/Female, Urban/Rural), else ''. '' for the "all" cell.
 */
export function cellLabel(a: ResolvedAnalysis, labels: DataLabels, dim: string, code: string): string {
  if (code === '') return '';
  const col = dimensionColumn(a.mapping, dim);
  const own = col === undefined ? undefined : labels.values[col]?.[code];
  if (own !== undefined) return own;
  const m = a.mapping;
  if (dim === 'sex') return code === m.sex.male ? 'Male' : code === m.sex.female ? 'Female' : '';
  if (dim === 'area' && m.area) return code === m.area.urban ? 'Urban' : code === m.area.rural ? 'Rural' : '';
  return '';
}

/** `<dim>_label` values of a result cell for the given dimensions. */
export function cellLabels(a: ResolvedAnalysis, labels: DataLabels, cell: Record<string, string>, dims: string[]): Record<string, string> {
  return Object.fromEntries(dims.map((d) => [`${d}_label`, cellLabel(a, labels, d, cell[d] ?? '')]));
}
