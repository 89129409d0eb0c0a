import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../analysis/engine/engine.js';
import { bytesSource, importData } from '../../analysis/import/load.js';
import { spacedCellsPossible } from '../../analysis/import/trimSpaces.js';
import { ENGINES, type EngineName } from '../engines.js';
import { createNativeEngine } from '../../analysis/engine/nativeEngine.js';
import { createNodeWasmEngine } from '../../analysis/engine/nodeWasm.js';

/**
 * Cells are stored trimmed (analysis/import/trimSpaces.ts), so that no query trims them again: spaces
 * around a value go, tabs and inner spaces stay (DuckDB's trim() removes spaces only), a cell of
 * spaces becomes blank, and a file without such cells is stored as written.
 */
const CSV = 'id,code,name\n1, 1 ,Nord\n2,2 ,  Sud Est \n3,   ,\tEst\n4,04,Ouest\n';

async function open(name: EngineName): Promise<Engine> {
  return name === 'duckdb-wasm' ? createNodeWasmEngine() : createNativeEngine();
}

describe.each(ENGINES)('cells stored trimmed on %s', (name) => {
  let engine: Engine | undefined;
  afterEach(async () => engine?.close());

  it('spaces around values are removed, tabs, inner spaces and leading zeros kept', async () => {
    engine = await open(name);
    await importData(engine, bytesSource('spaces.csv', new TextEncoder().encode(CSV)));
    const rows = await engine.query('SELECT id, code, name FROM src ORDER BY rowid');
    expect(rows).toEqual([
      { id: '1', code: '1', name: 'Nord' },
      { id: '2', code: '2', name: 'Sud Est' },
      { id: '3', code: '', name: '\tEst' },
      { id: '4', code: '04', name: 'Ouest' },
    ]);
  });

  it('a file without surrounding spaces is stored exactly as written', async () => {
    engine = await open(name);
    await importData(engine, bytesSource('clean.csv', new TextEncoder().encode('a,b\n1 x,02\n,3\n')));
    expect(await engine.query('SELECT a, b FROM src ORDER BY rowid')).toEqual([{ a: '1 x', b: '02' }, { a: null, b: '3' }]);
  });
});

describe('the bytes say when no cell can start or end with a space', () => {
  const bytes = (s: string) => new TextEncoder().encode(s);
  it.each([
    ['a,b\n1,Sud Est\n', ',', false],
    ['a,b\n1, 2\n', ',', true],
    ['a,b\n1 ,2\n', ',', true],
    ['a,b\n1,2 \r\n', ',', true],
    ['a,b\n1,"x "\n', ',', true],
    [' a,b\n1,2', ',', true],
    ['a,b\n1,2 ', ',', true],
    ['a;b\n1,5 x;2\n', ';', false],
    ['a;b\n1, 5;2\n', ';', false],
    ['a;b\n1; 5\n', ';', true],
    ['a\tb\n1\t 5\n', '\t', true],
  ])('%j with delimiter %j: %s', (text, delimiter, possible) => {
    expect(spacedCellsPossible(bytes(text), delimiter)).toBe(possible);
  });
});
