import type { ResolvedAnalysis } from '../analysisFile.js';
import { breakdownName } from '../run.js';
import type { ColumnSource, Comparison, Framework, Mapping, MissingHoursPolicy } from '../types.js';
import { bandRules } from './metadata.js';
import type { ExportMetadata } from './metadata.js';

/**
 * "Export R code": an R script that recomputes every estimate of the analysis with R's survey
 * package (svydesign, svyby, svyciprop, svytotal) from the same data file, and writes them in the
 * command line's long format, so a methodologist can compare the two files line by line.
 *
 * The script is written out in plain R, with nothing hidden in a package:
 *   - the data file is read with every column as text, as the app reads it, and each role is made
 *     from its columns with the same rules (blank cells, missing codes, missingFrom, yes codes,
 *     any-of for yes/no roles, sum for hours roles): mapping.ts
 *   - each framework is written out as R expressions over those roles, in R's three-valued logic,
 *     which is the SQL of classify.ts (TRUE | NA = TRUE, FALSE & NA = FALSE, NA >= k is NA, a code
 *     in a list is FALSE when missing; the MICS missing-hours policy turns an unknown comparison into
 *     FALSE)
 *   - a domain is the rows of the cell whose indicator is known, as a subset of the whole design
 *     (so every PSU of the file counts), with options(survey.lonely.psu) set to the analysis' policy.
 * The test (test/export/rscript.test.ts) runs the script where R is installed and compares it with
 * the app to 1e-8.
 */
export interface RScriptOptions {
  /** Path of the data file the script reads when it gets no argument; relative to the script's folder. */
  dataPath?: string;
  /** File the script writes when it gets no second argument; relative to the script's folder. */
  outFile?: string;
}

/** An R string literal (ASCII only: other characters as \u escapes, so any R locale parses it). */
export function rString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else if (c < 0x80) out += ch;
    else if (c <= 0xffff) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += `\\U{${c.toString(16)}}`;
  }
  return out + '"';
}

const rVec = (xs: readonly string[]) => (xs.length === 1 ? rString(xs[0]!) : `c(${xs.map(rString).join(', ')})`);
const rNum = (x: number) => (Number.isInteger(x) ? String(x) : String(x));
/** A comment line: one line, ASCII-safe enough for any R parser. */
const comment = (s: string) => s.replace(/[\r\n]+/g, ' ');

function sourceArgs(src: ColumnSource, kind: 'hours' | 'yesno'): string {
  const args: string[] = [];
  if (kind === 'yesno') args.push(`yes = ${rVec(src.yes ?? ['1'])}`);
  if (src.missingCodes?.length) args.push(`missing_codes = ${rVec(src.missingCodes)}`);
  if (src.missingFrom !== undefined) args.push(`missing_from = ${rNum(src.missingFrom)}`);
  if (kind === 'hours' && src.blank === 'zero') args.push('blank = "zero"');
  if (kind === 'yesno' && (src.blank === 'no' || src.blank === 'zero')) args.push('blank = "no"');
  return args.length ? `, ${args.join(', ')}` : '';
}

/** Hours roles: the sum of the columns (unknown if any part is): mapping.ts hoursSql. */
function hoursR(src: ColumnSource): string {
  return src.columns.map((c) => `hours(raw[[${rString(c)}]]${sourceArgs(src, 'hours')})`).join(' +\n  ');
}

/** Yes/no roles: any of the columns, in three-valued logic: mapping.ts yesNoSql. */
function yesNoR(src: ColumnSource): string {
  return src.columns.map((c) => `yes_no(raw[[${rString(c)}]]${sourceArgs(src, 'yesno')})`).join(' |\n  ');
}

/** R name of a hazard flag column. */
const hazardVar = (name: string) => `hz_${name}`;
/** R name of an extra breakdown column. */
const extraVar = (i: number) => `x${i + 1}`;

