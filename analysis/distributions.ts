/* eslint-disable no-loss-of-precision -- published coefficients (AS 241, Lanczos) are quoted verbatim */
/**
 * Probability distributions needed for intervals and tests, written to double precision because the
 * reference intervals (R `qt`, `qbeta`) must be reproduced to 1e-9 or better.
 *
 * - Student t quantile for integer df (design df are always whole numbers: PSUs minus strata):
 *   the exact finite series for P(|T| <= t) of Abramowitz & Stegun 26.7.3 (odd df) and 26.7.4
 *   (even df), solved for t by bisection on theta = atan(t / sqrt(df)). For df above 20,000 the
 *   Cornish-Fisher expansion A&S 26.7.5 around the normal quantile is used (error below 1e-18 there).
 * - Normal quantile: Wichura (1988), Algorithm AS 241 (PPND16), about 1e-16 relative.
 * - Regularised incomplete beta: continued fraction (Numerical Recipes 3rd ed., 6.4) with the modified
 *   Lentz method; log-gamma by Lanczos (g = 7, n = 9). Used for the Korn-Graubard (beta) interval.
 */

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** log Gamma(x) for x > 0 (Lanczos approximation, g = 7). */
export function lgamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lgamma(1 - x);
  const xx = x - 1;
  let a = LANCZOS[0]!;
  const t = xx + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i]! / (xx + i);
  return 0.5 * Math.log(2 * Math.PI) + (xx + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Continued fraction for the incomplete beta (NR 6.4, modified Lentz). */
function betacf(a: number, b: number, x: number): number {
  const FPMIN = 1e-300;
  const EPS = 1e-16;
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < FPMIN) d = FPMIN;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 100000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < FPMIN) d = FPMIN;
    c = 1 + aa / c;
    if (Math.abs(c) < FPMIN) c = FPMIN;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < FPMIN) d = FPMIN;
    c = 1 + aa / c;
    if (Math.abs(c) < FPMIN) c = FPMIN;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) <= EPS) break;
  }
  return h;
}

/** Regularised incomplete beta I_x(a, b). */
export function ibeta(x: number, a: number, b: number): number {
  if (!(a > 0 && b > 0) || Number.isNaN(x)) return NaN;
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const lbt = lgamma(a + b) - lgamma(a) - lgamma(b) + a * Math.log(x) + b * Math.log1p(-x);
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(lbt) * betacf(a, b, x)) / a;
  return 1 - (Math.exp(lbt) * betacf(b, a, 1 - x)) / b;
}

/** Quantile of the Beta(a, b) distribution, by bisection on I_x(a, b) to full precision. */
export function qbeta(p: number, a: number, b: number): number {
  if (!(a > 0 && b > 0) || !(p >= 0 && p <= 1)) return NaN;
  if (p === 0) return 0;
  if (p === 1) return 1;
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 2000; i++) {
    const mid = 0.5 * (lo + hi);
    if (mid === lo || mid === hi) break;
    if (ibeta(mid, a, b) < p) lo = mid;
    else hi = mid;
    if (hi - lo <= 1e-17 * hi) break;
  }
  return 0.5 * (lo + hi);
}

