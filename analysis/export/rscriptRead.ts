import type { ResolvedAnalysis } from '../analysisFile.js';
import { mappedColumns } from '../mapping.js';
import { rString, rVec } from './rscriptMapping.js';
import type { ExportMetadata } from './metadata.js';

/**
 * How the exported R script reads the data file, as the app's loader does (import/load.ts): every
 * column as text, numbers written as a CSV would write them, plus what SPSS and Stata files carry
 * besides their values:
 *   raw           the text table ("1", not "1.0"; system missing is a blank cell)
 *   declared      per column, TRUE on the cells the file declares missing: SPSS user-missing values
 *                 and ranges (haven::read_sav(user_na = TRUE) keeps them as labelled_spss values), Stata
 *                 extended missing values .a-.z (haven's tagged NA). The text keeps the code ("98",
 *                 ".d"), as the app's raw table does.
 *   value_labels  per column, code -> label (the cells' labels in the output, as clstats run writes them)
 * CSV (and TSV) with read.csv; .sav, .zsav and .dta with haven; Parquet and Excel are not read: the
 * script stops and asks for a CSV. The same R function reads every joined file of a file set
 * (rscriptJoins.ts).
 */

/** R helpers for SPSS and Stata files (haven). */
const HAVEN_HELPERS = String.raw`## Numbers as the app's text: whole numbers without decimals ("1", not "1.0"), others in their shortest
## round-trip form (15 to 17 significant digits); NA (system missing) is blank.
num_text <- function(v) {
  out <- rep(NA_character_, length(v))
  ok <- !is.na(v)
  whole <- ok & v == trunc(v) & abs(v) < 1e15
  v[whole & v == 0] <- 0                                      # no "-0"
  out[whole] <- sprintf("%.0f", v[whole])
  for (i in which(ok & !whole)) {
    for (digits in 15:17) {
      out[i] <- sprintf(paste0("%.", digits, "g"), v[i])
      if (as.numeric(out[i]) == v[i]) break
    }
  }
  out
}
## Dates and times as the number the file stores (the app does not convert them): SPSS seconds since
## 14 Oct 1582, Stata days (%td) or milliseconds (%tc) since 1 Jan 1960.
file_number <- function(x, format) {
  if (inherits(x, "Date")) return(if (format == "dta") as.numeric(x) + 3653 else as.numeric(x) * 86400 + 12219379200)
  if (inherits(x, "POSIXct")) return(if (format == "dta") (as.numeric(x) + 315619200) * 1000 else as.numeric(x) + 12219379200)
  as.numeric(x)
}
## One column as the app's text. Stata .a-.z become ".a"-".z"; SPSS user-missing values keep their code.
as_text <- function(x, format) {
  v <- unclass(x)
  if (is.character(v)) return(as.vector(v))
  out <- num_text(file_number(x, format))
  if (is.double(v)) {
    tagged <- haven::is_tagged_na(as.vector(v))
    out[tagged] <- paste0(".", haven::na_tag(as.vector(v))[tagged])
  }
  out
}
## The cells the file declares missing: SPSS user-missing (NA for is.na() but a value underneath),
## Stata extended missing (tagged NA). A plain NA is system missing: a blank cell.
declared_cells <- function(x) {
  if (inherits(x, "haven_labelled_spss")) return(is.na(x) & !is.na(as.vector(unclass(x))))
  v <- as.vector(unclass(x))
  if (is.double(v)) haven::is_tagged_na(v) else rep(FALSE, length(v))
}
## Value labels as code -> label, the codes written as in raw.
label_codes <- function(x, format) {
  l <- attr(x, "labels", exact = TRUE)
  if (is.null(l) || length(l) == 0) return(NULL)
  codes <- if (is.character(l)) trim(as.vector(l)) else as_text(as.vector(l), format)
  stats::setNames(names(l), codes)
}`;

/**
 * R functions that read one file as the app's loader does, used for the data file and for every
 * joined file (rscriptJoins.ts): the format from the analysis file or from the first bytes, then the
 * extension (import/format.ts); the column names alone (the header); and the file itself, as
 * list(raw, declared, value_labels). A CSV is read whole; a .sav, .zsav or .dta file only in the
 * columns asked for.
 */
