## =============================================================================
## make_rounds_golden.R -- golden changes between two survey rounds, from R's survey package.
##
## The truth for test/rounds.test.ts: the two rounds of test/fixtures/rounds (made by
## scripts/fixtures/make-rounds.ts), each with its OWN design (svydesign per round: the rounds are
## independent samples), every domain estimated with svymean on subset() as the other golden scripts do,
## and the change computed with the formulas of docs/methods.md ("Change between rounds"):
##   difference = p2 - p1, SE = sqrt(se1^2 + se2^2), df = degf(sub1) + degf(sub2),
##   CI = difference -/+ qt(1 - alpha/2, df) SE, p = 2 pt(-|difference / SE|, df),
##   relative change = (p2 - p1)/p1, SE = (p2/p1) sqrt(se1^2/p1^2 + se2^2/p2^2),
##   AARR = 1 - (p2/p1)^(1/(t2 - t1)), SE = (1/(t2 - t1)) (p2/p1)^(1/(t2 - t1)) sqrt(se1^2/p1^2 + se2^2/p2^2).
## Written here in plain R from ../shared/definitions.md and the SDG 8.7.1 rules, independently of the
## app: nothing below reads the app's analysis files. The 2021 round renumbers its regions (11-14) and
## codes its area U/R; the harmonisation (11 -> 1, ..., urban/rural by meaning) is done here by hand.
##
## Usage (from the repository root): Rscript scripts/r/make_rounds_golden.R
## Writes test/fixtures/rounds/changes_expected.csv. Needs R and the survey package.
## =============================================================================
suppressMessages(library(survey))
options(survey.lonely.psu = "adjust")
fmt <- function(x) { x <- unname(as.numeric(x)); ifelse(is.na(x), "NA", sprintf("%.17g", x)) }
dir <- "test/fixtures/rounds"

## Each round read as text, then the roles by hand (blank = unknown).
num <- function(x) suppressWarnings(as.numeric(ifelse(trimws(x) == "", NA, x)))
r1 <- read.csv(file.path(dir, "round1_2015.csv"), colClasses = "character", na.strings = character(0))
r2 <- read.csv(file.path(dir, "round2_2021.csv"), colClasses = "character", na.strings = character(0))
rounds <- list(
  list(label = "NCLS 2015", year = 2015, d = data.frame(
    stratum = r1$stratum, psu = r1$cluster, w = num(r1$weight), age = num(r1$age), sex = r1$sex,
    region = r1$region, area = ifelse(r1$area == "1", "1", ifelse(r1$area == "2", "2", NA)),
    hours = num(r1$econ_hours), chores = num(r1$chores_hours), industry = num(r1$industry), stringsAsFactors = FALSE)),
  list(label = "NCLS 2021", year = 2021, d = data.frame(
    stratum = r2$strat, psu = r2$psu, w = num(r2$wt), age = num(r2$age_y), sex = r2$sexe,
    region = c("11" = "1", "12" = "2", "13" = "3", "14" = "4")[r2$REG],   # the harmonisation recode
    area = ifelse(r2$milieu == "U", "1", ifelse(r2$milieu == "R", "2", NA)), # urban / rural by meaning
    hours = num(r2$hrs_work), chores = num(r2$hrs_chores), industry = num(r2$isic2), stringsAsFactors = FALSE))
)

## SDG 8.7.1 (UN metadata 2021; MICS6 PR.3.3 thresholds, >=): employment = hours >= 1; hazardous work
## (Global Estimates lists; occupation not in these files) = employed and (ISIC division 05-09 or 41-43,
## or hours >= 43). Child labour: 5-11 employed; 12-14 employed and hours >= 14; 15-17 employed and
## hours >= 43; with chores (sdg_871) also 5-14 chores >= 21. NA is unknown (R's three-valued logic).
indicators_of <- function(d) {
  employed <- d$hours >= 1
  hazardous <- employed & ((d$industry %in% c(5:9, 41:43)) | d$hours >= 43)
  econ <- (d$age >= 5 & d$age <= 11 & employed) | (d$age >= 12 & d$age <= 14 & employed & d$hours >= 14) |
    (d$age >= 15 & d$age <= 17 & employed & d$hours >= 43)
  chores <- d$age >= 5 & d$age <= 14 & d$chores >= 21
  cl <- list(sdg_871_econ = econ, sdg_871 = econ | chores)
  out <- list()
  for (fw in names(cl)) out[[fw]] <- list(children_in_employment = employed, child_labour = cl[[fw]],
    hazardous_work = hazardous, child_labour_other_than_hazardous = cl[[fw]] & !hazardous)
  out
}

