import { describe, expect, it } from 'vitest';
import { resolveAnalysis } from '../../analysis/index.js';
import { draftAnalysis, reportBreakdowns } from '../../renderer/model/draftAnalysis.js';
import { missingRoles, pairCodes, suggestMapping } from '../../renderer/model/suggestMapping.js';
import { profileCsv, readAnalysis } from './fixtures.js';

describe('role suggestion (Map step)', () => {
  it('recognises the MICS6 child file and suggests exactly the mapping of its analysis file', () => {
    const s = suggestMapping(profileCsv('mics6_synthetic_fs.csv'));
    expect(s.preset).toBe('mics6');
    expect(s.mapping).toEqual(readAnalysis('mics6_synthetic.analysis.json').mapping);
  });

  it('guesses every role of the labour-force-style file from its column names and codes', () => {
    const s = suggestMapping(profileCsv('lfs_synthetic_children.csv'));
    expect(s.preset).toBe('lfs');
    expect(s.mapping).toEqual(readAnalysis('lfs_synthetic.analysis.json').mapping);
  });

  it('leaves a role unset rather than guessing wildly, and says which roles are still needed', () => {
    const s = suggestMapping([
      { name: 'poids', type: 'number', distinct: 90, blank: 0, codes: [] },
      { name: 'sexe', type: 'text', distinct: 2, blank: 0, codes: ['F', 'H'] },
      { name: 'x1', type: 'number', distinct: 5, blank: 0, codes: ['1', '2', '3', '4', '5'] },
    ]);
    expect(s.mapping.weight).toBe('poids');
    expect(s.mapping.sex).toEqual({ column: 'sexe', male: 'H', female: 'F' });
    expect(s.mapping.age).toBeUndefined();
    expect(missingRoles(s.mapping)).toEqual(['age', 'econHours']);
  });

  it('finds the two codes of sex and area whatever their spelling', () => {
    expect(pairCodes(['F', 'M'], [['m', 'f']])).toEqual(['M', 'F']);
    expect(pairCodes(['Rural', 'Urban'], [['urban', 'rural']])).toEqual(['Urban', 'Rural']);
    expect(pairCodes(['A', 'B'], [['1', '2']])).toEqual(['A', 'B']);
    expect(pairCodes(['A'], [['1', '2']])).toBeUndefined();
  });

  it('builds a draft analysis that the core accepts, with every characteristic crossed with sex', () => {
    const s = suggestMapping(profileCsv('lfs_synthetic_children.csv'));
    const draft = draftAnalysis('lfs_synthetic_children.csv', s.mapping, s.preset);
    const resolved = resolveAnalysis(draft, 'draft');
    expect(resolved.options.missingHours).toBe('unknown');
    expect(reportBreakdowns(s.mapping)).toEqual([
      [], ['sex'], ['age_group'], ['sex', 'age_group'], ['region'], ['sex', 'region'], ['area'], ['sex', 'area'], ['school'], ['sex', 'school'],
    ]);
    expect(draftAnalysis('fs.csv', suggestMapping(profileCsv('mics6_synthetic_fs.csv')).mapping, 'mics6').options?.missingHours).toBe('mics');
  });
});
