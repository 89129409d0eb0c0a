import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import type { View } from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import type { AnalysisResult, DataLabels } from '../../analysis/index.js';
import { areaChart, areaData } from '../charts/areaChart.js';
import type { ChartText } from '../charts/chartLayers.js';
import { hazardChart, hazardData } from '../charts/hazardChart.js';
import { GE2020_REGIONS, regionChart, regionData } from '../charts/regionChart.js';
import { sexAgeChart, sexAgeData } from '../charts/sexAgeChart.js';
import { useI18n } from '../components/I18n.js';
import { VegaChart } from '../components/VegaChart.js';
import { svgToPng } from '../exportFiles.js';
import { basedOnLines, drawsHazardChart, frameworkTitle, hazardCriteriaText, indicatorTitle } from '../model/definitionNotes.js';
import { formatPercent } from '../model/formatStat.js';
import { categoryName } from '../model/labels.js';
import { saveFile } from '../platform.js';
import { Selection, type Selected } from './Selection.js';

function ChartFigure({ id, spec, caption, children }: { id: string; spec: TopLevelSpec | null; caption: string; children?: ReactNode }) {
  const { t } = useI18n();
  const view = useRef<View | null>(null);
  const onView = useCallback((v: View | null) => {
    view.current = v;
  }, []);
  const save = async () => {
    if (view.current) await saveFile('chart', `${id}.svg`, await view.current.toSVG());
  };
  // PNG at print resolution (300 dpi): the same SVG drawn on a canvas by the browser.
  const savePng = async () => {
    if (view.current) await saveFile('png', `${id}.png`, await svgToPng(await view.current.toSVG(), 300));
  };
  return (
    <figure className="chart-card" data-testid={`chart-${id}`}>
      {/* The chart draws its own title (kept in exported SVG files); the caption names the figure for screen readers. */}
      <figcaption className="visually-hidden">{caption}</figcaption>
      {children}
      {spec ? <VegaChart spec={spec} onView={onView} /> : <p className="hint">{t('charts.noData')}</p>}
      {spec && (
        <div className="chart-buttons">
          <button type="button" className="secondary small save-chart" onClick={save}>
            {t('charts.saveSvg')}
          </button>
          <button type="button" className="secondary small save-chart" onClick={savePng}>
            {t('charts.savePng')}
          </button>
        </div>
      )}
    </figure>
  );
}

/** Step 6: the four charts, all drawn from the core's estimates and intervals. */
export function ChartsScreen({ result, labels: dataLabels, selected, onSelect, children }: { result: AnalysisResult; labels: DataLabels | null; selected: Selected; onSelect: (s: Selected) => void; children?: ReactNode }) {
  const { t, locale, lang } = useI18n();
  const [reference, setReference] = useState<string>('');
  const level = Math.round(result.analysis.options.level * 1000) / 10;
  const fw = result.analysis.frameworks.find((f) => f.id === selected.framework) ?? result.analysis.frameworks[0]!;
  // Hazardous work under SDG 8.7.1 is named as outside that definition, in titles as in the exports.
  const indicator = indicatorTitle(lang, fw, selected.indicator);
  const hazardChartDrawn = drawsHazardChart(fw);

  const specs = useMemo(() => {
    const labels = { boys: t('results.boys'), girls: t('results.girls'), total: t('results.total') };
    const areaLabels = { urban: t('area.urban'), rural: t('area.rural') };
    const text = (title: string, group: string): ChartText => ({
      title,
      description: t('charts.describe', { title, level }),
      axisPercent: t('charts.axis'),
      group,
      series: t('charts.series'),
      estimate: t('charts.estimate'),
      ci: t('charts.ci'),
      n: t('charts.n'),
    });
    const sexAge = sexAgeData(result, fw.id, selected.indicator, labels);
    const regions = regionData(result, fw.id, selected.indicator, labels.total, (code) => categoryName(result, dataLabels, 'region', code));
    const areas = areaData(result, fw.id, selected.indicator, labels, areaLabels);
    const parts = { hazardous: t('charts.hazardous'), other: t('charts.otherCl') };
    const hazards = hazardData(result, fw.id, labels, parts);
    const ref = GE2020_REGIONS.find((r) => r.id === reference);
    const refLine = ref ? { label: `${t(`charts.ref.${ref.id}`)} ${formatPercent(ref.value, locale)} %`, value: ref.value } : null;
    return {
      sexAge: sexAge.length ? sexAgeChart(sexAge, result.analysis.ageGroups.map((g) => g.label), text(t('charts.sexAge', { indicator }), t('dim.age_group')), labels) : null,
      region: regions.length ? regionChart(regions, text(t('charts.region', { indicator }), t('dim.region')), refLine) : null,
      area: areas.length ? areaChart(areas, text(t('charts.area', { indicator }), t('dim.area')), labels, areaLabels) : null,
      hazard: hazardChartDrawn && hazards.segments.length ? hazardChart(hazards, text(t('charts.hazard'), t('charts.group')), labels, parts) : null,
    };
  }, [result, dataLabels, fw.id, selected.indicator, reference, t, locale, indicator, level, hazardChartDrawn]);

  return (
    <section aria-labelledby="charts-title">
      <h2 id="charts-title">{t('charts.title')}</h2>
      <Selection result={result} selected={selected} onSelect={onSelect} />
      {children}
      <p className="hint">{frameworkTitle(lang, fw)}</p>
      {basedOnLines(lang, fw).map((line) => (
        <p key={line} className="hint based-on">{line}</p>
      ))}
      <p className="hint">{t('charts.legend', { level })}</p>
      <div className="chart-grid">
        <ChartFigure id="sex-age" spec={specs.sexAge} caption={t('charts.sexAge', { indicator })} />
        <ChartFigure id="region" spec={specs.region} caption={t('charts.region', { indicator })}>
          <div className="field inline">
            <label htmlFor="ref-line">{t('charts.reference')}</label>
            <select id="ref-line" value={reference} onChange={(e) => setReference(e.target.value)}>
              <option value="">{t('charts.ref.none')}</option>
              {GE2020_REGIONS.map((r) => (
                <option key={r.id} value={r.id}>
                  {t(`charts.ref.${r.id}`)} ({formatPercent(r.value, locale)} %)
                </option>
              ))}
            </select>
          </div>
          {reference && <p className="hint">{t('charts.ref.note')}</p>}
        </ChartFigure>
        <ChartFigure id="area" spec={specs.area} caption={t('charts.area', { indicator })} />
        {hazardChartDrawn ? (
          <ChartFigure id="hazard" spec={specs.hazard} caption={t('charts.hazard')} />
        ) : (
          <p className="hint chart-card" data-testid="chart-hazard-not-part">{t('charts.hazardNotPart', { criteria: hazardCriteriaText(lang, fw) })}</p>
        )}
      </div>
    </section>
  );
}
