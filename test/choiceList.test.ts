import { describe, expect, it } from 'vitest';
import { runFile } from '../analysis/cli/main.js';

/**
 * A select_multiple answer in one cell ("1 3", ODK, SurveyCTO, KoboToolbox) mapped to a yes/no role is
 * yes when one of its choices is a yes code (mapping.ts choiceListSql): the MICS6-style sample with its
 * four activity questions written as one such column (scripts/fixtures/make-choice-list.ts) gives the
 * estimates of the four columns read with "any of", on both engines, and the lists are said. Before,
 * "1 3" was read as no, with advice to declare it missing (a probe: children in employment 0.32, R 0.56).
 */
const SAMPLE = new URL('../sample-data/mics6_synthetic.analysis.json', import.meta.url).pathname;
const CHOICES = new URL('./fixtures/choice-list/mics6_choices.analysis.json', import.meta.url).pathname;

describe.each(['native', 'wasm'] as const)('a list of choices in a yes/no role (%s)', (engine) => {
  it('is yes when one of its choices is a yes code: the estimates of the split columns, the lists said', async () => {
    const split = await runFile(SAMPLE, engine);
    const listed = await runFile(CHOICES, engine);
    expect(listed.result.rows.length).toBe(split.result.rows.length);
    expect(listed.result.rows).toEqual(split.result.rows);
    const said = listed.report.findings.find((f) => f.code === 'YESNO_CHOICE_LISTS');
    expect(said?.text).toBe(
      '370 cells of column "CL1" (economic activity (yes if any)) in mics6_choices.csv are lists of choices ("1 3": a select_multiple answer of ODK, SurveyCTO or KoboToolbox): each is read as yes when one of its choices is a yes code (1 2 3 4), else as no.',
    );
    expect(listed.report.findings.some((f) => f.code === 'YESNO_CODES_READ_AS_NO')).toBe(false);
  }, 120_000);
});
