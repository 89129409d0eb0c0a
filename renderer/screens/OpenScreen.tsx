import { useState, type DragEvent, type ReactNode } from 'react';
import type { AnalysisFile } from '../../analysis/index.js';
import { useI18n } from '../components/I18n.js';
import { filesOf } from '../model/joins.js';
import type { RecentAnalysis } from '../model/recentAnalyses.js';
import { readBrowserFile } from '../platform.js';
import type { OpenedFile } from '../../electron/api.js';

export interface OpenScreenProps {
  pending: AnalysisFile | null;
  /** Files of the pending analysis's set opened so far. */
  pendingFiles?: string[];
  recent: RecentAnalysis[];
  onFiles: (files: OpenedFile[]) => void;
  onChoose: () => void;
  onSample: () => void;
  onRecent: (r: RecentAnalysis) => void;
  /** Another notice of what the step waits for (the data files of a rounds analysis). */
  children?: ReactNode;
}

/** Step 1: a data file, the files of a survey file set, an analysis file with them, the bundled sample, or a recent analysis. */
export function OpenScreen({ pending, pendingFiles = [], recent, onFiles, onChoose, onSample, onRecent, children }: OpenScreenProps) {
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
      {pending && !pending.joins?.length && <p className="notice" role="status">{t('open.needData', { title: pending.title ?? '', file: pending.data.path })}</p>}
      {pending?.joins?.length ? (
        <p className="notice" role="status" data-testid="need-files">
          {t('open.needFiles', { title: pending.title ?? '', files: filesOf(pending).join(', '), missing: filesOf(pending).filter((f) => !pendingFiles.includes(f)).join(', ') })}
        </p>
      ) : null}
      {children}
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
          <p className="hint">{t('open.fileSet')}</p>
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
