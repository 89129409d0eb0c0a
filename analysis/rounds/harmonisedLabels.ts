import type { DataLabels } from '../import/labels.js';
import type { Mapping } from '../types.js';

/**
 * The labels that name a round's result cells. A recoded column's cells hold the shared codes, which
 * the file's own value labels do not name (they name the codes as written, before the recode): for
 * such a column the shared `categories` of the rounds file name the cells, or, without them, no label
 * (the code is shown). A column that is not recoded keeps the file's labels, unless the rounds file
 * lists shared categories for its dimension (then the shared names win, so every round reads alike).
 */
export function harmonisedLabels(m: Mapping, labels: DataLabels, categories: Record<string, Record<string, string>> = {}): DataLabels {
  const values = { ...labels.values };
  const dims: [string, string, boolean][] = [];
  if (m.region) dims.push(['region', m.region.column, !!m.region.recode]);
  for (const e of m.extras ?? []) dims.push([e, e, !!m.recode?.[e]]);
  for (const [dim, column, recoded] of dims) {
    if (categories[dim]) values[column] = { ...categories[dim] };
    else if (recoded) delete values[column];
  }
  return { ...labels, values };
}
