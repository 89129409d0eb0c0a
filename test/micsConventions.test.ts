import { Ajv } from 'ajv';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveAnalysis, type ResolvedAnalysis } from '../analysis/analysisFile.js';
import type { Engine } from '../analysis/engine/engine.js';
import { importData, type ImportOptions } from '../analysis/import/load.js';
import { runAnalysis, type AnalysisResult, type ResultRow } from '../analysis/run.js';
import { validateData, type ValidationReport } from '../analysis/validate.js';
import type { MissingHoursPolicy } from '../analysis/types.js';
import { ENGINES, engineWithRows, parseCsv, relErr } from './engines.js';
import { engineFor, sourceFor } from './import/sources.js';

/**
 * Issue 10, "right numbers on real MICS and LFS files": the MICS6 conventions of
 * ../shared/definitions.md sections 4-5 on a MICS6-style fs file (scripts/fixtures/make-mics-conventions.ts),
 * against golden values computed in plain R from the definitions (scripts/r/make_extra_golden.R,
 * section 3), never from the app:
 *   - universe FS17 = 1: the other interviews (fsweight 0) stay in the design but count in no n, df
 *     or design effect; one cluster has no completed interview at all;
 *   - zero weights count in no n, df or deff, their PSUs still count in their stratum;
 *   - missingHours "mics" (don't-know hours never above a threshold, each unknown part of the chores
 *     sum is 0, a yes/no 9 is "no") and "unknown" (three-valued; the child leaves the indicator);
 *   - SPSS user-missing 98/99/9 (.sav, .zsav), Stata plain codes (.dta by readstat) and extended
 *     missing .a/.b (fs-extended.dta) give the same numbers as the CSV with plain codes.
 */
const TOL = 1e-9;
const DIR = new URL('./fixtures/mics-conventions/', import.meta.url).pathname;
const JSON_PATH = DIR + 'mics-conventions.analysis.json';
const base = JSON.parse(readFileSync(JSON_PATH, 'utf8'));
const golden = (f: string) => parseCsv(readFileSync(new URL(`./fixtures/r-golden/${f}`, import.meta.url), 'utf8'));
const POLICIES: MissingHoursPolicy[] = ['mics', 'unknown'];

function analysis(policy: MissingHoursPolicy, edit: Record<string, unknown> = {}): ResolvedAnalysis {
  return resolveAnalysis({ ...base, ...edit, options: { ...base.options, missingHours: policy } }, JSON_PATH);
}

/** The R golden's name of a result row's domain: total, sex=1, age_group=5-11, region=2, area=1. */
const domainOf = (r: ResultRow) => (r.breakdown === 'total' ? 'total' : `${r.breakdown}=${r.cell[r.breakdown]}`);
const keyOf = (r: ResultRow) => `${r.framework}|${r.indicator}|${domainOf(r)}`;
const num = (s: string) => (s === 'NA' ? null : Number(s));
/** MICS/DHS small cells as the analysis file sets them (25 / 50), from R's unweighted n. */
const flagOf = (n: number) => (n < 25 ? 'suppressed' : n < 50 ? 'caution' : 'ok');

/** Every statistic of a result row against R: floats to TOL (relative), df and n exactly, the flag from R's n. */
function expectMatchesR(rows: ResultRow[], g: Record<string, string>[], where: string): void {
  const byKey = new Map(rows.map((r) => [keyOf(r), r]));
  for (const e of g) {
    const key = `${e.framework}|${e.indicator}|${e.domain}`;
    const row = byKey.get(key);
    expect(row, `${where}: no result row ${key}`).toBeDefined();
    expect(row!.n_unweighted, `${where} ${key} n_unweighted`).toBe(Number(e.n_unweighted));
    expect(row!.df, `${where} ${key} df`).toBe(Number(e.df));
    expect(row!.flag, `${where} ${key} flag`).toBe(flagOf(Number(e.n_unweighted)));
    for (const c of ['estimate', 'se', 'ci_low', 'ci_high', 'deff_replace', 'total', 'total_se'] as const) {
      const want = num(e[c]!);
      const got = row![c] as number | null;
      if (want === null) expect(got, `${where} ${key} ${c}`).toBeNull();
      else {
        expect(got, `${where} ${key} ${c}`).not.toBeNull();
        expect(relErr(got!, want), `${where} ${key} ${c}: ${got} vs R ${want}`).toBeLessThan(TOL);
      }
    }
  }
}

