import type { ResolvedAnalysis } from '../analysisFile.js';
import type { JoinSpec } from '../types.js';
import { comment, rString, rVec } from './rscriptMapping.js';
import { csvOptionsR, csvSpecForR, forcedFormatR, titleLinesOf } from './rscriptRead.js';
import type { ExportMetadata } from './metadata.js';

/**
 * The exported R script's file sets: the joins of the analysis file (`joins`), performed in R as the
 * app performs them in DuckDB (analysis/import/joinFiles.ts), so the script's table is the app's:
 *   - each joined file is read with the data file's reader (rscriptRead.ts), once even when two joins
 *     read it (the child's and the mother's row of hl), in the columns the analysis and the keys need
 *   - the joins run in order, each a LEFT JOIN many-to-one with base R merge(all.x = TRUE), put back in
 *     the data file's row order by a row index (merge reorders): no row dropped or moved
 *   - keys compare as trimmed text, whole numbers as numbers ("01", "1.0" and "1" match; "0012A" is
 *     itself), and a blank key matches nothing
 *   - the brought columns are named as the app names them (every column but the keys, or the join's
 *     columns; prefix + column, else the column's name unless taken, then <join name>_<column>),
 *     a later join may use a column an earlier one brought (the mother's row by HL12)
 *   - the script stops where the app stops (a key column missing, a key value that rows of the data
 *     file carry and two rows of the joined file share) and prints the app's JOIN_APPLIED and
 *     JOIN_UNMATCHED texts
 *   - declared missing cells and value labels of the brought columns come along, so a code the joined
 *     .sav declares missing is missing in every role, as in the app.
 */

/** A file as the user knows it: its name, not its folders. */
const fileName = (path: string) => path.split(/[\\/]/).pop() ?? path;
const keyText = (j: JoinSpec) => `${j.on.map((k) => k.main).join(', ')} = ${j.on.map((k) => k.joined).join(', ')}`;
const ABSOLUTE = /^(\/|~|[A-Za-z]:)/;

/** A relative path as folders, with "." dropped and "a/.." folded. */
function parts(path: string): string[] {
  const out: string[] = [];
  for (const p of path.replace(/\\/g, '/').split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..' && out.length && out[out.length - 1] !== '..') out.pop();
    else out.push(p);
  }
  return out;
}

/**
 * Where the script looks for a joined file: both paths of the analysis file are relative to it, the
 * script finds the data file (its argument or its default), so a joined file is found by its path
 * relative to the data file's folder. An absolute path stays as it is.
 */
export function pathFromData(dataPath: string, joinPath: string): string {
  if (ABSOLUTE.test(joinPath) || ABSOLUTE.test(dataPath)) return joinPath.replace(/\\/g, '/');
  const from = parts(dataPath).slice(0, -1);
  const to = parts(joinPath);
  let same = 0;
  while (same < from.length && same < to.length - 1 && from[same] === to[same]) same++;
  // A data folder above the analysis file's ("../data/fs.sav") cannot be left by "..": keep the path.
  if (from.slice(same).includes('..')) return to.join('/');
  return [...from.slice(same).map(() => '..'), ...to.slice(same)].join('/');
}

/** The distinct files of the joins (the app reads a file once per path and reading options), keyed by the first join that reads it. */
function joinedFiles(joins: JoinSpec[]): { key: string; spec: JoinSpec['data'] }[] {
  const seen = new Map<string, { key: string; spec: JoinSpec['data'] }>();
  for (const j of joins) {
    const id = JSON.stringify(j.data);
    if (!seen.has(id)) seen.set(id, { key: j.name, spec: j.data });
  }
  return [...seen.values()];
}
const fileKey = (joins: JoinSpec[], j: JoinSpec) => joinedFiles(joins).find((f) => JSON.stringify(f.spec) === JSON.stringify(j.data))!.key;

