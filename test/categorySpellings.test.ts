import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAnalysis } from '../analysis/analysisFile.js';
import type { Engine } from '../analysis/engine/engine.js';
import { runAnalysis } from '../analysis/run.js';
import { validateData } from '../analysis/validate.js';
import { ENGINES, REFERENCE_DIR, engineWithRows } from './engines.js';

/**
 * A region written "01" on some rows and "1" on the others (a file passed through R, Stata or a
 * spreadsheet and joined back): two categories, as the categories are read as written (categorySpellings.ts).
 * Said by a warning that gives the recode; with that recode, the estimates of the file written "1" throughout.
 */
const path = new URL('./fixtures/reference.analysis.json', import.meta.url).pathname;
const base = JSON.parse(readFileSync(path, 'utf8'));
const lines = readFileSync(`${REFERENCE_DIR}children_sample.csv`, 'utf8').trim().split('\n');
const head = lines[0]!.split(',');
const region = head.indexOf('region');
const rows = lines.slice(1).map((l) => l.split(',').map((c) => (c === '' ? null : c)));
// Every eleventh row of regions 1 and 2 written "01" and "02" (about 140 rows).
// The recode CATEGORY_SPELLINGS gives: the padded codes to the plain ones, and every region to itself.
const regions = [...new Set(rows.map((r) => r[region]!))].sort();
const recode: [string, string][] = [['01', '1'], ['02', '2'], ...regions.map((v) => [v, v] as [string, string])];
const padded = rows.map((r, i) => (['1', '2'].includes(r[region]!) && i % 11 === 0 ? r.map((c, j) => (j === region ? `0${c}` : c)) : r));

describe.each(ENGINES)('a region written "01" and "1" on %s', (name) => {
  let plain: Engine;
  let mixed: Engine;
  beforeAll(async () => {
    plain = await engineWithRows(name, head, rows);
    mixed = await engineWithRows(name, head, padded);
  }, 120_000);
  afterAll(async () => {
    await plain?.close();
    await mixed?.close();
  });

  it('is two categories, said by CATEGORY_SPELLINGS with the recode to give; with it, the estimates of "1" throughout', async () => {
    const a = parseAnalysis(JSON.stringify(base), path);
    const report = await validateData(mixed, a, 'mixed.csv');
    const said = report.findings.filter((f) => f.code === 'CATEGORY_SPELLINGS');
    expect(said.map((f) => [f.severity, f.params])).toEqual([['warning', {
      file: 'mixed.csv', column: 'region', role: 'region', spellings: '"01" = "1", "02" = "2"', recode: `{${recode.map(([k, v]) => `"${k}": "${v}"`).join(', ')}}`, field: 'mapping.region.recode',
    }]]);
    expect(said[0]!.action).toContain('mapping.region.recode: {"01": "1", "02": "2", "1": "1", "2": "2", "3": "3"');
    expect((await validateData(plain, a, 'plain.csv')).findings.map((f) => f.code)).not.toContain('CATEGORY_SPELLINGS');

    // The recode it gives, pasted as it is: no other message about it, and the estimates of "1" throughout.
    const recoded = parseAnalysis(JSON.stringify({ ...base, mapping: { ...base.mapping, region: { ...base.mapping.region, recode: Object.fromEntries(recode) } } }), path);
    expect((await validateData(mixed, recoded, 'mixed.csv')).findings.filter((f) => f.code.startsWith('RECODE'))).toEqual([]);
    expect((await validateData(mixed, recoded, 'mixed.csv')).findings.map((f) => f.code)).not.toContain('CATEGORY_SPELLINGS');
    const [want, got] = [await runAnalysis(plain, a, 'plain.csv'), await runAnalysis(mixed, recoded, 'mixed.csv')];
    expect(got.rows).toEqual(want.rows);
    // Without the recode, region 1 loses the children written "01" to a category of its own.
    const loose = await runAnalysis(mixed, a, 'mixed.csv');
    expect(loose.rows.some((r) => r.cell.region === '01')).toBe(true);
  }, 120_000);

  it('a recode listing the codebook\'s keys (1, 2, 3) reads "01" and "02" too, as R and Stata read the column as numbers (a probe: a round\'s regions "01"-"04" were not compared)', async () => {
    const a = parseAnalysis(JSON.stringify(base), path);
    const keys = parseAnalysis(JSON.stringify({ ...base, mapping: { ...base.mapping, region: { ...base.mapping.region, recode: Object.fromEntries(regions.map((v) => [v, v])) } } }), path);
    expect((await validateData(mixed, keys, 'mixed.csv')).findings.filter((f) => f.code.startsWith('RECODE'))).toEqual([]);
    const [want, got] = [await runAnalysis(plain, a, 'plain.csv'), await runAnalysis(mixed, keys, 'mixed.csv')];
    expect(got.rows).toEqual(want.rows);
  }, 120_000);
});

