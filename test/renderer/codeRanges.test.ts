import { describe, expect, it } from 'vitest';
import { resolveFramework } from '../../analysis/frameworks.js';
import { AnalysisError } from '../../analysis/messages.js';
import { parseCodeList } from '../../renderer/model/codeRanges.js';

/**
 * The hazardous industries and occupations typed on the Define step: ranges are read, and what is not
 * a code is said, never dropped (a walk typed "5-9, 41-43": the list became empty and hazardous work
 * fell from 22.6 % to 19.1 % with no message). Codes of another level are refused by the core.
 */
describe('lists of codes on the Define step', () => {
  it('reads numbers and ranges, with commas, semicolons or spaces', () => {
    expect(parseCodeList('5-9, 41-43')).toEqual({ codes: [5, 6, 7, 8, 9, 41, 42, 43], bad: [] });
    expect(parseCodeList('6224 7112;9311  9312')).toEqual({ codes: [6224, 7112, 9311, 9312], bad: [] });
    expect(parseCodeList('')).toEqual({ codes: [], bad: [] });
  });

  it('says what it cannot read: sections, words, reversed ranges', () => {
    expect(parseCodeList('B, F')).toEqual({ codes: [], bad: ['B', 'F'] });
    expect(parseCodeList('5 to 9')).toEqual({ codes: [5, 9], bad: ['to'] });
    expect(parseCodeList('9-5, 41')).toEqual({ codes: [41], bad: ['9-5'] });
  });

  it('the core refuses an industry that is not a division and an occupation that is not a unit group', () => {
    const edit = (industries: number[], occupations: number[] = [9311]) => () =>
      resolveFramework({ preset: 'ilo_ge2020', edit: { hazardous: { industries, occupations, longHours: { min: 43 }, conditions: null } } });
    expect(edit([5, 41])).not.toThrow();
    const e = (() => { try { edit([510, 4100])(); } catch (x) { return x as AnalysisError; } })();
    expect(e?.msg.text).toContain('hazardous industry 510 is not an ISIC Rev.4 division (1-99; the class 0510 is in division 5)');
    expect(edit([5], [93])).toThrow(/hazardous occupation 93 is not an ISCO-08 unit group/);
  });
});