const STATS = ['estimate', 'se', 'ci_low', 'ci_high', 'df', 'total', 'total_se', 'population', 'n_unweighted', 'deff', 'deff_replace', 'cv'] as const;
/** Two runs give the same rows, statistic by statistic (floats to `tol` relative; 0: bit for bit). */
function expectSameRows(a: AnalysisResult, b: AnalysisResult, where: string, tol = 0): void {
  expect(b.rows.length, where).toBe(a.rows.length);
  const other = new Map(b.rows.map((x) => [keyOf(x), x]));
  for (const r of a.rows) {
    const x = other.get(keyOf(r));
    expect(x, `${where}: ${keyOf(r)}`).toBeDefined();
    for (const c of STATS) {
      const u = r[c] as number | null;
      const v = x![c] as number | null;
      if (u === null || v === null || tol === 0 || c === 'df' || c === 'n_unweighted') expect(v, `${where} ${keyOf(r)} ${c}`).toBe(u);
      else expect(relErr(v, u), `${where} ${keyOf(r)} ${c}: ${v} vs ${u}`).toBeLessThan(tol);
    }
    expect(x!.flag, `${where} ${keyOf(r)} flag`).toBe(r.flag);
  }
}

const FORMATS: [string, ImportOptions][] = [
  ['fs.sav', {}],
  ['fs.zsav', {}],
  ['fs.dta', {}],
  ['fs-extended.dta', {}],
  ['fs.parquet', {}],
  ['fs.xlsx', { sheet: 'fs' }],
];
/**
 * How the raw table holds CL8 = 98 (don't know) of the example child: the code, never a blank (SPSS
 * user-missing keeps its value; Stata's extended missing its name, analysis/import/load.ts). Others: '98'.
 */
const EXAMPLE_CL8: Record<string, string> = { 'fs-extended.dta': '.a' };

describe('the fixture and its R golden, read directly (no engine)', () => {
  const fs = parseCsv(readFileSync(DIR + 'fs.csv', 'utf8'));
  const main = golden('mics_conventions.csv');
  const counted = fs.filter((r) => r.FS17 === '1' && Number(r.fsweight) > 0 && Number(r.CB3) >= 5 && Number(r.CB3) <= 17);

  it('holds what it is for: interviews not completed with weight 0, completed ones with weight 0, a cluster with none completed', () => {
    expect(fs).toHaveLength(2199);
    const out = fs.filter((r) => r.FS17 !== '1');
    expect(out.length).toBeGreaterThan(0.04 * fs.length);
    expect(out.every((r) => r.fsweight === '0')).toBe(true);
    expect(fs.filter((r) => r.FS17 === '1' && r.fsweight === '0')).toHaveLength(6);
    expect(fs.filter((r) => r.HH1 === '44').every((r) => r.FS17 !== '1')).toBe(true);
    for (const c of ['CL3', 'CL8', 'CL10', 'CL13']) expect(fs.filter((r) => r[c] === '98').length, c).toBeGreaterThan(5);
    for (const c of ['CL1A', 'CL4', 'CL6A']) expect(fs.filter((r) => r[c] === '9').length, c).toBeGreaterThan(5);
    expect(fs.find((r) => r.HH1 === '2' && r.HH2 === '4')).toMatchObject({ FS17: '1', CB3: '10', CL3: '', CL8: '98', CL10: '15', CL13: '10' });
  });

  it('R counts what the definitions say: completed interviews with a weight; df from their clusters and strata', () => {
    const psus = new Set(counted.map((r) => r.HH1)).size;
    const strata = new Set(counted.map((r) => r.stratum)).size;
    expect([counted.length, psus, strata]).toEqual([2044, 59, 6]);
    for (const g of main.filter((x) => x.policy === 'mics' && x.domain === 'total')) {
      expect([Number(g.n_unweighted), Number(g.df)], `${g.framework} ${g.indicator}`).toEqual([counted.length, psus - strata]);
    }
  });

  it('the analysis file is valid against docs/analysis-file.schema.json (universe included)', () => {
    const schema = JSON.parse(readFileSync(new URL('../docs/analysis-file.schema.json', import.meta.url), 'utf8'));
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    expect(validate(base), JSON.stringify(validate.errors)).toBe(true);
  });
});

