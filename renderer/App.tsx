import { useEffect, useMemo, useReducer, useRef } from 'react';
import { useAppActions } from './app/appActions.js';
import { StepView } from './app/StepView.js';
import { TopBar } from './app/TopBar.js';
import { useQuickCheck } from './app/useQuickCheck.js';
import { useFocusKeeper } from './app/useFocusKeeper.js';
import { focusStepHeading, useStepFocus } from './app/useStepFocus.js';
import { I18nContext, makeI18n } from './components/I18n.js';
import { MessageList } from './components/MessageList.js';
import { ProgressPanel } from './components/ProgressPanel.js';
import type { MessageKey } from './i18n/translate.js';
import { StepNav } from './components/StepNav.js';
import { EngineClient } from './engine/engineClient.js';
import { LANGS } from './i18n/translate.js';
import { appReducer, canGo, initialState, pickLang } from './model/appState.js';
import { failureShown } from './model/failureShown.js';
import { readRecent } from './model/recentAnalyses.js';
import { appVersion, onCommand, setHostLanguage } from './platform.js';

const LANG_KEY = 'clstats.lang';

/** The workflow: open, data, map, define, results, charts. The state is model/appState.ts; the steps are views of it. */
export function App() {
  const [state, dispatch] = useReducer(appReducer, null, () => initialState(pickLang(localStorage.getItem(LANG_KEY), navigator.language, LANGS), readRecent(localStorage)));
  const i18n = useMemo(() => makeI18n(state.lang), [state.lang]);
  const { t } = i18n;
  const engine = useRef<EngineClient | null>(null);
  engine.current ??= new EngineClient();
  const actions = useAppActions(state, dispatch, engine.current);
  const main = useRef<HTMLElement>(null);

  useEffect(() => {
    document.documentElement.lang = state.lang;
    document.title = t('app.title');
    localStorage.setItem(LANG_KEY, state.lang);
    setHostLanguage(state.lang);
  }, [state.lang, t]);
  useEffect(() => {
    void appVersion().then((version) => dispatch({ type: 'version', version }));
  }, []);
  // Menu commands (desktop) and keyboard shortcuts (browser).
  useEffect(
    () =>
      onCommand((command, file) => {
        if (command === 'open') void actions.chooseFile();
        else if (command === 'open-sample') void actions.openSample();
        else if (command === 'save-analysis') void actions.saveAnalysis();
        // The CSV of what the results show: with rounds, every round's rows and the changes (exportAs).
        else if (command === 'export') void actions.exportAs('csv');
        else if (file) void actions.openFiles([file]);
      }),
    [actions],
  );
  // While an analysis is open, leaving the page (reload, Back, closing the tab or window) asks first:
  // the analysis lives in memory only, and a walk lost one to a stray reload. The browser words the
  // question; the desktop shell asks its own (electron/main.ts, will-prevent-unload).
  const open = state.draft !== null;
  useEffect(() => {
    if (!open) return undefined;
    const ask = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [open]);
  useQuickCheck(state, dispatch, engine.current);
  useStepFocus(state.step, main);
  useFocusKeeper(main);

  const { busy, notice, failure } = state;
  // Cancel removes the progress panel and its button: the focus goes to the step's heading, not to the page's body.
  const cancel = () => {
    actions.cancel();
    focusStepHeading(main);
  };
  return (
    <I18nContext.Provider value={i18n}>
      <TopBar canSave={!!state.draft} canExport={!!state.result} onSave={() => void actions.saveAnalysis()} onExport={() => void actions.exportAs('csv')} onLang={(lang) => dispatch({ type: 'lang', lang })} />
      <StepNav current={state.step} enabled={(s) => canGo(state, s)} onGo={(step) => dispatch({ type: 'go', step })} />
      <main ref={main}>
        {busy && <ProgressPanel busy={busy} onCancel={cancel} />}
        {notice && (
          <p className="notice" role="status">
            {t(notice.key, notice.params)}
            {notice.dropped?.length ? ` ${t('open.settingsDropped', { roles: notice.dropped.map((k) => t(k as MessageKey)).join(', ') })}` : ''}
            {notice.instead && (
              <>
                {' '}
                <button type="button" className="secondary" data-testid="settings-fresh" onClick={() => dispatch({ type: 'draft', draft: notice.instead! })}>
                  {t('open.settingsFresh', notice.params)}
                </button>
              </>
            )}
          </p>
        )}
        {failure && (
          <div data-testid="failure" role="alert">
            <MessageList messages={failureShown(failure, state)} />
          </div>
        )}
        <StepView state={state} dispatch={dispatch} actions={actions} />
      </main>
      <footer className="footer">{t('app.version', { version: state.version })}</footer>
    </I18nContext.Provider>
  );
}
