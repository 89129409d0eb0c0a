import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAnalysis, type ResolvedAnalysis } from '../analysis/analysisFile.js';
import { AnalysisSession } from '../analysis/analysisSession.js';
import { fileSource } from '../analysis/cli/files.js';
import { createNativeEngine } from '../analysis/engine/nativeEngine.js';
import { importData } from '../analysis/import/load.js';
import { generate } from '../scripts/bench/generate.js';
import { classify } from '../analysis/classify.js';
import { AGE_GROUP, domainSums, type DimSpec } from '../analysis/domainSums.js';
import type { Engine } from '../analysis/engine/engine.js';
import { finishEstimate } from '../analysis/estimate.js';
import { extraColumn } from '../analysis/mapping.js';
import { runAnalysis, type AnalysisResult, type ResultRow } from '../analysis/run.js';
import { foldThread } from '../analysis/cli/foldThread.js';
import type { FoldHelper, FoldJob } from '../analysis/foldHelper.js';
import { ENGINES, REFERENCE_DIR, engineWithCsv, relErr } from './engines.js';

/**
 * The typed-array pass (domainMoments.ts) that produces the table set, against its oracle: the SQL
 * statement of domainSums.ts, which computes the same sums as one aggregation per breakdown. Checked
 * on the reference sample with an extra breakdown column, rows in scrambled order (PSUs not contiguous),
 * overlapping age groups and unknown indicators; and a recompute through an AnalysisSession against a
 * fresh run.
 */
const path = new URL('./fixtures/reference.analysis.json', import.meta.url).pathname;
const base = JSON.parse(readFileSync(path, 'utf8'));
const analysis: ResolvedAnalysis = parseAnalysis(
  JSON.stringify({
    ...base,
    mapping: { ...base.mapping, extras: ['hh_size_band'] },
    ageGroups: [
      { label: '5-11', from: 5, to: 11 },
      { label: '12-14', from: 12, to: 14 },
      { label: '15-17', from: 15, to: 17 },
      { label: '5-14', from: 5, to: 14 },
      { label: '10-17', from: 10, to: 17 },
    ],
    breakdowns: [...base.breakdowns, ['hh_size_band'], ['hh_size_band', 'sex', 'age_group']],
  }),
  path,
);
/** The command line's fold thread, as `npm run build:cli` bundles it (npm test builds it first). */
const WORKER = new URL('../dist/foldWorker.mjs', import.meta.url).pathname;
const key = (r: ResultRow) => [r.framework, r.indicator, r.breakdown, ...Object.values(r.cell)].join('|');

