import { NORMALISED_HIGH, NORMALISED_LOW } from '../weightScale.js';
import type { ResolvedAnalysis } from '../analysisFile.js';
import type { Framework, Mapping } from '../types.js';
import { breakdownName } from '../run.js';
import type { ExportMetadata } from './metadata.js';
import { comment, extraVar, frameworkR, helpersR, rNum, rolesR, rString, rVec } from './rscriptMapping.js';
import { joinsHeader, joinsR } from './rscriptJoins.js';
import { havenHelpersR, readDataR } from './rscriptRead.js';

export { rString } from './rscriptMapping.js';

/**
 * "Export R code": an R script that recomputes every estimate of the analysis with R's survey
 * package (svydesign, svyby, svyciprop, svytotal) from the same data file, and writes them in the
 * command line's long format (clstats run), so a methodologist can compare the two files line by line.
 *
 * The script is written out in plain R, with nothing hidden in a package:
 *   - the data file is read with every column as text, as the app reads it: CSV with read.csv, SPSS
 *     .sav/.zsav and Stata .dta with haven, keeping the codes the file declares missing (SPSS
 *     user-missing values, Stata .a-.z) apart from blank cells, and the value labels (rscriptRead.ts)
 *   - a file set's joined files are read with the same reader and joined in order with merge(), as
 *     the app joins them (rscriptJoins.ts); the header says which joins, in words
 *   - each role is made from its columns with the same rules (blank cells, missing codes, missingFrom,
 *     declared missing, yes codes, any-of for yes/no roles, sum for hours roles): mapping.ts
 *   - each framework is written out as R expressions over those roles, in R's three-valued logic,
 *     which is the SQL of classify.ts (TRUE | NA = TRUE, FALSE & NA = FALSE, NA >= k is NA, a code
 *     in a list is FALSE when missing); the MICS missing-hours policy sums the known parts of an hours
 *     sum, reads an unknown yes/no as "no" and an unknown comparison as FALSE (rscriptMapping.ts)
 *   - the design is built on every row of the file; the universe (mapping.universe) is a subset of it,
 *     and each domain is the rows of the cell whose indicator is known, a subset again (so every PSU
 *     of the file counts), with options(survey.lonely.psu) set to the analysis' policy; a cell with
 *     children in scope none of whom has the indicator known is written with no estimate and 0
 *     children (empty_out), as the app writes it
 * The test (test/export/rscript.test.ts) runs the script where R is installed and compares it with
 * the app to 1e-8, on CSV, .sav, .zsav and .dta files.
 */
export interface RScriptOptions {
  /** Path of the data file the script reads when it gets no argument; relative to the script's folder. */
  dataPath?: string;
  /** File the script writes when it gets no second argument; relative to the script's folder. */
  outFile?: string;
  /**
   * The app's national estimates (breakdown "total"), which the script compares with its own: a column
   * R reads otherwise than the app (haven reads a pandas Stata 119 file's strL column as all missing:
   * a probe) changes them, and the script says so instead of writing other numbers in silence.
   */
  national?: { framework: string; indicator: string; estimate: number }[];
}

/** The app's national estimates of a result, for RScriptOptions.national. */
export function nationalEstimates(result: { rows: { framework: string; indicator: string; breakdown: string; estimate: number | null }[] }): RScriptOptions['national'] {
  return result.rows.filter((r) => r.breakdown === 'total' && r.estimate !== null).map((r) => ({ framework: r.framework, indicator: r.indicator, estimate: r.estimate! }));
}

/** The comparison of RScriptOptions.national with the script's own national estimates: a warning when one differs by more than 1e-8. */
function nationalCheckR(national: NonNullable<RScriptOptions['national']>): string {
  if (!national.length) return '';
  const num = (x: number) => x.toPrecision(17);
  return `## The app's national estimates: the same data read the same way gives them to rounding (1e-8).
app_national <- data.frame(framework = c(${national.map((n) => rString(n.framework)).join(', ')}),
                           indicator = c(${national.map((n) => rString(n.indicator)).join(', ')}),
                           app = c(${national.map((n) => num(n.estimate)).join(', ')}), stringsAsFactors = FALSE)
mine <- res[res$breakdown == "total", c("framework", "indicator", "estimate")]
chk <- merge(app_national, mine, by = c("framework", "indicator"), all.x = TRUE)
off <- abs(chk$estimate - chk$app) / pmax(abs(chk$app), 1e-12)
bad <- which(is.na(off) | off > 1e-8)
if (length(bad)) warning("R's national estimates differ from the app's for ", length(bad), " of ", nrow(chk),
  " (first: ", chk$framework[bad[1]], " ", chk$indicator[bad[1]], ": ", signif(chk$estimate[bad[1]], 6), " against ", signif(chk$app[bad[1]], 6),
  "): R has not read the data as the app did (a column read as missing, another file?); compare each mapped column's values", call. = FALSE)
`;
}

