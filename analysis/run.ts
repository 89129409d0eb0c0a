import type { ResolvedAnalysis } from './analysisFile.js';
import { AnalysisSession, type BaseColumns, type PreparedDesign } from './analysisSession.js';
import { contrastStrata, indicatorMoments, joinMoments, stratumMoments } from './breakdownMoments.js';
import { classify, IN_SCOPE } from './classify.js';
import { classifyMissing, classifyWhere } from './classifyTyped.js';
import { codesPresent } from './codesPresent.js';
import { pTwoSided, qt } from './distributions.js';
import { domainMoments, prepareFoldCaches, type FoldData, type FoldDim } from './domainMoments.js';
import { ageAtoms, strataSql, type DomainSums } from './domainSums.js';
import type { Engine } from './engine/engine.js';
import { readDeclaredMissing } from './import/declaredMissing.js';
import { finishEstimate, type Estimate } from './estimate.js';
import { extraColumn, prepareSql } from './mapping.js';
import { AnalysisError, message, type Message } from './messages.js';
import { permute, sortByPsu } from './sortByPsu.js';
import type { AgeGroup, Dimension, Framework, Indicator, Mapping } from './types.js';
import { checkColumnsExist, checkDesign, checkValues, designPassFor, designSummary, sourceColumns, valueConditions, type DesignSummary } from './validate.js';
import { classifiedSelect, fusedPassApplies, psuAcrossStrata } from './designPass.js';
import { strataVariance, type StratumInfo } from './variance.js';
import { weightScaleMessages } from './weightScale.js';

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
 * The design prepared once per file and mapping: the typed `survey` table (mapping.ts; dropped once
 * `classified` holds its columns), the strata
 * with their PSU counts and fpc factor over the WHOLE file, integer ids for strata and PSUs, and the
 * table `classified` (survey + ids + codes of region and extras) in whose row order every typed column
 * is read.
 */
async function prepareDesign(engine: Engine, m: Mapping, file: string, found: Message[], session: AnalysisSession): Promise<PreparedDesign> {
  const declared = await readDeclaredMissing(engine);
  if (fusedPassApplies(m)) {
    // One scan of the raw table (designPass.ts), usually made already by the validation report.
    await designPassFor(engine, m, declared, [], session);
    const designMessages: Message[] = [];
    if (m.stratum) {
      const r = await psuAcrossStrata(engine, m, false);
      if (r) {
        if (m.psuNestedInStrata === false) throw new AnalysisError('PSU_ACROSS_STRATA', { psu: r.psu, column: m.psu!, row: r.r + 1 });
        designMessages.push(message('PSU_NESTED_INFO', { file }));
      }
    }
    return { messages: [...found, ...designMessages], fpcKind: 'none' };
  }
  // The tables below replace those of any design pass.
  session.pass = null;
  session.tablesReplaced();
  await engine.run(prepareSql(m, 'src', declared));
  const designMessages = await checkDesign(engine, m, file);
  const fpcKind = !m.fpc ? 'none' : Number((await engine.query('SELECT max(_fpc) AS x FROM survey'))[0]!.x) <= 1 ? 'fraction' : 'count';
  await engine.run(strataSql('survey', '_strata', fpcKind));
  await engine.run(
    `CREATE OR REPLACE TABLE _ids AS SELECT _h, _psu, (dense_rank() OVER (ORDER BY _h))::INTEGER AS _hid, (row_number() OVER (ORDER BY _h, _psu))::INTEGER AS _pid FROM (SELECT DISTINCT _h, _psu FROM survey)`,
  );
  const coded = ['region', ...(m.extras ?? []).map((_, i) => extraColumn(i))];
  for (const c of coded) {
    await engine.run(
      `CREATE OR REPLACE TABLE _dict_${c} AS SELECT v, (row_number() OVER (ORDER BY v) - 1)::INTEGER AS code FROM (SELECT DISTINCT ${c} AS v FROM survey WHERE ${c} IS NOT NULL)`,
    );
  }
  await engine.run(
    `CREATE OR REPLACE TABLE classified AS SELECT ${classifiedSelect(m, coded, ['_h', '_psu'])}
     FROM survey s JOIN _ids ids ON s._h = ids._h AND s._psu = ids._psu ${coded.map((c) => `LEFT JOIN _dict_${c} d_${c} ON s.${c} = d_${c}.v`).join(' ')}`,
  );
  // The estimation groups by stratum and PSU: small integer ids (PSU ids are "stratum<US>psu" text when nested).
  await engine.run(strataSql('classified', '_strata_ids', fpcKind));
  // `classified` holds every column of `survey`: the copy goes, which leaves room in the app's 4 GB.
  await engine.run('DROP TABLE survey');
  return { messages: [...found, ...designMessages], fpcKind };
}

