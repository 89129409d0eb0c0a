import type { Flag } from '../smallCell.js';

/**
 * The shape of every table the app and its exports show (the standard tables and the sampling-errors
 * table): what each medium needs to draw it, with the text of every cell already written. A medium
 * only lays it out: the screen as a React table, the report as HTML, the workbook as cells (which
 * stores `numbers` as numbers, with a display format from `kind` and `flag`).
 *
 *   title, subtitle
 *   stub | group 1 (colspan)            | group 2 ...        <- groups (label '' for a one-row header)
 *        | column | column | ...        | ...                <- columns
 *   line: label | cell | cell | ...                          <- lines (total, group heading, value)
 *   footnotes
 */

/** How a cell's numbers are written and stored. */
export type NumberKind =
  | 'percent' // a proportion x 100, one decimal
  | 'interval' // two percentages, lower and upper
  | 'points' // a standard error in percentage points, two decimals
  | 'gap' // a signed difference in percentage points, one decimal
  | 'gapInterval' // two signed differences in percentage points, lower and upper (a change's interval)
  | 'mark' // a text mark without a number (the significance mark of a change)
  | 'p' // a p-value, three decimals
  | 'ratio' // a coefficient of variation, three decimals
  | 'deff' // a design effect or its square root, two decimals
  | 'count'; // a whole number

export interface Column {
  key: string;
  label: string;
  kind: NumberKind;
  /** Headers of the two numbers of an interval, where a medium gives each its own column (the workbook). */
  parts?: [string, string];
}

export interface ColumnGroup {
  /** 'male', 'female', 'total', 'gap'; '' for a table without grouped columns. */
  key: string;
  label: string;
  columns: Column[];
}

export interface Cell {
  /** The text every text medium shows: "18.5", "(18.5)", "*", "–", "13.2–16.0". */
  text: string;
  /** The numbers behind the text in display units (percent, points, counts); [] when none is shown. */
  numbers: number[];
  flag: Flag | null;
  /** Set in bold (a gap significant at the table's level). */
  strong?: boolean;
}

export interface Line {
  kind: 'total' | 'group' | 'value';
  /** Stable id of the line within the table: "total-all", "region-3". */
  id: string;
  label: string;
  /** Cells in the order of the columns of every group, left to right; none on a group line. */
  cells: Cell[];
}

export interface Footnote {
  /** What the note is about (a medium may leave out notes that concern another medium: `source`). */
  id: string;
  text: string;
}

export interface TableModel {
  id: string;
  title: string;
  subtitle: string;
  /** Header of the first column. */
  stub: string;
  groups: ColumnGroup[];
  lines: Line[];
  footnotes: Footnote[];
}

/** The columns of a table, left to right. */
export const columnsOf = (t: TableModel): Column[] => t.groups.flatMap((g) => g.columns);