function rolesR(m: Mapping): string {
  const L: string[] = [];
  const nested = m.psuNestedInStrata ?? true;
  L.push(`n_rows <- nrow(raw)`);
  L.push(`w <- num(raw[[${rString(m.weight)}]])                      # weight`);
  L.push(m.stratum ? `h <- code(raw[[${rString(m.stratum)}]])                      # stratum` : `h <- rep("1", n_rows)                      # no strata: one stratum`);
  L.push(m.psu ? `psu <- code(raw[[${rString(m.psu)}]])                      # primary sampling unit${nested ? ' (numbered within strata)' : ''}` : `psu <- as.character(seq_len(n_rows))     # no PSU column: every row is its own PSU`);
  if (m.fpc) L.push(`fpc <- num(raw[[${rString(m.fpc)}]])                      # finite population correction`);
  L.push(`age <- num(raw[[${rString(m.age)}]])`);
  L.push(`sex <- code(raw[[${rString(m.sex.column)}]])`);
  L.push(`sex[!(sex %in% ${rVec([m.sex.male, m.sex.female])})] <- NA     # only the male and female codes make sex cells`);
  L.push(m.region ? `region <- code(raw[[${rString(m.region.column)}]])` : 'region <- rep(NA_character_, n_rows)');
  if (m.area) {
    L.push(`area <- code(raw[[${rString(m.area.column)}]])`);
    L.push(`area[!(area %in% ${rVec([m.area.urban, m.area.rural])})] <- NA  # only the urban and rural codes make area cells`);
  } else L.push('area <- rep(NA_character_, n_rows)');
  L.push(m.econActivity ? `econ_act <- ${yesNoR(m.econActivity)}` : 'econ_act <- rep(NA, n_rows)');
  L.push(m.econHours ? `econ_hours <- ${hoursR(m.econHours)}` : 'econ_hours <- rep(NA_real_, n_rows)');
  L.push(m.absentFromJob ? `absent <- ${yesNoR(m.absentFromJob)}` : 'absent <- rep(NA, n_rows)');
  L.push(m.choresHours ? `chores_hours <- ${hoursR(m.choresHours)}` : 'chores_hours <- rep(NA_real_, n_rows)');
  if (m.industry) {
    L.push(
      m.industry.level === 'class'
        ? `industry <- trunc(int(raw[[${rString(m.industry.column)}]]) / 100)   # ISIC class -> division`
        : `industry <- int(raw[[${rString(m.industry.column)}]])               # ISIC division`,
    );
  } else L.push('industry <- rep(NA_real_, n_rows)');
  L.push(m.occupation ? `occupation <- int(raw[[${rString(m.occupation.column)}]])           # ISCO-08 unit group` : 'occupation <- rep(NA_real_, n_rows)');
  for (const [name, src] of Object.entries(m.hazards ?? {})) L.push(`${hazardVar(name)} <- ${yesNoR(src)}`);
  (m.extras ?? []).forEach((e, i) => L.push(`${extraVar(i)} <- code(raw[[${rString(e)}]])   # extra breakdown ${e}`));
  return L.join('\n');
}