/** The design's typed columns: weight, stratum and PSU ids, and the cell code of every dimension. */
async function baseColumns(engine: Engine, m: Mapping, ageGroups: AgeGroup[]): Promise<BaseColumns> {
  const { atoms } = ageAtoms(ageGroups);
  const extras = (m.extras ?? []).map((_, i) => extraColumn(i));
  const values = async (c: string) => (await engine.query(`SELECT v FROM _dict_${c} ORDER BY code`)).map((r) => String(r.v));
  const regions = await values('region');
  const extraValues = await Promise.all(extras.map(values));
  // Sex, age atom, area and region travel packed in one integer (each code + 1, so -1 is 0): every
  // column read costs a pass over the result, and reading four small codes as one is 2-3x faster.
  const A = atoms.length + 1;
  const R = regions.length + 1;
  const atom = `(CASE ${atoms.map(([lo, hi], i) => `WHEN age BETWEEN ${lo} AND ${hi} THEN ${i}`).join(' ')} ELSE -1 END)`;
  if (3 * A * 3 * R >= 2 ** 31) throw new Error(`too many age groups and regions to pack (${A - 1} x ${R - 1})`);
  const cols = await engine.columns(
    `SELECT _row::INTEGER AS o, _w::DOUBLE AS w, _psu::INTEGER AS p,
       (_c_sex + 1 + 3 * ((${atom}) + 1 + ${A} * (_c_area + 1 + 3 * (_c_region + 1))))::INTEGER AS c
       ${extras.map((c, i) => `, _c_${c}::INTEGER AS x${i}`).join('')}
     FROM classified`,
  );
  // Sorted by PSU once, so that every pass reads the columns front to back. Row order is not the same
  // from one query to the next (DuckDB scans row groups in parallel), so every column read carries the
  // row's place in the file (`_row`: the table's own order comes from a parallel join). Rows are
  // ordered by PSU, then by their row in the file within a PSU, so the sums run in the same order on
  // every run; PSU ids follow (stratum, PSU), and the stratum of a row is its PSU's.
  const rowNo = cols.o as Int32Array;
  const order = psuThenFileOrder(cols.p as Int32Array, rowNo);
  const gather = designOrder(rowNo, order);
  const psu = permute(cols.p as Int32Array, gather);
  const ids = await engine.columns('SELECT _pid::INTEGER AS p, _hid::INTEGER AS h FROM _ids WHERE _pid IS NOT NULL AND _hid IS NOT NULL');
  const stratumOf = new Int32Array(psu.length ? psu[psu.length - 1]! + 1 : 0);
  (ids.p as Int32Array).forEach((p, i) => {
    if (p < stratumOf.length) stratumOf[p] = (ids.h as Int32Array)[i]!;
  });
  const stratum = psu.map((p) => stratumOf[p]!);
  const packed = permute(cols.c as Int32Array, gather);
  const n = order.length;
  const codes = [0, 1, 2, 3].map(() => new Int32Array(n));
  const [sex, age, region, urban] = codes as [Int32Array, Int32Array, Int32Array, Int32Array];
  for (let i = 0; i < n; i++) {
    let v = packed[i]!;
    sex[i] = (v % 3) - 1;
    v = Math.floor(v / 3);
    age[i] = (v % A) - 1;
    v = Math.floor(v / A);
    urban[i] = (v % 3) - 1;
    region[i] = Math.floor(v / 3) - 1;
  }
  return {
    order,
    w: permute(cols.w as Float64Array, gather),
    stratum,
    psu,
    codes: [...codes, ...extras.map((_, i) => permute(cols[`x${i}`] as Int32Array, gather))],
    cards: [2, atoms.length, regions.length, 2, ...extraValues.map((v) => v.length)],
    cellCache: new Map(),
    shapes: new Map(),
    moments: new Map(),
    roles: new Map(),
    regions,
    extras: extraValues,
  };
}