age_groups <- list("5-11" = c(5, 11), "12-14" = c(12, 14), "15-17" = c(15, 17), "5-14" = c(5, 14), "5-17" = c(5, 17))
domains <- list(list(breakdown = "total", dim = NA, codes = ""),
                list(breakdown = "sex", dim = "sex", codes = c("1", "2")),
                list(breakdown = "age_group", dim = "age_group", codes = names(age_groups)),
                list(breakdown = "region", dim = "region", codes = c("1", "2", "3", "4")),
                list(breakdown = "area", dim = "area", codes = c("1", "2")))

## Every framework x indicator x domain of one round: estimate, se, df (degf of the subset), n.
estimates <- function(round) {
  d <- round$d
  scope <- d$w > 0 & !is.na(d$age) & d$age == floor(d$age) & d$age >= 5 & d$age <= 17
  ind <- indicators_of(d)
  res <- list()
  for (fw in names(ind)) for (i in names(ind[[fw]])) {
    d$y <- as.numeric(ind[[fw]][[i]])
    des <- svydesign(ids = ~psu, strata = ~stratum, weights = ~w, data = d, nest = TRUE)
    for (dm in domains) for (code in dm$codes) {
      inD <- if (is.na(dm$dim)) rep(TRUE, nrow(d)) else if (dm$dim == "age_group") d$age >= age_groups[[code]][1] & d$age <= age_groups[[code]][2]
             else d[[dm$dim]] %in% code
      mask <- scope & inD & !is.na(d$y)
      sub <- subset(des, mask)
      m <- svymean(~y, sub)
      key <- paste(fw, i, dm$breakdown, code, sep = "|")
      res[[key]] <- list(p = unname(coef(m)), se = unname(SE(m)), df = degf(sub), n = sum(mask))
    }
  }
  res
}
e1 <- estimates(rounds[[1]])
e2 <- estimates(rounds[[2]])

level <- 0.95
dt <- rounds[[2]]$year - rounds[[1]]$year
rows <- list()
for (key in names(e1)) {
  a <- e1[[key]]; b <- e2[[key]]
  parts <- strsplit(key, "|", fixed = TRUE)[[1]]
  bd <- parts[3]; code <- if (length(parts) < 4) "" else parts[4]
  d <- b$p - a$p
  se <- sqrt(a$se^2 + b$se^2)
  df <- a$df + b$df
  q <- qt(1 - (1 - level) / 2, df)
  p <- if (se > 0) 2 * pt(-abs(d / se), df) else NA
  rel <- if (a$p != 0) (b$p - a$p) / a$p else NA
  rel_se <- if (a$p != 0 && b$p != 0) (b$p / a$p) * sqrt(a$se^2 / a$p^2 + b$se^2 / b$p^2) else if (a$p != 0) b$se / a$p else NA
  ok <- a$p > 0 && b$p > 0
  ratio <- if (ok) (b$p / a$p)^(1 / dt) else NA
  rows[[length(rows) + 1]] <- data.frame(
    framework = parts[1], indicator = parts[2], breakdown = bd,
    sex = if (bd == "sex") code else "", age_group = if (bd == "age_group") code else "",
    region = if (bd == "region") code else "", area = if (bd == "area") code else "",
    estimate_1 = fmt(a$p), se_1 = fmt(a$se), n_1 = a$n, df_1 = a$df, estimate_2 = fmt(b$p), se_2 = fmt(b$se), n_2 = b$n, df_2 = b$df,
    difference = fmt(d), difference_se = fmt(se), df = df, ci_low = fmt(d - q * se), ci_high = fmt(d + q * se), p_value = fmt(p),
    relative_change = fmt(rel), relative_change_se = fmt(rel_se),
    aarr = fmt(if (ok) 1 - ratio else NA), aarr_se = fmt(if (ok) (1 / dt) * ratio * sqrt(a$se^2 / a$p^2 + b$se^2 / b$p^2) else NA),
    stringsAsFactors = FALSE)
}
out <- do.call(rbind, rows)
write.csv(out, file.path(dir, "changes_expected.csv"), row.names = FALSE, quote = FALSE, na = "")
cat("R", R.version$major, R.version$minor, "survey", as.character(packageVersion("survey")), ":", nrow(out), "changes written\n")
