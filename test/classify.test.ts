import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classify } from '../analysis/classify.js';
import type { Engine } from '../analysis/engine/engine.js';
import { preset, resolveFramework } from '../analysis/frameworks.js';
import { prepareSql } from '../analysis/mapping.js';
import type { Framework, Mapping, MissingHoursPolicy } from '../analysis/types.js';
import { econAfterSwitch, hoursRules } from '../renderer/model/bandRules.js';
import { CASES, COLUMNS, MAPPING } from './classifyCases.js';
import { ENGINES, engineWithRows } from './engines.js';

/**
 * Classification of hand-made children under every preset, including unknowns (the children and their
 * expected indicators: classifyCases.ts, also used by classifyTyped.test.ts).
 */
const PRESETS = ['ilo_ge2020', 'ilo_ge2020_chores', 'sdg_871_econ', 'sdg_871', 'mics6_hazard'];

async function classified(engine: Engine, fw: Framework, policy: MissingHoursPolicy = 'unknown') {
  const c = classify(fw, MAPPING, policy);
  const rows = await engine.query(
    `SELECT ${Object.entries(c.sql).map(([k, v]) => `${v} AS ${k}`).join(', ')} FROM survey ORDER BY _row`,
  );
  return rows;
}

describe.each(ENGINES)('classification on %s', (engineName) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await engineWithRows(engineName, ['w', 'sex', ...COLUMNS], CASES.map(([, r]) => ['1', '1', ...r]));
    await engine.run(prepareSql(MAPPING));
  });
  afterAll(() => engine?.close());

  it.each(PRESETS.map((p, i) => [p, i] as const))('%s: every hand-made child gets the expected indicators', async (id, i) => {
    const rows = await classified(engine, preset(id));
    CASES.forEach(([label, , want], r) => {
      const got = rows[r]!;
      expect(got.children_in_employment, `${label}: employment`).toBe(want[0]);
      expect(got.hazardous_work, `${label}: hazardous`).toBe(want[1]);
      expect(got.child_labour, `${label}: child labour`).toBe(want[2 + i]);
      const other = want[2 + i] === 0 || want[1] === 1 ? 0 : want[2 + i] === 1 && want[1] === 0 ? 1 : null;
      expect(got.child_labour_other_than_hazardous, `${label}: other than hazardous`).toBe(other);
    });
  });

  it('MICS missing-hours policy: unknown hours count as below the threshold and the child stays in', async () => {
    const rows = await classified(engine, preset('sdg_871'), 'mics');
    // reference row 1 (age 8, hours unknown, 25 h chores): in child labour through chores, and no longer unknown in employment
    expect([rows[0]!.children_in_employment, rows[0]!.child_labour]).toEqual([0, 1]);
    // reference row 2 (age 13, hours unknown, absent): employed, not hazardous, not in child labour
    expect([rows[1]!.children_in_employment, rows[1]!.hazardous_work, rows[1]!.child_labour]).toEqual([1, 0, 0]);
    // an unknown hazard flag counts as "no", as the MICS6 syntax tests CL4 = 1: not hazardous, and in the denominator
    expect(rows[20]!.hazardous_work).toBe(0);
    // under the default policy the same child's hazardous work stays unknown (three-valued logic)
    expect((await classified(engine, preset('sdg_871')))[20]!.hazardous_work).toBeNull();
  });

  it('a custom framework with ">" thresholds: 43 h at 15 no longer counts; 14 h at 12 still does (the SDG wording: "at least 14 hours")', async () => {
    const fw = resolveFramework({ preset: 'ilo_ge2020', id: 'national_gt', edit: { comparison: '>', hazardous: { ...preset('ilo_ge2020').hazardous, longHours: { min: 43 } } } });
    const rows = await classified(engine, fw);
    expect(rows[8]!.child_labour).toBe(1); // age 12, 14 h: the presets' 12-14 band compares with >= whatever the comparison
    // A band that sets ">" itself: 14 h at 12 no longer counts.
    const strict = resolveFramework({ preset: 'ilo_ge2020', id: 'national_gt14', edit: { bands: preset('ilo_ge2020').bands.map((b) => (b.from === 12 ? { ...b, econ: { rule: 'hours', min: 14, op: '>' } } : b)) } });
    expect((await classified(engine, strict))[8]!.child_labour).toBe(0);
    // The Define step: the 12-14 band switched to "employed" and back to hours keeps its own >= (bandRules.ts).
    const last = hoursRules(fw.bands);
    const away = { ...fw, bands: fw.bands.map((b) => (b.from === 12 ? { ...b, econ: econAfterSwitch('employed', last[1]) } : b)) };
    const back = { ...away, bands: away.bands.map((b, i) => (b.from === 12 ? { ...b, econ: econAfterSwitch('hours', last[i]) } : b)) };
    expect((await classified(engine, away))[8]!.child_labour).toBe(1); // 12, 14 h: employed
    expect((await classified(engine, back))[8]!.child_labour).toBe(1);
    expect(back.bands[1]!.econ).toEqual({ rule: 'hours', min: 14, op: '>=' });
    expect(rows[10]!.hazardous_work).toBe(0); // age 15, 43 h
    expect(rows[19]!.child_labour).toBe(1); // age 16, 50 h
  });

  it('SDG 8.7.1 set to ">": 43 h at 15 is not child labour ("more than 43") but still hazardous work (long hours "43 or more", definitions.md section 2), as under ">="', async () => {
    const gt = await classified(engine, resolveFramework({ preset: 'sdg_871', edit: { comparison: '>' } }));
    const ge = await classified(engine, preset('sdg_871'));
    expect([gt[10]!.child_labour, gt[10]!.hazardous_work]).toEqual([0, 1]); // age 15, 43 h
    expect([ge[10]!.child_labour, ge[10]!.hazardous_work]).toEqual([1, 1]);
    expect(gt.map((r) => r.hazardous_work)).toEqual(ge.map((r) => r.hazardous_work));
  });

  it('a national definition: light work from 13, hazardous list without construction', async () => {
    const fw = resolveFramework({
      preset: 'ilo_ge2020',
      id: 'national',
      edit: {
        bands: [
          { from: 5, to: 12, econ: { rule: 'employed' }, chores: null },
          { from: 13, to: 14, econ: { rule: 'hours', min: 14 }, chores: null },
          { from: 15, to: 17, econ: { rule: 'none' }, chores: null },
        ],
        hazardous: { ...preset('ilo_ge2020').hazardous, industries: [5, 6, 7, 8, 9] },
      },
    });
    const rows = await classified(engine, fw);
    expect(rows[7]!.child_labour).toBe(1); // age 12, 13 h: any employment counts at 12 now
    expect(rows[11]!.hazardous_work).toBe(0); // construction is not on this list
  });
});