const ESTIMATE = String.raw`## ---- 4. Estimation: every framework x indicator x breakdown x cell --------------------------------
## The design is built on every row of the file (rows outside the universe and rows of weight 0
## included: their PSUs count in every stratum); the universe, if any, is a subset of it. A domain is
## the rows of the cell whose indicator is known, a subset again (des[keep, ] keeps every stratum's PSU
## count of the whole file). In each domain:
##   svymean(deff = "replace")   the proportion (ratio estimator), its SE and the design effect
##   svyciprop(method = ...)     the confidence interval, on the domain's degrees of freedom degf()
##   svytotal                    the weighted number of children with the indicator, and its SE
## A note on svyciprop(method = "logit"): it fits a quasibinomial svyglm, and glm() stops at a relative
## change of deviance of 1e-8, which leaves its limits off in about the 8th significant digit. The
## limits of the fully converged fit are expit(logit(p) -/+ qt(1 - a/2, df) * se / (p (1 - p))) with p
## and se from svymean (the delta method, svyciprop(method = "xlogit")). This script reports those,
## as the app does, and prints how far svyciprop's own limits are from them.
fmt <- function(x) ifelse(is.na(x) | !is.finite(x), "NA", sprintf("%.17g", x))
rows <- list()
for (fw in names(frameworks)) {
  for (ind in indicators) {
    y <- paste0("y_", make.names(fw), "_", ind)
    d[[y]] <- frameworks[[fw]][[ind]]
  }
  d[[paste0("s_", make.names(fw))]] <- frameworks[[fw]]$aged
  d[[paste0("e_", make.names(fw))]] <- frameworks[[fw]]$children_in_employment   # survey rounds: the ages a round knows
}
DESIGN
## The cells with children of the framework's ages (weighted or not) none of whom has the indicator
## known (15-17 year olds with blank hours, weights of 0), but those in known: rows as the app writes
## them, no estimate and 0 children.
empty_out <- function(fw, ind, dims, g, scope, by_dims, known) {
  cells <- data.frame(row.names = 1)
  if (length(by_dims)) {
    cells <- unique(u[scope, unname(unlist(dim_column[by_dims])), drop = FALSE])
    cells <- data.frame(lapply(cells, as.character), stringsAsFactors = FALSE)
    names(cells) <- by_dims
    key <- function(x) do.call(paste, c(lapply(x[by_dims], as.character), sep = "\r"))
    if (!is.null(known)) cells <- cells[!(key(cells) %in% key(known)), , drop = FALSE]
  } else if (!is.null(known)) return(NULL)
  if (!nrow(cells)) return(NULL)
  out <- data.frame(framework = rep(fw, nrow(cells)), indicator = ind, stringsAsFactors = FALSE)
  out$breakdown <- if (length(dims)) paste(dims, collapse = "_x_") else "total"
  for (k in cell_columns) out[[k]] <- if (k %in% by_dims) cells[[k]] else ""
  if (!is.null(g)) out$age_group <- g$label
  cbind(out, estimate = NA_real_, se = NA_real_, ci_low = NA_real_, ci_high = NA_real_, df = 0, total = 0, total_se = 0,
        population = 0, n_unweighted = 0, deff_replace = NA_real_, psus = 0)
}
one_cell <- function(sub, mask) {
  s <- sub[mask, ]
  c(n = sum(mask), population = sum(weights(s)), df = degf(s),
    psus = nrow(unique(s$variables[is.finite(s$prob), c("h", "psu"), drop = FALSE])))
}
converged_logit <- function(p, se, df) {
  q <- rep(NA_real_, length(df))
  ok <- !is.na(df) & df > 0   # no interval on 0 df (an empty cell)
  q[ok] <- qt(1 - (1 - level) / 2, df[ok])
  half <- q * se / (p * (1 - p))
  cbind(plogis(qlogis(p) - half), plogis(qlogis(p) + half))
}
for (fw in names(frameworks)) for (ind in indicators) {
  y <- paste0("y_", make.names(fw), "_", ind)
  f <- as.formula(paste0("~", y))
  for (dims in breakdowns) {
    by_dims <- setdiff(dims, "age_group")
    groups <- if ("age_group" %in% dims) age_groups else list(NULL)
    for (g in groups) {
      scope <- u[[paste0("s_", make.names(fw))]] %in% TRUE
      if (!is.null(g)) scope <- scope & (u$age >= g$from & u$age <= g$to) %in% TRUE
      for (v in by_dims) scope <- scope & !is.na(u[[dim_column[[v]]]])
      keep <- scope & !is.na(u[[y]])
      if (!any(keep)) {
        if (any(scope)) rows[[length(rows) + 1]] <- empty_out(fw, ind, dims, g, scope, by_dims, NULL)
        next
      }
      sub <- des[keep, ]
      if (length(by_dims) == 0) {
        m <- svymean(f, sub, deff = "replace")
        p <- suppressWarnings(svyciprop(f, sub, method = CI_METHOD, level = level))
        tt <- svytotal(f, sub)
        cells <- data.frame(row.names = 1)
        est <- data.frame(estimate = unname(coef(m)), se = unname(SE(m)), ci_low = unname(attr(p, "ci")[1]),
                          ci_high = unname(attr(p, "ci")[2]), total = unname(coef(tt)), total_se = unname(SE(tt)),
                          deff_replace = unname(deff(m)))
        masks <- list(rep(TRUE, sum(keep)))
      } else {
        cols <- unname(unlist(dim_column[by_dims]))
        by <- as.formula(paste0("~", paste(cols, collapse = " + ")))
        m <- svyby(f, by, sub, svymean, deff = "replace")
        p <- suppressWarnings(svyby(f, by, sub, svyciprop, method = CI_METHOD, level = level, vartype = "ci"))
        tt <- svyby(f, by, sub, svytotal)
        cells <- m[, cols, drop = FALSE]
        names(cells) <- by_dims
        est <- data.frame(estimate = unname(coef(m)), se = unname(SE(m)), ci_low = p$ci_l, ci_high = p$ci_u,
                          total = unname(coef(tt)), total_se = unname(SE(tt)), deff_replace = m[[ncol(m)]])
        vars <- sub$variables
        masks <- lapply(seq_len(nrow(cells)), function(i)
          Reduce("&", lapply(seq_along(cols), function(j) vars[[cols[j]]] == as.character(cells[i, j]))))
      }
      counts <- t(vapply(masks, function(k) one_cell(sub, k), numeric(4)))
      out <- data.frame(framework = fw, indicator = ind, breakdown = if (length(dims)) paste(dims, collapse = "_x_") else "total",
                        stringsAsFactors = FALSE)[rep(1, nrow(est)), ]
      for (k in cell_columns) out[[k]] <- if (k %in% by_dims) as.character(cells[[k]]) else ""
      if (!is.null(g)) out$age_group <- g$label
      out <- cbind(out, est[, c("estimate", "se", "ci_low", "ci_high")], df = counts[, "df"],
                   est[, c("total", "total_se")], population = counts[, "population"], n_unweighted = counts[, "n"],
                   deff_replace = est$deff_replace, psus = counts[, "psus"])
      rows[[length(rows) + 1]] <- out
      if (length(by_dims)) rows[[length(rows) + 1]] <- empty_out(fw, ind, dims, g, scope, by_dims, cells)
    }
  }
}
res <- do.call(rbind, rows)
rownames(res) <- NULL
## A domain whose children are all in one PSU: its ratio's linearised score is 0 there, an SE of 0
## (about 1e-17 here) that is no precision. Left empty, as the app does (analysis/estimate.ts inOnePsu).
one <- res$psus == 1 & res$n_unweighted > 0
res[one, c("se", "ci_low", "ci_high", "deff_replace")] <- NA
if (CI_METHOD == "logit") {
  ci <- converged_logit(res$estimate, res$se, res$df)
  off <- abs(c(ci[, 1] - res$ci_low, ci[, 2] - res$ci_high)) / abs(c(ci[, 1], ci[, 2]))
  cat(sprintf("svyciprop(method = \"logit\") limits differ from the converged ones by at most %.1e (relative)\n",
              max(c(0, off[is.finite(off)]))))
  res$ci_low <- ci[, 1]
  res$ci_high <- ci[, 2]
  ## As the app: no logit interval for an estimate of 0 or 1.
  res[which(res$estimate <= 0 | res$estimate >= 1), c("ci_low", "ci_high")] <- NA
}
## Design effects only where they are defined (the without-replacement one needs N > n).
res$deff_replace[!is.finite(res$deff_replace)] <- NA
res$deff <- ifelse(res$population > res$n_unweighted, res$deff_replace / (1 - res$n_unweighted / res$population), NA)
## Normalised weights (mean positive weight within 3/4 to 4/3 of 1: MICS, DHS) add up to the sample, so
## the factor 1 - n/N means nothing: no deff, as the app (analysis/weightScale.ts).
positive <- w[!is.na(w) & w > 0]
if (length(positive) && mean(positive) >= ${NORMALISED_LOW} && mean(positive) <= ${NORMALISED_HIGH}) res$deff <- NA
res$cv <- ifelse(!is.na(res$se) & res$estimate != 0, res$se / res$estimate, NA)
res$flag <- FLAG_RULE
## Labels of the cells, as clstats run writes them: the data file's value label of the code where it
## has one (SPSS, Stata), else Male/Female and Urban/Rural from the mapping; a <dimension>_label column
## for every other breakdown dimension whose column has value labels.
cell_label <- function(dim, codes, fallback = rep("", length(codes))) {
  l <- value_labels[[dim_source[[dim]]]]
  out <- if (is.null(l)) rep(NA_character_, length(codes)) else unname(l[codes])
  ifelse(codes == "", "", ifelse(is.na(out), fallback, out))
}
res$sex_label <- cell_label("sex", res$sex, ifelse(res$sex == SEX_MALE, "Male", ifelse(res$sex == SEX_FEMALE, "Female", "")))
res$area_label <- AREA_LABEL
label_dims <- Filter(function(k) !is.null(dim_source[[k]]) && length(value_labels[[dim_source[[k]]]]) > 0,
                     setdiff(cell_columns, c("sex", "age_group", "area")))
for (k in label_dims) res[[paste0(k, "_label")]] <- cell_label(k, res[[k]])`;

