import { message, type Message } from '../messages.js';
import type { JoinReport } from './joinFiles.js';

/**
 * Which file each joined column came from, so that a message about one says so. After a survey file
 * set is joined (joinFiles.ts), the raw table is the main file's rows with the joined files' columns
 * beside them, and the validation and the run name the main file, whose rows they count: "Column
 * "HL4" (sex) of fs.sav has code 3 at row 7" sent the user looking for HL4 in fs.sav. With the
 * column's own file the text reads "... of fs.sav (the column comes from hl.sav) ..." (fill.ts writes
 * `file` with `joinedFrom`); the row stays the main file's, which is the row the join gave the value to.
 */
export interface JoinedColumn {
  /** The column's name in the joined table (with the join's prefix, if any). */
  column: string;
  /** The file it was brought from, by name. */
  file: string;
}

/** The brought columns of a file set's joins, each with its file. */
export function joinedColumnsOf(joins: readonly JoinReport[]): JoinedColumn[] {
  return joins.flatMap((j) => j.columns.map((c) => ({ column: c.to, file: j.file })));
}

/** Messages about empty cells, which in a joined column are also the rows a join did not match. */
const EMPTY_CELLS = new Set(['WEIGHT_MISSING', 'WEIGHT_COLUMN_EMPTY', 'STRATUM_MISSING', 'PSU_MISSING']);

/**
 * The messages about the joined table, those naming a file and a joined column marked with the
 * column's file (`joinedFrom`); the others as they are. Messages of the import or of the joins
 * themselves name their own file and are not given here.
 */
export function markJoinedColumns(messages: Message[], joined: readonly JoinedColumn[] | undefined): Message[] {
  if (!joined?.length) return messages;
  const fileOf = new Map(joined.map((j) => [j.column, j.file]));
  return messages.map((m) => {
    const from = typeof m.params.column === 'string' ? fileOf.get(m.params.column) : undefined;
    if (!from || !('file' in m.params) || 'joinedFrom' in m.params) return m;
    // A weight, stratum or PSU missing in a joined column: perhaps a row the join did not match.
    return message(m.code, { ...m.params, joinedFrom: from, ...(EMPTY_CELLS.has(m.code) ? { joinedEmpty: 1 } : {}) });
  });
}
