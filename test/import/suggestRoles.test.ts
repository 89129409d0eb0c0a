import { describe, expect, it } from 'vitest';
import { suggestRoles } from '../../analysis/import/suggestRoles.js';

describe('suggestRoles', () => {
  it('from variable labels (the formats fixture), with the reason', () => {
    const s = suggestRoles([
      { name: 'hhid', label: 'Household identifier' },
      { name: 'stratum', label: 'Stratum' },
      { name: 'psu', label: 'Primary sampling unit (cluster)' },
      { name: 'region', label: 'Region of residence' },
      { name: 'area', label: 'Area of residence (urban or rural)' },
      { name: 'v7', label: 'Sex of household member' },
      { name: 'v8', label: 'Age in completed years' },
      { name: 'weight', label: 'Sampling weight of the child' },
      { name: 'econ_hours', label: 'Hours worked in economic activity last week' },
      { name: 'absent', label: 'Temporarily absent from a job' },
      { name: 'chores_hours', label: 'Hours of household chores last week' },
      { name: 'isic', label: 'Industry of main job (ISIC Rev.4 division)' },
      { name: 'isco', label: 'Occupation of main job (ISCO-08)' },
    ]);
    expect(Object.fromEntries(Object.entries(s).map(([k, v]) => [k, v!.column]))).toEqual({
      weight: 'weight', stratum: 'stratum', psu: 'psu', age: 'v8', sex: 'v7', region: 'region', area: 'area',
      econHours: 'econ_hours', absentFromJob: 'absent', choresHours: 'chores_hours', industry: 'isic', occupation: 'isco',
    });
    expect(s.sex).toMatchObject({ strength: 2, reason: expect.stringContaining('"Sex of household member"') });
  });

  it('French and Spanish labels, accents ignored', () => {
    const s = suggestRoles([
      { name: 'q1', label: 'Sexe de l’enfant' },
      { name: 'q2', label: 'Âge en années révolues' },
      { name: 'q3', label: 'Région' },
      { name: 'q4', label: 'Milieu de résidence' },
      { name: 'q5', label: 'Pondération finale' },
      { name: 'q6', label: 'Factor de expansión' },
    ]);
    expect(s.sex?.column).toBe('q1');
    expect(s.age?.column).toBe('q2');
    expect(s.region?.column).toBe('q3');
    expect(s.area?.column).toBe('q4');
    expect(s.weight?.column).toBe('q5');
  });

  it('from MICS6 names when there are no labels; a label match wins over a name match', () => {
    const s = suggestRoles([{ name: 'HH1' }, { name: 'HH6' }, { name: 'HH7' }, { name: 'HL4' }, { name: 'CB3' }, { name: 'fsweight' }, { name: 'sex', label: 'Respondent id' }, { name: 'gender_of_child', label: 'Gender' }]);
    expect(s).toMatchObject({ psu: { column: 'HH1', strength: 1 }, area: { column: 'HH6' }, region: { column: 'HH7' }, age: { column: 'CB3' }, weight: { column: 'fsweight' } });
    expect(s.sex).toMatchObject({ column: 'gender_of_child', strength: 2 });
  });

  it('does not take a weight in kilograms or an age group for the sampling weight or the age', () => {
    const s = suggestRoles([{ name: 'wt_kg', label: 'Weight of the child (kg)' }, { name: 'agegrp', label: 'Age group' }]);
    expect(s.weight).toBeUndefined();
    expect(s.age).toBeUndefined();
  });

  it('each column serves one role at most', () => {
    const s = suggestRoles([{ name: 'x', label: 'Sex and age of member' }]);
    expect(Object.values(s).filter((v) => v?.column === 'x')).toHaveLength(1);
  });
});