const WRITE_HEAD = "## ---- 5. Write the command line's long format ---------------------------------------------------------";

/** The long format's header and body (text matrix) of `res`: what step 5 writes, and what a rounds script stacks. */
export const LONG_TABLE_R = String.raw`stat_columns <- c("estimate", "se", "ci_low", "ci_high", "df", "total", "total_se", "population", "n_unweighted",
                  "deff", "deff_replace", "cv")
csv_field <- function(x) ifelse(grepl("[\",\r\n]", x), paste0("\"", gsub("\"", "\"\"", x), "\""), x)
label_columns <- c("sex_label", "area_label", sprintf("%s_label", label_dims))
header <- c("framework", "indicator", "breakdown", cell_columns, stat_columns, "flag", label_columns)
body <- cbind(
  as.matrix(res[, c("framework", "indicator", "breakdown", cell_columns)]),
  vapply(stat_columns, function(k) if (k %in% c("df", "n_unweighted")) as.character(res[[k]]) else fmt(res[[k]]), character(nrow(res))),
  as.matrix(res[, c("flag", label_columns), drop = FALSE])
)`;

const WRITE_FILE = String.raw`con <- file(out_file, open = "wb")                # UTF-8, whatever the R session's locale
writeLines(enc2utf8(paste(csv_field(header), collapse = ",")), con, useBytes = TRUE)
writeLines(enc2utf8(apply(body, 1, function(r) paste(csv_field(r), collapse = ","))), con, useBytes = TRUE)
close(con)
cat(sprintf("%d estimates written to %s\n", nrow(res), out_file))`;


