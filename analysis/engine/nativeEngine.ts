import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { LOCKDOWN, type Engine, type FileSource, type Row } from './engine.js';
import { sqlString, toJs } from './values.js';

/**
 * Native DuckDB for the command line and the tests. The files it may read are fixed when it is
 * created (`allowed_paths`), then external access is switched off and the configuration locked, so
 * no later statement can reach the network or another file.
 */
export async function createNativeEngine(options: { files?: string[]; threads?: number } = {}): Promise<Engine> {
  const instance = await DuckDBInstance.create(':memory:', {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
    ...(options.threads ? { threads: String(options.threads) } : {}),
  });
  const con: DuckDBConnection = await instance.connect();
  const allowed = (options.files ?? []).map(sqlString).join(', ');
  for (const s of [
    ...LOCKDOWN,
    `SET allowed_paths = [${allowed}]`,
    'SET enable_external_access = false',
    'SET lock_configuration = true',
  ]) {
    await con.run(s);
  }
  const registered = new Set(options.files ?? []);
  return {
    name: 'duckdb-native',
    async run(sql) {
      await con.run(sql);
    },
    async query(sql) {
      const reader = await con.runAndReadAll(sql);
      const names = reader.columnNames();
      const rows: Row[] = [];
      for (const values of reader.getRows()) {
        const row: Row = {};
        for (let i = 0; i < names.length; i++) row[names[i]!] = toJs(values[i]);
        rows.push(row);
      }
      return rows;
    },
    async registerFile(name: string, source: FileSource) {
      if (!('path' in source) || !registered.has(source.path)) {
        throw new Error(`file ${name} was not declared when the engine was created`);
      }
      return sqlString(source.path);
    },
    async close() {
      con.closeSync();
      instance.closeSync();
    },
  };
}
