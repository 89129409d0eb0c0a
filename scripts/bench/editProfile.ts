/**
 * Where a threshold edit's time goes (not part of the tests): `npx tsx scripts/bench/editProfile.ts FILE.csv native|wasm [EDITS]`.
 * Loads the file, runs the benchmark's table set once, then times EDITS threshold edits of the GE
 * headline's 12-14 band (as the benchmark's recompute), printing each run's step timings. Run under
 * `node --cpu-prof` to see the functions.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { AnalysisSession } from '../../analysis/analysisSession.js';
import { createNativeEngine } from '../../analysis/engine/nativeEngine.js';
import { createNodeWasmEngine } from '../../analysis/engine/nodeWasm.js';
import { runAnalysis } from '../../analysis/run.js';
import { validateData } from '../../analysis/validate.js';
import { bytesSource, importData } from '../../analysis/import/load.js';
import { fileSource } from '../../analysis/cli/files.js';
import { analysisFor } from './benchAnalysis.js';

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
