/**
 * A/B of the classification (not part of the tests): `npx tsx scripts/bench/classifyAB.ts FILE.csv native|wasm [RUNS]`.
 * One engine, the file loaded once; then, alternately, a run classifying in SQL (classify.ts) and one
 * classifying on typed columns (classifyTyped.ts), each a fresh session (validation report, first
 * table set) followed by four threshold edits of the GE headline's 12-14 band (as the benchmark's
 * recompute). Prints each step's median (min-max) and checks that every run gives the same rows and gaps.
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
const runs = Number(process.argv[4] ?? 3);
const engine = kind === 'native' ? await createNativeEngine({ files: [file] }) : await createNodeWasmEngine();
await importData(engine, kind === 'native' ? fileSource(file) : bytesSource(basename(file), new Uint8Array(readFileSync(file))));
const out: Record<string, number[]> = {};
const push = (k: string, v: number) => (out[k] ??= []).push(v);
let ref = '';
for (let i = 0; i < runs; i++) {
  for (const mode of ['sql', 'typed'] as const) {
    const session = new AnalysisSession();
    const report = await validateData(engine, analysisFor(), basename(file), undefined, { session });
    if (!report.ok) throw new Error('invalid');
    const r = await runAnalysis(engine, analysisFor(), basename(file), { session, valuesChecked: true, classifyIn: mode });
    const json = JSON.stringify([r.rows, r.gaps]);
    if (!ref) ref = json;
    else if (json !== ref) throw new Error(`results differ (${mode})`);
    push(`${mode} classify`, r.timings.classify!);
    push(`${mode} columns`, r.timings.columns!);
    push(`${mode} fold`, r.timings.fold!);
    for (const [j, hours] of [15, 13, 16, 17].entries()) {
      const t0 = performance.now();
      const e = await runAnalysis(engine, analysisFor(hours), basename(file), { session, classifyIn: mode });
      const dt = performance.now() - t0;
      push(`${mode} ${j ? 'later edit' : 'edit'}`, dt);
      push(`${mode} ${j ? 'later edit' : 'edit'} classify`, e.timings.classify!);
      push(`${mode} ${j ? 'later edit' : 'edit'} fold`, e.timings.fold!);
    }
  }
}
const s = (xs: number[]) => { const a = [...xs].sort((x, y) => x - y); return `${(a[Math.floor(a.length / 2)]! / 1000).toFixed(3)} s (${(a[0]! / 1000).toFixed(3)}-${(a[a.length - 1]! / 1000).toFixed(3)})`; };
for (const [k, v] of Object.entries(out)) console.log(`${kind} ${k}: ${s(v)}`);
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB; results identical in every run`);
await engine.close();
