import type { ResolvedAnalysis } from './analysisFile.js';
import { classify } from './classify.js';
import { pTwoSided, qt } from './distributions.js';
import { AGE_GROUP, contrastSums, domainSums, strataSql, type DesignTables, type DimSpec } from './domainSums.js';
import type { Engine } from './engine/engine.js';
import { sqlString } from './engine/values.js';
import { finishEstimate, type Estimate } from './estimate.js';
import { extraColumn, prepareSql } from './mapping.js';
import { AnalysisError, message, type Message } from './messages.js';
import type { Dimension, Indicator } from './types.js';
import { checkColumnsExist, checkDesign, checkValues, designSummary, sourceColumns, type DesignSummary } from './validate.js';

/** One row of results: a framework x indicator x domain, with its cell and every statistic. */
export interface ResultRow extends Estimate {
  framework: string;
  indicator: Indicator;
  breakdown: string;
  /** The cell: codes as in the data ('' = all). Keys: sex, age_group, region, area and extra columns. */
  cell: Record<string, string>;
}

/** The gap between boys and girls in one cell (boys minus girls), on the same design. */
export interface GapRow {
  framework: string;
  indicator: Indicator;
  breakdown: string;
  cell: Record<string, string>;
  boys: number | null;
  girls: number | null;
  gap: number | null;
  se: number | null;
  ci_low: number | null;
  ci_high: number | null;
  df: number;
  p_value: number | null;
}

export interface AnalysisResult {
  analysis: ResolvedAnalysis;
  file: string;
  design: DesignSummary;
  /** Children in the frameworks' age range with a usable weight. */
  childrenInScope: number;
  rows: ResultRow[];
  gaps: GapRow[];
  /** Warnings and notes to show beside the results (errors stop the run instead). */
  messages: Message[];
  /** Milliseconds per step, for the command line's --timing and the benchmark. */
  timings: Record<string, number>;
}

export type Progress = (step: string, done: number, of: number) => void;

/** Name of a breakdown in results: dimensions joined by _x_, or "total". */
export const breakdownName = (dims: Dimension[]) => (dims.length ? dims.join('_x_') : 'total');

/** The columns of the cell, in output order: the four standard ones, then the extra columns. */
export function cellColumns(a: ResolvedAnalysis): string[] {
  return ['sex', 'age_group', 'region', 'area', ...(a.mapping.extras ?? [])];
}

/** The loader moved to import/load.ts (importData reads every format); re-exported for existing callers. */
export { loadCsv } from './import/load.js';

function naturalCompare(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  if (a !== '' && b !== '' && Number.isFinite(na) && Number.isFinite(nb)) return na - nb;
  return a.localeCompare(b);
}

/**
 * Runs an analysis on the raw table `src`. The pipeline, in order:
 *   1. check that every mapped column exists, then every value (validate.ts): errors stop here
 *   2. build the typed `survey` table from the mapping (mapping.ts)
 *   3. the design: strata with their PSU counts and fpc factor over the WHOLE file; lonely PSUs
 *   4. classify every child under every framework in one table (classify.ts), identical indicator
 *      expressions computed once
 *   5. per breakdown, one SQL statement for all domains and all indicators (domainSums.ts), then the
 *      final step per domain in TypeScript (estimate.ts)
 *   6. per breakdown with sex, the boys-girls gap with its linearised SE (contrastSums)
 */
