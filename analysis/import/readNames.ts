import { message, type Message } from '../messages.js';
import { caseTwins, renamedMessage } from './textFile.js';

/**
 * Names the engine keeps for itself. DuckDB reads `rowid` (any capitals) as a table's row number, a
 * pseudo-column that a column of that name hides: every query that names a row (the row numbers of
 * the messages, the trailing notes, the joins, the design pass) then reads the file's column, and the
 * app stopped with ENGINE_FAILED on a database or SQLite export carrying one (a probe).
 */
const RESERVED = new Set(['rowid']);

/**
 * The names a file's columns are read under, and the notes that say which differ from the file's:
 * names that differ only in capitals read apart (caseTwins), then a reserved name read as `<name>_2`
 * (`_3`, ...), the first name no column has.
 */
export function readNames(file: string, names: readonly string[], mapped: readonly string[]): { names: string[]; messages: Message[] } {
  const paired = caseTwins(names, mapped);
  const messages = paired.renamed.map((r) => renamedMessage(file, r));
  const out = paired.names;
  const taken = new Set(out.map((n) => n.toLowerCase()));
  out.forEach((n, i) => {
    if (!RESERVED.has(n.toLowerCase())) return;
    let k = 2;
    while (taken.has(`${n}_${k}`.toLowerCase())) k++;
    out[i] = `${n}_${k}`;
    taken.add(out[i]!.toLowerCase());
    messages.push(message('DATA_COLUMN_RESERVED_RENAMED', { file, column: n, renamed: out[i]!, at: i + 1 }));
  });
  return { names: out, messages };
}
