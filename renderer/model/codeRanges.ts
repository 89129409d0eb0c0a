/**
 * Lists of classification codes typed on the Define step: hazardous industries (ISIC Rev.4 divisions)
 * and occupations (ISCO-08 unit groups), separated by commas or spaces, with ranges ("5-9, 41-43").
 * What is not a whole number or a range is returned as `bad`, never dropped in silence: "B, F"
 * (ISIC sections) or "5 to 9" would otherwise leave the list empty and hazardous work lower.
 * The ranges of codes each classification allows are checked by the core (frameworks.ts).
 */
export function parseCodeList(text: string): { codes: number[]; bad: string[] } {
  const codes: number[] = [];
  const bad: string[] = [];
  for (const token of text.split(/[,;\s]+/).filter(Boolean)) {
    const range = /^(\d+)-(\d+)$/.exec(token);
    if (range) {
      const [from, to] = [Number(range[1]), Number(range[2])];
      if (from <= to && to - from < 1000) for (let c = from; c <= to; c++) codes.push(c);
      else bad.push(token);
    } else if (/^\d+$/.test(token)) codes.push(Number(token));
    else bad.push(token);
  }
  return { codes: [...new Set(codes)], bad };
}
