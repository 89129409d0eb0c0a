import { describe, expect, it } from 'vitest';
import { ImportFormatError, type ImportErrorCode } from '../../analysis/import/errors.js';
import { readDta } from '../../analysis/import/readDta.js';
import { readSav } from '../../analysis/import/readSav.js';
import { fixtureBytes, indexOfAscii, patched } from './helpers.js';

/** Runs the reader and returns the ImportFormatError it must throw. */
async function failure(run: () => unknown): Promise<ImportFormatError> {
  try {
    await run();
  } catch (e) {
    expect(e).toBeInstanceOf(ImportFormatError);
    return e as ImportFormatError;
  }
  throw new Error('expected an ImportFormatError, but the file decoded');
}

async function expectFailure(run: () => unknown, file: string, code: ImportErrorCode, text: RegExp): Promise<void> {
  const e = await failure(run);
  expect(e.code).toBe(code);
  expect(e.file).toBe(file);
  expect(e.message).toBe(`${file}: ${e.detail}`);
  expect(e.detail).toMatch(text);
}

const le32 = (b: Uint8Array, at: number): number => new DataView(b.buffer, b.byteOffset).getInt32(at, true);

describe('ImportFormatError', () => {
  it('carries file, code and detail, and names the file in its message', () => {
    const e = new ImportFormatError('children.sav', 'SAV_TRUNCATED', 'truncated in the data at case 1234');
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('ImportFormatError');
    expect(e.message).toBe('children.sav: truncated in the data at case 1234');
    expect([e.file, e.code, e.detail]).toEqual(['children.sav', 'SAV_TRUNCATED', 'truncated in the data at case 1234']);
  });
});

describe('readSav errors', () => {
  const sav = fixtureBytes('children.sav');
  const plain = fixtureBytes('children-uncompressed.sav');
  const zsav = fixtureBytes('children.zsav');

  it('corrupt header: no $FL2 magic', async () => {
    await expectFailure(() => readSav(patched(sav, 0, 'XXXX'), 'children.sav'), 'children.sav', 'SAV_BAD_HEADER', /not an SPSS system file \(no \$FL2 header\)/);
  });

  it('corrupt header: impossible layout code', async () => {
    await expectFailure(() => readSav(patched(sav, 64, 'zzzz'), 'children.sav'), 'children.sav', 'SAV_BAD_HEADER', /layout code/);
  });

  it('not a system file at all (a CSV, an empty file)', async () => {
    await expectFailure(() => readSav(new TextEncoder().encode('hhid,age\n1,5\n'), 'a.sav'), 'a.sav', 'SAV_BAD_HEADER', /no \$FL2/);
    await expectFailure(() => readSav(new Uint8Array(0), 'empty.sav'), 'empty.sav', 'SAV_BAD_HEADER', /no \$FL2/);
  });

  it('truncated in the header and in the dictionary', async () => {
    await expectFailure(() => readSav(sav.slice(0, 100), 'c.sav'), 'c.sav', 'SAV_TRUNCATED', /file header/);
    await expectFailure(() => readSav(sav.slice(0, 400), 'c.sav'), 'c.sav', 'SAV_TRUNCATED', /truncated in the dictionary/);
  });

  it('unknown dictionary record type', async () => {
    // The first record after the 176-byte header is a variable record (type 2); make it type 5.
    const bad = plain.slice();
    new DataView(bad.buffer).setInt32(176, 5, true);
    await expectFailure(() => readSav(bad, 'u.sav'), 'u.sav', 'SAV_BAD_RECORD', /unknown dictionary record type 5/);
  });

  it('uncompressed data truncated: names the first incomplete case', async () => {
    const stride = le32(plain, 68) * 8; // nominal_case_size slots of 8 bytes
    const dataStart = plain.length - 12 * stride;
    await expectFailure(
      () => readSav(plain.slice(0, dataStart + 8 * stride + 20), 'u.sav'),
      'u.sav', 'SAV_TRUNCATED', /^truncated in the data at case 9 \(the header says 12 cases\)$/,
    );
  });

  it('compressed data truncated', async () => {
    await expectFailure(() => readSav(sav.slice(0, sav.length - 40), 'c.sav'), 'c.sav', 'SAV_TRUNCATED', /truncated in the data at case \d+/);
  });

  it('.zsav truncated (trailer missing) and damaged (bad zlib block)', async () => {
    await expectFailure(() => readSav(zsav.slice(0, zsav.length - 10), 'z.zsav'), 'z.zsav', 'SAV_TRUNCATED', /zlib trailer/);
    // The trailer's last entry gives the compressed offset of the last block (ztrailer: 24 + 24 n bytes).
    const cOfs = Number(new DataView(zsav.buffer, zsav.byteOffset).getBigInt64(zsav.length - 24 + 8, true));
    const bad = zsav.slice();
    for (let i = 2; i < 40; i++) bad[cOfs + i] = 0xff;
    await expectFailure(() => readSav(bad, 'z.zsav'), 'z.zsav', 'SAV_BAD_COMPRESSION', /zlib block/);
  });

  it('leaves the input intact when it fails', async () => {
    const cut = plain.slice(0, plain.length - 100);
    const before = cut.slice();
    await failure(() => readSav(cut, 'u.sav'));
    expect(cut).toEqual(before);
  });
});

