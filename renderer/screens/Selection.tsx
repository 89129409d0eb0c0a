import type { AnalysisResult, Indicator } from '../../analysis/index.js';
import { useI18n } from '../components/I18n.js';
import { frameworkTitle } from '../model/definitionNotes.js';
import { resultChoices } from '../model/resultsLayout.js';
import type { Selected } from '../model/appState.js';

/** The app state's choice of framework, indicator and reference line (model/appState.ts). */
export type { Selected };

/** Framework and indicator switchers shared by Results and Charts. */
export function Selection({ result, selected, onSelect }: { result: AnalysisResult; selected: Selected; onSelect: (s: Selected) => void }) {
  const { t, lang } = useI18n();
  const { frameworks, indicators } = resultChoices(result);
  return (
    <div className="selection">
      <div className="field">
        <label htmlFor="sel-framework">{t('results.framework')}</label>
        <select id="sel-framework" data-testid="select-framework" value={selected.framework} onChange={(e) => onSelect({ ...selected, framework: e.target.value })}>
          {frameworks.map((f) => (
            <option key={f.id} value={f.id}>
              {/* A preset in the language; an edited one "<preset> - modified" in it too (the exports' words). */}
              {frameworkTitle(lang, f)}
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
