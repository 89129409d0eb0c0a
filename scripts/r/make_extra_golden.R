## =============================================================================
## make_extra_golden.R -- golden results from R's survey package for what the shared reference does
## not cover: every lonely-PSU policy, the Korn-Graubard ("beta") and Wald intervals, and the gap
## between boys and girls (svyby + svycontrast). Deterministic: no random numbers.
##
## Usage (from the repository root, with ../shared beside it):
##   Rscript scripts/r/make_extra_golden.R
## Writes test/fixtures/lonely_sample.csv and test/fixtures/r-golden/*.csv. Needs R and the survey
## package (Debian: apt-get install r-base-core r-cran-survey); the tests only read the outputs.
## =============================================================================
suppressMessages(library(survey))
fmt <- function(x) { x <- unname(as.numeric(x)); ifelse(is.na(x), "NA", sprintf("%.17g", x)) }
smp <- read.csv("../shared/reference/children_sample.csv", na.strings = "")

## The indicator used here: children in employment (econ_hours >= 1 or absent), unknown when it is.
emp <- function(d) { e <- d$econ_hours >= 1 | d$absent_job == 1; as.numeric(e) }

## ---- 1. lonely PSUs: PSU 1 of stratum 1 becomes stratum 9, alone --------------------------------
lon <- smp
lon$stratum[lon$stratum == 1 & lon$psu == 1] <- 9
write.csv(lon, "test/fixtures/lonely_sample.csv", row.names = FALSE, na = "", quote = FALSE)
lon$y <- emp(lon)
domains <- list(total = function(d) rep(TRUE, nrow(d)),
                "sex=1" = function(d) d$sex == 1, "sex=2" = function(d) d$sex == 2,
                "region=1" = function(d) d$region == 1, "region=3" = function(d) d$region == 3)
rows <- list()
for (policy in c("remove", "certainty", "adjust", "average", "fail")) suppressWarnings({
  options(survey.lonely.psu = policy)
  des <- svydesign(ids = ~psu, strata = ~stratum, weights = ~weight, data = lon, nest = TRUE)
  for (dn in names(domains)) {
    mask <- domains[[dn]](lon) & !is.na(lon$y) & lon$age >= 5 & lon$age <= 17
    sub <- subset(des, mask)
    r <- tryCatch({
      m <- svymean(~y, sub); t <- svytotal(~y, sub)
      list(v = c(coef(m), SE(m), coef(t), SE(t)), error = "")
    }, error = function(e) list(v = rep(NA_real_, 4), error = conditionMessage(e)))
    rows[[length(rows) + 1]] <- data.frame(policy = policy, domain = dn, estimate = fmt(r$v[1]), se = fmt(r$v[2]),
                                           total = fmt(r$v[3]), total_se = fmt(r$v[4]), error = gsub(",", ";", r$error))
  }
})
write.csv(do.call(rbind, rows), "test/fixtures/r-golden/lonely_psu.csv", row.names = FALSE, quote = FALSE)

## ---- 2. intervals and the boys-girls gap on the reference sample ---------------------------------
options(survey.lonely.psu = "adjust")
smp$y <- emp(smp)
des <- svydesign(ids = ~psu, strata = ~stratum, weights = ~weight, data = smp, nest = TRUE)
ci_rows <- list(); gap_rows <- list()
parents <- list(total = function(d) rep(TRUE, nrow(d)))
for (r in 1:4) parents[[paste0("region=", r)]] <- local({ rr <- r; function(d) d$region == rr })
for (pn in names(parents)) {
  mask <- parents[[pn]](smp) & !is.na(smp$y) & smp$age >= 5 & smp$age <= 17
  sub <- subset(des, mask)
  ## gap: boys (1) minus girls (2), both domains of the same design, with their covariance
  b <- svyby(~y, ~sex, sub, svymean, covmat = TRUE)
  g <- svycontrast(b, c(1, -1))
  df <- degf(sub)
  gap_rows[[length(gap_rows) + 1]] <- data.frame(parent = pn, boys = fmt(coef(b)[1]), girls = fmt(coef(b)[2]),
    gap = fmt(coef(g)), se = fmt(SE(g)), df = df, p_value = fmt(2 * pt(-abs(coef(g) / SE(g)), df)))
  for (sx in c("", "1", "2")) {
    dmask <- if (sx == "") mask else mask & smp$sex == as.integer(sx)
    dsub <- subset(des, dmask)
    kg <- svyciprop(~y, dsub, method = "beta")
    m <- svymean(~y, dsub)
    dfx <- degf(dsub)
    wald <- coef(m) + c(-1, 1) * qt(0.975, dfx) * SE(m)
    ci_rows[[length(ci_rows) + 1]] <- data.frame(domain = paste0(pn, if (sx == "") "" else paste0("&sex=", sx)),
      estimate = fmt(coef(m)), se = fmt(SE(m)), df = dfx, n = sum(dmask),
      kg_low = fmt(attr(kg, "ci")[1]), kg_high = fmt(attr(kg, "ci")[2]),
      wald_low = fmt(wald[1]), wald_high = fmt(wald[2]))
  }
}
write.csv(do.call(rbind, gap_rows), "test/fixtures/r-golden/sex_gap.csv", row.names = FALSE, quote = FALSE)
write.csv(do.call(rbind, ci_rows), "test/fixtures/r-golden/intervals.csv", row.names = FALSE, quote = FALSE)
cat("R", R.version$major, R.version$minor, "survey", as.character(packageVersion("survey")), "\n")

