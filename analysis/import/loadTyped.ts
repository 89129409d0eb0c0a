import { tableFromIPC } from 'apache-arrow';
import { checkSize } from './sizeGuard.js';
import type { ColumnData, Engine } from '../engine/engine.js';
import { ident } from '../engine/values.js';
import { AnalysisError, message } from '../messages.js';
import type { DecodedTable } from './columns.js';
import { restoreDeclaredMissing } from './declaredMissing.js';
import { keptColumns } from './keptColumns.js';
import { labelsOf } from './labels.js';
import { emptyError, type ImportedColumn, type ImportProgress, type ImportResult, type ImportSource } from './load.js';
import { engineError, firstLine } from './loadErrors.js';
import { parquetToArrowIPC } from './parquet.js';
import { readNames } from './readNames.js';
import { duplicateName } from './textFile.js';

const NUMERIC_TYPES = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|REAL|DECIMAL.*)$/i;

/**
 * The SQL that turns a typed column into text as a CSV would write it. Doubles: whole numbers below
 * 10^15 through BIGINT ("1", not DuckDB's "1.0"), NaN as the text "NaN" (as a CSV writes it, so that
 * the same checks stop the run: VALUE_NOT_FINITE, WEIGHT_NOT_FINITE; read as a blank it was silently
 * "not asked", 0 hours under blank = zero), others in DuckDB's shortest
 * round-trip form; every other type through DuckDB's own cast. A 4-byte float is first widened to
 * the double it holds exactly: R (haven, arrow), Stata and DuckDB compute with that value (309.09515
 * stored as a float is 309.09515380859375), where the float's own shortest text, "309.09515", would
 * be another number (estimates 1e-8 away from R's on a float weight).
 */
export function textSql(column: string, type: string, as = column): string {
  const c = ident(column);
  const t = type.toUpperCase();
  if (t === 'VARCHAR') return as === column ? c : `${c} AS ${ident(as)}`;
  if (t === 'DOUBLE' || t === 'FLOAT' || t === 'REAL') {
    const x = t === 'DOUBLE' ? c : `CAST(${c} AS DOUBLE)`;
    return `(CASE WHEN isnan(${x}) THEN 'NaN' WHEN ${x} = trunc(${x}) AND abs(${x}) < 1e15 THEN CAST(CAST(${x} AS BIGINT) AS VARCHAR) ELSE CAST(${x} AS VARCHAR) END) AS ${ident(as)}`;
  }
  return `CAST(${c} AS VARCHAR) AS ${ident(as)}`;
}

/** Whole numbers in int32 range, copied to an Int32Array (cheaper to load and to turn into text); else undefined. */
function asInt32(values: Float64Array, valid: Uint8Array): Int32Array | undefined {
  const out = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    if (!valid[i]) continue;
    const x = values[i]!;
    if ((x | 0) !== x) return undefined;
    out[i] = x;
  }
  return out;
}

