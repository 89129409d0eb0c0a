import { useMemo, type ReactNode } from 'react';
import type { AnalysisResult, DataLabels } from '../../analysis/index.js';
import { useI18n } from '../components/I18n.js';
import { ChartCard } from '../components/ChartCard.js';
import { chartSpecs, cvPercent, GE2020_REGIONS, isGe2020Region, referenceComparable, referenceLine, type ChartId, type ChartSpec } from '../core.js';
import { basedOnLines, drawsHazardChart, frameworkTitle, hazardCriteriaText } from '../model/definitionNotes.js';
import { Selection, type Selected } from './Selection.js';

/** The charts laid out above by name (the region chart with its reference line, the hazardous chart or its note). */
const STANDARD: ChartId[] = ['sex_age', 'regions', 'areas', 'hazardous'];

/** A standard chart in its card (ChartCard: the SVG and PNG buttons). */
function ChartFigure({ id, chart, children }: { id: ChartId; chart: ChartSpec | undefined; children?: ReactNode }) {
  return (
    <ChartCard id={id} title={chart?.title} spec={chart?.spec}>
      {children}
    </ChartCard>
  );
}

/**
 * Step 6: the standard charts of the presentation layer (analysis/present/chartSpecs.ts), the very
 * specs the report and the command line's chart files draw: same palette, the core's intervals,
 * flags, sizes and, when chosen here, the GE 2020 reference line (which the exports then draw too).
 */
export function ChartsScreen({ result, labels, selected, onSelect, children }: { result: AnalysisResult; labels: DataLabels | null; selected: Selected; onSelect: (s: Selected) => void; children?: ReactNode }) {
  const { t, lang } = useI18n();
  const level = Math.round(result.analysis.options.level * 1000) / 10;
  const rule = result.analysis.options.smallCell;
  const fw = result.analysis.frameworks.find((f) => f.id === selected.framework) ?? result.analysis.frameworks[0]!;
  const reference = selected.reference ?? null;
  const charts = useMemo(() => {
    const specs = chartSpecs(result, { lang, framework: fw.id, indicator: selected.indicator, labels, reference });
    return new Map(specs.map((c) => [c.id, c]));
  }, [result, lang, fw.id, selected.indicator, labels, reference]);

  return (
    <section aria-labelledby="charts-title">
      <h2 id="charts-title" tabIndex={-1}>{t('charts.title')}</h2>
      <Selection result={result} selected={selected} onSelect={onSelect} />
      {children}
      <p className="hint">{frameworkTitle(lang, fw)}</p>
      {basedOnLines(lang, fw).map((line) => (
        <p key={line} className="hint based-on">{line}</p>
      ))}
      {/* Under the CV rule a pale bar or a star says a coefficient of variation, not few cases (a walk). */}
      <p className="hint" data-testid="charts-legend">
        {rule.rule === 'cv' ? t('charts.legend.cv', { level, flag: cvPercent(rule.flagAt ?? 0.2), suppress: cvPercent(rule.suppressAt ?? 0.3) }) : t('charts.legend', { level })}
      </p>
      <div className="chart-grid">
        <ChartFigure id="sex_age" chart={charts.get('sex_age')} />
        <ChartFigure id="regions" chart={charts.get('regions')}>
          {/* The GE 2020 figures are child labour under GE 2020: offered beside that indicator only (referenceLines.ts). */}
          {referenceComparable(fw.id, selected.indicator) && (<>
          <div className="field inline">
            <label htmlFor="ref-line">{t('charts.reference')}</label>
            <select id="ref-line" value={reference ?? ''} onChange={(e) => onSelect({ ...selected, reference: isGe2020Region(e.target.value) ? e.target.value : null })}>
              <option value="">{t('charts.ref.none')}</option>
              {GE2020_REGIONS.map((r) => (
                <option key={r.id} value={r.id}>
                  {referenceLine(lang, r.id)!.label}
                </option>
              ))}
            </select>
          </div>
          {reference && <p className="hint">{t('charts.ref.note')}</p>}
          </>)}
        </ChartFigure>
        <ChartFigure id="areas" chart={charts.get('areas')} />
        {drawsHazardChart(fw) ? (
          <ChartFigure id="hazardous" chart={charts.get('hazardous')} />
        ) : (
          <p className="hint chart-card" data-testid="chart-hazard-not-part">{t('charts.hazardNotPart', { criteria: hazardCriteriaText(lang, fw) })}</p>
        )}
        {/* After the standard four: every other chart the presentation layer makes (one per background characteristic with rows), in its order. */}
        {[...charts.values()].filter((c) => !STANDARD.includes(c.id)).map((c) => (
          <ChartFigure key={c.id} id={c.id} chart={c} />
        ))}
      </div>
    </section>
  );
}
