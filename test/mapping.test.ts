import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../analysis/engine/engine.js';
import { hoursSql, recodePairs, yesNoSql } from '../analysis/mapping.js';
import { ENGINES, engineWithRows } from './engines.js';

/**
 * Roles that combine columns, as MICS6 files need: economic activity = any of CL1A, CL1B, CL1C, CL1X
 * (1 yes, 2 no, 9 no response); chores hours = CL8 + CL10 + CL13, blank when the chore was not done
 * (skip pattern: 0 hours), 97 and above don't know (missing).
 */
const ROWS: [string, (string | null)[], boolean | null, number | null][] = [
  ['one yes among nos', ['2', '1', '2', '2', '2', '', '3'], true, 5],
  ['all no', ['2', '2', '2', '2', '', '', ''], false, 0],
  ['no and no response: unknown', ['2', '9', '2', '2', '4', '98', '1'], null, null],
  ['yes wins over no response', ['9', '1', '2', '2', '1', '1', '1'], true, 3],
  ['blank activity item: unknown', ['2', '2', null, '2', '99', '0', '0'], null, null],
  ['spaces around codes', [' 1 ', '2', '2', '2', ' 7 ', '', ''], true, 7],
];
const COLS = ['CL1A', 'CL1B', 'CL1C', 'CL1X', 'CL8', 'CL10', 'CL13'];

describe.each(ENGINES)('combined roles on %s', (engineName) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await engineWithRows(engineName, COLS, ROWS.map(([, r]) => r));
  });
  afterAll(() => engine?.close());

  it.each(ROWS.map(([label, , act, hours], i) => [label, i, act, hours] as const))('%s', async (_, i, act, hours) => {
    const econ = yesNoSql({ columns: ['CL1A', 'CL1B', 'CL1C', 'CL1X'], combine: 'any', yes: ['1'], missingCodes: ['9'] });
    const chores = hoursSql({ columns: ['CL8', 'CL10', 'CL13'], combine: 'sum', missingFrom: 97, blank: 'zero' });
    const rows = await engine.query(`SELECT ${econ} AS econ, ${chores} AS chores FROM src`);
    expect(rows[i]!.econ).toBe(act);
    expect(rows[i]!.chores).toBe(hours);
  });
});

/**
 * NA and "." (R, SAS and Stata's "no value") follow a role's blank rule, unless the role or the file
 * declares them missing: a declared NA stays unknown, also where blank is "zero" or "no" (an LFS file
 * whose mapping lists NA as the hours' missing code got 0 hours for it).
 */
describe.each(ENGINES)('NA and "." beside declared missing codes on %s', (engineName) => {
  let engine: Engine;
  const cells = ['', 'NA', '.', '5', '1'];
  beforeAll(async () => {
    engine = await engineWithRows(engineName, ['h'], cells.map((c) => [c === '' ? null : c]));
  });
  afterAll(() => engine?.close());

  const read = async (sql: string) => (await engine.query(`SELECT ${sql} AS v FROM src ORDER BY rowid`)).map((r) => r.v);
  it('hours: blank "zero" gives 0 for them, unless NA is a missing code', async () => {
    expect(await read(hoursSql({ columns: ['h'], blank: 'zero' }))).toEqual([0, 0, 0, 5, 1]);
    expect(await read(hoursSql({ columns: ['h'], blank: 'zero', missingCodes: ['NA'] }))).toEqual([0, null, 0, 5, 1]);
    expect(await read(hoursSql({ columns: ['h'], blank: 'zero' }, { h: ['.'] }))).toEqual([0, 0, null, 5, 1]);
  });
  it('yes/no: blank "no" gives no for them, unless NA is a missing code', async () => {
    expect(await read(yesNoSql({ columns: ['h'], blank: 'no' }))).toEqual([false, false, false, false, true]);
    expect(await read(yesNoSql({ columns: ['h'], blank: 'no', missingCodes: ['NA'] }))).toEqual([false, null, false, false, true]);
  });
});

/**
 * Booleans as each program writes them: Parquet and R `true`, Excel `TRUE`, pandas `True`. A yes code
 * written any of those ways reads all three as yes (the docs give `true`; an Excel sheet holds `TRUE`,
 * whose 189 yes cells a probe found read as no).
 */
describe.each(ENGINES)('boolean yes codes on %s', (engineName) => {
  let engine: Engine;
  const cells = ['true', 'TRUE', 'True', 'false', 'FALSE', 'False', 'yes'];
  beforeAll(async () => {
    engine = await engineWithRows(engineName, ['b'], cells.map((c) => [c]));
  });
  afterAll(() => engine?.close());

  const read = async (sql: string) => (await engine.query(`SELECT ${sql} AS v FROM src ORDER BY rowid`)).map((r) => r.v);
  it('yes "true" (or "TRUE") reads true, TRUE and True as yes, the rest as no', async () => {
    for (const yes of ['true', 'TRUE']) {
      expect(await read(yesNoSql({ columns: ['b'], yes: [yes] }))).toEqual([true, true, true, false, false, false, false]);
    }
  });
  it('a missing code "false" is unknown however the boolean is written', async () => {
    expect(await read(yesNoSql({ columns: ['b'], yes: ['TRUE'], missingCodes: ['false'] }))).toEqual([true, true, true, null, null, null, false]);
  });
});

describe('recode pairs', () => {
  it('a whole-number key also names its cells written with leading zeros, to four characters; a key written so itself comes first', () => {
    expect(recodePairs({ '1': 'A', '12': 'B', x: 'C' })).toEqual([['1', 'A'], ['12', 'B'], ['x', 'C'], ['01', 'A'], ['001', 'A'], ['0001', 'A'], ['012', 'B'], ['0012', 'B']]);
    expect(new Map(recodePairs({ '1': 'A', '01': 'B', '1.0': 'A' })).get('01')).toBe('B');
  });
});
