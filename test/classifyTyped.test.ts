import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveAnalysis } from '../analysis/analysisFile.js';
import { AnalysisSession } from '../analysis/analysisSession.js';
import { classify } from '../analysis/classify.js';
import { classifyTyped, readRoleColumns, type RoleColumn } from '../analysis/classifyTyped.js';
import type { Engine } from '../analysis/engine/engine.js';
import { preset, presetIds, resolveFramework } from '../analysis/frameworks.js';
import { importData } from '../analysis/import/load.js';
import { prepareSql } from '../analysis/mapping.js';
import { runAnalysis } from '../analysis/run.js';
import { INDICATORS, type Framework, type FrameworkRef, type Mapping, type MissingHoursPolicy } from '../analysis/types.js';
import { CASES, COLUMNS, MAPPING } from './classifyCases.js';
import { ENGINES, REFERENCE_DIR, engineWithRows, type EngineName } from './engines.js';
import { engineFor, sourceFor } from './import/sources.js';

/**
 * The framework rules evaluated on typed columns (classifyTyped.ts, what the run uses) against the
 * SQL classification (classify.ts, the reference), child by child: every preset, national variants
 * (">" thresholds, other bands and lists, counted conditions), both missing-hours policies, on the
 * hand-made children of classify.test.ts with edge rows added, on the sample data and on the shared
 * reference sample, on both engines. On the files, the whole run is also compared: same numbers.
 */
const GE = preset('ilo_ge2020').hazardous;
const VARIANTS: FrameworkRef[] = [
  ...presetIds().map((id) => ({ preset: id })),
  { preset: 'ilo_ge2020', id: 'gt', edit: { comparison: '>', hazardous: { ...GE, longHours: { min: 43 } } } },
  {
    preset: 'ilo_ge2020',
    id: 'national',
    edit: {
      bands: [
        { from: 5, to: 12, econ: { rule: 'employed' }, chores: null },
        { from: 13, to: 14, econ: { rule: 'hours', min: 14 }, chores: { min: 28, op: '>' } },
        { from: 15, to: 17, econ: { rule: 'none' }, chores: null },
      ],
      hazardous: { ...GE, industries: [5, 6, 7, 8, 9], longHours: { min: 40.5, op: '>' } },
    },
  },
  { preset: 'sdg_871', id: 'sdg_gt', edit: { comparison: '>', bands: [{ from: 6, to: 13, econ: { rule: 'hours', min: 0 }, chores: { min: 14.5 } }] } },
  { preset: 'mics6_hazard', id: 'no_lists', edit: { hazardous: { industries: [], occupations: [], longHours: null, conditions: null } } },
];
const frameworks = (m: Mapping, extra: FrameworkRef[] = []) =>
  [...VARIANTS, ...extra].map(resolveFramework).filter((fw) => {
    try {
      classify(fw, m, 'unknown');
      return true;
    } catch {
      return false; // a framework the mapping cannot serve (a condition it does not map)
    }
  });
const POLICIES: MissingHoursPolicy[] = ['unknown', 'mics'];

/** Both classifications of table `classified` (rows in file order), cell by cell; returns how many cells were compared. */
async function compare(engine: Engine, m: Mapping, fws: Framework[], policy: MissingHoursPolicy): Promise<number> {
  const roles = new Map<string, RoleColumn>();
  // The design order here is the file's: position i holds the row whose _row is the i-th smallest.
  await readRoleColumns(engine, m, policy, roles, (o) => Int32Array.from(o.keys()).sort((a, b) => o[a]! - o[b]!));
  let cells = 0;
  for (const fw of fws) {
    const sql = classify(fw, m, policy).sql;
    const want = await engine.query(`SELECT ${INDICATORS.map((k) => `${sql[k]} AS ${k}`).join(', ')} FROM classified ORDER BY _row`);
    const got = classifyTyped(fw, m, policy, roles);
    for (const k of INDICATORS) {
      const a = want.map((r) => (r[k] === null ? -1 : Number(r[k])));
      expect(Array.from(got[k]), `${fw.id}, ${k}, ${policy}`).toEqual(a);
      cells += a.length;
    }
  }
  return cells;
}

/** Edge rows beyond classify.test.ts's children: NaN, infinite and fractional values, missing ages and weights, unknown codes. */
const EDGES: (string | null)[][] = [
  ['1', '1', 'nan', '20', '0', '0', '41', '9311', '0', '0', '0', '0', '0'],
  ['1', '1', '12.5', '20', '0', '0', '41', '9311', '0', '0', '0', '0', '0'],
  ['1', '1', null, '20', '0', '0', '41', '9311', '0', '0', '0', '0', '0'],
  ['0', '1', '12', '20', '0', '0', '41', '9311', '0', '0', '0', '0', '0'],
  [null, '1', '12', '20', '0', '0', '41', '9311', '0', '0', '0', '0', '0'],
  ['1', '1', '14', 'nan', '0', 'inf', '1', '1', '0', '0', '0', '0', '0'],
  ['1', '1', '14', 'inf', '0', 'nan', 'x', 'y', '0', '0', '0', '0', '0'],
  ['1', '1', '13', '14.0001', '9', '28', null, null, '1', '0', '0', '0', '0'],
  ['1', '1', '6', '0', null, '14.5', '5', '6224', null, null, null, null, null],
  ['1', '1', '16', '40.5', '1', '0', '43', '7112', '0', '0', '1', '0', '0'],
  ['2.5', '2', '17', '43', null, null, null, null, '0', '0', '0', '0', '0'],
];

