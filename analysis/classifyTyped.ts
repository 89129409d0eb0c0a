import { IN_SCOPE } from './classify.js';
import { permute } from './permute.js';
import type { Engine } from './engine/engine.js';
import { hazardColumn, knownHoursColumn } from './mapping.js';
import { AnalysisError } from './messages.js';
import type { Comparison, Framework, Indicator, Mapping, MissingHoursPolicy } from './types.js';

/**
 * The framework rules of classify.ts evaluated in JavaScript on the typed role columns of the
 * `classified` table, read once per loaded file (the same columns the SQL expressions read): a
 * threshold edit then costs one pass over typed arrays, not a scan of the table in the engine.
 *
 * classify.ts stays the reference: test/classifyTyped.test.ts compares the two, child by child, on
 * every preset, both missing-hours policies, ">" thresholds and national definitions, on both engines.
 *
 * Three-valued logic as SQL's (and R's), in one byte per child: 0 false, 1 unknown, 2 true. Then
 * AND = min, OR = max and NOT x = 2 - x give exactly SQL's truth tables (Kleene's logic): TRUE OR NULL
 * = TRUE, FALSE AND NULL = FALSE, NOT NULL = NULL. A comparison with an unknown number is unknown.
 * DuckDB orders NaN above every number (NaN >= k is TRUE, NaN = NaN is TRUE); the reader turns a NaN
 * into +Infinity, which compares the same way with every finite threshold and age, and uses NaN itself
 * for "unknown" (NULL).
 */

/** Kleene truth values, one per child: 0 false, 1 unknown, 2 true. */
type Truth = Uint8Array;
const F = 0;
const U = 1;
const T = 2;

/** A role column in the design's order (baseColumns.ts): numbers (NaN = unknown), truth values, or codes with a known flag. */
export type RoleColumn = Float64Array | Uint8Array | { v: Int32Array; known: Uint8Array };

/** What the session keeps of a role column moved to the classification's helper thread (classifyHelper.ts). */
export const ROLE_SENT: RoleColumn = new Uint8Array(0);

/** Forgets the role columns on a helper (they are read again): before this thread classifies. */
export function dropSent(roles: Map<string, RoleColumn>): void {
  for (const [name, c] of roles) if (c === ROLE_SENT) roles.delete(name);
}

/** The role columns of `classified` a framework's rules can read under a policy, by their column name. */
function roleFields(m: Mapping, policy: MissingHoursPolicy): { truth: string[]; num: string[]; code: string[] } {
  const hours = (c: 'econ_hours' | 'chores_hours') => (policy === 'mics' ? knownHoursColumn(m, c) : c);
  return {
    truth: ['_scope', ...(m.econActivity ? ['econ_act'] : []), ...(m.absentFromJob ? ['absent'] : []), ...Object.keys(m.hazards ?? {}).map((h) => `hz_${h}`)],
    num: ['age', ...(m.econHours ? [hours('econ_hours')] : []), ...(m.choresHours ? [hours('chores_hours')] : [])],
    code: [...(m.industry ? ['industry'] : []), ...(m.occupation ? ['occupation'] : [])],
  };
}

/** A column of `classified` by its name (the hazard columns are quoted identifiers). */
const col = (name: string) => (name.startsWith('hz_') ? hazardColumn(name.slice(3)) : name);

/**
 * Reads the role columns the rules need that `cache` does not hold yet, in ONE query over `classified`
 * (truth values two bits each, fifteen to an INTEGER), and puts them in the design's order: `place`
 * gives, for the query's `_row` column, where each design position is in the result (baseColumns.ts designOrder).
 */
