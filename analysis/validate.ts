import type { ResolvedAnalysis } from './analysisFile.js';
import { classify } from './classify.js';
import { codedRoles, codesPresent, labelOf, mappedCodesNotFound } from './codesPresent.js';
import { clusterCandidates } from './designCandidates.js';
import type { Engine } from './engine/engine.js';
import { ident, sqlString } from './engine/values.js';
import type { DataLabels } from './import/labels.js';
import { readDeclaredMissing, type DeclaredMissing } from './import/declaredMissing.js';
import { designPass, designPassKey, fusedPassApplies, psuAcrossStrata, type DesignPass } from './designPass.js';
import { categorySql, hoursSql, mappedColumns, numericColumnSql, universeSql } from './mapping.js';
import { AnalysisError, message, type Message } from './messages.js';
import { suspectHoursCodes, suspectHoursCounts } from './suspectHours.js';
import type { ColumnSource, Mapping } from './types.js';

/**
 * Checks the raw file (`src`, all text) against the mapping before anything is estimated. Every
 * finding is a catalogue message that names the file, the column and the first row (rows are counted
 * from the first data row, 1-based), with how many rows share the problem. Errors stop the run;
 * warnings travel with the results. Nothing is coerced silently.
 */
export interface DesignSummary {
  rows: number;
  strata: number;
  psus: number;
  lonelyStrata: string[];
  /** Degrees of freedom of the whole design: PSUs - strata. */
  df: number;
}

// Cells of `src` are stored trimmed (import/trimSpaces.ts): nothing here trims them again.
const blank = (c: string) => `(${c} IS NULL OR ${c} = '')`;

/** Columns of the raw table. */
export async function sourceColumns(engine: Engine, table = 'src'): Promise<string[]> {
  const rows = await engine.query(`SELECT column_name FROM (DESCRIBE ${table})`);
  return rows.map((r) => String(r.column_name));
}

/** Errors for mapped columns that the file does not have. */
export function checkColumnsExist(m: Mapping, columns: string[], file: string): void {
  const have = new Set(columns);
  for (const rc of mappedColumns(m)) {
    if (!have.has(rc.column)) {
      throw new AnalysisError('MAP_UNKNOWN_COLUMN', {
        role: rc.role,
        column: rc.column,
        file,
        available: columns.length > 12 ? `${columns.slice(0, 12).join(', ')}, ...` : columns.join(', '),
      });
    }
  }
}

interface Probe {
  make: (first: { row: number; rows: string; value: string; count: number }) => Message;
  where: string;
  value: string;
}

/** A number written with a decimal comma ("310,905548"): the file needs data.decimalComma, not a missing code. */
const DECIMAL_COMMA = /^[-+]?[0-9]+,[0-9]+$/;

/** How many offending rows a message lists. */
const FIRST_ROWS = 5;

/**
 * Runs many "first offending rows" probes over the raw table: first how many rows each finds (given
 * in `counts`, from the design pass, or counted here in one pass), then the row numbers and first
 * value of those that found some, in one more pass (none for a clean file).
 */
async function firstRows(engine: Engine, all: Probe[], table = 'src', counts?: Map<string, number>): Promise<Message[]> {
  if (!all.length) return [];
  let found: (p: Probe, i: number) => boolean;
  if (counts) found = (p) => (counts.get(p.where) ?? 1) > 0;
  else {
    const [c] = await engine.query(`SELECT ${all.map((p, i) => `COUNT(*) FILTER (WHERE ${p.where}) AS c${i}`).join(', ')} FROM ${table}`);
    found = (_, i) => Number(c![`c${i}`] ?? 0) > 0;
  }
  const probes = all.filter(found);
  if (!probes.length) return [];
  const cols = probes.map(
    (p, i) => `COUNT(*) FILTER (WHERE ${p.where}) AS c${i}, MIN(rowid) FILTER (WHERE ${p.where}) AS r${i}, ` +
      `array_to_string(arg_min(rowid + 1, rowid, ${FIRST_ROWS}) FILTER (WHERE ${p.where}), ', ') AS l${i}, ` +
      `arg_min(CAST(${p.value} AS VARCHAR), rowid) FILTER (WHERE ${p.where}) AS v${i}`,
  );
  const [r] = await engine.query(`SELECT ${cols.join(', ')} FROM ${table}`);
  const out: Message[] = [];
  probes.forEach((p, i) => {
    const count = Number(r![`c${i}`] ?? 0);
    const rows = String(r![`l${i}`] ?? '') + (count > FIRST_ROWS ? ', ...' : '');
    if (count > 0) out.push(p.make({ row: Number(r![`r${i}`]) + 1, rows, value: String(r![`v${i}`] ?? ''), count }));
  });
  return out;
}