describe.each(ENGINES)('typed classification against the SQL one, hand-made children, on %s', (engineName) => {
  let engine: Engine;
  // The children of classify.test.ts, then the edge rows; econActivity mapped in a second mapping.
  const mappings: [string, Mapping][] = [
    ['the hours mapping of classify.test.ts', MAPPING],
    ['econ activity and absence as yes/no, unknown = 9', { ...MAPPING, econActivity: { columns: ['night_work', 'heavy_loads'], missingCodes: ['9'] }, absentFromJob: { columns: ['absent_job'], missingCodes: ['9'] } }],
    ['no hazard columns, no occupation', { ...MAPPING, hazards: {}, occupation: undefined }],
  ];
  beforeAll(async () => {
    engine = await engineWithRows(engineName, ['w', 'sex', ...COLUMNS], [...CASES.map(([, r]) => ['1', '1', ...r]), ...EDGES]);
  });
  afterAll(() => engine?.close());

  it.each(mappings.flatMap(([label, m]) => POLICIES.map((p) => [label, p, m] as const)))('%s, missing hours "%s": every framework, every child, every indicator', async (_label, policy, m) => {
    await engine.run(prepareSql(m));
    await engine.run('CREATE OR REPLACE TABLE classified AS SELECT * FROM survey');
    const fws = frameworks(m, [{ preset: 'mics6_hazard', id: 'two_conditions', edit: { hazardous: { ...GE, conditions: ['night_work', 'heavy_loads'] } } }]);
    // Without hazard columns, mics6_hazard and the counted conditions have nothing to count (classify.ts refuses them).
    expect(fws.length).toBe(Object.keys(m.hazards ?? {}).length ? 10 : 7);
    const cells = await compare(engine, m, fws, policy);
    expect(cells).toBe(fws.length * 4 * (CASES.length + EDGES.length));
  });
});

/** The sample data and the shared reference sample: runs with the typed and the SQL classification. */
const ROOT = new URL('../', import.meta.url).pathname;
const FILES: [string, string][] = [
  ['sample-data/mics6_synthetic.analysis.json', ROOT + 'sample-data/mics6_synthetic_fs.csv'],
  ['sample-data/lfs_synthetic.analysis.json', ROOT + 'sample-data/lfs_synthetic_children.csv'],
  ['test/fixtures/reference.analysis.json', REFERENCE_DIR + 'children_sample.csv'],
  // Codes the file declares missing (SPSS user-missing; Stata .a/.b), a universe and zero weights.
  ['test/fixtures/mics-conventions/mics-conventions.analysis.json', ROOT + 'test/fixtures/mics-conventions/fs.sav'],
  ['test/fixtures/mics-conventions/mics-conventions.analysis.json', ROOT + 'test/fixtures/mics-conventions/fs-extended.dta'],
];

describe.each(ENGINES)('typed classification against the SQL one, sample and reference data, on %s', (engineName: EngineName) => {
  it.each(FILES.flatMap(([a, d]) => POLICIES.map((p) => [a, p, d] as const)))('%s, missing hours "%s", %s: same indicator of every child, same results', async (analysisFile, policy, data) => {
    const json = JSON.parse(readFileSync(ROOT + analysisFile, 'utf8'));
    const engine = await engineFor(engineName, [data]);
    try {
      await importData(engine, sourceFor(engineName, data));
      const fws = frameworks(resolveAnalysis(json, ROOT + analysisFile).mapping);
      const a = resolveAnalysis(
        { ...json, frameworks: fws.map((custom) => ({ custom })), indicators: [...INDICATORS], options: { ...json.options, missingHours: policy } },
        ROOT + analysisFile,
      );
      const sqlSession = new AnalysisSession();
      const typedSession = new AnalysisSession();
      const bySql = await runAnalysis(engine, a, data, { session: sqlSession, classifyIn: 'sql' });
      const typed = await runAnalysis(engine, a, data, { session: typedSession, classifyIn: 'typed' });
      // Every indicator column, in the design's order, keyed by its SQL.
      expect([...typedSession.y.keys()].sort()).toEqual([...sqlSession.y.keys()].sort());
      expect(sqlSession.y.size).toBeGreaterThanOrEqual(fws.length);
      for (const [sql, y] of sqlSession.y) expect(Array.from(typedSession.y.get(sql)!), sql.slice(0, 200)).toEqual(Array.from(y));
      const strip = (r: typeof bySql) => ({ rows: r.rows, gaps: r.gaps, n: r.childrenInScope, messages: r.messages });
      expect(strip(typed)).toEqual(strip(bySql));
      expect(bySql.rows.length).toBeGreaterThan(0);
    } finally {
      await engine.close();
    }
  }, 120_000);
});