/** What a rounds script (rscriptRounds.ts) changes in one round's steps. */
export interface StepsOptions {
  /** The frameworks as the round computes them (default: the analysis'): a round without a module runs a reduced form (rounds/modules.ts). */
  frameworks?: Framework[];
  /** Shared categories of a rounds file (dimension -> code -> label): they name a harmonised dimension's cells, as in the app (rounds/harmonisedLabels.ts). */
  categories?: Record<string, Record<string, string>>;
}

/** The shared categories as value labels of the columns behind them (step 1 of a round). */
function categoryLabelsR(m: Mapping, categories: Record<string, Record<string, string>>): string {
  const dims: [string, string][] = [...(m.region ? [['region', m.region.column] as [string, string]] : []), ...(m.extras ?? []).map((e): [string, string] => [e, e])];
  return dims.filter(([d]) => categories[d])
    .map(([d, col]) => `value_labels[[${rString(col)}]] <- c(${Object.entries(categories[d]!).map(([k, v]) => `${rString(k)} = ${rString(v)}`).join(', ')})   # the shared categories of ${comment(d)}`)
    .join('\n');
}

/**
 * Steps 1 to 4 of the script for one analysis (read and join, roles, frameworks, estimation), leaving
 * the estimates, with their labels, in `res`. The single-round script writes them (step 5); a rounds
 * script runs these steps once per round.
 */