describe.each(ENGINES)('MICS6 conventions on %s', (engineName) => {
  let engine: Engine;
  const runs = new Map<string, Promise<Record<MissingHoursPolicy, AnalysisResult> & { report: ValidationReport }>>();
  /** Imports a file into `src` and runs the analysis under both policies (once per file). */
  const resultsOf = (file: string, options: ImportOptions = {}) => {
    if (!runs.has(file)) {
      runs.set(file, (async () => {
        const imported = await importData(engine, sourceFor(engineName, DIR + file), options);
        expect(imported.rows, file).toBe(file === 'small-domain-zero.csv' ? 2209 : 2199);
        const [cl8] = await engine.query(`SELECT CL8 FROM src WHERE HH1 = '2' AND HH2 = '4'`);
        expect(cl8?.CL8, `${file}: CL8 of the example child`).toBe(EXAMPLE_CL8[file] ?? '98');
        const report = await validateData(engine, analysis('mics'), file, imported.labels);
        expect(report.ok, `${file}: ${JSON.stringify(report.findings.filter((m) => m.severity === 'error').map((m) => m.code))}`).toBe(true);
        return {
          report,
          mics: await runAnalysis(engine, analysis('mics'), file),
          unknown: await runAnalysis(engine, analysis('unknown'), file),
        };
      })());
    }
    return runs.get(file)!;
  };
  beforeAll(async () => {
    engine = await engineFor(engineName, ['fs.csv', 'fs-weighted-incomplete.csv', ...FORMATS.map(([f]) => f), 'small-domain.csv', 'small-domain-zero.csv'].map((f) => DIR + f));
  }, 120_000);
  afterAll(() => engine?.close());

  const main = golden('mics_conventions.csv');
  it('the R golden covers 3 frameworks x 4 indicators x 13 domains under each policy', () => {
    for (const p of POLICIES) expect(main.filter((g) => g.policy === p)).toHaveLength(3 * 4 * 13);
  });

  it.each(POLICIES)('fs.csv matches R under missingHours "%s" (universe FS17 = 1, zero weights, every statistic)', async (policy) => {
    const r = (await resultsOf('fs.csv'))[policy];
    expect(r.rows).toHaveLength(3 * 4 * 13);
    expectMatchesR(r.rows, main.filter((g) => g.policy === policy), `fs.csv ${policy}`);
  }, 120_000);

  it.each(POLICIES)('fs-weighted-incomplete.csv (rows outside the universe keep a weight) gives the same R numbers under "%s"', async (policy) => {
    const r = (await resultsOf('fs-weighted-incomplete.csv'))[policy];
    expectMatchesR(r.rows, main.filter((g) => g.policy === policy), `fs-weighted-incomplete.csv ${policy}`);
  }, 120_000);

  it('fs.csv: the design df counts only clusters with a completed, weighted interview (59 - 6 = 53)', async () => {
    const r = (await resultsOf('fs.csv')).mics;
    for (const row of r.rows.filter((x) => x.breakdown === 'total')) expect(row.df).toBe(53);
    expect(r.rows.find((x) => x.breakdown === 'total')!.n_unweighted).toBe(2044);
    // The validation report says both: the whole file's design, and the national estimate's df; the
    // zero weights of the file, and those in the universe (WEIGHT_ZERO's six completed interviews).
    const { report } = await resultsOf('fs.csv');
    const fs = parseCsv(readFileSync(DIR + 'fs.csv', 'utf8'));
    const all = new Set(fs.map((x) => x.HH1)).size - new Set(fs.map((x) => x.stratum)).size;
    expect(all).toBeGreaterThan(53);
    expect([report.design.df, report.design.dfInScope]).toEqual([all, 53]);
    expect([report.weights.zero, report.weights.zeroInUniverse]).toEqual([fs.filter((x) => Number(x.fsweight) === 0).length, 6]);
  }, 120_000);

  describe.each(FORMATS)('%s', (file, options) => {
    it.each(POLICIES)('gives the same results as fs.csv, bit for bit, under "%s"', async (policy) => {
      const [csv, other] = [(await resultsOf('fs.csv'))[policy], (await resultsOf(file, options))[policy]];
      expectSameRows(csv, other, `${file} ${policy}`);
    }, 120_000);
    it.each(POLICIES)('matches R under "%s"', async (policy) => {
      const r = (await resultsOf(file, options))[policy];
      expectMatchesR(r.rows, main.filter((g) => g.policy === policy), `${file} ${policy}`);
    }, 120_000);
  });

  describe('10 children of weight 0 added to a 20-case domain (region 9)', () => {
    const small = golden('mics_conventions_small_domain.csv');
    it.each(POLICIES)('change no n, flag, df or deff, nor any other statistic, under "%s"; both match R', async (policy) => {
      const [a, b] = [(await resultsOf('small-domain.csv'))[policy], (await resultsOf('small-domain-zero.csv'))[policy]];
      for (const [file, r] of [['small-domain.csv', a], ['small-domain-zero.csv', b]] as const) {
        expectMatchesR(r.rows, small.filter((g) => g.file === file && g.policy === policy), `${file} ${policy}`);
      }
      const region9 = b.rows.filter((x) => domainOf(x) === 'region=9');
      expect(region9).toHaveLength(12);
      if (policy === 'mics') {
        for (const x of region9) expect([x.n_unweighted, x.flag, x.df]).toEqual([20, 'suppressed', 5]);
      }
      expectSameRows(a, b, `small domain ${policy}`, 1e-12);
    }, 120_000);
  });
});