/** The header's lines on the joins, in words. */
export function joinsHeader(a: ResolvedAnalysis, mainFile: string): string {
  const joins = a.joins ?? [];
  if (!joins.length) return '';
  const lines = joins.map((j) => {
    const file = comment(fileName(j.data.path));
    const theirs = comment(j.on.map((k) => k.joined).join(', '));
    const mine = comment(j.on.map((k) => k.main).join(', '));
    const what = j.columns ? j.columns.map(comment).join(', ') : 'every column but its keys';
    const named = j.prefix !== undefined && j.prefix !== ''
      ? `named ${comment(j.prefix)}<column>`
      : `each under its own name (${comment(j.name)}_<column> where that name is taken)`;
    return `##   ${comment(j.name)}: each row of ${comment(mainFile)} gets the row of ${file} whose ${theirs} equal its ${mine};\n##     it brings ${what}, ${named}`;
  });
  const where = joinedFiles(joins).map((f) => comment(pathFromData(a.data.path, f.spec.path)));
  return `## Joined files, in this order, onto ${comment(mainFile)} (step 1; as the app, analysis/import/joinFiles.ts): each a
## LEFT JOIN many-to-one that keeps every row of ${comment(mainFile)} and its order; keys compare as trimmed text,
## whole numbers as numbers ("01" = "1.0" = "1").
${lines.join('\n')}
##   Read from the data file's folder: ${where.join(', ')} (edit join_files below to read them elsewhere).`;
}

/** R code of step 1 with joins: read every file in the columns needed, then join, leaving the table in `main`. */
export function joinsR(a: ResolvedAnalysis, meta: ExportMetadata): string {
  const joins = a.joins ?? [];
  const files = joinedFiles(joins).map((f) => {
    const path = rString(pathFromData(a.data.path, f.spec.path));
    return `  ${rString(f.key)} = list(path = beside_data(${path}), format = ${forcedFormatR(f.spec.format)}, csv = ${csvOptionsR(csvSpecForR(meta, f.spec), titleLinesOf(meta, f.spec.path))})`;
  });
  const specs = joins.map((j) => {
    const fields = [
      `name = ${rString(j.name)}`,
      `file = ${rString(fileKey(joins, j))}`,
      `main = ${rVec(j.on.map((k) => k.main))}`,
      `joined = ${rVec(j.on.map((k) => k.joined))}`,
      ...(j.columns ? [`columns = ${rVec(j.columns)}`] : []),
      ...(j.prefix !== undefined ? [`prefix = ${rString(j.prefix)}`] : []),
      `keys = ${rString(keyText(j))}`,
    ];
    return `  list(${fields.join(', ')})`;
  });
  return `${JOIN_HELPERS}
main_name <- basename(data_file)
beside_data <- function(p) if (grepl("^(/|~|[A-Za-z]:)", p)) p else file.path(dirname(data_file), p)
join_files <- list(                   # each joined file once, from the data file's folder
${files.join(',\n')}
)
joins <- list(                        # in order: a later join may use a column an earlier one brought
${specs.join(',\n')}
)
for (f in names(join_files)) {
  jf <- join_files[[f]]
  jf$name <- basename(jf$path)
  jf$format <- file_format(jf$path, jf$format)
  jf$columns <- file_columns(jf$path, jf$format, jf$csv, what = paste("The joined file", jf$name), where = "change its path in join_files")
  join_files[[f]] <- jf
}
joins <- plan_joins(joins, join_files, file_columns(data_file, data_format, main_csv), main_name)
need <- needed_columns(joins, used_columns)
main <- read_file(data_file, data_format, need$main, main_csv)
for (f in names(join_files)) {
  jf <- join_files[[f]]
  join_files[[f]]$data <- read_file(jf$path, jf$format, need$files[[f]], jf$csv, what = paste("The joined file", jf$name),
                                    where = "change its path in join_files")
}
for (j in joins) main <- join_one(main, j, join_files[[j$file]], main_name)
rm(join_files)`;
}

