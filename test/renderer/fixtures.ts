import { readFileSync } from 'node:fs';
import { createNodeWasmEngine } from '../../analysis/engine/nodeWasm.js';
import { loadCsv, resolveAnalysis, runAnalysis, type AnalysisFile, type AnalysisResult } from '../../analysis/index.js';
import { MAX_CODES, type ColumnProfile } from '../../renderer/engine/protocol.js';
import { naturalCompare } from '../../renderer/model/naturalCompare.js';

export const SAMPLE_DIR = new URL('../../sample-data/', import.meta.url).pathname;

export function readAnalysis(name: string): AnalysisFile {
  return JSON.parse(readFileSync(SAMPLE_DIR + name, 'utf8')) as AnalysisFile;
}

/** Column profiles as the engine worker builds them, from a simple CSV (the samples have no quotes). */
export function profileCsv(name: string): ColumnProfile[] {
  const [head, ...lines] = readFileSync(SAMPLE_DIR + name, 'utf8').trim().split('\n').map((l) => l.split(','));
  return head!.map((col, i) => {
    const values = lines.map((l) => (l[i] ?? '').trim());
    const distinct = [...new Set(values.filter((v) => v !== ''))];
    const blank = values.filter((v) => v === '').length;
    const type = blank === values.length ? 'empty' : distinct.every((v) => Number.isFinite(Number(v))) ? 'number' : 'text';
    return { name: col, type, distinct: distinct.length, blank, codes: distinct.length <= MAX_CODES ? distinct.sort(naturalCompare) : [] };
  });
}

/** Runs an analysis of the sample data with the app's engine (DuckDB-WASM), as the worker does. */
export async function runSample(analysis: AnalysisFile): Promise<AnalysisResult> {
  const engine = await createNodeWasmEngine();
  try {
    const file = SAMPLE_DIR + analysis.data.path;
    const ref = await engine.registerFile('data.csv', { bytes: readFileSync(file) });
    await loadCsv(engine, ref, analysis.data.path);
    return await runAnalysis(engine, resolveAnalysis(analysis, analysis.data.path), analysis.data.path);
  } finally {
    await engine.close();
  }
}
