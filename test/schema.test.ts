import { Ajv } from 'ajv';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveAnalysis } from '../analysis/analysisFile.js';
import { isRoundsJson, resolveRounds } from '../analysis/rounds/resolveRounds.js';

/**
 * docs/analysis-file.schema.json describes the analysis file for other tools and editors. It must
 * accept every analysis file the project ships and agree with the app's own checks on bad ones.
 */
const read = (p: string) => JSON.parse(readFileSync(new URL(p, import.meta.url), 'utf8'));
const schema = read('../docs/analysis-file.schema.json');
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
const FILES = ['../sample-data/mics6_synthetic.analysis.json', '../sample-data/lfs_synthetic.analysis.json', './fixtures/reference.analysis.json',
  '../sample-data/mics6_fileset.analysis.json', '../sample-data/mics6_fileset_csv.analysis.json', '../sample-data/mics6_2017.analysis.json',
  '../sample-data/mics6_rounds.analysis.json'];

describe('analysis file JSON Schema', () => {
  it.each(FILES)('accepts %s, which the app also accepts', (f) => {
    const json = read(f);
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    expect(() => (isRoundsJson(json) ? resolveRounds(json, f) : resolveAnalysis(json, f))).not.toThrow();
  });

  const base = read(FILES[0]!);
  it.each([
    ['version 2', { ...base, version: 2 }],
    ['no mapping', { ...base, mapping: undefined }],
    ['a misspelt option', { ...base, options: { lonelyPSU: 'adjust' } }],
    ['an unknown lonely-PSU policy', { ...base, options: { lonelyPsu: 'ignore' } }],
    ['an unknown preset', { ...base, frameworks: [{ preset: 'ilo_2017' }] }],
    ['sex without codes', { ...base, mapping: { ...base.mapping, sex: { column: 'HL4' } } }],
    ['a threshold as text', { ...base, frameworks: [{ preset: 'sdg_871', id: 'x', edit: { bands: [{ from: 5, to: 17, econ: { rule: 'hours', min: '14' }, chores: null }] } }] }],
  ])('rejects %s, as the app does', (_, json) => {
    const clean = JSON.parse(JSON.stringify(json));
    expect(validate(clean)).toBe(false);
    expect(() => resolveAnalysis(clean, 'x.json')).toThrow();
  });
});
