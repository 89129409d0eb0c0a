import type { Busy } from '../model/appState.js';
import { en, type MessageKey } from '../i18n/translate.js';
import { useI18n } from './I18n.js';

/** A step's name in the language shown now (a walk: "Lecture du fichier" stayed beside "Cancelar" after a switch to Spanish). */
export function progressLabel(t: (key: MessageKey) => string, step: string): string {
  const key = `progress.${step}` as MessageKey;
  return key in en ? t(key) : step;
}

/** Progress of a long step, with a cancel button; announced politely to screen readers. */
export function ProgressPanel({ busy, onCancel }: { busy: Busy; onCancel: () => void }) {
  const { t } = useI18n();
  const label = progressLabel(t, busy.step);
  return (
    <div className="progress" role="status" aria-live="polite">
      <div className="progress-text">{label}</div>
      <progress max={Math.max(busy.of, 1)} value={busy.done} aria-label={label} />
      <button type="button" className="secondary" onClick={onCancel}>
        {t('action.cancel')}
      </button>
    </div>
  );
}
