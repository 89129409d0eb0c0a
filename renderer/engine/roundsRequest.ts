import type { Engine } from '../../analysis/engine/engine.js';
import { bytesSource } from '../../analysis/import/load.js';
import { AnalysisError } from '../../analysis/messages.js';
import { resolveRounds } from '../../analysis/rounds/resolveRounds.js';
import { runRounds } from '../../analysis/rounds/runRounds.js';
import type { RoundsAnalysisFile, RoundsResult } from '../../analysis/rounds/types.js';
import type { SetFile } from './protocol.js';

/**
 * The engine worker's side of a 'runRounds' request: the rounds analysis resolved as the command line
 * resolves it (analysis/rounds/resolveRounds.ts), and every round run by the core's runRounds on the
 * worker's engine, each from the bytes of its own files, then the changes. The same functions as
 * `clstats run` on the same file, so the app's changes are the command line's.
 */
const base = (p: string) => (p.split(/[\\/]/).pop() ?? p).toLowerCase();

/** Round i's file named `path` (matched by name without folders): a coded message when it was not given. */
function fileOf(files: SetFile[], path: string, round: string): SetFile {
  const f = files.find((x) => base(x.name) === base(path));
  if (!f) throw new AnalysisError('FILESET_FILE_MISSING', { file: `${path} (${round})`, opened: files.map((x) => x.name).join(', ') });
  return f;
}

export async function runRoundsRequest(
  e: Engine,
  file: RoundsAnalysisFile,
  files: SetFile[][],
  progress: (step: string, done: number, of: number) => void,
): Promise<RoundsResult> {
  const resolved = resolveRounds(file, file.title ?? 'analysis');
  const result = await runRounds(
    e,
    resolved,
    (i) => {
      const r = resolved.rounds[i]!;
      const own = files[i] ?? [];
      const source = (path: string) => {
        const f = fileOf(own, path, r.label);
        return bytesSource(f.name, f.bytes);
      };
      return { main: source(r.analysis.data.path), joins: r.analysis.joins.map((j) => source(j.data.path)) };
    },
    { progress: (_round, step, done, of) => progress(step, done, of) },
  );
  // What was imported stays in the worker: the page needs the results, labels and what each round lacks.
  return { ...result, rounds: result.rounds.map(({ imported: _i, ...r }) => r) };
}

