import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { roundsJsonOf, runRoundsFile } from '../analysis/cli/rounds.js';
import { trendTables } from '../analysis/present/trendTable.js';
import { changesCsv } from '../analysis/rounds/changesCsv.js';
import { roundAnalyses } from '../analysis/rounds/roundAnalyses.js';
import { roundsCsv } from '../analysis/rounds/roundsCsv.js';
import type { RoundsAnalysisFile } from '../analysis/rounds/types.js';
import { emptyLabels } from '../analysis/import/labels.js';
import { parseCsv } from './engines.js';
import { renamedRounds } from './roundsRenamedFixture.js';

/**
 * Rounds compare a background characteristic by what it measures (analysis/rounds/sharedDims.ts): the
 * second round's school attendance in "asiste_escuela" is compared with the first round's "school".
 * The same children, the same answers, with the second round's column named "school" too, give the
 * same changes, the same changes CSV and the same trend tables. Before, the run stopped with
 * ANALYSIS_FILE_INVALID (the breakdown "school" is not a dimension of the second round).
 */
const run = async (file: string) => (await runRoundsFile(file, roundsJsonOf(file))).result;

describe('a background characteristic in a column of another name in a later round', () => {
  const dir = mkdtempSync(join(tmpdir(), 'clstats-rounds-renamed-'));
  const same = renamedRounds(dir, { second: 'school', breakdowns: 'school', file: 'same.analysis.json' });
  const renamed = renamedRounds(dir, { second: 'asiste_escuela', breakdowns: 'school', file: 'renamed.analysis.json' });
  // The app writes the shared breakdowns in the names of the round last edited: the second round's.
  const secondNames = renamedRounds(dir, { second: 'asiste_escuela', breakdowns: 'asiste_escuela', file: 'second.analysis.json' });

  it('each round breaks down by its own column', () => {
    const singles = roundAnalyses(roundsJsonOf(renamed) as RoundsAnalysisFile);
    expect(singles.map((s) => s.breakdowns!.at(-1))).toEqual([['sex', 'school'], ['sex', 'asiste_escuela']]);
    const other = roundAnalyses(roundsJsonOf(secondNames) as RoundsAnalysisFile);
    expect(other.map((s) => s.breakdowns!.at(-1))).toEqual([['sex', 'school'], ['sex', 'asiste_escuela']]);
  });

  it('gives the changes of the same column name, in the first round\'s names', async () => {
    const [a, b, c] = [await run(same), await run(renamed), await run(secondNames)];
    const school = b.changes.filter((x) => x.breakdown === 'school' && x.framework === 'sdg_871' && x.indicator === 'child_labour');
    expect(school.map((x) => [x.cell.school, x.not_comparable])).toEqual([['1', null], ['2', null]]);
    expect(school[0]!.difference).toBe(a.changes.find((x) => x.breakdown === 'school' && x.framework === 'sdg_871' && x.indicator === 'child_labour' && x.cell.school === '1')!.difference);
    expect(b.changes.length).toBe(a.changes.length);
    const csv = changesCsv(a.rounds, a.changes);
    expect(csv.split('\n')[0]).toContain(',school,');
    expect(changesCsv(b.rounds, b.changes)).toBe(csv);
    expect(changesCsv(c.rounds, c.changes)).toBe(csv);
    // Each round's own rows keep its own column; the rounds' stacked rows name it as the first round.
    expect(b.rounds[1]!.result.rows.some((r) => r.breakdown === 'sex_x_asiste_escuela')).toBe(true);
    expect(roundsCsv(b)).toBe(roundsCsv(a));
    expect(roundsCsv(c)).toBe(roundsCsv(a));
  }, 120_000);

  it('shows one trend line per category of the characteristic, with both rounds', async () => {
    const [a, b] = [await run(same), await run(renamed)];
    for (const lang of ['en', 'es'] as const) {
      // What the table shows: each line's name and cells (its rows keep each round's own columns).
      const shown = (rr: typeof a) => trendTables(rr, lang).map((t) => [t.title, t.lines.map((l) => [l.id, l.label, l.cells.map((c) => c.text)])]);
      const tb = trendTables(b, lang);
      expect(shown(b)).toEqual(shown(a));
      const group = tb[0]!.lines.find((l) => l.kind === 'group' && l.dim === 'school')!;
      expect(group.label).toBe(lang === 'en' ? 'School attendance' : 'Asistencia escolar');
      const yes = tb[0]!.lines.find((l) => l.kind === 'value' && l.dim === 'school' && l.code === '1')!;
      expect(yes.rows.every((r) => r !== null)).toBe(true);
    }
  }, 120_000);

  it('a round that does not map the characteristic leaves its breakdowns out: their changes have no estimate in it', async () => {
    const lacking = renamedRounds(dir, { second: 'asiste_escuela', breakdowns: 'school', file: 'lacking.analysis.json', without: 1 });
    expect(roundAnalyses(roundsJsonOf(lacking) as RoundsAnalysisFile).map((x) => x.breakdowns!.length)).toEqual([5, 3]);
    const rr = await run(lacking);
    const school = rr.changes.filter((x) => x.breakdown === 'school' && x.framework === 'sdg_871' && x.indicator === 'child_labour');
    expect(school.map((x) => [x.cell.school, x.not_comparable])).toEqual([['1', { kind: 'no_estimate', round: 'NCLS 2021' }], ['2', { kind: 'no_estimate', round: 'NCLS 2021' }]]);
    // The trend table says that round has no such column, not "add the breakdown to the analysis file" (a walk).
    const notes = trendTables(rr, 'en')[0]!.footnotes.map((f) => f.text);
    expect(notes).toContain('–: NCLS 2021 does not map school attendance (its file has no such column, or none is chosen on the Map step): that round has no figure there and no change is computed.');
    expect(notes.some((n) => n.includes('add the breakdown'))).toBe(false);
    // The first round without it: the second round's column is a domain column of the changes, with its codes.
    const firstLacks = renamedRounds(dir, { second: 'asiste_escuela', breakdowns: 'asiste_escuela', file: 'first-lacks.analysis.json', without: 0 });
    const r2 = await run(firstLacks);
    const csv = changesCsv(r2.rounds, r2.changes).split('\n');
    expect(csv[0]!.split(',').slice(0, 9)).toEqual(['framework', 'indicator', 'breakdown', 'sex', 'age_group', 'region', 'area', 'asiste_escuela', 'from']);
    const codes = r2.changes.filter((x) => x.breakdown === 'asiste_escuela' && x.framework === 'sdg_871' && x.indicator === 'child_labour').map((x) => [x.cell.asiste_escuela, x.not_comparable?.kind]);
    expect(codes).toEqual([['1', 'no_estimate'], ['2', 'no_estimate']]);
  }, 120_000);

  it('a category labelled otherwise in each round: the changes CSV names it as the trend table does, by the latest round that labels it (a walk: "Sí" in the CSV, "Yes" on screen)', async () => {
    const rr = await run(renamed);
    const labelled = (r: (typeof rr.rounds)[number], column: string, values: Record<string, string>) => ({ ...r, labels: { ...(r.labels ?? emptyLabels()), values: { ...(r.labels?.values ?? {}), [column]: values } } });
    const csvLabels = (x: typeof rr) => parseCsv(changesCsv(x.rounds, x.changes)).filter((c) => c.breakdown === 'school' && c.framework === 'sdg_871' && c.indicator === 'child_labour').map((c) => [c.school, c.school_label]);
    const tableLabels = (x: typeof rr) => trendTables(x, 'en')[0]!.lines.filter((l) => l.kind === 'value' && l.dim === 'school').map((l) => [l.code, l.label]);
    // Both rounds label the codes: the latest's words.
    const both = { ...rr, rounds: [labelled(rr.rounds[0]!, 'school', { 1: 'Sí', 2: 'No' }), labelled(rr.rounds[1]!, 'asiste_escuela', { 1: 'Yes', 2: 'No' })] };
    expect(csvLabels(both)).toEqual([['1', 'Yes'], ['2', 'No']]);
    expect(tableLabels(both)).toEqual([['1', 'Yes'], ['2', 'No']]);
    // Only the first round labels them (a CSV round after a .sav): its words, not the later round's bare codes.
    const first = { ...rr, rounds: [labelled(rr.rounds[0]!, 'school', { 1: 'Sí', 2: 'No' }), rr.rounds[1]!] };
    expect(csvLabels(first)).toEqual([['1', 'Sí'], ['2', 'No']]);
    expect(tableLabels(first)).toEqual([['1', 'Sí'], ['2', 'No']]);
  }, 120_000);
});