export async function loadDecoded(
  engine: Engine, t: DecodedTable, table: string, result: ImportResult, progress: ImportProgress | undefined, lap: (s: string) => void,
  columns?: readonly string[], mapped: readonly string[] = columns ?? [],
): Promise<string[]> {
  const file = result.file;
  if (t.columns.length === 0) throw emptyError(file, t.sheet);
  const dup = duplicateName(t.columns.map((c) => c.name), false, mapped);
  if (dup) throw new AnalysisError('DATA_COLUMN_DUPLICATE', { file, column: dup.name, other: dup.other, first: dup.first, second: dup.second });
  const read = readNames(file, t.columns.map((c) => c.name), mapped);
  if (read.messages.length) t = { ...t, columns: t.columns.map((c, i) => ({ ...c, name: read.names[i]! })) };
  result.messages.push(...read.messages);
  const kept = keptColumns(t.columns.map((c) => c.name), columns);
  const stored = kept.size === t.columns.length ? t : { ...t, columns: t.columns.filter((c) => kept.has(c.name)) };
  const data: ColumnData[] = stored.columns.map((c) => {
    if (c.kind === 'string') return { name: c.name, type: 'varchar', values: c.values, valid: c.valid };
    const ints = asInt32(c.values, c.valid);
    return ints ? { name: c.name, type: 'int32', values: ints, valid: c.valid } : { name: c.name, type: 'double', values: c.values, valid: c.valid };
  });
  const staging = `_import_${table}`;
  try {
    progress?.('load', 0, t.rows);
    await engine.insertColumns(staging, data, t.rows, (done) => progress?.('load', done, t.rows));
    lap('load');
    progress?.('convert', 0, 1);
    const sqlType = (d: ColumnData) => (d.type === 'varchar' ? 'VARCHAR' : d.type === 'int32' ? 'INTEGER' : 'DOUBLE');
    await engine.run(`CREATE OR REPLACE TABLE ${ident(table)} AS SELECT ${data.map((d) => textSql(d.name, sqlType(d))).join(', ')} FROM ${ident(staging)}`);
    await engine.run(`DROP TABLE IF EXISTS ${ident(staging)}`);
    await restoreDeclaredMissing(engine, stored, table);
    lap('convert');
  } catch (e) {
    throw engineError(e, file);
  }
  result.labels = labelsOf(t);
  result.encoding = t.encoding;
  if (t.sheet !== undefined) result.sheet = t.sheet;
  if (t.sheets !== undefined) result.sheets = t.sheets;
  if (t.hiddenSheets?.length) result.hiddenSheets = t.hiddenSheets;
  result.columns = t.columns.map((c) => {
    const present = c.valid.some((v) => v === 1);
    const col: ImportedColumn = { name: c.name, type: !present ? 'empty' : c.kind === 'number' || c.numeric ? 'number' : 'text' };
    if (c.label) col.label = c.label;
    if (c.valueLabels && Object.keys(c.valueLabels).length) col.valueLabels = c.valueLabels;
    return col;
  });
  if (t.formulaCells) {
    result.messages.push(message('DATA_XLSX_FORMULA_UNCALCULATED', { file, sheet: t.sheet ?? '', count: t.formulaCells.count, cell: t.formulaCells.first }));
  }
  if (t.errorCells) {
    // The columns holding them: a spreadsheet's only declared codes are its error cells (readXlsx.ts).
    const hit = t.columns.filter((c) => c.missingCodes?.size).map((c) => c.name);
    result.messages.push(message('DATA_XLSX_ERROR_CELLS', {
      file, sheet: t.sheet ?? '', count: t.errorCells.count, cell: t.errorCells.first,
      columns: hit.length > 6 ? `${hit.slice(0, 6).join(', ')}, ...` : hit.join(', '), columnCount: hit.length,
    }));
  }
  if (t.timeColumns) result.messages.push(message('DATA_SAV_TIME_SECONDS', { file, columns: t.timeColumns.join(', ') }));
  if (t.timeCells) {
    const { count, first, columns, wholeDays, firstWhole } = t.timeCells;
    result.messages.push(message('DATA_XLSX_TIME_AS_HOURS', { file, sheet: t.sheet ?? '', count, cell: first, columns: columns.map((c) => `"${c}"`).join(', ') }));
    if (wholeDays) result.messages.push(message('DATA_XLSX_TIME_WHOLE_DAYS', { file, sheet: t.sheet ?? '', count: wholeDays, cell: firstWhole }));
  }
  if (t.mergedCells) {
    result.messages.push(message('DATA_XLSX_MERGED_FILLED', { file, sheet: t.sheet ?? '', count: t.mergedCells.count, range: t.mergedCells.first }));
  }
  if (t.titleRows) {
    const { count, text: title, headerRow: row } = t.titleRows;
    result.messages.push(message('DATA_XLSX_TITLE_SKIPPED', { file, sheet: t.sheet ?? '', count, title, row, first: row + 1 }));
  }
  return data.filter((d) => d.type === 'varchar').map((d) => d.name);
}

