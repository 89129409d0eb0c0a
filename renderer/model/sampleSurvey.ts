import type { AnalysisFile } from '../../analysis/index.js';
import sampleAnalysis from '../../sample-data/mics6_synthetic.analysis.json';
import sampleCsv from '../../sample-data/mics6_synthetic_fs.csv?url';

/** The bundled synthetic MICS6-style survey and its analysis file (the one the command line runs). */
export const SAMPLE_DATA_FILE = 'mics6_synthetic_fs.csv';
export const SAMPLE_ANALYSIS = sampleAnalysis as unknown as AnalysisFile;

export async function sampleBytes(): Promise<Uint8Array> {
  const response = await fetch(sampleCsv);
  return new Uint8Array(await response.arrayBuffer());
}
