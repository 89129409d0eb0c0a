/**
 * Sizing rules of the bar charts, from the number of categories, so that a chart of 30 regions is as
 * readable as one of 5: each band has a fixed step (the chart grows with its categories instead of
 * squeezing them), bands keep a gap between bars, and labels get smaller, not overlapping, as the
 * categories grow. The value axis asks for few ticks and drops labels that would collide.
 */
export interface BandSize {
  /** Pixels per category. */
  step: number;
  fontSize: number;
  /** Share of a band left empty between bars (Vega's paddingInner), so bars never touch. */
  paddingInner: number;
  paddingOuter: number;
}

export function bandSize(categories: number): BandSize {
  if (categories <= 12) return { step: 24, fontSize: 11, paddingInner: 0.25, paddingOuter: 0.2 };
  if (categories <= 30) return { step: 18, fontSize: 10, paddingInner: 0.22, paddingOuter: 0.15 };
  return { step: 14, fontSize: 9, paddingInner: 0.2, paddingOuter: 0.1 };
}

/** Ranked horizontal bars: the height follows the categories; long names are cut with an ellipsis. */
export function rankedSize(categories: number): BandSize & { width: number; height: number; labelLimit: number } {
  const b = bandSize(categories);
  return { ...b, width: 420, height: Math.max(1, categories) * b.step, labelLimit: 180 };
}

/** Grouped vertical bars: the width follows groups x series; labels turn when the groups are many. */
export function groupedSize(groups: number, series: number): { width: number; height: number; labelAngle: number; paddingInner: number } {
  return { width: Math.max(240, groups * (series * 22 + 24)), height: 260, labelAngle: groups > 8 ? -40 : 0, paddingInner: 0.2 };
}

/** The value axis: about five ticks, labels apart, none overlapping (the region chart's "0%2%4%" before). */
export const VALUE_AXIS = { tickCount: 5, labelOverlap: true, labelSeparation: 6, labelFlush: true } as const;

/** Trend lines over survey rounds: the width follows the rounds, the height is the bar charts'. */
export function trendSize(rounds: number): { width: number; height: number } {
  return { width: Math.max(280, rounds * 120), height: 260 };
}

/** The slope chart of regions: one band step per region (bandSize), so that their end labels have room. */
export function slopeSize(regions: number): { width: number; height: number; fontSize: number } {
  const b = bandSize(regions);
  return { width: 360, height: Math.max(260, regions * b.step), fontSize: b.fontSize };
}
