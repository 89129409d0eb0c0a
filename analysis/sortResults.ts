import type { ResolvedAnalysis } from './analysisFile.js';
import { naturalCompare } from './naturalCompare.js';
import { quintileOrder } from './quintileOrder.js';
import type { ResultRow } from './run.js';

/** What orders a row of results or of gaps. */
type Sortable = Pick<ResultRow, 'framework' | 'indicator' | 'breakdown' | 'cell'>;

/**
 * Sorts a run's rows (results, gaps) in place, in the order of the output: frameworks and indicators
 * as asked, breakdowns as asked (`names`: each one's name in results), then cells: male first, age
 * groups in their order, urban first, wealth quintiles written as labels in their order
 * (quintileOrder.ts), other codes in natural order.
 */
export function sortResults(a: ResolvedAnalysis, names: string[], ...lists: Sortable[][]): void {
  const m = a.mapping;
  const fwOrder = new Map(a.frameworks.map((f, i) => [f.id, i]));
  const indOrder = new Map(a.indicators.map((x, i) => [x, i]));
  const bdOrder = new Map(names.map((name, i) => [name, i]));
  const ageOrder = new Map(a.ageGroups.map((g, i) => [g.label, i]));
  const dims = new Set(a.breakdowns.flat());
  const quintiles = new Map([...dims].map((k) => [k, quintileOrder(lists.flatMap((l) => l.map((r) => r.cell[k] ?? '')))] as const));
  const rank = (k: string, v: string) => {
    if (v === '') return -1;
    if (k === 'sex') return v === m.sex.male ? 0 : 1;
    if (k === 'area') return v === m.area?.urban ? 0 : 1;
    if (k === 'age_group') return ageOrder.get(v) ?? 99;
    return quintiles.get(k)?.get(v) ?? 0;
  };
  const cmp = (x: Sortable, y: Sortable) =>
    fwOrder.get(x.framework)! - fwOrder.get(y.framework)! ||
    indOrder.get(x.indicator)! - indOrder.get(y.indicator)! ||
    bdOrder.get(x.breakdown)! - bdOrder.get(y.breakdown)! ||
    (a.breakdowns[bdOrder.get(x.breakdown)!] ?? []).reduce(
      (acc, k) => acc || rank(k, x.cell[k]!) - rank(k, y.cell[k]!) || naturalCompare(x.cell[k]!, y.cell[k]!),
      0,
    );
  for (const list of lists) list.sort(cmp);
}
