import type { LonelyPsuPolicy } from './types.js';

/**
 * A finite population factor below this is a stratum sampled whole (a census stratum: N_h = n_h, or a
 * sampling fraction of 1): R's onestrat returns zero variance for it before it looks at its PSUs, so it
 * is no lonely stratum, whatever its PSUs (survey 4.1.1 `all(f < 0.0000001)`).
 */
export const CENSUS_F = 1e-7;

/** A stratum of the design: n PSUs in the whole file, finite population factor f = 1 - n/N_h (1 without fpc). */
export interface StratumInfo {
  n: number;
  f: number;
}

/** Sums over the PSUs of one stratum for one domain: W, T and their squares and product (domainSums.ts). */
export interface StratumMoments {
  h: string;
  w: number;
  t: number;
  ww: number;
  tw: number;
  tt: number;
  /** Rows of the domain in the stratum, and PSUs with at least one of them. */
  n: number;
  psus: number;
  /** Rows of the domain in the stratum whose indicator is 1, when counted (the typed pass counts them). */
  pos?: number;
}

export interface DomainVariance {
  N: number;
  T: number;
  n: number;
  psus: number;
  strata: number;
  varRatio: number | null;
  varTotal: number | null;
}

/**
 * The one variance function: Taylor linearisation with the with-replacement (ultimate cluster)
 * approximation, R survey 4.1.1 `svyrecvar` for a one-stage design, domains as `subset()` keeps them.
 * For the ratio r = T/N the PSU scores are z_c = (T_c - r W_c) / N, for the total z_c = T_c, and
 *   v = sum over strata h with rows in the domain of  f_h * n_h/(n_h - 1) * sum_{c=1..n_h} (z_c - zbar_h)^2
 * where the n_h PSUs include those without domain rows (z = 0), so the centred sum is
 *   sum z^2 - (sum z)^2 / n_h.
 * A stratum sampled whole (f_h < CENSUS_F) adds 0 and is no lonely stratum, as in R.
 * Strata with one PSU (R's options(survey.lonely.psu)): `adjust` adds f_h z^2 (the PSU centred at 0),
 * `remove` and `certainty` add 0, `average` leaves them out and multiplies the sum by (strata with rows)
 * / (strata with rows and n_h >= 2). `fail` stops the run before estimation (validate.ts).
 */
export function strataVariance(m: StratumMoments[], info: Map<string, StratumInfo>, lonely: LonelyPsuPolicy): DomainVariance {
  let N = 0;
  let T = 0;
  let n = 0;
  let psus = 0;
  let pos = 0;
  for (const s of m) {
    N += s.w;
    T += s.t;
    n += s.n;
    psus += s.psus;
    pos += s.pos ?? NaN;
  }
  // Every row of the domain at 1: the proportion is exactly 1 and every score T_c - W_c exactly 0, as
  // R's svymean gives (SE 0; its sum of w y is its sum of w). Our N and T are summed by different
  // paths (W less the unknown rows' weight, T over the rows at 1), so T / N could be 1 - 2e-16, with an
  // SE of rounding (3e-9), a design effect and a whole-range interval.
  const allOne = n > 0 && pos === n;
  if (allOne) T = N;
  const r = N > 0 ? T / N : 0;
  let vr = 0;
  let vt = 0;
  let strata = 0;
  let ok = 0;
  for (const s of m) {
    if (s.n <= 0) continue;
    strata++;
    const st = info.get(s.h);
    if (!st) throw new Error(`stratum ${s.h} is not in the design`);
    const sz = N > 0 ? (s.t - r * s.w) / N : 0;
    // One PSU of the stratum holds the domain: its square is sz^2, formed after the difference. From the
    // moments (squares first, then their difference) a score that is 0 (the whole domain in that PSU)
    // came out as rounding, about 1e-17, and an SE of 3e-9 where R gives 0 (df 0).
    const szz = N <= 0 ? 0 : s.psus === 1 ? sz * sz : (s.tt - 2 * r * s.tw + r * r * s.ww) / (N * N);
    if (st.f < CENSUS_F) {
      // Sampled whole: no sampling variance, and counted among the strata `average` averages over.
      ok++;
    } else if (st.n >= 2) {
      ok++;
      const k = (st.f * st.n) / (st.n - 1);
      vr += k * Math.max(szz - (sz * sz) / st.n, 0);
      vt += k * Math.max(s.tt - (s.t * s.t) / st.n, 0);
    } else if (lonely === 'adjust') {
      ok++;
      vr += st.f * szz;
      vt += st.f * s.tt;
    } else if (lonely !== 'average') {
      ok++;
    }
  }
  const scale = lonely === 'average' && ok > 0 ? strata / ok : 1;
  return {
    N,
    T,
    n,
    psus,
    strata,
    varRatio: N > 0 && (ok > 0 || strata === 0) ? (allOne ? 0 : vr * scale) : null,
    varTotal: ok > 0 || strata === 0 ? vt * scale : null,
  };
}