## ---- 3. MICS6 conventions (issue 10): test/fixtures/mics-conventions -----------------------------
## The truth for test/micsConventions.test.ts, written here in plain R from ../shared/definitions.md
## sections 4-5, independently of the app (nothing below reads the app's mapping or code). The data
## come from scripts/fixtures/make-mics-conventions.ts; fs.csv is read with blank = NA.
##   universe     completed interviews (FS17 == 1); the other rows (fsweight 0) stay in the design:
##                des <- svydesign(~HH1, strata = ~stratum, weights = ~fsweight, nest = TRUE) on ALL
##                rows, then subset(des, FS17 == 1 & age 5-17 & indicator known & cell)
##   zero weight  counts in no n (nobs = weights != 0), df (degf counts PSUs with a weight) or deff,
##                but its PSU counts in its stratum's PSU count (the design is built on every row)
##   "mics"       hours >= 97 (98 don't know, 99 missing) are never above a threshold but stay in the
##                denominator; chores = CL8 + CL10 + CL13 with each unknown or blank part as 0; a yes/no
##                code 9 (no response) is "no"
##   "unknown"    three-valued: hours >= 97 unknown, a chores sum with an unknown part unknown, code 9
##                unknown; R's NA logic (TRUE | NA is TRUE, FALSE & NA is FALSE); a child whose indicator
##                is NA leaves that indicator
##   blank        "not asked": 0 hours, "no" for CL2 and the hazard items, under both policies
## Intervals: svyciprop(method = "logit") is a quasibinomial svyglm whose glm() stops at a relative
## deviance change of 1e-8, a few units in the 8th digit; the golden values refit the same model to
## convergence (glm.control(epsilon = 1e-15)), then confint(method = "Wald", ddf = degf(sub)) as
## svyciprop does. No logit interval for an estimate of 0 or 1 (NA).
mc_dir <- "test/fixtures/mics-conventions"
mc_read <- function(f) read.csv(file.path(mc_dir, f), na.strings = "", colClasses = "numeric")
mc_classify <- function(d, policy) {
  mics <- policy == "mics"
  yn <- function(x, blank) {                    # 1 yes, 2 no, 9 no response, NA blank (not asked)
    v <- ifelse(is.na(x), blank, ifelse(x == 9, NA, x == 1))
    if (mics) v[is.na(v)] <- FALSE
    v
  }
  hrs <- function(x) ifelse(is.na(x), 0, ifelse(x >= 97, NA, x))   # blank 0; 98/99 unknown
  ge <- function(h, t) { r <- h >= t; if (mics) r[is.na(r)] <- FALSE; r }
  zero <- function(v) ifelse(is.na(v), 0, v)
  econ_act <- Reduce(`|`, lapply(c("CL1A", "CL1B", "CL1C", "CL1X"), function(k) yn(d[[k]], NA)))
  absent <- yn(d$CL2, FALSE)
  hz <- Reduce(`|`, lapply(c("CL4", "CL5", "CL6A", "CL6B", "CL6C", "CL6D", "CL6E", "CL6X"), function(k) yn(d[[k]], FALSE)))
  h <- hrs(d$CL3)
  chores <- if (mics) zero(hrs(d$CL8)) + zero(hrs(d$CL10)) + zero(hrs(d$CL13)) else hrs(d$CL8) + hrs(d$CL10) + hrs(d$CL13)
  a <- d$CB3
  b1 <- a >= 5 & a <= 11; b2 <- a >= 12 & a <= 14; b3 <- a >= 15 & a <= 17
  employed <- econ_act | absent
  hazardous <- employed & (ge(h, 43) | hz)
  sdg <- (b1 & ((employed & ge(h, 1)) | ge(chores, 21))) | (b2 & ((employed & ge(h, 14)) | ge(chores, 21))) | (b3 & employed & ge(h, 43))
  cl <- list(sdg_871 = sdg,
             ilo_ge2020 = hazardous | (b1 & employed) | (b2 & employed & ge(h, 14)),
             mics6_hazard = (employed & hz) | sdg)
  out <- list()
  for (fw in names(cl)) out[[fw]] <- list(children_in_employment = employed, child_labour = cl[[fw]], hazardous_work = hazardous,
                                          child_labour_other_than_hazardous = cl[[fw]] & !hazardous)
  list(y = out, chores = chores)
}
mc_domains <- function(d) {
  dm <- list(total = rep(TRUE, nrow(d)))
  for (s in 1:2) dm[[paste0("sex=", s)]] <- d$HL4 == s
  for (g in list(c(5, 11), c(12, 14), c(15, 17), c(5, 14), c(5, 17)))
    dm[[sprintf("age_group=%d-%d", g[1], g[2])]] <- d$CB3 >= g[1] & d$CB3 <= g[2]
  for (r in sort(unique(d$HH7))) dm[[paste0("region=", r)]] <- d$HH7 == r
  for (u in 1:2) dm[[paste0("area=", u)]] <- d$HH6 == u
  lapply(dm, function(m) m %in% TRUE)
}
mc_ci_off <- 0
mc_estimates <- function(file, domain_names = NULL) {
  d <- mc_read(file)
  in_scope <- d$FS17 %in% 1 & d$CB3 %in% 5:17
  ys <- list()
  for (policy in c("mics", "unknown")) {
    cls <- mc_classify(d, policy)$y
    for (fw in names(cls)) for (ind in names(cls[[fw]])) {
      k <- paste("y", policy, fw, ind, sep = "__")
      d[[k]] <- as.numeric(cls[[fw]][[ind]])
      ys[[k]] <- c(policy, fw, ind)
    }
  }
  options(survey.lonely.psu = "adjust")
  des <- svydesign(ids = ~HH1, strata = ~stratum, weights = ~fsweight, data = d, nest = TRUE)
  doms <- mc_domains(d)
  if (!is.null(domain_names)) doms <- doms[domain_names]
  out <- list()
  for (k in names(ys)) for (dn in names(doms)) {
    mask <- in_scope & doms[[dn]] & !is.na(d[[k]])
    sub <- subset(des, mask)
    f <- as.formula(paste0("~", k))
    m <- svymean(f, sub, deff = "replace")
    tt <- svytotal(f, sub)
    df <- degf(sub)
    est <- as.numeric(coef(m)); se <- as.numeric(SE(m))
    ci <- c(NA_real_, NA_real_)
    if (est > 0 && est < 1) {
      g <- svyglm(as.formula(paste(k, "~ 1")), sub, family = quasibinomial(), control = glm.control(epsilon = 1e-15, maxit = 100))
      ## glm() warns that rows of weight 0 (outside the domain) do not enter the dispersion: as intended
      ci <- as.numeric(plogis(suppressWarnings(confint(g, 1, level = 0.95, method = "Wald", ddf = df))))
      own <- attr(suppressWarnings(svyciprop(f, sub, method = "logit", level = 0.95)), "ci")
      mc_ci_off <<- max(mc_ci_off, abs(own - ci) / ci)
      ## the converged fit is the delta method on svymean's p and se (svyciprop "xlogit"): a cross-check
      half <- qt(0.975, df) * se / (est * (1 - est))
      stopifnot(max(abs(plogis(qlogis(est) + c(-1, 1) * half) - ci) / ci) < 1e-12)
    }
    dr <- as.numeric(deff(m))
    out[[length(out) + 1]] <- data.frame(file = file, policy = ys[[k]][1], framework = ys[[k]][2], indicator = ys[[k]][3], domain = dn,
      estimate = fmt(est), se = fmt(se), ci_low = fmt(ci[1]), ci_high = fmt(ci[2]), df = df,
      n_unweighted = sum(weights(sub) != 0), deff_replace = fmt(if (is.finite(dr)) dr else NA),
      total = fmt(coef(tt)), total_se = fmt(SE(tt)))
  }
  do.call(rbind, out)
}

