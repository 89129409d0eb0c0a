import type { AnalysisResult } from '../run.js';

/**
 * The --timing line of one run: milliseconds per step (`steps`: the run's own with the command's
 * load, validation and total), the number of estimates, and the breakdowns folded on the second
 * thread (foldThread.ts) when the run had one: none, and why, when it failed (the main thread
 * folded its share).
 */
export function timingLine(steps: Record<string, number>, result: AnalysisResult): string {
  const failed = result.threadFailed ? ` (it failed: ${result.threadFailed})` : '';
  const threaded = result.threaded === undefined ? '' : `; ${result.threaded} of ${result.analysis.breakdowns.length} breakdowns folded on a second thread${failed}`;
  return `timing (ms): ${Object.entries(steps).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')}; ${result.rows.length} estimates${threaded}\n`;
}