/** The framework as R expressions: the same rules, in the same order, as classify.ts. */
function frameworkR(fw: Framework, m: Mapping, missingHours: MissingHoursPolicy, fn: string): string {
  const cmp = (col: string, t: { min: number; op?: Comparison }) => {
    const e = `(${col} ${t.op ?? fw.comparison} ${rNum(Number(t.min))})`;
    return missingHours === 'mics' ? `known_or_false${e}` : e;
  };
  const employed = `(${m.econActivity ? 'econ_act' : cmp('econ_hours', { min: 1, op: '>=' })}${m.absentFromJob ? ' | absent' : ''})`;
  const mapped = Object.keys(m.hazards ?? {});
  const conditions = fw.hazardous.conditions ?? mapped;
  const conditionR = conditions.length ? `(${conditions.map(hazardVar).join(' | ')})` : 'FALSE';
  const h = fw.hazardous;
  const parts: string[] = [];
  if (h.industries.length && m.industry) parts.push(`(industry %in% c(${h.industries.join(', ')}))`);
  if (h.occupations.length && m.occupation) parts.push(`(occupation %in% c(${h.occupations.join(', ')}))`);
  if (h.longHours && m.econHours) parts.push(cmp('econ_hours', h.longHours));
  if (conditions.length) parts.push(conditionR);
  const clParts: string[] = [];
  if (fw.hazardsInChildLabour === 'hazardous_work') clParts.push('hazardous');
  if (fw.hazardsInChildLabour === 'conditions') clParts.push(`(employed & ${conditionR})`);
  for (const b of fw.bands) {
    const rule: string[] = [];
    if (b.econ.rule === 'employed') rule.push('employed');
    if (b.econ.rule === 'hours') rule.push(`(employed & ${cmp('econ_hours', b.econ)})`);
    if (b.chores) rule.push(cmp('chores_hours', b.chores));
    if (rule.length) clParts.push(`((age >= ${b.from} & age <= ${b.to}) & (${rule.join(' | ')}))`);
  }
  const scope = `(age == floor(age) & (${fw.bands.map((b) => `(age >= ${b.from} & age <= ${b.to})`).join(' | ')}))`;
  const words = bandRules('en', fw).map((b) => `##   ${b.label}: ${b.rule}`);
  return `## ---- Framework ${fw.id}: ${comment(fw.name)}
## Source: ${comment(fw.source)}
${words.join('\n')}
##   Hazards in child labour: ${fw.hazardsInChildLabour}; comparison ${fw.comparison}
${fn} <- function() {
  employed <- ${employed}
  hazardous <- (employed & (${parts.length ? parts.join(' |\n    ') : 'FALSE'}))
  child_labour <- (${clParts.length ? clParts.join(' |\n    ') : 'FALSE'})
  in_scope <- ${scope}
  list(
    children_in_employment = indicator(in_scope, employed),
    child_labour = indicator(in_scope, child_labour),
    hazardous_work = indicator(in_scope, hazardous),
    child_labour_other_than_hazardous = indicator(in_scope, child_labour & !hazardous)
  )
}`;
}

const HELPERS = String.raw`## ---- Helpers: the app's rules for reading a column (analysis/mapping.ts) -----------------------------
trim <- function(x) gsub("^ +| +$", "", x)                 # spaces only, as DuckDB's trim()
is_blank <- function(x) is.na(x) | trim(x) == ""
code <- function(x) { v <- trim(x); v[is_blank(x)] <- NA; v } # a code as written; blank is missing
num <- function(x) suppressWarnings(as.numeric(DECIMAL(trim(x)))) # text to number; not a number is missing
int <- function(x) { v <- num(x); sign(v) * floor(abs(v) + 0.5) } # to a whole number, halves away from 0
## An hours column: blank is unknown (or 0 with blank = "zero"), missing codes and values at or above
## missing_from are unknown.
hours <- function(x, missing_codes = character(0), missing_from = NULL, blank = "missing") {
  v <- num(x)
  if (!is.null(missing_from)) v[!is.na(v) & v >= missing_from] <- NA
  v[trim(x) %in% missing_codes] <- NA
  v[is_blank(x)] <- if (blank == "zero") 0 else NA
  v
}
## A yes/no column: TRUE for a yes code, NA for blank (FALSE with blank = "no"), missing codes and
## values at or above missing_from, FALSE for any other code.
yes_no <- function(x, yes = "1", missing_codes = character(0), missing_from = NULL, blank = "missing") {
  v <- rep(FALSE, length(x))
  v[trim(x) %in% yes] <- TRUE
  if (!is.null(missing_from)) { k <- num(x); v[!is.na(k) & k >= missing_from] <- NA }
  v[trim(x) %in% missing_codes] <- NA
  v[is_blank(x)] <- if (blank == "no") FALSE else NA
  v
}
known_or_false <- function(x) !is.na(x) & x                   # MICS policy: unknown hours count as below
## 1 / 0 for children in the framework's ages (NA when unknown), NA for everyone else.
indicator <- function(in_scope, x) ifelse(in_scope %in% TRUE, as.numeric(x), NA_real_)`;

