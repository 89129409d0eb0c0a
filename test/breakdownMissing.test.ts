import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFile } from '../analysis/cli/main.js';

/**
 * Children with no region (a blank cell) are in every total and in no region row, as R's domain
 * estimates have them: said once, with their number among the children in scope
 * (BREAKDOWN_VALUE_MISSING; a probe found the region rows not adding up to the total in silence).
 * The LFS-style sample with the province of every 40th data row blanked, in a folder of its own.
 */
const SAMPLE = new URL('../sample-data/lfs_synthetic.analysis.json', import.meta.url).pathname;

function blankedProvinces(): { file: string; expected: number } {
  const dir = mkdtempSync(join(tmpdir(), 'clstats-noregion-'));
  const json = JSON.parse(readFileSync(SAMPLE, 'utf8'));
  const lines = readFileSync(new URL(`../sample-data/${json.data.path}`, import.meta.url), 'utf8').trimEnd().split('\n');
  const head = lines[0]!.split(',');
  const [p, age, w] = ['province', 'age_yrs', 'wgt'].map((c) => head.indexOf(c));
  let expected = 0;
  const out = lines.map((l, i) => {
    if (i === 0 || i % 40 !== 0) return l;
    const cells = l.split(',');
    cells[p!] = '';
    const a = Number(cells[age!]);
    if (Number.isInteger(a) && a >= 5 && a <= 17 && Number(cells[w!]) > 0) expected++;
    return cells.join(',');
  });
  writeFileSync(join(dir, 'children.csv'), out.join('\n') + '\n');
  writeFileSync(join(dir, 'a.json'), JSON.stringify({ ...json, data: { path: 'children.csv' } }));
  return { file: join(dir, 'a.json'), expected };
}

describe.each(['native', 'wasm'] as const)('children with no code of a breakdown (%s)', (engine) => {
  it('are counted among the children in scope and said once, for a breakdown that reads the column only', async () => {
    const { file, expected } = blankedProvinces();
    const run = await runFile(file, engine);
    const said = run.result.messages.filter((m) => m.code === 'BREAKDOWN_VALUE_MISSING');
    expect(said.map((m) => [m.params.column, m.params.count, m.params.children])).toEqual([['province', expected, run.result.childrenInScope]]);
    expect(said[0]!.text).toContain('have no value of province (region) that the breakdowns read');
    expect(expected).toBeGreaterThan(100);
    // The region rows hold fewer children than the total.
    const n = (r: (typeof run.result.rows)[number]) => r.n_unweighted;
    const pick = (b: string) => run.result.rows.filter((r) => r.breakdown === b && r.framework === run.result.rows[0]!.framework && r.indicator === 'children_in_employment');
    const total = n(pick('total')[0]!);
    expect(pick('region').reduce((s, r) => s + n(r), 0)).toBeLessThan(total);
    // Without a breakdown by region, nothing to say; the plain sample says nothing either.
    const json = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, JSON.stringify({ ...json, breakdowns: [[], ['sex']] }));
    expect((await runFile(file, engine)).result.messages.map((m) => m.code)).not.toContain('BREAKDOWN_VALUE_MISSING');
    expect((await runFile(SAMPLE, engine)).result.messages.map((m) => m.code)).not.toContain('BREAKDOWN_VALUE_MISSING');
  }, 120_000);
});