const READERS = String.raw`## The format: as the analysis file says, else from the first bytes, then the extension (as the app).
file_format <- function(path, forced = NULL) {
  if (!is.null(forced)) return(forced)
  head <- readBin(path, "raw", 11)
  starts <- function(s) length(head) >= nchar(s) && identical(head[seq_len(nchar(s))], charToRaw(s))
  ext <- tolower(tools::file_ext(path))
  if (starts("$FL2")) "sav" else if (starts("$FL3")) "zsav" else if (starts("<stata_dta>")) "dta"
  else if (starts("PAR1")) "parquet" else if (starts("PK\003\004")) "xlsx"
  else if (ext %in% c("sav", "zsav", "dta", "parquet", "xlsx")) ext else if (ext == "pq") "parquet"
  else if (ext == "xlsm") "xlsx" else "csv"
}
## The text encoding as the app detects it (import/textFile.ts) when the analysis file names none: a
## byte order mark (UTF-8, UTF-16), else UTF-8 when the bytes are valid UTF-8, else windows-1252.
csv_encoding <- function(path) {
  b <- readBin(path, "raw", n = file.size(path))
  starts <- function(x) length(b) >= length(x) && all(b[seq_along(x)] == as.raw(x))
  if (starts(c(0xef, 0xbb, 0xbf))) return("UTF-8-BOM")
  if (starts(c(0xff, 0xfe)) || starts(c(0xfe, 0xff))) return("UTF-16")
  if (validUTF8(rawToChar(b[b != as.raw(0)]))) "UTF-8" else "CP1252"
}
## A CSV file as text; the delimiter and the encoding as the analysis file says, else detected as the app does.
csv_read <- function(path, csv, nrows = -1) {
  encoding <- if (is.null(csv$encoding)) csv_encoding(path) else csv$encoding
  sep <- csv$sep
  if (is.null(sep)) {
    con <- file(path, encoding = encoding)
    first <- readLines(con, n = 1 + if (is.null(csv$skip)) 0 else csv$skip, warn = FALSE)
    close(con)
    first <- first[length(first)]
    cand <- c(",", ";", "\t", "|")
    counts <- vapply(cand, function(s) lengths(regmatches(first, gregexpr(s, first, fixed = TRUE))), 0L)
    ## None of them in the header: spaces between fields (R's own write.table), as the app reads it.
    sep <- if (max(counts) == 0) " " else cand[which.max(counts)]
  }
  ## csv$skip: title lines above the header, which the app skipped too (import/titleRows.ts).
  raw <- read.csv(path, sep = sep, colClasses = "character", na.strings = character(0), check.names = FALSE,
                  strip.white = FALSE, header = csv$header, fileEncoding = encoding, nrows = nrows,
                  skip = if (is.null(csv$skip)) 0 else csv$skip, row.names = NULL)
  ## A delimiter ending the data lines but not the header: read.csv takes the header as one name short
  ## and names the first column "row.names" (without row.names = NULL it took the first column as row
  ## names and shifted every other column by one: wrong numbers, a probe). The app reads the empty
  ## field past the header's last column as nothing: so here.
  if (isTRUE(csv$header) && ncol(raw) > 1 && names(raw)[1] == "row.names" &&
      all(is.na(raw[[ncol(raw)]]) | trimws(raw[[ncol(raw)]]) == "")) {
    header_names <- names(raw)[-1]
    raw <- raw[-ncol(raw)]
    names(raw) <- header_names
  }
  ## Rows that are no survey rows, which the app does not read either (import/load.ts): no value in any
  ## column (a spreadsheet's empty rows saved with their delimiters), anywhere; at the end also, in a
  ## table of three or more columns, rows of one or two values that are words (a letter, not a number):
  ## notes under the data.
  if (!ncol(raw) || !nrow(raw)) return(raw)
  cells <- trimws(as.matrix(raw))
  cells[is.na(cells)] <- ""
  filled <- rowSums(cells != "")
  word <- array(grepl("\\pL", cells, perl = TRUE) & !grepl("^[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?$", cells), dim(cells))
  not_data <- filled == 0 | (ncol(raw) >= 3 & filled <= 2 & rowSums(cells != "" & word) == filled)
  keep <- seq_len(nrow(raw)) <= max(c(0, which(!not_data))) & filled > 0
  raw[keep, , drop = FALSE]
}
need_haven <- function(format) {
  if (!requireNamespace("haven", quietly = TRUE)) stop("Reading a ", format, " file needs the haven package: install.packages(\"haven\")")
  if (format == "dta") haven::read_dta else function(...) haven::read_sav(..., user_na = TRUE)
}
## Parquet and Excel files are not read here: the script stops and says what to do ("where": how to
## give the CSV to the script; the rounds' script sets data_where to its own way).
data_where <- "give its path as the first argument"
readable <- function(format, what, where) {
  if (format %in% c("parquet", "xlsx")) {
    stop(what, " is ", format, ": this script reads CSV, SPSS (.sav, .zsav) and Stata (.dta) files only. ",
         "Save the data as CSV (every column as text, as the app reads it; hours a sheet shows as times, 12:30, ",
         "as numbers of hours: the cell times 24, as the app reads them) and ", where, ".", call. = FALSE)
  }
}
## The names of a file's columns (its header only).
file_columns <- function(path, format, csv, what = "The data file", where = data_where) {
  readable(format, what, where)
  if (format %in% c("sav", "zsav", "dta")) names(need_haven(format)(path, n_max = 0)) else names(csv_read(path, csv, nrows = 1))
}
## A file as the app's raw table: list(raw = every column as text, declared = the cells the file
## declares missing, value_labels = code -> label). SPSS: user_na = TRUE keeps user-missing codes (98,
## 99) as values flagged missing, instead of NA. Stata: .a-.z are read as tagged NA.
## Only the columns asked for are read from a .sav, .zsav or .dta file; a CSV is read whole.
read_file <- function(path, format, columns, csv, what = "The data file", where = data_where) {
  readable(format, what, where)
  if (!(format %in% c("sav", "zsav", "dta"))) return(list(raw = csv_read(path, csv), declared = list(), value_labels = list()))
  file_data <- need_haven(format)(path, col_select = tidyselect::all_of(columns))
  list(raw = as.data.frame(lapply(file_data, as_text, format = format), stringsAsFactors = FALSE, check.names = FALSE),
       declared = lapply(file_data, declared_cells),
       value_labels = Filter(Negate(is.null), lapply(file_data, label_codes, format = format)))
}`;