const ESTIMATE = String.raw`## ---- Estimation: every framework x indicator x breakdown x cell -----------------------------------
## A domain is the rows of the cell whose indicator is known, taken as a subset of the whole design
## (des[keep, ] keeps every stratum's PSU count of the whole file). In each domain:
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
}
des <- DESIGN
one_cell <- function(sub, mask) {
  s <- sub[mask, ]
  c(n = sum(mask), population = sum(weights(s)), df = degf(s))
}
converged_logit <- function(p, se, df) {
  half <- qt(1 - (1 - level) / 2, df) * se / (p * (1 - p))
  cbind(plogis(qlogis(p) - half), plogis(qlogis(p) + half))
}
for (fw in names(frameworks)) for (ind in indicators) {
  y <- paste0("y_", make.names(fw), "_", ind)
  f <- as.formula(paste0("~", y))
  for (dims in breakdowns) {
    by_dims <- setdiff(dims, "age_group")
    groups <- if ("age_group" %in% dims) age_groups else list(NULL)
    for (g in groups) {
      keep <- !is.na(d[[y]])
      if (!is.null(g)) keep <- keep & (d$age >= g$from & d$age <= g$to) %in% TRUE
      for (v in by_dims) keep <- keep & !is.na(d[[dim_column[[v]]]])
      if (!any(keep)) next
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
      counts <- t(vapply(masks, function(k) one_cell(sub, k), numeric(3)))
      out <- data.frame(framework = fw, indicator = ind, breakdown = if (length(dims)) paste(dims, collapse = "_x_") else "total",
                        stringsAsFactors = FALSE)[rep(1, nrow(est)), ]
      for (k in cell_columns) out[[k]] <- if (k %in% by_dims) as.character(cells[[k]]) else ""
      if (!is.null(g)) out$age_group <- g$label
      out <- cbind(out, est[, c("estimate", "se", "ci_low", "ci_high")], df = counts[, "df"],
                   est[, c("total", "total_se")], population = counts[, "population"], n_unweighted = counts[, "n"],
                   deff_replace = est$deff_replace)
      rows[[length(rows) + 1]] <- out
    }
  }
}
res <- do.call(rbind, rows)
rownames(res) <- NULL
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
res$cv <- ifelse(!is.na(res$se) & res$estimate != 0, res$se / res$estimate, NA)
res$flag <- FLAG_RULE
res$sex_label <- ifelse(res$sex == SEX_MALE, "Male", ifelse(res$sex == SEX_FEMALE, "Female", ""))
res$area_label <- AREA_LABEL

## ---- Write the command line's long format ------------------------------------------------------------
stat_columns <- c("estimate", "se", "ci_low", "ci_high", "df", "total", "total_se", "population", "n_unweighted",
                  "deff", "deff_replace", "cv")
csv_field <- function(x) ifelse(grepl("[\",\r\n]", x), paste0("\"", gsub("\"", "\"\"", x), "\""), x)
header <- c("framework", "indicator", "breakdown", cell_columns, stat_columns, "flag", "sex_label", "area_label")
body <- cbind(
  as.matrix(res[, c("framework", "indicator", "breakdown", cell_columns)]),
  vapply(stat_columns, function(k) if (k %in% c("df", "n_unweighted")) as.character(res[[k]]) else fmt(res[[k]]), character(nrow(res))),
  as.matrix(res[, c("flag", "sex_label", "area_label")])
)
con <- file(out_file, open = "w", encoding = "UTF-8")
writeLines(paste(csv_field(header), collapse = ","), con)
writeLines(apply(body, 1, function(r) paste(csv_field(r), collapse = ",")), con)
close(con)
cat(sprintf("%d estimates written to %s\n", nrow(res), out_file))`;

