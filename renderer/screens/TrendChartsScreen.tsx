import { useMemo, type ReactNode } from 'react';
import { trendChartSpecs } from '../../analysis/present/trendCharts.js';
import type { RoundsResult } from '../../analysis/rounds/types.js';
import { useI18n } from '../components/I18n.js';
import { ChartCard } from '../components/ChartCard.js';
import { Selection, type Selected } from './Selection.js';

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
        {charts.length ? charts.map((c) => <ChartCard key={c.id} id={c.id} title={c.title} spec={c.spec} />) : <p className="hint">{t('charts.noData')}</p>}
      </div>
    </section>
  );
}
