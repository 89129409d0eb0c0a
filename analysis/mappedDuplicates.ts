import { mappedColumns } from './mapping.js';
import { message, type Message } from './messages.js';
import type { Mapping } from './types.js';

/**
 * A role that reads a name the file gives two columns. A file read before its mapping is known (the
 * app's Data step) reads such columns apart, the later as <name>_2 (import/textFile.ts caseTwins,
 * DATA_COLUMN_DUPLICATE_RENAMED), so that columns no role reads do not stop it; once a role reads the
 * name, either column could be meant, and the run stops as the command line's import does, which
 * knows the mapping (DATA_COLUMN_DUPLICATE). From the import's notes.
 */
export function mappedDuplicates(m: Mapping, notes: readonly Message[], file: string): Message[] {
  const read = new Set(mappedColumns(m).map((rc) => rc.column));
  return notes
    .filter((n) => n.code === 'DATA_COLUMN_DUPLICATE_RENAMED' && read.has(String(n.params.column)))
    .map((n) => message('DATA_COLUMN_DUPLICATE', { file, column: n.params.column!, other: n.params.other!, first: n.params.otherAt!, second: n.params.at! }));
}
