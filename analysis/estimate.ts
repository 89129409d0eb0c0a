import { proportionCi } from './ci.js';
import type { DomainSums } from './domainSums.js';
import { smallCellFlag, type Flag } from './smallCell.js';
import type { CiMethod, SmallCellRule } from './types.js';

/** One domain's estimate with everything needed to publish it. */
export interface Estimate {
  estimate: number | null;
  se: number | null;
  ci_low: number | null;
  ci_high: number | null;
  df: number;
  total: number;
  total_se: number | null;
  population: number;
  n_unweighted: number;
  deff: number | null;
  deff_replace: number | null;
  cv: number | null;
  flag: Flag;
}

export interface EstimateOptions {
  ci: CiMethod;
  level: number;
  smallCell: SmallCellRule;
}

/**
 * A domain whose children are all in one PSU: the linearised scores of a ratio sum to zero within the
 * domain, so its one PSU's score is 0 and v(r) = 0 whatever the lonely-PSU policy. That 0 is no
 * precision (R gives 3e-17 and no interval, on 0 df): the SE, interval, CV and design effects are left
 * empty (a probe: 60 children in one cluster came out "SE 0, CV 0, flag ok").
 */
export const inOnePsu = (s: Pick<DomainSums, 'psus' | 'n'>) => s.psus === 1 && s.n > 0;

/**
 * The small final step in TypeScript, from the domain sums computed in SQL (domainSums.ts):
 *   estimate  r = T / N                      (ratio estimator of the proportion or mean)
 *   se        sqrt(v(r)), v from the linearised scores;  total_se = sqrt(v(T))
 *   df        PSUs with a row in the domain - strata with a row in the domain (R degf of the subset)
 *   deff      v(r) / ((1 - n/N) S2 / n)      R svymean(deff = TRUE), against SRS without replacement
 *   deff_replace  v(r) / (S2 / n)            R svymean(deff = "replace"), SRS with replacement
 *             S2 = n/(n-1) * sum w (y - r)^2 / N,  sum w (y - r)^2 = Q - 2 r T + r^2 N
 *   cv        se / r
 *   ci        see ci.ts
 * A domain in one PSU has none of se, ci, cv, deff (inOnePsu).
 */
export function finishEstimate(s: DomainSums, o: EstimateOptions): Estimate {
  const { N, T, Q, n } = s;
  const r = N > 0 ? T / N : null;
  const se = s.varRatio === null || r === null || inOnePsu(s) ? null : Math.sqrt(Math.max(s.varRatio, 0));
  const df = s.psus - s.strata;
  let deff: number | null = null;
  let deffReplace: number | null = null;
  if (r !== null && se !== null && n > 1) {
    const ss = Q - 2 * r * T + r * r * N;
    const s2 = ((n / (n - 1)) * ss) / N;
    if (s2 > 0) {
      deffReplace = (se * se) / (s2 / n);
      if (N > n) deff = (se * se) / (((1 - n / N) * s2) / n);
    }
  }
  const [lo, hi] = r === null || se === null ? [null, null] : proportionCi(o.ci, r, se, df, n, o.level);
  const cv = r !== null && se !== null && r !== 0 ? se / r : null;
  return {
    estimate: r,
    se,
    ci_low: lo,
    ci_high: hi,
    df,
    total: T,
    total_se: s.varTotal === null ? null : Math.sqrt(Math.max(s.varTotal, 0)),
    population: N,
    n_unweighted: n,
    deff,
    deff_replace: deffReplace,
    cv,
    // An estimate of 0 (and so SE 0) is published as it stands under the CV rule, as one of 100 %.
    flag: smallCellFlag(o.smallCell, n, r === 0 && se !== null ? 0 : cv),
  };
}
