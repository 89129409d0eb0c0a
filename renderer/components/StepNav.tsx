import { STEPS, type Step } from '../model/appState.js';
import { useI18n } from './I18n.js';

export { STEPS, type Step };

/** The workflow as numbered steps; a step is reachable once what it needs exists. */
export function StepNav({ current, enabled, onGo }: { current: Step; enabled: (s: Step) => boolean; onGo: (s: Step) => void }) {
  const { t } = useI18n();
  return (
    <nav aria-label={t('app.steps')} className="steps">
      <ol>
        {STEPS.map((s, i) => (
          <li key={s}>
            <button type="button" className={s === current ? 'step current' : 'step'} aria-current={s === current ? 'step' : undefined} disabled={!enabled(s)} onClick={() => onGo(s)}>
              <span className="step-number" aria-hidden="true">{i + 1}</span> {t(`step.${s}`)}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
