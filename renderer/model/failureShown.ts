import type { Message } from '../../analysis/index.js';
import { messageKey } from '../../analysis/messages.js';
import type { AppState, Failure } from './appState.js';

/**
 * What the failure alert lists: the message that stopped the step, then the findings that came with it
 * but that the step's own list does not already show. A run stopped by the validation carries every
 * finding of the file, which the Data and Map steps list too (the quick check's messages): shown in
 * both places, each appeared twice. The stopping message itself always heads the alert.
 */
export function failureShown(failure: Failure, state: Pick<AppState, 'step' | 'check'>): Message[] {
  const listed = state.step === 'data' || state.step === 'map' ? (state.check?.messages ?? []) : [];
  const shown = new Set([failure.message, ...listed].map(messageKey));
  return [failure.message, ...failure.findings.filter((f) => !shown.has(messageKey(f)))];
}