/** A week has 168 hours: hours outside 0-168 are codes not declared missing, or errors. */
export const MAX_WEEK_HOURS = 168;

/**
 * Per numeric column: text that is not a number, and numbers that are not finite (NaN, Infinity, or an
 * overflow such as 1e400, which reads as Infinity). Missing codes (the role's and the file's) are not
 * values. Hours must be within 0-168 once their missing codes are set aside.
 */
function numberProbes(m: Mapping, file: string, declared: DeclaredMissing): Probe[] {
  const probes: Probe[] = [];
  const seen = new Set<string>();
  for (const rc of mappedColumns(m)) {
    if (!rc.numeric || seen.has(`${rc.role}\u0001${rc.column}`)) continue;
    seen.add(`${rc.role}\u0001${rc.column}`);
    const c = ident(rc.column);
    const codes = [...(rc.source?.missingCodes ?? []), ...(declared[rc.column] ?? [])];
    const isCode = codes.length ? `${c} IN (${codes.map(sqlString).join(', ')})` : 'FALSE';
    const v = `TRY_CAST(${c} AS DOUBLE)`;
    const base = { column: rc.column, role: rc.role, file };
    probes.push({
      where: `NOT ${blank(c)} AND NOT ${isCode} AND ${v} IS NULL`,
      value: c,
      make: (f) => message(DECIMAL_COMMA.test(f.value) ? 'VALUE_DECIMAL_COMMA' : 'VALUE_NOT_NUMERIC', { ...base, ...f }),
    });
    if (rc.role === 'weight') continue; // the weight probes below say it in the weight's words
    probes.push({ where: `NOT ${isCode} AND NOT isfinite(${v})`, value: c, make: (f) => message('VALUE_NOT_FINITE', { ...base, ...f }) });
    if (rc.role === 'econHours' || rc.role === 'choresHours') {
      const h = numericColumnSql(rc.column, rc.source, declared);
      probes.push({
        where: `isfinite(${h}) AND (${h} < 0 OR ${h} > ${MAX_WEEK_HOURS})`,
        value: c,
        make: (f) => message('HOURS_OUT_OF_RANGE', { ...base, ...f }),
      });
    }
  }
  return probes;
}

/** The same column mapped to two roles (sex and area, age and weight): a warning naming the roles. */
export function sharedColumns(m: Mapping, file: string): Message[] {
  const roles = new Map<string, string[]>();
  for (const rc of mappedColumns(m)) {
    const list = roles.get(rc.column) ?? [];
    if (!list.includes(rc.role)) list.push(rc.role);
    roles.set(rc.column, list);
  }
  return [...roles].filter(([, r]) => r.length > 1).map(([column, r]) => message('COLUMN_IN_TWO_ROLES', { column, file, roles: r.join(', ') }));
}

/** A code column (sex, area; a recoded region or extra) checked against its codes: the rows with another code. */
interface CodeCheck {
  role: string;
  column: string;
  codes: readonly string[];
  where: string;
  /** The message of one code found (default CODE_NOT_MAPPED). */
  make?: (found: { value: string; count: number; row: number }) => Message;
}

/**
 * Checks of values in the raw file: numbers, weights, design columns, ages and codes. `counts`: how
 * many rows each condition of valueConditions() matches (the design pass counts them in its scan);
 * a check that matches none reads nothing more. `labels`: the file's, for the label of a code not mapped.
 */