/**
 * A region name with an accent written in two Unicode forms (a probe's round: some cells "Côte" with
 * one character for "ô", NFC, others with "o" and a combining accent, NFD): two categories that look
 * the same, and a recode listing one left the other's rows out of the region, with advice to add a key
 * that already looked present. Now said by CATEGORY_UNICODE_FORMS, and a recode's key matches both forms.
 */
describe.each(ENGINES)('a region written "Côte" in two Unicode forms on %s', (name) => {
  const NFC = 'C\u00f4te';
  const NFD = 'Co\u0302te';
  // Regions named: 1 -> the NFC name, its every seventh row the NFD one; others "Nord", "Sud".
  const named = rows.map((r, i) => r.map((c, j) => (j !== region ? c : c === '1' ? (i % 7 === 0 ? NFD : NFC) : c === '2' ? 'Nord' : 'Sud')));
  const composed = named.map((r) => r.map((c, j) => (j === region && c === NFD ? NFC : c)));
  let mixed: Engine;
  let plain: Engine;
  beforeAll(async () => {
    mixed = await engineWithRows(name, head, named);
    plain = await engineWithRows(name, head, composed);
  }, 120_000);
  afterAll(async () => {
    await mixed?.close();
    await plain?.close();
  });

  it('is said, with the recode to the composed form; a recode listing the composed form takes both; the estimates of one form throughout', async () => {
    const a = parseAnalysis(JSON.stringify(base), path);
    const found = (await validateData(mixed, a, 'mixed.csv')).findings;
    // Not also clusters "across regions": the two spellings are one region once recoded (a walk).
    expect(found.map((f) => f.code)).not.toContain('PSU_ACROSS_REGIONS');
    const said = found.filter((f) => f.code === 'CATEGORY_UNICODE_FORMS');
    expect(said).toHaveLength(1);
    // The decomposed form shown with its accent as an escape, so the two spellings can be told apart (a walk).
    expect(said[0]!.params).toMatchObject({ spellings: `"Co\\u0302te" = "${NFC}"`, field: 'mapping.region.recode', count: 1 });
    expect(JSON.parse(String(said[0]!.params.recode))).toEqual({ [NFD]: NFC, [NFC]: NFC, Nord: 'Nord', Sud: 'Sud' });
    expect((await validateData(plain, a, 'plain.csv')).findings.map((f) => f.code)).not.toContain('CATEGORY_UNICODE_FORMS');
    // A rounds-style recode naming the composed form only: no unlisted code, both forms in region "1".
    const recoded = parseAnalysis(JSON.stringify({ ...base, mapping: { ...base.mapping, region: { ...base.mapping.region, recode: { [NFC]: '1', Nord: '2', Sud: '3' } } } }), path);
    expect((await validateData(mixed, recoded, 'mixed.csv')).findings.filter((f) => f.code.startsWith('RECODE'))).toEqual([]);
    const [want, got] = [await runAnalysis(plain, recoded, 'plain.csv'), await runAnalysis(mixed, recoded, 'mixed.csv')];
    expect(got.rows).toEqual(want.rows);
    expect(got.rows.filter((r) => r.breakdown === 'region').map((r) => r.cell.region)).not.toContain(NFD);
  }, 120_000);
});

/**
 * Region names typed in several batches: "Région du Nord", "REGION DU NORD", "region du  nord" (a
 * probe: 21 region rows for 7 regions, SEs up to 53 % off R's for the regions merged, and only a
 * warning about clusters across regions, blaming the clusters). Said by CATEGORY_CASE_VARIANTS with the
 * recode to the accented, capitalised spelling; with it, the estimates of the file written one way.
 */
