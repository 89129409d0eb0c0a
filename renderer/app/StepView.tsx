import type { Dispatch } from 'react';
import { ExportPanel } from '../components/ExportPanel.js';
import type { AppAction, AppState, Selected } from '../model/appState.js';
import { ChartsScreen } from '../screens/ChartsScreen.js';
import { DataScreen } from '../screens/DataScreen.js';
import { DefineScreen } from '../screens/DefineScreen.js';
import { MapScreen } from '../screens/MapScreen.js';
import { OpenScreen } from '../screens/OpenScreen.js';
import { ResultsScreen } from '../screens/ResultsScreen.js';
import type { AppActions } from './appActions.js';

/** The current step's screen: a view of the state, its edits dispatched, its commands the app's actions. */
export function StepView({ state: s, dispatch, actions }: { state: AppState; dispatch: Dispatch<AppAction>; actions: AppActions }) {
  const go = (step: AppState['step']) => () => dispatch({ type: 'go', step });
  const select = (selected: Selected) => dispatch({ type: 'select', selected });
  const exports = <ExportPanel onExport={(k) => void actions.exportAs(k)} busy={s.exporting} />;
  switch (s.step) {
    case 'open':
      return <OpenScreen pending={s.pending} recent={s.recent} onFiles={(f) => void actions.openFiles(f)} onChoose={() => void actions.chooseFile()} onSample={() => void actions.openSample()} onRecent={(r) => void actions.openRecent(r)} />;
    case 'data':
      return s.profile && <DataScreen profile={s.profile} findings={s.check?.messages ?? null} report={s.check?.report ?? null} checking={s.checking} onNext={go('map')} />;
    case 'map':
      return (
        s.profile &&
        s.draft && (
          <MapScreen
            columns={s.profile.columns}
            psuCandidates={s.profile.psuCandidates}
            rows={s.profile.rows}
            mapping={s.draft.mapping}
            preset={s.preset}
            check={s.check}
            checking={s.checking}
            onChange={(mapping) => dispatch({ type: 'mapping', mapping })}
            onPreset={(preset) => dispatch({ type: 'preset', preset })}
            onNext={go('define')}
          />
        )
      );
    case 'define':
      return s.draft && <DefineScreen draft={s.draft} onChange={(draft) => dispatch({ type: 'draft', draft })} onRun={() => void actions.run()} />;
    case 'results':
      return (
        s.result && (
          <ResultsScreen result={s.result} labels={s.profile?.labels ?? null} selected={s.selected} onSelect={select}>
            {exports}
          </ResultsScreen>
        )
      );
    case 'charts':
      return (
        s.result && (
          <ChartsScreen result={s.result} labels={s.profile?.labels ?? null} selected={s.selected} onSelect={select}>
            {exports}
          </ChartsScreen>
        )
      );
  }
}
