import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../analysis/engine/engine.js';
import { bytesSource, importData } from '../../analysis/import/load.js';
import { createNativeEngine } from '../../analysis/engine/nativeEngine.js';
import { createNodeWasmEngine } from '../../analysis/engine/nodeWasm.js';
import { ENGINES } from '../engines.js';

/**
 * A file of thousands of columns (a DHS recode has 1,000 to 5,000 variables) is read as any other:
 * the import's checks over every column (rows of notes under the data, cells with spaces around them)
 * are sums and ORs of one term per column, which DuckDB's parser refused past 1,000 terms when
 * written flat ("Max expression depth limit of 1000 exceeded").
 */
const COLUMNS = 2500;

function wideCsv(): string {
  const names = Array.from({ length: COLUMNS }, (_, j) => `v${j}`);
  // Every cell with a space before it: the trim has every column to do.
  const row = (i: number) => names.map((_, j) => ` ${(i * 7 + j) % 10}`).join(',');
  const note = ['Source: National Statistics Office', ...names.slice(1).map(() => '')].join(',');
  return [names.join(','), row(1), row(2), row(3), note].join('\n') + '\n';
}

describe.each(ENGINES)(`a file of ${COLUMNS} columns on %s`, (name) => {
  let engine: Engine | undefined;
  afterEach(async () => engine?.close());

  it(`is read with its cells trimmed and the note under the data left out (${name})`, async () => {
    engine = name === 'duckdb-wasm' ? await createNodeWasmEngine() : await createNativeEngine();
    const result = await importData(engine, bytesSource('wide.csv', new TextEncoder().encode(wideCsv())));
    expect(result.rows).toBe(3);
    expect(result.messages.map((m) => [m.code, m.params.count, m.params.note])).toContainEqual(['DATA_NOTE_ROWS_SKIPPED', 1, 'Source: National Statistics Office']);
    const [first] = await engine.query('SELECT v0, v1, v2499 FROM src ORDER BY rowid LIMIT 1');
    expect(first).toEqual({ v0: '7', v1: '8', v2499: '6' });
    expect((await engine.query('SELECT count(*)::INTEGER AS n FROM src'))[0]!.n).toBe(3);
  }, 120_000);
});