## The fixture's files encode the same codes: checked here with haven, a reader independent of the app.
suppressMessages(library(haven))
mc <- mc_read("fs.csv")
mc_plain <- function(x) { attributes(x) <- NULL; x }
sav <- read_sav(file.path(mc_dir, "fs.sav"), user_na = TRUE)
stopifnot(identical(names(sav), names(mc)))
for (k in names(mc)) stopifnot(isTRUE(all.equal(mc_plain(sav[[k]]), mc[[k]], tolerance = 0)))
stopifnot(identical(unname(attr(sav$CL3, "na_values")), c(98, 99)), identical(unname(attr(sav$CL1A, "na_values")), 9))
dta <- read_dta(file.path(mc_dir, "fs.dta"))              # readstat's conversion: 98/99/9 plain values
for (k in names(mc)) stopifnot(isTRUE(all.equal(mc_plain(dta[[k]]), mc[[k]], tolerance = 0)))
ext <- read_dta(file.path(mc_dir, "fs-extended.dta"))     # write-dta.ts: .a/.b for 98/99, .a for 9
for (k in names(mc)) {
  x <- mc[[k]]; v <- ext[[k]]; tag <- na_tag(v)
  hours <- k %in% c("CL3", "CL8", "CL10", "CL13")
  want <- ifelse(is.na(x), NA_character_, ifelse(hours & x == 98, "a", ifelse(hours & x == 99, "b", ifelse(!hours & grepl("^CL", k) & x == 9, "a", NA_character_))))
  stopifnot(identical(tag, want), isTRUE(all.equal(mc_plain(v)[is.na(want) & !is.na(x)], x[is.na(want) & !is.na(x)], tolerance = 0)))
}
ex <- which(mc$HH1 == 2 & mc$HH2 == 4)
cat(sprintf("mics-conventions: %d rows, %d completed (%d with weight 0), %d clusters (%d with a completed interview)\n",
            nrow(mc), sum(mc$FS17 == 1), sum(mc$FS17 == 1 & mc$fsweight == 0), length(unique(mc$HH1)),
            length(unique(mc$HH1[mc$FS17 == 1]))))
