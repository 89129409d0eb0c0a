import type { ResolvedRounds } from '../rounds/resolveRounds.js';
import { CHANGE_COLUMNS, REASON_COLUMNS } from '../rounds/changesCsv.js';
import { roundPairs } from '../rounds/change.js';
import { moduleGap } from '../rounds/modules.js';
import { domainColumns } from '../rounds/sharedDims.js';
import type { RoundRun } from '../rounds/types.js';
import { comment, rNum, rString, rVec } from './rscriptMapping.js';

/**
 * The changes between rounds in the R script of a rounds analysis (rscriptRounds.ts): the formulas of
 * analysis/rounds/change.ts, written out in R over the rounds' estimates the script has just made, and
 * the changes CSV of `clstats run --changes` (rounds/changesCsv.ts: the same columns, NA for none).
 *
 * Which changes are "not comparable" because a round lacks a module is decided by the two rounds'
 * mappings alone, not by their data (rounds/modules.ts moduleGap): the script gets that list as data,
 * with the roles each lacks, and says so.
 */

/** R code: the changes of every pair of rounds, from `round_results`, written to `changes_file`. */
const CHANGES = String.raw`## Rounds are independent samples (each drawn and weighted on its own), so the variance of a change is
## the sum of the rounds' variances (Korn and Graubard 1999, Analysis of Health Surveys, sec. 5.2; Kish
## 1965, sec. 12.10). For each framework x indicator x domain, with p, se, df and n from the rounds above:
##   difference d = p2 - p1          SE(d) = sqrt(se1^2 + se2^2)
##   df = df1 + df2                  the two designs stacked, their strata distinct: PSUs minus strata
##                                   (each round's df is its domain's, degf() above)
##   CI = d -/+ qt(1 - alpha/2, df) SE(d)      p-value = 2 P(T_df > |d / SE(d)|), Student t
##   relative change r = (p2 - p1) / p1        SE(r) = sqrt(se2^2 / p1^2 + p2^2 se1^2 / p1^4) (delta method)
##   AARR = 1 - (p2/p1)^(1/(t2 - t1))          SE = (1/(t2 - t1)) (p2/p1)^(1/(t2 - t1)) sqrt(se1^2/p1^2 + se2^2/p2^2)
##     (average annual rate of reduction, UNICEF; only when both rounds have a year and p1, p2 > 0)
## A domain is the same in two rounds when its codes are (after the rounds' recodes), sex and area by
## meaning: each round's mapping names its own male/female and urban/rural codes; a background
## characteristic by what it measures, under the first round's column name (in_first_names). A change has no number
## ("not comparable") when a round cannot measure the indicator the same way (module_gaps), when one of
## the two estimates is missing ("no_estimate"), or when the domain spans whole ages where one round has
## children in scope with a known indicator and the other none ("ages": a child module asked of fewer ages).
by_meaning <- function(r, dim, code) {
  out <- code
  if (dim == "sex") { out[code == r$sex[1]] <- "\001male"; out[code == r$sex[2]] <- "\001female" }
  if (dim == "area" && length(r$area) == 2) { out[code == r$area[1]] <- "\001urban"; out[code == r$area[2]] <- "\001rural" }
  out
}
domain_keys <- function(r) {
  x <- r$res
  key <- paste(x$framework, x$indicator, x$breakdown, sep = "\002")
  for (k in sort(r$cells, method = "radix")) {
    v <- x[[k]]
    key <- ifelse(is.na(v) | v == "", key, paste0(key, "\002", k, "=", by_meaning(r, k, v)))
  }
  key
}
## A code of round b in round a's codes (sex and area by meaning; other codes are shared).
in_codes_of <- function(a, b, dim, code) {
  if (dim == "sex") return(ifelse(code == b$sex[1], a$sex[1], ifelse(code == b$sex[2], a$sex[2], code)))
  if (dim == "area" && length(a$area) == 2 && length(b$area) == 2) {
    return(ifelse(code == b$area[1], a$area[1], ifelse(code == b$area[2], a$area[2], code)))
  }
  code
}
## The label of a round's code: its file's value label (the shared category where harmonised), else
## Male/Female and Urban/Rural from the mapping, else "" (as the round's own rows name it).
label_in <- function(r, dim, code) {
  src <- r$dim_source[[dim]]
  l <- if (is.null(src)) NULL else r$value_labels[[src]]
  own <- if (is.null(l)) rep(NA_character_, length(code)) else unname(l[code])
  fallback <- if (dim == "sex") ifelse(code == r$sex[1], "Male", ifelse(code == r$sex[2], "Female", ""))
              else if (dim == "area" && length(r$area) == 2) ifelse(code == r$area[1], "Urban", ifelse(code == r$area[2], "Rural", ""))
              else rep("", length(code))
  ifelse(code == "", "", ifelse(is.na(own), fallback, own))
}
## The labels of a change's codes (round a's) as the trend tables name the domains
## (present/trendData.ts label): from the latest round that has the code and a label for it, in its
## own codes (sex and area by meaning), with its labels; "" when no round labels it.
change_label <- function(a, dim, codes) {
  out <- rep("", length(codes))
  for (i in rev(seq_along(round_results))) {
    r <- in_first_names(round_results[[i]])
    if (!(dim %in% names(r$res))) next
    rc <- in_codes_of(r, a, dim, codes)
    todo <- out == "" & codes != "" & rc %in% r$res[[dim]]
    out[todo] <- label_in(r, dim, rc[todo])
  }
  out
}
finite_or_na <- function(x) ifelse(is.finite(x), x, NA_real_)
## in_first_names(): as defined with the rounds' rows above.
## Every change between rounds i and j: the domains of round i, then those only round j has.
changes_of <- function(i, j) {
  a <- in_first_names(round_results[[i]])
  b <- in_first_names(round_results[[j]])
  ka <- domain_keys(a)
  kb <- domain_keys(b)
  keys <- c(ka, setdiff(kb, ka))
  ia <- match(keys, ka)
  ib <- match(keys, kb)
  ra <- a$res[ia, , drop = FALSE]
  rb <- b$res[ib, , drop = FALSE]
  in_a <- !is.na(ia)
  pick <- function(k) ifelse(in_a, ra[[k]], rb[[k]])
  out <- data.frame(framework = pick("framework"), indicator = pick("indicator"), breakdown = pick("breakdown"), stringsAsFactors = FALSE)
  for (k in change_cells) {
    ca <- if (k %in% names(ra)) ra[[k]] else rep("", length(keys))
    cb <- if (k %in% names(rb)) in_codes_of(a, b, k, rb[[k]]) else rep("", length(keys))
    v <- ifelse(in_a, ca, cb)
    out[[k]] <- ifelse(is.na(v), "", v)
  }
  out$from <- a$label
  out$to <- b$label
  gaps <- module_gaps[module_gaps$from == a$label & module_gaps$to == b$label, , drop = FALSE]
  gap <- match(paste(out$framework, out$indicator), paste(gaps$framework, gaps$indicator))
  has_gap <- !is.na(gap)
  p1 <- ra$estimate; se1 <- ra$se; p2 <- rb$estimate; se2 <- rb$se
  no_estimate <- !has_gap & (is.na(ia) | is.na(ib) | is.na(p1) | is.na(p2))
  reason <- mapply(function(fw, ind, g) age_reason(a, b, fw, ind, g), out$framework, out$indicator, out$age_group)
  age_gap <- !has_gap & !no_estimate & reason[1, ] != ""
  ok <- !has_gap & !no_estimate & !age_gap
  keep <- function(x) ifelse(has_gap, NA, x)           # a round without the module: no number at all
  out$estimate_1 <- keep(p1); out$se_1 <- keep(se1); out$n_1 <- keep(ra$n_unweighted); out$flag_1 <- keep(ra$flag)
  out$estimate_2 <- keep(p2); out$se_2 <- keep(se2); out$n_2 <- keep(rb$n_unweighted); out$flag_2 <- keep(rb$flag)
  has_se <- !is.na(se1) & !is.na(se2)
  d <- p2 - p1
  se <- ifelse(has_se, sqrt(se1^2 + se2^2), NA_real_)
  df <- ra$df + rb$df
  q <- suppressWarnings(qt(1 - (1 - change_level) / 2, df))
  when <- function(cond, x) ifelse(ok & cond, x, NA_real_)
  out$difference <- when(TRUE, d)
  out$difference_se <- when(TRUE, se)
  out$df <- when(TRUE, df)
  out$ci_low <- when(TRUE, finite_or_na(d - q * se))
  out$ci_high <- when(TRUE, finite_or_na(d + q * se))
  out$p_value <- when(!is.na(se) & se != 0, finite_or_na(suppressWarnings(2 * pt(-abs(d / se), df))))
  out$relative_change <- when(p1 != 0, (p2 - p1) / p1)
  out$relative_change_se <- when(p1 != 0 & has_se, sqrt(se2^2 / p1^2 + p2^2 * se1^2 / p1^4))
  dt <- b$year - a$year
  aarr_ok <- !is.na(dt) & dt > 0 & p1 > 0 & p2 > 0
  ratio <- (p2 / p1)^(1 / dt)
  out$aarr <- when(aarr_ok, 1 - ratio)
  out$aarr_se <- when(aarr_ok & has_se, (1 / dt) * ratio * sqrt(se1^2 / p1^2 + se2^2 / p2^2))
  out$comparable <- ifelse(ok, "TRUE", "FALSE")
  out$not_comparable <- ifelse(has_gap, "module", ifelse(no_estimate, "no_estimate", ifelse(age_gap, "ages", "")))
  out$not_comparable_round <- ifelse(has_gap, gaps$round[gap], ifelse(no_estimate, ifelse(is.na(ia) | is.na(p1), a$label, b$label), ifelse(age_gap, reason[1, ], "")))
  out$not_comparable_roles <- ifelse(has_gap, gaps$roles[gap], ifelse(age_gap, reason[2, ], ""))
  for (k in change_label_dims) out[[paste0(k, "_label")]] <- change_label(a, k, out[[k]])
  ## As the app orders them: framework, indicator, then the domains of round i, then round j's others.
  out[order(match(out$framework, change_frameworks), match(out$indicator, change_indicators), seq_len(nrow(out))), , drop = FALSE]
}
change_label_dims <- unique(c("sex", "area", unlist(lapply(round_results, function(r) in_first_names(r)$label_dims))))
change_label_dims <- change_label_dims[change_label_dims %in% change_cells]
changes <- do.call(rbind, lapply(change_pairs, function(p) changes_of(p[1], p[2])))
rownames(changes) <- NULL
whole <- function(x) ifelse(is.na(x), "NA", sprintf("%.0f", x))
change_header <- c("framework", "indicator", "breakdown", change_cells, change_columns, reason_columns, paste0(change_label_dims, "_label"))
change_body <- as.matrix(data.frame(lapply(change_header, function(k) {
  x <- changes[[k]]
  if (k %in% c("n_1", "n_2", "df")) whole(x) else if (is.numeric(x) || all(is.na(x))) fmt(x) else x
}), stringsAsFactors = FALSE))
write_csv_file(changes_file, change_header, change_body)
cat(sprintf("%d changes written to %s\n", nrow(changes), changes_file))`;

