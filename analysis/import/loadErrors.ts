import { AnalysisError } from '../messages.js';

export const firstLine = (e: unknown) => String(e instanceof Error ? e.message : e).split('\n')[0]!;

/** An engine error while reading the file, as a catalogue error. */
export function engineError(e: unknown, file: string): AnalysisError {
  if (e instanceof AnalysisError) return e;
  const detail = firstLine(e);
  if (/disabled by configuration|Permission Error/i.test(detail)) return new AnalysisError('NETWORK_BLOCKED', { detail });
  return new AnalysisError('DATA_FILE_UNREADABLE', { file, detail });
}
