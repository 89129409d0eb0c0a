import { breakdownName, type AnalysisResult, type GapRow, type ResultRow } from '../run.js';

/**
 * The results of a run indexed by framework, indicator and cell, whatever the order of the dimensions
 * in the analysis' breakdowns ([region, sex] and [sex, region] are the same table cells).
 */
export class RowIndex {
  private readonly rows = new Map<string, ResultRow>();
  private readonly gaps = new Map<string, GapRow>();
  constructor(readonly result: AnalysisResult) {
    for (const r of result.rows) this.rows.set(RowIndex.key(r.framework, r.indicator, r.breakdown, r.cell), r);
    for (const g of result.gaps) this.gaps.set(RowIndex.gapKey(g.framework, g.indicator, g.cell, g.breakdown.split('_x_')), g);
  }
  private static key(fw: string, ind: string, bd: string, cell: Record<string, string>): string {
    const dims = bd === 'total' ? [] : bd.split('_x_');
    return [fw, ind, bd, ...dims.map((d) => `${d}=${cell[d] ?? ''}`)].join('\u0001');
  }
  /** A gap's key: its dimensions other than sex, sorted, with their codes. */
  private static gapKey(fw: string, ind: string, cell: Record<string, string>, dims: string[]): string {
    return [fw, ind, ...dims.filter((d) => d !== 'sex').sort().map((d) => `${d}=${cell[d] ?? ''}`)].join('\u0001');
  }
  /** The row of a domain: `cell` names every dimension of its breakdown (sex included). */
  get(fw: string, ind: string, cell: Record<string, string>): ResultRow | null {
    const dims = Object.keys(cell);
    for (const b of this.result.analysis.breakdowns) {
      if (b.length !== dims.length || !dims.every((d) => b.includes(d))) continue;
      const hit = this.rows.get(RowIndex.key(fw, ind, breakdownName(b), cell));
      if (hit) return hit;
    }
    return null;
  }
  /** The boys-girls gap of a domain (`cell` without sex: {} for the national gap). */
  gap(fw: string, ind: string, cell: Record<string, string>): GapRow | null {
    return this.gaps.get(RowIndex.gapKey(fw, ind, cell, Object.keys(cell))) ?? null;
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
      if (c !== '' && !seen.includes(c)) seen.push(c);
    }
    return seen;
  }
}