export async function readRoleColumns(
  engine: Engine,
  m: Mapping,
  policy: MissingHoursPolicy,
  cache: Map<string, RoleColumn>,
  place: (fileRows: Int32Array) => Int32Array,
): Promise<void> {
  const f = roleFields(m, policy);
  const num = f.num.filter((c) => !cache.has(c));
  const code = f.code.filter((c) => !cache.has(c));
  // A code column travels with its known flag ("industry?": 2 known, 0 missing) among the truth values.
  const bits = [...f.truth.filter((c) => !cache.has(c)), ...code.map((c) => `${c}?`)];
  if (!bits.length && !num.length && !code.length) return;
  // Each truth value's two bits (2 true, 0 false, 1 unknown) already in place (x 4^i): a searched
  // CASE per column, which DuckDB-WASM evaluates 2-3 times faster than COALESCE(CAST(c AS INTEGER) * 2, 1)
  // (0.12-0.2 s against 0.42-0.46 s for the benchmark's nine at 2M children; the same integers).
  const truthSql = (c: string, at: number) =>
    c === '_scope' ? `CASE WHEN ${IN_SCOPE} THEN ${2 * at} ELSE 0 END`
      : c.endsWith('?') ? `CASE WHEN ${c.slice(0, -1)} IS NULL THEN 0 ELSE ${2 * at} END`
        : `CASE WHEN ${col(c)} THEN ${2 * at} WHEN NOT ${col(c)} THEN 0 ELSE ${at} END`;
  const words = Array.from({ length: Math.ceil(bits.length / 15) }, (_, j) => bits.slice(15 * j, 15 * j + 15));
  const select = [
    '_row::INTEGER AS o',
    ...words.map((list, j) => `(${list.map((c, i) => truthSql(c, 4 ** i)).join(' + ')})::INTEGER AS b${j}`),
    ...num.map((c, j) => `COALESCE(CASE WHEN isnan(${c}::DOUBLE) THEN 'Infinity'::DOUBLE ELSE ${c}::DOUBLE END, 'NaN'::DOUBLE) AS n${j}`),
    ...code.map((c, j) => `COALESCE(${c}::INTEGER, 0) AS c${j}`),
  ];
  const cols = await engine.columns(`SELECT ${select.join(', ')} FROM classified`);
  const gather = place(cols.o as Int32Array);
  const known = new Map<string, Uint8Array>();
  words.forEach((list, j) => {
    const word = permute(cols[`b${j}`] as Int32Array, gather);
    list.forEach((c, i) => {
      const t = new Uint8Array(word.length);
      for (let r = 0; r < word.length; r++) t[r] = (word[r]! >> (2 * i)) & 3;
      if (c.endsWith('?')) known.set(c.slice(0, -1), t);
      else cache.set(c, t);
    });
  });
  num.forEach((c, j) => cache.set(c, permute(cols[`n${j}`] as Float64Array, gather)));
  code.forEach((c, j) => cache.set(c, { v: permute(cols[`c${j}`] as Int32Array, gather), known: known.get(c)! }));
}

/** Truth of "code in list" per child (COALESCE(column IN (codes), FALSE)): one pass, by a lookup table when the codes allow. */
function inList(col: { v: Int32Array; known: Uint8Array }, codes: number[]): Truth {
  const n = col.v.length;
  const out = new Uint8Array(n);
  const max = Math.max(...codes);
  if (Math.min(...codes) >= 0 && max < 1 << 20) {
    const table = new Uint8Array(max + 1);
    for (const c of codes) table[c] = T;
    for (let i = 0; i < n; i++) {
      const x = col.v[i]!;
      if (col.known[i] === T && x >= 0 && x <= max) out[i] = table[x]!;
    }
  } else {
    const set = new Set(codes);
    for (let i = 0; i < n; i++) if (col.known[i] === T && set.has(col.v[i]!)) out[i] = T;
  }
  return out;
}

/** 1, 0, -1 (unknown) of a truth value, as the estimation reads CAST(truth AS INTEGER). */
const AS_Y = Int8Array.of(0, -1, 1);

/**
 * classify.ts's rules for one framework, on typed columns: each indicator as 1, 0 or -1 (unknown, or
 * out of scope), in the design's order. `roles`: the columns readRoleColumns read; `memo`: the
 * hazardous-list tests already made (by list), shared by the frameworks of a run.
 *
 * One pass over the children, the expressions of classify.ts evaluated per child in three-valued
 * logic (max = OR, min = AND, 2 - x = NOT). A child out of scope is -1 in every indicator. In scope,
 * the age is known and lies in exactly one band (bands do not overlap: frameworks.ts), so of the terms
 * `age BETWEEN from AND to AND rule` only that band's can be true: child labour is the hazard part OR
 * that band's rule (a band with no rule adds nothing, as in classify.ts).
 */
