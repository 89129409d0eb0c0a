import type { DataLabels, DataSpec, Engine, ImportOptions, ImportResult, Message } from '../../analysis/index.js';
import type { JoinSpec } from '../../analysis/types.js';
import { ident } from '../../analysis/engine/values.js';
import { sha256Hex } from '../../analysis/export/metadata.js';
import { readDeclaredMissing, saveDeclaredMissing } from '../../analysis/import/declaredMissing.js';
import { joinFiles, type JoinReport } from '../../analysis/import/joinFiles.js';
import { bytesSource, importData, importOptionsOf } from '../../analysis/import/load.js';
import { baseName, keyQuestions, suggestFileSet, type FileShape, type KeyQuestion } from '../../analysis/import/suggestFileSet.js';
import { AnalysisError } from '../../analysis/messages.js';
import type { LoadedFile, SetFile } from './protocol.js';

/**
 * Several files opened together (a survey file set), in the engine worker: each file is read once
 * into a table of its own; the main file and the joins are the analysis file's, or suggested from
 * the files (analysis/import/suggestFileSet.ts, with the uniqueness of the candidate keys from SQL);
 * the main file's table becomes the raw table `src` and the others are joined onto it
 * (analysis/import/joinFiles.ts: the same joins as the command line's importFileSet, which reads
 * each file when it needs it; here the files are already read to suggest the joins). A load that
 * fails leaves the previous `src` in place.
 */
export interface FileSetLoad {
  /** The main file's name as opened, and its import (format, sheet). */
  main: string;
  imported: ImportResult;
  /** Labels of the main file and of every joined column. */
  labels: DataLabels;
  files: LoadedFile[];
  joins: JoinSpec[];
  reports: JoinReport[];
  /** FILESET_NOT_JOINED, JOIN_APPLIED, JOIN_UNMATCHED and the files' import notes. */
  messages: Message[];
  /** The files' import notes alone (how each was read), for the Data step. */
  importMessages: Message[];
}

export type SetProgress = (step: string, done: number, of: number) => void;

const table = (i: number) => `_set${i}`;
const keyOf = (q: KeyQuestion) => JSON.stringify([q.file, q.columns]);

/** The file opened under the name a data spec gives (its last part; case ignored if no exact match). */
function fileFor(files: SetFile[], path: string): SetFile | undefined {
  const name = baseName(path);
  return files.find((f) => baseName(f.name) === name) ?? files.find((f) => baseName(f.name).toLowerCase() === name.toLowerCase());
}

/** Reading options of a data spec except its format: the file opened decides that (as for one file). */
function readingOptions(data: DataSpec | undefined): ImportOptions {
  if (!data) return {};
  const { format: _format, ...rest } = importOptionsOf(data);
  return rest;
}

/** The files to read, each once, with the reading options of the first spec that names it. */
function filesToRead(files: SetFile[], given?: { main: DataSpec; joins: JoinSpec[] }): { file: SetFile; options: ImportOptions }[] {
  if (!given) return files.map((file) => ({ file, options: {} }));
  const out: { file: SetFile; options: ImportOptions }[] = [];
  for (const data of [given.main, ...given.joins.map((j) => j.data)]) {
    const file = fileFor(files, data.path);
    if (!file) throw new AnalysisError('FILESET_FILE_MISSING', { file: baseName(data.path), opened: files.map((f) => baseName(f.name)).join(', ') });
    if (!out.some((x) => x.file === file)) out.push({ file, options: readingOptions(data) });
  }
  return out;
}

/**
 * Whether the file is one row per key (keys compare trimmed, as joins do), among the rows with every
 * key filled: yes also when at most 1 % of those rows repeat a key. Those repeats are an error of the
 * file that the join then names (JOIN_KEY_DUPLICATE, with the values and rows), not a sign that the
 * keys are wrong: a walk's household file with one household written twice was left out without a
 * word, and the run lost its strata, regions and areas. A members roster repeats its household's keys
 * on most rows, and stays "no". (A MICS6 set is not asked: its keys are the standard's, whatever the
 * repeats: suggestFileSet.ts `keyed`.)
 */
