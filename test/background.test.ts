import { Ajv } from 'ajv';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveAnalysis } from '../analysis/analysisFile.js';
import { BACKGROUND, suggestBackground } from '../analysis/background.js';
import { LANGS, t } from '../analysis/export/i18n.js';
import { buildMetadata } from '../analysis/export/metadata.js';
import { rScript } from '../analysis/export/rscript.js';
import { stataDo } from '../analysis/export/stata.js';
import type { AnalysisFile, AnalysisResult } from '../analysis/index.js';
import { dimensionLabel } from '../analysis/present/labels.js';
import { metadataWords } from '../analysis/present/metadataWords.js';
import { standardTable } from '../analysis/present/standardTable.js';
import { readAnalysis, runSample } from './renderer/fixtures.js';

/**
 * The MICS background characteristics (analysis/background.ts): which columns are suggested for
 * them, how resolution makes them breakdowns (first among the extras, in the MICS order, by default
 * each alone and by sex), and how every medium heads them: the language's word, from one function.
 */
const col = (name: string, label?: string) => ({ name, ...(label ? { label } : {}) });

describe('suggestBackground', () => {
  it('recognises the MICS6 fs file by its names and labels', () => {
    const fs = [
      col('HH1', 'Cluster number'), col('HL4', 'Sex'), col('CB3', 'Age of child'), col('CB4', 'Ever attended school or early childhood education programme'),
      col('CB5A', 'Highest level of school attended'), col('CB7', 'Attended school during current school year'), col('schage', 'Age at beginning of school year'),
      col('fsdisability', "Child's functional difficulties (age 5-17 years)"), col('melevel', "Mother's education"), col('windex5', 'Wealth index quintile'),
      col('windex5u', 'Urban wealth index quintile'), col('windex10', 'Wealth index decile'), col('ethnicity', 'Ethnicity of household head'),
    ];
    expect(suggestBackground(fs)).toEqual({
      school_attendance: 'CB7', functional_difficulty: 'fsdisability', mother_education: 'melevel', wealth_quintile: 'windex5', ethnicity: 'ethnicity',
    });
    // Keys come in the MICS order whatever the columns' order.
    expect(Object.keys(suggestBackground([...fs].reverse()))).toEqual([...BACKGROUND]);
  });

  it('a joined file set: ED9 of the child, the mother’s ED5A, HC1C of the household; never the child’s own ED5A', () => {
    const joined = [
      col('ED4', 'Ever attended school'), col('ED5A', 'Highest level and grade attended: level'), col('ED9', 'Attended school at any time during the current school year'),
      col('mother_ED5A', 'Highest level and grade attended: level'), col('HC1C', 'Ethnic group of household head'), col('windex5r', 'Rural wealth index quintile'),
    ];
    expect(suggestBackground(joined)).toEqual({ school_attendance: 'ED9', mother_education: 'mother_ED5A', wealth_quintile: 'windex5r', ethnicity: 'HC1C' });
    // Without the mother's row, no column is the mother's education.
    expect(suggestBackground(joined.filter((c) => c.name !== 'mother_ED5A')).mother_education).toBeUndefined();
    expect(suggestBackground([col('windex5r'), col('windex5u'), col('windex5')]).wealth_quintile).toBe('windex5');
  });

  it('DHS: the wealth index of the household members\' file (hv270, "Wealth index combined") over its urban/rural one (a walk: not suggested)', () => {
    expect(suggestBackground([col('hv270a', 'Wealth index for urban/rural'), col('hv270', 'Wealth index combined'), col('hv271', 'Wealth index factor score combined (5 decimals)')]).wealth_quintile).toBe('hv270');
    expect(suggestBackground([col('v190', 'Wealth index combined')]).wealth_quintile).toBe('v190');
    expect(suggestBackground([col('wq', 'Wealth index')]).wealth_quintile).toBe('wq');
    expect(suggestBackground([col('hv271', 'Wealth index factor score combined (5 decimals)')]).wealth_quintile).toBeUndefined();
  });

  it('plain names and labels in English, French and Spanish; unrelated columns get nothing', () => {
    expect(suggestBackground([col('school'), col('quintile'), col('disability'), col('ethnie')])).toEqual({
      school_attendance: 'school', functional_difficulty: 'disability', wealth_quintile: 'quintile', ethnicity: 'ethnie',
    });
    expect(suggestBackground([col('q12', 'Fréquente actuellement l’école'), col('q30', "Niveau d'instruction de la mère"), col('q40', 'Quintil de riqueza')])).toEqual({
      school_attendance: 'q12', mother_education: 'q30', wealth_quintile: 'q40',
    });
    expect(suggestBackground([col('school_level', 'Level of school attended'), col('ever_attended'), col('wscore', 'Wealth index score'), col('HL6', 'Age')])).toEqual({});
    // A column is one characteristic: "mother's school attendance" is not the child's.
    expect(suggestBackground([col('m_att', "Mother attended school")]).school_attendance).toBeUndefined();
  });
});

