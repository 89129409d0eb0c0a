/**
 * Where a threshold edit's time goes (not part of the tests): `npx tsx scripts/bench/editProfile.ts FILE.csv native|wasm [EDITS]`.
 * Loads the file, runs the benchmark's table set once, then times EDITS threshold edits of the GE
 * headline's 12-14 band (as the benchmark's recompute), printing each run's step timings. Run under
 * `node --cpu-prof` to see the functions.
 */
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { resolveAnalysis } from '../../analysis/analysisFile.js';
import { AnalysisSession } from '../../analysis/analysisSession.js';
import { createNativeEngine } from '../../analysis/engine/nativeEngine.js';
import { createNodeWasmEngine } from '../../analysis/engine/nodeWasm.js';
import { preset } from '../../analysis/frameworks.js';
import { runAnalysis } from '../../analysis/run.js';
import { validateData } from '../../analysis/validate.js';
import { bytesSource, importData } from '../../analysis/import/load.js';
import { fileSource } from '../../analysis/cli/files.js';

const root = resolve(new URL('../..', import.meta.url).pathname);
const PRESETS = ['ilo_ge2020', 'ilo_ge2020_chores', 'sdg_871_econ', 'sdg_871', 'mics6_hazard'];
function analysisFor(hours = 0) {
  const base = JSON.parse(readFileSync(resolve(root, 'test/fixtures/reference.analysis.json'), 'utf8'));
  const frameworks = PRESETS.map((p) => ({ preset: p })) as object[];
  if (hours) {
    const ge = preset('ilo_ge2020');
    ge.bands[1] = { from: 12, to: 14, econ: { rule: 'hours', min: hours }, chores: null };
    frameworks[0] = { preset: 'ilo_ge2020', id: `ilo_ge2020_${hours}h`, edit: { bands: ge.bands } };
  }
  return resolveAnalysis({ ...base, data: { path: 'bench.csv' }, frameworks, indicators: ['children_in_employment', 'child_labour', 'hazardous_work'] }, 'bench.analysis.json');
}
const file = process.argv[2]!;
const kind = process.argv[3] as 'native' | 'wasm';
const edits = Number(process.argv[4] ?? 4);
const engine = kind === 'native' ? await createNativeEngine({ files: [file] }) : await createNodeWasmEngine();
await importData(engine, kind === 'native' ? fileSource(file) : bytesSource(basename(file), new Uint8Array(readFileSync(file))));
const session = new AnalysisSession();
const report = await validateData(engine, analysisFor(), basename(file), undefined, { session });
if (!report.ok) throw new Error('invalid');
const show = (what: string, ms: number, t: Record<string, number>) =>
  console.log(`${what}: ${(ms / 1000).toFixed(3)} s  ${Object.entries(t).map(([k, v]) => `${k} ${(v / 1000).toFixed(3)}`).join(', ')}`);
let t0 = performance.now();
const first = await runAnalysis(engine, analysisFor(), basename(file), { session, valuesChecked: true });
show('first', performance.now() - t0, first.timings);
for (let i = 0; i < edits; i++) {
  t0 = performance.now();
  const r = await runAnalysis(engine, analysisFor(13 + (i % 4)), basename(file), { session });
  show(`edit ${i + 1}`, performance.now() - t0, r.timings);
}
await engine.close();