async function isUnique(e: Engine, t: string, columns: string[]): Promise<boolean> {
  const keys = columns.map((c, i) => `NULLIF(${ident(c)}, '') AS k${i}`).join(', ');
  const ks = columns.map((_, i) => `k${i}`);
  const [r] = await e.query(
    `SELECT COALESCE(SUM(n), 0)::BIGINT AS keyed, COALESCE(SUM(n - 1), 0)::BIGINT AS repeats FROM (SELECT COUNT(*) AS n FROM (SELECT ${keys} FROM ${ident(t)}) WHERE ${ks.map((k) => `${k} IS NOT NULL`).join(' AND ')} GROUP BY ${ks.join(', ')})`,
  );
  return Number(r!.repeats) <= 0.01 * Number(r!.keyed);
}

async function rename(e: Engine, from: string, to: string): Promise<void> {
  await e.run(`DROP TABLE IF EXISTS ${ident(to)}`);
  await e.run(`ALTER TABLE IF EXISTS ${ident(from)} RENAME TO ${ident(to)}`);
}

export async function loadFileSet(
  e: Engine, files: SetFile[], given: { main: DataSpec; joins: JoinSpec[] } | undefined, progress: SetProgress, maxCells?: number,
): Promise<FileSetLoad> {
  const wanted = filesToRead(files, given);
  const imported: ImportResult[] = [];
  const hashes = wanted.map((w) => sha256Hex(w.file.bytes));
  for (const h of hashes) h.catch(() => undefined);
  let restore = false;
  try {
    for (const [i, w] of wanted.entries()) {
      progress('set.read', i, wanted.length);
      imported.push(await importData(e, bytesSource(w.file.name, w.file.bytes), { ...w.options, table: table(i), ...(maxCells ? { maxCells } : {}) }));
    }
    const names = wanted.map((w) => w.file.name);
    const index = (path: string) => names.indexOf(fileFor(wanted.map((w) => w.file), path)!.name);
    let main: number;
    let joins: JoinSpec[];
    const messages: Message[] = imported.flatMap((r) => r.messages);
    if (given) {
      main = index(given.main.path);
      // The joins as the analysis file wrote them, each file found among those opened by its name
      // (fileFor): their folders, relative to the analysis file, stay for its saved copy (appState.ts
      // draftFor; a walk: a saved rounds analysis named hh.sav bare and could not run elsewhere).
      joins = given.joins;
    } else {
      progress('set.keys', 0, 1);
      const shapes: FileShape[] = imported.map((r, i) => ({ name: names[i]!, columns: r.columns.map((c) => ({ name: c.name, ...(c.label ? { label: c.label } : {}) })), rows: r.rows }));
      const answers = new Map<string, boolean>();
      for (const q of keyQuestions(shapes)) answers.set(keyOf(q), await isUnique(e, table(names.indexOf(q.file)), q.columns));
      const s = suggestFileSet(shapes, (file, columns) => answers.get(keyOf({ file, columns })));
      main = names.indexOf(s.main);
      joins = s.joins;
      messages.push(...s.messages);
    }
    // The main file becomes `src`; the previous one is kept until the joins succeed.
    await rename(e, 'src', '_prev_src');
    await rename(e, '_declared_src', '_declared__prev_src');
    restore = true;
    await e.run(`ALTER TABLE ${ident(table(main))} RENAME TO src`);
    await saveDeclaredMissing(e, 'src', await readDeclaredMissing(e, table(main)));
    let labels = imported[main]!.labels;
    const reports: JoinReport[] = [];
    for (const [k, spec] of joins.entries()) {
      progress('set.join', k, joins.length);
      const i = index(spec.data.path);
      const r = await joinFiles(e, names[main]!, labels, [{ spec, table: table(i), file: names[i]!, labels: imported[i]!.labels }]);
      labels = r.labels;
      reports.push(...r.reports);
      messages.push(...r.messages);
    }
    restore = false;
    const sha = await Promise.all(hashes);
    return {
      main: names[main]!,
      imported: imported[main]!,
      labels,
      files: [main, ...names.keys()].filter((i, k, all) => all.indexOf(i) === k).map((i) => ({ name: names[i]!, format: imported[i]!.format, sha256: sha[i]!, rows: imported[i]!.rows, ...(imported[i]!.sheet ? { sheet: imported[i]!.sheet } : {}) })),
      joins,
      reports,
      messages,
      importMessages: imported.flatMap((r) => r.messages),
    };
  } finally {
    if (restore) {
      await rename(e, '_prev_src', 'src');
      await rename(e, '_declared__prev_src', '_declared_src');
    }
    for (const t of ['_prev_src', '_declared__prev_src', ...wanted.flatMap((_, i) => [table(i), `_declared_${table(i)}`])]) await e.run(`DROP TABLE IF EXISTS ${ident(t)}`);
  }
}
