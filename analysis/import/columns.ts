/**
 * What every file reader produces: a columnar table decoded straight into typed arrays, with the
 * metadata statistical files carry (variable labels, value labels, user-missing codes). Readers never
 * build one JavaScript object per row; the engine loads these columns (through Arrow in the app).
 */
export interface NumericColumn {
  kind: 'number';
  name: string;
  /** Variable label ("Sex of household member"), if the file has one. */
  label?: string;
  values: Float64Array;
  /** 1 where the value is present, 0 where it is missing (system-missing, user-missing or extended missing). */
  valid: Uint8Array;
  /** Value labels: code -> label ("1" -> "Male"). Codes are written as the number's shortest string. */
  valueLabels?: Record<string, string>;
  /**
   * Where a missing value came from, per row, for the rows made missing by a user-missing code or an
   * extended missing value (Stata .a-.z): the original code ("97", ".a"). Absent rows: system-missing.
   */
  missingCodes?: Map<number, string>;
  /** The user-missing declaration of the file (SPSS discrete values and ranges), for the report. */
  userMissing?: { values?: number[]; range?: [number, number] };
}

export interface StringColumn {
  kind: 'string';
  name: string;
  label?: string;
  values: string[];
  valid: Uint8Array;
  valueLabels?: Record<string, string>;
  /** Rows whose value is a declared missing string (SPSS missing strings): row -> the code. */
  missingCodes?: Map<number, string>;
  /** Spreadsheets: every present cell was a number cell (the text is the number's shortest form). */
  numeric?: boolean;
}

export type Column = NumericColumn | StringColumn;

export interface DecodedTable {
  /** The file's own name, for messages. */
  file: string;
  format: 'sav' | 'zsav' | 'dta' | 'csv' | 'parquet' | 'xlsx';
  /** File-level label (SPSS file label, Stata dataset label). */
  label?: string;
  rows: number;
  columns: Column[];
  /** Text encoding the strings were decoded from. */
  encoding?: string;
  /** Spreadsheets: the sheet read, and the cells holding an Excel error (#N/A, #DIV/0!), kept as declared missing codes (`missingCodes`). */
  sheet?: string;
  /** Spreadsheets: every sheet of the workbook, in order (the app offers to read another). */
  sheets?: string[];
  /** Spreadsheets: the names of the sheets Excel hides (state hidden or veryHidden). */
  hiddenSheets?: string[];
  errorCells?: { count: number; first: string };
  /** Spreadsheets: formula cells without a calculated result, declared missing as error cells are (code #UNCALCULATED). */
  formulaCells?: { count: number; first: string };
  /** Spreadsheets: title rows skipped above the header (readXlsx.ts `titleRowCount`): how many, their text (clipped), the header's row number. */
  titleRows?: { count: number; text: string; headerRow: number };
  /** Merged ranges in the data rows whose value was given to every cell they cover (readXlsx.ts fillMerged). */
  mergedCells?: { count: number; first: string };
  /** Spreadsheets: number cells shown as a time ([h]:mm), read as hours (xlsxTimes.ts): how many, the first, their columns. */
  timeCells?: { count: number; first: string; columns: string[]; wholeDays: number; firstWhole: string };
  /** SPSS: numeric columns of a duration format (TIME, DTIME, MTIME), whose values are seconds, named with it. */
  timeColumns?: string[];
}
