import type { Line, TableModel } from '../../analysis/present/tableModel.js';

/** The lines of a table cut into sections: each group line starts one (a <tbody> with its heading). */
function sections(lines: Line[]): { head: Line | null; lines: Line[] }[] {
  const out: { head: Line | null; lines: Line[] }[] = [{ head: null, lines: [] }];
  for (const line of lines) {
    if (line.kind === 'group') out.push({ head: line, lines: [] });
    else out.at(-1)!.lines.push(line);
  }
  return out.filter((s) => s.head || s.lines.length);
}

/**
 * A table of the presentation layer (analysis/present: the standard tables, the sampling errors) as
 * the Results step shows it. Every text, number format, flag and note comes from the model, so the
 * screen shows what the workbook and the report show; this component only lays it out, with the
 * table semantics screen readers need (caption, column groups, row headers, row groups). The notes
 * that concern another medium (the source note names the workbook's Metadata sheet) stay out.
 */
export function TableView({ table }: { table: TableModel }) {
  const grouped = table.groups.some((g) => g.label !== '');
  const width = 1 + table.groups.reduce((s, g) => s + g.columns.length, 0);
  const columns = table.groups.flatMap((g) => g.columns.map((c) => ({ group: g.key, column: c })));
  const caption = `${table.id}-caption`;
  const row = (line: Line) => (
    <tr key={line.id} className={line.kind === 'total' ? 'total-row' : undefined}>
      <th scope="row" className="rowhead">{line.label}</th>
      {line.cells.map((c, i) => {
        const { group, column } = columns[i]!;
        const classes = ['num', `col-${column.key}`, ...(c.flag ? [`flag-${c.flag}`] : []), ...(c.strong ? ['strong'] : [])].join(' ');
        // The estimates, and the changes of a trend table, are found by tests by their line and column group.
        const testId = (column.key === 'estimate' || column.key === 'difference') && group ? `${column.key}-${line.id}-${group}` : undefined;
        return (
          <td key={`${group}-${column.key}`} className={classes} data-testid={testId}>
            {c.strong ? <strong>{c.text}</strong> : c.text}
          </td>
        );
      })}
    </tr>
  );
  return (
    <div className="table-block" data-table={table.id}>
      <div className="table-scroll results-scroll" tabIndex={0} role="region" aria-labelledby={caption}>
        <table className="report">
          <caption id={caption}>
            {table.title}
            <span className="sub">{table.subtitle}</span>
          </caption>
          <thead>
            <tr>
              <th rowSpan={grouped ? 2 : 1} scope="col" className="rowhead">{table.stub}</th>
              {grouped
                ? table.groups.map((g) => (
                  <th key={g.key} colSpan={g.columns.length} scope="colgroup" className={`group group-${g.key}`}>{g.label}</th>
                ))
                : columns.map(({ column }) => <th key={column.key} scope="col">{column.label}</th>)}
            </tr>
            {grouped && (
              <tr>
                {columns.map(({ group, column }) => (
                  <th key={`${group}-${column.key}`} scope="col">{column.label}</th>
                ))}
              </tr>
            )}
          </thead>
          {sections(table.lines).map((s, i) => (
            <tbody key={s.head?.id ?? `section-${i}`}>
              {s.head && (
                <tr className="section">
                  <th colSpan={width} scope="rowgroup">{s.head.label}</th>
                </tr>
              )}
              {s.lines.map(row)}
            </tbody>
          ))}
        </table>
      </div>
      <div className="footnotes">
        {table.footnotes.filter((n) => n.id !== 'source').map((n, i) => (
          <p key={`${n.id}-${i}`} className={`note-${n.id}`}>{n.text}</p>
        ))}
      </div>
    </div>
  );
}
