import { describe, expect, it } from 'vitest';
import { mixedLineEnds, oneLineEnd } from '../../analysis/import/loadDelimited.js';

/**
 * Line ends of more than one kind (loadDelimited.ts): DuckDB reads one kind, so such a file is read
 * again with each line end as LF; a file of one kind DuckDB reads (LF, CR LF, CR alone) is left as it is.
 */
describe('line ends of a text', () => {
  const bytes = (s: string) => new TextEncoder().encode(s);
  it.each([
    ['a,b\n1,2\n', null],
    ['a,b\r\n1,2\r\n', null],
    ['a,b\r1,2\r', null],
    ['a,b\r\n1,2\n3,4\n', { crlf: 1, lf: 2, cr: 0, line: 1 }],
    ['a,b\n1,2\r3,4\n', { crlf: 0, lf: 2, cr: 1, line: 2 }],
    ['a,b\r\r\n1,2\r\r\n', { crlf: 0, lf: 0, cr: 2, line: 1 }],
    ['a,b\r\n1,2\r\r\n', { crlf: 1, lf: 0, cr: 1, line: 1 }],
  ])('%j: %j', (text, mixed) => {
    expect(mixedLineEnds(bytes(text))).toEqual(mixed);
  });

  it('each kind becomes one LF, so that every line keeps its number', () => {
    const out = new TextDecoder().decode(oneLineEnd(bytes('a,b\r\n1,2\n3,4\r\r\n5,6\r7,8\r\n')));
    expect(out).toBe('a,b\n1,2\n3,4\n5,6\n7,8\n');
  });
});