export async function checkValues(engine: Engine, m: Mapping, file: string, counts?: Map<string, number>, labels?: DataLabels): Promise<Message[]> {
  const declared = await readDeclaredMissing(engine);
  const { probes, codeChecks } = valueChecks(m, file, declared);
  const codeMessages: Message[] = [];
  for (const { role, column: col, codes, where, make } of codeChecks) {
    if (counts && counts.get(where) === 0) continue;
    const c = ident(col);
    const rows = await engine.query(`SELECT ${c} AS v, COUNT(*)::BIGINT AS n, MIN(rowid)::BIGINT AS r FROM src WHERE ${where} GROUP BY 1 ORDER BY 3 LIMIT 5`);
    for (const r of rows) {
      const found = { value: String(r.v), count: Number(r.n), row: Number(r.r) + 1 };
      const label = labelOf(labels, col, found.value);
      codeMessages.push(make ? make(found) : message('CODE_NOT_MAPPED', { column: col, role, file, ...found, label, codes: codes.map((x) => `"${x}"`).join(' and ') }));
    }
  }
  return [...(await clusterMissing(engine, m, file)), ...(await firstRows(engine, probes, 'src', counts)), ...codeMessages, ...sharedColumns(m, file)];
}

/** The conditions over the raw table whose counts checkValues needs (for the design pass). */
export function valueConditions(m: Mapping, declared: DeclaredMissing): string[] {
  const { probes, codeChecks } = valueChecks(m, '', declared);
  return [...probes.map((p) => p.where), ...codeChecks.map((c) => c.where)];
}

/** Where a design pass is kept between the validation and the run (the analysis session). */
export interface DesignPassHolder {
  pass: DesignPass | null;
  /** Called when a new pass replaces the engine's design tables. */
  tablesReplaced?(): void;
}

/**
 * The design pass for this mapping with counts of `conditions`: the holder's if it has them, else
 * made (and kept in the holder).
 */
export async function designPassFor(engine: Engine, m: Mapping, declared: DeclaredMissing, conditions: string[], holder?: DesignPassHolder): Promise<DesignPass> {
  const kept = holder?.pass;
  if (kept && kept.key === designPassKey(m, declared) && conditions.every((c) => kept.counts.has(c))) return kept;
  const pass = await designPass(engine, m, declared, conditions);
  if (holder) {
    holder.tablesReplaced?.();
    holder.pass = pass;
  }
  return pass;
}

/** The probes and code checks of checkValues. */
function valueChecks(m: Mapping, file: string, declared: DeclaredMissing): { probes: Probe[]; codeChecks: CodeCheck[] } {
  const probes: Probe[] = numberProbes(m, file, declared);
  const w = ident(m.weight);
  const wv = `TRY_CAST(${w} AS DOUBLE)`;
  probes.push(
    { where: blank(w), value: w, make: (f) => message('WEIGHT_MISSING', { column: m.weight, file, ...f }) },
    { where: `NOT isfinite(${wv})`, value: w, make: (f) => message('WEIGHT_NOT_FINITE', { column: m.weight, file, ...f }) },
    { where: `${wv} < 0`, value: w, make: (f) => message('WEIGHT_NEGATIVE', { column: m.weight, file, ...f }) },
    // Zero weights outside the universe are the rule (MICS: incomplete interviews): said only inside it.
    { where: `${wv} = 0 AND ${universeSql(m)}`, value: w, make: (f) => message('WEIGHT_ZERO', { column: m.weight, file, ...f }) },
  );
  if (m.stratum) {
    const s = ident(m.stratum);
    probes.push({ where: blank(s), value: s, make: (f) => message('STRATUM_MISSING', { column: m.stratum!, file, ...f }) });
  }
  if (m.psu) {
    const s = ident(m.psu);
    probes.push({ where: blank(s), value: s, make: (f) => message('PSU_MISSING', { column: m.psu!, file, ...f }) });
  }
  if (m.fpc) {
    const s = ident(m.fpc);
    probes.push({
      where: `NOT (TRY_CAST(${s} AS DOUBLE) > 0)`,
      value: s,
      make: (f) => message('FPC_INVALID', { column: m.fpc!, file, detail: `"${f.value}" is not a positive number`, ...f }),
    });
  }
  const a = ident(m.age);
  const av = `TRY_CAST(${a} AS DOUBLE)`;
  const ageCodes = declared[m.age] ?? [];
  probes.push({
    where: `NOT ${blank(a)} ${ageCodes.length ? `AND ${a} NOT IN (${ageCodes.map(sqlString).join(', ')})` : ''} AND (${av} IS NULL OR ${av} < 0 OR ${av} > 120 OR ${av} <> floor(${av}))`,
    value: a,
    make: (f) => message('AGE_INVALID', { column: m.age, file, ...f }),
  });
  const codeChecks: CodeCheck[] = [];
  for (const [role, col, codes] of [
    ['sex', m.sex.column, [m.sex.male, m.sex.female]],
    ...(m.area ? [['area', m.area.column, [m.area.urban, m.area.rural]] as const] : []),
  ] as const) {
    const c = ident(col);
    const known = [...codes, ...(declared[col] ?? [])];
    codeChecks.push({ role, column: col, codes, where: `NOT ${blank(c)} AND ${c} NOT IN (${known.map(sqlString).join(', ')})` });
  }
  codeChecks.push(...recodeChecks(m, file, declared));
  return { probes, codeChecks };
}