export async function loadParquet(
  engine: Engine, source: ImportSource, result: ImportResult, lap: (s: string) => void, maxCells?: number, columns?: readonly string[],
  mapped: readonly string[] = columns ?? [],
): Promise<string[]> {
  const { file, table } = result;
  const staging = `_import_${table}`;
  let from: string;
  /** The file's own column names: read from the Arrow stream (the app), or from the file (ref, natively). */
  let arrowNames: string[] | undefined;
  let ref: string | undefined;
  if (engine.readsParquet) {
    ref = source.path ? await engine.registerFile('data.parquet', { path: source.path }) : await engine.registerFile('data.parquet', { bytes: await source.bytes() });
    from = `read_parquet(${ref})`;
  } else {
    if (!engine.insertArrowIPC) throw new AnalysisError('DATA_PARQUET_UNREADABLE', { file, detail: 'this engine cannot load Arrow data' });
    const bytes = await source.bytes();
    lap('read');
    const ipc = await parquetToArrowIPC(bytes, file);
    lap('decode');
    // Reading the Arrow stream's batches does not copy their data. Read before the stream goes to the
    // engine: the app's worker takes its buffer (detached here).
    const t = tableFromIPC(ipc);
    if (maxCells !== undefined) checkSize(file, { rows: t.numRows, columns: t.numCols }, maxCells);
    arrowNames = t.schema.fields.map((f) => f.name);
    try {
      await engine.insertArrowIPC(staging, ipc);
    } catch (e) {
      throw new AnalysisError('DATA_PARQUET_UNREADABLE', { file, detail: firstLine(e) });
    }
    lap('load');
    from = ident(staging);
  }
  let described;
  try {
    described = await engine.query(`SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM ${from})`);
  } catch (e) {
    const detail = firstLine(e);
    if (/disabled by configuration|Permission Error/i.test(detail)) throw new AnalysisError('NETWORK_BLOCKED', { detail });
    throw new AnalysisError('DATA_PARQUET_UNREADABLE', { file, detail: detail.replace(/^[A-Za-z ]*Error: /, '') });
  }
  const cols = described.map((r) => ({ name: String(r.column_name), type: String(r.column_type) }));
  // DuckDB reads names that differ only in capitals (CB3, cb3) under names of its own (CB3_1): the
  // file's own names, from its schema, are read as a CSV's are (twins apart, the mapped one keeping
  // its name), so that a role finds its column (a probe: "fsweight" was "not in the file" and its
  // advice named the twin, a weight of 1).
  const own = arrowNames ?? (ref ? await parquetNames(engine, ref) : []);
  const names = own.length === cols.length ? own : cols.map((c) => c.name);
  const dup = duplicateName(names, false, mapped);
  if (dup) throw new AnalysisError('DATA_COLUMN_DUPLICATE', { file, column: dup.name, other: dup.other, first: dup.first, second: dup.second });
  const read = readNames(file, names, mapped);
  result.messages.push(...read.messages);
  const kept = keptColumns(read.names, columns);
  const stored = cols.flatMap((c, i) => (kept.has(read.names[i]!) ? [{ ...c, as: read.names[i]! }] : []));
  try {
    await engine.run(`CREATE OR REPLACE TABLE ${ident(table)} AS SELECT ${stored.map((c) => textSql(c.name, c.type, c.as)).join(', ')} FROM ${from}`);
    if (!engine.readsParquet) await engine.run(`DROP TABLE IF EXISTS ${ident(staging)}`);
  } catch (e) {
    throw new AnalysisError('DATA_PARQUET_UNREADABLE', { file, detail: firstLine(e).replace(/^[A-Za-z ]*Error: /, '') });
  }
  lap('convert');
  result.columns = cols.map((c, i) => ({ name: read.names[i]!, type: NUMERIC_TYPES.test(c.type) ? 'number' : 'text' }));
  return stored.filter((c) => c.type.toUpperCase() === 'VARCHAR').map((c) => c.as);
}

/**
 * A Parquet file's top-level column names as the file writes them, from DuckDB's parquet_schema (the
 * root, then each column with its nested fields after it); `ref` as registerFile named the file.
 */
async function parquetNames(engine: Engine, ref: string): Promise<string[]> {
  const rows = (await engine.query(`SELECT name, num_children FROM parquet_schema(${ref})`)).map((r) => ({ name: String(r.name), children: Number(r.num_children ?? 0) }));
  const names: string[] = [];
  // Past a column and every field nested in it.
  const past = (i: number): number => {
    let j = i + 1;
    for (let k = 0; k < rows[i]!.children; k++) j = past(j);
    return j;
  };
  for (let i = 1; i < rows.length; i = past(i)) names.push(rows[i]!.name);
  return names;
}
