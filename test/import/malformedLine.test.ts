import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../analysis/engine/engine.js';
import { bytesSource, importData } from '../../analysis/import/load.js';
import { recordStartLine } from '../../analysis/import/textFile.js';
import { AnalysisError } from '../../analysis/messages.js';
import { ENGINES } from '../engines.js';
import { engineFor } from './sources.js';

/**
 * DATA_CSV_MALFORMED names the line an editor shows. DuckDB numbers its errors by record, and a quoted
 * comment holding line breaks makes a record span several lines (a probe's file: "line 388" for the
 * row an editor shows at line 414).
 */
const enc = (s: string) => new TextEncoder().encode(s);

describe('recordStartLine', () => {
  it('counts the line breaks inside quoted values as lines, not as records', () => {
    const text = 'a;b;note\n1;2;"one\ntwo"\n3;4;"x ""quoted""\nmore\nlines"\n5;6\n';
    expect([1, 2, 3, 4].map((r) => recordStartLine(enc(text), r))).toEqual([1, 2, 4, 7]);
    expect(recordStartLine(enc('a,b\r\n1,2\r\n3\r\n'), 3)).toBe(3);
  });
});

describe.each(ENGINES)('a short row after comments with line breaks, on %s', (engineName) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await engineFor(engineName, []);
  });
  afterAll(() => engine?.close());

  it('the message gives the line of the short row as an editor numbers it', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => `${i};${i % 2 ? '"said:\nfine\nthanks"' : 'ok'};${100 + i}`);
    rows.splice(20, 0, '99;short');
    const text = `id;comment;w\n${rows.join('\n')}\n`;
    const editorLine = text.split('\n').findIndex((l) => l === '99;short') + 1;
    const e = await importData(engine, bytesSource('notes.csv', enc(text)), { delimiter: ';' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AnalysisError);
    expect((e as AnalysisError).msg.params).toMatchObject({ line: editorLine, detail: 'it has 2 fields where the header has 3' });
    expect(editorLine).toBe(1 + 20 + 10 * 2 + 1); // header, 20 rows (10 of them 3 lines long), then the short row
  });
});
