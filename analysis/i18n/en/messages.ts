import type { MessageCode } from '../../messages.js';
import type { CoreText } from '../types.js';

/**
 * The messages of the statistical core, in English (the source), by code. analysis/messages.ts gives
 * each code its severity; the app and the command line show the text of the user's language. What a
 * placeholder may hold and how it is written (numbers, plurals, ids as words): ../fill.ts.
 */
export const messages: Record<MessageCode, CoreText> = {
  // --- analysis file -----------------------------------------------------------------------------
  ANALYSIS_FILE_UNREADABLE: {
    text: 'The analysis file {file} could not be read: {detail}.',
    action: 'Check the path and that the file is JSON saved by this app or written after docs/analysis-file.md.',
  },
  ANALYSIS_FILE_IS_FOLDER: {
    text: 'The analysis file {file} is a folder, not a file.',
    action: 'Give the path of the analysis file itself (a .clstats or .json file inside that folder, for example).',
  },
  ANALYSIS_FILE_NOT_REGULAR: {
    text: 'The analysis file {file} is not a regular file (it is a named pipe, a device or a socket), so it was not read.',
    action: "Save the analysis to an ordinary file (Define step of the app, or a text editor) and give that file's path.",
  },
  ANALYSIS_FILE_INVALID: {
    text: 'The analysis file {file} is not valid at {path}: {detail}.',
    action: 'Correct that entry; docs/analysis-file.md lists every field and its allowed values.',
  },
  FRAMEWORK_UNKNOWN_PRESET: {
    text: 'There is no framework preset "{preset}".',
    action: 'Use one of: {known}.',
  },
  FRAMEWORK_INVALID: {
    text: 'Framework "{framework}" is not valid: {detail}.',
    action: 'Correct the framework definition (age bands from low to high, thresholds as numbers).',
  },
  FRAMEWORK_NEEDS_ROLE: {
    text: 'Framework "{framework}" needs the role "{role}", which is not mapped.',
    action: 'Map a column of the data file to "{role}", or choose a framework that does not use it.',
  },
  FRAMEWORK_UNKNOWN_CONDITION: {
    text: 'Framework "{framework}" counts the hazardous condition "{condition}", which is not mapped.',
    action: "Map it under mapping.hazards, or remove it from the framework's conditions.",
  },
  HAZARD_PART_UNMAPPED: {
    text: 'Hazardous work under "{framework}" leaves out {part}: the role is not mapped.',
    action: 'Map {part} if the survey asked about it; otherwise say in the report that hazardous work excludes it.',
  },
  DUPLICATE_FRAMEWORK_ID: {
    text: 'Two frameworks have the id "{framework}".',
    action: 'Give the edited copy its own id.',
  },
  // --- data file and mapping ---------------------------------------------------------------------
  DATA_FILE_UNREADABLE: {
    text: 'The data file {file} could not be read: {detail}.',
    action: 'Check that the file exists, is not open in another program, and is a CSV, Parquet, SPSS, Stata or Excel file.',
  },
  DATA_FILE_IS_FOLDER: {
    text: 'The data file {file} is a folder, not a file.',
    action: 'Set data.path in the analysis file to the data file itself (CSV, Parquet, SPSS, Stata or Excel), not to its folder.',
  },
  DATA_FILE_NOT_REGULAR: {
    text: 'The data file {file} is not a regular file (it is a named pipe, a device or a socket); reading it could wait forever, so it was not read.',
    action: 'Save the data to an ordinary file and set data.path in the analysis file to it.',
  },
  DATA_TOO_LARGE_FOR_APP: {
    text: 'The data file {file} is too large for the app: about {rows} rows of {columns} columns, and the app holds at most about {limit} rows of that width in its 4 GB of WebAssembly memory. It was not loaded.',
    action: 'Use the command line, which has no such limit and gives the same numbers: save the analysis file (Define step), then run  clstats run ANALYSIS.clstats  (see the README, "Command line").',
  },
  DATA_FILE_OVER_APP_LIMIT: {
    text: 'The data file {file} is {size} GB; the app reads files of at most 1 GB, so it was not read.',
    action: 'Use the command line, which has no such limit and gives the same numbers: save the analysis file (Define step), then run  clstats run ANALYSIS.clstats  (see the README, "Command line").',
  },
  DATA_FILE_EMPTY: {
    text: 'The data file {file} has no data rows.',
    action: 'Check that you chose the right file and that it has a header row followed by data.',
  },
  DATA_FORMAT_UNKNOWN: {
    text: 'The data file {file} is not in a format this app reads: {detail}.',
    action: 'Save it as CSV, TSV, Parquet, SPSS (.sav, .zsav), Stata (.dta) or Excel (.xlsx) and open that file.',
  },
  DATA_NOT_TEXT: {
    text: 'The data file {file} does not look like a text (CSV) file: {detail}.',
    action: 'Check that you chose the right file; if it is a spreadsheet or a statistics file, save it as CSV or open it in its own format.',
  },
  DATA_DECIMAL_COMMA_LIKELY: {
    text: 'The numbers of {file} look written with a decimal comma: column "{column}" holds "{example}", read as text.',
    action: 'Tick "Numbers use a decimal comma" on the Data step (in an analysis file: data.decimalComma: true); a weight or hours written so cannot be read as numbers otherwise.',
  },
  DATA_ENCODING_GUESSED: {
    text: 'The data file {file} is not UTF-8; it was read as {encoding} (first non-UTF-8 byte on line {line}).',
    action: 'Check that names such as {sample} read correctly; otherwise set data.encoding.',
  },
  DATA_ENCODING_MIXED: {
    text: 'The data file {file} mixes two text encodings: UTF-8 text (first on line {utf8Line}) and bytes that are not UTF-8 (first on line {line}), so some names would read wrongly.',
    action: 'Save the file again as UTF-8 from the program that made it, or set data.encoding ("utf-8" or "windows-1252") to read it one way anyway.',
  },
  DATA_ENCODING_INVALID: {
    text: 'The data file {file} is not valid {encoding} (first on line {line}), but data.encoding says it is.',
    action: 'Remove data.encoding so the encoding is detected, or set the right one ("windows-1252" for most older Windows files).',
  },
  DATA_ENCODING_BOM: {
    text: 'The data file {file} starts with a {encoding} byte order mark, so it was read as {encoding}, not as {declared} as data.encoding says.',
    action: 'Check that accented names read correctly, and remove data.encoding from the analysis file (the file was probably saved again in {encoding}).',
  },
  DATA_CSV_MALFORMED: {
    text: 'The data file {file} is not a well-formed {kind} file at line {line}: {detail}.',
    action: 'Check that line (a missing or extra delimiter, or an unclosed quote); a file cut off needs a whole copy. If the file uses another delimiter, name it (data.delimiter in the analysis file).',
  },
  DATA_LINE_TOO_LONG: {
    text: 'Line {line} of the data file {file} is {bytes} bytes long, more than the {limit} bytes a line of survey data can have: one of its fields holds something that is not a survey answer (a pasted document or a broken export).',
    action: 'Open the file in a text editor or spreadsheet, correct or remove that line, and save it again.',
  },
  DATA_DELIMITER_SUSPECT: {
    text: 'The data file {file} read with the delimiter {delimiter} has a single column ("{column}"), which contains {suspect}.',
    action: 'Set data.delimiter to {suspect}, or remove data.delimiter so it is detected.',
  },
  DATA_COLUMN_DUPLICATE: {
    text: 'The data file {file} has two columns with the same name: "{other}" (column {first}) and "{column}" (column {second}); names are compared without regard to capitals or to spaces around them.',
    action: 'Rename one of them in the file, so every role reads the column you mean.',
  },
  DATA_COLUMN_DUPLICATE_RENAMED: {
    text: 'Column {at} of {file} has the same name as column {otherAt}, "{column}": it is read as "{renamed}", and "{column}" is column {otherAt}.',
    action: 'Nothing to do if no role reads column {at}; otherwise map "{renamed}", or give the column another name in the file.',
  },
  DATA_COLUMN_CASE_RENAMED: {
    text: 'Column {at} of {file}, "{column}", differs from column {otherAt}, "{other}", only in capitals, which the app cannot tell apart: it is read as "{renamed}".',
    action: 'Nothing to do if no role reads "{column}"; otherwise map "{renamed}", or give the column another name in the file.',
  },
  DATA_COLUMN_RESERVED_RENAMED: {
    text: 'Column {at} of {file} is named "{column}", the name the app\'s engine gives its own row numbers: it is read as "{renamed}".',
    action: 'Nothing to do if no role reads it; otherwise map "{renamed}" (the exported R script and do-file read the file\'s own names: for them, give the column another name in a copy of the file).',
  },
  DATA_BLANK_ROWS_INSIDE: {
    text: '{count} {count|row|rows} of {file} among its data rows, the first at row {first}, {count|has|have} no value in any column read (a sheet\'s empty rows, empty lines, or lines of delimiters or spaces only): not read.',
    action: 'Nothing to do.',
  },
  DATA_CSV_HEADER_DELIMITER: {
    text: 'The header line of {file} ends with a delimiter, which adds a column {position}, without a name and empty on every line: that column is not read.',
    action: 'Nothing to do.',
  },
  DATA_CSV_ROW_NAMES: {
    text: 'The header line of {file} names one column fewer than its data lines hold, as R\'s write.table writes a data frame with its row names: the first field of each line is read as a column {column}, the others under the header\'s names.',
    action: 'Nothing to do, unless the file was not written so: then check its header line.',
  },
  DATA_BLANK_ROWS_SKIPPED: {
    text: '{count} {count|row|rows} at the end of {file}, from row {first}, {count|has|have} no value in any column read (a spreadsheet\'s empty rows saved with their delimiters, or notes under the data in columns the analysis does not read): not read.',
    action: 'Nothing to do.',
  },
  DATA_NOTE_ROWS_SKIPPED: {
    text: '{count} {count|row|rows} at the end of {file}, from row {first}, {count|is a note|are notes or empty rows} under the data ("{note}"), with no number in any column: not read.',
    action: 'Nothing to do if {count|this row is|these rows are} not survey data.',
  },
  DATA_SAV_UNREADABLE: {
    text: 'The SPSS file {file} could not be read: {detail}.',
    action: 'Check that the file is complete (copy it again) and opens in SPSS or PSPP; save it again from there if needed.',
  },
  DATA_DTA_UNREADABLE: {
    text: 'The Stata file {file} could not be read: {detail}.',
    action: 'Check that the file is complete (copy it again) and opens in Stata; save it again from there if needed.',
  },
  DATA_DTA_VERSION: {
    text: 'The Stata file {file} is in a format version this app does not read: {detail}.',
    action: 'Save it from Stata with "saveold" (formats 113 to 119, Stata 8 to 18), or export it as CSV.',
  },
  DATA_PARQUET_UNREADABLE: {
    text: 'The Parquet file {file} could not be read: {detail}.',
    action: 'Check that the file is complete (copy it again); write it again from the program that made it if needed.',
  },
  DATA_XLSX_UNREADABLE: {
    text: 'The Excel file {file} could not be read: {detail}.',
    action: 'Open it in Excel or LibreOffice and save it again as .xlsx, or save the sheet as CSV.',
  },
  DATA_XLSX_SHEET_UNKNOWN: {
    text: 'The Excel file {file} has no sheet {sheet}.',
    action: 'Choose one of its sheets: {sheets}.',
  },
  DATA_XLSX_SHEET_EMPTY: {
    text: 'Sheet "{sheet}" of {file} has no data rows.',
    action: 'Choose the sheet that holds the survey data, a header row followed by data (the Data step lists the sheets; data.sheet in the analysis file).',
  },
  DATA_XLSX_ERROR_CELLS: {
    text: 'Sheet "{sheet}" of {file} has {count} {count|cell|cells} holding an Excel error such as #N/A or #DIV/0!, in {columnCount|column|columns} {columns} (first in cell {cell}). {count|It is|They are} read as missing, as a code the file declares missing: unknown in every role (unknown hours, not 0 hours), never as an empty cell.',
    action: 'Nothing to do if those values are unknown; otherwise correct the formulas in the workbook and load it again.',
  },
  DATA_XLSX_MERGED_FILLED: {
    text: 'Sheet "{sheet}" of {file} has {count} merged cell {count|range|ranges} in its data rows (first {range}): each was read with its value in every row and column it covers, as Excel shows it (the workbook holds the value in the first cell only).',
    action: 'Nothing to do if each merged value applies to every row it spans (a region written once over its rows). A CSV saved from the sheet holds the value in the first row only: read that CSV (or the exported R script, which reads one), and the other rows are blank.',
  },
  DATA_XLSX_TIME_AS_HOURS: {
    text: 'Sheet "{sheet}" of {file} shows {count} {count|cell|cells} as a time (first {cell}), in {columns}: Excel stores 12:30 as 0.52 (a fraction of a day). {count|It is|They are} read as the hours Excel shows (12:30 is 12.5 hours).',
    action: 'Nothing to do if they are hours worked (a duration). If a column holds times of day, do not map it to hours. A CSV saved from the sheet writes them as 12:30, which is not a number: read the workbook itself.',
  },
  DATA_XLSX_TIME_WHOLE_DAYS: {
    text: 'Sheet "{sheet}" of {file} has {count} time {count|cell|cells} holding a whole number of days (first {cell}), which Excel shows as 24:00, 48:00 and so on: read as 24, 48... hours. A number typed into a time cell (5 for 5 hours) is stored so too, and would be read as 5 days of hours.',
    action: 'Check those cells in Excel: if they show 120:00 where 5 hours were meant, correct them (type 5:00) and save the workbook again.',
  },
  DATA_SAV_TIME_SECONDS: {
    text: 'Columns of {file} in an SPSS time format hold seconds (12:30 is stored as 45000): {columns}. They are read as the numbers stored; as hours worked they would be 3,600 times too large.',
    action: 'If a column holds hours worked, convert it to hours before loading (SPSS: COMPUTE hours = CL3 / 3600. R: as.numeric(x) / 3600) and map the new column; otherwise nothing to do.',
  },
  DATA_XLSX_FORMULA_UNCALCULATED: {
    text: 'Sheet "{sheet}" of {file} has {count} formula {count|cell|cells} without a calculated result (first in cell {cell}): the workbook was written by a program and never calculated. {count|It is|They are} read as missing (code #UNCALCULATED), never as 0 or as an empty cell.',
    action: 'Open the workbook in Excel or LibreOffice, save it (the formulas are then calculated) and load it again.',
  },
  DATA_XLSX_TITLE_SKIPPED: {
    text: 'Sheet "{sheet}" of {file} starts with {count} {count|title row|title rows} ("{title}"), skipped: row {row} is read as the header, its cells name the columns. Rows named in other messages are counted from the first row under the header (row 1 is sheet row {first}).',
    action: 'Nothing to do if row {row} holds the column names; otherwise delete the rows above the header in the workbook (or save the sheet as CSV from the header row) and load it again.',
  },
  DATA_CSV_LINE_ENDS_MIXED: {
    text: '{file} mixes line ends: {crlf} Windows (CR LF), {lf} Unix (LF), {cr} other (CR alone, or CR CR LF). It was read with each of them as one line end, as R and Excel read it; the file itself is not changed. The least frequent kind first ends line {line}.',
    action: 'Nothing to do. Such files come from lines added or files joined in different programs: if rows may have been added by hand, check that they belong.',
  },
  DATA_CSV_TITLE_SKIPPED: {
    text: '{file} starts with {count} {count|title line|title lines} ("{title}"), skipped: line {line} is read as the header, its fields name the columns. Rows named in other messages are counted from the first line under the header (row 1 is line {first} of the file).',
    action: 'Nothing to do if line {line} holds the column names; otherwise delete the lines above the header and load the file again.',
  },
  DATA_XLSX_SHEET_CHOSEN: {
    text: 'The first sheet of {file}, "{first}", has no data rows or not the mapped columns: the sheet "{sheet}", the first that has them, was read.',
    action: 'Nothing to do if "{sheet}" holds the survey data; otherwise name the sheet to read (data.sheet in the analysis file).',
  },
  DATA_XLSX_HIDDEN_SHEET_READ: {
    text: 'No sheet of {file} that Excel shows has data rows and the mapped columns ("{first}" is the first shown): the hidden sheet "{sheet}", the first that has them, was read.',
    action: 'Check that the hidden sheet "{sheet}" holds the survey data and not an old or working copy; name the sheet to read (data.sheet in the analysis file, or the Data step\'s sheet list) to be sure.',
  },
  DATA_XLSX_SHEETS_SAME_COLUMNS: {
    text: 'Sheet "{sheet}" of {file} was read; {count|the sheet|the sheets} {others} {count|has|have} the same columns and {count|is|are} not read: only one sheet of a workbook is read.',
    action: 'If the survey is split over these sheets (by area or region), copy their rows under those of "{sheet}" in one sheet of a copy of the workbook, or save them as one CSV file, and load that. Nothing to do if the other {count|sheet is|sheets are} another round or version.',
  },
  DATA_USER_MISSING: {
    text: 'Column "{column}" ({role}) of {file}: {count} {count|cell holds|cells hold} codes the file declares missing ({codes}); {count|it is|they are} read as missing.',
    action: 'Nothing to do if those codes mean "don\'t know" or "refused". A code that means the question was not asked (a child who does not work) is read so only when listed in "codes meaning not asked" on the Map step (notAsked in the analysis file): it then counts as an empty cell of the role (0 hours, no, or unknown, as its empty cells).',
  },
  MAP_UNKNOWN_COLUMN: {
    text: 'The role "{role}" is mapped to column "{column}", which is not in {file}.',
    action: 'Choose one of the file\'s columns for "{role}" (the file has: {available}).',
  },
  MAP_COLUMN_LOOKALIKE: {
    text: 'The role "{role}" is mapped to column "{column}", which is not in {file}; the file has "{actual}", which looks the same but is written with other characters: {detail}.',
    action: 'Choose the file\'s column for "{role}" on the Map step (the analysis file then holds its name as the file writes it), or rename the column in the file.',
  },
  MAP_COLUMN_CASE: {
    text: 'The role "{role}" is mapped to column "{column}", which is not in {file}; the file has "{actual}", the same name in other capitals.',
    action: 'Write "{actual}" for "{role}" in the mapping: names are matched exactly, capitals included.',
  },
  VALUE_NOT_ASKED_MARK: {
    text: 'Column "{column}" ({role}) of {file} holds "{value}" at row {row} ({count} {count|row|rows} in all): Survey Solutions\' mark of a question its condition left out, for a child who was not asked.',
    action: 'Declare it as a code meaning not asked: notAsked: ["{value}"] in the analysis file ("codes meaning not asked" in the Map step); it is then read as the role\'s empty cells (0 hours when empty cells mean 0 hours). Declared missing instead, it would leave every such child\'s hours unknown.',
  },
  VALUE_NOT_NUMERIC: {
    text: 'Column "{column}" ({role}) of {file} has text that is not a number at row {row}: "{value}" ({count} {count|row|rows} in all; each text with its rows: {texts}).',
    action: 'Correct those cells (an age or a weight must be a number; an age not known is an empty cell, a code over 120 or a word such as "DK", and the child is then in no domain), or, for an hours or yes/no role, declare the code missing: missingCodes in the analysis file, "missing codes" in the Map step; for the industry or the occupation (a code for not stated), missingCodes in the analysis file.',
  },
  DATA_HEADER_REPEATED: {
    text: '{file} repeats its header (the column names) at {count|row|rows} {rows} ({count} {count|row|rows} in all): it looks like files put one after the other, each with its header.',
    action: 'Delete the repeated header {count|line|lines}, and check that no child is in the file twice (the same data exported twice and put together would count them twice); then load the file again.',
  },
  DATA_TOTAL_ROW: {
    text: 'The last row of {file} (row {row}) looks like a total row, not a child: its weight in "{column}", {value}, is the sum of the weights above it. Read as a child it would be counted as one, with the sums of every column as its answers.',
    action: 'Delete the total row (and any other summary rows) from the data and load the file again; the app does not change your files.',
  },
  DATA_LABEL_ROW: {
    text: 'Row 1 of {file} holds text in numeric columns ({texts}) and no other row does: it looks like a row of labels under the column names.',
    action: 'Delete that row (keep the column names) and load the file again.',
  },
  VALUE_THOUSANDS_SEPARATOR: {
    text: 'Column "{column}" ({role}) of {file} has numbers written with a thousands separator, first at row {row}: "{value}" ({count} {count|row|rows} in all; each text with its rows: {texts}). As written they are not numbers.',
    action: 'Save the file again with plain numbers (no thousands separator; in Excel: Format Cells, Number, without "Use 1000 Separator") and open it again.',
  },
  VALUE_TIME_TEXT: {
    text: 'Column "{column}" ({role}) of {file} has hours written as a time, first at row {row}: "{value}" ({count} {count|row|rows} in all; each text with its rows: {texts}). As written they are not numbers.',
    action: 'Give the hours as numbers (12:30 is 12.5): convert the column before loading (R: sapply(strsplit(x, ":"), function(p) sum(as.numeric(p) / 60^(seq_along(p) - 1))); Excel: the cell times 24, formatted as a number), or, for a CSV saved from an Excel workbook, open the workbook itself, which the app reads as Excel shows the times. Declaring them missing would make the hours of every such child unknown.',
  },
  VALUE_DECIMAL_COMMA_TEXT_COLUMN: {
    text: 'Column "{column}" ({role}) of {file} is a text column whose numbers have a decimal comma, first at row {row}: "{value}" ({count} {count|row|rows} in all). The file itself stores them as text, so data.decimalComma (which reads delimited text files) does not change them.',
    action: 'Make the column numeric in your statistics software and save the file again (SPSS: ALTER TYPE after replacing the comma; Stata: destring {column}, replace dpcomma; R: as.numeric(sub(",", ".", x))), or save the data as CSV and open that with "Numbers use a decimal comma" ticked.',
  },
  VALUE_DECIMAL_COMMA_TEXT_CELLS: {
    text: 'Column "{column}" ({role}) of {file} has numbers stored as text with a decimal comma, first at row {row}: "{value}" ({count} {count|row|rows} in all). A workbook cell that holds text is not read as a number, with or without data.decimalComma (which reads delimited text files).',
    action: 'In the workbook, turn the column into numbers (Data > Text to Columns, the comma as decimal separator) and save it; or save the sheet as CSV and open that with "Numbers use a decimal comma" ticked.',
  },
  VALUE_DECIMAL_COMMA: {
    text: 'Column "{column}" ({role}) of {file} has numbers written with a decimal comma, first at row {row}: "{value}" ({count} {count|row|rows} in all). The file was read with a decimal point, so they are not numbers.',
    action: 'If the comma is the decimal mark (310,9 for 310.9), tick "Numbers use a decimal comma" in the Data step (in an analysis file: data.decimalComma: true). If the comma separates thousands (1,234), remove it from the cells.',
  },
  VALUE_DECIMAL_POINT: {
    text: 'Column "{column}" ({role}) of {file} has numbers written with a dot, first at row {row}: "{value}" ({count} {count|row|rows} in all), in a file read with a decimal comma. There a dot separates thousands (1.235 for 1235) or is the decimal point of another program: the app does not guess which.',
    action: 'Save the file with numbers written without thousands separators (in Excel: format the column as Number without "Use 1000 separator"). If every number of the file has a decimal point, untick "Numbers use a decimal comma" in the Data step (data.decimalComma: false).',
  },
  WEIGHT_COLUMN_EMPTY: {
    text: 'Weight column "{column}" of {file} is empty on every row that needs a weight ({count} rows).',
    action: 'It is not the weight, or the weights did not reach this file (a failed merge, a column emptied on export): map the final weight (MICS: fsweight; DHS: hv005 or v005), or bring it from the household file.',
  },
  WEIGHT_MISSING: {
    text: 'Weight column "{column}" of {file} has no weight (an empty cell or a code the file declares missing) at {count|row|rows} {rows} ({count} {count|row|rows} in all).',
    action: 'Every row in the universe needs a weight. Check that "{column}" is the final weight. Children not interviewed keep their rows with weight 0 (not removed: their clusters stay in the design); if a column tells them apart (MICS: FS17), map it as the universe, and their empty weights are read as 0.',
  },
  WEIGHT_MISSING_OUTSIDE_UNIVERSE: {
    text: 'Weight column "{column}" of {file} has no weight (an empty cell or a code the file declares missing) in {count} {count|row|rows} outside the universe (first at row {row}): {count|it is|they are} read as weight 0, as MICS weights incomplete interviews, and {count|stays|stay} in the design, in no estimate.',
    action: 'Nothing to do. R\'s svydesign() refuses a missing weight: the exported R script and Stata do-file set these to 0 as well.',
  },
  WEIGHT_NEGATIVE: {
    text: 'Weight column "{column}" of {file} is negative at {count|row|rows} {rows} ({count} {count|row|rows} in all).',
    action: 'Sampling weights cannot be negative. Check that "{column}" is the weight variable.',
  },
  WEIGHT_ZERO: {
    text: 'Weight column "{column}" of {file} is 0 at {count|row|rows} {rows} ({count} {count|row|rows} in all). These rows stay in the design (their clusters count) but in no estimate, unweighted count or degrees of freedom.',
    action: 'Make sure zero weights are intended (for example non-responding children kept in the file).',
  },
  WEIGHT_DIVISOR_DECIMALS: {
    text: 'The weights in "{column}" of {file} are divided by {divisor} ("weights divided by"), but {count} {count|is|are} written with decimals (first at row {row}: {value}): weights stored with implied decimals, or multiplied as DHS does, are whole numbers.',
    action: 'If the file\'s weights are in units already, set "weights divided by" to 1 on the Map step (mapping.weightDivisor): divided again, every number of children is {divisor} times too small.',
  },
  STRATUM_MISSING: {
    text: 'Stratum column "{column}" of {file} is empty or holds a code the file declares missing at {count|row|rows} {rows} ({count} {count|row|rows} in all).',
    action: 'Every row needs its stratum; fill it in or choose the right stratum variable.',
  },
  PSU_MISSING: {
    text: 'PSU column "{column}" of {file} is empty or holds a code the file declares missing at {count|row|rows} {rows} ({count} {count|row|rows} in all).',
    action: 'Every row needs its cluster (PSU); fill it in or choose the right cluster variable.',
  },
  PSU_ACROSS_STRATA: {
    text: 'PSU "{psu}" of column "{column}" appears in more than one stratum (first at row {row}), but PSUs were declared unique across the file.',
    action: 'Tick "Cluster numbers restart in each stratum" on the Map step (psuNestedInStrata: true in the analysis file) if PSU ids restart in each stratum.',
  },
  PSU_NESTED_INFO: {
    text: 'PSU ids repeat across strata in {file}; PSUs are taken as nested in strata (a PSU is the pair stratum, PSU).',
    action: 'Nothing to do if cluster numbers restart in each stratum.',
  },
  PSU_ACROSS_REGIONS: {
    text: '{count} {count|cluster|clusters} ({column}) of {file} {count|holds|hold} children of more than one region ({region}); the first, "{psu}" (row {row}), of {regionCount} regions ({regions}). A cluster is drawn inside one region, so its number is most likely reused in each region: taken as one cluster, the children of several regions are one sampling unit, and every standard error, interval and df is wrong.',
    action: 'Map the stratum within which cluster numbers are unique (DHS: hv022 or hv023; MICS: stratum), or a column of cluster ids unique in the file (DHS: hv021). If the survey\'s clusters do cross regions, nothing to do.',
  },
  PSU_ACROSS_AREAS: {
    text: '{count} {count|cluster|clusters} ({column}) of {file} {count|holds|hold} both urban and rural children ({area}: {areas}); the first, "{psu}" (row {row}). A cluster is urban or rural as a whole, so its number is most likely reused in each area (clusters numbered within region x area): taken as one cluster, urban and rural children are one sampling unit, and every standard error, interval and df is wrong.',
    action: 'Map as the stratum the column that makes cluster numbers unique: the design\'s strata, region x area (if the file has region and area apart, add a column of their combination: R interaction(region, area)), or a column of cluster ids unique in the file. If the survey\'s clusters do hold both areas, nothing to do.',
  },
  FPC_INVALID: {
    text: 'The finite population correction "{column}" of {file} is not usable at row {row}: {detail}.',
    action: 'Give the number of PSUs in the stratum population (constant within a stratum) or a sampling fraction between 0 and 1.',
  },
  FPC_MIXED: {
    text: 'The finite population correction "{column}" of {file} mixes sampling fractions (below 1, first at row {low}) and numbers of PSUs (above 1, first at row {high}).',
    action: 'Give one kind in every stratum: the number of PSUs in the stratum population, or the sampling fraction.',
  },
  FPC_BELOW_SAMPLE: {
    text: 'Stratum "{stratum}" of {file} has {sampled} PSUs in the sample but {population} in the population by "{column}" (row {row}): a sampling fraction above 100 %, which would make the variance negative.',
    action: 'Give the number of PSUs in the stratum population, at least the PSUs sampled, or the sampling fraction. Without clusters every child is a PSU: give the number of children in the stratum population.',
  },
  AGE_INVALID: {
    text: 'Age column "{column}" of {file} has {count} {count|row|rows} with an age that is missing or outside 0-120 (first at row {row}). {count|It is|They are} outside every domain.',
    action: 'Check those rows; ages must be completed years.',
  },
  AGE_TOP_CODED: {
    text: 'Age column "{column}" of {file} writes {count} {count|age|ages} as a top code with its label (first at row {row}: "{value}"), as a household roster exported with its value labels writes its oldest members: no number, so no age; adults, in no estimate of children.',
    action: 'Nothing to do. The exported R script and Stata do-file read these ages as missing too.',
  },
  AGES_ABSENT: {
    text: 'No child counted in {file} is aged {ages}, of the ages {from}-{to}; the children counted are aged {present}. The rows of an age group holding those ages count only the ages present, and a group of those ages alone has no row.',
    action: 'If the child labour questions were asked of some ages only, say so where the figures are published (a row "{from}-{to}" is then one of ages {present}), or set the age groups to those ages (Define step). Else check the age column and the universe in the mapping.',
  },
  AGE_FRACTIONAL: {
    text: 'Age column "{column}" of {file} has {count} {count|age|ages} with a fraction (first at row {row}: {value}), as an exact age computed from a date of birth is written: each is read as its completed years, the whole part ({value} is {whole}).',
    action: 'Nothing to do if the column holds exact ages. If it holds something else (months, or a code), map the column of age in completed years instead. The exported R script and Stata do-file read ages the same way (floor).',
  },
  CODE_NOT_MAPPED: {
    text: 'Column "{column}" ({role}) of {file} has {count} {count|row|rows} with code "{value}"{label}, which is neither of the mapped codes "{first}" and "{second}" (first at row {row}). {count|It is|They are} in the total but in no {role} group.',
    action: 'The mapping takes one code per group (the code written in other capitals or accents is already read as it): if "{value}" means one of the groups, write that group\'s code in its cells in a copy of the data file. A code for an unknown {role} can stay as it is: those children count in the total only.',
  },
  MAPPED_CODES_NOT_FOUND: {
    text: 'No child aged {from}-{to} in {file} has the {role} codes of the mapping ({codes}): column "{column}" holds {present} (children per code in brackets). Every {role} group would be empty.',
    action: 'Give the codes the column holds, not their labels (Map step, or {fields} in the analysis file): a cell 1 labelled "male" or "urban" has the code "1".',
  },
  MAPPED_CODES_WITH_LABELS: {
    text: 'Column "{column}" of {file} writes the {role} codes of the mapping ({codes}) with their labels: it holds {present} (children per value in brackets), so no child aged {from}-{to} has the mapping\'s codes, and every {role} group would be empty.',
    action: 'Give the codes as the cells write them: {given} (Map step, or the analysis file).',
  },
  MAPPED_CODE_IS_LABEL: {
    text: 'The {role} code "{code}" of the mapping ({field}) is the label of code "{labelled}" in column "{column}" of {file}, and no row holds "{code}": that {role} group would be empty and its rows in no {role} group. The column holds {present} (rows per code in brackets).',
    action: 'Give the code, "{labelled}", not its label (Map step, or {field} in the analysis file).',
  },
  MAPPED_CODE_LABEL_CONTRADICTS: {
    text: 'The mapping reads code "{code}" of column "{column}" in {file} as {meaning} ({field}), but the file labels it "{label}". If the label is right, every table, chart and export shows each {role} group under the other\'s name.',
    action: 'Check the codes against the questionnaire: the file labels "{labelled}" as {meaning}. If the labels are right, swap the codes on the Map step (or {field} in the analysis file); if the labels are the file\'s mistake, nothing to do.',
  },
  MAPPED_CODE_WORD_CONTRADICTS: {
    text: 'The mapping reads code "{code}" of column "{column}" in {file} as {meaning} ({field}), but the code itself is the word for the other {role} group: every table, chart and export would show each {role} group under the other\'s name.',
    action: 'Give the {role} codes the right way round on the Map step (or in {field} of the analysis file).',
  },
  ONE_PSU_DOMAINS: {
    text: '{count} {count|domain has|domains have} all {count|its|their} children of known indicator in one PSU (cluster), first {where} ({n} children): a sampling error cannot be estimated from one cluster, so {count|its|their} standard error, confidence interval, coefficient of variation and design effects are left empty (an SE of 0 would be no precision).',
    action: 'Publish {count|this figure|these figures} without a margin of error and say why, or use a coarser breakdown that spans several clusters.',
  },
  UNIVERSE_NOT_SET: {
    text: 'Column "{column}" of {file} records the result of the interview, and {count} weighted {count|child has|children have} a code other than 1 (completed) there, but no universe is set: {count|that child counts|those children count} in every denominator, with an empty module read as no work.',
    action: 'Set the universe to completed interviews: "{column}" = 1 (the Map step\'s universe, or mapping.universe in the analysis file). If the survey keeps them on purpose, nothing to do.',
  },
  WORK_UNDER_ONE_HOUR: {
    text: '{count} of the {children} children in {file} did economic activity ({activity}) with fewer than 1 hour of it written in {columns} (0 or a fraction of an hour). They count in employment, as the yes says (employment is at least one hour of work): in child labour at ages whose rule is employment (ILO/UNICEF Global Estimates), not at ages whose rule is 1 hour or more (SDG 8.7.1 at 5-11).',
    action: 'Nothing to do if the hours are as answered. If 0 stands for "not asked" or "don\'t know", declare it a missing code of the hours.',
  },
  HOURS_EMPTY_AFTER_WORK: {
    text: '{count} of the {children} children in {file} did economic activity ({activity}) and have no hours in {columns}, which the mapping reads as 0 hours (empty cells mean: 0): they were asked the hours, so an empty cell there is a lost "don\'t know" or "missing", read as no hours.',
    action: 'If the file is a CSV of a .sav or .dta whose missing codes became empty cells, read the original file; otherwise say how many children these are with the results.',
  },
  MAPPED_CODE_ABSENT: {
    text: 'The {role} code "{code}" of the mapping ({field}) is in no row of column "{column}" of {file}, which holds {present} (rows per code in brackets): that {role} group is empty.',
    action: 'If another code means that group, give it in the mapping (Map step, or {field} in the analysis file); if the survey has no such rows, nothing to do.',
  },
  HOURS_UNKNOWN_AT_AGES: {
    text: 'None of the {count} {count|child|children} aged {from}-{to} in {file} who did economic activity ({activity}) {count|has|have} known hours ({columns}): the hours thresholds at these ages apply to no working child, so child labour at {from}-{to} is not measured (under the missing-hours policy "{policy}" it is estimated as if none of them were in child labour by hours). The hours were probably not asked at these ages.',
    action: 'Report child labour for the ages that have hours (an age group without {from}-{to}), or map the column that holds these children\'s hours. Compare survey rounds on the age groups with hours (under the policy "unknown" the changes of the domains with these ages are marked not comparable).',
  },
  BREAKDOWN_VALUE_MISSING: {
    text: '{share} % of the children aged {from}-{to} ({count} of {children}) have no value of {column} ({role}) that the breakdowns read (an empty cell, a code the file declares missing, a code the mapping does not name, or no row for them in a joined file) in {file}: they count in the totals and in no row by {column}, so those rows do not add up to the total.',
    action: 'If their absence means something (not stated, a mother not in the household, another category), give it a code in the file or a recode; otherwise report that share with the results.',
  },
  HOURS_MISSING_SHARE: {
    text: 'Of the {children} {asked} aged {from}-{to} in {file}, {count} ({share} %) {count|has|have} no known {role} ({columns}).',
    action: 'Under the missing-hours policy "{policy}" they {effect}. If some of them are empty cells that mean the question was not asked (0 hours) and the role still reads empty cells as unknown, say so: "empty cells mean: 0 hours" on the Map step (blank: "zero" in the mapping); if they are codes that mean it (Survey Solutions\' -999999999, "does not apply" -8), list them in "codes meaning not asked" too (notAsked). Report that share with the results.',
  },
  HOURS_NOT_ASKED_AGES: {
    text: 'No child aged {ages} in {file} ({count} {count|child|children}) has a known value of {role} ({columns}), while {share} % of the children aged {present} have one: the question looks not asked at these ages, and the rows of age groups holding them are those of the ages asked.',
    action: 'Do not read these empty cells as 0 hours (that would count every child aged {ages} as not working). Map the column that says who was asked as the universe (Map step), or report the figures for the ages {present} only (age groups without {ages}).',
  },
  YESNO_MISSING_SHARE: {
    text: '{share} % of the children aged {from}-{to} in {file} {among} ({count} of {children}) have no known answer for {role} ({columns}).',
    action: 'Under the missing-hours policy "{policy}" they {effect}; check the column\'s codes (empty cells that mean "no", while the role reads them as unknown: "empty cells mean: no" on the Map step, blank: "no" in the mapping; codes that mean the question was not asked, such as -999999999 or -8, in "codes meaning not asked", notAsked) and report that share with the results.',
  },
  NO_CHILDREN_IN_SCOPE: {
    text: 'No row of {file} is a child aged {from}-{to}; the ages in "{column}" are: {ages}.',
    action: 'Check the age column ("{column}") in the mapping.',
  },
  UNIVERSE_EMPTY: {
    text: 'No child aged {from}-{to} in {file} is in the universe: column "{column}" never holds {codes}; it holds {present} (children per code in brackets).',
    action: 'Check the universe (Map step, mapping.universe): the column and the codes to keep, as codes, not labels (MICS6: FS17 = 1, completed interviews).',
  },
  UNIVERSE_APPLIED: {
    text: 'Universe {column} = {codes}: {inside} of the {children} children aged {from}-{to} in {file} are in scope; the other {outside} {outside|stays|stay} in the design but in no estimate.',
    action: 'Say the universe with the results (MICS tables count completed interviews only).',
  },
  YESNO_CHOICE_LISTS: {
    text: '{count} {count|cell|cells} of column "{column}" ({role}) in {file} {count|is a list|are lists} of choices ("1 3": a select_multiple answer of ODK, SurveyCTO or KoboToolbox): each is read as yes when one of its choices is a yes code ({yes}), else as no.',
    action: 'Check that the yes codes name every choice that counts as yes. The split columns ({column}_1, ...) mapped together to this role give the same (yes when any is yes).',
  },
  UNIVERSE_AGES_OUTSIDE: {
    text: 'Besides, {count} {count|row|rows} of {file} in the universe ({column} = {codes}) {count|has|have} an age ({age}) outside {from}-{to}, or none: not counted among the children above, and in no estimate.',
    action: 'Check those ages: a questionnaire of children aged {from}-{to} gives other ages only by a keying error or a don\'t know (MICS: CB3 98 or 99). Correct them in the file if the children were of those ages.',
  },
  UNIVERSE_OUTSIDE_NO_AGE: {
    text: 'Besides, {count} {count|row|rows} of {file} outside the universe ({column} not {codes}) {count|has|have} no age (interviews not completed): not counted among the children above, in no estimate, and {count|it stays|they stay} in the design.',
    action: 'Nothing to do: the universe leaves them out, as MICS tables leave out incomplete interviews.',
  },
  WEIGHTS_NORMALISED: {
    text: 'The weights in "{column}" of {file} add up to {sum}, about the number of rows with a weight ({rows}): they are normalised weights, as MICS and DHS publish them. Prevalences, standard errors, intervals and the design effect against simple random sampling with replacement are right; the estimated numbers of children are numbers of sample children, not of the population, and the design effect against sampling without replacement (deff), whose factor 1 - n/N needs population weights, is left empty.',
    action: 'Publish the prevalences. For numbers of children in the population, use weights that add up to the population (the survey report gives the factor), or multiply the prevalence by a population estimate.',
  },
  WEIGHTS_SCALED_MILLION: {
    text: 'The weights in "{column}" of {file} average {mean}, about 1,000,000: DHS stores its normalised weights (hv005, v005) multiplied by 1,000,000. Prevalences, standard errors and intervals are right; the estimated numbers of children are a million times numbers of sample children, not numbers of the population.',
    action: 'Publish the prevalences only, or use weights that add up to the population. To read them as the normalised weights they are (the totals then numbers of sample children), choose 1,000,000 in "weights divided by" beside the weight on the Map step (mapping.weightDivisor: 1000000 in the analysis file).',
  },
  WEIGHTS_BELOW_ONE: {
    text: 'The weights in "{column}" of {file}, as read, average {mean}, below 1: population weights are at least 1 (a child stands for at least itself) and normalised weights average 1. Prevalences, standard errors and intervals do not depend on the scale; the estimated numbers of children are far too small.',
    action: 'If "weights divided by" is set on the Map step (mapping.weightDivisor) and the file\'s weights are already divided (DHS\'s hv005 / 1,000,000), set it to 1. Otherwise check the weight column.',
  },
  WEIGHTS_ALL_ZERO: {
    text: 'Every child in scope in {file} has weight 0 in column "{column}" ({count} {count|child|children}): there is nothing to estimate.',
    action: 'Check that "{column}" is the final weight of these children (MICS: fsweight for the child labour module), and the universe.',
  },
  WEIGHT_NOT_FINITE: {
    text: 'Weight column "{column}" of {file} holds {count|a value|values} that {count|is|are} not a finite number at {count|row|rows} {rows} ({count|it is|the first is} "{value}"; {count} {count|row|rows} in all).',
    action: 'Weights must be finite numbers (not NaN, Infinity or an overflow such as 1e400). Correct those cells in the file.',
  },
  VALUE_NOT_FINITE: {
    text: 'Column "{column}" ({role}) of {file} holds a value that is not a finite number at {count|row|rows} {rows}: "{value}" ({count} {count|row|rows} in all).',
    action: 'Correct those cells (an age or a weight must be a number), or, for an hours or yes/no role, declare the code missing: missingCodes in the analysis file, "missing codes" in the Map step; for the industry or the occupation (a code for not stated), missingCodes in the analysis file.',
  },
  HOURS_OUT_OF_RANGE: {
    text: 'Column "{column}" ({role}) of {file} has hours outside 0-168 a week at {count|row|rows} {rows}: "{value}" ({count} {count|row|rows} in all).',
    action: "A week has 168 hours. If these are codes for don't know or refused, declare them missing (missingCodes or missingFrom); if they mean the question was not asked (-999999999 of Survey Solutions, -8 \"does not apply\"), list them in \"codes meaning not asked\" on the Map step (notAsked: read as empty cells); otherwise correct the cells.",
  },
  HOURS_SUM_OUT_OF_RANGE: {
    text: 'The columns {columns} ({role}) of {file} add up to more than 168 hours a week at {count|row|rows} {rows}: {value} hours ({count} {count|row|rows} in all).',
    action: "A week has 168 hours, and each of these columns is within it: their sum is not. Usually \"don't know\" codes (98, 99) counted as hours in some of the columns: declare them missing for this role (missingCodes or missingFrom); otherwise correct the cells.",
  },
  HOURS_CODES_LABELLED: {
    text: 'Column "{column}" ({role}) of {file} has {count} {count|cell|cells} at {codes} (label and cells in brackets; first at row {row}): values the file itself labels as codes, read as hours.',
    action: 'Declare them missing for this role: missingCodes: [{list}] in the analysis file (in the app, "missing codes" in the Map step). A code the file only labels is not declared missing.',
  },
  HOURS_CODES_SUSPECT: {
    text: 'Column "{column}" ({role}) of {file} has {count} {count|cell|cells} at {codes} hours (cells per value in brackets; first at row {row}), a heap above any value just below (80-87 for 88, 90-96 for 97-99; beside a heap at 97-99, the range\'s other values too): these look like "don\'t know" or "missing" codes, and they are read as hours.',
    action: 'If they are codes, declare them missing for this role: missingCodes: [{list}] in the analysis file (in the app, "missing codes" in the Map step); codes of 97 and above are also set aside by missingFrom: 97 ("missing from"), an 88 is not. A .sav or .dta saved as CSV loses its declared missing values, and a code the file only labels (98 "Don\'t know") is not declared. If they are real hours, nothing to do.',
  },
  HOURS_CODES_SUSPECT_SUM: {
    text: 'The columns {columns} ({role}) of {file}, summed as the hours, have {count} {count|cell|cells} at {codes} hours (cells per value in brackets; first at row {row}), a heap above any value just below (80-87 for 88, 90-96 for 97-99; beside a heap at 97-99, the range\'s other values too): these look like "don\'t know" or "missing" codes spread over the columns, and they are read as hours.',
    action: 'If they are codes, declare them missing for this role: missingCodes: [{list}] in the analysis file (in the app, "missing codes" in the Map step); codes of 97 and above are also set aside by missingFrom: 97 ("missing from"), an 88 is not. If they are real hours, nothing to do.',
  },
  INDUSTRY_CLASSES_AS_DIVISIONS: {
    text: 'Industry column "{column}" of {file} holds ISIC classes of 3-4 digits ({classes} {classes|row|rows}, against {divisions} of 1-99), but the mapping reads it as 2-digit divisions: a class such as 4290 names no division, so no child is in a hazardous industry.',
    action: 'Set the ISIC level to class (4 digits) (Map step, or {field}: "class" in the analysis file).',
  },
  INDUSTRY_DIVISIONS_AS_CLASSES: {
    text: 'Industry column "{column}" of {file} holds ISIC divisions of 1-99 ({divisions} {divisions|row|rows}, against {classes} of 3-4 digits), but the mapping reads it as 4-digit classes: division 5 read as a class is division 0, so no child is in a hazardous industry.',
    action: 'Set the ISIC level to division (2 digits) (Map step, or {field}: "division" in the analysis file).',
  },
  INDUSTRY_CODE_DIGITS: {
    text: 'Industry column "{column}" of {file} holds codes of 5 digits or more ({count} {count|row|rows}; first "{value}", at row {row}): ISIC Rev.4 divisions have 2 digits and classes 4, and no reading of longer codes gives the division ("05100" read as a class is division 51), so hazardous industries would be lost.',
    action: 'Map a column of ISIC divisions (2 digits) or classes (4 digits). In a national classification that extends ISIC (5 digits and more), the division is the first 2 digits of the code: make that column in your statistics software. If "{value}" is a missing code (not stated), add it to the column\'s missing codes. To go on without it, leave the industry unmapped: hazardous work then leaves out hazardous industries, and the results say so.',
  },
  INDUSTRY_SECTIONS: {
    text: 'Industry column "{column}" of {file} holds ISIC section letters ({count} {count|row|rows}; first "{value}", at row {row}): each is read as the first division of its section (A 01, B 05, C 10, F 41, G 45...), so mining and quarrying (B) and construction (F) are hazardous industries as the global estimates count them.',
    action: 'Nothing to do for the global-estimate and SDG frameworks. A hazardous list naming only some divisions of a section cannot be applied to a letter: for such a national list, map a column of divisions if the survey has one.',
  },
  OCCUPATION_CODE_DIGITS: {
    text: 'Occupation column "{column}" of {file} holds codes of 5 digits or more ({count} {count|row|rows}; first "{value}", at row {row}): the hazardous occupations are ISCO-08 unit groups of 4 digits, which no longer code matches, so hazardous occupations would be lost.',
    action: 'Map a column of ISCO-08 unit groups (4 digits). In a national classification that extends ISCO (5 digits and more), the unit group is the first 4 digits of the code: make that column in your statistics software. If "{value}" is a missing code (not stated), add it to the column\'s missing codes.',
  },
  OCCUPATION_NOT_UNIT_GROUPS: {
    text: 'Occupation column "{column}" of {file} holds codes of 1-3 digits ({count} {count|row|rows}; first "{value}", at row {row}): ISCO-08 major, sub-major or minor groups. The hazardous occupations are unit groups of 4 digits, which none of these codes matches: those children are never in a hazardous occupation.',
    action: 'Map a column of ISCO-08 unit groups (4 digits) if the survey has one. If it has only shorter codes, hazardous occupations cannot be identified from it: say so with the results (the other hazardous-work criteria still count). If "{value}" is a missing code (not stated), add it to the column\'s missing codes.',
  },
  YESNO_CODES_READ_AS_NO: {
    text: 'Column "{column}" ({role}) of {file} has {count} {count|cell that is|cells that are} neither its "yes" code ({yes}) nor a usual "no" (0, 2, no), nor declared missing: {codes} (cells per value in brackets; first at row {row}). {count|It is|They are} read as "no".',
    action: 'If a value means "don\'t know" or "missing", declare it for this role: missingCodes: [{list}] in the analysis file ("missing codes" in the Map step; a MICS .sav saved as CSV loses its missing-value declarations; R and Stata write missing as NA or "."). If they all mean "no", nothing to do.',
  },
  CATEGORY_SPELLINGS: {
    text: 'Column "{column}" ({role}) of {file} writes the same number in more than one way: {spellings}. A category is read as written ("01" is not "1"), so each spelling is a category of its own, with its own row in the tables.',
    action: 'If they are one category (a file that went through R, Stata or a spreadsheet drops leading zeros), give them one code: {field}: {recode} in the analysis file (in the app, the button "Apply this recode" under this message), or correct the file.',
  },
  CATEGORY_CASE_VARIANTS: {
    text: 'Column "{column}" ({role}) of {file} writes {count|a name|names} in ways that differ only in capitals, accents, spaces, apostrophes or dashes (\' and ’, - and –): {spellings}. A category is read as written, so each way is a category of its own, with its own row in the tables, and the children of that one category are split among them.',
    action: 'If they are one category, give them one code: {field}: {recode} in the analysis file (in the app, the button "Apply this recode" under this message), or correct the file. If they are different categories, nothing to do.',
  },
  CATEGORY_UNICODE_FORMS: {
    text: 'Column "{column}" ({role}) of {file} writes {count|a name|names} with accents in two ways that look the same: {spellings} (one with a letter such as "ô" as one character, the other as a letter and a separate accent, as macOS and some exports write it). Each is a category of its own, with its own row in the tables.',
    action: 'Give them one code: {field}: {recode} in the analysis file (in the app, the button "Apply this recode" under this message), or save the file with composed characters (NFC).',
  },
  YESNO_YES_READ_AS_NO: {
    text: 'Column "{column}" ({role}) of {file} writes "yes" as {codes} (cells per value in brackets; first at row {row}), but its "yes" code is {yes}: these {count} {count|cell|cells} are read as "no".',
    action: 'Declare them as the yes codes of this role: yes: [{list}] in the analysis file (in the Map step, the role\'s "yes" code). A BOOLEAN column of a Parquet file is written true and false.',
  },
  YESNO_YES_NONE: {
    text: 'Column "{column}" ({role}) of {file} writes "yes" as {codes} (cells per value in brackets; first at row {row}), and no cell holds its "yes" code {yes}: every yes of the column would be read as "no", so the run stops.',
    action: 'Declare them as the yes codes of this role: yes: [{list}] in the analysis file (in the Map step, the role\'s "yes" code). A BOOLEAN column of a Parquet file is written true and false.',
  },
  YESNO_YES_IS_LABEL: {
    text: 'The "yes" code {yes} of {role} is the label of code "{code}" in column "{column}" of {file}, whose cells hold codes: the {count} {count|cell|cells} of code "{code}" (first at row {row}) would be read as "no", and no cell as "yes".',
    action: 'Give the code, not its label: yes: ["{code}"] in the analysis file (in the Map step, the role\'s "yes" code).',
  },
  PSU_NOT_MAPPED: {
    text: 'No cluster (PSU) column is mapped for {file}. Without one every child would count as its own cluster, and standard errors of a clustered survey would come out too small.',
    action: 'Map the cluster column ({candidates}), or choose "No clusters (simple random sample of children)" (mapping.noClusters: true) if the children really were sampled one by one.',
  },
  NO_CLUSTERS_CHOSEN: {
    text: 'No clusters: as chosen, every child of {file} is its own sampling unit (a simple random or stratified sample of children).',
    action: 'Say so with the results; if the survey sampled clusters (enumeration areas), map the cluster column instead.',
  },
  COLUMN_IN_TWO_ROLES: {
    text: 'Column "{column}" of {file} is mapped to two roles: {roles}.',
    action: 'Check the mapping: each role usually reads its own column (sex and area, or age and weight, are never the same variable).',
  },
  JOIN_APPLIED: {
    text: 'Join {name}: each row of {main} gets {columns} {columns|column|columns} from {file} by {keys}; {matched} of {rows} rows matched.',
    action: 'Nothing to do; check that the keys are the ones the survey\'s documentation gives.',
  },
  JOIN_KEY_BLANK: {
    text: '{count} of the {rows} rows of {main} {count|has|have} an empty {columns} (or 0, which no row of {file} has): no row of {file} is looked for, and {count|it is|they are} kept with the columns from {file} empty (in MICS, an empty or 0 line number of the mother or caretaker: she is not a member of the household).',
    action: 'Nothing to do if an empty key means "none" in this survey.',
  },
  JOIN_SAME_NAME_DIFFERS: {
    text: 'Column "{column}" is in {main} and in {file}, and the two differ in {count} of the {matched} matched rows (first at row {row} of {main}: "{mine}" in {main}, "{theirs}" in {file}). The column of {file} is joined as "{joined}"; a mapping that names "{column}" reads the one of {main}.',
    action: 'Check which file holds the values the survey\'s tables use (in MICS, the household file\'s wealth index and region). To use those of {file}, map "{joined}".',
  },
  JOIN_UNMATCHED: {
    text: '{count} of the {rows} rows of {main} {count|has|have} no row in {file} by {keys} ({count|row|the first: row} {row}, {values}): {count|it is|they are} kept, with the columns from {file} empty.',
    action: 'Check the keys (line numbers, household numbers); if those rows should have a match, the files may come from different versions of the survey.',
  },
  JOIN_NO_MATCH: {
    text: 'Join {name}: no row of {main} matches a row of {file} by {keys}. {main} holds keys such as {mine}; {file} holds {theirs}.',
    action: 'Give the columns that hold the same identifiers in both files (the survey\'s documentation names them) in the analysis file, joins[].on, and open it with its files; or open the files one by one to check their keys. Keys that differ in capitals ("CENT-R", "cent-r") or numbering are no match: correct them in the file. Whole numbers match however written ("01", "1.0", "1").',
  },
  JOIN_KEY_CASE: {
    text: 'The join {name} needs the key column "{column}", which is not in {file}; the file has "{actual}", the same name in other capitals.',
    action: 'Write "{actual}" for this key in the join (joins[].on in the analysis file, or pick the column again in the app): names are matched exactly, capitals included.',
  },
  JOIN_KEY_MISSING: {
    text: 'The join {name} needs the key column "{column}", which is not in {file}.',
    action: 'Check the join\'s keys (joins[].on) against the columns of {file} and {other}.',
  },
  JOIN_KEY_DUPLICATE: {
    text: 'Join {name}: rows of {main} match more than one row of {file} by {keys}: {values} (rows of {file} in brackets). A join brings one row to each row of {main}.',
    action: 'Check the keys: a household file joins by household (HH1, HH2), a members file by household and line number (HH1, HH2, HL1). If those rows of {file} are different people (a members file joined onto a household file), make the file with one row per child the main file and join {main} onto it; remove rows from {file} only if they are true copies.',
  },
  JOIN_COLUMN_CLASH: {
    text: 'Join {name}: column "{column}" of {file} would be named "{taken}", which is already taken.',
    action: 'Give the join a prefix (joins[].prefix) or list the columns it should bring (joins[].columns).',
  },
  FILESET_NOT_JOINED: {
    text: '{main} was taken as the main file (one row per child); {files} {count|was|were} not joined: no key columns were found that link {count|it|them} to {main} one row to one child.',
    action: 'Open the files of one survey together: the child file (or the members file) with its household and members files. To join another file, write its join (file and key columns, joins[].on) in the analysis file and open the analysis file with its files.',
  },
  FILESET_FILE_MISSING: {
    text: 'The analysis reads the data file {file}, which was not among the files opened ({opened}).',
    action: 'Open {file} together with the other files the analysis names (a file is matched by its name).',
  },
  // --- design and estimation ---------------------------------------------------------------------
  LONELY_PSU_FAIL: {
    text: '{file}: {count|stratum|strata} {strata} of column "{column}" {count|has|have} a single PSU. The lonely-PSU policy "fail" stops here.',
    action: 'Choose a lonely-PSU policy (adjust, average, remove or certainty), or collapse those strata with a neighbour.',
  },
  LONELY_PSU_PRESENT: {
    text: '{count} {count|stratum has|strata have} a single PSU ({strata}); {count|its|their} variance is handled by the policy "{policy}".',
    action: 'Say in the report which lonely-PSU policy was used.',
  },
  DOMAIN_EMPTY: {
    text: 'Domain {domain} has no children with a known value of {indicator}.',
    action: 'Nothing to do; the cell is left empty.',
  },
  CI_UNDEFINED: {
    text: 'The {method} interval is not defined for {domain} (estimate {estimate}, {df} {df|degree|degrees} of freedom).',
    action: 'Report the estimate with its unweighted count; consider the Korn-Graubard interval for estimates of 0 or 100 %.',
  },
  ENGINE_OUT_OF_MEMORY: {
    text: 'The app ran out of memory working on {file} ({detail}): its engine has at most 4 GB of WebAssembly memory. No result was shown.',
    action: 'Use the command line, which has no such limit and gives the same numbers: save the analysis file (Define step), then run  clstats run ANALYSIS.clstats  (see the README, "Command line").',
  },
  ENGINE_FAILED: {
    text: 'The calculation engine failed: {detail}.',
    action: 'This is a bug or an unsupported file; please report it with the analysis file (not the data).',
  },
  NETWORK_BLOCKED: {
    text: 'The engine refused to reach outside the computer: {detail}.',
    action: 'Nothing leaves the machine by design. Open local files only.',
  },
  // --- command line ------------------------------------------------------------------------------
  CLI_USAGE: {
    text: '{detail}',
    action: 'Run "clstats --help" for the commands and options.',
  },
  OUTPUT_IS_INPUT: {
    text: '{option} {file} is the same file as {input}, which this command reads; writing there would overwrite it. Nothing was written.',
    action: 'Give {option} another file name; clstats never changes its input files.',
  },
  OUTPUT_IS_FOLDER: {
    text: '{option} {file} is a folder, not a file. Nothing was written.',
    action: 'Give {option} the name of a file (inside that folder if you like).',
  },
  OUTPUT_FOLDER_MISSING: {
    text: 'The folder {folder} of {option} {file} does not exist. Nothing was computed or written.',
    action: 'Create the folder first, or correct the path.',
  },
  OUTPUT_WRITE_FAILED: {
    text: '{file} could not be written: {detail}. An earlier file of that name is unchanged.',
    action: 'Check that the folder is writable, the disk has space and the file is not open in another program, then run again.',
  },
  // --- survey rounds (analysis/rounds/) ----------------------------------------------------------
  ROUNDS_TOO_FEW: {
    text: 'The analysis file {file} has {count} {count|round|rounds} under "rounds"; a comparison needs at least two.',
    action: 'Add the follow-up round (its label, year, data file and mapping), or give data and mapping at the top level for a single survey.',
  },
  ROUNDS_FILE_NAMES_SHARED: {
    text: 'Rounds {first} and {second} each read a file named {name}, different files of the same name. The app tells the files you open apart by their names only, and would read one of them for both rounds.',
    action: 'Rename the files of one round (2017_{name}, say), and their paths in the analysis file, then open them again; or run the analysis with the command line (clstats run), which reads each file from its folder.',
  },
  ROUNDS_SAME_DATA_FILE: {
    text: 'Rounds {first} and {second} of {file} read the same data file, {path}: their estimates would be the same, and every change 0.',
    action: 'Give each round its own data file (each round\'s folder: 2017/fs.sav, 2023/fs.sav). An analysis saved by the app names the files without their folders: put each round\'s files in a folder of its own and write the folders into the paths.',
  },
  ROUNDS_LABEL_DUPLICATE: {
    text: 'Two rounds of {file} have the label "{round}".',
    action: 'Give each round its own label ("MICS 2017", "MICS 2023"): the tables and the changes name rounds by it.',
  },
  ROUNDS_YEARS_NOT_INCREASING: {
    text: 'In {file}, round "{round}" ({year}) is listed after round "{previous}" ({previousYear}) but is not later.',
    action: 'List the rounds oldest first, each with a later year than the one before (decimals are allowed: 2017.5).',
  },
  ROUNDS_DATA_MISSING: {
    text: 'Round "{round}" of {file} names no data file (rounds[{index}].data).',
    action: 'Give the round a "data" entry with the path of its data file, relative to the analysis file.',
  },
  ROUND_CODES_NOT_IN_CATEGORIES: {
    text: 'Round "{round}": {count} {count|code|codes} of {dimension} ({column} in {file}) {count|is|are} not among the rounds\' categories ({categories}): {codes}. {count|It is a category|They are categories} of this round only, so {count|its changes have|their changes have} no estimate in the other rounds.',
    action: 'If they are the same categories written another way (01 for 1) or renumbered, map them onto the shared codes with a recode ({field} in the round, or the Map step); if the category is new in this round, nothing to do.',
  },
  ROUND_LABELS_DIFFER: {
    text: 'Round "{round}": {count} {count|code|codes} of {dimension} ({column} in {file}) {count|is|are} labelled in the file otherwise than in the rounds\' categories (code = file\'s label / shared label): {pairs}. Rounds are compared code by code: if the file numbers its categories its own way, these codes are compared with other categories.',
    action: 'Check the survey\'s codebooks. If the round numbers its categories otherwise, map its codes onto the shared ones with a recode ({field} in the round); if the labels only differ in wording, nothing to do.',
  },
  ROUND_LABELS_DIFFER_FIRST: {
    text: 'Round "{round}": {count} {count|code|codes} of {dimension} ({column} in {file}) {count|is|are} labelled in the file otherwise than in round "{other}" (code = this round\'s label / that round\'s label): {pairs}. Rounds are compared code by code: if this round numbers its categories its own way, these codes are compared with other categories.',
    action: 'Check the survey\'s codebooks. If the round numbers its categories otherwise, map its codes onto the first round\'s with a recode ({field} in the round) and name the shared categories (categories in the rounds file); if the labels only differ in wording, nothing to do.',
  },
  ROUND_CODES_SPELLED: {
    text: 'Round "{round}": {count} {count|code|codes} of {dimension} ({column} in {file}) {count|writes|write} a number otherwise than round "{other}" (this round / that round): {pairs}. Rounds are compared code by code, so {count|this category has|these categories have} no change between them: each is a category of one round only.',
    action: 'If they are the same categories, give this round the other\'s codes with a recode: {field}: {recode} in the round (or the Map step), or name the shared categories (categories in the rounds file).',
  },
  ROUNDS_NOT_MEASURED: {
    text: 'Round "{round}" does not map {roles}, which "{framework}" needs: the indicators that use it are not estimated in this round, and their changes are marked not comparable.',
    action: "Map it in this round if the round's questionnaire had the module; otherwise compare only the indicators this round can measure.",
  },
  ROUND_EMPLOYMENT_DIFFERS: {
    text: 'Round "{round}" maps the role "{role}" and round "{other}" does not: children in employment, and the child labour and hazardous work counted among them, come from other questions in the two rounds, and their changes hold that difference too.',
    action: 'Map it in both rounds if both surveys asked it; otherwise say so with the changes.',
  },
  ROUND_AGES_DIFFER: {
    text: 'Round "{round}" has no child in scope aged {ages} whose indicator is known, and round "{other}" has (a child module asked of fewer ages, a universe that leaves them out, or hours not asked at those ages of the children who worked): the totals, and every domain that includes those ages, are of other children in one round than in the other. Their changes are marked not comparable; the age groups both rounds cover are compared.',
    action: 'Compare the age groups both rounds cover. A change of the totals needs rounds of the same ages.',
  },
  RECODE_CODE_NOT_LISTED: {
    text: 'Column "{column}" ({role}) of {file} has {count} {count|row|rows} with code "{value}", which its recode does not list (first at row {row}). {count|It keeps|They keep} the code as written: a category of its own, compared only with the same code in other rounds.',
    action: 'Add "{value}" to the recode with the shared code it means, or declare it missing in the data file.',
  },
  RECODE_CODE_CLASH: {
    text: 'Column "{column}" ({role}) of {file} has {count} {count|row|rows} with code "{value}", which its recode does not list but which is one of the shared codes it maps onto (first at row {row}): {count|it|they} would be counted in that shared category without being listed.',
    action: 'List "{value}" in the recode with the shared code it means (map it to "{value}" if it is that category).',
  },
  COMPARE_DEFINITIONS_DIFFER: {
    text: 'The analysis files {baseline} and {followup} do not measure the same things; they differ in: {differences}.',
    action: 'Give both files the same frameworks and rules, age groups, indicators, breakdowns and estimation options (only the data, joins, mapping and title may differ), then compare again.',
  },
};
