import type { ColumnProfile } from '../../engine/protocol.js';

/** A select's options for the file's columns: each column's name, then its variable label when it has one. */
export function LabelledOptions({ columns }: { columns: ColumnProfile[] }) {
  return (
    <>
      {columns.map((c) => (
        <option key={c.name} value={c.name}>
          {c.name}
          {c.label ? ` — ${c.label}` : ''}
        </option>
      ))}
    </>
  );
}
