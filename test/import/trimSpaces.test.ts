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

  it('no-break, figure and narrow spaces and a byte order mark around values are removed too, inner ones kept', async () => {
    engine = await open(name);
    const text = 'psu,code,name\n3\u00a0,\u202f1,Nord\u2007\n\ufeff4,2,1\u00a0234\n';
    await importData(engine, bytesSource('nbsp.csv', new TextEncoder().encode(text)));
    expect(await engine.query('SELECT psu, code, name FROM src ORDER BY rowid')).toEqual([
      { psu: '3', code: '1', name: 'Nord' },
      { psu: '4', code: '2', name: '1\u00a0234' },
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

  it('a no-break space read from the path is trimmed as from bytes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trim-'));
    const path = join(dir, 'nbsp.csv');
    writeFileSync(path, 'psu,code\n3\u00a0,1\n4,2\n');
    engine = await createNativeEngine({ files: [path] });
    await importData(engine, fileSource(path));
    expect(await engine.query('SELECT psu, code FROM src ORDER BY rowid')).toEqual([{ psu: '3', code: '1' }, { psu: '4', code: '2' }]);
  });
});

describe('the bytes say when no cell can start or end with a space', () => {
  const bytes = (s: string) => new TextEncoder().encode(s);
  it.each([
    [[0x31, 0x2c, 0x33, 0xa0, 0x0a], true],
    [[0x31, 0x2c, 0xa0, 0x33, 0x0a], true],
    [[0x31, 0x2c, 0x33, 0xa0, 0x34, 0x0a], false],
  ])('windows-1252 bytes %j (A0 the no-break space): %s', (list, possible) => {
    const whole = Uint8Array.from(list);
    expect(spacedCellsPossible(whole, ',')).toBe(possible);
    for (let size = 1; size <= whole.length; size++) {
      const pieces = Array.from({ length: Math.ceil(whole.length / size) }, (_, k) => whole.subarray(k * size, (k + 1) * size));
      expect(spacedCellsPossibleInPieces(pieces, ','), `pieces of ${size} bytes`).toBe(possible);
    }
  });

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
    // The other spaces of CELL_SPACES: no-break, figure, narrow no-break, a byte order mark in a line.
    ['a,b\n1,3\u00a0\n', ',', true],
    ['a,b\n1,\u00a03\n', ',', true],
    ['a,b\n1,1\u00a0234\n', ',', true],
    ['a,b\n1,3\u2007\n', ',', true],
    ['a,b\n1,3\u202f\n', ',', true],
    ['a,b\n1,2\n\ufeff3,4\n', ',', true],
    ['\ufeffa,b\n1,2\n', ',', false],
    ['a,b\n1,voilà\n2,àb\n', ',', false],
    ['a,b\n1,Š\n', ',', false],
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
