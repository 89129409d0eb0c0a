import { cellLabel, emptyLabels } from '../import/labels.js';
import { gapsCsv, resultsJson } from '../output.js';
import { labelDimensions, longCsv } from '../present/longCsv.js';
import { firstNames } from './sharedDims.js';
import type { RoundsResult, RoundRun } from './types.js';
import { csvField, parseCsvRecords } from '../csv.js';

/**
 * Each round's rows as `clstats run` writes a single round's, with a first column `round` (its label):
 * the results CSV (present/longCsv.ts, labels from the shared categories for recoded dimensions), the
 * gaps CSV, and the JSON with every round's metadata, rows, gaps and messages and the changes.
 */


/**
 * Several CSVs (one per round) as one, `round` first; a column one round lacks (a label) is empty
 * there. A round's background columns and breakdowns are named as the first round's (sharedDims.ts
 * firstNames): one column per characteristic, whatever each round's own column for it.
 */
function stack(rr: RoundsResult, csvOf: (r: RoundRun) => string): string {
  const first = rr.rounds[0]!.result.analysis.mapping;
  const tables = rr.rounds.map((r) => {
    const names = firstNames(r.result.analysis, first);
    const [own = [], ...body] = parseCsvRecords(csvOf(r));
    const at = own.indexOf('breakdown');
    return { round: r.label, own: own.map(names.column), body: body.map((x) => x.map((v, i) => (i === at ? names.breakdown(v) : v))) };
  });
  // A column one round has and an earlier one lacks goes after the column it follows in that round
  // (an extra breakdown among the domain columns, not after the labels).
  const head: string[] = [];
  for (const t of tables) {
    let at = 0;
    for (const h of t.own) {
      const i = head.indexOf(h);
      if (i >= 0) at = i + 1;
      else head.splice(at++, 0, h);
    }
  }
  const lines = [['round', ...head].map(csvField).join(',')];
  for (const t of tables) {
    const at = head.map((h) => t.own.indexOf(h));
    for (const r of t.body) lines.push([t.round, ...at.map((i) => (i < 0 ? '' : r[i] ?? ''))].map(csvField).join(','));
  }
  return lines.join('\n') + '\n';
}

export function roundsCsv(rr: RoundsResult): string {
  return stack(rr, (r) => longCsv(r.result, r.labels ?? null));
}

export function roundsGapsCsv(rr: RoundsResult): string {
  return stack(rr, (r) => gapsCsv(r.result));
}

/** A round's rows with `round` first and `<dim>_label` fields (as the CSV's; in the first round's names, as `stack`). */
function withRound(r: RoundRun, rows: Record<string, unknown>[], first: RoundRun): Record<string, unknown>[] {
  const dims = labelDimensions(r.result.analysis, r.labels ?? null);
  const labels = r.labels ?? emptyLabels();
  const names = firstNames(r.result.analysis, first.result.analysis.mapping);
  const renamed = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [names.column(k), k === 'breakdown' ? names.breakdown(String(v)) : v]));
  return rows.map((x) => renamed({
    round: r.label,
    ...x,
    ...Object.fromEntries(dims.filter((d) => d in x).map((d) => [`${d}_label`, cellLabel(r.result.analysis, labels, d, String(x[d] ?? ''))])),
  }));
}

export function roundsJson(rr: RoundsResult, meta: Record<string, unknown> = {}, title = ''): string {
  const docs = rr.rounds.map((r) => ({ r, doc: JSON.parse(resultsJson(r.result)) as { metadata: Record<string, unknown>; messages: Record<string, unknown>[]; results: Record<string, unknown>[]; gaps: Record<string, unknown>[] } }));
  return JSON.stringify({
    metadata: {
      ...meta,
      title,
      rounds: docs.map(({ r, doc }) => ({
        label: r.label,
        year: r.year ?? null,
        ...doc.metadata,
        ...(r.imported ? { import: { format: r.imported.format, rows: r.imported.rows, columns: r.imported.columns.length } } : {}),
        notMeasured: r.unmeasured ?? [],
      })),
    },
    messages: docs.flatMap(({ r, doc }) => doc.messages.map((m) => ({ round: r.label, ...m }))),
    results: docs.flatMap(({ r, doc }) => withRound(r, doc.results, rr.rounds[0]!)),
    gaps: docs.flatMap(({ r, doc }) => withRound(r, doc.gaps, rr.rounds[0]!)),
    changes: rr.changes.map(({ cell, framework, indicator, breakdown, ...c }) => ({ framework, indicator, breakdown, ...cell, ...c })),
  }, null, 2) + '\n';
}
