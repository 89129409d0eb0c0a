import type { DataLabels, Engine } from '../../analysis/index.js';
import { columnCounts, type ColumnCounts } from '../../analysis/columnCounts.js';
import { LISTED_VALUES } from '../../analysis/oneColumnCounts.js';
import { naturalCompare } from '../model/naturalCompare.js';
import { MAX_CODES, type ColumnProfile, type TableProfile } from './protocol.js';

const PREVIEW_ROWS = 20;

/**
 * What the Data and Map steps show about the loaded file (`src`, every column as text): each column's
 * type, blanks and distinct values (the codes, when few), and the first rows. `counts`, when given,
 * receives each column's counts for the cluster candidates (designCandidates.ts) and the listed cells
 * for the validation (oneColumnCounts.ts), from the same scan.
 */
export async function profileTable(
  engine: Engine, file: string, labels: DataLabels, counts?: Map<string, ColumnCounts>,
): Promise<Omit<TableProfile, 'format' | 'sha256' | 'psuCandidates'>> {
  const names = (await engine.query('SELECT column_name FROM (DESCRIBE src)')).map((r) => String(r.column_name));
  // Per column, in one scan (columnCounts.ts): non-blank values, distinct ones, numbers, whole
  // numbers (the cluster candidates' counts too), and the codes of a column with few values.
  // The cells of columns with few, with their counts: the validation's one-column conditions are
  // counted over them (oneColumnCounts.ts), from this same scan.
  const { rows, counts: found } = await columnCounts(engine, 'src', names, MAX_CODES, LISTED_VALUES);
  const columns: ColumnProfile[] = names.map((name) => {
    const s = found.get(name)!;
    counts?.set(name, s);
    const blanks = rows - s.rows;
    const type = blanks === rows ? 'empty' : s.rows - s.numbers > 0 ? 'text' : 'number';
    const c: ColumnProfile = { name, type, distinct: s.distinct, blank: blanks, codes: [...s.codes].sort(naturalCompare) };
    // Numbers with a fraction: the cells not whole less those that are text.
    const fractional = s.nonInteger - (s.rows - s.numbers);
    if (fractional > 0) c.fractional = fractional / s.rows;
    const words = type === 'text' ? s.values?.filter((x) => x.v !== null && x.v.trim() !== '' && !Number.isFinite(Number(x.v))).map((x) => x.v!) : undefined;
    if (words?.length && words.length <= MAX_CODES) c.words = words.sort(naturalCompare);
    if (labels.variables[name]) c.label = labels.variables[name];
    if (labels.values[name]) c.valueLabels = labels.values[name];
    return c;
  });
  const preview = await engine.query(`SELECT * FROM src LIMIT ${PREVIEW_ROWS}`);
  return { file, rows, columns, preview, labels };
}