/** How the data file is read: CSV with the analysis' delimiter, encoding and decimal comma. */
function readData(a: ResolvedAnalysis, meta: ExportMetadata): string {
  // The data spec grows with the import formats; only the CSV options are read here.
  const spec = a.data as { path: string; format?: string; delimiter?: string; encoding?: string; header?: boolean };
  const format = spec.format ?? (/\.(sav|zsav|dta|xlsx|parquet)$/i.exec(spec.path)?.[1]?.toLowerCase() ?? 'csv');
  const lines: string[] = [];
  if (format !== 'csv' && format !== 'tsv') {
    lines.push(
      `stop("The analysis reads a ${format} file; this script reads CSV only. Save the data as CSV (every column as text, as the app reads it) and give its path as the first argument.")`,
    );
  }
  const encoding = spec.encoding === 'windows-1252' ? 'CP1252' : spec.encoding === 'latin-1' ? 'latin1' : 'UTF-8-BOM';
  const sep = spec.delimiter ?? (format === 'tsv' ? '\t' : undefined);
  lines.push(
    sep
      ? `sep <- ${rString(sep)}`
      : `sep <- local({
  first <- readLines(data_file, n = 1, warn = FALSE, encoding = "UTF-8")
  cand <- c(",", ";", "\\t", "|")
  cand[which.max(vapply(cand, function(s) lengths(regmatches(first, gregexpr(s, first, fixed = TRUE))), 0L))]
})                                              # the app detects the delimiter too`,
  );
  lines.push(`raw <- read.csv(data_file, sep = sep, colClasses = "character", na.strings = character(0), check.names = FALSE,
                strip.white = FALSE, header = ${spec.header === false ? 'FALSE' : 'TRUE'}, fileEncoding = ${rString(encoding)})`);
  lines.push(`if (nrow(raw) != ${meta.source.rowsRead}) warning("the app read ${meta.source.rowsRead} rows; this file has ", nrow(raw), ": is it the same data file?")`);
  return lines.join('\n');
}