/**
 * Harmonisation recodes (mapping.region.recode, mapping.recode): a code of the file the recode does not
 * list stays as written (a warning naming it); one that is itself a shared code of the recode would be
 * merged into that category without being listed, so it stops the run (RECODE_CODE_CLASH).
 */
function recodeChecks(m: Mapping, file: string, declared: DeclaredMissing): CodeCheck[] {
  const out: CodeCheck[] = [];
  const recoded: [string, string, Record<string, string>][] = [];
  if (m.region?.recode) recoded.push(['region', m.region.column, m.region.recode]);
  for (const [col, r] of Object.entries(m.recode ?? {})) recoded.push([`extra ${col}`, col, r]);
  for (const [role, column, recode] of recoded) {
    const c = ident(column);
    const listed = Object.keys(recode).map((k) => k.trim());
    if (!listed.length) continue;
    const shared = [...new Set(Object.values(recode))];
    const base = `${categorySql(column, declared)} IS NOT NULL AND ${c} NOT IN (${listed.map(sqlString).join(', ')})`;
    const clash = `${c} IN (${shared.map(sqlString).join(', ')})`;
    out.push(
      { role, column, codes: listed, where: `${base} AND NOT ${clash}`, make: (f) => message('RECODE_CODE_NOT_LISTED', { file, column, role, ...f }) },
      { role, column, codes: listed, where: `${base} AND ${clash}`, make: (f) => message('RECODE_CODE_CLASH', { file, column, role, ...f }) },
    );
  }
  return out;
}

/**
 * No PSU and no explicit "no clusters": an error, never a silent design of one child per cluster
 * (which makes the standard errors of a clustered survey too small), naming the columns that look like
 * clusters (designCandidates.ts).
 */
async function clusterMissing(engine: Engine, m: Mapping, file: string): Promise<Message[]> {
  if (m.psu || m.noClusters) return [];
  const exclude = mappedColumns(m).map((rc) => rc.column);
  const found = await clusterCandidates(engine, 'src', { stratum: m.stratum, exclude });
  const candidates = found.length ? `candidates: ${found.map((c) => `"${c}"`).join(', ')}` : 'no column of the file looks like one';
  return [message('PSU_NOT_MAPPED', { file, candidates })];
}