/** The module gaps of every pair of rounds compared (rounds/modules.ts moduleGap): from, to, framework, indicator, round, roles. */
function gapRows(rounds: RoundRun[], pairs: [number, number][]): string[][] {
  const rows: string[][] = [];
  for (const [i, j] of pairs) {
    const a = rounds[i]!;
    const b = rounds[j]!;
    const def = a.result.analysis;
    for (const fw of def.frameworks) {
      for (const ind of def.indicators) {
        const gap = moduleGap(fw, ind, { label: a.label, mapping: def.mapping }, { label: b.label, mapping: b.result.analysis.mapping });
        if (gap?.kind === 'module') rows.push([a.label, b.label, fw.id, ind, gap.round, gap.roles.join(' ')]);
      }
    }
  }
  return rows;
}

/** The gaps in words (the script's comment) and as an R data frame. */
function moduleGapsR(rows: string[][]): string {
  const words = rows.length
    ? rows.map((r) => `##   ${comment(r[0]!)} -> ${comment(r[1]!)}: ${r[2]} ${r[3]}: ${comment(r[4]!)} lacks ${r[5]!.split(' ').join(', ')}`).join('\n')
    : '##   (none: every round measures every indicator the same way)';
  const col = (k: number) => (rows.length ? `c(${rows.map((r) => rString(r[k]!)).join(', ')})` : 'character(0)');
  const names = ['from', 'to', 'framework', 'indicator', 'round', 'roles'];
  return `${words}
module_gaps <- data.frame(${names.map((n, k) => `${n} = ${col(k)}`).join(',\n                          ')},
                          stringsAsFactors = FALSE)`;
}

