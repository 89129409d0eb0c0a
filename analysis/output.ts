import type { AnalysisResult, GapRow, ResultRow } from './run.js';
import { cellColumns } from './run.js';
import { formatMessage } from './messages.js';
import { csvCell } from './csv.js';

/**
 * Results as the command line writes them: the long format of the reference file (one row per
 * framework x indicator x domain, cells holding the data's own codes, '' meaning all) plus cv and
 * flag, then label columns. Numbers are written in JavaScript's shortest round-trip form, so a file
 * read back gives the same doubles.
 */
export const STAT_COLUMNS = [
  'estimate', 'se', 'ci_low', 'ci_high', 'df', 'total', 'total_se', 'population', 'n_unweighted', 'deff', 'deff_replace', 'cv', 'flag',
] as const;
export const GAP_COLUMNS = ['boys', 'girls', 'gap', 'se', 'ci_low', 'ci_high', 'df', 'p_value'] as const;

function labels(result: AnalysisResult, r: { cell: Record<string, string> }): string[] {
  const m = result.analysis.mapping;
  const sex = r.cell.sex === m.sex.male ? 'Male' : r.cell.sex === m.sex.female ? 'Female' : '';
  const area = !m.area ? '' : r.cell.area === m.area.urban ? 'Urban' : r.cell.area === m.area.rural ? 'Rural' : '';
  return [sex, area];
}

export function resultsCsv(result: AnalysisResult): string {
  const cells = cellColumns(result.analysis);
  const head = ['framework', 'indicator', 'breakdown', ...cells, ...STAT_COLUMNS, 'sex_label', 'area_label'];
  const lines = [head.join(',')];
  for (const r of result.rows) {
    lines.push(
      [r.framework, r.indicator, r.breakdown, ...cells.map((c) => r.cell[c]), ...STAT_COLUMNS.map((c) => r[c as keyof ResultRow]), ...labels(result, r)]
        .map(csvCell)
        .join(','),
    );
  }
  return lines.join('\n') + '\n';
}

export function gapsCsv(result: AnalysisResult): string {
  const cells = cellColumns(result.analysis).filter((c) => c !== 'sex');
  const head = ['framework', 'indicator', 'breakdown', ...cells, ...GAP_COLUMNS];
  const lines = [head.join(',')];
  for (const g of result.gaps) {
    lines.push([g.framework, g.indicator, g.breakdown, ...cells.map((c) => g.cell[c]), ...GAP_COLUMNS.map((c) => g[c as keyof GapRow])].map(csvCell).join(','));
  }
  return lines.join('\n') + '\n';
}

/** Everything about a run: what it used (metadata), the results, the gaps and the messages. */
export function resultsJson(result: AnalysisResult, meta: Record<string, unknown> = {}): string {
  const { analysis, design, childrenInScope, rows, gaps, messages, file } = result;
  return JSON.stringify(
    {
      metadata: {
        ...meta,
        title: analysis.title,
        dataFile: file,
        rowsRead: design.rows,
        childrenInScope,
        design: { ...design, weight: analysis.mapping.weight, stratum: analysis.mapping.stratum ?? null, psu: analysis.mapping.psu ?? null },
        frameworks: analysis.frameworks,
        options: analysis.options,
        ageGroups: analysis.ageGroups,
      },
      messages,
      results: rows.map(({ cell, framework, indicator, breakdown, ...r }) => ({ framework, indicator, breakdown, ...cell, ...r })),
      gaps: gaps.map(({ cell, framework, indicator, breakdown, ...g }) => ({ framework, indicator, breakdown, ...cell, ...g })),
    },
    null,
    2,
  );
}

export function messagesText(result: AnalysisResult): string {
  return result.messages.map(formatMessage).join('\n');
}
