import type { AnalysisFile } from '../../analysis/index.js';
import sampleAnalysis from '../../sample-data/mics6_synthetic.analysis.json';
import sampleCsv from '../../sample-data/mics6_synthetic_fs.csv?url';
import setAnalysis from '../../sample-data/mics6_fileset.analysis.json';
import fsSav from '../../sample-data/mics6/fs.sav?url';
import hhSav from '../../sample-data/mics6/hh.sav?url';
import hlSav from '../../sample-data/mics6/hl.sav?url';
import type { OpenedFile } from '../../electron/api.js';

/**
 * The bundled synthetic MICS6-style survey: the file set the Open step's sample button opens (fs, hh
 * and hl as SPSS files, joined by its analysis file, as a MICS6 survey is distributed), and the
 * single merged child file of earlier versions with its analysis file (still opened from the list of
 * recent analyses). The command line runs both analysis files.
 */
export const SAMPLE_DATA_FILE = 'mics6_synthetic_fs.csv';
export const SAMPLE_ANALYSIS = sampleAnalysis as unknown as AnalysisFile;

/** The sample file set's analysis file (its paths: mics6/fs.sav, mics6/hh.sav, mics6/hl.sav). */
export const SAMPLE_SET_ANALYSIS = setAnalysis as unknown as AnalysisFile;
export const SAMPLE_SET_FILES: Record<string, string> = { 'fs.sav': fsSav, 'hh.sav': hhSav, 'hl.sav': hlSav };

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  return new Uint8Array(await response.arrayBuffer());
}

export async function sampleBytes(): Promise<Uint8Array> {
  return fetchBytes(sampleCsv);
}

/** The sample set's files, by the names its analysis file gives them (without the folder). */
export async function sampleSetFiles(): Promise<OpenedFile[]> {
  return Promise.all(Object.entries(SAMPLE_SET_FILES).map(async ([name, url]) => ({ name, bytes: await fetchBytes(url) })));
}

/**
 * The sample set's own analysis file (opened again from the recent analyses): its title and paths
 * are the bundled files' (a user's own MICS6 folder may well be called mics6 too).
 */
export function isSampleSet(a: AnalysisFile): boolean {
  return a.title === SAMPLE_SET_ANALYSIS.title && a.data.path === SAMPLE_SET_ANALYSIS.data.path && JSON.stringify(a.joins?.map((j) => j.data.path)) === JSON.stringify(SAMPLE_SET_ANALYSIS.joins?.map((j) => j.data.path));
}