cat(sprintf("example child (HH1 2, HH2 4, age %d): chores %s h under mics, %s under unknown; SDG 8.7.1 child labour %s / %s\n",
            mc$CB3[ex], mc_classify(mc, "mics")$chores[ex], mc_classify(mc, "unknown")$chores[ex],
            mc_classify(mc, "mics")$y$sdg_871$child_labour[ex], mc_classify(mc, "unknown")$y$sdg_871$child_labour[ex]))
mc_main <- mc_estimates("fs.csv")
write.csv(mc_main[, -1], "test/fixtures/r-golden/mics_conventions.csv", row.names = FALSE, quote = FALSE)
## Rows outside the universe carrying a weight change nothing: they are outside every domain.
mc_wi <- mc_estimates("fs-weighted-incomplete.csv")
for (k in c("estimate", "se", "ci_low", "ci_high", "deff_replace", "total", "total_se")) {
  a <- suppressWarnings(as.numeric(mc_main[[k]])); b <- suppressWarnings(as.numeric(mc_wi[[k]]))   # "NA" -> NA
  stopifnot(identical(is.na(a), is.na(b)), all(abs(a - b) <= 1e-12 * abs(a), na.rm = TRUE))
}
stopifnot(identical(mc_main$df, mc_wi$df), identical(mc_main$n_unweighted, mc_wi$n_unweighted))
mc_small <- rbind(mc_estimates("small-domain.csv", "region=9"), mc_estimates("small-domain-zero.csv", "region=9"))
write.csv(mc_small, "test/fixtures/r-golden/mics_conventions_small_domain.csv", row.names = FALSE, quote = FALSE)
cat(sprintf("mics_conventions.csv: %d rows (fs-weighted-incomplete.csv: the same); small domain: %d rows; svyciprop(logit) limits within %.1e (relative) of the converged fit\n",
            nrow(mc_main), nrow(mc_small), mc_ci_off))