/** The R functions of the joins (analysis/import/joinFiles.ts, step by step). */
const JOIN_HELPERS = String.raw`## Joins, as the app's (analysis/import/joinFiles.ts). Keys compare as text trimmed of spaces, a whole
## number with leading zeros or a zero fraction as the number ("01" and "1.0" are "1", as R reads them
## as numbers), or with an exponent ("2e+05" is "200000", as write.csv writes it); a blank key matches nothing.
key_text <- function(x) {
  v <- sub("^0*([0-9]+)(\\.0+)?$", "\\1", trim(x), perl = TRUE)
  e <- which(!is.na(v) & grepl("^[1-9](\\.[0-9]+)?[eE]\\+[0-9]+$", v))
  n <- suppressWarnings(as.numeric(v[e]))
  ok <- !is.na(n) & n < 1e15 & n == floor(n)
  v[e[ok]] <- format(n[ok], scientific = FALSE, trim = TRUE)
  v[is.na(v) | v == ""] <- NA
  v
}
count <- function(n) formatC(n, format = "d", big.mark = ",")
## The names of the columns each join brings, as the app names them: every column but the keys (or
## the join's columns), named prefix + column, or without a prefix as in the file unless the table
## already has that name (whatever its case: the app's names are case-insensitive), then
## <join name>_<column>. Stops where the app stops.
plan_joins <- function(joins, files, main_columns, main_name) {
  taken <- main_columns
  missing_key <- function(j, k, file) sprintf('The join %s needs the key column "%s", which is not in %s.', j$name, k, file)
  for (i in seq_along(joins)) {
    j <- joins[[i]]
    f <- files[[j$file]]
    for (k in setdiff(j$main, taken)) stop(missing_key(j, k, main_name), call. = FALSE)
    for (k in setdiff(j$joined, f$columns)) stop(missing_key(j, k, f$name), call. = FALSE)
    from <- if (is.null(j$columns)) setdiff(f$columns, j$joined) else j$columns
    for (k in setdiff(from, f$columns)) stop(sprintf('Join %s: column "%s" is not in %s.', j$name, k, f$name), call. = FALSE)
    to <- character(0)
    for (k in from) {
      name <- if (is.null(j$prefix)) k else paste0(j$prefix, k)
      if (tolower(name) %in% tolower(taken)) name <- paste0(j$name, "_", k)
      if (tolower(name) %in% tolower(taken)) {
        stop(sprintf('Join %s: column "%s" of %s would be named "%s", which is already taken.', j$name, k, f$name, name), call. = FALSE)
      }
      taken <- c(taken, name)
      to <- c(to, name)
    }
    joins[[i]]$from <- from
    joins[[i]]$to <- to
    # Brought without a prefix under another name because the main file itself has the column: compared with it.
    joins[[i]]$same <- if (is.null(j$prefix)) from[tolower(from) %in% tolower(main_columns)] else character(0)
  }
  joins
}
## The columns to read from each file: the analysis' columns where they come from, and every key.
## Backwards, as a later join's key may be a column an earlier one brought (HL12 from hl).
needed_columns <- function(joins, used) {
  need <- used
  files <- list()
  for (j in rev(joins)) {
    files[[j$file]] <- union(files[[j$file]], c(j$joined, j$from[j$to %in% need]))
    need <- union(setdiff(need, j$to), j$main)
  }
  list(main = need, files = files)
}
## The app's message on duplicate keys: the first three key values (in their order as text) that rows
## of the table carry and two rows of the file share, with the rows of the file that have each (five).
duplicate_keys <- function(m, right, keys, j, f, main_name) {
  vals <- unique(m[m$main_row %in% m$main_row[duplicated(m$main_row)], keys, drop = FALSE])
  vals <- utils::head(vals[do.call(order, c(unname(as.list(vals)), method = "radix")), , drop = FALSE], 3)
  text <- vapply(seq_len(nrow(vals)), function(r) {
    ## The file's own row numbers (csv_read keeps a row's number when it drops empty rows above it).
    rows <- sort(as.integer(rownames(f$data$raw))[right$file_row[Reduce("&", lapply(keys, function(k) right[[k]] == vals[[k]][r]))]])
    shown <- paste(utils::head(rows, 5), collapse = ", ")
    paste0(paste(j$joined, "=", unlist(vals[r, keys]), collapse = ", "), " (", shown, if (length(rows) > 5) ", ..." else "", ")")
  }, "")
  sprintf("Join %s: rows of %s match more than one row of %s by %s: %s (rows of %s in brackets). A join brings one row to each row of %s.",
          j$name, main_name, f$name, j$keys, paste(text, collapse = "; "), f$name, main_name)
}
## One join: each row of the table gets the one row of the file whose keys equal its keys (a LEFT JOIN:
## merge(all.x = TRUE)), in the table's row order (merge reorders; the row index puts it back). The
## brought columns take their text, their declared-missing cells and their value labels.
join_one <- function(tab, j, f, main_name) {
  keys <- paste0("k", seq_along(j$main))
  key_frame <- function(raw, cols) stats::setNames(as.data.frame(lapply(cols, function(k) key_text(raw[[k]])), stringsAsFactors = FALSE), keys)
  left <- key_frame(tab$raw, j$main)
  left$main_row <- seq_len(nrow(tab$raw))
  right <- key_frame(f$data$raw, j$joined)
  right$file_row <- seq_len(nrow(f$data$raw))
  right <- right[stats::complete.cases(right), , drop = FALSE]     # a blank key matches nothing
  m <- merge(left, right, by = keys, all.x = TRUE, sort = FALSE)
  if (anyDuplicated(m$main_row)) stop(duplicate_keys(m, right, keys, j, f, main_name), call. = FALSE)
  row <- m$file_row[order(m$main_row)]                            # the file's row for each row, NA: none
  before <- names(tab$raw)
  for (i in which(j$from %in% names(f$data$raw))) {
    tab$raw[[j$to[i]]] <- f$data$raw[[j$from[i]]][row]             # NA (a blank cell) where none matched
    d <- f$data$declared[[j$from[i]]]
    if (!is.null(d)) tab$declared[[j$to[i]]] <- d[row] %in% TRUE
    tab$value_labels[[j$to[i]]] <- f$data$value_labels[[j$from[i]]]
  }
  matched <- sum(!is.na(row))
  cat(sprintf("Join %s: each row of %s gets %s %s from %s by %s; %s of %s rows matched.\n", j$name, main_name,
              count(length(j$from)), if (length(j$from) == 1) "column" else "columns", f$name, j$keys, count(matched), count(length(row))))
  # No key: empty, or 0 where the file has no 0 (MICS: HL12 = 0, the mother not in the household);
  # none looked for (the app's JOIN_KEY_BLANK).
  none <- lapply(keys, function(k) is.na(left[[k]]) | (left[[k]] %in% "0" & !("0" %in% right[[k]])))
  empty <- Reduce(function(a, b) a | b, none)
  blank <- sum(empty)
  if (blank > 0) {
    one <- blank == 1
    cat(sprintf("%s of the %s rows of %s %s an empty %s (or 0, which no row of %s has): no row of %s is looked for, and %s kept with the columns from %s empty (in MICS, an empty or 0 line number of the mother or caretaker: she is not a member of the household).\n",
                count(blank), count(length(row)), main_name, if (one) "has" else "have",
                paste(j$main[vapply(none, any, TRUE)], collapse = ", "), f$name, f$name, if (one) "it is" else "they are", f$name))
  }
  # A brought column the main file itself has under its name (joined as another, no prefix): where they
  # disagree on a matched row, as numbers when both are, else as text (the app's JOIN_SAME_NAME_DIFFERS).
  for (i in which(j$from %in% j$same)) {
    mine <- before[match(tolower(j$from[i]), tolower(before))]
    a <- trimws(tab$raw[[mine]]); b <- trimws(tab$raw[[j$to[i]]])
    na <- suppressWarnings(as.numeric(a)); nb <- suppressWarnings(as.numeric(b))
    both <- !is.na(row) & !is.na(a) & a != "" & !is.na(b) & b != ""
    differ <- both & ifelse(!is.na(na) & !is.na(nb), na != nb, a != b)
    if (any(differ)) {
      k <- which(differ)[1]
      cat(sprintf('Column "%s" is in %s and in %s, and the two differ in %s of the %s matched rows (first at row %s of %s: "%s" in %s, "%s" in %s). The column of %s is joined as "%s"; a mapping that names "%s" reads the one of %s.\n',
                  mine, main_name, f$name, count(sum(differ)), count(matched), count(k), main_name, a[k], main_name, b[k], f$name, f$name, j$to[i], mine, main_name))
    }
  }
  if (matched + blank < length(row)) {
    one <- length(row) - matched - blank == 1
    cat(sprintf("%s of the %s rows of %s %s no row in %s by %s: %s kept, with the columns from %s empty.\n",
                count(length(row) - matched - blank), count(length(row)), main_name, if (one) "has" else "have", f$name, j$keys,
                if (one) "it is" else "they are", f$name))
  }
  tab
}`;
