import { describe, expect, it } from 'vitest';
import { message } from '../../analysis/messages.js';
import type { CheckResult } from '../../renderer/engine/protocol.js';
import { failureShown } from '../../renderer/model/failureShown.js';

/**
 * The failure alert (renderer/App.tsx) after a run stopped by the validation: the findings that came
 * with the stopping message are listed once, not again when the Data or Map step lists them already.
 */
const stop = message('WEIGHT_MISSING', { file: 'lfs.csv', column: 'wgt', rows: '7, 9', count: 2 });
const other = message('STRATUM_MISSING', { file: 'lfs.csv', column: 'strat', rows: '12', count: 1 });
const warning = message('HOURS_MISSING_SHARE', { file: 'lfs.csv', column: 'hours', role: 'econHours', share: '1.5', count: 30, of: 2000, from: 5, to: 17 });
const failure = { message: stop, findings: [other, warning] };
const check = (messages: typeof stop[]) => ({ messages }) as unknown as CheckResult;

describe('the failure alert', () => {
  it('on the Data step lists only what the step\'s findings do not show, headed by the stopping message', () => {
    expect(failureShown(failure, { step: 'data', check: check([stop, other, warning]) }).map((m) => m.text)).toEqual([stop.text]);
    expect(failureShown(failure, { step: 'map', check: check([warning]) }).map((m) => m.code)).toEqual(['WEIGHT_MISSING', 'STRATUM_MISSING']);
  });

  it('elsewhere, or before any check, lists every finding with the stopping message', () => {
    expect(failureShown(failure, { step: 'results', check: check([stop, other, warning]) }).map((m) => m.code)).toEqual(['WEIGHT_MISSING', 'STRATUM_MISSING', 'HOURS_MISSING_SHARE']);
    expect(failureShown(failure, { step: 'data', check: null }).map((m) => m.code)).toEqual(['WEIGHT_MISSING', 'STRATUM_MISSING', 'HOURS_MISSING_SHARE']);
  });
});