/**
 * Where each position of the design's order is in a query's result: `rowids` are the result's rowids,
 * `order` the rowid at each position of the design's (PSU-sorted) order. permute(column, this) puts a
 * column of that result in the design's order.
 */
function designOrder(rowids: Int32Array, order: Int32Array): Int32Array {
  let max = 0;
  for (let i = 0; i < rowids.length; i++) if (rowids[i]! > max) max = rowids[i]!;
  const at = new Int32Array(max + 1);
  for (let i = 0; i < rowids.length; i++) at[rowids[i]!] = i;
  return permute(at, order);
}

/**
 * The file rows (`fileRow`, distinct) of a query's rows sorted by PSU, then by row of the file: a
 * counting sort on the file row, then a stable counting sort on the PSU.
 */
function psuThenFileOrder(psu: Int32Array, fileRow: Int32Array): Int32Array {
  const n = fileRow.length;
  let max = 0;
  for (let i = 0; i < n; i++) if (fileRow[i]! > max) max = fileRow[i]!;
  const at = new Int32Array(max + 1).fill(-1);
  for (let i = 0; i < n; i++) at[fileRow[i]!] = i;
  const inFileOrder = new Int32Array(n);
  let k = 0;
  for (let r = 0; r <= max; r++) if (at[r]! >= 0) inFileOrder[k++] = at[r]!;
  const byPsu = sortByPsu(permute(psu, inFileOrder));
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = fileRow[inFileOrder[byPsu[i]!]!]!;
  return out;
}

/** The classification expressions `missing` evaluated in SQL over `classified`, into session.y in the design's order. */
async function classifySql(engine: Engine, missing: string[], base: BaseColumns, session: AnalysisSession): Promise<void> {
  // Fifteen indicators travel in one INTEGER (1/0/unknown as 2/1/0, two bits each): a column read
  // costs a pass over the result, whatever its width.
  const code = (v: string) => `(COALESCE(CAST((${v}) AS INTEGER), -1) + 1)`;
  const words = Array.from({ length: Math.ceil(missing.length / 15) }, (_, j) => missing.slice(15 * j, 15 * j + 15));
  const cols = await engine.columns(
    `SELECT _row::INTEGER AS o, ${words.map((list, j) => `(${list.map((v, i) => `${code(v)} * ${4 ** i}`).join(' + ')})::INTEGER AS y${j}`).join(', ')} FROM classified`,
  );
  const gather = designOrder(cols.o as Int32Array, base.order);
  words.forEach((list, j) => {
    const word = permute(cols[`y${j}`] as Int32Array, gather);
    list.forEach((v, i) => {
      const y = new Int8Array(word.length);
      for (let r = 0; r < word.length; r++) y[r] = ((word[r]! >> (2 * i)) & 3) - 1;
      session.y.set(v, y);
    });
  });
}

/**
 * Children who can be counted: of an age in the frameworks' range, in the universe, with a positive
 * weight. None at all is an error that says which of the three left nobody (never a table of NA).
 */
async function countInScope(engine: Engine, m: Mapping, file: string, lo: number, hi: number): Promise<number> {
  const [r] = await engine.query(
    `SELECT COUNT(*) FILTER (WHERE ${IN_SCOPE})::BIGINT AS n, COUNT(*)::BIGINT AS aged, COUNT(*) FILTER (WHERE _in)::BIGINT AS inside
     FROM classified WHERE age = floor(age) AND age BETWEEN ${lo} AND ${hi}`,
  );
  const n = Number(r!.n);
  if (n > 0) return n;
  if (Number(r!.aged) === 0) throw new AnalysisError('NO_CHILDREN_IN_SCOPE', { file, from: lo, to: hi, column: m.age });
  if (Number(r!.inside) === 0 && m.universe) {
    // The codes the universe column holds among the children of the age range (`_row` is rowid + 1).
    const aged = `rowid + 1 IN (SELECT _row FROM classified WHERE age = floor(age) AND age BETWEEN ${lo} AND ${hi})`;
    const present = await codesPresent(engine, m.universe.column, aged);
    throw new AnalysisError('UNIVERSE_EMPTY', { file, column: m.universe.column, codes: m.universe.keep.join(', '), from: lo, to: hi, present });
  }
  throw new AnalysisError('WEIGHTS_ALL_ZERO', { file, column: m.weight, count: Number(r!.inside) });
}

