import { smallCellNotes } from '../export/smallCellNotes.js';
import { t, type Lang, type MessageKey } from '../export/i18n.js';
import { fwName } from '../export/metadata.js';
import { indicatorLabel } from '../export/statements.js';
import type { AnalysisResult, ResultRow } from '../run.js';
import type { Framework, Indicator } from '../types.js';
import { formatCount, formatNumber, formatPercent, levelText, MISSING, withFlag } from './format.js';
import { categoryLabel, type FileLabels } from './labels.js';
import { RowIndex } from './rowIndex.js';
import { missingCell } from './statCells.js';
import { ageRange } from './standardTable.js';
import type { Cell, Column, Footnote, Line, NumberKind, TableModel } from './tableModel.js';

/**
 * The sampling-errors table that MICS and DHS reports print in their appendix: for the headline
 * indicators, by sex, area and region, the estimate, its standard error, coefficient of variation,
 * design effect (deff) and its square root (deft), the unweighted and weighted counts, and the
 * confidence limits. The limits are the core's interval (the one every table and chart shows), not
 * r +/- 2 SE; the design effect is the one the analysis asked for (options.deff). A suppressed estimate
 * withholds what would give it away, as in every table; its counts stay.
 */
export interface SamplingErrorsOptions {
  /** Framework (default: the analysis' first). */
  framework?: string;
  /** The data file's labels: they name the regions. */
  labels?: FileLabels | null;
}

export interface SamplingErrorsTable extends TableModel {
  framework: Framework;
}

/** The headline indicators, in the order reports give them. */
export const HEADLINE: readonly Indicator[] = ['child_labour', 'hazardous_work', 'children_in_employment'];

type Col = 'estimate' | 'se' | 'cv' | 'deff' | 'deft' | 'n' | 'weighted' | 'lower' | 'upper';
const COLUMNS: [Col, NumberKind, MessageKey][] = [
  ['estimate', 'percent', 'se.col.estimate'],
  ['se', 'points', 'se.col.se'],
  ['cv', 'ratio', 'se.col.cv'],
  ['deff', 'deff', 'se.col.deff'],
  ['deft', 'deff', 'se.col.deft'],
  ['n', 'count', 'se.col.n'],
  ['weighted', 'count', 'se.col.weighted'],
  ['lower', 'percent', 'se.col.lower'],
  ['upper', 'percent', 'se.col.upper'],
];

function cell(lang: Lang, r: ResultRow, c: Col, deff: number | null): Cell {
  const flag = r.flag;
  const num = (x: number | null, text: (x: number) => string): Cell => (x === null ? missingCell() : { text: text(x), numbers: [x], flag: null });
  if (c === 'n') return num(r.n_unweighted, (x) => formatCount(lang, x));
  if (c === 'weighted') return num(r.population, (x) => formatCount(lang, x));
  if (flag === 'suppressed') return c === 'estimate' ? { text: '*', numbers: [], flag } : missingCell();
  const pct = (x: number | null): Cell => (x === null ? missingCell() : { text: withFlag(formatPercent(lang, x), c === 'estimate' ? flag : null), numbers: [x * 100], flag: c === 'estimate' ? flag : null });
  if (c === 'estimate') return pct(r.estimate);
  if (c === 'lower') return pct(r.ci_low);
  if (c === 'upper') return pct(r.ci_high);
  if (c === 'se') return r.se === null ? missingCell() : { text: formatPercent(lang, r.se, 2), numbers: [r.se * 100], flag: null };
  if (c === 'cv') return num(r.cv, (x) => formatNumber(lang, x, 3));
  const value = c === 'deff' ? deff : deff === null ? null : Math.sqrt(deff);
  return num(value, (x) => formatNumber(lang, x, 2));
}

/** The domains of the table: total, boys, girls, each area, each region (where estimated). */
function domains(result: AnalysisResult, lang: Lang, labels: FileLabels | null | undefined, idx: RowIndex): { id: string; label: string; cell: Record<string, string> }[] {
  const m = result.analysis.mapping;
  const out: { id: string; label: string; cell: Record<string, string> }[] = [
    { id: 'total-all', label: t(lang, 'dim.total'), cell: {} },
    { id: 'sex-male', label: t(lang, 'sex.male'), cell: { sex: m.sex.male } },
    { id: 'sex-female', label: t(lang, 'sex.female'), cell: { sex: m.sex.female } },
  ];
  for (const dim of ['area', 'region']) {
    if (!idx.has([dim])) continue;
    for (const code of idx.codes(dim)) out.push({ id: `${dim}-${code}`, label: categoryLabel(result, lang, dim, code, labels), cell: { [dim]: code } });
  }
  return out;
}

export function samplingErrors(result: AnalysisResult, lang: Lang, o: SamplingErrorsOptions = {}): SamplingErrorsTable | null {
  const a = result.analysis;
  const fw = o.framework ? a.frameworks.find((f) => f.id === o.framework) : a.frameworks[0];
  if (!fw) return null;
  const idx = new RowIndex(result);
  const columns: Column[] = COLUMNS.map(([key, kind, label]) => ({ key, kind, label: t(lang, label) }));
  const lines: Line[] = [];
  for (const ind of HEADLINE.filter((i) => a.indicators.includes(i))) {
    const rows = domains(result, lang, o.labels, idx).map((d) => ({ d, r: idx.get(fw.id, ind, d.cell) })).filter((x): x is { d: typeof x.d; r: ResultRow } => x.r !== null);
    if (!rows.length) continue;
    lines.push({ kind: 'group', id: ind, label: indicatorLabel(lang, fw, ind), cells: [] });
    for (const { d, r } of rows) {
      const deff = a.options.deff === 'replace' ? r.deff_replace : r.deff;
      lines.push({ kind: d.id === 'total-all' ? 'total' : 'value', id: `${ind}-${d.id}`, label: d.label, cells: COLUMNS.map(([c]) => cell(lang, r, c, deff)) });
    }
  }
  if (!lines.length) return null;
  const range = ageRange(fw);
  const level = levelText(lang, a.options.level);
  const notes: Footnote[] = [
    { id: 'columns', text: t(lang, 'se.note.columns') },
    { id: 'limits', text: t(lang, 'se.note.limits', { level, ci: t(lang, `ci.${a.options.ci}` as MessageKey) }) },
    { id: 'deff', text: t(lang, a.options.deff === 'replace' ? 'se.note.deffReplace' : 'se.note.deffDefault') },
    ...smallCellNotes(lang, a.options.smallCell).map((text) => ({ id: 'flags', text })),
    ...(lines.some((l) => l.cells.some((c) => c.text === MISSING)) ? [{ id: 'missing', text: t(lang, 'note.missing') }] : []),
  ];
  return {
    // One per framework in the exports: the id names it (an HTML id is unique).
    id: `sampling-errors-${fw.id}`,
    framework: fw,
    title: t(lang, 'se.title', { framework: fwName(lang, fw) }),
    subtitle: t(lang, 'se.subtitle', { from: range.from, to: range.to }),
    stub: t(lang, 'se.stub'),
    groups: [{ key: '', label: '', columns }],
    lines,
    footnotes: notes,
  };
}
