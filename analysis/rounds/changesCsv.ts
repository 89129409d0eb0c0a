import { cellLabel, emptyLabels, labelledDimensions } from '../import/labels.js';
import { dimIn, domainColumns } from './sharedDims.js';
import type { Mapping } from '../types.js';
import type { ChangeRow, RoundRun } from './types.js';
import { csvCell } from '../csv.js';

/**
 * The changes between rounds as the command line writes them (`clstats run --changes`, `clstats
 * compare`): one row per framework x indicator x domain and pair of rounds, the domain columns of
 * `clstats run` (codes of the earlier round; sex and area matched by meaning), the two estimates, the
 * change with its SE, df, interval and p-value, the relative change and the AARR with their SEs, and
 * why a change is not comparable. Numbers in JavaScript's shortest round-trip form, NA for none.
 */
export const CHANGE_COLUMNS = [
  'from', 'to', 'estimate_1', 'se_1', 'n_1', 'flag_1', 'estimate_2', 'se_2', 'n_2', 'flag_2', 'difference', 'difference_se', 'df', 'ci_low', 'ci_high',
  'p_value', 'relative_change', 'relative_change_se', 'aarr', 'aarr_se',
] as const;
export const REASON_COLUMNS = ['comparable', 'not_comparable', 'not_comparable_round', 'not_comparable_roles'] as const;

/** The `<dim>_label` columns: sex and area always, then every dimension a round's labels name (in the first round's names). */
function labelDims(rounds: RoundRun[]): string[] {
  const first = rounds[0]!.result.analysis;
  const cells = domainColumns(rounds.map((r) => r.result.analysis.mapping));
  const labelled = rounds.flatMap((r) => labelledDimensions(r.result.analysis, r.labels ?? emptyLabels()).map((d) => dimIn(first.mapping, r.result.analysis.mapping, d)));
  return [...new Set(['sex', 'area', ...labelled.filter((d) => cells.includes(d))])];
}

/** A code of `dim` in round `from`'s codes as round `to` writes it: sex and area by meaning, other codes shared. */
function sameMeaning(from: Mapping, to: Mapping, dim: string, code: string): string {
  if (dim === 'sex') return code === from.sex.male ? to.sex.male : code === from.sex.female ? to.sex.female : code;
  if (dim === 'area' && from.area && to.area) return code === from.area.urban ? to.area.urban : code === from.area.rural ? to.area.rural : code;
  return code;
}

/**
 * Labels of a change's cells as the trend tables name their domains (present/trendData.ts label):
 * from the latest round that has the domain and a label for it, with that round's labels. A walk: the
 * changes CSV named a category with the earliest round's label ("Sí") where the screen, the report and
 * the workbook used the latest's ("Yes"). `dims` in the first round's names; a cell holds the earlier
 * round's codes.
 */
function labeller(rounds: RoundRun[]): (c: ChangeRow, dims: string[]) => string[] {
  const first = rounds[0]!.result.analysis.mapping;
  const seen = new Map<string, Set<string>>();
  const has = (i: number, dim: string, code: string) => {
    const key = `${i}\u0001${dim}`;
    if (!seen.has(key)) seen.set(key, new Set(rounds[i]!.result.rows.map((r) => r.cell[dim] ?? '')));
    return seen.get(key)!.has(code);
  };
  return (c, dims) => {
    const from = rounds.find((x) => x.label === c.from) ?? rounds[0]!;
    const fm = from.result.analysis.mapping;
    return dims.map((d) => {
      const code = c.cell[d] ?? '';
      for (let i = rounds.length - 1; i >= 0 && code !== ''; i--) {
        const r = rounds[i]!;
        const own = dimIn(r.result.analysis.mapping, first, d);
        const rc = sameMeaning(fm, r.result.analysis.mapping, d, code);
        const label = has(i, own, rc) ? cellLabel(r.result.analysis, r.labels ?? emptyLabels(), own, rc) : '';
        if (label !== '') return label;
      }
      return '';
    });
  };
}

const reason = (c: ChangeRow) => [
  c.not_comparable === null ? 'TRUE' : 'FALSE',
  c.not_comparable?.kind ?? '',
  c.not_comparable?.round ?? '',
  // What the round lacks: the roles of a module, or the ages (age atoms, "15-17") of an age gap.
  c.not_comparable?.kind === 'module' ? c.not_comparable.roles.join(' ') : c.not_comparable?.kind === 'ages' ? c.not_comparable.lacking.map((l) => l.ages.join(' ')).join(' / ') : '',
];

export function changesCsv(rounds: RoundRun[], changes: ChangeRow[]): string {
  const cells = domainColumns(rounds.map((r) => r.result.analysis.mapping));
  const dims = labelDims(rounds);
  const labelsOf = labeller(rounds);
  const head = ['framework', 'indicator', 'breakdown', ...cells, ...CHANGE_COLUMNS, ...REASON_COLUMNS, ...dims.map((d) => `${d}_label`)];
  const lines = [head.join(',')];
  for (const c of changes) {
    lines.push([c.framework, c.indicator, c.breakdown, ...cells.map((d) => c.cell[d] ?? ''), ...CHANGE_COLUMNS.map((k) => c[k]), ...reason(c), ...labelsOf(c, dims)]
      .map(csvCell).join(','));
  }
  return lines.join('\n') + '\n';
}

/** The same as JSON: what was compared (metadata) and one object per change, its domain's codes flat. */
export function changesJson(rounds: RoundRun[], changes: ChangeRow[], meta: Record<string, unknown> = {}): string {
  const dims = labelDims(rounds);
  const labelsOf = labeller(rounds);
  const first = rounds[0]!.result.analysis;
  return JSON.stringify({
    metadata: {
      ...meta,
      rounds: rounds.map((r) => ({ label: r.label, year: r.year ?? null, dataFile: r.result.file })),
      level: first.options.level,
      method: 'independent samples: SE = sqrt(se_1^2 + se_2^2), df = df_1 + df_2, Student t (docs/methods.md, Change between rounds)',
    },
    changes: changes.map(({ cell, framework, indicator, breakdown, ...c }) => {
      const labels = labelsOf({ ...c, framework, indicator, breakdown, cell }, dims);
      return { framework, indicator, breakdown, ...cell, ...c, ...Object.fromEntries(dims.map((d, i) => [`${d}_label`, labels[i]])) };
    }),
  }, null, 2) + '\n';
}