describe.each(ENGINES)('typed-array estimation pass on %s', (engineName) => {
  let engine: Engine;
  let result: AnalysisResult;
  beforeAll(async () => {
    engine = await engineWithCsv(engineName, { original: REFERENCE_DIR + 'children_sample.csv' });
    // Rows scrambled (a fixed permutation) so that no PSU's rows are contiguous; an extra column.
    await engine.run(
      `CREATE TABLE src AS SELECT *, CAST((hash(rowid) % 3) + 1 AS VARCHAR) AS hh_size_band FROM original ORDER BY hash(rowid * 7919)`,
    );
    result = await runAnalysis(engine, analysis, 'children_sample.csv');
  }, 60_000);
  afterAll(() => engine?.close());

  it('gives the SQL oracle’s estimate, SE, n, population and df in every cell of every breakdown', async () => {
    const m = analysis.mapping;
    const vars = analysis.frameworks.map((fw) => classify(fw, m, analysis.options.missingHours).sql);
    const dimSql: Record<string, string> = {
      sex: `CASE WHEN sex IN ('1', '2') THEN sex END`,
      area: `CASE WHEN area IN ('1', '2') THEN area END`,
      age_group: AGE_GROUP,
      region: 'region',
      hh_size_band: extraColumn(0),
    };
    // `classified` holds codes; the oracle reads each row's own text from the file (`_row` = rowid + 1).
    await engine.run(`CREATE OR REPLACE VIEW oracle AS SELECT c.*, NULLIF(s.sex, '') AS sex, NULLIF(s.area, '') AS area, NULLIF(s.region, '') AS region,
      NULLIF(s.hh_size_band, '') AS ${extraColumn(0)} FROM classified c JOIN src s ON c._row = s.rowid + 1`);
    const byKey = new Map(result.rows.map((r) => [key(r), r]));
    let compared = 0;
    let worst = 0;
    for (const dims of analysis.breakdowns) {
      const specs: DimSpec[] = dims.map((d) => ({ name: d, sql: dimSql[d]! }));
      for (const [f, fw] of analysis.frameworks.entries()) {
        const ys = analysis.indicators.map((ind) => vars[f]![ind]);
        const sums = await domainSums(engine, { table: 'oracle', strata: '_strata_ids', lonely: 'adjust' }, specs, ys, analysis.ageGroups, { integerY: true });
        analysis.indicators.forEach((ind, k) => {
          for (const s of sums[k]!) {
            const cell = { sex: '', age_group: '', region: '', area: '', hh_size_band: '', ...s.cell };
            const row = byKey.get([fw.id, ind, dims.length ? dims.join('_x_') : 'total', ...Object.values(cell)].join('|'));
            expect(row, `${fw.id} ${ind} ${JSON.stringify(cell)}`).toBeDefined();
            const e = finishEstimate(s, { ci: 'logit', level: 0.95, smallCell: analysis.options.smallCell });
            expect(row!.n_unweighted).toBe(e.n_unweighted);
            expect(row!.df).toBe(e.df);
            for (const c of ['estimate', 'se', 'population', 'total_se'] as const) {
              if (e[c] === null) expect(row![c]).toBeNull();
              else worst = Math.max(worst, relErr(row![c]!, e[c]!));
            }
            compared++;
          }
        });
      }
    }
    expect(compared).toBe(result.rows.length);
    expect(worst).toBeLessThan(1e-12);
  }, 120_000);

  it('gives every row and gap bit for bit when a second thread folds half the breakdowns (the command line’s)', async () => {
    const thread = foldThread(WORKER, 0);
    expect(thread, 'dist/foldWorker.mjs: run `npm run build:cli`').toBeDefined();
    let sent: FoldJob | null = null;
    const helper: FoldHelper = { minRows: 0, begin: (job) => ((sent = job), thread!.begin(job)) };
    try {
      const split = await runAnalysis(engine, analysis, 'children_sample.csv', { foldHelper: helper });
      expect(sent!.breakdowns.length).toBeGreaterThan(1);
      expect(sent!.breakdowns.length).toBeLessThan(analysis.breakdowns.length);
      expect(split.rows).toEqual(result.rows);
      expect(split.gaps).toEqual(result.gaps);
    } finally {
      await thread!.close();
    }
  }, 60_000);

  it('recomputes an edited threshold through a session exactly as a fresh run does', async () => {
    const session = new AnalysisSession();
    await runAnalysis(engine, analysis, 'children_sample.csv', { session });
    const edited = structuredClone(analysis);
    const ge = edited.frameworks[0]!;
    ge.bands = ge.bands.map((b) => (b.from === 12 ? { ...b, econ: { rule: 'hours' as const, min: 10 } } : b));
    const cached = session.y.size;
    const again = await runAnalysis(engine, edited, 'children_sample.csv', { session });
    // One classification expression changed (GE child labour): one new column, the rest reused.
    expect(session.y.size).toBe(cached + 1);
    const fresh = await runAnalysis(engine, edited, 'children_sample.csv');
    expect(again.rows).toEqual(fresh.rows);
    expect(again.gaps).toEqual(fresh.gaps);
    // The edit changed the headline: a recompute that reused the old column would not.
    const total = (r: AnalysisResult) => r.rows.find((x) => x.framework === ge.id && x.indicator === 'child_labour' && x.breakdown === 'total')!.estimate;
    expect(total(again)).not.toBe(total(result));
  }, 60_000);
});

/**
 * Regression: on a file of several DuckDB row groups, native DuckDB scans them in parallel and two
 * queries on the same table can return rows in different orders. The classification columns were
 * once read in one query and the weights in another and aligned by position: the estimates then
 * drifted between runs (2M children: 22.085 % and 22.087 % for the same figure). Every column now
 * travels with its rowid; the estimates must equal the SQL oracle's and be identical run to run.
 */
describe('regression: columns read from a table scanned in parallel stay aligned', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallel-'));
  const file = join(dir, 'children_400000.csv');
  const bench: ResolvedAnalysis = parseAnalysis(
    JSON.stringify({ ...base, data: { path: file }, breakdowns: [[], ['sex'], ['region', 'sex']], frameworks: [{ preset: 'ilo_ge2020' }, { preset: 'mics6_hazard' }] }),
    path,
  );
  beforeAll(() => generate(400_000, file), 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const runOnce = async () => {
    const engine = await createNativeEngine({ files: [file], threads: 2 });
    try {
      await importData(engine, fileSource(file));
      const r = await runAnalysis(engine, bench, file, { valuesChecked: true });
      const vars = bench.frameworks.map((fw) => classify(fw, bench.mapping, bench.options.missingHours).sql);
      const [total] = await domainSums(engine, { table: 'classified', strata: '_strata_ids', lonely: 'adjust' }, [], [vars[0]!.child_labour], [], { integerY: true });
      return { r, oracle: finishEstimate(total![0]!, { ci: 'logit', level: 0.95, smallCell: bench.options.smallCell }) };
    } finally {
      await engine.close();
    }
  };

  it('gives the oracle’s national figure and the same numbers on every run', async () => {
    const first = await runOnce();
    const second = await runOnce();
    const headline = (x: AnalysisResult) => x.rows.find((r) => r.framework === 'ilo_ge2020' && r.indicator === 'child_labour' && r.breakdown === 'total')!;
    expect(relErr(headline(first.r).estimate!, first.oracle.estimate!)).toBeLessThan(1e-12);
    expect(relErr(headline(first.r).se!, first.oracle.se!)).toBeLessThan(1e-12);
    expect(headline(first.r).population).toBeCloseTo(first.oracle.population!, 3);
    expect(second.r.rows).toEqual(first.r.rows);
    expect(second.r.gaps).toEqual(first.r.gaps);
  }, 240_000);
});
