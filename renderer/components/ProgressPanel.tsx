import { useI18n } from './I18n.js';

export interface Busy {
  label: string;
  done: number;
  of: number;
}

/** Progress of a long step, with a cancel button; announced politely to screen readers. */
export function ProgressPanel({ busy, onCancel }: { busy: Busy; onCancel: () => void }) {
  const { t } = useI18n();
  return (
    <div className="progress" role="status" aria-live="polite">
      <div className="progress-text">{busy.label}</div>
      <progress max={Math.max(busy.of, 1)} value={busy.done} aria-label={busy.label} />
      <button type="button" className="secondary" onClick={onCancel}>
        {t('action.cancel')}
      </button>
    </div>
  );
}
