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

/**
 * Grouped vertical bars: the width follows groups x series; labels turn when the groups are many.
 * With few groups, a label longer than its band ("Has no functional difficulty" under three bars) is
 * written on several lines (`lines`, words kept whole) and the band made as wide as its longest
 * line, instead of running into its neighbour.
 */
export function groupedSize(groups: readonly string[], series: number): { width: number; height: number; labelAngle: number; paddingInner: number; lines: string[][] | null } {
  const bars = series * 22 + 24;
  const wide = (text: string) => Math.ceil(text.length * CHAR_WIDTH) + 12;
  const turn = groups.length > 8;
  const lines = turn || groups.every((g) => wide(g) <= bars) ? null : groups.map((g) => wrapWords(g, LINE_CHARS));
  const band = lines ? Math.max(bars, ...lines.flat().map(wide)) : bars;
  return { width: Math.max(240, groups.length * band), height: 260, labelAngle: turn ? -40 : 0, paddingInner: 0.2, lines };
}

/** About the width of a character of an 11 px label, in pixels. */
const CHAR_WIDTH = 6.5;
/** Characters per line of a wrapped label. */
const LINE_CHARS = 16;

/** The words of `text` in lines of at most `max` characters; a longer word has a line of its own. */
export function wrapWords(text: string, max: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.length ? lines[lines.length - 1]! : null;
    if (last !== null && last.length + 1 + word.length <= max) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.length ? lines : [text];
}

/**
 * Characters per line of a chart's subtitle (10 px, about 500 px a line): a longer line is wrapped, as
 * a definition's list of changes ("Changed: ages 5-12, …") ran on one line out of the card and made a
 * saved PNG 6,557 px wide with the chart in its left seventh (a walk).
 */
export const SUBTITLE_CHARS = 90;

/** Subtitle lines wrapped to SUBTITLE_CHARS. */
export const subtitleLines = (lines: readonly string[]): string[] => lines.flatMap((l) => wrapWords(l, SUBTITLE_CHARS));

/** The value axis: about five ticks, labels apart, none overlapping (the region chart's "0%2%4%" before). */
export const VALUE_AXIS = { tickCount: 5, labelOverlap: true, labelSeparation: 6, labelFlush: true } as const;

/** Trend lines over survey rounds: the width follows the rounds, the height is the bar charts'. */
export function trendSize(rounds: number): { width: number; height: number } {
  return { width: Math.max(280, rounds * 120), height: 260 };
}

/** The regions' dumbbell chart (trendCharts.ts): a row per region, a quarter taller than a bar's band (bandSize). */
export function slopeSize(regions: number): BandSize & { width: number; height: number } {
  // Two intervals and a line in each row: a row a little taller than a bar's.
  const b = bandSize(regions);
  const step = Math.round(b.step * 1.25);
  return { ...b, step, width: 420, height: Math.max(1, regions) * step };
}