export function classifyTyped(
  fw: Framework,
  m: Mapping,
  missingHours: MissingHoursPolicy,
  roles: Map<string, RoleColumn>,
  memo: Map<string, Truth> = new Map(),
): Record<Indicator, Int8Array> {
  const need = (role: string, ok: unknown) => {
    if (!ok) throw new AnalysisError('FRAMEWORK_NEEDS_ROLE', { framework: fw.id, role });
  };
  const role = <C extends RoleColumn>(name: string): C => {
    const c = roles.get(name);
    if (!c || c === ROLE_SENT) throw new Error(`role column ${name} was not read`);
    return c as C;
  };
  const mics = missingHours === 'mics';
  // Under MICS an unknown comparison or answer is FALSE (COALESCE(..., FALSE)); else it stays unknown.
  const unknown = mics ? F : U;
  const hoursCol = (c: 'econ_hours' | 'chores_hours') => role<Float64Array>(mics ? knownHoursColumn(m, c) : c);
  const gt = (t: { op?: Comparison }) => (t.op ?? fw.comparison) === '>';

  need('econHours', m.econHours || m.econActivity);
  const econAct = m.econActivity ? role<Truth>('econ_act') : null;
  const absent = m.absentFromJob ? role<Truth>('absent') : null;
  const econ = m.econHours ? hoursCol('econ_hours') : null;
  const chores = m.choresHours ? hoursCol('chores_hours') : null;

  const mappedHazards = Object.keys(m.hazards ?? {});
  const conditions = fw.hazardous.conditions ?? mappedHazards;
  for (const c of conditions) {
    if (!mappedHazards.includes(c)) throw new AnalysisError('FRAMEWORK_UNKNOWN_CONDITION', { framework: fw.id, condition: c });
  }
  const conds = conditions.map((c) => role<Truth>(`hz_${c}`));
  const h = fw.hazardous;
  const list = (name: string, codes: number[]) => {
    const key = `${name} ${codes.join(',')}`;
    if (!memo.has(key)) memo.set(key, inList(role(name), codes));
    return memo.get(key)!;
  };
  const industry = h.industries.length && m.industry ? list('industry', h.industries) : null;
  const occupation = h.occupations.length && m.occupation ? list('occupation', h.occupations) : null;
  const longHours = h.longHours && m.econHours ? { k: Number(h.longHours.min), gt: gt(h.longHours) } : null;
  if (fw.hazardsInChildLabour === 'conditions' && !conditions.length) throw new AnalysisError('FRAMEWORK_NEEDS_ROLE', { framework: fw.id, role: 'hazards' });
  const viaHazardous = fw.hazardsInChildLabour === 'hazardous_work';
  const viaConditions = fw.hazardsInChildLabour === 'conditions';
  const bands = fw.bands.map((b) => {
    if (b.econ.rule === 'hours') need('econHours', m.econHours);
    if (b.chores) need('choresHours', m.choresHours);
    return {
      from: b.from,
      to: b.to,
      employed: b.econ.rule === 'employed',
      hours: b.econ.rule === 'hours' ? { k: Number(b.econ.min), gt: gt(b.econ) } : null,
      chores: b.chores ? { k: Number(b.chores.min), gt: gt(b.chores) } : null,
    };
  });

  const age = role<Float64Array>('age');
  const n = age.length;
  const y = { emp: new Int8Array(n), cl: new Int8Array(n), haz: new Int8Array(n), other: new Int8Array(n) };
  // The hot loop gets only typed arrays and numbers (absent roles as empty arrays, flags as 0/1), so
  // the engine compiles it once for every framework (objects and nulls there made it deoptimise).
  const none8 = new Uint8Array(0);
  const none64 = new Float64Array(0);
  const hazardFlags = conds.length ? anyOf(conds, unknown, n) : none8;
  const spec = Float64Array.of(
    econAct ? 1 : 0, absent ? 1 : 0, conds.length ? 1 : 0, industry ? 1 : 0, occupation ? 1 : 0,
    longHours ? longHours.k : NaN, longHours?.gt ? 1 : 0, viaHazardous ? 1 : 0, viaConditions ? 1 : 0, unknown,
  );
  const bandSpec = Float64Array.from(bands.flatMap((b) => [b.from, b.to, b.employed ? 1 : 0, b.hours ? b.hours.k : NaN, b.hours?.gt ? 1 : 0, b.chores ? b.chores.k : NaN, b.chores?.gt ? 1 : 0]));
  classifyLoop(n, spec, bandSpec, role<Truth>('_scope'), age, econAct ?? none8, absent ?? none8, hazardFlags, industry ?? none8, occupation ?? none8, econ ?? none64, chores ?? none64, y.emp, y.cl, y.haz, y.other);
  return { children_in_employment: y.emp, child_labour: y.cl, hazardous_work: y.haz, child_labour_other_than_hazardous: y.other };
}

