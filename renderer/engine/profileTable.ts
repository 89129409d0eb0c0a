import type { DataLabels, Engine } from '../../analysis/index.js';
import { columnCountsSql, type ColumnCounts } from '../../analysis/designCandidates.js';
import { naturalCompare } from '../model/naturalCompare.js';
import { MAX_CODES, type ColumnProfile, type TableProfile } from './protocol.js';

const PREVIEW_ROWS = 20;
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * What the Data and Map steps show about the loaded file (`src`, every column as text): each column's
 * type, blanks and distinct values (the codes, when few), and the first rows. Two scans whatever
 * the number of columns. `counts`, when given, receives each column's counts for the cluster
 * candidates (designCandidates.ts), computed in the same scan (their casts are shared; cells are stored trimmed, so nothing trims).
 */
export async function profileTable(
  engine: Engine, file: string, labels: DataLabels, counts?: Map<string, ColumnCounts>,
): Promise<Omit<TableProfile, 'format' | 'sha256' | 'psuCandidates'>> {
  const names = (await engine.query('SELECT column_name FROM (DESCRIBE src)')).map((r) => String(r.column_name));
  // Per column, in one scan: non-blank values, distinct ones, numbers, whole numbers (the cluster
  // candidates' counts, designCandidates.ts). Cells are stored trimmed (import/trimSpaces.ts), so a
  // blank cell is NULL or ''; a cast ignores surrounding spaces.
  const [s] = await engine.query(`SELECT count(*) AS n, ${names.map((n, i) => columnCountsSql(n, `c${i}_`)).join(', ')} FROM src`);
  const rows = Number(s!.n);
  names.forEach((n, i) => counts?.set(n, { rows: Number(s![`c${i}_n`]), distinct: Number(s![`c${i}_d`]), nonInteger: Number(s![`c${i}_f`]) }));
  const columns: ColumnProfile[] = names.map((name, i) => {
    const distinct = Number(s![`c${i}_d`]);
    const present = Number(s![`c${i}_n`]);
    const blanks = rows - present;
    const type = blanks === rows ? 'empty' : present - Number(s![`c${i}_x`]) > 0 ? 'text' : 'number';
    const c: ColumnProfile = { name, type, distinct, blank: blanks, codes: [] };
    if (labels.variables[name]) c.label = labels.variables[name];
    if (labels.values[name]) c.valueLabels = labels.values[name];
    return c;
  });
  const coded = columns.map((c, i) => ({ c, i })).filter(({ c }) => c.distinct > 0 && c.distinct <= MAX_CODES);
  if (coded.length) {
    // The distinct non-blank values of every coded column in one scan: a grouping set per column, in
    // which the other columns are NULL (and the blank values' group is all NULL).
    const keys = coded.map(({ c }, j) => `NULLIF(${quote(c.name)}, '') AS k${j}`);
    const found = await engine.query(`SELECT ${coded.map((_, j) => `k${j}`).join(', ')} FROM (SELECT ${keys.join(', ')} FROM src) GROUP BY GROUPING SETS (${coded.map((_, j) => `(k${j})`).join(', ')})`);
    for (const r of found) {
      coded.forEach(({ c }, j) => {
        if (r[`k${j}`] !== null && r[`k${j}`] !== undefined) c.codes.push(String(r[`k${j}`]));
      });
    }
    for (const { c } of coded) c.codes.sort(naturalCompare);
  }
  const preview = await engine.query(`SELECT * FROM src LIMIT ${PREVIEW_ROWS}`);
  return { file, rows, columns, preview, labels };
}
