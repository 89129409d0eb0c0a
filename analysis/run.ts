import type { ResolvedAnalysis } from './analysisFile.js';
import { AnalysisSession } from './analysisSession.js';
import { baseColumns, classifySql, designOrder } from './baseColumns.js';
import { contrastStrata, indicatorMoments, joinMoments, stratumMoments, type BreakdownMoments } from './breakdownMoments.js';
import { classify } from './classify.js';
import { classifyWhere } from './classifyTyped.js';
import { classifyTypedRun, type ClassifyHelper } from './classifyHelper.js';
import { designPassFor, designSummary, type DesignSummary } from './checkDesign.js';
import { agesCounted } from './frameworks.js';
import { checkValues, valueConditions } from './checkValues.js';
import { pTwoSided, qt } from './distributions.js';
import { domainMoments, prepareFoldCaches, type FoldData, type FoldDim } from './domainMoments.js';
import { startHelper, type FoldHelper } from './foldHelper.js';
import { ageAtoms, type DomainSums } from './domainSums.js';
import type { Engine } from './engine/engine.js';
import { readDeclaredMissing } from './import/declaredMissing.js';
import { markJoinedColumns, type JoinedColumn } from './import/joinedColumns.js';
import { finishEstimate, inOnePsu, type Estimate } from './estimate.js';
import { AnalysisError, message, type Message } from './messages.js';
import { countInScope, prepareDesign, strataInfo } from './prepareDesign.js';
import { breakdownMissing } from './breakdownMissing.js';
import type { Dimension, Framework, Indicator } from './types.js';
import { sortResults } from './sortResults.js';
import { checkColumnsExist, sourceColumns } from './unknownColumns.js';
import { fusedPassApplies } from './designPass.js';
import { strataVariance } from './variance.js';
import { positiveWeights, weightScale, weightScaleOf } from './weightScale.js';
import { stopwatch } from './stopwatch.js';

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
  /** Breakdowns whose estimation pass ran on a second thread (foldHelper.ts), for --timing. */
  threaded?: number;
  /** Why the second thread failed, when it did: this thread folded its share (the same numbers). */
  threadFailed?: string;
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

/**
 * Runs an analysis on the raw table `src`. The pipeline, in order:
 *   1. check that every mapped column exists, then every value (validate.ts): errors stop here
 *   2. prepare the design (prepareDesign): typed `survey` table, strata with their PSU counts and fpc
 *      factor over the WHOLE file, lonely PSUs, integer ids, table `classified`
 *   3. classify every child under every framework (classify.ts): each distinct indicator expression
 *      evaluated once in SQL and read as a column of 1/0/unknown
 *   4. the design's typed columns (weights, strata, PSUs, cell codes), read once
 *   5. one pass over the rows for all breakdowns, domains and indicators (domainMoments.ts), then per
 *      domain the one variance function (variance.ts) and the final step (estimate.ts)
 *   6. per breakdown with sex, the boys-girls gap with its linearised SE (contrastStrata)
 * Steps 1, 2, 4 and every expression of step 3 are kept in the session for the next run on the file.
 */
export interface RunOptions {
  progress?: Progress;
  /** Kept by the app across runs on one loaded file: only what changed is recomputed. */
  session?: AnalysisSession;
  /**
   * The caller has validated this file and mapping (validateData, whose report it shows and which had
   * no error): the value checks are not run a second time. Their findings are the report's.
   */
  valuesChecked?: boolean;
  /** Called now and then within a step that holds the thread (the estimation pass, breakdown by breakdown). */
  heartbeat?: () => void;
  /**
   * Where the framework rules are evaluated: on the typed role columns in JavaScript (classifyTyped.ts)
   * or in SQL (classify.ts, the reference). Same numbers. Default: classifyWhere (typed on DuckDB-WASM).
   */
  classifyIn?: 'typed' | 'sql';
  /** A file set's joined columns (joinedColumns.ts): the run's messages about one name its file. */
  joined?: readonly JoinedColumn[];
  /** A second thread for part of a first run's estimation pass (foldHelper.ts; the command line's). */
  foldHelper?: FoldHelper;
  /** A second thread for the typed classification (classifyHelper.ts; the app's). */
  classifyHelper?: ClassifyHelper;
}

