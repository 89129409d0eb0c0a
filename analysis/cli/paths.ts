import { readFileSync, realpathSync, statSync, type BigIntStats } from 'node:fs';
import { dirname, isAbsolute, resolve, sep } from 'node:path';
import { AnalysisError, type MessageCode } from '../messages.js';
import { writeFileAtomicSync } from './atomicWrite.js';

/**
 * Checks of the paths a user gives the command line, made before any computation: the inputs must be
 * regular files (a folder used to end in "this is a bug", a named pipe waited forever), and no output
 * may be one of the inputs (`--out data.csv` used to overwrite the survey file with the results).
 */

/** The file's status, or undefined when there is none there (or it cannot be seen: the write will say). */
function stat(path: string): BigIntStats | undefined {
  try {
    return statSync(path, { bigint: true });
  } catch {
    return undefined;
  }
}

const CODES = {
  analysis: { folder: 'ANALYSIS_FILE_IS_FOLDER', special: 'ANALYSIS_FILE_NOT_REGULAR', unreadable: 'ANALYSIS_FILE_UNREADABLE' },
  data: { folder: 'DATA_FILE_IS_FOLDER', special: 'DATA_FILE_NOT_REGULAR', unreadable: 'DATA_FILE_UNREADABLE' },
} as const satisfies Record<string, Record<string, MessageCode>>;

/** Throws the coded message when `path` (the analysis or the data file) is not a regular file. */
export function checkInputFile(path: string, kind: keyof typeof CODES): void {
  let s: BigIntStats;
  try {
    s = statSync(path, { bigint: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const detail = code === 'ENOENT' || code === 'ENOTDIR' ? 'no such file' : (e as Error).message;
    throw new AnalysisError(CODES[kind].unreadable, { file: path, detail });
  }
  if (s.isDirectory()) throw new AnalysisError(CODES[kind].folder, { file: path });
  if (!s.isFile()) throw new AnalysisError(CODES[kind].special, { file: path });
}

/**
 * True when both paths name one existing file: the same real path (`./x.csv`, an absolute path and a
 * symbolic link all resolve to it), or the same device and inode (a hard link; a differently cased
 * name on a case-insensitive disk).
 */
export function sameFile(a: string, b: string): boolean {
  const sa = stat(a);
  const sb = stat(b);
  if (!sa || !sb) return false;
  if (realpathSync(a) === realpathSync(b)) return true;
  return sa.ino !== 0n && sa.dev === sb.dev && sa.ino === sb.ino;
}

/** An output that is not an input and not a folder; `option` is how the user named it (--out). */
export function checkOutput(option: string, path: string, inputs: string[]): void {
  const input = inputs.find((i) => sameFile(path, i));
  if (input) throw new AnalysisError('OUTPUT_IS_INPUT', { option, file: path, input });
  if (stat(path)?.isDirectory()) throw new AnalysisError('OUTPUT_IS_FOLDER', { option, file: path });
}

/** An output whose folder exists (clstats run does not create folders: a typo would go unnoticed). */
export function checkOutputFolder(option: string, path: string): void {
  const folder = dirname(resolve(path));
  if (!stat(folder)?.isDirectory()) throw new AnalysisError('OUTPUT_FOLDER_MISSING', { option, file: path, folder });
}

/** Writes an output atomically; a failure (full disk, no permission) is a coded message, not a crash. */
export function writeOutput(path: string, data: string | Uint8Array): void {
  try {
    writeFileAtomicSync(path, data);
  } catch (e) {
    throw new AnalysisError('OUTPUT_WRITE_FAILED', { file: path, detail: (e as Error).message });
  }
}

/** The text of an analysis file (checked to be a readable file); ANALYSIS_FILE_UNREADABLE otherwise. */
export function readAnalysisText(path: string): string {
  checkInputFile(path, 'analysis');
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new AnalysisError('ANALYSIS_FILE_UNREADABLE', { file: path, detail: (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message });
  }
}

/** A path the analysis file names, relative to the analysis file's folder unless absolute. */
export function near(analysisFile: string, p: string): string {
  const at = (q: string) => (isAbsolute(q) ? q : resolve(dirname(analysisFile), q));
  // A relative path written on Windows ("donnees\enfants.csv", an analysis file typed there; a probe):
  // its backslashes name folders here too, when no file has the name as written.
  if (sep === '/' && p.includes('\\') && !/^[A-Za-z]:/.test(p) && !stat(at(p))) {
    const slashed = at(p.replace(/\\/g, '/'));
    if (stat(slashed)) return slashed;
  }
  return at(p);
}
