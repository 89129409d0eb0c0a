import type { ResolvedAnalysis } from '../analysisFile.js';
import { csvField, parseCsvRecords } from '../csv.js';
import { cellLabels, labelledDimensions, type DataLabels } from '../import/labels.js';
import type { ImportResult } from '../import/load.js';
import type { ValidationReport } from '../validate.js';

/**
 * A CSV of the run (the gaps; the results are written by present/longCsv.ts by the same rule) with
 * the file's value labels: `<dim>_label` columns for the dimensions whose column
 * has value labels (sex_label and area_label, which the results always have, take the file's label
 * when there is one).
 */
export function withLabelColumnsCsv(csv: string, analysis: ResolvedAnalysis, labels: DataLabels): string {
  const dims = [...new Set(['sex', 'area', ...labelledDimensions(analysis, labels)])];
  const records = parseCsvRecords(csv);
  const head = records[0];
  if (!head) return csv;
  const present = dims.filter((d) => head.includes(d));
  const targets = present.map((d) => {
    const name = `${d}_label`;
    let at = head.indexOf(name);
    if (at < 0 && labelledDimensions(analysis, labels).includes(d)) at = head.push(name) - 1;
    return { d, at, from: head.indexOf(d) };
  }).filter((t) => t.at >= 0);
  for (const r of records.slice(1)) {
    for (const t of targets) r[t.at] = cellLabels(analysis, labels, { [t.d]: r[t.from] ?? '' }, [t.d])[`${t.d}_label`]!;
  }
  return records.map((r) => r.map(csvField).join(',')).join('\n') + '\n';
}

/** The results JSON with `<dim>_label` fields, the import and the validation report in the metadata. */
export function withLabelsJson(json: string, analysis: ResolvedAnalysis, imported: ImportResult, report: ValidationReport): string {
  const doc = JSON.parse(json) as { metadata: Record<string, unknown>; results: Record<string, string>[]; gaps: Record<string, string>[] };
  const labels = imported.labels;
  const dims = labelledDimensions(analysis, labels);
  for (const row of [...doc.results, ...doc.gaps]) {
    for (const d of dims) if (d in row) row[`${d}_label`] = cellLabels(analysis, labels, row, [d])[`${d}_label`]!;
  }
  const mapped = new Set([analysis.mapping.weight, analysis.mapping.age, analysis.mapping.sex.column, analysis.mapping.region?.column, analysis.mapping.area?.column, analysis.mapping.stratum, analysis.mapping.psu, ...(analysis.mapping.extras ?? [])]);
  const pick = <T>(o: Record<string, T>) => Object.fromEntries(Object.entries(o).filter(([k]) => mapped.has(k)));
  doc.metadata.import = {
    format: imported.format, rows: imported.rows, columns: imported.columns.length,
    ...(imported.encoding ? { encoding: imported.encoding } : {}), ...(imported.delimiter ? { delimiter: imported.delimiter } : {}),
    ...(imported.sheet ? { sheet: imported.sheet } : {}), ...(labels.dataset ? { label: labels.dataset } : {}),
  };
  doc.metadata.labels = { variables: pick(labels.variables), values: pick(labels.values), missing: pick(labels.missing) };
  const { findings: _findings, ...counts } = report;
  doc.metadata.validation = counts;
  return JSON.stringify(doc, null, 2);
}