/** OR of the counted conditions (each "yes", with an unknown answer read as `unknown`). */
function anyOf(conds: Truth[], unknown: number, n: number): Truth {
  const out = new Uint8Array(n);
  for (const c of conds) {
    for (let i = 0; i < n; i++) {
      const v = c[i] === U ? unknown : c[i]!;
      if (v > out[i]!) out[i] = v;
    }
  }
  return out;
}

/**
 * The rules of classifyTyped, child by child. spec: econ activity mapped, absence mapped, conditions
 * counted, industry list, occupation list, long-hours threshold (NaN: none), its ">", child labour via
 * hazardous work, via conditions, the value of an unknown answer. bandSpec: per band from, to, rule
 * "employed", hours threshold (NaN: none), its ">", chores threshold (NaN: none), its ">".
 */
function classifyLoop(
  n: number, spec: Float64Array, bandSpec: Float64Array, inScope: Uint8Array, age: Float64Array,
  econAct: Uint8Array, absent: Uint8Array, cond: Uint8Array, industry: Uint8Array, occupation: Uint8Array,
  econ: Float64Array, chores: Float64Array, yEmp: Int8Array, yCl: Int8Array, yHaz: Int8Array, yOther: Int8Array,
): void {
  const hasAct = spec[0] === 1, hasAbsent = spec[1] === 1, hasCond = spec[2] === 1, hasInd = spec[3] === 1, hasOcc = spec[4] === 1;
  const longK = spec[5]!, longGt = spec[6] === 1, viaHazardous = spec[7] === 1, viaConditions = spec[8] === 1, unknown = spec[9]!;
  const hasEcon = econ.length > 0;
  const nb = bandSpec.length / 7;
  for (let i = 0; i < n; i++) {
    const a = age[i]!;
    let band = -1;
    if (inScope[i] === T && a === Math.floor(a)) {
      for (let j = 0; j < nb; j++) {
        if (a >= bandSpec[7 * j]! && a <= bandSpec[7 * j + 1]!) {
          band = j;
          break;
        }
      }
    }
    if (band < 0) {
      yEmp[i] = -1;
      yCl[i] = -1;
      yHaz[i] = -1;
      yOther[i] = -1;
      continue;
    }
    const x = hasEcon ? econ[i]! : NaN;
    let emp = 0;
    if (hasAct) {
      emp = econAct[i]!;
      if (emp === U) emp = unknown;
    } else emp = x !== x ? unknown : x >= 1 ? T : F;
    if (hasAbsent) {
      const v = absent[i] === U ? unknown : absent[i]!;
      if (v > emp) emp = v;
    }
    const c = hasCond ? cond[i]! : F;
    let part = c;
    if (hasInd && industry[i]! > part) part = industry[i]!;
    if (hasOcc && occupation[i]! > part) part = occupation[i]!;
    if (longK === longK) {
      const v = x !== x ? unknown : (longGt ? x > longK : x >= longK) ? T : F;
      if (v > part) part = v;
    }
    const haz = emp < part ? emp : part;
    let cl = F;
    if (viaHazardous && haz > cl) cl = haz;
    if (viaConditions) {
      const v = emp < c ? emp : c;
      if (v > cl) cl = v;
    }
    const o = 7 * band;
    if (bandSpec[o + 2] === 1 && emp > cl) cl = emp;
    const hk = bandSpec[o + 3]!;
    if (hk === hk) {
      let v = x !== x ? unknown : (bandSpec[o + 4] === 1 ? x > hk : x >= hk) ? T : F;
      if (emp < v) v = emp;
      if (v > cl) cl = v;
    }
    const ck = bandSpec[o + 5]!;
    if (ck === ck) {
      const z = chores[i]!;
      const v = z !== z ? unknown : (bandSpec[o + 6] === 1 ? z > ck : z >= ck) ? T : F;
      if (v > cl) cl = v;
    }
    const notHaz = T - haz;
    yEmp[i] = AS_Y[emp]!;
    yHaz[i] = AS_Y[haz]!;
    yCl[i] = AS_Y[cl]!;
    yOther[i] = AS_Y[cl < notHaz ? cl : notHaz]!;
  }
}

