import { qbeta, qt } from './distributions.js';
import type { CiMethod } from './types.js';

/**
 * Confidence intervals for a proportion p with design-based standard error se and design df.
 *
 * - logit (default): R svyciprop(method = "logit"): the Wald interval of logit(p), whose SE by the
 *   delta method is se / (p (1 - p)), with a Student t quantile on the domain df, mapped back:
 *     half = qt(1 - a/2, df) * se / (p (1 - p));  ci = expit(logit(p) -/+ half).
 *   It stays inside (0, 1). Undefined when p is 0 or 1 (se is 0 there).
 * - wald: p -/+ qt(1 - a/2, df) * se (can leave [0, 1]; MICS reports print p +/- 2 se).
 * - korn-graubard: R svyciprop(method = "beta") (Korn and Graubard 1998): a Clopper-Pearson interval
 *   on the effective sample size n_eff = p (1 - p) / se^2, scaled by (qt(a/2, n - 1) / qt(a/2, df))^2:
 *     [qbeta(a/2, n_eff p, n_eff (1 - p) + 1), qbeta(1 - a/2, n_eff p + 1, n_eff (1 - p))].
 * Returns nulls where R returns NaN.
 */
export function proportionCi(
  method: CiMethod,
  p: number,
  se: number,
  df: number,
  n: number,
  level: number,
): [number | null, number | null] {
  const a = 1 - level;
  const ok = (x: number) => (Number.isFinite(x) ? x : null);
  if (!Number.isFinite(p) || !Number.isFinite(se)) return [null, null];
  if (method === 'wald') {
    const t = qt(1 - a / 2, df);
    return [ok(p - t * se), ok(p + t * se)];
  }
  if (method === 'logit') {
    if (p <= 0 || p >= 1) return [null, null];
    const half = (qt(1 - a / 2, df) * se) / (p * (1 - p));
    const l = Math.log(p / (1 - p));
    return [ok(1 / (1 + Math.exp(-(l - half)))), ok(1 / (1 + Math.exp(-(l + half))))];
  }
  let nEff = (p * (1 - p)) / (se * se);
  nEff *= (qt(a / 2, n - 1) / qt(a / 2, df)) ** 2;
  return [ok(qbeta(a / 2, nEff * p, nEff * (1 - p) + 1)), ok(qbeta(1 - a / 2, nEff * p + 1, nEff * (1 - p)))];
}
