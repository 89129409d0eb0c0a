import type { AnalysisResult, Indicator } from '../../analysis/index.js';
import { useI18n } from '../components/I18n.js';
import { en, type MessageKey } from '../i18n/translate.js';
import { resultChoices } from '../model/resultsLayout.js';
import type { Selected } from '../model/appState.js';

/** The app state's choice of framework, indicator and reference line (model/appState.ts). */
export type { Selected };

/** A preset's name in the chosen language; an edited or custom framework keeps the name it was given. */
export function useFrameworkName() {
  const { t } = useI18n();
  return (f: { id: string; name: string }) => {
    const key = `fw.${f.id}.name` as MessageKey;
    return key in en ? t(key) : f.name;
  };
}

/** Framework and indicator switchers shared by Results and Charts. */
export function Selection({ result, selected, onSelect }: { result: AnalysisResult; selected: Selected; onSelect: (s: Selected) => void }) {
  const { t } = useI18n();
  const name = useFrameworkName();
  const { frameworks, indicators } = resultChoices(result);
  return (
    <div className="selection">
      <div className="field">
        <label htmlFor="sel-framework">{t('results.framework')}</label>
        <select id="sel-framework" data-testid="select-framework" value={selected.framework} onChange={(e) => onSelect({ ...selected, framework: e.target.value })}>
          {frameworks.map((f) => (
            <option key={f.id} value={f.id}>
              {name(f)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="sel-indicator">{t('results.indicator')}</label>
        <select id="sel-indicator" data-testid="select-indicator" value={selected.indicator} onChange={(e) => onSelect({ ...selected, indicator: e.target.value as Indicator })}>
          {indicators.map((i) => (
            <option key={i} value={i}>
              {t(`ind.${i}`)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