/** The R script of an analysis. `meta` gives the header (data file, hash, rows, date, app). */
export function rScript(a: ResolvedAnalysis, meta: ExportMetadata, opts: RScriptOptions = {}): string {
  const m = a.mapping;
  const o = a.options;
  const dataPath = opts.dataPath ?? meta.source.file;
  const outFile = opts.outFile ?? `${(meta.source.file.replace(/\.[^.]*$/, '') || 'results')}_R_results.csv`;
  const extras = m.extras ?? [];
  const cellColumns = ['sex', 'age_group', 'region', 'area', ...extras];
  const dimColumn: [string, string][] = [['sex', 'sex'], ['region', 'region'], ['area', 'area'], ...extras.map((e, i): [string, string] => [e, extraVar(i)])];
  const fwNames = a.frameworks.map((_, i) => `classify_${i + 1}`);
  const nested = m.psuNestedInStrata ?? true;
  const designArgs = [
    `ids = ${m.psu ? '~psu' : '~1'}`,
    ...(m.stratum ? ['strata = ~h'] : []),
    'weights = ~w',
    ...(m.fpc ? ['fpc = ~fpc'] : []),
    ...(m.stratum && m.psu ? [`nest = ${nested ? 'TRUE' : 'FALSE'}`] : []),
    'data = d',
  ];
  const rule = o.smallCell;
  const flagRule =
    rule.rule === 'mics-dhs'
      ? `ifelse(res$n_unweighted < ${rule.suppressBelow ?? 25}, "suppressed", ifelse(res$n_unweighted < ${rule.parenthesesBelow ?? 50}, "caution", "ok"))`
      : `ifelse(is.na(res$cv) | res$n_unweighted == 0 | res$cv >= ${rule.suppressAt ?? 0.3}, "suppressed", ifelse(res$cv >= ${rule.flagAt ?? 0.2}, "caution", "ok"))`;
  const ciMethod = o.ci === 'logit' ? 'logit' : o.ci === 'korn-graubard' ? 'beta' : 'mean';
  const areaLabel = m.area
    ? `ifelse(res$area == ${rString(m.area.urban)}, "Urban", ifelse(res$area == ${rString(m.area.rural)}, "Rural", ""))`
    : '""';
  const dataFrameCols = ['w', 'h', 'psu', ...(m.fpc ? ['fpc'] : []), 'age', 'sex', 'region', 'area', ...extras.map((_, i) => extraVar(i))];
  const estimate = ESTIMATE.replace('des <- DESIGN', `des <- svydesign(${designArgs.join(', ')})`)
    .replace(/CI_METHOD/g, rString(ciMethod))
    .replace('FLAG_RULE', flagRule)
    .replace('SEX_MALE', rString(m.sex.male))
    .replace('SEX_FEMALE', rString(m.sex.female))
    .replace('AREA_LABEL', areaLabel);

  return `## ==================================================================================================
## ${comment(a.title)}
## R code exported by ${meta.app.name} ${meta.app.version} on ${meta.createdAt}.
## It recomputes every estimate of the analysis with R's survey package from the same data file and
## writes them in the command line's long format (clstats run), to compare line by line.
##
## Data file: ${comment(meta.source.file)}
##   SHA-256 ${meta.source.sha256 ?? 'unknown'}
##   rows read by the app: ${meta.source.rowsRead}; children in the frameworks' ages: ${meta.source.rowsUsed}
## Design: weight ${m.weight}, strata ${m.stratum ?? '(none)'}, PSUs ${m.psu ?? '(none: each row)'}; ${meta.design.strata} strata, ${meta.design.psus} PSUs, ${meta.design.df} df
## Options: missing hours ${o.missingHours}, lonely PSUs ${o.lonelyPsu}, interval ${o.ci} at level ${o.level},
##   small cells ${JSON.stringify(o.smallCell)}
##
## Run:   Rscript <this file> [data file] [output CSV]
##   With no arguments it reads ${comment(dataPath)} and writes ${comment(outFile)}, both beside this script.
## Needs: R and the survey package (written for survey 4.1.1; Debian: apt-get install r-cran-survey).
## ==================================================================================================
suppressPackageStartupMessages(library(survey))
options(survey.lonely.psu = ${rString(o.lonelyPsu)})         # strata with a single PSU: the analysis' policy
options(survey.adjust.domain.lonely = FALSE)  # PSUs are counted in the whole file, not in the domain

args <- commandArgs(trailingOnly = TRUE)
script_dir <- local({
  f <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))
  if (length(f)) dirname(normalizePath(f[1])) else getwd()
})
beside <- function(p) if (grepl("^(/|~|[A-Za-z]:)", p)) p else file.path(script_dir, p)
data_file <- if (length(args) >= 1) args[1] else beside(${rString(dataPath)})
out_file <- if (length(args) >= 2) args[2] else beside(${rString(outFile)})

## ---- 1. Read the data file: every column as text, as the app does ------------------------------------
${readData(a, meta)}

${HELPERS.replace('DECIMAL(trim(x))', (a.data as { decimalComma?: boolean }).decimalComma ? 'sub(",", ".", trim(x), fixed = TRUE)' : 'trim(x)')}

## ---- 2. Roles: one vector per role, from its columns ---------------------------------------------------
${rolesR(m)}

## ---- 3. Frameworks, written out (analysis/classify.ts) -------------------------------------------------
## R's logic is three-valued, as the app's SQL: TRUE | NA is TRUE, FALSE & NA is FALSE, NA >= 14 is NA,
## and a code %in% a list is FALSE when the code is missing.${o.missingHours === 'mics' ? '\n## Missing hours: MICS policy, a comparison with unknown hours is FALSE (known_or_false).' : ''}
${a.frameworks.map((fw, i) => frameworkR(fw, m, o.missingHours, fwNames[i]!)).join('\n\n')}

frameworks <- list()
${a.frameworks.map((fw, i) => `frameworks[[${rString(fw.id)}]] <- ${fwNames[i]}()`).join('\n')}
indicators <- ${rVec(a.indicators)}
breakdowns <- list(${a.breakdowns.map((b) => (b.length ? rVec(b) : 'character(0)')).join(', ')})
## breakdown names in the output: ${a.breakdowns.map(breakdownName).join(', ')}
age_groups <- list(${a.ageGroups.map((g) => `list(label = ${rString(g.label)}, from = ${rNum(g.from)}, to = ${rNum(g.to)})`).join(',\n                   ')})
level <- ${rNum(o.level)}
cell_columns <- ${rVec(cellColumns)}
dim_column <- list(${dimColumn.map(([k, v]) => `${rString(k)} = ${rString(v)}`).join(', ')})
d <- data.frame(${dataFrameCols.join(', ')}, stringsAsFactors = FALSE)

${estimate}
`;
}