const BASE = readAnalysis('mics6_synthetic.analysis.json');
const { extras: _x, background: _y, ...MAPPING } = BASE.mapping;
const withBackground = (patch: Partial<AnalysisFile>): AnalysisFile => ({ ...BASE, ...patch, mapping: { ...MAPPING, ...patch.mapping } as AnalysisFile['mapping'] });

describe('resolution', () => {
  it('background columns come first among the extras, in the MICS order, each once; the file keeps `background` as written', () => {
    const file = withBackground({ mapping: { ...MAPPING, background: { wealth_quintile: 'windex5', school_attendance: 'CB7' }, extras: ['CL7', 'windex5'] } as AnalysisFile['mapping'] });
    const r = resolveAnalysis(JSON.parse(JSON.stringify(file)), 'x.json');
    expect(r.mapping.extras).toEqual(['CB7', 'windex5', 'CL7']);
    expect(r.mapping.background).toEqual({ wealth_quintile: 'windex5', school_attendance: 'CB7' });
    expect(file.mapping.extras).toEqual(['CL7', 'windex5']);
  });

  it('default breakdowns: the standard ones, then each background characteristic alone and by sex', () => {
    const { breakdowns: _b, ...file } = withBackground({ mapping: { ...MAPPING, background: { ethnicity: 'CL7', school_attendance: 'CB7' } } as AnalysisFile['mapping'] });
    const r = resolveAnalysis(file, 'x.json');
    expect(r.breakdowns).toEqual([[], ['sex'], ['age_group'], ['sex', 'age_group'], ['region'], ['area'], ['region', 'sex'], ['CB7'], ['sex', 'CB7'], ['CL7'], ['sex', 'CL7']]);
    // Without background the defaults are as before: no extra is a default breakdown.
    const { breakdowns: _c, ...plain } = withBackground({ mapping: { ...MAPPING, extras: ['CB7'] } as AnalysisFile['mapping'] });
    expect(resolveAnalysis(plain, 'x.json').breakdowns).toHaveLength(7);
  });

  it('refuses an unknown characteristic and a column for two, naming the field', () => {
    const bad = (background: unknown) => () => resolveAnalysis(withBackground({ mapping: { ...MAPPING, background } as AnalysisFile['mapping'] }), 'x.json');
    expect(bad({ religion: 'HC1A' })).toThrow(/mapping\.background\.religion/);
    expect(bad({ school_attendance: 'CB7', wealth_quintile: 'CB7' })).toThrow(/mapping\.background\.wealth_quintile.*CB7/);
    expect(bad({ school_attendance: '' })).toThrow(/mapping\.background\.school_attendance/);
  });

  it('the JSON Schema accepts an analysis file with `background` and refuses an unknown characteristic, as the app does', () => {
    const schema = JSON.parse(readFileSync(new URL('../docs/analysis-file.schema.json', import.meta.url), 'utf8'));
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    const good = withBackground({ mapping: { ...MAPPING, background: { school_attendance: 'CB7', wealth_quintile: 'windex5' } } as AnalysisFile['mapping'] });
    expect(validate(good), JSON.stringify(validate.errors)).toBe(true);
    expect(() => resolveAnalysis(good, 'x.json')).not.toThrow();
    const bad = withBackground({ mapping: { ...MAPPING, background: { religion: 'HC1A' } } as AnalysisFile['mapping'] });
    expect(validate(bad)).toBe(false);
  });
});

