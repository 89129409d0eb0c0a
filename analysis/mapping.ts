import { ident, sqlString } from './engine/values.js';
import type { ColumnSource, Mapping } from './types.js';

/**
 * Compiles the variable mapping into one SQL projection over the raw file (all columns read as text,
 * so codes such as "01" survive): the `survey` table with one typed column per role. Why text first:
 * the codes in the file are the truth, and every conversion to a number is checked by validate.ts
 * (which names file, column and row) before any estimate is made.
 */

/** A role name, the column(s) it reads, and whether it is numeric (for validation messages). */
export interface RoleColumn {
  role: string;
  column: string;
  numeric: boolean;
  source?: ColumnSource;
}

const blankSql = (col: string) => `(${col} IS NULL OR trim(${col}) = '')`;

function inList(expr: string, codes: readonly string[]): string {
  return codes.length ? `trim(${expr}) IN (${codes.map(sqlString).join(', ')})` : 'FALSE';
}

/** Numeric value of one column of a numeric role: blank, missing codes and codes >= missingFrom handled. */
export function numericColumnSql(column: string, src: ColumnSource = { columns: [column] }): string {
  const c = ident(column);
  const v = `TRY_CAST(trim(${c}) AS DOUBLE)`;
  const parts = [`WHEN ${blankSql(c)} THEN ${src.blank === 'zero' ? '0' : 'NULL'}`];
  if (src.missingCodes?.length) parts.push(`WHEN ${inList(c, src.missingCodes)} THEN NULL`);
  if (src.missingFrom !== undefined) parts.push(`WHEN ${v} >= ${Number(src.missingFrom)} THEN NULL`);
  return `(CASE ${parts.join(' ')} ELSE ${v} END)`;
}

/** Yes/no value of one column of a yes/no role (three-valued: NULL is unknown). */
function yesNoColumnSql(column: string, src: ColumnSource): string {
  const c = ident(column);
  const blank = src.blank === 'no' || src.blank === 'zero' ? 'FALSE' : 'NULL';
  const parts = [`WHEN ${blankSql(c)} THEN ${blank}`];
  if (src.missingCodes?.length) parts.push(`WHEN ${inList(c, src.missingCodes)} THEN NULL`);
  if (src.missingFrom !== undefined) parts.push(`WHEN TRY_CAST(trim(${c}) AS DOUBLE) >= ${Number(src.missingFrom)} THEN NULL`);
  parts.push(`WHEN ${inList(c, src.yes ?? ['1'])} THEN TRUE`);
  return `(CASE ${parts.join(' ')} ELSE FALSE END)`;
}

/** Hours roles: the sum of the columns; unknown when any part is unknown (SQL NULL propagation). */
export function hoursSql(src: ColumnSource): string {
  return `(${src.columns.map((c) => numericColumnSql(c, src)).join(' + ')})`;
}

/** Yes/no roles: "any of" in three-valued logic (SQL OR: true wins, then unknown, then false). */
export function yesNoSql(src: ColumnSource): string {
  return `(${src.columns.map((c) => yesNoColumnSql(c, src)).join(' OR ')})`;
}

