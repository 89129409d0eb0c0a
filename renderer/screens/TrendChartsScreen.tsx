import { useCallback, useMemo, useRef, type ReactNode } from 'react';
import type { View } from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import { trendChartSpecs, type TrendChartSpec } from '../../analysis/present/trendCharts.js';
import type { RoundsResult } from '../../analysis/rounds/types.js';
import { useI18n } from '../components/I18n.js';
import { VegaChart } from '../components/VegaChart.js';
import { saveFile } from '../platform.js';
import { Selection, type Selected } from './Selection.js';

/** A trend chart with its save button; the file is named by the chart's id, as the command line's chart files are. */
function TrendFigure({ chart }: { chart: TrendChartSpec }) {
  const { t } = useI18n();
  const view = useRef<View | null>(null);
  const onView = useCallback((v: View | null) => {
    view.current = v;
  }, []);
  const save = async () => {
    if (view.current) await saveFile('chart', `${chart.id}.svg`, await view.current.toSVG());
  };
  return (
    <figure className="chart-card" data-testid={`chart-${chart.id}`}>
      <figcaption className="visually-hidden">{chart.title}</figcaption>
      <VegaChart spec={chart.spec as unknown as TopLevelSpec} onView={onView} />
      <div className="chart-buttons">
        <button type="button" className="secondary small save-chart" onClick={save}>
          {t('charts.saveSvg')}
        </button>
      </div>
    </figure>
  );
}

/**
 * Step 6 with survey rounds: the trend charts (analysis/present/trendCharts.ts): boys, girls and total
 * over the rounds, age groups and areas, regions as a slope chart; each point with its round's own
 * confidence interval. The same specs the rounds' report draws.
 */
export function TrendChartsScreen({ rr, selected, onSelect, children }: { rr: RoundsResult; selected: Selected; onSelect: (s: Selected) => void; children?: ReactNode }) {
  const { t, lang } = useI18n();
  const first = rr.rounds[0]!.result;
  const charts = useMemo(() => trendChartSpecs(rr, { lang, framework: selected.framework, indicator: selected.indicator }), [rr, lang, selected.framework, selected.indicator]);
  return (
    <section aria-labelledby="charts-title">
      <h2 id="charts-title" tabIndex={-1}>{t('charts.title')}</h2>
      {children}
      <h3>{t('trends.charts')}</h3>
      <Selection result={first} selected={selected} onSelect={onSelect} />
      <div className="chart-grid">
        {charts.length ? charts.map((c) => <TrendFigure key={c.id} chart={c} />) : <p className="hint">{t('charts.noData')}</p>}
      </div>
    </section>
  );
}
