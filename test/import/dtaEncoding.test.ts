import { describe, expect, it } from 'vitest';
import { SPEC, writeDta } from '../../scripts/fixtures/write-dta.js';
import { decode } from './helpers.js';

/**
 * Stata formats 113-117 declare no encoding: Stata wrote windows-1252, R's haven writes UTF-8 into
 * every format (write_dta(version = 8 to 13): DHS-style files made in R). The reader takes UTF-8 when
 * every text with a byte above 0x7F is valid UTF-8 (dtaLayout.ts readLayout): "Région", not "RÃ©gion".
 */
describe.each([113, 114, 115, 117] as const)('format %i', (version) => {
  const labels = async (bytes: Uint8Array) => {
    const t = await decode(bytes, `f${version}.dta`);
    return { encoding: t.encoding, label: t.label, columns: t.columns.map((c) => c.label), regions: t.columns.find((c) => c.name === 'region')!.valueLabels };
  };
  it('written in UTF-8 (as haven writes it) is read as UTF-8, with the labels of the same file in format 118', async () => {
    const utf8 = await labels(writeDta(SPEC, version, true, true));
    const modern = await labels(writeDta(SPEC, 118, true));
    expect(utf8).toEqual(modern);
    expect(utf8.encoding).toBe('utf-8');
    expect(utf8.columns).toContain('Région');
  });
  it('with labels in plain ASCII, text cells in UTF-8 ("Équateur") are read as UTF-8', async () => {
    const plain = (x: string) => x.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    const ascii = {
      ...SPEC,
      label: 'Children',
      labelSets: Object.fromEntries(Object.entries(SPEC.labelSets).map(([k, list]) => [k, list.map(([c, l]) => [c, plain(l)] as [number | string, string])])),
      vars: SPEC.vars.map((v) => ({ ...v, label: plain(v.label) })),
    };
    const t = await decode(writeDta(ascii, version, true, true), `cells${version}.dta`);
    expect(t.encoding).toBe('utf-8');
    expect(t.columns.find((c) => c.name === 'province')!.values).toContain('Équateur');
  });
  it('written in windows-1252 (as Stata writes it) is read as windows-1252: the same labels', async () => {
    const cp = await labels(writeDta(SPEC, version, true));
    expect(cp.encoding).toBe('windows-1252');
    expect({ ...cp, encoding: 'utf-8' }).toEqual(await labels(writeDta(SPEC, 118, true)));
  });
});
