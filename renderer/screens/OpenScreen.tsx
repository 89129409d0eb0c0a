import { useState, type DragEvent } from 'react';
import type { AnalysisFile } from '../../analysis/index.js';
import { useI18n } from '../components/I18n.js';
import type { RecentAnalysis } from '../model/recentAnalyses.js';
import { readBrowserFile } from '../platform.js';
import type { OpenedFile } from '../../electron/api.js';

export interface OpenScreenProps {
  pending: AnalysisFile | null;
  recent: RecentAnalysis[];
  onFiles: (files: OpenedFile[]) => void;
  onChoose: () => void;
  onSample: () => void;
  onRecent: (r: RecentAnalysis) => void;
}

/** Step 1: a data file, an analysis file, both at once, the bundled sample, or a recent analysis. */
export function OpenScreen({ pending, recent, onFiles, onChoose, onSample, onRecent }: OpenScreenProps) {
  const { t, locale } = useI18n();
  const [over, setOver] = useState(false);
  const drop = async (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    onFiles(await Promise.all([...e.dataTransfer.files].map(readBrowserFile)));
  };
  return (
    <section aria-labelledby="open-title">
      <h2 id="open-title" tabIndex={-1}>{t('open.title')}</h2>
      <p className="lead">{t('open.intro')}</p>
      {pending && <p className="notice" role="status">{t('open.needData', { title: pending.title ?? '', file: pending.data.path })}</p>}
      <div className="open-grid">
        <div
          className={over ? 'dropzone over' : 'dropzone'}
          onDragOver={(e) => {
            e.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={drop}
        >
          <p className="dropzone-title">{t('open.drop')}</p>
          <p>{t('open.or')}</p>
          <button type="button" className="primary" onClick={onChoose}>
            {t('open.choose')}
          </button>
          <p className="hint">{t('open.formats')}</p>
        </div>
        <div className="card sample">
          <button type="button" className="primary" data-testid="open-sample" onClick={onSample}>
            {t('open.sample')}
          </button>
          <p className="hint">{t('open.sampleNote')}</p>
          <h3>{t('open.recent')}</h3>
          {recent.length === 0 ? (
            <p className="hint">{t('open.noRecent')}</p>
          ) : (
            <ul className="recent">
              {recent.map((r) => (
                <li key={`${r.title}|${r.dataFile}`}>
                  <button type="button" className="link" onClick={() => onRecent(r)}>
                    {r.title}
                  </button>
                  <span className="hint">
                    {' '}
                    {r.dataFile} · {t('recent.opened', { date: new Date(r.at).toLocaleDateString(locale) })}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
      <p className="hint privacy">{t('open.privacy')}</p>
    </section>
  );
}
