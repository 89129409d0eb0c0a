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
});