/** Normal quantile, Wichura's AS 241 (PPND16). */
export function qnorm(p: number): number {
  if (!(p > 0 && p < 1)) return p === 0 ? -Infinity : p === 1 ? Infinity : NaN;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (
      (q *
        (((((((r * 2509.0809287301226727 + 33430.575583588128105) * r + 67265.770927008700853) * r +
          45921.953931549871457) * r + 13731.693765509461125) * r + 1971.5909503065514427) * r +
          133.14166789178437745) * r + 3.387132872796366608)) /
      (((((((r * 5226.495278852545925 + 28729.085735721942674) * r + 39307.89580009271061) * r +
        21213.794301586595867) * r + 5394.1960214247511077) * r + 687.1870074920579083) * r +
        42.313330701600911252) * r + 1)
    );
  }
  let r = q < 0 ? p : 1 - p;
  r = Math.sqrt(-Math.log(r));
  let val: number;
  if (r <= 5) {
    r -= 1.6;
    val =
      (((((((r * 7.7454501427834140764e-4 + 0.0227238449892691845833) * r + 0.24178072517745061177) * r +
        1.27045825245236838258) * r + 3.64784832476320460504) * r + 5.7694972214606914055) * r +
        4.6303378461565452959) * r + 1.42343711074968357734) /
      (((((((r * 1.05075007164441684324e-9 + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r +
        0.14810397642748007459) * r + 0.68976733498510000455) * r + 1.6763848301838038494) * r +
        2.05319162663775882187) * r + 1);
  } else {
    r -= 5;
    val =
      (((((((r * 2.01033439929228813265e-7 + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r +
        0.026532189526576123093) * r + 0.29656057182850489123) * r + 1.7848265399172913358) * r +
        5.4637849111641143699) * r + 6.6579046435011037772) /
      (((((((r * 2.04426310338993978564e-15 + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r +
        7.868691311456132591e-4) * r + 0.0148753612908506148525) * r + 0.13692988092273580531) * r +
        0.59983220655588793769) * r + 1);
  }
  return q < 0 ? -val : val;
}

/** P(|T| <= t) for Student's t with integer df, by A&S 26.7.3 / 26.7.4 (theta = atan(t/sqrt(df))). */
function twoSidedCdfTheta(theta: number, df: number): number {
  const s = Math.sin(theta);
  const c = Math.cos(theta);
  const c2 = c * c;
  if (df % 2 === 0) {
    let term = 1;
    let sum = 1;
    for (let k = 2; k <= df - 2; k += 2) {
      term *= (c2 * (k - 1)) / k;
      sum += term;
      if (term < 1e-18 * sum) break;
    }
    return s * sum;
  }
  if (df === 1) return (2 * theta) / Math.PI;
  let term = c;
  let sum = c;
  for (let k = 3; k <= df - 2; k += 2) {
    term *= (c2 * (k - 1)) / k;
    sum += term;
    if (term < 1e-18 * sum) break;
  }
  return (2 / Math.PI) * (theta + s * sum);
}

const LARGE_DF = 20000;
const qtCache = new Map<string, number>();

/** Quantile of Student's t with df degrees of freedom (df a positive whole number; NaN otherwise). */
export function qt(p: number, df: number): number {
  if (!(p > 0 && p < 1) || !(df >= 1) || !Number.isInteger(df)) return NaN;
  if (p === 0.5) return 0;
  const key = `${p}|${df}`;
  const hit = qtCache.get(key);
  if (hit !== undefined) return hit;
  const upper = p > 0.5;
  const a = upper ? 2 * p - 1 : 1 - 2 * p; // P(|T| <= t) for the positive quantile
  let t: number;
  if (df > LARGE_DF) {
    const z = qnorm(upper ? p : 1 - p);
    const z2 = z * z;
    const g1 = (z * (z2 + 1)) / 4;
    const g2 = (z * ((5 * z2 + 16) * z2 + 3)) / 96;
    const g3 = (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384;
    const g4 = (z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945)) / 92160;
    t = z + g1 / df + g2 / df ** 2 + g3 / df ** 3 + g4 / df ** 4;
  } else {
    let lo = 0;
    let hi = Math.PI / 2;
    for (let i = 0; i < 200; i++) {
      const mid = 0.5 * (lo + hi);
      if (mid === lo || mid === hi) break;
      if (twoSidedCdfTheta(mid, df) < a) lo = mid;
      else hi = mid;
    }
    t = Math.sqrt(df) * Math.tan(0.5 * (lo + hi));
  }
  const value = upper ? t : -t;
  if (qtCache.size > 10000) qtCache.clear();
  qtCache.set(key, value);
  return value;
}

/** Two-sided p-value P(|T| >= |t|) for Student's t with integer df. */
export function pTwoSided(t: number, df: number): number {
  if (Number.isNaN(t) || !(df >= 1)) return NaN;
  if (!Number.isFinite(t)) return 0;
  const x = df / (df + t * t);
  // I_x(df/2, 1/2) is the two-sided tail; accurate in the far tail, where 1 - A would cancel.
  return ibeta(x, df / 2, 0.5);
}