export function analysisStepsR(a: ResolvedAnalysis, meta: ExportMetadata, so: StepsOptions = {}): string {
  const m = a.mapping;
  const o = a.options;
  const categories = so.categories ?? {};
  const frameworks = so.frameworks ?? a.frameworks;
  const extras = m.extras ?? [];
  const cellColumns = ['sex', 'age_group', 'region', 'area', ...extras];
  const dimColumn: [string, string][] = [['sex', 'sex'], ['region', 'region'], ['area', 'area'], ...extras.map((e, i): [string, string] => [e, extraVar(i)])];
  // The data column behind each dimension, for its value labels (import/labels.ts dimensionColumn).
  const dimSource: [string, string][] = [
    ['sex', m.sex.column],
    // A recoded column's cells hold the shared codes, which the file's value labels do not name (the shared categories do).
    ...(m.region && (!m.region.recode || categories.region) ? [['region', m.region.column] as [string, string]] : []),
    ...(m.area ? [['area', m.area.column] as [string, string]] : []),
    ...extras.filter((e) => !m.recode?.[e] || categories[e]).map((e): [string, string] => [e, e]),
  ];
  const fwNames = frameworks.map((_, i) => `classify_${i + 1}`);
  const joined = (a.joins ?? []).length > 0;
  const nested = m.psuNestedInStrata ?? true;
  const designArgs = [
    `ids = ${m.psu ? '~psu' : '~1'}`,
    ...(m.stratum ? ['strata = ~h'] : []),
    'weights = ~w',
    ...(m.fpc ? ['fpc = ~fpc'] : []),
    ...(m.stratum && m.psu ? [`nest = ${nested ? 'TRUE' : 'FALSE'}`] : []),
    'data = d',
  ];
  const design = [
    `des <- svydesign(${designArgs.join(', ')})   # every row of the file${m.psu ? '' : '; ids = ~1: every row its own PSU'}`,
    ...(m.universe
      ? [`des <- subset(des, in_universe)   # the universe (${comment(m.universe.column)} in ${m.universe.keep.map(comment).join(', ')}): a domain of the whole design`]
      : []),
    'u <- des$variables                  # its rows, with their indicators',
  ].join('\n');
  const rule = o.smallCell;
  const flagRule =
    rule.rule === 'mics-dhs'
      ? `ifelse(res$n_unweighted < ${rule.suppressBelow ?? 25}, "suppressed", ifelse(res$n_unweighted < ${rule.parenthesesBelow ?? 50}, "caution", "ok"))`
      // An estimate of 0 has no CV (0/0) and is published as it stands, as one of 100 % (methods.md 9).
      : `with(list(cv = ifelse(!is.na(res$se) & res$estimate == 0, 0, res$cv)), ifelse(is.na(cv) | res$n_unweighted == 0 | cv >= ${rule.suppressAt ?? 0.3}, "suppressed", ifelse(cv >= ${rule.flagAt ?? 0.2}, "caution", "ok")))`;
  const ciMethod = o.ci === 'logit' ? 'logit' : o.ci === 'korn-graubard' ? 'beta' : 'mean';
  const areaLabel = m.area
    ? `cell_label("area", res$area, ifelse(res$area == ${rString(m.area.urban)}, "Urban", ifelse(res$area == ${rString(m.area.rural)}, "Rural", "")))`
    : '""';
  const dataFrameCols = ['w', 'h', 'psu', ...(m.fpc ? ['fpc'] : []), 'in_universe', 'age', 'sex', 'region', 'area', ...extras.map((_, i) => extraVar(i))];
  const estimate = ESTIMATE.replace('DESIGN', design)
    .replace(/CI_METHOD/g, rString(ciMethod))
    .replace('FLAG_RULE', flagRule)
    .replace('SEX_MALE', rString(m.sex.male))
    .replace('SEX_FEMALE', rString(m.sex.female))
    .replace('AREA_LABEL', areaLabel);
  const policy = o.missingHours === 'mics'
    ? '## Missing hours: MICS policy (MICS6 standard syntax). An hours sum adds its known parts, an unknown yes/no\n## answer is "no", a comparison with unknown hours is FALSE (known_or_false): the child stays in the denominator.'
    : '## Missing hours: "unknown". An hours sum is unknown if any part is; a child whose indicator is unknown\n## leaves that indicator (numerator and denominator) but stays in the design.';
  const shared = categoryLabelsR(m, categories);

  return `## ---- 1. Read the data file${joined ? 's and join them' : ''}: every column as text, as the app does ${joined ? '----' : '-----------------'}-------------------
${readDataR(a, meta, joined ? joinsR(a, meta) : undefined)}
${shared ? `${shared}\n` : ''}
## ---- 2. Roles: one vector per role, from its columns ---------------------------------------------------
${rolesR(m, o.missingHours)}

## ---- 3. Frameworks, written out (analysis/classify.ts) -------------------------------------------------
## R's logic is three-valued, as the app's SQL: TRUE | NA is TRUE, FALSE & NA is FALSE, NA >= 14 is NA,
## and a code %in% a list is FALSE when the code is missing.
${policy}
${frameworks.map((fw, i) => frameworkR(fw, m, o.missingHours, fwNames[i]!)).join('\n\n')}

frameworks <- list()
${frameworks.map((fw, i) => `frameworks[[${rString(fw.id)}]] <- ${fwNames[i]}()`).join('\n')}
indicators <- ${rVec(a.indicators)}
breakdowns <- list(${a.breakdowns.map((b) => (b.length ? rVec(b) : 'character(0)')).join(', ')})
## breakdown names in the output: ${comment(a.breakdowns.map(breakdownName).join(', '))}
age_groups <- list(${a.ageGroups.map((g) => `list(label = ${rString(g.label)}, from = ${rNum(g.from)}, to = ${rNum(g.to)})`).join(',\n                   ')})
level <- ${rNum(o.level)}
cell_columns <- ${rVec(cellColumns)}
dim_column <- list(${dimColumn.map(([k, v]) => `${rString(k)} = ${rString(v)}`).join(', ')})
dim_source <- list(${dimSource.map(([k, v]) => `${rString(k)} = ${rString(v)}`).join(', ')})   # data column of each dimension
d <- data.frame(${dataFrameCols.join(', ')}, stringsAsFactors = FALSE)

${estimate}`;
}

