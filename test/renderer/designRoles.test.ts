import { describe, expect, it } from 'vitest';
import { parseAnalysis, type Mapping } from '../../analysis/index.js';
import type { ColumnProfile } from '../../renderer/engine/protocol.js';
import { draftAnalysis } from '../../renderer/model/draftAnalysis.js';
import {
  blockingRoles, clusterChoices, clusterRequired, defaultKeep, profileClusterCandidates, setNoClusters, setPsu, setUniverse, sharedColumns, toggleCode,
  universeCodes,
} from '../../renderer/model/designRoles.js';

/** The Map step's design roles: the cluster choice, the universe, and columns given to two roles. */
type M = Partial<Mapping>;
const base: M = { weight: 'w', age: 'age', sex: { column: 'sex', male: '1', female: '2' }, econHours: { columns: ['hrs'] } };
const profile = (name: string, over: Partial<ColumnProfile> = {}): ColumnProfile => ({ name, type: 'number', distinct: 2, blank: 0, codes: ['1', '2'], ...over });

describe('the cluster choice', () => {
  it('is a PSU column or the explicit "no clusters", never both', () => {
    const none = setNoClusters({ ...base, psu: 'ea' }, true);
    expect(none).toEqual({ ...base, noClusters: true });
    expect(setPsu(none, 'ea')).toEqual({ ...base, psu: 'ea' });
    expect(setNoClusters(none, false)).toEqual(base);
    expect(setNoClusters({ ...base, psu: 'ea' }, false)).toEqual({ ...base, psu: 'ea' });
    expect(setPsu({ ...base, psu: 'ea' }, undefined)).toEqual(base);
  });

  it('is required: without it the Map step cannot be left', () => {
    expect(clusterRequired(base)).toBe(true);
    expect(blockingRoles(base)).toEqual(['psu']);
    expect(blockingRoles({ ...base, noClusters: true })).toEqual([]);
    expect(blockingRoles({ weight: 'w', psu: 'ea' })).toEqual(['age', 'sex', 'econHours']);
  });

  it('yields analyses the core accepts either way', () => {
    for (const m of [setNoClusters(base, true), setPsu(base, 'ea')]) {
      const text = JSON.stringify(draftAnalysis('x.csv', m, 'lfs'));
      expect(() => parseAnalysis(text, 'x.clstats')).not.toThrow();
    }
  });

  it('lists cluster candidates from the column profiles: names first, then many values with several rows each', () => {
    const cols = [
      profile('hhid', { type: 'text', distinct: 400, codes: [] }),
      profile('w', { distinct: 60, codes: [] }),
      profile('c7', { distinct: 40, codes: [] }),
      profile('dist', { distinct: 12, codes: [] }),
      profile('few', { distinct: 5, codes: ['1', '2', '3', '4', '5'] }),
      profile('rare', { distinct: 300, codes: [] }),
      profile('cluster_no', { type: 'text', distinct: 40, codes: [] }),
      profile('id', { type: 'number', distinct: 800, codes: [] }),
    ];
    expect(profileClusterCandidates(cols, base)).toEqual(['cluster_no', 'c7', 'dist']);
    expect(profileClusterCandidates(cols, { ...base, psu: 'c7' }, { limit: 1 })).toEqual(['cluster_no']);
    expect(profileClusterCandidates(cols, base, { rows: 1000 })).toEqual(['cluster_no', 'rare', 'c7', 'dist']);
    // The engine's candidates (analysis/designCandidates.ts) win when the app has them, less columns in other roles.
    expect(clusterChoices(cols, base, { candidates: ['age', 'c7'] })).toEqual(['c7']);
    expect(clusterChoices(cols, base, { rows: 1000 })).toEqual(['cluster_no', 'rare', 'c7', 'dist']);
  });
});

describe('the universe', () => {
  const fs17 = profile('FS17', { distinct: 3, codes: ['1', '2', '10'], valueLabels: { '1': 'Completed', '2': 'Partly completed', '10': 'Refused' } });

  it('keeps at least one code; none removes it', () => {
    expect(setUniverse(base, { column: 'FS17', keep: ['1'] })).toEqual({ ...base, universe: { column: 'FS17', keep: ['1'] } });
    expect(setUniverse({ ...base, universe: { column: 'FS17', keep: ['1'] } }, { column: 'FS17', keep: [] })).toEqual(base);
    expect(setUniverse({ ...base, universe: { column: 'FS17', keep: ['1'] } }, undefined)).toEqual(base);
  });

  it('offers the file codes with their value labels, kept codes too, in natural order', () => {
    expect(universeCodes(fs17, ['1', '99'])).toEqual([{ code: '1', label: 'Completed' }, { code: '2', label: 'Partly completed' }, { code: '10', label: 'Refused' }, { code: '99' }]);
    expect(toggleCode(['10'], '2', true)).toEqual(['2', '10']);
    expect(toggleCode(['2', '10'], '2', false)).toEqual(['10']);
  });

  it('ticks the completed interviews first, not the partly completed ones', () => {
    expect(defaultKeep(fs17)).toEqual(['1']);
    expect(defaultKeep(profile('res', { valueLabels: { '1': 'Complété', '2': 'Absent' } }))).toEqual(['1']);
    expect(defaultKeep(profile('x'))).toEqual([]);
  });
});

describe('columns given to two roles', () => {
  it('are reported with their roles, except strata that are regions or urban and rural', () => {
    const m: M = {
      ...base, weight: 'age', stratum: 'reg', region: { column: 'reg' }, area: { column: 'sex', urban: '1', rural: '2' },
      hazards: { loads: { columns: ['hrs'] } },
    };
    expect(sharedColumns(m)).toEqual([
      { column: 'age', roles: ['weight', 'age'] },
      { column: 'sex', roles: ['sex', 'area'] },
      { column: 'hrs', roles: ['econHours', 'hazards.loads'] },
    ]);
    expect(sharedColumns(base)).toEqual([]);
  });
});
