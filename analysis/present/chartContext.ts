import { cvPercent } from '../export/smallCellNotes.js';
import { t, type Lang } from '../export/i18n.js';
import { fwName } from '../export/metadata.js';
import { fwOriginLines } from '../export/statements.js';
import type { AnalysisResult, ResultRow } from '../run.js';
import type { Framework, Indicator } from '../types.js';
import { subtitleLines } from './chartSize.js';
import { levelText } from './format.js';
import type { FileLabels } from './labels.js';
import type { Ge2020Region } from './referenceLines.js';
import { RowIndex } from './rowIndex.js';
import type { SexKey } from './standardTable.js';

export interface ChartOptions {
  lang?: Lang;
  /** Framework of the charts (default: the analysis' first). */
  framework?: string;
  /** Indicator of the sex/age, region and area charts (default child_labour when estimated). */
  indicator?: Indicator;
  /** The data file's labels: they name the regions. */
  labels?: FileLabels | null;
  /** A GE 2020 region whose child labour prevalence is drawn as a reference line on the region chart. */
  reference?: Ge2020Region | null;
}

/** What every chart of a run needs: the results indexed, the language, framework and indicator. */
export interface ChartContext {
  result: AnalysisResult;
  idx: RowIndex;
  lang: Lang;
  fw: Framework;
  ind: Indicator;
  labels: FileLabels | null;
}

export function chartContext(result: AnalysisResult, opts: ChartOptions): ChartContext | null {
  const a = result.analysis;
  const fw = opts.framework ? a.frameworks.find((f) => f.id === opts.framework) : a.frameworks[0];
  if (!fw) return null;
  const ind = opts.indicator ?? (a.indicators.includes('child_labour') ? 'child_labour' : a.indicators[0]!);
  if (!a.indicators.includes(ind)) return null;
  return { result, idx: new RowIndex(result), lang: opts.lang ?? 'en', fw, ind, labels: opts.labels ?? null };
}

/**
 * Subtitle lines, kept short: without a canvas (the command line), vega estimates text widths
 * generously, and a long line would widen the image. The framework (and what an edited preset is
 * based on) travels inside the chart, as SVG or PNG.
 */
export function chartSubtitle(c: ChartContext, extra: string[] = []): string[] {
  // What a star means under the table's rule: too few cases, or too large a coefficient of variation
  // (a walk: "too few cases" under the CV rule, beside bars of n = 454).
  const rule = c.result.analysis.options.smallCell;
  return subtitleLines([
    fwName(c.lang, c.fw),
    ...fwOriginLines(c.lang, c.fw),
    t(c.lang, 'chart.subtitle', { level: levelText(c.lang, c.result.analysis.options.level) }),
    t(c.lang, 'chart.flags'),
    rule.rule === 'cv' ? t(c.lang, 'chart.flags2.cv', { suppress: cvPercent(rule.suppressAt ?? 0.3) }) : t(c.lang, 'chart.flags2'),
    ...extra,
  ]);
}

/** The accessible description of a chart (vega sets it as the SVG's aria-label). */
export const chartDescription = (c: ChartContext, title: string) =>
  t(c.lang, 'chart.description', { title, level: levelText(c.lang, c.result.analysis.options.level) });

/** Boys, girls and total of a domain, in that order. */
export function sexSeries(c: ChartContext, cell: Record<string, string>, ind: Indicator = c.ind): { key: SexKey; row: ResultRow | null }[] {
  const m = c.result.analysis.mapping;
  return [
    { key: 'male', row: c.idx.get(c.fw.id, ind, { ...cell, sex: m.sex.male }) },
    { key: 'female', row: c.idx.get(c.fw.id, ind, { ...cell, sex: m.sex.female }) },
    { key: 'total', row: c.idx.get(c.fw.id, ind, cell) },
  ];
}