/** Design checks on the prepared `survey` table: PSUs across strata, fpc constant in strata, lonely PSUs. */
export async function checkDesign(engine: Engine, m: Mapping, file: string): Promise<Message[]> {
  const out: Message[] = [];
  if (m.psu && m.stratum) {
    const [r] = await engine.query(
      `SELECT psu, MIN(r)::BIGINT AS r FROM (SELECT ${ident(m.psu)} AS psu, ${ident(m.stratum)} AS h, rowid AS r FROM src) GROUP BY psu HAVING COUNT(DISTINCT h) > 1 ORDER BY 2 LIMIT 1`,
    );
    if (r) {
      if (m.psuNestedInStrata === false) {
        throw new AnalysisError('PSU_ACROSS_STRATA', { psu: String(r.psu), column: m.psu, row: Number(r.r) + 1 });
      }
      out.push(message('PSU_NESTED_INFO', { file }));
    }
  }
  if (m.fpc) {
    const [r] = await engine.query(`SELECT _h, MIN(_row)::BIGINT AS r FROM survey GROUP BY _h HAVING COUNT(DISTINCT _fpc) > 1 LIMIT 1`);
    if (r) {
      throw new AnalysisError('FPC_INVALID', { column: m.fpc, file, row: Number(r.r), detail: `it differs within stratum "${r._h}"` });
    }
  }
  return out;
}

/** The design's counts; lonely PSUs are an error under `fail`, a warning otherwise. */
export async function designSummary(engine: Engine, strata: string, policy: string, rowsTable = 'survey'): Promise<{ summary: DesignSummary; messages: Message[] }> {
  const [r] = await engine.query(`SELECT COUNT(*)::BIGINT AS h, SUM(n_h)::BIGINT AS psus FROM ${strata}`);
  const [n] = await engine.query(`SELECT COUNT(*)::BIGINT AS n FROM ${rowsTable}`);
  const lonely = (await engine.query(`SELECT _h FROM ${strata} WHERE n_h = 1 ORDER BY _h`)).map((x) => String(x._h));
  const summary: DesignSummary = {
    rows: Number(n!.n),
    strata: Number(r!.h),
    psus: Number(r!.psus),
    lonelyStrata: lonely,
    df: Number(r!.psus) - Number(r!.h),
  };
  const messages: Message[] = [];
  if (lonely.length) {
    const list = lonely.length > 10 ? `${lonely.slice(0, 10).join(', ')}, ...` : lonely.join(', ');
    if (policy === 'fail') throw new AnalysisError('LONELY_PSU_FAIL', { strata: list });
    messages.push(message('LONELY_PSU_PRESENT', { count: lonely.length, strata: list, policy }));
  }
  return { summary, messages };
}

/**
 * The validation report: everything checked about the mapped file before any estimate, as counts and
 * as catalogue findings (code, severity, text, what to do). Errors stop the estimate (`ok` false);
 * warnings and notes are shown beside the results and written into exports. Zero weights are a
 * warning, not an error: such rows stay in the design and add nothing to any estimate (the estimator's
 * property tests add zero-weight rows and expect identical results).
 */
export interface ValidationReport {
  file: string;
  /** Data rows of the raw table. */
  rowsRead: number;
  /**
   * Children who can be counted: a whole-number age in the frameworks' range (5-17 for the presets),
   * in the universe and with a positive weight; and that range.
   */
  children: number;
  ageRange: [number, number];
  weights: { column: string; missing: number; zero: number; negative: number; notNumeric: number };
  /** The universe and how many children of the age range it keeps (null: no universe). */
  universe?: { column: string; keep: string[]; inside: number; outside: number } | null;
  /** Ages that are not numbers, outside 0-120 or not whole (missing ages not counted). */
  agesInvalid: number;
  design: {
    strata: number;
    psus: number;
    lonelyStrata: string[];
    /** PSU ids repeat across strata: PSUs are then the pairs (stratum, PSU). */
    psuIdsRepeatAcrossStrata: boolean;
    nested: boolean;
    /** PSUs - strata. */
    df: number;
  };
  /** Children in scope with unknown hours, per hours role that is mapped. */
  hours: { role: 'econHours' | 'choresHours'; columns: string[]; missing: number; share: number | null }[];
  findings: Message[];
  /** No finding is an error. */
  ok: boolean;
}

/** A share in percent, as a number: the message catalogue writes it per language (0.4 %, 0,4 %). */
const pctNumber = (x: number) => Number((100 * x).toFixed(x < 0.001 ? 2 : 1));

