/**
 * The one palette of every chart (screen, report, SVG, PNG) and of the table headers on screen.
 *
 * Decision: Okabe-Ito hues, safe for the common colour-vision deficiencies, picked also to differ in
 * lightness so that boys, girls and total stay apart in a greyscale print (CIE L* about 46, 71 and
 * 13): boys blue, girls orange, total near-black. The screen used a light grey total before; it was
 * dropped because its lightness (L* 77) is that of the girls' orange, so the two merge in greyscale.
 * Every bar has a dark outline; intervals are black rules over a white halo, visible on the dark
 * total bar as on the light ones; the GE 2020 reference line is a dashed mid-grey.
 */
export const PALETTE = {
  male: '#0072B2',
  female: '#E69F00',
  total: '#222222',
  hazardous: '#D55E00',
  other: '#F0E442',
  outline: '#1a1a1a',
  interval: '#000000',
  halo: '#ffffff',
  reference: '#555555',
  text: '#000000',
} as const;

/**
 * Series beyond boys, girls and total (the lines of age groups and areas in the trend charts): the
 * other Okabe-Ito hues, in an order that keeps neighbouring lines apart in lightness.
 */
export const SERIES = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#222222', '#F0E442'] as const;

/** A change within sampling error, drawn lighter than a significant one (slope chart). */
export const MUTED = '#9a9a9a';
/** A change not computed (not comparable, an estimate missing): lighter still (slope chart). */
export const NO_CHANGE = '#c8c8c8';
