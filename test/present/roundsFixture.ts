import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runFile } from '../../analysis/cli/main.js';
import { computeChanges } from '../../analysis/rounds/change.js';
import type { RoundsResult } from '../../analysis/rounds/types.js';
import type { AnalysisResult } from '../../analysis/run.js';
import type { AnalysisFile } from '../../analysis/types.js';
import { reportBreakdowns } from '../../renderer/model/draftAnalysis.js';

/**
 * Two survey rounds for the presentation layer's tests, made from the MICS sample with the command
 * line's engine: "MICS 2017" is the whole sample, "MICS 2023" the same file without every fourth
 * cluster and with every third child's economic activity answered "no" (a decline in child labour).
 * The changes are the core's (analysis/rounds/change.ts), from the two rounds' own results.
 */
const SAMPLE = new URL('../../sample-data/', import.meta.url).pathname;

export const ROUND_A = 'MICS 2017';
export const ROUND_B = 'MICS 2023';

async function run(dir: string, name: string, csv: string, analysis: AnalysisFile): Promise<AnalysisResult> {
  writeFileSync(join(dir, `${name}.csv`), csv);
  const file = join(dir, `${name}.analysis.json`);
  writeFileSync(file, JSON.stringify({ ...analysis, data: { path: `${name}.csv` } }));
  return (await runFile(file)).result;
}

/** The two rounds of the MICS sample under one framework (ILO GE 2020), with their changes. */
export async function sampleRounds(): Promise<{ rr: RoundsResult; a: AnalysisResult; b: AnalysisResult }> {
  const base = JSON.parse(readFileSync(SAMPLE + 'mics6_synthetic.analysis.json', 'utf8')) as AnalysisFile & { $schema?: string };
  delete base.$schema;
  const analysis: AnalysisFile = { ...base, frameworks: [{ preset: 'ilo_ge2020' }], breakdowns: reportBreakdowns(base.mapping) };
  const csv = readFileSync(SAMPLE + base.data.path, 'utf8');
  const [head, ...lines] = csv.trimEnd().split('\n');
  const psu = head!.split(',').indexOf('HH1');
  // Fewer children at work in the later round: every third child's economic activity answers are "no".
  const cols = head!.split(',');
  const econ = ['CL1A', 'CL1B', 'CL1C', 'CL1X'].map((c) => cols.indexOf(c));
  const later = lines
    .filter((l) => Number(l.split(',')[psu]) % 4 !== 0)
    .map((l, i) => {
      if (i % 3 !== 0) return l;
      const f = l.split(',');
      for (const k of econ) if (f[k] !== '') f[k] = '2';
      return f.join(',');
    });
  const subset = [head, ...later].join('\n') + '\n';
  const dir = mkdtempSync(join(tmpdir(), 'clstats-rounds-'));
  const a = await run(dir, 'round_2017', csv, analysis);
  const b = await run(dir, 'round_2023', subset, analysis);
  const rounds = [
    { label: ROUND_A, year: 2017, result: a },
    { label: ROUND_B, year: 2023, result: b },
  ];
  const rr: RoundsResult = { rounds, changes: computeChanges(rounds) };
  return { rr, a, b };
}
