import { breakdownColumns } from '../background.js';
import { t, type Lang } from '../export/i18n.js';
import { dimIn } from '../rounds/sharedDims.js';
import type { ChangeRow, RoundsResult } from '../rounds/types.js';
import type { AnalysisResult, ResultRow } from '../run.js';
import type { Framework, Indicator, Mapping } from '../types.js';
import { categoryLabel, dimensionLabel, type FileLabels } from './labels.js';
import { RowIndex } from './rowIndex.js';

/**
 * What the trend table, the trend charts and the rounds' CSV share: the rounds' results indexed, the
 * domains of every round in one order, their names, and the changes between rounds found by domain.
 *
 * Codes are compared across rounds as the core leaves them: regions and extra breakdowns after the
 * round's harmonisation recode (the shared categories), age groups by their label. Sex and area are
 * compared by meaning (boys, girls; urban, rural), since each round's mapping names its own codes
 * for them: a domain key here is 'male' / 'female' / 'urban' / 'rural' for those, the code otherwise.
 * A background characteristic is named as the first round names it, whatever each round's column for
 * it (rounds/sharedDims.ts), as the changes name it.
 */
export interface TrendOptions {
  /**
   * Each round's data-file labels, in the order of the rounds, for rounds that come without their own
   * (RoundRun.labels, which the core gives with the shared categories' labels for recoded dimensions).
   */
  labels?: (FileLabels | null | undefined)[];
  /** The shared categories after harmonisation: dimension -> code -> label (RoundsAnalysisFile.categories). */
  categories?: Record<string, Record<string, string>>;
}

export interface Pair {
  from: string;
  to: string;
}

const MEANINGS: Record<string, (m: Mapping) => Record<string, string | undefined>> = {
  sex: (m) => ({ male: m.sex.male, female: m.sex.female }),
  area: (m) => ({ urban: m.area?.urban, rural: m.area?.rural }),
};

/** A round's code of a dimension as a key: its meaning for sex and area, else the code itself. */
export function keyOf(m: Mapping, dim: string, code: string): string {
  const meanings = MEANINGS[dim]?.(m);
  if (!meanings) return code;
  return Object.entries(meanings).find(([, c]) => c === code)?.[0] ?? code;
}

/** A key back to the round's own code. */
export function codeOf(m: Mapping, dim: string, key: string): string {
  return MEANINGS[dim]?.(m)[key] ?? key;
}

/** A round's mapping maps the codes of `dim` onto shared categories (harmonisation recode). */
function recodes(m: Mapping, dim: string): boolean {
  return dim === 'region' ? !!m.region?.recode : !!m.recode?.[dim];
}

export class TrendData {
  readonly results: AnalysisResult[];
  readonly idx: RowIndex[];
  private readonly changes = new Map<string, ChangeRow>();
  constructor(readonly rr: RoundsResult, readonly o: TrendOptions = {}) {
    this.results = rr.rounds.map((r) => r.result);
    this.idx = this.results.map((r) => new RowIndex(r));
    for (const c of rr.changes) this.changes.set(this.changeKey(c.framework, c.indicator, c.from, c.to, this.changeCell(c)), c);
  }

  get first(): AnalysisResult {
    return this.results[0]!;
  }
  get labels(): string[] {
    return this.rr.rounds.map((r) => r.label);
  }
  roundOf(label: string): number {
    return this.rr.rounds.findIndex((r) => r.label === label);
  }
  /** Dimension `dim` (as the first round names it) as round `i` names it. */
  private own(i: number, dim: string): string {
    return dimIn(this.results[i]!.analysis.mapping, this.first.analysis.mapping, dim);
  }

  /** A change's domain as keys (its non-blank codes; sex and area by meaning in either round's codes). */
  private changeCell(c: ChangeRow): Record<string, string> {
    const rounds = [this.roundOf(c.from), this.roundOf(c.to)].filter((i) => i >= 0).map((i) => this.results[i]!.analysis.mapping);
    const out: Record<string, string> = {};
    for (const [d, code] of Object.entries(c.cell)) {
      if (code === '') continue;
      const keys = rounds.map((m) => keyOf(m, d, code)).filter((k) => k !== code);
      out[d] = keys[0] ?? code;
    }
    return out;
  }
  private changeKey(fw: string, ind: string, from: string, to: string, cell: Record<string, string>): string {
    return [fw, ind, from, to, ...Object.keys(cell).sort().map((d) => `${d}=${cell[d]}`)].join('\u0001');
  }

  /** The change of a domain ({} for the total; `cell` as keys) between two rounds, or null. */
  change(fw: string, ind: Indicator, p: Pair, cell: Record<string, string>): ChangeRow | null {
    return this.changes.get(this.changeKey(fw, ind, p.from, p.to, cell)) ?? null;
  }

  /** A round's estimate of a domain (`cell` as keys), or null when the round has none. */
  row(round: number, fw: string, ind: Indicator, cell: Record<string, string>): ResultRow | null {
    const m = this.results[round]!.analysis.mapping;
    const own = Object.fromEntries(Object.entries(cell).map(([d, k]) => [this.own(round, d), codeOf(m, d, k)]));
    return this.idx[round]!.get(fw, ind, own);
  }

