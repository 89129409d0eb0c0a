import { describe, expect, it } from 'vitest';
import { emptyLabels, resolveAnalysis, type AnalysisResult } from '../../analysis/index.js';
import type { ColumnProfile } from '../../renderer/engine/protocol.js';
import { categoryLabel, dimensionLabel } from '../../analysis/present/labels.js';
import { cellText } from '../../renderer/model/labels.js';
import { suggestMapping } from '../../renderer/model/suggestMapping.js';

const col = (name: string, label: string | undefined, codes: string[] = [], valueLabels?: Record<string, string>): ColumnProfile => ({
  name, type: 'number', distinct: codes.length || 50, blank: 0, codes, ...(label ? { label } : {}), ...(valueLabels ? { valueLabels } : {}),
});

describe('value labels in the app', () => {
  it('shows a code with its value label in the data preview, and the code alone without one', () => {
    expect(cellText('1', { 1: 'Nord' })).toBe('Nord (1)');
    expect(cellText(7, { 1: 'Nord' })).toBe('7');
    expect(cellText(null, undefined)).toBe('');
  });

  it('names regions and extra columns by their value labels; sex, area and ages stay the language’s words (analysis/present)', () => {
    const analysis = resolveAnalysis({
      version: 1, data: { path: 'x.sav' }, frameworks: [{ preset: 'ilo_ge2020' }],
      mapping: { weight: 'w', age: 'age', sex: { column: 'sex', male: '1', female: '2' }, region: { column: 'reg' }, econHours: { columns: ['h'] }, extras: ['school'] },
    }, 'x.sav');
    const result = { analysis } as AnalysisResult;
    const labels = { ...emptyLabels(), values: { reg: { 1: 'Nord' }, school: { 1: 'Fréquente' }, sex: { 1: 'Garçon' } } };
    expect(categoryLabel(result, 'en', 'region', '1', labels)).toBe('Nord');
    expect(categoryLabel(result, 'en', 'region', '9', labels)).toBe('9');
    expect(categoryLabel(result, 'en', 'school', '1', labels)).toBe('Fréquente');
    expect(categoryLabel(result, 'fr', 'sex', '1', labels)).toBe('Garçons');
    expect(categoryLabel(result, 'en', 'age_group', '5-11', labels)).toBe('5-11 years');
    expect(categoryLabel(result, 'en', 'region', '1', null)).toBe('1');
    expect(dimensionLabel('en', 'school', { values: {}, variables: { school: 'School attendance' } })).toBe('School attendance');
    expect(dimensionLabel('fr', 'region')).toBe('Région');
  });
});

describe('role suggestions from variable labels (SPSS, Stata)', () => {
  it('takes a column whose label names the role over a guess from names, with sex codes from value labels', () => {
    const s = suggestMapping([
      col('v1', 'Sampling weight of the child'),
      col('weight_kg', 'Body weight in kg'),
      col('q7', 'Age in completed years'),
      col('q4', 'Sex of household member', ['1', '2'], { 1: 'Female', 2: 'Male' }),
      col('q9', 'Region of residence', ['1', '2', '3']),
      col('q12', 'Hours worked in economic activity last week'),
    ]);
    expect(s.mapping.weight).toBe('v1');
    expect(s.mapping.age).toBe('q7');
    expect(s.mapping.sex).toEqual({ column: 'q4', male: '2', female: '1' });
    expect(s.mapping.region).toEqual({ column: 'q9' });
    expect(s.mapping.econHours).toEqual({ columns: ['q12'] });
  });

  it('changes nothing for a file without variable labels', () => {
    const cols = [col('weight', undefined), col('age', undefined), col('sex', undefined, ['1', '2'])];
    expect(suggestMapping(cols).mapping.weight).toBe('weight');
  });
});
