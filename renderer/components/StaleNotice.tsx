import { useI18n } from './I18n.js';

/**
 * Said above results whose definitions changed since they were estimated (appState.ts resultStale):
 * the tables, charts and their exports are the earlier definitions', and one button estimates again.
 */
export function StaleNotice({ onRun, busy }: { onRun: () => void; busy: boolean }) {
  const { t } = useI18n();
  return (
    <div className="notice stale" role="status" data-testid="results-stale">
      <p>{t('results.stale')}</p>
      <button type="button" className="primary" onClick={onRun} disabled={busy}>
        {t('results.estimateAgain')}
      </button>
    </div>
  );
}
