import type { ResolvedAnalysis } from '../analysisFile.js';
import { breakdownColumns } from '../background.js';
import type { ResolvedRounds } from '../rounds/resolveRounds.js';
import { categoriesIn, dimIn, firstNames } from '../rounds/sharedDims.js';
import type { Mapping } from '../types.js';
import { runnableFrameworks } from '../rounds/runRounds.js';
import type { RoundRun, RoundsResult } from '../rounds/types.js';
import { breakdownName } from '../run.js';
import type { ExportMetadata } from './metadata.js';
import { analysisStepsR, dataHeaderR, LONG_TABLE_R, readingHelpersR, setupR } from './rscript.js';
import { changesR } from './rscriptChanges.js';
import { comment, helpersR, rNum, rString, rVec } from './rscriptMapping.js';

/**
 * "Export R code" of an analysis with survey rounds: one R script that recomputes every round and every
 * change between rounds with R's survey package, and writes them as the command line does (`clstats run`
 * on the rounds file: each round's rows with a first column `round`; `--changes`: the changes).
 *
 * Each round is the single-round script's steps (rscript.ts analysisStepsR), one round after the other:
 * its own files read and joined, its own roles with its recodes, the frameworks as the round computes
 * them (reduced where it lacks a module, those indicators' rows left out, as rounds/runRounds.ts), its
 * own design (svydesign on its own rows: rounds are independent samples), its estimates. Then the
 * changes, with the formulas of rounds/change.ts (rscriptChanges.ts). The test
 * (test/export/rscriptRounds.test.ts) runs it where R is installed and compares both files with the app.
 */
export interface RoundsScriptOptions {
  /** Each round's data file as the script reads it, relative to the script's folder (default: the round's `data.path`). */
  dataPaths?: string[];
  /** The rounds' rows, written when the script gets no first argument; relative to the script's folder. */
  roundsFile?: string;
  /** The changes, written when the script gets no second argument; relative to the script's folder. */
  changesFile?: string;
}

/** R code writing a header and a text matrix as a UTF-8 CSV file (the long format's quoting). */
const WRITE_CSV = String.raw`write_csv_file <- function(path, header, body) {
  con <- file(path, open = "wb")                  # UTF-8, whatever the R session's locale
  writeLines(enc2utf8(paste(csv_field(header), collapse = ",")), con, useBytes = TRUE)
  if (nrow(body)) writeLines(enc2utf8(apply(body, 1, function(r) paste(csv_field(r), collapse = ","))), con, useBytes = TRUE)
  close(con)
}`;

/** R code stacking the rounds' long tables, `round` first; a column one round lacks is empty there (rounds/roundsCsv.ts). */
const STACK = String.raw`## ---- Every round's rows, a first column "round" (clstats run on the rounds file) -----------------------
## fmt(), csv_field(): as defined in the last round's steps 4 and 5.
## A round's results with its background characteristics named as the first round names them: a
## round's own column of a characteristic (school attendance in "asiste_escuela") is stacked with,
## compared with and written as the first round's (CB7); analysis/rounds/sharedDims.ts.
in_first_names <- function(r) {
  if (!length(r$renamed)) return(r)
  rn <- function(x) unname(ifelse(x %in% names(r$renamed), r$renamed[x], x))
  rn_breakdown <- function(b) unname(ifelse(b %in% names(r$renamed_breakdowns), r$renamed_breakdowns[b], b))
  names(r$res) <- rn(names(r$res))
  r$res$breakdown <- rn_breakdown(r$res$breakdown)
  r$cells <- rn(r$cells)
  r$label_dims <- rn(r$label_dims)
  names(r$dim_source) <- rn(names(r$dim_source))
  lab <- paste0(names(r$renamed), "_label")
  r$header <- ifelse(r$header %in% lab, paste0(r$renamed[sub("_label$", "", r$header)], "_label"), rn(r$header))
  r$body[, match("breakdown", r$header)] <- rn_breakdown(r$body[, match("breakdown", r$header)])
  r
}
round_results_named <- lapply(round_results, in_first_names)
## A column one round has and an earlier one lacks goes after the column it follows in that round.
rounds_header <- character(0)
for (r in round_results_named) {
  at <- 0
  for (h in r$header) {
    i <- match(h, rounds_header)
    if (!is.na(i)) at <- i else { rounds_header <- append(rounds_header, h, after = at); at <- at + 1 }
  }
}
rounds_body <- do.call(rbind, lapply(round_results_named, function(r) {
  m <- matrix("", nrow(r$body), length(rounds_header))
  m[, match(r$header, rounds_header)] <- r$body
  cbind(r$label, m)
}))
write_csv_file(rounds_file, c("round", rounds_header), rounds_body)
cat(sprintf("%d estimates of %d rounds written to %s\n", nrow(rounds_body), length(round_results), rounds_file))`;

