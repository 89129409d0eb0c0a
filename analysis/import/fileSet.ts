import type { Engine } from '../engine/engine.js';
import { ident } from '../engine/values.js';
import type { JoinSpec } from '../types.js';
import { joinFiles, joinTable, type JoinReport, type LoadedJoin } from './joinFiles.js';
import { importData, importOptionsOf, type ImportProgress, type ImportResult, type ImportSource } from './load.js';

/**
 * Loads a survey file set: the main file into the raw table `src`, each joined file into a table of
 * its own (once per file and reading options, so the child's and the mother's rows of hl.sav read the
 * file once), then joins them onto `src` (joinFiles.ts). With no joins this is importData.
 * The result is the main file's ImportResult whose labels also hold the joined columns' labels.
 */
export interface FileSetResult {
  imported: ImportResult;
  joins: JoinReport[];
}

export async function importFileSet(
  engine: Engine,
  main: { source: ImportSource; options?: Parameters<typeof importData>[2] },
  joins: { spec: JoinSpec; source: ImportSource }[],
  progress?: ImportProgress,
): Promise<FileSetResult> {
  const imported = await importData(engine, main.source, { ...main.options, ...(progress ? { progress } : {}) });
  if (!joins.length) return { imported, joins: [] };
  const loaded: LoadedJoin[] = [];
  const tables = new Map<string, { table: string; result: ImportResult }>();
  for (const [i, j] of joins.entries()) {
    const options = importOptionsOf(j.spec.data);
    const key = JSON.stringify([j.source.path ?? j.source.name, options]);
    let t = tables.get(key);
    if (!t) {
      const table = joinTable(i);
      t = { table, result: await importData(engine, j.source, { ...options, table }) };
      tables.set(key, t);
    }
    loaded.push({ spec: j.spec, table: t.table, file: j.source.name, labels: t.result.labels });
  }
  try {
    const { labels, reports, messages } = await joinFiles(engine, main.source.name, imported.labels, loaded);
    const [r] = await engine.query('SELECT COUNT(*)::BIGINT AS n FROM src');
    const columns = (await engine.query('SELECT column_name FROM (DESCRIBE src)')).map((x) => String(x.column_name));
    const known = new Map(imported.columns.map((c) => [c.name, c]));
    for (const t of tables.values()) for (const c of t.result.columns) if (!known.has(c.name)) known.set(c.name, c);
    return {
      imported: {
        ...imported,
        rows: Number(r!.n),
        labels,
        messages: [...imported.messages, ...[...tables.values()].flatMap((t) => t.result.messages), ...messages],
        columns: columns.map((name) => {
          const brought = reports.flatMap((x) => x.columns).find((c) => c.to === name);
          const col = known.get(brought ? brought.from : name);
          return { ...(col ?? { type: 'text' as const }), name };
        }),
      },
      joins: reports,
    };
  } finally {
    for (const t of tables.values()) {
      await engine.run(`DROP TABLE IF EXISTS ${ident(t.table)}`);
      await engine.run(`DROP TABLE IF EXISTS ${ident(`_declared_${t.table}`)}`);
    }
  }
}