describe('headings and categories in every language (a run of the MICS sample)', () => {
  let result: AnalysisResult;
  beforeAll(async () => {
    // Breakdowns listed out of the MICS order: the table still lists school attendance, then wealth, then the other extra.
    result = await runSample(withBackground({
      frameworks: [{ preset: 'ilo_ge2020' }],
      mapping: { ...MAPPING, background: { wealth_quintile: 'windex5', school_attendance: 'CB7' }, extras: ['CL7'] } as AnalysisFile['mapping'],
      breakdowns: [[], ['sex'], ['CL7'], ['windex5'], ['sex', 'windex5'], ['CB7'], ['region']],
    }));
  }, 60_000);

  const WORDS = {
    en: { school: 'School attendance', wealth: 'Wealth index quintile', quintiles: ['Poorest', 'Second', 'Middle', 'Fourth', 'Richest'] },
    fr: { school: 'Fréquentation scolaire', wealth: "Quintile de l'indice de richesse", quintiles: ['Le plus pauvre', 'Deuxième', 'Moyen', 'Quatrième', 'Le plus riche'] },
    es: { school: 'Asistencia escolar', wealth: 'Quintil del índice de riqueza', quintiles: ['Más pobre', 'Segundo', 'Medio', 'Cuarto', 'Más rico'] },
  } as const;

  it.each(LANGS)('%s: the table heads them by the language’s word, in the MICS order; a CSV’s quintiles get the MICS words', (lang) => {
    const t = standardTable(result, lang, 'ilo_ge2020', 'child_labour')!;
    const groups = t.lines.filter((l) => l.kind === 'group');
    expect(groups.map((l) => l.dim)).toEqual(['region', 'CB7', 'windex5', 'CL7']);
    expect(groups.map((l) => l.label).slice(1)).toEqual([WORDS[lang].school, WORDS[lang].wealth, 'CL7']);
    expect(t.lines.filter((l) => l.kind === 'value' && l.dim === 'windex5').map((l) => l.label)).toEqual(WORDS[lang].quintiles);
    // School attendance has no value labels in the CSV: its codes, as written.
    expect(t.lines.filter((l) => l.kind === 'value' && l.dim === 'CB7').map((l) => l.label)).toEqual(['1', '2']);
    // The one heading function names them so for every medium, even where the file has a variable label.
    expect(dimensionLabel(lang, 'windex5', { values: {}, variables: { windex5: 'wealth (own label)', CL7: 'Fetched water' } }, result.analysis.mapping)).toBe(WORDS[lang].wealth);
    expect(dimensionLabel(lang, 'CL7', { values: {}, variables: { CL7: 'Fetched water' } }, result.analysis.mapping)).toBe('Fetched water');
  });

  it('the R and Stata scripts break down by them as extras, background first (they need nothing of their own)', () => {
    const meta = buildMetadata(result, { sourceName: 'fs.csv', sourceSha256: null, appVersion: '0', createdAt: '2025-01-01T00:00:00Z' });
    expect(rScript(result.analysis, meta)).toMatch(/code\("CB7"\)[\s\S]*code\("windex5"\)[\s\S]*code\("CL7"\)/);
    expect(stataDo(result.analysis, meta)).toMatch(/\bCB7\b[\s\S]*\bwindex5\b[\s\S]*\bCL7\b/);
  });

  it.each(LANGS)('%s: the metadata in words names each characteristic and the breakdowns by the same words', (lang) => {
    const meta = buildMetadata(result, { sourceName: 'fs.csv', sourceSha256: null, appVersion: '0', createdAt: '2025-01-01T00:00:00Z' });
    const rows = metadataWords(meta, lang);
    expect(rows.find((r) => r.label === WORDS[lang].school)?.value).toBe('CB7');
    expect(rows.find((r) => r.label === WORDS[lang].wealth)?.value).toBe('windex5');
    // The other breakdowns list CL7 alone, not the background columns again.
    expect(rows.filter((r) => r.value === 'CL7').length).toBe(1);
    const breakdowns = rows.find((r) => r.label === t(lang, 'meta.breakdowns'))!.value;
    expect(breakdowns).toContain(WORDS[lang].wealth);
    expect(breakdowns).not.toContain('windex5');
  });
});
