import type { AnalysisFile } from '../../analysis/index.js';

/** An analysis opened or saved lately. Only the analysis (no data) is kept, in this profile's storage. */
export interface RecentAnalysis {
  title: string;
  dataFile: string;
  at: string;
  analysis: AnalysisFile;
}

/** The part of localStorage used (an interface, so the logic is testable without a browser). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const KEY = 'clstats.recent';
const MAX = 6;

export function readRecent(storage: Pick<KeyValueStore, 'getItem'>): RecentAnalysis[] {
  try {
    const list = JSON.parse(storage.getItem(KEY) ?? '[]') as RecentAnalysis[];
    return Array.isArray(list) ? list : [];
  } catch {
    return [];
  }
}

/** Puts the analysis first, replacing an earlier entry with the same title and data file. */
export function rememberRecent(storage: KeyValueStore, analysis: AnalysisFile, now: Date): RecentAnalysis[] {
  const entry: RecentAnalysis = { title: analysis.title ?? analysis.data.path, dataFile: analysis.data.path, at: now.toISOString(), analysis };
  const list = [entry, ...readRecent(storage).filter((r) => !(r.title === entry.title && r.dataFile === entry.dataFile))].slice(0, MAX);
  storage.setItem(KEY, JSON.stringify(list));
  return list;
}