export async function runAnalysis(engine: Engine, a: ResolvedAnalysis, file: string, options: Progress | RunOptions = {}): Promise<AnalysisResult> {
  const { progress, session = new AnalysisSession(), valuesChecked = false, heartbeat, classifyIn, joined, foldHelper, classifyHelper } = typeof options === 'function' ? { progress: options } : options;
  const { timings, lap } = stopwatch();
  const m = a.mapping;
  const steps = 4;
  let step = 0;
  const tick = (s: string) => progress?.(s, ++step, steps);
  const messages: Message[] = [];

  tick('validate');
  let prepared = session.lookup(engine, JSON.stringify([file, m]));
  if (!prepared) {
    let found: Message[] = [];
    if (!valuesChecked) {
      checkColumnsExist(m, await sourceColumns(engine), file);
      // With the design pass, the checks' counts come from its scan, which also prepares the design.
      const counts = fusedPassApplies(m)
        ? (await designPassFor(engine, m, await readDeclaredMissing(engine), valueConditions(m, await readDeclaredMissing(engine)), session)).counts
        : undefined;
      // Roles of work and hazards are checked for the children in scope (checkValues.ts childScopeSql).
      const ages = agesCounted(a.frameworks);
      found = await checkValues(engine, m, file, counts, undefined, [ages.from, ages.to]);
      const firstError = found.find((x) => x.severity === 'error');
      if (firstError) {
        const marked = markJoinedColumns(found, joined);
        throw Object.assign(new AnalysisError(firstError.code, marked[found.indexOf(firstError)]!.params), { findings: marked });
      }
    }
    lap('validate');
    tick('prepare');
    prepared = await prepareDesign(engine, m, file, found, session);
    session.prepared = prepared;
  } else {
    lap('validate');
    tick('prepare');
  }
  messages.push(...prepared.messages);
  const { summary, messages: designMessages } = await designSummary(engine, '_strata', a.options.lonelyPsu, agesCounted(a.frameworks), { file, column: m.stratum ?? '' });
  messages.push(...designMessages);
  lap('prepare');
  // The design's typed columns, once per file and set of age groups (sorted by PSU: see baseColumns).
  const ageKey = JSON.stringify(a.ageGroups);
  let base = session.base.get(ageKey);
  if (!base) {
    base = await baseColumns(engine, m, a.ageGroups);
    session.base.set(ageKey, base);
  }
  const weights = positiveWeights(base.w);
  messages.push(...weightScaleOf(weights.sum, weights.n, m.weight, file));
  lap('columns');

  tick('classify');
  const vars: string[] = [];
  const varOf = new Map<string, number>();
  const targets: { framework: string; indicator: Indicator; k: number }[] = [];
  const unmapped = new Map<string, string[]>(); // hazard part -> frameworks that leave it out
  const compiled: { fw: Framework; sql: Record<Indicator, string> }[] = [];
  for (const fw of a.frameworks) {
    const c = classify(fw, m, a.options.missingHours);
    compiled.push({ fw, sql: c.sql });
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
  const { from: lo, to: hi } = agesCounted(a.frameworks);
  const childrenInScope = session.inScope.get(`${lo}-${hi}`) ?? await countInScope(engine, m, file, lo, hi);
  session.inScope.set(`${lo}-${hi}`, childrenInScope);
  messages.push(...await breakdownMissing(engine, session, m, a.breakdowns, { file, children: childrenInScope, from: lo, to: hi }));
  const info = await strataInfo(engine);
  const data: FoldData = { w: base.w, stratum: base.stratum, psu: base.psu, codes: base.codes, cards: base.cards, y: [] };
  const extras = m.extras ?? [];
  const { atoms, members } = ageAtoms(a.ageGroups);
  const atomGroups = atoms.map((_, at) => members.flatMap((list, g) => (list.includes(at) ? [g] : [])));
  const foldDim = (d: Dimension): FoldDim => {
    if (d === 'sex') return { dim: 0, card: 2 };
    if (d === 'age_group') return { dim: 1, card: a.ageGroups.length, expand: atomGroups };
    if (d === 'region') return { dim: 2, card: base.cards[2]! };
    if (d === 'area') return { dim: 3, card: 2 };
    const i = extras.indexOf(d);
    return { dim: 4 + i, card: base.cards[4 + i]! };
  };
  const label = (d: Dimension, code: number): string => {
    if (d === 'sex') return code === 0 ? m.sex.male : m.sex.female;
    if (d === 'age_group') return a.ageGroups[code]!.label;
    if (d === 'region') return base.regions[code]!;
    if (d === 'area') return code === 0 ? m.area!.urban : m.area!.rural;
    return base.extras[extras.indexOf(d)]![code]!;
  };
  const foldDims = a.breakdowns.map((dims) => dims.map(foldDim));
  // Breakdowns with sex also get the cross moments of boys and girls, for the gap's variance.
  const pairs = a.breakdowns.map((dims) => (dims.includes('sex') ? { at: dims.indexOf('sex'), first: 0, second: 1 } : null));
  // Each breakdown's moments are kept per indicator: only indicators not folded before on this file
  // (a threshold edit: one) are folded, breakdowns needing the same ones in one call.
  const bdKeys = foldDims.map((d, b) => JSON.stringify([d, pairs[b]]));
  // Each classification expression evaluated once per loaded file: a threshold edit computes one column.
  const missing = vars.filter((v) => !session.y.has(v));
  const classifying = !missing.length
    ? Promise.resolve()
    : classifyWhere(classifyIn, engine) === 'typed'
      ? // The rules on the typed role columns (classifyTyped.ts): a threshold edit recomputes one framework
        // in JavaScript; with a helper thread (the app's) there, beside this thread's fold caches.
        (await classifyTypedRun(classifyHelper, engine, { m, missingHours: a.options.missingHours, frameworks: compiled, indicators: a.indicators, missing: new Set(missing), roles: base.roles, y: session.y }, (o) => designOrder(o, base!.order))).done
      : classifySql(engine, missing, base, session);
  classifying.catch(() => undefined);
  // While the engine evaluates them (native DuckDB on its own threads; in the app DuckDB-WASM's own
  // worker), this thread builds each breakdown's fold cache, which depends on the design only
  // (foldCache.ts): on a first run the two overlap on two cores.
  // A first run with a helper thread sends it about half the breakdowns (foldHelper.ts).
  const helper = startHelper(foldHelper, data, foldDims, pairs, info.size, base.cellCache.size === 0 && base.moments.size === 0, base.cellCache, heartbeat);
  const mine = foldDims.flatMap((_, b) => (helper.theirs.includes(b) ? [] : [b]));
  try {
    prepareFoldCaches(data, mine.map((b) => foldDims[b]!), info.size, mine.map((b) => pairs[b] ?? null), base.cellCache, heartbeat);
  } finally {
    // A run that fails here (out of memory) ends only once its classification has: its request on the
    // helper thread is then answered before the next run posts its own (classifyClient).
    await classifying.catch(() => undefined);
  }
  await classifying;
  data.y = vars.map((v) => session.y.get(v)!);
  lap('classify');

  tick('estimate');
  const helped = helper.fold?.(data.y);
  // Awaited after this thread's own part (a failed helper's share is folded then, here: startHelper);
  // until then a failure is not unhandled.
  helped?.catch(() => undefined);
  const todo = new Map<string, number[]>(); // missing indicators -> breakdowns
  mine.forEach((b) => {
    const need = vars.map((_, k) => k).filter((k) => !base.moments.has(`${bdKeys[b]}\u0001${vars[k]}`));
    if (!need.length) return;
    const key = need.join(',');
    todo.set(key, [...(todo.get(key) ?? []), b]);
  });
  // Breakdowns `bs` folded for the indicators `ks` (their moments in `parts`, in order): each one's shape
  // and moments per indicator kept for the next run on the file.
  const keep = (bs: number[], ks: number[], parts: BreakdownMoments[]) =>
    bs.forEach((b, i) => {
      base.shapes.set(bdKeys[b]!, parts[i]!);
      ks.forEach((k, j) => base.moments.set(`${bdKeys[b]}\u0001${vars[k]}`, indicatorMoments(parts[i]!, j, ks.length)));
    });
  for (const [key, bs] of todo) {
    const ks = key.split(',').map(Number);
    keep(bs, ks, domainMoments({ ...data, y: ks.map((k) => data.y[k]!) }, bs.map((b) => foldDims[b]!), info.size, bs.map((b) => pairs[b]!), base.cellCache, heartbeat));
  }
  const thread = await helped;
  if (thread) keep(helper.theirs, vars.map((_, k) => k), thread.moments);
  const moments = foldDims.map((_, b) => joinMoments(base.shapes.get(bdKeys[b]!)!, vars.map((v) => base.moments.get(`${bdKeys[b]}\u0001${v}`)!)));
  lap('fold');
  const K = vars.length;
  const opts = { ci: a.options.ci, level: a.options.level, smallCell: a.options.smallCell };
  const rows: ResultRow[] = [];
  const gaps: GapRow[] = [];
  const allCells = cellColumns(a);
  const fullCell = (c: Record<string, string>) => Object.fromEntries(allCells.map((k) => [k, c[k] ?? '']));

  // Domains of every breakdown, then the boys-girls gaps of the breakdowns with sex (from the same moments).
  const perBreakdown = a.breakdowns.map((dims, b) => {
    const name = breakdownName(dims);
    const bm = moments[b]!;
    // Slots of each cell (one per stratum with rows), cells in order of first appearance.
    const slotsOf = new Map<number, number[]>();
    for (let s = 0; s < bm.slots; s++) {
      const list = slotsOf.get(bm.cell[s]!);
      if (list) list.push(s);
      else slotsOf.set(bm.cell[s]!, [s]);
    }
    const cells = [...slotsOf.values()].map((slots) => ({
      slots,
      codes: dims.map((_, j) => bm.cellCodes[j]![slots[0]!]!),
    }));
    const sums: DomainSums[][] = vars.map((_, k) =>
      cells.map(({ slots, codes }) => {
        const v = strataVariance(stratumMoments(bm, slots, k, K), info, a.options.lonelyPsu);
        const cell = Object.fromEntries(dims.map((d, j) => [d, label(d, codes[j]!)]));
        return { cell, N: v.N, T: v.T, Q: v.T, n: v.n, psus: v.psus, strata: v.strata, varRatio: v.varRatio, varTotal: v.varTotal };
      }),
    );
    const here: ResultRow[] = [];
    for (const t of targets) {
      for (const s of sums[t.k]!) here.push({ framework: t.framework, indicator: t.indicator, breakdown: name, cell: fullCell(s.cell), ...finishEstimate(s, opts) });
    }
    rows.push(...here);
    return { dims, name, cells, sums, here };
  });
  messages.push(...onePsuMessages(perBreakdown));
  // Normalised weights (MICS, DHS) add up to the sample, so the without-replacement design effect's
  // factor 1 - n/N means nothing (a walk: deff 144,136,745 beside deff_replace 2.79): left empty.
  if (weightScale(weights.sum, weights.n) === 'normalised') for (const r of rows) r.deff = null;

  perBreakdown.forEach(({ dims, name, here, cells, sums }, b) => {
    const sexAt = dims.indexOf('sex');
    const cm = moments[b]!.cross;
    if (sexAt < 0 || !cm) return;
    // Per parent cell (the breakdown without sex): the boys' and girls' cells and the cross slots.
    const parentKey = (codes: number[]) => codes.filter((_, j) => j !== sexAt).join(',');
    const groups = new Map<string, { boys?: number; girls?: number; cross: number[]; codes: number[] }>();
    const entry = (codes: number[]) => {
      const k = parentKey(codes);
      let g = groups.get(k);
      if (!g) groups.set(k, (g = { cross: [], codes: codes.filter((_, j) => j !== sexAt) }));
      return g;
    };
    cells.forEach(({ codes }, i) => (codes[sexAt] === 0 ? (entry(codes).boys = i) : (entry(codes).girls = i)));
    for (let s = 0; s < cm.slots; s++) {
      const codes = cm.cellCodes.map((c) => c[s]!);
      codes.splice(sexAt, 0, 0);
      entry(codes).cross.push(s);
    }
    const parentNames = dims.filter((_, j) => j !== sexAt);
    const none = { N: 0, T: 0 };
    const parents = [...groups.values()].map((g) => ({ ...g, cell: Object.fromEntries(parentNames.map((d, j) => [d, label(d, g.codes[j]!)])) }));
    targets.forEach((t, ti) => {
      for (const { boys: ib, girls: ig, cross, cell } of parents) {
        const v = strataVariance(
          contrastStrata(moments[b]!, ib === undefined ? [] : cells[ib]!.slots, ig === undefined ? [] : cells[ig]!.slots, cross, t.k, K,
            ib === undefined ? none : sums[t.k]![ib]!, ig === undefined ? none : sums[t.k]![ig]!),
          info,
          a.options.lonelyPsu,
        );
        // The breakdown's rows are target by target, cell by cell (see above).
        const boys = ib === undefined ? null : here[ti * cells.length + ib]!.estimate;
        const girls = ig === undefined ? null : here[ti * cells.length + ig]!.estimate;
        const gap = boys !== null && girls !== null ? boys - girls : null;
        // Boys and girls in one PSU: the difference's score is 0 there too (estimate.ts inOnePsu).
        const se = v.varTotal === null || gap === null || inOnePsu(v) ? null : Math.sqrt(Math.max(v.varTotal, 0));
        const df = v.psus - v.strata;
        const q = qt(1 - (1 - a.options.level) / 2, df);
        const ok = (x: number) => (Number.isFinite(x) ? x : null);
        gaps.push({
          framework: t.framework,
          indicator: t.indicator,
          breakdown: name,
          cell: fullCell(cell),
          boys,
          girls,
          gap,
          se,
          ci_low: gap === null || se === null ? null : ok(gap - q * se),
          ci_high: gap === null || se === null ? null : ok(gap + q * se),
          df,
          // SE 0 (a census: every stratum sampled whole): p = 0 for a gap that is not 0, as R's
          // 2 pt(-Inf, df); none for a gap of 0 (0/0).
          p_value: gap === null || se === null ? null : ok(pTwoSided(gap / se, df)),
        });
      }
    });
  });
  lap('estimate');

  sortResults(a, a.breakdowns.map(breakdownName), rows, gaps);
  lap('order');
  return { analysis: a, file, design: summary, childrenInScope, rows, gaps, messages: markJoinedColumns(messages, joined), timings, ...(thread ? { threaded: thread.threaded, ...(thread.failed ? { threadFailed: thread.failed } : {}) } : {}) };
}

/** ONE_PSU_DOMAINS: the domains whose children of known indicator are all in one PSU (estimate.ts inOnePsu), the first named. */
function onePsuMessages(parts: { name: string; sums: DomainSums[][] }[]): Message[] {
  const seen = new Map<string, number>();
  for (const { name, sums } of parts) {
    for (const s of sums.flat()) {
      if (!inOnePsu(s)) continue;
      const where = Object.values(s.cell).join(', ') || name;
      seen.set(where, Math.max(seen.get(where) ?? 0, s.n));
    }
  }
  if (!seen.size) return [];
  const [where, n] = [...seen][0]!;
  return [message('ONE_PSU_DOMAINS', { count: seen.size, where, n })];
}
