import type { RoundsAnalysisFile, RoundsResult } from '../../analysis/rounds/types.js';
import type { AppState, Step } from './appState.js';
import { editRound, withDraft, withSharedDefinitions } from './rounds.js';

/**
 * The survey rounds' part of the app state (appState.ts keeps the fields, this file their changes):
 * the rounds analysis being built, the round the draft is, the last run of every round, and whether
 * Results and Charts show the trends. Pure: no DOM, no React.
 */
export interface RoundsFields {
  /** The rounds analysis (model/rounds.ts); null for a single-round analysis. */
  rounds: RoundsAnalysisFile | null;
  /** The round the draft is: the one the Data, Map and Define steps show. */
  round: number;
  /** Every round's result and the changes, from the last run of the rounds. */
  roundsResult: RoundsResult | null;
  /** Results and Charts show the trends between rounds (else the shown round's tables and charts). */
  trends: boolean;
  /** A rounds analysis file opened without all its data files, and the files opened so far. */
  pendingRounds: { rounds: RoundsAnalysisFile; have: string[] } | null;
}

export const noRounds = (): RoundsFields => ({ rounds: null, round: 0, roundsResult: null, trends: false, pendingRounds: null });

export type RoundsAction =
  /** A rounds analysis file waits for its data files (null: it no longer does). */
  | { type: 'roundsPending'; rounds: RoundsAnalysisFile | null; have?: string[] }
  /**
   * Round `round`'s files were read (after 'loaded'): the draft is that round. A new round keeps the
   * mapping suggested from its files and takes the shared definitions.
   */
  | { type: 'roundShown'; rounds: RoundsAnalysisFile; round: number; step?: Step; newRound?: boolean }
  | { type: 'roundEdited'; round: number; label?: string; year?: number | null }
  | { type: 'roundsRan'; rounds: RoundsAnalysisFile; result: RoundsResult }
  | { type: 'trends'; on: boolean }
  /** Back to a single-round analysis (another file opened). */
  | { type: 'roundsClosed' };

export const ROUNDS_ACTIONS: readonly RoundsAction['type'][] = ['roundsPending', 'roundShown', 'roundEdited', 'roundsRan', 'trends', 'roundsClosed'];

export function roundsReducer(s: AppState, a: RoundsAction): AppState {
  switch (a.type) {
    case 'roundsPending':
      return { ...s, pendingRounds: a.rounds ? { rounds: a.rounds, have: a.have ?? [] } : null, ...(a.rounds ? { step: 'open' as const, pending: null } : {}) };
    case 'roundShown': {
      const draft = s.draft && a.newRound ? withSharedDefinitions(s.draft, a.rounds) : s.draft;
      return { ...s, draft, rounds: draft ? withDraft(a.rounds, a.round, draft) : a.rounds, round: a.round, pendingRounds: null, step: a.step ?? s.step };
    }
    case 'roundEdited': {
      if (!s.rounds) return s;
      const renamed = a.label !== undefined && a.label !== s.rounds.rounds[a.round]?.label;
      // The changes name the rounds by label: a renamed round's trends are those of the next run.
      return { ...s, rounds: editRound(s.rounds, a.round, a), ...(renamed ? { roundsResult: null, trends: false } : {}) };
    }
    case 'roundsRan':
      return { ...s, rounds: a.rounds, roundsResult: a.result, trends: true, step: 'results' };
    case 'trends':
      return { ...s, trends: a.on && !!s.roundsResult };
    case 'roundsClosed':
      return { ...s, ...noRounds() };
  }
}