/** The script's last part: the changes of the pairs the rounds file compares, written to `changes_file`. */
export function changesR(file: Pick<ResolvedRounds, 'changes'>, rounds: RoundRun[]): string {
  const pairs = roundPairs(rounds.length, file.changes);
  const first = rounds[0]!.result.analysis;
  const cells = domainColumns(rounds.map((r) => r.result.analysis.mapping));
  return `## ---- Changes between rounds, as the app computes them (analysis/rounds/change.ts; docs/methods.md, 10) ----
change_pairs <- list(${pairs.map(([i, j]) => `c(${i + 1}, ${j + 1})`).join(', ')})   # ${file.changes === 'baseline' ? 'each round with the first' : 'each round with the one before'}
change_level <- ${rNum(first.options.level)}
change_frameworks <- ${rVec(first.frameworks.map((f) => f.id))}
change_indicators <- ${rVec(first.indicators)}
change_cells <- ${rVec(cells)}   # the domain columns (the first round's names), in the earlier round's codes
change_columns <- ${rVec(CHANGE_COLUMNS)}
reason_columns <- ${rVec(REASON_COLUMNS)}
## Not comparable because a round lacks a module (from the rounds' mappings, analysis/rounds/modules.ts):
${moduleGapsR(gapRows(rounds, pairs))}
## Not comparable because one round has no child of some ages with a known indicator (each round's ages_known,
## within the domain's age group: analysis/rounds/ageGap.ts): the rounds that lack ages and theirs, as "a / b".
change_age_groups <- list(${first.ageGroups.map((g) => `${rString(g.label)} = c(${rNum(g.from)}, ${rNum(g.to)})`).join(', ')})
age_spans <- function(x) {
  if (!length(x)) return(character(0))
  run <- cumsum(c(1, diff(x) != 1))
  unname(vapply(split(x, run), function(r) if (length(r) == 1) as.character(r) else paste0(r[1], "-", r[length(r)]), ""))
}
age_reason <- function(a, b, fw, ind, g) {
  key <- paste(fw, ind, sep = "|")
  x <- a$ages[[key]]
  y <- b$ages[[key]]
  if (is.null(x) || is.null(y)) return(c("", ""))
  if (g != "") {
    r <- change_age_groups[[g]]
    x <- x[x >= r[1] & x <= r[2]]
    y <- y[y >= r[1] & y <= r[2]]
  }
  lacking <- list(list(round = b$label, ages = setdiff(x, y)), list(round = a$label, ages = setdiff(y, x)))
  lacking <- Filter(function(l) length(l$ages) > 0, lacking)
  if (!length(lacking)) return(c("", ""))
  c(paste(vapply(lacking, function(l) l$round, ""), collapse = " / "),
    paste(vapply(lacking, function(l) paste(age_spans(l$ages), collapse = " "), ""), collapse = " / "))
}
${CHANGES}`;
}
