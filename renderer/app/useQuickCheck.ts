import { useEffect, type Dispatch } from 'react';
import type { EngineClient } from '../engine/engineClient.js';
import type { AppAction, AppState } from '../model/appState.js';
import { missingRoles } from '../model/suggestMapping.js';

/**
 * The quick check (design summary and validation report) follows every change of the analysis, a
 * moment after the last one, once the roles a run needs are mapped and no long step is running.
 */
export function useQuickCheck({ profile, draft, busy }: Pick<AppState, 'profile' | 'draft' | 'busy'>, dispatch: Dispatch<AppAction>, engine: EngineClient) {
  const running = busy !== null;
  useEffect(() => {
    if (!profile || !draft || missingRoles(draft.mapping).length || running) return;
    let live = true;
    dispatch({ type: 'checkStarted' });
    const timer = setTimeout(() => {
      engine.check(draft).then(
        (check) => live && dispatch({ type: 'checked', check }),
        () => undefined,
      ).finally(() => live && dispatch({ type: 'checkEnded' }));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
      // A check overtaken by a change (or by a long step) is no longer running.
      dispatch({ type: 'checkEnded' });
    };
  }, [profile, draft, running, dispatch, engine]);
}