export async function runAnalysis(engine: Engine, a: ResolvedAnalysis, file: string, progress?: Progress): Promise<AnalysisResult> {
  const timings: Record<string, number> = {};
  let t0 = performance.now();
  const lap = (name: string) => {
    const t = performance.now();
    timings[name] = t - t0;
    t0 = t;
  };
  const m = a.mapping;
  const steps = 4 + a.breakdowns.length;
  let step = 0;
  const tick = (s: string) => progress?.(s, ++step, steps);

  tick('validate');
  checkColumnsExist(m, await sourceColumns(engine), file);
  const messages: Message[] = [];
  const found = await checkValues(engine, m, file);
  const firstError = found.find((x) => x.severity === 'error');
  if (firstError) throw Object.assign(new AnalysisError(firstError.code, firstError.params), { findings: found });
  messages.push(...found);
  lap('validate');

  tick('prepare');
  await engine.run(prepareSql(m));
  messages.push(...(await checkDesign(engine, m, file)));
  const fpcKind = !m.fpc ? 'none' : Number((await engine.query('SELECT max(_fpc) AS x FROM survey'))[0]!.x) <= 1 ? 'fraction' : 'count';
  await engine.run(strataSql('survey', '_strata', fpcKind));
  await engine.run(
    `CREATE OR REPLACE TABLE _ids AS SELECT _h, _psu, (dense_rank() OVER (ORDER BY _h))::INTEGER AS _hid, (row_number() OVER ())::INTEGER AS _pid FROM (SELECT DISTINCT _h, _psu FROM survey)`,
  );
  const { summary, messages: designMessages } = await designSummary(engine, '_strata', a.options.lonelyPsu);
  messages.push(...designMessages);
  lap('prepare');

  tick('classify');
  const vars: string[] = [];
  const varOf = new Map<string, number>();
  const targets: { framework: string; indicator: Indicator; k: number }[] = [];
  const unmapped = new Map<string, string[]>(); // hazard part -> frameworks that leave it out
  for (const fw of a.frameworks) {
    const c = classify(fw, m, a.options.missingHours);
    for (const w of c.warnings) unmapped.set(String(w.params.part), [...(unmapped.get(String(w.params.part)) ?? []), fw.id]);
    for (const ind of a.indicators) {
      const sql = c.sql[ind];
      if (!varOf.has(sql)) {
        varOf.set(sql, vars.length);
        vars.push(sql);
      }
      targets.push({ framework: fw.id, indicator: ind, k: varOf.get(sql)! });
    }
  }
  for (const [part, fws] of unmapped) messages.push(message('HAZARD_PART_UNMAPPED', { framework: fws.join('", "'), part }));
  const extras = m.extras ?? [];
  await engine.run(
    `CREATE OR REPLACE TABLE classified AS SELECT _w, ids._hid AS _h, ids._pid AS _psu, _fpc, age, sex, region, area, ${extras.map((_, i) => `${extraColumn(i)}, `).join('')}${vars.map((v, k) => `${v} AS y${k}`).join(', ')}
     FROM survey JOIN _ids ids USING (_h, _psu)`,
  );
  // The estimation groups by stratum and PSU many times: small integer ids group much faster than the
  // text keys (PSU ids are "stratum<US>psu" strings when nested).
  await engine.run(strataSql('classified', '_strata_ids', fpcKind));
  const lo = Math.min(...a.frameworks.flatMap((f) => f.bands.map((b) => b.from)));
  const hi = Math.max(...a.frameworks.flatMap((f) => f.bands.map((b) => b.to)));
  const [inScope] = await engine.query(`SELECT COUNT(*)::BIGINT AS n FROM survey WHERE age = floor(age) AND age BETWEEN ${lo} AND ${hi}`);
  const childrenInScope = Number(inScope!.n);
  if (childrenInScope === 0) throw new AnalysisError('NO_CHILDREN_IN_SCOPE', { file, from: lo, to: hi, column: m.age });
  lap('classify');

  const design: DesignTables = { table: 'classified', strata: '_strata_ids', lonely: a.options.lonelyPsu };
  const dimSql = (d: Dimension): string => {
    if (d === 'sex') return `CASE WHEN sex IN (${sqlString(m.sex.male)}, ${sqlString(m.sex.female)}) THEN sex END`;
    if (d === 'area') return `CASE WHEN area IN (${sqlString(m.area!.urban)}, ${sqlString(m.area!.rural)}) THEN area END`;
    if (d === 'age_group') return AGE_GROUP;
    if (d === 'region') return 'region';
    return extraColumn(extras.indexOf(d));
  };
  const yCols = vars.map((_, k) => `y${k}`);
  const opts = { ci: a.options.ci, level: a.options.level, smallCell: a.options.smallCell };
  const rows: ResultRow[] = [];
  const gaps: GapRow[] = [];
  const allCells = cellColumns(a);

  for (const dims of a.breakdowns) {
    tick(`breakdown ${breakdownName(dims)}`);
    const specs: DimSpec[] = dims.map((d) => ({ name: d, sql: dimSql(d) }));
    const sexAt = dims.indexOf('sex');
    const keep = sexAt >= 0 ? '_psu_totals' : undefined;
    const sums = await domainSums(engine, design, specs, yCols, a.ageGroups, { integerY: true, keepPsuTotals: keep });
    const name = breakdownName(dims);
    const fullCell = (c: Record<string, string>) => Object.fromEntries(allCells.map((k) => [k, c[k] ?? '']));
    const here: ResultRow[] = [];
    for (const t of targets) {
      for (const s of sums[t.k]!) here.push({ framework: t.framework, indicator: t.indicator, breakdown: name, cell: fullCell(s.cell), ...finishEstimate(s, opts) });
    }
    rows.push(...here);

    if (sexAt >= 0) {
      const contrast = await contrastSums(engine, design, specs, sexAt, m.sex.male, m.sex.female, yCols, a.ageGroups, sums, keep);
      const key = (fw: string, ind: string, c: Record<string, string>, sex: string) =>
        [fw, ind, ...allCells.map((k) => (k === 'sex' ? sex : c[k] ?? ''))].join('\u0001');
      const byKey = new Map(here.map((r) => [key(r.framework, r.indicator, r.cell, r.cell.sex!), r]));
      for (const t of targets) {
        for (const c of contrast[t.k]!) {
          const boys = byKey.get(key(t.framework, t.indicator, c.cell, m.sex.male))?.estimate ?? null;
          const girls = byKey.get(key(t.framework, t.indicator, c.cell, m.sex.female))?.estimate ?? null;
          const gap = boys !== null && girls !== null ? boys - girls : null;
          const se = c.variance === null || gap === null ? null : Math.sqrt(Math.max(c.variance, 0));
          const df = c.psus - c.strata;
          const q = qt(1 - (1 - a.options.level) / 2, df);
          const ok = (x: number) => (Number.isFinite(x) ? x : null);
          gaps.push({
            framework: t.framework,
            indicator: t.indicator,
            breakdown: name,
            cell: fullCell(c.cell),
            boys,
            girls,
            gap,
            se,
            ci_low: gap === null || se === null ? null : ok(gap - q * se),
            ci_high: gap === null || se === null ? null : ok(gap + q * se),
            df,
            p_value: gap === null || !se ? null : ok(pTwoSided(gap / se, df)),
          });
        }
      }
    }
  }
  lap('estimate');

  // Order: frameworks and indicators as asked, breakdowns as asked, then cells: male first, age groups
  // in their order, urban first, other codes in natural order.
  const fwOrder = new Map(a.frameworks.map((f, i) => [f.id, i]));
  const indOrder = new Map(a.indicators.map((x, i) => [x, i]));
  const bdOrder = new Map(a.breakdowns.map((b, i) => [breakdownName(b), i]));
  const ageOrder = new Map(a.ageGroups.map((g, i) => [g.label, i]));
  const rank = (k: string, v: string) => {
    if (v === '') return -1;
    if (k === 'sex') return v === m.sex.male ? 0 : 1;
    if (k === 'area') return v === m.area?.urban ? 0 : 1;
    if (k === 'age_group') return ageOrder.get(v) ?? 99;
    return 0;
  };
  const cmp = (x: { framework: string; indicator: Indicator; breakdown: string; cell: Record<string, string> }, y: typeof x) =>
    fwOrder.get(x.framework)! - fwOrder.get(y.framework)! ||
    indOrder.get(x.indicator)! - indOrder.get(y.indicator)! ||
    bdOrder.get(x.breakdown)! - bdOrder.get(y.breakdown)! ||
    (a.breakdowns[bdOrder.get(x.breakdown)!] ?? []).reduce(
      (acc, k) => acc || rank(k, x.cell[k]!) - rank(k, y.cell[k]!) || naturalCompare(x.cell[k]!, y.cell[k]!),
      0,
    );
  rows.sort(cmp);
  gaps.sort(cmp);
  lap('order');
  return { analysis: a, file, design: summary, childrenInScope, rows, gaps, messages, timings };
}

