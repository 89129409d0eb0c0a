import { firstLine } from '../firstLine.js';
import { AnalysisError } from '../messages.js';

/** One home for it (../firstLine.ts, which the fold thread can import without the messages). */
export { firstLine };

/** An engine error while reading the file, as a catalogue error. */
export function engineError(e: unknown, file: string): AnalysisError {
  if (e instanceof AnalysisError) return e;
  const detail = firstLine(e);
  if (/disabled by configuration|Permission Error/i.test(detail)) return new AnalysisError('NETWORK_BLOCKED', { detail });
  return new AnalysisError('DATA_FILE_UNREADABLE', { file, detail });
}
