/**
 * Value labels in the Data step's preview. Results and charts name categories through the
 * presentation layer (analysis/present/labels.ts), as every export does.
 */

/** A cell of the data preview: the code, and its value label when the file has one. */
export function cellText(value: unknown, valueLabels: Record<string, string> | undefined): string {
  if (value === null || value === undefined) return '';
  const code = String(value);
  const label = valueLabels?.[code];
  return label === undefined ? code : `${label} (${code})`;
}
