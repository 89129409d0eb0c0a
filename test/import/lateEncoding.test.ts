import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileIsUtf8 } from '../../analysis/cli/files.js';
import type { Engine } from '../../analysis/engine/engine.js';
import { HEAD_BYTES, importData } from '../../analysis/import/load.js';
import { AnalysisError } from '../../analysis/messages.js';
import { ENGINES } from '../engines.js';
import { engineFor, sourceFor } from './sources.js';

/**
 * A CSV whose first bytes are plain ASCII and whose region names in Windows-1252 ("Île-de-France",
 * byte 0xCE) come after the first megabyte that the encoding is sniffed from: a survey file sorted by
 * region. The command line reads only the mapped columns: native DuckDB 1.4 then failed on those bytes
 * with an internal error ("Attempted to access index 12 within vector of size 12") instead of its
 * invalid-unicode error, so the whole file is now checked before it reads it.
 */
const dir = mkdtempSync(join(tmpdir(), 'late-encoding-'));
const rowsBefore = Math.ceil(HEAD_BYTES / 20) + 100;
function write(name: string, late: Uint8Array, early = 'Nord'): string {
  const head = new TextEncoder().encode(`id,w,region\n${Array.from({ length: rowsBefore }, (_, i) => `${i + 1},1.5,${early}\n`).join('')}`);
  const tail = Uint8Array.of(...new TextEncoder().encode(`${rowsBefore + 1},2.5,`), ...late, 0x0a);
  const path = join(dir, name);
  const bytes = new Uint8Array(head.length + tail.length);
  bytes.set(head);
  bytes.set(tail, head.length);
  writeFileSync(path, bytes);
  return path;
}
const latin = write('late-latin.csv', Uint8Array.of(0xce, ...new TextEncoder().encode('le-de-France')));
const mixed = write('late-mixed.csv', Uint8Array.of(0xce, ...new TextEncoder().encode('le-de-France')), 'Région Nord');

describe.each(ENGINES)('non-UTF-8 bytes after the first megabyte on %s', (name) => {
  let engine: Engine | undefined;
  afterEach(async () => engine?.close());

  it('reads the file as Windows-1252, also when only some columns are read', async () => {
    engine = await engineFor(name, [latin]);
    const r = await importData(engine, sourceFor(name, latin), { columns: ['w', 'region'] });
    expect(r.encoding).toBe('windows-1252');
    expect(r.messages.map((m) => m.code)).toEqual(['DATA_ENCODING_GUESSED']);
    expect(await engine.query('SELECT region FROM src WHERE w = \'2.5\'')).toEqual([{ region: 'Île-de-France' }]);
  });

  it('refuses a file that mixes UTF-8 and Windows-1252, naming both lines', async () => {
    engine = await engineFor(name, [mixed]);
    const e = await importData(engine, sourceFor(name, mixed), { columns: ['w', 'region'] }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AnalysisError);
    expect((e as AnalysisError).msg).toMatchObject({ code: 'DATA_ENCODING_MIXED', params: { utf8Line: 2, line: rowsBefore + 2 } });
  });

  it('says where a file declared UTF-8 is not', async () => {
    engine = await engineFor(name, [latin]);
    const e = await importData(engine, sourceFor(name, latin), { columns: ['w', 'region'], encoding: 'utf-8' }).catch((x: unknown) => x);
    expect((e as AnalysisError).msg).toMatchObject({ code: 'DATA_ENCODING_INVALID', params: { line: rowsBefore + 2 } });
  });
});

describe('fileIsUtf8', () => {
  it('carries a character cut by the end of a piece to the next, and finds a byte that is not UTF-8', () => {
    const path = join(dir, 'pieces.txt');
    // é (2 bytes), € (3 bytes), 𝄞 (4 bytes): every cut through them, with pieces of 1 to 9 bytes.
    writeFileSync(path, 'aé€𝄞b€');
    for (let size = 1; size <= 9; size++) expect(fileIsUtf8(path, size), `pieces of ${size}`).toBe(true);
    writeFileSync(path, Uint8Array.of(0x61, 0xe2, 0x82, 0x61, 0x62));
    for (let size = 1; size <= 5; size++) expect(fileIsUtf8(path, size), `pieces of ${size}`).toBe(false);
    writeFileSync(path, Uint8Array.of(0x61, 0xe2, 0x82));
    expect(fileIsUtf8(path, 2)).toBe(false);
  });
});