describe('readDta errors', () => {
  const d114 = fixtureBytes('stata-114.dta');
  const d118 = fixtureBytes('stata-118.dta');
  const supported = /113, 114, 115, 117, 118 and 119/;

  it('unknown old version (112) names the version and the supported ones', async () => {
    const e = await failure(() => readDta(Uint8Array.from([112, ...d114.subarray(1)]), 'old.dta'));
    expect(e.code).toBe('DTA_UNKNOWN_VERSION');
    expect(e.message).toMatch(/^old\.dta: Stata \.dta format 112 is not supported/);
    expect(e.detail).toMatch(supported);
  });

  it('unknown tagged version (120)', async () => {
    const at = indexOfAscii(d118, '<release>') + '<release>'.length;
    await expectFailure(() => readDta(patched(d118, at, '120'), 'new.dta'), 'new.dta', 'DTA_UNKNOWN_VERSION', /format 120 is not supported/);
  });

  it('not a .dta file (CSV text, an SPSS file, nothing)', async () => {
    await expectFailure(() => readDta(new TextEncoder().encode('hhid,age\n1,5\n'), 'x.dta'), 'x.dta', 'DTA_UNKNOWN_VERSION', supported);
    await expectFailure(() => readDta(fixtureBytes('children.sav'), 'x.dta'), 'x.dta', 'DTA_UNKNOWN_VERSION', /not a Stata \.dta file/);
    await expectFailure(() => readDta(new Uint8Array(0), 'x.dta'), 'x.dta', 'DTA_UNKNOWN_VERSION', supported);
  });

  it('truncated in the header, the descriptors, the data, the value labels', async () => {
    await expectFailure(() => readDta(d118.slice(0, 60), 't.dta'), 't.dta', 'DTA_TRUNCATED', /truncated/);
    await expectFailure(() => readDta(d114.slice(0, 500), 't.dta'), 't.dta', 'DTA_TRUNCATED', /descriptors/);
    await expectFailure(() => readDta(d114.slice(0, 3000), 't.dta'), 't.dta', 'DTA_TRUNCATED', /^truncated in the data at observation \d \(the header says 8 observations\)$/);
    await expectFailure(() => readDta(d114.slice(0, d114.length - 10), 't.dta'), 't.dta', 'DTA_TRUNCATED', /value labels/);
    await expectFailure(() => readDta(d118.slice(0, d118.length - 40), 't.dta'), 't.dta', 'DTA_TRUNCATED', /truncated/);
  });

  it('a tag out of place in a 117+ file', async () => {
    const at = indexOfAscii(d118, '<varnames>');
    await expectFailure(() => readDta(patched(d118, at, '<varnamez>'), 'b.dta'), 'b.dta', 'DTA_BAD_FORMAT', /expected <\/variable_types><varnames> at offset/);
  });
});