/** PSUs per stratum (whole file) and finite population factor, by stratum id. */
async function strataInfo(engine: Engine): Promise<Map<string, StratumInfo>> {
  const rows = await engine.query(`SELECT CAST(_h AS VARCHAR) AS h, n_h::BIGINT AS n_h, f_h::DOUBLE AS f_h FROM _strata_ids`);
  return new Map(rows.map((r) => [String(r.h), { n: Number(r.n_h), f: Number(r.f_h) }]));
}

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
}

export async function runAnalysis(engine: Engine, a: ResolvedAnalysis, file: string, options: Progress | RunOptions = {}): Promise<AnalysisResult> {
  const { progress, session = new AnalysisSession(), valuesChecked = false, heartbeat, classifyIn } = typeof options === 'function' ? { progress: options } : options;
  const timings: Record<string, number> = {};
  let t0 = performance.now();
  const lap = (name: string) => {
    const t = performance.now();
    timings[name] = t - t0;
    t0 = t;
  };
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
      found = await checkValues(engine, m, file, counts);
      const firstError = found.find((x) => x.severity === 'error');
      if (firstError) throw Object.assign(new AnalysisError(firstError.code, firstError.params), { findings: found });
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
  const { summary, messages: designMessages } = await designSummary(engine, '_strata', a.options.lonelyPsu, 'classified');
  messages.push(...designMessages);
  lap('prepare');
  // The design's typed columns, once per file and set of age groups (sorted by PSU: see baseColumns).
  const ageKey = JSON.stringify(a.ageGroups);
  let base = session.base.get(ageKey);
  if (!base) {
    base = await baseColumns(engine, m, a.ageGroups);
    session.base.set(ageKey, base);
  }
  messages.push(...weightScaleMessages(base.w, m.weight, file));
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
  const lo = Math.min(...a.frameworks.flatMap((f) => f.bands.map((b) => b.from)));
  const hi = Math.max(...a.frameworks.flatMap((f) => f.bands.map((b) => b.to)));
  let childrenInScope = session.inScope.get(`${lo}-${hi}`);
  if (childrenInScope === undefined) {
    childrenInScope = await countInScope(engine, m, file, lo, hi);
    session.inScope.set(`${lo}-${hi}`, childrenInScope);
  }
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
      ? // The rules on the typed role columns (classifyTyped.ts): a threshold edit recomputes one framework in JavaScript.
        classifyMissing(engine, m, a.options.missingHours, compiled, a.indicators, new Set(missing), base.roles, (o) => designOrder(o, base!.order), session.y)
      : classifySql(engine, missing, base, session);
  classifying.catch(() => undefined);
  // While the engine evaluates them (native DuckDB on its own threads; in the app DuckDB-WASM's own
  // worker), this thread builds each breakdown's fold cache, which depends on the design only
  // (foldCache.ts): on a first run the two overlap on two cores.
  prepareFoldCaches(data, foldDims, info.size, pairs, base.cellCache, heartbeat);
  await classifying;
  data.y = vars.map((v) => session.y.get(v)!);
  lap('classify');

  tick('estimate');
  const todo = new Map<string, number[]>(); // missing indicators -> breakdowns
  foldDims.forEach((_, b) => {
    const need = vars.map((_, k) => k).filter((k) => !base.moments.has(`${bdKeys[b]}\u0001${vars[k]}`));
    if (!need.length) return;
    const key = need.join(',');
    todo.set(key, [...(todo.get(key) ?? []), b]);
  });
  for (const [key, bs] of todo) {
    const ks = key.split(',').map(Number);
    const part = domainMoments({ ...data, y: ks.map((k) => data.y[k]!) }, bs.map((b) => foldDims[b]!), info.size, bs.map((b) => pairs[b]!), base.cellCache, heartbeat);
    bs.forEach((b, i) => {
      base.shapes.set(bdKeys[b]!, part[i]!);
      ks.forEach((k, j) => base.moments.set(`${bdKeys[b]}\u0001${vars[k]}`, indicatorMoments(part[i]!, j, ks.length)));
    });
  }
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
        const se = v.varTotal === null || gap === null ? null : Math.sqrt(Math.max(v.varTotal, 0));
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
          p_value: gap === null || !se ? null : ok(pTwoSided(gap / se, df)),
        });
      }
    });
  });
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