/** Every column a mapping reads, with its role, for existence and type checks. */
export function mappedColumns(m: Mapping): RoleColumn[] {
  const out: RoleColumn[] = [
    { role: 'weight', column: m.weight, numeric: true },
    { role: 'age', column: m.age, numeric: true },
    { role: 'sex', column: m.sex.column, numeric: false },
  ];
  if (m.stratum) out.push({ role: 'stratum', column: m.stratum, numeric: false });
  if (m.psu) out.push({ role: 'psu', column: m.psu, numeric: false });
  if (m.fpc) out.push({ role: 'fpc', column: m.fpc, numeric: true });
  if (m.region) out.push({ role: 'region', column: m.region.column, numeric: false });
  if (m.area) out.push({ role: 'area', column: m.area.column, numeric: false });
  const sources: [string, ColumnSource | undefined, boolean][] = [
    ['econActivity', m.econActivity, false],
    ['econHours', m.econHours, true],
    ['absentFromJob', m.absentFromJob, false],
    ['choresHours', m.choresHours, true],
  ];
  for (const [name, src] of Object.entries(m.hazards ?? {})) sources.push([`hazards.${name}`, src, false]);
  for (const [role, src, numeric] of sources) {
    if (src) for (const column of src.columns) out.push({ role, column, numeric, source: src });
  }
  if (m.industry) out.push({ role: 'industry', column: m.industry.column, numeric: true });
  if (m.occupation) out.push({ role: 'occupation', column: m.occupation.column, numeric: true });
  for (const e of m.extras ?? []) out.push({ role: `extra ${e}`, column: e, numeric: false });
  return out;
}

/** Column of the prepared table that holds an extra breakdown variable. */
export const extraColumn = (i: number) => `x${i}`;
/** Column of the prepared table that holds a hazard flag. */
export const hazardColumn = (name: string) => ident(`hz_${name}`);

/** The SQL that builds the `survey` table from the raw table `src` (rowid = data row - 1). */
export function prepareSql(m: Mapping, src = 'src'): string {
  const cat = (c: string) => `NULLIF(trim(${ident(c)}), '')`;
  const nested = m.psuNestedInStrata ?? true;
  const h = m.stratum ? cat(m.stratum) : `'1'`;
  // A PSU is identified by (stratum, psu) when nested; with no PSU column every row is its own PSU.
  const psu = m.psu ? (nested ? `${h} || chr(31) || ${cat(m.psu)}` : cat(m.psu)) : `CAST(rowid AS VARCHAR)`;
  const cols: string[] = [
    'rowid + 1 AS _row',
    `TRY_CAST(trim(${ident(m.weight)}) AS DOUBLE) AS _w`,
    `${h} AS _h`,
    `${psu} AS _psu`,
    m.fpc ? `TRY_CAST(trim(${ident(m.fpc)}) AS DOUBLE) AS _fpc` : 'NULL::DOUBLE AS _fpc',
    `TRY_CAST(trim(${ident(m.age)}) AS DOUBLE) AS age`,
    `${cat(m.sex.column)} AS sex`,
    m.region ? `${cat(m.region.column)} AS region` : 'NULL::VARCHAR AS region',
    m.area ? `${cat(m.area.column)} AS area` : 'NULL::VARCHAR AS area',
    m.econActivity ? `${yesNoSql(m.econActivity)} AS econ_act` : 'NULL::BOOLEAN AS econ_act',
    m.econHours ? `${hoursSql(m.econHours)} AS econ_hours` : 'NULL::DOUBLE AS econ_hours',
    m.absentFromJob ? `${yesNoSql(m.absentFromJob)} AS absent` : 'NULL::BOOLEAN AS absent',
    m.choresHours ? `${hoursSql(m.choresHours)} AS chores_hours` : 'NULL::DOUBLE AS chores_hours',
    m.industry
      ? `TRY_CAST(trim(${ident(m.industry.column)}) AS INTEGER)${m.industry.level === 'class' ? ' // 100' : ''} AS industry`
      : 'NULL::INTEGER AS industry',
    m.occupation ? `TRY_CAST(trim(${ident(m.occupation.column)}) AS INTEGER) AS occupation` : 'NULL::INTEGER AS occupation',
  ];
  for (const [name, src] of Object.entries(m.hazards ?? {})) cols.push(`${yesNoSql(src)} AS ${hazardColumn(name)}`);
  (m.extras ?? []).forEach((e, i) => cols.push(`${cat(e)} AS ${extraColumn(i)}`));
  return `CREATE OR REPLACE TABLE survey AS SELECT ${cols.join(',\n  ')} FROM ${src}`;
}
