/**
 * Every user-facing message of the statistical core, in one catalogue. Each has a stable code (tests
 * assert codes, never wording), a severity, the text and what to do about it. Placeholders in {braces}
 * are filled from the message's parameters. The app translates by code; English is the source.
 */
export type Severity = 'error' | 'warning' | 'info';

interface Entry {
  severity: Severity;
  text: string;
  action: string;
}

export const MESSAGES = {
  // --- analysis file ---------------------------------------------------------------------------
  ANALYSIS_FILE_UNREADABLE: {
    severity: 'error',
    text: 'The analysis file {file} could not be read: {detail}.',
    action: 'Check the path and that the file is JSON saved by this app or written after docs/analysis-file.md.',
  },
  ANALYSIS_FILE_IS_FOLDER: {
    severity: 'error',
    text: 'The analysis file {file} is a folder, not a file.',
    action: 'Give the path of the analysis file itself (a .clstats or .json file inside that folder, for example).',
  },
  ANALYSIS_FILE_NOT_REGULAR: {
    severity: 'error',
    text: 'The analysis file {file} is not a regular file (it is a named pipe, a device or a socket), so it was not read.',
    action: 'Save the analysis to an ordinary file (Define step of the app, or a text editor) and give that file\'s path.',
  },
  ANALYSIS_FILE_INVALID: {
    severity: 'error',
    text: 'The analysis file {file} is not valid at {path}: {detail}.',
    action: 'Correct that entry; docs/analysis-file.md lists every field and its allowed values.',
  },
  FRAMEWORK_UNKNOWN_PRESET: {
    severity: 'error',
    text: 'There is no framework preset "{preset}".',
    action: 'Use one of: {known}.',
  },
  FRAMEWORK_INVALID: {
    severity: 'error',
    text: 'Framework "{framework}" is not valid: {detail}.',
    action: 'Correct the framework definition (age bands from low to high, thresholds as numbers).',
  },
  FRAMEWORK_NEEDS_ROLE: {
    severity: 'error',
    text: 'Framework "{framework}" needs the role "{role}", which is not mapped.',
    action: 'Map a column of the data file to "{role}", or choose a framework that does not use it.',
  },
  FRAMEWORK_UNKNOWN_CONDITION: {
    severity: 'error',
    text: 'Framework "{framework}" counts the hazardous condition "{condition}", which is not mapped.',
    action: 'Map it under mapping.hazards, or remove it from the framework\'s conditions.',
  },
  HAZARD_PART_UNMAPPED: {
    severity: 'warning',
    text: 'Hazardous work under "{framework}" leaves out {part}: the role is not mapped.',
    action: 'Map {part} if the survey asked about it; otherwise say in the report that hazardous work excludes it.',
  },
  DUPLICATE_FRAMEWORK_ID: {
    severity: 'error',
    text: 'Two frameworks have the id "{framework}".',
    action: 'Give the edited copy its own id.',
  },
  // --- data file and mapping -----------------------------------------------------------------------
  DATA_FILE_UNREADABLE: {
    severity: 'error',
    text: 'The data file {file} could not be read: {detail}.',
    action: 'Check that the file exists, is not open in another program, and is a CSV, Parquet, SPSS, Stata or Excel file.',
  },
  DATA_FILE_IS_FOLDER: {
    severity: 'error',
    text: 'The data file {file} is a folder, not a file.',
    action: 'Set data.path in the analysis file to the data file itself (CSV, Parquet, SPSS, Stata or Excel), not to its folder.',
  },
  DATA_FILE_NOT_REGULAR: {
    severity: 'error',
    text: 'The data file {file} is not a regular file (it is a named pipe, a device or a socket); reading it could wait forever, so it was not read.',
    action: 'Save the data to an ordinary file and set data.path in the analysis file to it.',
  },
  DATA_TOO_LARGE_FOR_APP: {
    severity: 'error',
    text: 'The data file {file} is too large for the app: about {rows} rows of {columns} columns, and the app holds at most about {limit} rows of that width in its 4 GB of WebAssembly memory. It was not loaded.',
    action: 'Use the command line, which has no such limit and gives the same numbers: save the analysis file (Define step), then run  clstats run ANALYSIS.clstats  (see the README, "Command line").',
  },
  DATA_FILE_EMPTY: {
    severity: 'error',
    text: 'The data file {file} has no data rows.',
    action: 'Check that you chose the right file and that it has a header row followed by data.',
  },
  DATA_FORMAT_UNKNOWN: {
    severity: 'error',
    text: 'The data file {file} is not in a format this app reads: {detail}.',
    action: 'Save it as CSV, TSV, Parquet, SPSS (.sav, .zsav), Stata (.dta) or Excel (.xlsx) and open that file.',
  },
  DATA_NOT_TEXT: {
    severity: 'error',
    text: 'The data file {file} does not look like a text (CSV) file: {detail}.',
    action: 'Check that you chose the right file; if it is a spreadsheet or a statistics file, save it as CSV or open it in its own format.',
  },
  DATA_ENCODING_GUESSED: {
    severity: 'info',
    text: 'The data file {file} is not UTF-8; it was read as {encoding} (first non-UTF-8 byte on line {line}).',
    action: 'Check that accented names ({sample}) read correctly; otherwise set data.encoding.',
  },
  DATA_ENCODING_MIXED: {
    severity: 'error',
    text: 'The data file {file} mixes two text encodings: UTF-8 text (first on line {utf8Line}) and bytes that are not UTF-8 (first on line {line}), so some names would read wrongly.',
    action: 'Save the file again as UTF-8 from the program that made it, or set data.encoding ("utf-8" or "windows-1252") to read it one way anyway.',
  },
  DATA_ENCODING_INVALID: {
    severity: 'error',
    text: 'The data file {file} is not valid {encoding} (first on line {line}), but data.encoding says it is.',
    action: 'Remove data.encoding so the encoding is detected, or set the right one ("windows-1252" for most older Windows files).',
  },
  DATA_CSV_MALFORMED: {
    severity: 'error',
    text: 'The data file {file} is not a well-formed {kind} file at line {line}: {detail}.',
    action: 'Check that line (a missing or extra delimiter, or an unclosed quote), or set data.delimiter if the file uses another delimiter.',
  },
  DATA_LINE_TOO_LONG: {
    severity: 'error',
    text: 'Line {line} of the data file {file} is {bytes} bytes long, more than the {limit} bytes a line of survey data can have: one of its fields holds something that is not a survey answer (a pasted document or a broken export).',
    action: 'Open the file in a text editor or spreadsheet, correct or remove that line, and save it again.',
  },
  DATA_DELIMITER_SUSPECT: {
    severity: 'error',
    text: 'The data file {file} read with the delimiter {delimiter} has a single column ("{column}"), which contains {suspect}.',
    action: 'Set data.delimiter to {suspect}, or remove data.delimiter so it is detected.',
  },
  DATA_COLUMN_DUPLICATE: {
    severity: 'error',
    text: 'The data file {file} has two columns named "{column}" (columns {first} and {second}).',
    action: 'Rename one of them in the file, so every role reads the column you mean.',
  },
  DATA_SAV_UNREADABLE: {
    severity: 'error',
    text: 'The SPSS file {file} could not be read: {detail}.',
    action: 'Check that the file is complete (copy it again) and opens in SPSS or PSPP; save it again from there if needed.',
  },
  DATA_DTA_UNREADABLE: {
    severity: 'error',
    text: 'The Stata file {file} could not be read: {detail}.',
    action: 'Check that the file is complete (copy it again) and opens in Stata; save it again from there if needed.',
  },
  DATA_DTA_VERSION: {
    severity: 'error',
    text: 'The Stata file {file} is in a format version this app does not read: {detail}.',
    action: 'Save it from Stata with "saveold" (formats 114 to 119, Stata 10 to 18), or export it as CSV.',
  },
  DATA_PARQUET_UNREADABLE: {
    severity: 'error',
    text: 'The Parquet file {file} could not be read: {detail}.',
    action: 'Check that the file is complete (copy it again); write it again from the program that made it if needed.',
  },
  DATA_XLSX_UNREADABLE: {
    severity: 'error',
    text: 'The Excel file {file} could not be read: {detail}.',
    action: 'Open it in Excel or LibreOffice and save it again as .xlsx, or save the sheet as CSV.',
  },
  DATA_XLSX_SHEET_UNKNOWN: {
    severity: 'error',
    text: 'The Excel file {file} has no sheet {sheet}.',
    action: 'Choose one of its sheets: {sheets}.',
  },
  DATA_XLSX_ERROR_CELLS: {
    severity: 'warning',
    text: 'Sheet "{sheet}" of {file} has {count} cells holding an Excel error such as #N/A or #DIV/0! (first in cell {cell}); they are read as empty.',
    action: 'Correct the formulas in the workbook if those cells matter.',
  },
  DATA_USER_MISSING: {
    severity: 'info',
    text: 'Column "{column}" ({role}) of {file}: {count} cells hold codes the file declares missing ({codes}); they are read as missing.',
    action: 'Nothing to do if those codes mean "don\'t know", "refused" or "not asked".',
  },
  MAP_UNKNOWN_COLUMN: {
    severity: 'error',
    text: 'The role "{role}" is mapped to column "{column}", which is not in {file}.',
    action: 'Choose one of the file\'s columns for "{role}" (the file has: {available}).',
  },
  VALUE_NOT_NUMERIC: {
    severity: 'error',
    text: 'Column "{column}" ({role}) of {file} has text that is not a number at row {row}: "{value}" ({count} rows in all).',
    action: 'Correct those cells, or declare the code as missing for this role (missingCodes).',
  },
  WEIGHT_MISSING: {
    severity: 'error',
    text: 'Weight column "{column}" of {file} is empty at rows {rows} ({count} rows in all).',
    action: 'Every row needs a weight. Check that "{column}" is the final weight, or remove rows outside the sample.',
  },
  WEIGHT_NEGATIVE: {
    severity: 'error',
    text: 'Weight column "{column}" of {file} is negative at rows {rows} ({count} rows in all).',
    action: 'Sampling weights cannot be negative. Check that "{column}" is the weight variable.',
  },
  WEIGHT_ZERO: {
    severity: 'warning',
    text: 'Weight column "{column}" of {file} is 0 at rows {rows} ({count} rows in all). These rows stay in the design (their clusters count) but in no estimate, unweighted count or degrees of freedom.',
    action: 'Make sure zero weights are intended (for example non-responding children kept in the file).',
  },
  STRATUM_MISSING: {
    severity: 'error',
    text: 'Stratum column "{column}" of {file} is empty at row {row} ({count} rows in all).',
    action: 'Every row needs its stratum; fill it in or choose the right stratum variable.',
  },
  PSU_MISSING: {
    severity: 'error',
    text: 'PSU column "{column}" of {file} is empty at row {row} ({count} rows in all).',
    action: 'Every row needs its cluster (PSU); fill it in or choose the right cluster variable.',
  },
  PSU_ACROSS_STRATA: {
    severity: 'error',
    text: 'PSU "{psu}" of column "{column}" appears in more than one stratum (first at row {row}), but PSUs were declared unique across the file.',
    action: 'Set "PSUs numbered within strata" (psuNestedInStrata: true) if PSU ids restart in each stratum.',
  },
  PSU_NESTED_INFO: {
    severity: 'info',
    text: 'PSU ids repeat across strata in {file}; PSUs are taken as nested in strata (a PSU is the pair stratum, PSU).',
    action: 'Nothing to do if cluster numbers restart in each stratum.',
  },
  FPC_INVALID: {
    severity: 'error',
    text: 'The finite population correction "{column}" of {file} is not usable at row {row}: {detail}.',
    action: 'Give the number of PSUs in the stratum population (constant within a stratum) or a sampling fraction between 0 and 1.',
  },
  AGE_INVALID: {
    severity: 'warning',
    text: 'Age column "{column}" of {file} has {count} rows with an age that is missing, outside 0-120 or not a whole number (first at row {row}). They are outside every domain.',
    action: 'Check those rows; ages must be completed years.',
  },
  CODE_NOT_MAPPED: {
    severity: 'warning',
    text: 'Column "{column}" ({role}) of {file} has {count} rows with code "{value}", which is neither of the mapped codes {codes} (first at row {row}). They are in the total but in no {role} group.',
    action: 'Add the code to the mapping if it means one of the groups, or declare it missing.',
  },
  HOURS_MISSING_SHARE: {
    severity: 'warning',
    text: '{share} of the children aged {from}-{to} in {file} ({count} of {children}) have no known {role} ({columns}).',
    action: 'Under the missing-hours policy "{policy}" they {effect}; report that share with the results.',
  },
  NO_CHILDREN_IN_SCOPE: {
    severity: 'error',
    text: 'No row of {file} is a child aged {from}-{to}.',
    action: 'Check the age column ("{column}") in the mapping.',
  },
  UNIVERSE_EMPTY: {
    severity: 'error',
    text: 'No child aged {from}-{to} in {file} is in the universe: column "{column}" never holds {codes}.',
    action: 'Check the universe (Map step, mapping.universe): the column and the codes to keep (MICS6: FS17 = 1, completed interviews).',
  },
  UNIVERSE_APPLIED: {
    severity: 'info',
    text: 'Universe {column} = {codes}: {inside} of the {children} children aged {from}-{to} in {file} are in scope; the other {outside} stay in the design but in no estimate.',
    action: 'Say the universe with the results (MICS tables count completed interviews only).',
  },
  WEIGHTS_ALL_ZERO: {
    severity: 'error',
    text: 'Every child in scope in {file} has weight 0 in column "{column}" ({count} children): there is nothing to estimate.',
    action: 'Check that "{column}" is the final weight of these children (MICS: fsweight for the child labour module), and the universe.',
  },
  WEIGHT_NOT_FINITE: {
    severity: 'error',
    text: 'Weight column "{column}" of {file} holds a value that is not a finite number at rows {rows}: "{value}" ({count} rows in all).',
    action: 'Weights must be finite numbers (not NaN, Infinity or an overflow such as 1e400). Correct those cells in the file.',
  },
  VALUE_NOT_FINITE: {
    severity: 'error',
    text: 'Column "{column}" ({role}) of {file} holds a value that is not a finite number at rows {rows}: "{value}" ({count} rows in all).',
    action: 'Correct those cells, or declare the code as missing for this role (missingCodes).',
  },
  HOURS_OUT_OF_RANGE: {
    severity: 'error',
    text: 'Column "{column}" ({role}) of {file} has hours outside 0-168 a week at rows {rows}: "{value}" ({count} rows in all).',
    action: 'A week has 168 hours. If these are codes (don\'t know, not applicable), declare them missing (missingCodes or missingFrom); otherwise correct the cells.',
  },
  PSU_NOT_MAPPED: {
    severity: 'error',
    text: 'No cluster (PSU) column is mapped for {file}. Without one every child would count as its own cluster, and standard errors of a clustered survey would come out too small.',
    action: 'Map the cluster column ({candidates}), or choose "No clusters (simple random sample of children)" (mapping.noClusters: true) if the children really were sampled one by one.',
  },
  NO_CLUSTERS_CHOSEN: {
    severity: 'info',
    text: 'No clusters: as chosen, every child of {file} is its own sampling unit (a simple random or stratified sample of children).',
    action: 'Say so with the results; if the survey sampled clusters (enumeration areas), map the cluster column instead.',
  },
  COLUMN_IN_TWO_ROLES: {
    severity: 'warning',
    text: 'Column "{column}" of {file} is mapped to two roles: {roles}.',
    action: 'Check the mapping: each role usually reads its own column (sex and area, or age and weight, are never the same variable).',
  },
  // --- design and estimation -------------------------------------------------------------------------
  LONELY_PSU_FAIL: {
    severity: 'error',
    text: 'Strata with a single PSU: {strata}. The lonely-PSU policy "fail" stops here.',
    action: 'Choose a lonely-PSU policy (adjust, average, remove or certainty), or collapse those strata with a neighbour.',
  },
  LONELY_PSU_PRESENT: {
    severity: 'warning',
    text: '{count} strata have a single PSU ({strata}); their variance is handled by the policy "{policy}".',
    action: 'Say in the report which lonely-PSU policy was used.',
  },
  DOMAIN_EMPTY: {
    severity: 'info',
    text: 'Domain {domain} has no children with a known value of {indicator}.',
    action: 'Nothing to do; the cell is left empty.',
  },
  CI_UNDEFINED: {
    severity: 'info',
    text: 'The {method} interval is not defined for {domain} (estimate {estimate}, {df} degrees of freedom).',
    action: 'Report the estimate with its unweighted count; consider the Korn-Graubard interval for estimates of 0 or 100 %.',
  },
  ENGINE_OUT_OF_MEMORY: {
    severity: 'error',
    text: 'The app ran out of memory working on {file} ({detail}): its engine has at most 4 GB of WebAssembly memory. No result was shown.',
    action: 'Use the command line, which has no such limit and gives the same numbers: save the analysis file (Define step), then run  clstats run ANALYSIS.clstats  (see the README, "Command line").',
  },
  ENGINE_FAILED: {
    severity: 'error',
    text: 'The calculation engine failed: {detail}.',
    action: 'This is a bug or an unsupported file; please report it with the analysis file (not the data).',
  },
  NETWORK_BLOCKED: {
    severity: 'error',
    text: 'The engine refused to reach outside the computer: {detail}.',
    action: 'Nothing leaves the machine by design. Open local files only.',
  },
  // --- command line -------------------------------------------------------------------------------
  CLI_USAGE: {
    severity: 'error',
    text: '{detail}',
    action: 'Run "clstats --help" for the commands and options.',
  },
  OUTPUT_IS_INPUT: {
    severity: 'error',
    text: '{option} {file} is the same file as {input}, which this command reads; writing there would overwrite it. Nothing was written.',
    action: 'Give {option} another file name; clstats never changes its input files.',
  },
  OUTPUT_IS_FOLDER: {
    severity: 'error',
    text: '{option} {file} is a folder, not a file. Nothing was written.',
    action: 'Give {option} the name of a file (inside that folder if you like).',
  },
  OUTPUT_FOLDER_MISSING: {
    severity: 'error',
    text: 'The folder {folder} of {option} {file} does not exist. Nothing was computed or written.',
    action: 'Create the folder first, or correct the path.',
  },
  OUTPUT_WRITE_FAILED: {
    severity: 'error',
    text: '{file} could not be written: {detail}. An earlier file of that name is unchanged.',
    action: 'Check that the folder is writable, the disk has space and the file is not open in another program, then run again.',
  },
} as const satisfies Record<string, Entry>;

export type MessageCode = keyof typeof MESSAGES;
export type MessageParams = Record<string, string | number>;

export interface Message {
  code: MessageCode;
  severity: Severity;
  text: string;
  action: string;
  params: MessageParams;
}

function fill(template: string, params: MessageParams): string {
  return template.replace(/\{(\w+)\}/g, (all, key: string) => (key in params ? String(params[key]) : all));
}

/** Builds a message from the catalogue. */
export function message(code: MessageCode, params: MessageParams = {}): Message {
  const entry: Entry = MESSAGES[code];
  return { code, severity: entry.severity, text: fill(entry.text, params), action: fill(entry.action, params), params };
}

/** An error that carries a catalogue message; everything the core throws at users is one of these. */
export class AnalysisError extends Error {
  readonly msg: Message;
  constructor(code: MessageCode, params: MessageParams = {}) {
    const m = message(code, params);
    super(`${m.text} ${m.action}`);
    this.name = 'AnalysisError';
    this.msg = m;
  }
  get code(): MessageCode {
    return this.msg.code;
  }
}

export function formatMessage(m: Message): string {
  return `${m.severity} ${m.code}: ${m.text}\n  What to do: ${m.action}`;
}
