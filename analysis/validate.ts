import type { Engine } from './engine/engine.js';
import { ident, sqlString } from './engine/values.js';
import { mappedColumns } from './mapping.js';
import { AnalysisError, message, type Message } from './messages.js';
import type { Mapping } from './types.js';

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

const blank = (c: string) => `(${c} IS NULL OR trim(${c}) = '')`;

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
  make: (first: { row: number; value: string; count: number }) => Message;
  where: string;
  value: string;
}

/** Runs many "first offending row" probes over the raw table in one pass. */
async function firstRows(engine: Engine, probes: Probe[], table = 'src'): Promise<Message[]> {
  if (!probes.length) return [];
  const cols = probes.map(
    (p, i) => `COUNT(*) FILTER (WHERE ${p.where}) AS c${i}, MIN(rowid) FILTER (WHERE ${p.where}) AS r${i}, arg_min(CAST(${p.value} AS VARCHAR), rowid) FILTER (WHERE ${p.where}) AS v${i}`,
  );
  const [r] = await engine.query(`SELECT ${cols.join(', ')} FROM ${table}`);
  const out: Message[] = [];
  probes.forEach((p, i) => {
    const count = Number(r![`c${i}`] ?? 0);
    if (count > 0) out.push(p.make({ row: Number(r![`r${i}`]) + 1, value: String(r![`v${i}`] ?? ''), count }));
  });
  return out;
}

/** Checks of values in the raw file: numbers, weights, design columns, ages and codes. */
export async function checkValues(engine: Engine, m: Mapping, file: string): Promise<Message[]> {
  const probes: Probe[] = [];
  for (const rc of mappedColumns(m)) {
    if (!rc.numeric) continue;
    const c = ident(rc.column);
    const codes = rc.source?.missingCodes ?? [];
    const isCode = codes.length ? `trim(${c}) IN (${codes.map(sqlString).join(', ')})` : 'FALSE';
    probes.push({
      where: `NOT ${blank(c)} AND NOT ${isCode} AND TRY_CAST(trim(${c}) AS DOUBLE) IS NULL`,
      value: c,
      make: (f) => message('VALUE_NOT_NUMERIC', { column: rc.column, role: rc.role, file, ...f }),
    });
  }
  const w = ident(m.weight);
  const wv = `TRY_CAST(trim(${w}) AS DOUBLE)`;
  probes.push(
    { where: blank(w), value: w, make: (f) => message('WEIGHT_MISSING', { column: m.weight, file, ...f }) },
    { where: `${wv} < 0`, value: w, make: (f) => message('WEIGHT_NEGATIVE', { column: m.weight, file, ...f }) },
    { where: `${wv} = 0`, value: w, make: (f) => message('WEIGHT_ZERO', { column: m.weight, file, ...f }) },
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
      where: `NOT (TRY_CAST(trim(${s}) AS DOUBLE) > 0)`,
      value: s,
      make: (f) => message('FPC_INVALID', { column: m.fpc!, file, detail: `"${f.value}" is not a positive number`, ...f }),
    });
  }
  const a = ident(m.age);
  const av = `TRY_CAST(trim(${a}) AS DOUBLE)`;
  probes.push({
    where: `NOT ${blank(a)} AND (${av} IS NULL OR ${av} < 0 OR ${av} > 120 OR ${av} <> floor(${av}))`,
    value: a,
    make: (f) => message('AGE_INVALID', { column: m.age, file, ...f }),
  });
  const codeMessages: Message[] = [];
  for (const [role, col, codes] of [
    ['sex', m.sex.column, [m.sex.male, m.sex.female]],
    ...(m.area ? [['area', m.area.column, [m.area.urban, m.area.rural]] as const] : []),
  ] as const) {
    const c = ident(col);
    const rows = await engine.query(
      `SELECT trim(${c}) AS v, COUNT(*)::BIGINT AS n, MIN(rowid)::BIGINT AS r FROM src WHERE NOT ${blank(c)} AND trim(${c}) NOT IN (${codes.map(sqlString).join(', ')}) GROUP BY 1 ORDER BY 3 LIMIT 5`,
    );
    for (const r of rows) {
      codeMessages.push(message('CODE_NOT_MAPPED', { column: col, role, file, value: String(r.v), count: Number(r.n), row: Number(r.r) + 1, codes: codes.map((x) => `"${x}"`).join(' and ') }));
    }
  }
  return [...(await firstRows(engine, probes)), ...codeMessages];
}

/** Design checks on the prepared `survey` table: PSUs across strata, fpc constant in strata, lonely PSUs. */
export async function checkDesign(engine: Engine, m: Mapping, file: string): Promise<Message[]> {
  const out: Message[] = [];
  if (m.psu && m.stratum) {
    const [r] = await engine.query(
      `SELECT psu, MIN(r)::BIGINT AS r FROM (SELECT trim(${ident(m.psu)}) AS psu, trim(${ident(m.stratum)}) AS h, rowid AS r FROM src) GROUP BY psu HAVING COUNT(DISTINCT h) > 1 ORDER BY 2 LIMIT 1`,
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
export async function designSummary(engine: Engine, strata: string, policy: string): Promise<{ summary: DesignSummary; messages: Message[] }> {
  const [r] = await engine.query(`SELECT COUNT(*)::BIGINT AS h, SUM(n_h)::BIGINT AS psus FROM ${strata}`);
  const [n] = await engine.query(`SELECT COUNT(*)::BIGINT AS n FROM survey`);
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
