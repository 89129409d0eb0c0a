import { message, type Message } from './messages.js';

/**
 * What the scale of the weights says about the estimated numbers of children. MICS and DHS publish
 * normalised weights: they add up to the number of interviews, not to the population, so a weighted
 * total is a number of sample children (prevalences, standard errors and intervals do not depend on
 * the scale: a ratio estimator is invariant to it). DHS stores them multiplied by 1,000,000 (hv005,
 * v005), so used as they are a total comes out a million times the sample's. Both are said with the
 * results: the numbers are right for what the weights are, and must not be published as population
 * counts. The bands: the mean positive weight within 3/4 to 4/3 of 1; within 1/2 to 2 of 1,000,000
 * (DHS weights are normalised over households or women, so over the children of a household-member
 * file their mean strays further from 1,000,000: a walk of the app met 1,336,966). Population weights
 * of a sample survey are far larger than 1 (hundreds to thousands), and no sample survey's are near
 * 1,000,000: that would be a sample of a thousand children for a billion.
 */
export const NORMALISED_LOW = 0.75;
export const NORMALISED_HIGH = 4 / 3;
const MILLION_LOW = 0.5e6;
const MILLION_HIGH = 2e6;

/** The sum and number of the design's positive weights `w`, what weightScaleOf and weightScale read. */
export function positiveWeights(w: Float64Array): { sum: number; n: number } {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < w.length; i++) {
    if (w[i]! > 0) {
      sum += w[i]!;
      n++;
    }
  }
  return { sum, n };
}

/**
 * Below this mean the weights are neither population weights (a child stands for at least itself: 1 or
 * more) nor normalised ones (mean 1): most often weights divided twice (a file's hv005 / 1,000,000 with
 * weightDivisor 1,000,000 on top: a probe's national population 0.00059).
 */
const SMALL = 0.5;

/** What the mean positive weight says the weights are: normalised (about 1), DHS's x 1,000,000, too small, or none of these. */
export function weightScale(sum: number, n: number): 'normalised' | 'million' | 'small' | null {
  if (n === 0) return null;
  const mean = sum / n;
  if (mean < SMALL) return 'small';
  if (mean >= NORMALISED_LOW && mean <= NORMALISED_HIGH) return 'normalised';
  if (mean >= MILLION_LOW && mean <= MILLION_HIGH) return 'million';
  return null;
}

/** The same from the sum and number of the positive weights (the validation's query: validate.ts). */
export function weightScaleOf(sum: number, n: number, column: string, file: string): Message[] {
  const scale = weightScale(sum, n);
  if (!scale) return [];
  // Numbers, not text: each language writes them its own way (1,574 / 1 574 / 1.574).
  const params = { column, file, rows: n, sum: Math.round(sum), mean: Number((sum / n).toPrecision(4)) };
  return [message(scale === 'normalised' ? 'WEIGHTS_NORMALISED' : scale === 'small' ? 'WEIGHTS_BELOW_ONE' : 'WEIGHTS_SCALED_MILLION', params)];
}