/**
 * How a file's CSV options are written in R: list(sep, header, encoding), and skip when title lines
 * precede the header. An encoding the analysis file does not name is detected by the script as the app
 * detects it (csv_encoding): NULL. (A UTF-8 BOM is read as UTF-8 either way, as the app reads it.)
 */
export function csvOptionsR(spec: { format?: string; delimiter?: string; encoding?: string; header?: boolean }, skip = 0): string {
  const e = spec.encoding;
  const encoding = e === 'windows-1252' || e === 'latin-1' ? 'CP1252' : e === 'macintosh' ? 'macintosh' : e === 'utf-8' ? 'UTF-8-BOM' : e?.startsWith('utf-16') ? 'UTF-16' : undefined;
  const sep = spec.delimiter ?? (spec.format === 'tsv' ? '\t' : undefined);
  return `list(sep = ${sep ? rString(sep) : 'NULL'}, header = ${spec.header === false ? 'FALSE' : 'TRUE'}, encoding = ${encoding ? rString(encoding) : 'NULL'}${skip ? `, skip = ${skip}` : ''})`;
}

/** The import note `code` about the file at `path` (messages name files by their base name). */
const baseName = (p: string) => p.split(/[\\/]/).pop();
const noteOf = (meta: ExportMetadata, code: string, path: string) => meta.messages.find((m) => m.code === code && baseName(String(m.params.file)) === baseName(path));