/**
 * What a run asks of the typed classification: the frameworks (each with its indicators' SQL, the key
 * of the session's columns `y`), the indicators, those of their SQL not computed yet (`missing`), and
 * the session's role columns.
 */
export interface TypedJob {
  m: Mapping;
  missingHours: MissingHoursPolicy;
  frameworks: { fw: Framework; sql: Record<Indicator, string> }[];
  indicators: Indicator[];
  missing: Set<string>;
  roles: Map<string, RoleColumn>;
  y: Map<string, Int8Array>;
}

/** The frameworks with an indicator not computed yet: a threshold edit changes one framework's SQL. */
export const frameworksToDo = (job: TypedJob) => job.frameworks.filter(({ sql }) => job.indicators.some((ind) => job.missing.has(sql[ind])));

/** Stores a framework's indicators under their SQL, those not computed yet. */
export function storeTyped(job: TypedJob, sql: Record<Indicator, string>, typed: Record<Indicator, Int8Array>): void {
  for (const ind of job.indicators) if (job.missing.has(sql[ind])) job.y.set(sql[ind], typed[ind]);
}

/**
 * The run's classification on typed columns, on this thread (classifyHelper.ts classifyTypedRun):
 * for each framework with an indicator not computed yet, its indicators from classifyTyped.
 */
export async function classifyMissing(engine: Engine, job: TypedJob, place: (fileRows: Int32Array) => Int32Array): Promise<void> {
  const todo = frameworksToDo(job);
  if (!todo.length) return;
  dropSent(job.roles);
  await readRoleColumns(engine, job.m, job.missingHours, job.roles, place);
  const memo = new Map<string, Truth>();
  for (const { fw, sql } of todo) storeTyped(job, sql, classifyTyped(fw, job.m, job.missingHours, job.roles, memo));
}

/**
 * Where the run classifies, unless the caller asks: CLSTATS_CLASSIFY=sql|typed (benchmark A/B), else
 * by engine. Measured on 2M children (docs/performance.md): in DuckDB-WASM (the app, one thread) the
 * typed rules take the first classification from 4.8 s to 2.7 s and a threshold edit from 2.2 s to
 * 1.1 s; native DuckDB evaluates the SQL on every core faster than the role columns are read and
 * the rules run in JavaScript (1.5 s against 2.0 s on a first run), and the command line runs once: SQL.
 */
export function classifyWhere(asked: 'typed' | 'sql' | undefined, engine: Engine): 'typed' | 'sql' {
  if (asked) return asked;
  // No `process` in the app's worker: read through globalThis.
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.CLSTATS_CLASSIFY;
  if (env === 'sql' || env === 'typed') return env;
  return engine.name === 'duckdb-wasm' ? 'typed' : 'sql';
}
