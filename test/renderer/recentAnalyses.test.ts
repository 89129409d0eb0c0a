import { describe, expect, it } from 'vitest';
import { readRecent, rememberRecent } from '../../renderer/model/recentAnalyses.js';
import { readAnalysis } from './fixtures.js';

function memoryStorage() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
}

describe('recent analyses (Open step)', () => {
  it('keeps the latest first, once each, at most six, and survives a damaged store', () => {
    const storage = memoryStorage();
    const a = readAnalysis('mics6_synthetic.analysis.json');
    const b = readAnalysis('lfs_synthetic.analysis.json');
    rememberRecent(storage, a, new Date('2025-01-01'));
    rememberRecent(storage, b, new Date('2025-01-02'));
    const list = rememberRecent(storage, a, new Date('2025-01-03'));
    expect(list.map((r) => r.dataFile)).toEqual(['mics6_synthetic_fs.csv', 'lfs_synthetic_children.csv']);
    expect(readRecent(storage)[0]!.analysis).toEqual(a);
    for (let i = 0; i < 10; i++) rememberRecent(storage, { ...a, title: `t${i}` }, new Date());
    expect(readRecent(storage)).toHaveLength(6);
    storage.setItem('clstats.recent', '{not json');
    expect(readRecent(storage)).toEqual([]);
  });
});
