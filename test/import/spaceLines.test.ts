import { describe, expect, it } from 'vitest';
import { blankLinesAsEmptyRows, EmptyLineFinder } from '../../analysis/import/spaceLines.js';

/** The rewriting of blank lines between data rows (spaceLines.ts), and the quick scan that calls for it. */
const bytes = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array | undefined) => (b ? new TextDecoder().decode(b) : undefined);

describe('empty lines between data rows', () => {
  const cases: [string, boolean][] = [
    ['w,h\n1,2\n3,4\n', false],
    ['w,h\n1,2\n\n3,4\n', true],
    ['w,h\r\n1,2\r\n\r\n3,4\r\n', true],
    ['w,h\n1,2\n3,4\n\n\n', false], // at the end only
    ['w,h\n1,2\n3,4\n\n \n\t\n', false],
    ['\nw,h\n1,2\n', false], // a first line is not after a line end
    ['w,h\n1,2\n\n', false],
    ['w,h\n\n1,2', true],
  ];
  it.each(cases)('%j: the scan says %s, whole and in pieces of every size', (s, found) => {
    const b = bytes(s);
    for (let size = 1; size <= b.length; size++) {
      const f = new EmptyLineFinder();
      for (let i = 0; i < b.length; i += size) f.push(b.subarray(i, i + size));
      expect(f.found, `pieces of ${size}`).toBe(found);
    }
  });

  it('are written as empty rows, after the header only and not at the end; a quoted value keeps its empty line', () => {
    expect(text(blankLinesAsEmptyRows(bytes('w,h,x\n1,2,3\n\n4,5,6\n\n'), ',', 3, 1))).toBe('w,h,x\n1,2,3\n,,\n4,5,6\n\n');
    expect(text(blankLinesAsEmptyRows(bytes('T,,\n\nw,h,x\n1,2,3\n4,5,6\n'), ',', 3, 3))).toBeUndefined();
    expect(text(blankLinesAsEmptyRows(bytes('w,h\n1,"a\n\nb"\n3,4\n'), ',', 2, 1))).toBeUndefined();
    expect(text(blankLinesAsEmptyRows(bytes('w\th\r\n1\t2\r\n\r\n3\t4\r\n'), '\t', 2, 1))).toBe('w\th\r\n1\t2\r\n\t\r\n3\t4\r\n');
  });

  it('with a failing line of spaces, the empty lines are rewritten too; undefined unless the failing line is one', () => {
    expect(text(blankLinesAsEmptyRows(bytes('w,h\n1,2\n  \n\n3,4\n'), ',', 2, 1, 3))).toBe('w,h\n1,2\n,\n,\n3,4\n');
    expect(blankLinesAsEmptyRows(bytes('w,h\n1,2\n  \n3,4\n'), ',', 2, 1, 4)).toBeUndefined();
    expect(blankLinesAsEmptyRows(bytes('w\th\n1\t2\n  \n3\t4\n'), '\t', 2, 1, 3)).toBeUndefined();
  });
});