/**
 * The lines above a delimited file's header that the app skipped as titles (titleRows.ts), from the
 * run's own note of it (DATA_CSV_TITLE_SKIPPED names the file and the header's line): 0 if none.
 */
export function titleLinesOf(meta: ExportMetadata, path: string): number {
  const note = noteOf(meta, 'DATA_CSV_TITLE_SKIPPED', path);
  return note ? Number(note.params.line) - 1 : 0;
}

/**
 * A file's CSV options for the R script: the analysis file's, with the encoding the app detected when
 * it is Mac OS Roman, which the script's own detection (csv_encoding: UTF-8, else windows-1252) does
 * not tell apart.
 */
export function csvSpecForR<S extends { path: string; encoding?: string }>(meta: ExportMetadata, spec: S): S {
  const read = readSpecOf(meta, spec);
  return !read.encoding && String(noteOf(meta, 'DATA_ENCODING_GUESSED', spec.path)?.params.encoding) === 'macintosh' ? { ...read, encoding: 'macintosh' } : read;
}

/**
 * The text encoding the app read a delimited file in: the analysis file's, else the one its import
 * note names (DATA_ENCODING_GUESSED: windows-1252, UTF-16), else UTF-8. For the Stata do-file, which
 * cannot detect it.
 */
export function encodingReadOf(meta: ExportMetadata, spec: { path: string; encoding?: string }): string {
  const read = readSpecOf(meta, spec).encoding;
  if (read) return read === 'latin-1' ? 'windows-1252' : read;
  const note = noteOf(meta, 'DATA_ENCODING_GUESSED', spec.path);
  return note ? String(note.params.encoding).toLowerCase() : 'utf-8';
}

/**
 * A file's reading options as the app applied them: a byte order mark wins over data.encoding
 * (DATA_ENCODING_BOM: the file was saved again), so the scripts read it in the BOM's encoding too.
 */
export function readSpecOf<S extends { path: string; encoding?: string }>(meta: ExportMetadata, spec: S): S {
  const bom = noteOf(meta, 'DATA_ENCODING_BOM', spec.path);
  return bom ? { ...spec, encoding: String(bom.params.encoding).toLowerCase() } : spec;
}

/** The format an analysis file forces on a file, in R (NULL: detected). */
export const forcedFormatR = (format: string | undefined) => (format ? rString(format === 'tsv' ? 'csv' : format) : 'NULL');

/**
 * How the data file is read (R code of step 1): CSV with the analysis' options, SPSS and Stata with
 * haven. `joined`, when the analysis joins files, is the R code that reads and joins them
 * (rscriptJoins.ts): it reads the data file itself (in the columns the joins and the mapping need)
 * and leaves the joined table in `main`.
 */
export function readDataR(a: ResolvedAnalysis, meta: ExportMetadata, joined?: string): string {
  // The data spec grows with the import formats; only the options read here are named.
  const spec = a.data as { path: string; format?: string; delimiter?: string; encoding?: string; header?: boolean };
  const columns = [...new Set(mappedColumns(a.mapping).map((c) => c.column))];
  return `data_format <- file_format(data_file, ${forcedFormatR(spec.format)})${spec.format ? '   # as the analysis file says' : ''}
main_csv <- ${csvOptionsR(csvSpecForR(meta, spec), titleLinesOf(meta, spec.path))}   # CSV: delimiter, header, encoding (NULL: detected as the app does)
used_columns <- ${columns.length ? rVec(columns) : 'character(0)'}   # the columns the analysis reads
${joined ?? 'main <- read_file(data_file, data_format, used_columns, main_csv)'}
raw <- main$raw                     # the text table ("1", not "1.0"; system missing is a blank cell)
declared <- main$declared           # per column, TRUE on the cells the file declares missing (none in a CSV)
value_labels <- main$value_labels   # per column, code -> label (none in a CSV)
rm(main)
n_rows <- nrow(raw)
if (n_rows != ${meta.source.rowsRead}) warning("the app read ${meta.source.rowsRead} rows; this file has ", n_rows, ": is it the same data file?")`;
}

export function havenHelpersR(): string {
  return `${HAVEN_HELPERS}

${READERS}`;
}