  /** Round `round` maps dimension `dim` (a round without a wealth index does not: its rows have none). */
  maps(round: number, dim: string): boolean {
    const m = this.results[round]!.analysis.mapping;
    if (dim === 'sex' || dim === 'age_group') return true;
    if (dim === 'region' || dim === 'area') return !!m[dim];
    return breakdownColumns(m).includes(this.own(round, dim));
  }

  /** Round `round` estimates dimension `dim` (has a row of its breakdown alone). */
  estimates(round: number, dim: string): boolean {
    return this.idx[round]!.has([this.own(round, dim)]);
  }

  /** The pairs of rounds compared for a framework and indicator, in the changes' order. */
  pairs(fw: string, ind: Indicator): Pair[] {
    const out: Pair[] = [];
    for (const c of this.rr.changes) {
      if (c.framework !== fw || c.indicator !== ind || out.some((p) => p.from === c.from && p.to === c.to)) continue;
      out.push({ from: c.from, to: c.to });
    }
    return out;
  }

  /** Row dimensions of any round, in the standard table's order (rowDimensions; sex first: the trend table has no sex columns). */
  dimensions(): string[] {
    const first = this.first.analysis.mapping;
    const extras = [...new Set(this.results.flatMap((r) => breakdownColumns(r.analysis.mapping).map((c) => dimIn(first, r.analysis.mapping, c))))];
    return ['sex', 'age_group', 'region', 'area', ...extras].filter((d) => this.idx.some((x, i) => x.has([this.own(i, d)])));
  }

  /**
   * The domain keys of a dimension over every round: the shared categories' order where there are
   * some, then each round's codes in its result order (the core sorts them), first round first.
   */
  keys(dim: string): string[] {
    const seen: string[] = [];
    this.results.forEach((r, i) => {
      for (const code of this.idx[i]!.codes(this.own(i, dim))) {
        const k = keyOf(r.analysis.mapping, dim, code);
        if (!seen.includes(k)) seen.push(k);
      }
    });
    const shared = Object.keys(this.o.categories?.[dim] ?? {});
    return [...shared.filter((k) => seen.includes(k)), ...seen.filter((k) => !shared.includes(k))];
  }

  /**
   * A domain's name: the shared category's label; else, as every table names it (categoryLabel), from
   * the latest round that has it and a label for it, with the round's labels (the core's, harmonised),
   * else as the latest round that has it writes it (its code); a recoded code without the core's labels
   * has none, since the file's own value labels name its codes before the recode. The changes CSV
   * names its cells by the same rule (rounds/changesCsv.ts labeller).
   */
  label(lang: Lang, dim: string, key: string): string {
    const shared = this.o.categories?.[dim]?.[key];
    if (shared !== undefined) return shared;
    let unlabelled: string | undefined;
    for (let i = this.results.length - 1; i >= 0; i--) {
      const r = this.results[i]!;
      const code = codeOf(r.analysis.mapping, dim, key);
      const ownDim = this.own(i, dim);
      if (!this.idx[i]!.codes(ownDim).includes(code)) continue;
      const own = this.rr.rounds[i]!.labels;
      // The file's own value labels name the codes before the recode: not the shared ones.
      const label = !own && recodes(r.analysis.mapping, ownDim) ? code : categoryLabel(r, lang, ownDim, code, own ?? this.o.labels?.[i]);
      if (label !== code) return label;
      unlabelled ??= code;
    }
    if (unlabelled !== undefined) return unlabelled;
    return dim === 'sex' || dim === 'area' ? t(lang, `${dim === 'sex' ? 'sex' : 'area'}.${key}` as 'sex.male') : key;
  }

  /**
   * A dimension's heading (dimensionLabel): from the latest round that estimates it, with that round's
   * variable labels and its own column for a background characteristic.
   */
  dimensionName(lang: Lang, dim: string): string {
    const i = this.results.map((_, k) => k).reverse().find((k) => this.estimates(k, dim)) ?? this.results.length - 1;
    return dimensionLabel(lang, this.own(i, dim), this.fileLabels(i), this.results[i]!.analysis.mapping);
  }

  /** The labels of round `i` (the core's, else the ones given); the latest round's by default. */
  fileLabels(i = this.results.length - 1): FileLabels | null {
    return this.rr.rounds[i]?.labels ?? this.o.labels?.[i] ?? null;
  }

  framework(id: string): Framework | undefined {
    return this.first.analysis.frameworks.find((f) => f.id === id);
  }
}

/** A round as a heading: its label, and its year when the label does not already say it. */
export function roundHeading(lang: Lang, r: { label: string; year?: number }): string {
  if (r.year === undefined || r.label.includes(String(Math.floor(r.year)))) return r.label;
  return t(lang, 'trend.round', { round: r.label, year: String(r.year) });
}