const decimalComma = (a: ResolvedAnalysis) => a.data.decimalComma === true;

/** One round's part of the script: its steps, its rows left out where it lacks a module, its results kept. */
function roundR(
  r: RoundRun, k: number, n: number, meta: ExportMetadata, dataPath: string, categories: ResolvedRounds['categories'], ownHelpers: boolean, first: Mapping,
): string {
  const a = r.result.analysis;
  const m = a.mapping;
  // This round's background columns named otherwise in the first round (rounds/sharedDims.ts): own -> first's.
  const renamed = breakdownColumns(m).map((c): [string, string] => [c, dimIn(first, m, c)]).filter(([c, f]) => c !== f);
  // Its breakdowns' names in the first round's, whole (a name is not split: a column may hold "_x_").
  const names = firstNames(a, first);
  const renamedBreakdowns = a.breakdowns.map((b): [string, string] => [breakdownName(b), names.breakdown(breakdownName(b))]).filter(([b, f]) => b !== f);
  const missing = r.unmeasured ?? [];
  const rule = '## '.padEnd(104, '#');
  const notMeasured = missing.length
    ? `## Not measured in this round: a role the definition needs is not mapped (analysis/rounds/modules.ts). The
## framework ran in the form this round can compute; the rows of these indicators are left out, as in the app.
${missing.map((u) => `##   ${u.framework} ${u.indicator}: no ${u.roles.join(', ')}`).join('\n')}
not_measured <- ${rVec(missing.map((u) => `${u.framework} ${u.indicator}`))}
res <- res[!(paste(res$framework, res$indicator) %in% not_measured), , drop = FALSE]
rownames(res) <- NULL
`
    : '';
  return `${rule}
## Round ${k + 1} of ${n}: ${comment(r.label)}${r.year !== undefined ? ` (${r.year})` : ''}
${rule}
${k > 0 ? 'rm(list = setdiff(ls(), keep_between_rounds))   # nothing of the round before is left\n' : ''}${ownHelpers ? `${helpersR(decimalComma(a))}\n` : ''}data_file <- beside(${rString(dataPath)})

${analysisStepsR(a, meta, { frameworks: runnableFrameworks(a), categories: categoriesIn(categories, m, k > 0 ? first : undefined) })}

${notMeasured}framework_bands <- list(${runnableFrameworks(a).map((f) => `${rString(f.id)} = list(${f.bands.map((b) => `c(${rNum(b.from)}, ${rNum(b.to)})`).join(', ')})`).join(', ')})
## ---- 5. The round's rows in the command line's long format (kept for the end) ----------------------------
${LONG_TABLE_R}
## By framework x indicator, the whole ages with a child in scope whose indicator is known: a round
## without some ages (a child module of 5-14) makes the changes of the domains spanning them not
## comparable (analysis/rounds/ageGap.ts).
## A band of the framework where children are in employment and none of them has the indicator known
## (hours not asked of 15-17 year olds who worked) counts as not known either.
ages_known <- list()
for (fw in names(frameworks)) for (ind in indicators) {
  y <- paste0("y_", make.names(fw), "_", ind)
  if (!(y %in% names(u))) { ages_known[[paste(fw, ind, sep = "|")]] <- numeric(0); next }
  known <- sort(unique(u$age[!is.na(u[[y]]) & u$age == floor(u$age)]))
  employed <- u[[paste0("e_", make.names(fw))]] %in% 1
  for (b in framework_bands[[fw]]) {
    inb <- (u$age >= b[1] & u$age <= b[2]) %in% TRUE
    if (any(employed & inb) && !any(employed & inb & !is.na(u[[y]]))) known <- known[known < b[1] | known > b[2]]
  }
  ages_known[[paste(fw, ind, sep = "|")]] <- known
}
round_results[[${k + 1}]] <- list(
  label = ${rString(r.label)}, year = ${r.year !== undefined ? rNum(r.year) : 'NA'}, res = res, header = header, body = body,
  cells = cell_columns, label_dims = label_dims, dim_source = dim_source, value_labels = value_labels,
  ages = ages_known, sex = ${rVec([m.sex.male, m.sex.female])}, area = ${m.area ? rVec([m.area.urban, m.area.rural]) : 'character(0)'},
  renamed = ${renamed.length ? `c(${renamed.map(([c, f]) => `${rString(c)} = ${rString(f)}`).join(', ')})` : 'character(0)'},   # background columns the first round names otherwise
  renamed_breakdowns = ${renamedBreakdowns.length ? `c(${renamedBreakdowns.map(([c, f]) => `${rString(c)} = ${rString(f)}`).join(', ')})` : 'character(0)'})
cat(sprintf("Round %s: %d estimates\\n", ${rString(r.label)}, nrow(res)))`;
}

/** The R script of a rounds analysis. `metas` are the rounds' export metadata (header: data files, hashes, rows, designs). */
export function rScriptRounds(
  file: Pick<ResolvedRounds, 'title' | 'categories' | 'changes'>, rr: RoundsResult, metas: ExportMetadata[], opts: RoundsScriptOptions = {},
): string {
  const first = rr.rounds[0]!.result.analysis;
  const o = first.options;
  const roundsFile = opts.roundsFile ?? 'rounds_R_results.csv';
  const changesFile = opts.changesFile ?? 'rounds_R_changes.csv';
  const paths = rr.rounds.map((r, k) => opts.dataPaths?.[k] ?? r.result.analysis.data.path);
  // The column helpers depend on a file's decimal comma: written once, or in every round when rounds differ.
  const ownHelpers = rr.rounds.some((r) => decimalComma(r.result.analysis) !== decimalComma(first));
  const meta0 = metas[0]!;
  const rounds = rr.rounds.map((r, k) => `## Round ${k + 1}: ${comment(r.label)}${r.year !== undefined ? `, year ${r.year}` : ''}; read from ${comment(paths[k]!)}
${dataHeaderR(r.result.analysis, metas[k]!).split('\n').map((l) => l.replace(/^## /, '##   ')).join('\n')}`).join('\n');

  return `## ==================================================================================================
## ${comment(file.title)}
## R code exported by ${comment(meta0.app.name)} ${comment(meta0.app.version)} on ${meta0.createdAt}.
## It recomputes every round of the analysis with R's survey package, each from its own files with its
## own mapping, recodes and design, and every change between rounds, and writes them as the command line
## does (clstats run on the rounds file, and --changes), to compare line by line.
##
${rounds}
## Shared definitions: ${first.frameworks.map((f) => comment(f.id)).join(', ')}; options: missing hours ${o.missingHours},
##   lonely PSUs ${o.lonelyPsu}, interval ${o.ci} at level ${o.level}, small cells ${JSON.stringify(o.smallCell)}
## Changes: ${file.changes === 'baseline' ? 'each round with the first' : 'each round with the one before'}; independent samples (see the end of the script).
##
## Run:   Rscript <this file> [rounds CSV] [changes CSV]
##   Each round's data file is read from its path above, relative to this script (edit data_file in a
##   round to read it elsewhere; joined files are read from its data file's folder). With no arguments
##   the script writes ${comment(roundsFile)} and ${comment(changesFile)} beside itself.
##   Reads CSV, SPSS (.sav, .zsav) and Stata (.dta) files; not Parquet or Excel (save those as CSV).
## Needs: R and the survey package (written for survey 4.1.1; Debian: apt-get install r-cran-survey);
##   for .sav, .zsav and .dta also haven (written for haven 2.5; Debian: apt-get install r-cran-haven).
## ==================================================================================================
${setupR(o)}
rounds_file <- output_file(if (length(args) >= 1) args[1] else beside(${rString(roundsFile)}), "round,framework,indicator")
changes_file <- output_file(if (length(args) >= 2) args[2] else beside(${rString(changesFile)}), "framework,indicator,breakdown")

${readingHelpersR(first)}

${WRITE_CSV}

## Each round in turn; what one round leaves (its table, roles, design) is removed before the next.
data_where <- "change data_file in that round's part of this script to its path"   # the rounds' arguments are the results files
keep_between_rounds <- c(ls(), "keep_between_rounds", "round_results")
round_results <- list()

${rr.rounds.map((r, k) => roundR(r, k, rr.rounds.length, metas[k]!, paths[k]!, file.categories, ownHelpers, first.mapping)).join('\n\n')}

${STACK}

${changesR(file, rr.rounds)}
`;
}
