import type { AnalysisSession, BaseColumns } from './analysisSession.js';
import { ageAtoms } from './domainSums.js';
import type { Engine } from './engine/engine.js';
import { extraColumn } from './mapping.js';
import { permute } from './permute.js';
import { sharedTerms } from './sharedTerms.js';
import type { AgeGroup, Mapping } from './types.js';

/** The rows of `classified` in the design's order: by PSU id, then by row of the file. */
export const DESIGN_ORDER = 'ORDER BY _psu, _row';

/** The design's typed columns: weight, stratum and PSU ids, and the cell code of every dimension. */
export async function baseColumns(engine: Engine, m: Mapping, ageGroups: AgeGroup[]): Promise<BaseColumns> {
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
  // In the design's order, asked of DuckDB (DESIGN_ORDER): rows by PSU, then by their row in the file
  // within a PSU, so that every pass reads the columns front to back and the sums run in the same
  // order on every run (a query's own row order is not: DuckDB scans row groups in parallel). PSU ids
  // follow (stratum, PSU), and the stratum of a row is its PSU's.
  const cols = await engine.columns(
    `SELECT _row::INTEGER AS o, _w::DOUBLE AS w, _psu::INTEGER AS p,
       (_c_sex + 1 + 3 * ((${atom}) + 1 + ${A} * (_c_area + 1 + 3 * (_c_region + 1))))::INTEGER AS c
       ${extras.map((c, i) => `, _c_${c}::INTEGER AS x${i}`).join('')}
     FROM classified ${DESIGN_ORDER}`,
  );
  const order = cols.o as Int32Array;
  const psu = cols.p as Int32Array;
  const ids = await engine.columns('SELECT _pid::INTEGER AS p, _hid::INTEGER AS h FROM _ids WHERE _pid IS NOT NULL AND _hid IS NOT NULL');
  const stratumOf = new Int32Array(psu.length ? psu[psu.length - 1]! + 1 : 0);
  (ids.p as Int32Array).forEach((p, i) => {
    if (p < stratumOf.length) stratumOf[p] = (ids.h as Int32Array)[i]!;
  });
  const stratum = psu.map((p) => stratumOf[p]!);
  const packed = cols.c as Int32Array;
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
    w: cols.w as Float64Array,
    stratum,
    psu,
    codes: [...codes, ...extras.map((_, i) => cols[`x${i}`] as Int32Array)],
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
export function designOrder(rowids: Int32Array, order: Int32Array): Int32Array {
  let max = 0;
  for (let i = 0; i < rowids.length; i++) if (rowids[i]! > max) max = rowids[i]!;
  const at = new Int32Array(max + 1);
  for (let i = 0; i < rowids.length; i++) at[rowids[i]!] = i;
  return permute(at, order);
}

/** The classification expressions `missing` evaluated in SQL over `classified`, into session.y in the design's order. */
export async function classifySql(engine: Engine, missing: string[], base: BaseColumns, session: AnalysisSession): Promise<void> {
  // Fifteen indicators travel in one INTEGER (1/0/unknown as 2/1/0, two bits each): a column read
  // costs a pass over the result, whatever its width.
  const code = (v: string) => `(COALESCE(CAST((${v}) AS INTEGER), -1) + 1)`;
  const words = Array.from({ length: Math.ceil(missing.length / 15) }, (_, j) => missing.slice(15 * j, 15 * j + 15));
  // The parts the expressions share (the scope, "employed", the hazard list) computed once (sharedTerms.ts).
  const shared = sharedTerms(words.map((list) => `(${list.map((v, i) => `${code(v)} * ${4 ** i}`).join(' + ')})::INTEGER`), '_term');
  // In the design's order, as the base columns (a sort in DuckDB costs less than putting the rows in
  // order here: 0.2 s against 6 s at 20M children).
  const cols = await engine.columns(
    `SELECT ${shared.exprs.map((e, j) => `${e} AS y${j}`).join(', ')}
     FROM (SELECT *${shared.terms.map((t, k) => `, ${t} AS _term${k}`).join('')} FROM classified) ${DESIGN_ORDER}`,
  );
  words.forEach((list, j) => {
    const word = cols[`y${j}`] as Int32Array;
    list.forEach((v, i) => {
      const y = new Int8Array(word.length);
      for (let r = 0; r < word.length; r++) y[r] = ((word[r]! >> (2 * i)) & 3) - 1;
      session.y.set(v, y);
    });
  });
}