describe.each(ENGINES)('a region name written in capitals, without accents, with two spaces or a typographic apostrophe and dash on %s', (name) => {
  // A word processor's ’ and – beside the keyboard's ' and - (a probe: "N’zi-Comoé" and "N'zi-Comoé", two regions of one).
  const NAMES: Record<string, string> = { '1': "Région de l'Ouest-Comoé", '2': 'Sud', '3': 'Est' };
  const variants = ["REGION DE L'OUEST-COMOE", 'région de  l’ouest–comoé', "Region de l'Ouest-Comoe"];
  const named = rows.map((r) => r.map((c, j) => (j === region ? (NAMES[c!] ?? c) : c)));
  const typed = named.map((r, i) => r.map((c, j) => (j === region && c === NAMES['1'] && i % 5 === 0 ? variants[i % 3]! : c)));
  let plain: Engine;
  let mixed: Engine;
  beforeAll(async () => {
    plain = await engineWithRows(name, head, named);
    mixed = await engineWithRows(name, head, typed);
  }, 120_000);
  afterAll(async () => {
    await plain?.close();
    await mixed?.close();
  });

  it('is said with the recode to one spelling; with it, the estimates of the file written one way, and no cluster across regions', async () => {
    expect(typed.filter((r) => variants.includes(r[region]!)).length).toBeGreaterThan(30);
    const a = parseAnalysis(JSON.stringify(base), path);
    const found = (await validateData(mixed, a, 'typed.csv')).findings;
    expect(found.map((f) => f.code)).not.toContain('PSU_ACROSS_REGIONS');
    const said = found.filter((f) => f.code === 'CATEGORY_CASE_VARIANTS');
    expect(said.map((f) => f.severity)).toEqual(['warning']);
    expect(said[0]!.params).toMatchObject({ field: 'mapping.region.recode', count: 1 });
    expect(String(said[0]!.params.spellings)).toMatch(/^"Région de l'Ouest-Comoé" = /);
    const recode = JSON.parse(String(said[0]!.params.recode));
    expect(recode).toEqual({ ...Object.fromEntries(variants.map((v) => [v, NAMES['1']])), [NAMES['1']!]: NAMES['1'], Sud: 'Sud', Est: 'Est', '4': '4' });
    expect((await validateData(plain, a, 'plain.csv')).findings.map((f) => f.code)).not.toContain('CATEGORY_CASE_VARIANTS');
    const recoded = parseAnalysis(JSON.stringify({ ...base, mapping: { ...base.mapping, region: { ...base.mapping.region, recode } } }), path);
    const [want, got] = [await runAnalysis(plain, a, 'plain.csv'), await runAnalysis(mixed, recoded, 'typed.csv')];
    expect(got.rows).toEqual(want.rows);
  }, 120_000);
});

describe.each(ENGINES)('sex and area written as labels in capitals without accents (FEMININ for the mapping\'s Féminin) on %s', (name) => {
  let coded: Engine;
  let labelled: Engine;
  const sex = head.indexOf('sex');
  const area = head.indexOf('area');
  beforeAll(async () => {
    coded = await engineWithRows(name, head, rows);
    labelled = await engineWithRows(name, head, rows.map((r) => r.map((c, j) => (j === sex ? (c === '1' ? 'MASCULIN' : 'FEMININ') : j === area ? (c === '1' ? 'URBAIN' : 'RURAL') : c))));
  }, 120_000);
  afterAll(async () => {
    await coded?.close();
    await labelled?.close();
  });

  it('are the mapping\'s codes: the estimates of the coded file, no girl left out (a probe: 406 of 800 children in no sex group)', async () => {
    const a = parseAnalysis(JSON.stringify(base), path);
    const words = parseAnalysis(JSON.stringify({ ...base, mapping: { ...base.mapping, sex: { column: 'sex', male: 'Masculin', female: 'Féminin' }, area: { column: 'area', urban: 'Urbain', rural: 'Rural' } } }), path);
    const report = await validateData(labelled, words, 'labels.csv');
    expect(report.findings.map((f) => f.code)).not.toContain('CODE_NOT_MAPPED');
    const [want, got] = [await runAnalysis(coded, a, 'coded.csv'), await runAnalysis(labelled, words, 'labels.csv')];
    const cells = (r: typeof want) => r.rows.map((x) => [x.framework, x.indicator, x.estimate, x.se, x.n_unweighted, x.breakdown]);
    expect(cells(got)).toEqual(cells(want));
  }, 120_000);
});