/**
 * Validates the raw table `src` against an analysis: columns, values, weights, design, ages, codes,
 * missing hours, codes read as missing (from the loader's labels). Never throws for a data problem:
 * every problem is a finding. `labels`: what importData returned, for the user-missing notes.
 */
export async function validateData(
  engine: Engine, a: ResolvedAnalysis, file: string, labels?: DataLabels, options: { session?: DesignPassHolder } = {},
): Promise<ValidationReport> {
  const m = a.mapping;
  const lo = Math.min(...a.frameworks.flatMap((f) => f.bands.map((b) => b.from)));
  const hi = Math.max(...a.frameworks.flatMap((f) => f.bands.map((b) => b.to)));
  const [count] = await engine.query('SELECT COUNT(*)::BIGINT AS n FROM src');
  const report: ValidationReport = {
    file,
    rowsRead: Number(count!.n),
    children: 0,
    ageRange: [lo, hi],
    weights: { column: m.weight, missing: 0, zero: 0, negative: 0, notNumeric: 0 },
    agesInvalid: 0,
    design: { strata: 0, psus: 0, lonelyStrata: [], psuIdsRepeatAcrossStrata: false, nested: m.psuNestedInStrata ?? true, df: 0 },
    hours: [],
    findings: [],
    ok: true,
  };
  const findings = report.findings;
  const finish = () => {
    report.ok = !findings.some((f) => f.severity === 'error');
    return report;
  };
  try {
    checkColumnsExist(m, await sourceColumns(engine), file);
  } catch (e) {
    if (!(e instanceof AnalysisError)) throw e;
    findings.push(e.msg);
    return finish();
  }

  // Counts, in one pass: with the checks of values, in the design pass (which also prepares the
  // design for the run: designPass.ts), else in a pass of their own.
  const num = (c: string) => `TRY_CAST(${ident(c)} AS DOUBLE)`;
  const blankSql = (c: string) => `(${ident(c)} IS NULL OR ${ident(c)} = '')`;
  const declared = await readDeclaredMissing(engine);
  const age = numericColumnSql(m.age, { columns: [m.age] }, declared);
  const aged = `(${age} = floor(${age}) AND ${age} BETWEEN ${lo} AND ${hi})`;
  // Counted: in the universe and with a positive weight (classify.ts IN_SCOPE, on the raw table).
  const inside = `(${aged} AND ${universeSql(m)})`;
  const child = `(${inside} AND ${num(m.weight)} > 0)`;
  const hoursRoles = (['econHours', 'choresHours'] as const).filter((r) => m[r]).map((r) => [r, m[r]!] as [typeof r, ColumnSource]);
  const countSql: Record<string, string> = {
    w_missing: blankSql(m.weight),
    w_zero: `${num(m.weight)} = 0`,
    w_negative: `${num(m.weight)} < 0`,
    w_text: `NOT ${blankSql(m.weight)} AND ${num(m.weight)} IS NULL`,
    age_invalid: `NOT ${blankSql(m.age)} AND (${age} IS NULL OR ${age} < 0 OR ${age} > 120 OR ${age} <> floor(${age}))`,
    aged,
    inside,
    children: child,
    ...Object.fromEntries(hoursRoles.map(([, src], i) => [`h${i}`, `${child} AND ${hoursSql(src, declared)} IS NULL`])),
    // Sex and area: rows with a value, and with one of the two mapped codes (none: a label mapped).
    // Counted over every row, not only the children: the test of a code is cheap, the child's is not
    // (age and weight read as numbers), and a file none of whose rows has either code is the case.
    ...Object.fromEntries(codedRoles(m).flatMap((r, i) => [
      [`k${i}_valued`, `${categorySql(r.column, declared)} IS NOT NULL`],
      [`k${i}_known`, `${ident(r.column)} IN (${r.codes.map(sqlString).join(', ')})`],
    ])),
    // Hours written 97-99, for the don't-know codes read as hours (suspectHours.ts).
    ...suspectHoursCounts(m, declared),
  };
  const fused = fusedPassApplies(m);
  let c: Record<string, number>;
  if (fused) {
    const pass = await designPassFor(engine, m, declared, [...valueConditions(m, declared), ...Object.values(countSql)], options.session);
    findings.push(...(await checkValues(engine, m, file, pass.counts, labels)));
    c = Object.fromEntries(Object.entries(countSql).map(([k, sql]) => [k, pass.counts.get(sql)!]));
  } else {
    findings.push(...(await checkValues(engine, m, file, undefined, labels)));
    const [r] = await engine.query(`SELECT ${Object.entries(countSql).map(([k, sql]) => `COUNT(*) FILTER (WHERE ${sql}) AS ${k}`).join(',\n  ')} FROM src`);
    c = Object.fromEntries(Object.entries(r!).map(([k, v]) => [k, Number(v)]));
  }
  report.weights = { column: m.weight, missing: Number(c!.w_missing), zero: Number(c!.w_zero), negative: Number(c!.w_negative), notNumeric: Number(c!.w_text) };
  report.agesInvalid = Number(c!.age_invalid);
  report.children = Number(c!.children);
  const [nAged, nInside] = [Number(c!.aged), Number(c!.inside)];
  report.universe = m.universe ? { column: m.universe.column, keep: m.universe.keep, inside: nInside, outside: nAged - nInside } : null;
  if (nAged === 0) findings.push(message('NO_CHILDREN_IN_SCOPE', { file, from: lo, to: hi, column: m.age }));
  else if (m.universe && nInside === 0) {
    const present = await codesPresent(engine, m.universe.column, aged, labels);
    findings.push(message('UNIVERSE_EMPTY', { file, column: m.universe.column, codes: m.universe.keep.join(', '), from: lo, to: hi, present }));
  } else if (report.children === 0 && report.weights.missing + report.weights.notNumeric === 0) {
    findings.push(message('WEIGHTS_ALL_ZERO', { file, column: m.weight, count: nInside }));
  }
  if (m.universe && nInside > 0) {
    findings.push(message('UNIVERSE_APPLIED', { file, column: m.universe.column, codes: m.universe.keep.join(', '), inside: nInside, children: nAged, outside: nAged - nInside, from: lo, to: hi }));
  }
  for (const [i, r] of codedRoles(m).entries()) {
    if (c![`k${i}_known`] === 0 && c![`k${i}_valued`]! > 0) findings.push(await mappedCodesNotFound(engine, r, child, `${categorySql(r.column, declared)} IS NOT NULL`, { file, from: lo, to: hi, labels }));
  }
  if (m.noClusters) findings.push(message('NO_CLUSTERS_CHOSEN', { file }));
  for (const [i, [role, src]] of hoursRoles.entries()) {
    const missing = Number(c![`h${i}`]);
    const share = report.children ? missing / report.children : null;
    report.hours.push({ role, columns: src.columns, missing, share });
    if (missing > 0 && share !== null) {
      findings.push(message('HOURS_MISSING_SHARE', {
        file, role, columns: src.columns.join(' + '), count: missing, children: report.children, share: pctNumber(share), from: lo, to: hi,
        policy: a.options.missingHours,
        // An id, written in words by the message catalogue (words.ts, effect.*).
        effect: a.options.missingHours === 'mics' ? (src.columns.length > 1 ? 'knownParts' : 'belowThreshold') : 'leave',
      }));
    }
  }

  findings.push(...(await suspectHoursCodes(engine, m, file, declared, c!)));

  // The design, as the estimate will see it (a PSU is the pair stratum, PSU when nested).
  const nested = m.psuNestedInStrata ?? true;
  const cat = (col: string) => `NULLIF(${ident(col)}, '')`;
  const h = m.stratum ? cat(m.stratum) : `'1'`;
  const psu = m.psu ? (nested ? `${h} || chr(31) || ${cat(m.psu)}` : cat(m.psu)) : 'CAST(rowid AS VARCHAR)';
  // The design pass's distinct (stratum, PSU) pairs give what the file gives: their keys are trimmed.
  const strata = await engine.query(`SELECT _h, COUNT(DISTINCT _psu)::BIGINT AS n_h FROM (SELECT ${h} AS _h, ${psu} AS _psu FROM ${fused ? '_pairs' : 'src'}) GROUP BY _h ORDER BY _h`);
  const psus = strata.reduce((s, r) => s + Number(r.n_h), 0);
  report.design = {
    strata: strata.length,
    psus,
    lonelyStrata: strata.filter((r) => Number(r.n_h) === 1).map((r) => String(r._h)),
    psuIdsRepeatAcrossStrata: false,
    nested,
    df: psus - strata.length,
  };
  if (m.psu && m.stratum) {
    const [r] = fused
      ? [await psuAcrossStrata(engine, m, true)].filter((x) => x !== null)
      : await engine.query(
        `SELECT psu, MIN(r)::BIGINT AS r FROM (SELECT ${cat(m.psu)} AS psu, ${cat(m.stratum)} AS h, rowid AS r FROM src) WHERE psu IS NOT NULL GROUP BY psu HAVING COUNT(DISTINCT h) > 1 ORDER BY 2 LIMIT 1`,
      );
    if (r) {
      report.design.psuIdsRepeatAcrossStrata = true;
      findings.push(nested ? message('PSU_NESTED_INFO', { file }) : message('PSU_ACROSS_STRATA', { psu: String(r.psu), column: m.psu, row: Number(r.r) + 1 }));
    }
  }
  if (m.fpc) {
    const [r] = await engine.query(`SELECT _h, MIN(r)::BIGINT AS r FROM (SELECT ${h} AS _h, ${num(m.fpc)} AS f, rowid AS r FROM src) GROUP BY _h HAVING COUNT(DISTINCT f) > 1 LIMIT 1`);
    if (r) findings.push(message('FPC_INVALID', { column: m.fpc, file, row: Number(r.r) + 1, detail: `it differs within stratum "${r._h}"` }));
  }
  const lonely = report.design.lonelyStrata;
  if (lonely.length) {
    const list = lonely.length > 10 ? `${lonely.slice(0, 10).join(', ')}, ...` : lonely.join(', ');
    findings.push(a.options.lonelyPsu === 'fail'
      ? message('LONELY_PSU_FAIL', { strata: list })
      : message('LONELY_PSU_PRESENT', { count: lonely.length, strata: list, policy: a.options.lonelyPsu }));
  }

  // Codes the file declares missing, in mapped columns: read as missing, said so.
  if (labels) {
    const seen = new Set<string>();
    for (const rc of mappedColumns(m)) {
      const codes = labels.missing[rc.column];
      if (!codes || seen.has(rc.column)) continue;
      seen.add(rc.column);
      const total = Object.values(codes).reduce((x, y) => x + y, 0);
      const list = Object.entries(codes).sort((x, y) => y[1] - x[1]).slice(0, 6).map(([k, v]) => `${k}: ${v}`).join(', ');
      findings.push(message('DATA_USER_MISSING', { file, column: rc.column, role: rc.role, count: total, codes: list }));
    }
  }

  // Parts of hazardous work a framework leaves out because their role is not mapped (as the run says).
  const unmapped = new Map<string, string[]>();
  for (const fw of a.frameworks) {
    try {
      for (const w of classify(fw, m, a.options.missingHours).warnings) unmapped.set(String(w.params.part), [...(unmapped.get(String(w.params.part)) ?? []), fw.id]);
    } catch (e) {
      if (!(e instanceof AnalysisError)) throw e;
      findings.push(e.msg);
    }
  }
  for (const [part, fws] of unmapped) findings.push(message('HAZARD_PART_UNMAPPED', { framework: fws.join('", "'), part }));
  const order = { error: 0, warning: 1, info: 2 } as const;
  findings.sort((x, y) => order[x.severity] - order[y.severity]);
  return finish();
}

/** Findings of the validation report and messages of the run, each once (the run repeats some checks). */
export function mergeMessages(...lists: Message[][]): Message[] {
  const seen = new Set<string>();
  const out: Message[] = [];
  for (const m of lists.flat()) {
    const key = `${m.code}\u0001${m.text}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(m);
    }
  }
  return out;
}
