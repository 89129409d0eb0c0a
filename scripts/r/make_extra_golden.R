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