/** The script's setup: the survey package, the lonely-PSU policy, the script's folder and `beside()`. */
export function setupR(o: ResolvedAnalysis['options']): string {
  return `suppressPackageStartupMessages(library(survey))
options(survey.lonely.psu = ${rString(o.lonelyPsu)})         # strata with a single PSU: the analysis' policy
options(survey.adjust.domain.lonely = FALSE)  # PSUs are counted in the whole file, not in the domain

args <- commandArgs(trailingOnly = TRUE)
script_dir <- local({
  f <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))
  if (length(f)) dirname(normalizePath(f[1])) else getwd()
})
beside <- function(p) if (grepl("^(/|~|[A-Za-z]:)", p)) p else file.path(script_dir, p)
## An output goes only where there is no file, or over one this script wrote (its first line starts
## with the header the script writes): never over a data file given in the wrong place.
output_file <- function(path, header) {
  if (file.exists(path)) {
    first <- tryCatch(suppressWarnings(readLines(path, n = 1, warn = FALSE)), error = function(e) "")
    if (!length(first) || !startsWith(first, header))
      stop(sprintf("%s exists and is not a file this script writes (its first line does not start with \\"%s\\"): it is left as it is. Give another output file.",
                   path, header), call. = FALSE)
  }
  path
}`;
}