/**
 * MICS6 conventions on a three-part chores sum (CL8 + CL10 + CL13 with 98/99 don't know), the
 * universe (FS17 = 1) and zero weights, on rows written as a MICS6 fs file would hold them.
 */
describe.each(ENGINES)('MICS conventions in classification on %s', (engineName) => {
  const MICS: Mapping = {
    weight: 'fsweight',
    age: 'CB3',
    sex: { column: 'HL4', male: '1', female: '2' },
    universe: { column: 'FS17', keep: ['1'] },
    econHours: { columns: ['CL3'], missingFrom: 97, blank: 'zero' },
    choresHours: { columns: ['CL8', 'CL10', 'CL13'], combine: 'sum', missingFrom: 97, blank: 'zero' },
  };
  const COLS = ['fsweight', 'FS17', 'HL4', 'CB3', 'CL3', 'CL8', 'CL10', 'CL13'];
  const ROWS: (string | null)[][] = [
    ['1.2', '1', '1', '10', null, '98', '15', '10'], // the issue's example: 25 h of chores
    ['1.2', '1', '2', '10', null, '98', '15', '5'], // 20 h known: below 21
    ['1.2', '1', '2', '9', null, null, '99', '22'], // 22 h: in child labour
    ['0.8', '2', '1', '10', null, '10', '10', '10'], // interview not completed: out of the universe
    ['0', '1', '1', '10', null, '10', '10', '10'], // weight 0: counted nowhere
    ['1.0', '1', '1', '13', '98', null, null, null], // hours don't know, no chores
  ];
  let engine: Engine;
  beforeAll(async () => {
    engine = await engineWithRows(engineName, COLS, ROWS);
    await engine.run(prepareSql(MICS));
  });
  afterAll(() => engine?.close());
  const run = async (policy: MissingHoursPolicy) => {
    const c = classify(preset('sdg_871'), MICS, policy);
    return engine.query(`SELECT ${c.sql.child_labour} AS cl, ${c.sql.children_in_employment} AS emp FROM survey ORDER BY _row`);
  };

  it('MICS convention: a don\'t-know part of the chores sum counts as 0 and the rest are summed (CL8 = 98, CL10 = 15, CL13 = 10 is 25 h)', async () => {
    const rows = await run('mics');
    expect(rows.map((r) => r.cl)).toEqual([1, 0, 1, null, null, 0]);
    expect(rows[5]!.emp).toBe(0); // CL3 = 98: not above any threshold, in the denominator
  });

  it('the "unknown" policy leaves a child whose chores sum has an unknown part out of that indicator', async () => {
    const rows = await run('unknown');
    expect(rows.map((r) => r.cl)).toEqual([null, null, null, null, null, null]);
  });

  it('rows outside the universe or with weight 0 are in no domain (NULL), whatever their answers', async () => {
    const rows = await run('mics');
    expect([rows[3]!.cl, rows[3]!.emp, rows[4]!.cl, rows[4]!.emp]).toEqual([null, null, null, null]);
  });
});
