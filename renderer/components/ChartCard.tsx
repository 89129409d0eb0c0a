import { useCallback, useRef, type ReactNode } from 'react';
import type { View } from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import { svgToPng } from '../exportFiles.js';
import { saveFile } from '../platform.js';
import { useI18n } from './I18n.js';
import { VegaChart } from './VegaChart.js';

/**
 * A chart with its save buttons, SVG and PNG, for the standard charts and the trend charts alike; the
 * files are named by the chart's id, as the command line's chart files are (sex_age.svg, regions.png).
 * No chart (`spec` undefined): the "no data" hint in its place.
 */
export function ChartCard({ id, title, spec, children }: { id: string; title?: string; spec?: unknown; children?: ReactNode }) {
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
      {spec !== undefined && title && <figcaption className="visually-hidden">{title}</figcaption>}
      {children}
      {spec !== undefined ? <VegaChart spec={spec as TopLevelSpec} onView={onView} /> : <p className="hint">{t('charts.noData')}</p>}
      {spec !== undefined && (
        <div className="chart-buttons">
          <button type="button" className="secondary small save-chart" onClick={save} aria-label={title ? `${t('charts.saveSvg')}${t('punct.colon')}${title}` : undefined}>
            {t('charts.saveSvg')}
          </button>
          <button type="button" className="secondary small save-chart" onClick={savePng} aria-label={title ? `${t('charts.savePng')}${t('punct.colon')}${title}` : undefined}>
            {t('charts.savePng')}
          </button>
        </div>
      )}
    </figure>
  );
}
