import { describe, expect, it } from 'vitest';
import { decode, expected, fixtureBytes } from './helpers.js';

/**
 * Every fixture (written by pspp, readstat or scripts/fixtures/write-dta.ts) decodes to what its
 * hand-written .expected.json says: names, labels, values, validity, value labels, missing codes.
 */
const FIXTURES = [
  'children.sav', // pspp, bytecode-compressed, UTF-8
  'children-uncompressed.sav',
  'children.zsav',
  'children-1252.sav', // windows-1252
  'children-readstat.dta', // readstat, format 118
  'stata-113.dta', // write-dta.ts, format 113 (Stata 8-9)
  'stata-114.dta', // write-dta.ts, little-endian
  'stata-115-msf.dta', // big-endian
  'stata-117-msf.dta', // big-endian, strL
  'stata-118.dta', // strL, UTF-8
  'stata-119.dta', // strL with 3+5-byte (v,o), binary GSOs
  'haven-119-strl.dta', // R haven's 119: strL with the 2+6-byte (v,o) of 118
];

describe.each(FIXTURES)('%s', (name) => {
  const want = expected(name);

  it('has the expected table metadata and column names', async () => {
    const t = await decode(fixtureBytes(name), name);
    expect(t.file).toBe(name);
    expect(t.format).toBe(want.format);
    expect(t.encoding).toBe(want.encoding);
    expect(t.label).toBe(want.label);
    expect(t.rows).toBe(want.rows);
    expect(t.columns.map((c) => `${c.name}:${c.kind}`)).toEqual(want.columns.map((c) => `${c.name}:${c.kind}`));
  });

  it.each(want.columns.map((c) => [c.name, c] as const))('column %s: labels, values, validity, missing codes', async (_, w) => {
    const t = await decode(fixtureBytes(name), name);
    const col = t.columns.find((c) => c.name === w.name)!;
    expect(col.label).toBe(w.label);
    expect(col.valueLabels).toEqual(w.valueLabels);
    expect(col.values.length).toBe(want.rows);
    expect(col.valid.length).toBe(want.rows);
    if (col.kind === 'number') {
      expect(Array.from(col.values, (v, r) => (col.valid[r] ? v : null))).toEqual(w.values);
      expect(Array.from(col.valid)).toEqual(w.values.map((v) => (v === null ? 0 : 1)));
      expect(col.missingCodes ? Object.fromEntries(col.missingCodes) : undefined).toEqual(w.missingCodes);
      expect(col.userMissing).toEqual(w.userMissing);
    } else {
      expect(col.values).toEqual(w.values);
      expect(Array.from(col.valid)).toEqual(w.valid);
    }
  });

  it('never returns system-missing or a missing code as a number', async () => {
    const t = await decode(fixtureBytes(name), name);
    for (const col of t.columns) {
      if (col.kind !== 'number') continue;
      col.values.forEach((v, r) => {
        if (col.valid[r]) expect(Math.abs(v)).toBeLessThan(8.9e307); // below Stata's and SPSS's missing codes
        else expect(v).toBeNaN();
      });
    }
  });

  it('does not modify the input buffer', async () => {
    const bytes = fixtureBytes(name);
    const before = bytes.slice();
    await decode(bytes, name);
    expect(bytes).toEqual(before);
  });

  it('decodes a view into a larger buffer (non-zero byteOffset) the same way', async () => {
    const bytes = fixtureBytes(name);
    const padded = new Uint8Array(bytes.length + 13);
    padded.set(bytes, 5);
    const a = await decode(bytes, name);
    const b = await decode(padded.subarray(5, 5 + bytes.length), name);
    expect(b).toEqual(a);
  });
});

/**
 * An SPSS duration column (TIME8: hours worked entered as 12:30, stored as 45000 seconds): read as the
 * seconds, 3,600 times the hours, and said (a probe: HOURS_OUT_OF_RANGE named "165600" with no word of
 * the format). The fixture's HOURS_WO variable is given the TIME print format in the bytes.
 */
describe('an SPSS time-format column', () => {
  it('is named by the import, with its format; the other columns are not', async () => {
    const bytes = fixtureBytes('children.sav').slice();
    const name = new TextEncoder().encode('HOURS_WO');
    let at = -1;
    for (let i = 0; i + name.length <= bytes.length && at < 0; i++) if (name.every((b, k) => bytes[i + k] === b)) at = i;
    expect(at).toBeGreaterThan(8);
    bytes[at - 8 + 2] = 21; // the print format's type byte (little-endian: decimals, width, type): TIME
    const t = await decode(bytes, 'children.sav');
    expect(t.timeColumns).toEqual(['"hours_worked_last_week" (TIME)']);
    expect((await decode(fixtureBytes('children.sav'), 'children.sav')).timeColumns).toBeUndefined();
  });
});