/** The helpers every script defines: reading a column (mapping.ts) and a file (load.ts, haven). */
export function readingHelpersR(a: ResolvedAnalysis): string {
  return `${helpersR(a.data.decimalComma === true)}

## ---- Helpers: a file read as the app reads it (analysis/import/load.ts); SPSS and Stata with haven -----
${havenHelpersR()}`;
}

/** The header's lines on one data file: its hash and rows, its joins, its design and universe. */
export function dataHeaderR(a: ResolvedAnalysis, meta: ExportMetadata): string {
  const m = a.mapping;
  const joined = joinsHeader(a, meta.source.file);
  return `## Data file: ${comment(meta.source.file)}
##   SHA-256 ${meta.source.sha256 ?? 'unknown'}
##   rows read by the app: ${meta.source.rowsRead}; children counted (in the frameworks' ages, in the universe, weight above 0): ${meta.source.rowsUsed}
${joined ? `${joined}\n` : ''}## Design: weight ${comment(m.weight)}${m.weightDivisor && m.weightDivisor !== 1 ? ` divided by ${m.weightDivisor}` : ''}, strata ${comment(m.stratum ?? '(none)')}, PSUs ${comment(m.psu ?? (m.noClusters ? '(none: no clusters, each row)' : '(none: each row)'))}; ${meta.design.strata} strata, ${meta.design.psus} PSUs, ${meta.design.df} df
## Universe: ${m.universe ? `${comment(m.universe.column)} in ${m.universe.keep.map(comment).join(', ')}` : 'every row'}`;
}

/** The R script of an analysis. `meta` gives the header (data file, hash, rows, date, app). */
export function rScript(a: ResolvedAnalysis, meta: ExportMetadata, opts: RScriptOptions = {}): string {
  const o = a.options;
  const dataPath = opts.dataPath ?? meta.source.file;
  const outFile = opts.outFile ?? `${(meta.source.file.replace(/\.[^.]*$/, '') || 'results')}_R_results.csv`;
  const joined = (a.joins ?? []).length > 0;

  return `## ==================================================================================================
## ${comment(a.title)}
## R code exported by ${comment(meta.app.name)} ${comment(meta.app.version)} on ${meta.createdAt}.
## It recomputes every estimate of the analysis with R's survey package from the same data file and
## writes them in the command line's long format (clstats run), to compare line by line.
##
${dataHeaderR(a, meta)}
## Options: missing hours ${o.missingHours}, lonely PSUs ${o.lonelyPsu}, interval ${o.ci} at level ${o.level},
##   small cells ${JSON.stringify(o.smallCell)}
##
## Run:   Rscript <this file> [data file] [output CSV]
##   With no arguments it reads ${comment(dataPath)} and writes ${comment(outFile)}, both beside this script.
${joined ? '##   The joined files are read from the data file\'s folder (see above).\n' : ''}##   Reads CSV, SPSS (.sav, .zsav) and Stata (.dta) files; not Parquet or Excel (save those as CSV).
## Needs: R and the survey package (written for survey 4.1.1; Debian: apt-get install r-cran-survey);
##   for .sav, .zsav and .dta also haven (written for haven 2.5; Debian: apt-get install r-cran-haven).
## ==================================================================================================
${setupR(o)}
data_file <- if (length(args) >= 1) args[1] else beside(${rString(dataPath)})
out_file <- output_file(if (length(args) >= 2) args[2] else beside(${rString(outFile)}), "framework,indicator,breakdown")

${readingHelpersR(a)}

${analysisStepsR(a, meta)}
${opts.national ? nationalCheckR(opts.national) : ''}
${WRITE_HEAD}
${LONG_TABLE_R}
${WRITE_FILE}
`;
}
