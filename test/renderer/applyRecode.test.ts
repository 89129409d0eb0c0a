import { describe, expect, it } from 'vitest';
import { message } from '../../analysis/messages.js';
import { withFindingRecode } from '../../renderer/model/applyRecode.js';

/** The Data step's button on CATEGORY_SPELLINGS: the recode the message gives, where its field says. */
describe('the recode a CATEGORY_SPELLINGS finding gives, applied to the mapping', () => {
  const finding = (column: string, field: string) =>
    message('CATEGORY_SPELLINGS', { file: 'f.csv', column, role: 'region', spellings: '"01" = "1"', recode: '{"01": "1", "1": "1", "2": "2"}', field });
  it('a region: region.recode, the rest of the mapping kept', () => {
    const m = { weight: 'w', region: { column: 'prov' } };
    expect(withFindingRecode(m, finding('prov', 'mapping.region.recode'))).toEqual({ weight: 'w', region: { column: 'prov', recode: { '01': '1', '1': '1', '2': '2' } } });
  });
  it('an extra breakdown: mapping.recode.<column>, the other columns\' recodes kept', () => {
    const m = { extras: ['zone'], recode: { other: { a: 'b' } } };
    expect(withFindingRecode(m, finding('zone', 'mapping.recode.zone'))).toEqual({ extras: ['zone'], recode: { other: { a: 'b' }, zone: { '01': '1', '1': '1', '2': '2' } } });
  });
  it('nothing when the mapping has changed since (another region column), or for another message', () => {
    expect(withFindingRecode({ region: { column: 'district' } }, finding('prov', 'mapping.region.recode'))).toBeNull();
    expect(withFindingRecode({ extras: [] }, finding('zone', 'mapping.recode.zone'))).toBeNull();
    expect(withFindingRecode({}, message('NO_CLUSTERS_CHOSEN', { file: 'f.csv' }))).toBeNull();
  });
});
