import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateFile } from '../analysis/cli/main.js';

/**
 * A MICS6 child file whose incomplete interviews (FS17 2-6) kept a positive weight (a re-weighted
 * release), analysed without the universe FS17 = 1: those children, their module empty, counted as
 * children who do not work (a probe: ILO child labour 36.6 % instead of 38.9 %). UNIVERSE_NOT_SET says
 * so, also on the command line, which stores only the mapped columns (FS17 is kept for this check).
 */
function survey(withUniverse: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'clstats-universe-'));
  const rows = ['HH1,fsweight,HL4,CB3,FS17,CL3'];
  for (let i = 0; i < 120; i++) rows.push(`${1 + (i % 6)},${(1 + (i % 4) * 0.25).toFixed(2)},${1 + (i % 2)},${5 + (i % 13)},${i % 10 === 0 ? 4 : 1},${i % 10 === 0 ? '' : i % 7}`);
  writeFileSync(join(dir, 'fs.csv'), rows.join('\n') + '\n');
  const mapping = {
    weight: 'fsweight', psu: 'HH1', age: 'CB3', sex: { column: 'HL4', male: '1', female: '2' },
    econHours: { columns: ['CL3'], blank: 'zero' }, ...(withUniverse ? { universe: { column: 'FS17', keep: ['1'] } } : {}),
  };
  writeFileSync(join(dir, 'a.analysis.json'), JSON.stringify({ version: 1, data: { path: 'fs.csv' }, mapping, frameworks: [{ preset: 'sdg_871_econ' }] }));
  return join(dir, 'a.analysis.json');
}

describe('a result-of-interview column with no universe set', () => {
  it.each(['native', 'wasm'] as const)('%s: UNIVERSE_NOT_SET names the column and the weighted children not completed; with the universe, nothing', async (engine) => {
    const { report } = await validateFile(survey(false), engine);
    const found = report.findings.filter((f) => f.code === 'UNIVERSE_NOT_SET');
    expect(found.map((f) => [f.severity, f.params.column, f.params.count])).toEqual([['warning', 'FS17', 12]]);
    expect(found[0]!.action).toContain('"FS17" = 1');
    const set = await validateFile(survey(true), engine);
    expect(set.report.findings.filter((f) => f.code === 'UNIVERSE_NOT_SET')).toEqual([]);
  });
});