describe.each(ENGINES)('the example child of definitions.md section 4 on %s', (engineName) => {
  // A 10-year-old with CL8 = 98 (don't know), CL10 = 15, CL13 = 10 and no economic activity has 25
  // hours of chores under the MICS convention: in child labour (SDG 8.7.1 incl. chores, >= 21).
  // Beside it: the same child with CL13 = 5 (20 hours: not), a 12-year-old with exactly 21 hours of
  // water (in), an 8-year-old without chores (not), and two rows outside the universe (FS17 2 and 4).
  const cols = ['HH1', 'HH2', 'stratum', 'HH6', 'HH7', 'fsweight', 'FS17', 'HL4', 'CB3', 'CL1A', 'CL1B', 'CL1C', 'CL1X', 'CL2', 'CL3',
    'CL4', 'CL5', 'CL6A', 'CL6B', 'CL6C', 'CL6D', 'CL6E', 'CL6X', 'CL7', 'CL8', 'CL9', 'CL10', 'CL11A', 'CL13'];
  const noWork = ['2', '2', '2', '2', '2', null, null, null, null, null, null, null, null, null];
  const row = (psu: string, stratum: string, w: string, fs17: string, age: string | null, chores: (string | null)[], work = noWork) =>
    [psu, '1', stratum, '1', '1', w, fs17, '2', age, ...(age === null ? Array(14).fill(null) : work), ...chores];
  const rows = [
    row('1', '1', '1', '1', '10', ['1', '98', '1', '15', '1', '10']), // the example: 25 hours
    row('2', '1', '1', '1', '10', ['1', '98', '1', '15', '1', '5']), // 20 hours
    row('3', '2', '1', '1', '12', ['1', '21', '2', null, '2', null]), // 21 hours
    row('4', '2', '3', '1', '8', ['2', null, '2', null, '2', null]), // no chores
    // Outside the universe, with weights: a household weight kept on an incomplete interview. The
    // partly completed 9-year-old worked 30 hours: counted, it would make (2 + 2) / (6 + 2).
    row('4', '2', '1.5', '2', null, [null, null, null, null, null, null]), // not at home
    row('3', '2', '2', '4', '9', [null, null, null, null, null, null], ['1', '2', '2', '2', null, '30', null, null, null, null, null, null, null, null]),
  ];
  let engine: Engine;
  beforeAll(async () => {
    engine = await engineWithRows(engineName, cols, rows);
  }, 120_000);
  afterAll(() => engine?.close());
  const only = { frameworks: [{ preset: 'sdg_871' }], indicators: ['child_labour'], breakdowns: [[]] };

  it('under "mics" the example child is in child labour: (1 + 1) / 6 weighted, 4 completed interviews', async () => {
    const [r] = (await runAnalysis(engine, analysis('mics', only), 'example')).rows;
    expect(r!.n_unweighted).toBe(4);
    expect(r!.population).toBe(6);
    expect(r!.total).toBe(2); // the example child (weight 1) and the 12-year-old (weight 1)
    expect(relErr(r!.estimate!, 1 / 3)).toBeLessThan(1e-12);
  });

  it('under "unknown" both children with a don\'t-know part leave the indicator: 1 / 4 of 2 children', async () => {
    const [r] = (await runAnalysis(engine, analysis('unknown', only), 'example')).rows;
    expect(r!.n_unweighted).toBe(2);
    expect(r!.population).toBe(4);
    expect(r!.total).toBe(1);
    expect(relErr(r!.estimate!, 1 / 4)).toBeLessThan(1e-12);
  });
});
