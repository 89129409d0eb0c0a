import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileSource } from '../../analysis/cli/files.js';
import type { Engine } from '../../analysis/engine/engine.js';
import { bytesSource, importData } from '../../analysis/import/load.js';
import { spacedCellsPossible, spacedCellsPossibleInPieces } from '../../analysis/import/trimSpaces.js';
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

describe('a CSV the command line reads from its path', () => {
  let engine: Engine | undefined;
  afterEach(async () => engine?.close());
  it('is checked for spaced cells in pieces: spaced cells trimmed, a clean file stored as written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trim-'));
    const spaced = join(dir, 'spaced.csv');
    const clean = join(dir, 'clean.csv');
    writeFileSync(spaced, CSV);
    writeFileSync(clean, 'a,b\n1 x,02\n,3\n');
    engine = await createNativeEngine({ files: [spaced, clean] });
    await importData(engine, fileSource(spaced));
    expect((await engine.query('SELECT code, name FROM src ORDER BY rowid')).map((r) => [r.code, r.name]))
      .toEqual([['1', 'Nord'], ['2', 'Sud Est'], ['', '\tEst'], ['04', 'Ouest']]);
    await importData(engine, fileSource(clean));
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
    ['a,b\n1,2 x\n3, y\n', ',', true],
  ])('%j with delimiter %j: %s', (text, delimiter, possible) => {
    expect(spacedCellsPossible(bytes(text), delimiter)).toBe(possible);
    // Read in pieces (the command line reads a file from disk in 8 MB pieces): the same answer
    // wherever the text is cut, also right before or after a space.
    const whole = bytes(text);
    for (let size = 1; size <= whole.length; size++) {
      const pieces = Array.from({ length: Math.ceil(whole.length / size) }, (_, k) => whole.subarray(k * size, (k + 1) * size));
      expect(spacedCellsPossibleInPieces(pieces, delimiter), `pieces of ${size} bytes`).toBe(possible);
    }
  });
});
