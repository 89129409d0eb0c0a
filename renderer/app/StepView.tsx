import type { Dispatch } from 'react';
import type { Message } from '../../analysis/index.js';
import { ExportPanel } from '../components/ExportPanel.js';
import { StaleNotice } from '../components/StaleNotice.js';
import { resultLabels, resultStale, type AppAction, type AppState, type Selected } from '../model/appState.js';
import { missingRoles } from '../model/suggestMapping.js';
import { withFindingRecode } from '../model/applyRecode.js';
import { ChartsScreen } from '../screens/ChartsScreen.js';
import { DataScreen } from '../screens/DataScreen.js';
import { DefineScreen } from '../screens/DefineScreen.js';
import { MapScreen } from '../screens/MapScreen.js';
import { OpenScreen } from '../screens/OpenScreen.js';
import { ResultsScreen } from '../screens/ResultsScreen.js';
import { regionsDiffer } from '../model/rounds.js';
import { RecodeEditor } from '../screens/rounds/RecodeEditor.js';
import { RoundBar, RoundsPending } from '../screens/rounds/RoundBar.js';
import { RoundsPanel } from '../screens/rounds/RoundsPanel.js';
import { TrendChartsScreen } from '../screens/TrendChartsScreen.js';
import { TrendsScreen, ViewSwitch } from '../screens/TrendsScreen.js';
import type { AppActions } from './appActions.js';

/** The current step's screen: a view of the state, its edits dispatched, its commands the app's actions. */
export function StepView({ state: s, dispatch, actions }: { state: AppState; dispatch: Dispatch<AppAction>; actions: AppActions }) {
  const go = (step: AppState['step']) => () => dispatch({ type: 'go', step });
  const select = (selected: Selected) => dispatch({ type: 'select', selected });
  const exports = <ExportPanel onExport={(k) => void actions.exportAs(k)} busy={s.exporting} />;
  // Survey rounds: the round shown (Data, Map, Define), its regions harmonised (Map), the rounds (Define), the trends (Results, Charts).
  const roundBar = s.rounds && <RoundBar rounds={s.rounds} round={s.round} onShow={(i) => void actions.rounds.show(i)} />;
  const regions = s.rounds?.categories?.region;
  // On every round after the first, and on the first when its regions are not the shared ones (a baseline added before).
  const recode = s.rounds && regions && s.profile && s.draft && (s.round > 0 || regionsDiffer(s.profile.columns, s.draft.mapping, regions)) && (
    <RecodeEditor round={s.rounds.rounds[s.round]?.label ?? ''} columns={s.profile.columns} mapping={s.draft.mapping} categories={regions} onChange={(mapping) => dispatch({ type: 'mapping', mapping })} />
  );
  // A finding whose advice the app can follow (a recode: model/applyRecode.ts), on every step that lists it.
  const onApply = (m: Message) => {
    const mapping = s.draft ? withFindingRecode(s.draft.mapping, m) : null;
    return mapping ? () => dispatch({ type: 'mapping', mapping }) : null;
  };
  const rr = s.rounds && s.roundsResult;
  const viewSwitch = rr && <ViewSwitch round={s.rounds!.rounds[s.round]?.label ?? ''} trends={s.trends} onTrends={(on) => dispatch({ type: 'trends', on })} />;
  const panel = (
    <>
      {viewSwitch}
      {exports}
    </>
  );
  // The definitions changed since the result: said above its tables and charts, and above the rounds'
  // trends (the shown round's definitions are every round's: a later run changes them all).
  const stale = resultStale(s) && <StaleNotice onRun={() => void actions.run()} busy={s.busy !== null} />;
  switch (s.step) {
    case 'open':
      return (
        <OpenScreen pending={s.pending} pendingFiles={s.pendingFiles} recent={s.recent} onFiles={(f) => void actions.openFiles(f)} onChoose={() => void actions.chooseFile()} onSample={() => void actions.openSample()} onRecent={(r) => void actions.openRecent(r)}>
          {s.pendingRounds && <RoundsPending pending={s.pendingRounds} />}
        </OpenScreen>
      );
    case 'data':
      return s.profile && <>{roundBar}<DataScreen profile={s.profile} findings={s.check?.messages ?? null} report={s.check?.report ?? null} checking={s.checking} missing={s.draft ? missingRoles(s.draft.mapping) : []} busy={s.busy !== null} onDecimalComma={(on) => void actions.decimalComma(on)} onSheet={(sheet) => void actions.sheet(sheet)} onNext={go('map')} onApply={onApply} /></>;
    case 'map':
      return (
        s.profile &&
        s.draft && (
          <>
          {roundBar}
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
            onApply={onApply}
            joins={
              s.profile.files
                ? { main: s.profile.file, rows: s.profile.rows, specs: s.profile.joinSpecs ?? [], reports: s.profile.joins ?? [], messages: s.profile.setMessages ?? [], onRemove: (name) => void actions.removeJoin(name) }
                : undefined
            }
          />
          {recode}
          </>
        )
      );
    case 'define':
      return (
        s.draft && (
          <>
            {roundBar}
            <DefineScreen draft={s.draft} onChange={(draft) => dispatch({ type: 'draft', draft })} onRun={() => void actions.run()} />
            <RoundsPanel
              rounds={s.rounds}
              title={s.draft.title ?? ''}
              onAdd={(now, next) => void actions.rounds.add(now, next)}
              onEdit={(round, edit) => dispatch({ type: 'roundEdited', round, ...edit })}
            />
          </>
        )
      );
    case 'results':
      if (rr && s.trends) return <TrendsScreen rr={rr} selected={s.selected} onSelect={select}>{stale}{panel}</TrendsScreen>;
      return (
        s.result && (
          <ResultsScreen result={s.result} labels={resultLabels(s)} selected={s.selected} onSelect={select} onApply={onApply} round={s.rounds?.rounds[s.round]?.label}>
            {stale}
            {panel}
          </ResultsScreen>
        )
      );
    case 'charts':
      if (rr && s.trends) return <TrendChartsScreen rr={rr} selected={s.selected} onSelect={select}>{stale}{panel}</TrendChartsScreen>;
      return (
        s.result && (
          <ChartsScreen result={s.result} labels={resultLabels(s)} selected={s.selected} onSelect={select}>
            {stale}
            {panel}
          </ChartsScreen>
        )
      );
  }
}
