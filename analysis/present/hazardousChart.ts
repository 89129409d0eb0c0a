import { indicatorName, t } from '../export/i18n.js';
import { countsHazards } from '../export/statements.js';
import type { AnalysisResult } from '../run.js';
import { dimensionLabel } from './labels.js';
import { CAUTION, ciTitle, config, datum, groupedBars, intervalLayers, SCHEMA, spoken, type Datum, type TooltipField } from './chartMarks.js';
import { chartContext, chartDescription, chartSubtitle, sexSeries, type ChartOptions } from './chartContext.js';
import type { ChartSpec } from './chartSpecs.js';
import { PALETTE } from './palette.js';
import type { SexKey } from './standardTable.js';

/**
 * Hazardous work within child labour, by sex. When the framework counts hazardous work as child
 * labour (hazardsInChildLabour = hazardous_work), a stacked bar: hazardous work, and the rest of
 * child labour up to the child labour estimate, with the intervals of both estimates. When it counts
 * hazardous conditions (MICS6 PR.3.4), hazardous work is not a part of child labour, and the two are
 * drawn side by side. When hazards do not make child labour at all (SDG 8.7.1), there is no chart:
 * drawing hazardous work beside that child labour presents it as part of the definition (and boys'
 * hazardous work can stand above boys' child labour); the tables give it, labelled as outside it.
 */
export function hazardousChart(result: AnalysisResult, opts: ChartOptions = {}): ChartSpec | null {
  const c = chartContext(result, { ...opts, indicator: 'child_labour' });
  if (!c || !result.analysis.indicators.includes('child_labour') || !result.analysis.indicators.includes('hazardous_work')) return null;
  if (!countsHazards(c.fw)) return null;
  const cl = sexSeries(c, {});
  const hw = sexSeries(c, {}, 'hazardous_work');
  const lang = c.lang;
  const sexLabel = (k: SexKey) => t(lang, `sex.${k}`);
  const groups = cl.filter((s) => s.row).map((s) => sexLabel(s.key));
  if (!groups.length) return null;

  if (c.fw.hazardsInChildLabour !== 'hazardous_work') {
    const data: Datum[] = [];
    for (const [i, s] of cl.entries()) {
      if (s.row) data.push(datum(lang, sexLabel(s.key), indicatorName(lang, 'child_labour'), s.row));
      const h = hw[i]!.row;
      if (h) data.push(datum(lang, sexLabel(s.key), indicatorName(lang, 'hazardous_work'), h));
    }
    const title = t(lang, 'chart.hazardous_side');
    const series = [indicatorName(lang, 'child_labour'), indicatorName(lang, 'hazardous_work')];
    const spec = groupedBars({
      lang, title, subtitle: chartSubtitle(c), description: chartDescription(c, title), axisTitle: dimensionLabel(lang, 'sex'),
      level: c.result.analysis.options.level, groups, series, colors: [PALETTE.other, PALETTE.hazardous], data,
    });
    return { id: 'hazardous', title, spec };
  }

  const partH = t(lang, 'chart.part.hazardous');
  const partO = t(lang, 'chart.part.other');
  const parts: Record<string, unknown>[] = [];
  const intervals: Datum[] = [];
  for (const [i, s] of cl.entries()) {
    const h = hw[i]!.row;
    if (!s.row) continue;
    const g = sexLabel(s.key);
    const total = datum(lang, g, indicatorName(lang, 'child_labour'), s.row);
    intervals.push(total);
    if (total.pct === null) continue;
    const hd = h ? datum(lang, g, partH, h) : null;
    const hp = hd?.pct ?? null;
    if (hd && hp !== null) {
      parts.push({ group: g, part: partH, of: partH, order: 0, value: hp, flag: hd.flag, label: hd.label, ci: hd.ci, n: hd.n, count: hd.count });
      intervals.push(hd);
    }
    // The rest of child labour is no estimate of its own: its segment reaches child labour's estimate,
    // whose figure, interval and n its tooltip (and a screen reader) give, named as such (a walk: it
    // read "Other child labour: 17.8 %" for a segment of 6.8).
    parts.push({ group: g, part: partO, of: total.series, order: 1, value: Math.max(0, total.pct - (hp ?? 0)), flag: total.flag, label: total.label, ci: total.ci, n: total.n, count: total.count });
  }
  const title = t(lang, 'chart.hazardous');
  const tips: TooltipField[] = [
    { field: 'group', type: 'nominal', title: ' ' },
    { field: 'of', type: 'nominal', title: t(lang, 'chart.series') },
    { field: 'label', type: 'nominal', title: '%' },
    { field: 'ci', type: 'nominal', title: ciTitle(lang, c.result.analysis.options.level) },
    { field: 'count', type: 'nominal', title: t(lang, 'col.n') },
  ];
  const said = spoken(lang, 'bar', tips);
  return {
    id: 'hazardous',
    title,
    spec: {
      $schema: SCHEMA,
      title: { text: title, subtitle: chartSubtitle(c), aria: false },
      description: chartDescription(c, title),
      width: 360,
      height: 260,
      encoding: { x: { field: 'group', type: 'nominal', sort: groups, title: dimensionLabel(lang, 'sex'), axis: { labelAngle: 0 }, scale: { paddingInner: 0.3 } } },
      layer: [
        {
          data: { values: parts },
          transform: said.transform,
          mark: { type: 'bar', stroke: PALETTE.outline, strokeWidth: 0.6, ...said.mark },
          encoding: {
            description: said.description,
            y: { field: 'value', type: 'quantitative', stack: 'zero', title: t(lang, 'chart.percent'), axis: { tickCount: 5, labelOverlap: true } },
            color: { field: 'part', type: 'nominal', sort: [partH, partO], scale: { domain: [partH, partO], range: [PALETTE.hazardous, PALETTE.other] } },
            order: { field: 'order', type: 'quantitative' },
            fillOpacity: { condition: { test: CAUTION, value: 0.35 }, value: 1 },
            tooltip: tips,
          },
        },
        ...intervalLayers('y').map((l) => ({ data: { values: intervals }, ...l })),
        {
          data: { values: intervals.filter((d) => d.series === indicatorName(lang, 'child_labour')) },
          mark: { type: 'text', baseline: 'bottom', dy: -3, fontSize: 9, color: PALETTE.text },
          encoding: { y: { field: 'at', type: 'quantitative' }, text: { field: 'label' } },
        },
      ],
      config: config(lang),
    },
  };
}
