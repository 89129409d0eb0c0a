import { describe, expect, it } from 'vitest';
import { breakdownColumns } from '../../analysis/background.js';
import { clusterCandidates } from '../../analysis/designCandidates.js';
import { resolveAnalysis, type Mapping } from '../../analysis/index.js';
import type { ColumnProfile } from '../../renderer/engine/protocol.js';
import { draftAnalysis, draftFrameworks, reportBreakdowns } from '../../renderer/model/draftAnalysis.js';
import { isicLevel, lfsMapping, mics6Mapping, missingRoles, pairCodes, pairForColumn, suggestMapping, usedColumns, withPsuCandidate, yesForColumn } from '../../renderer/model/suggestMapping.js';
import { engineWithCsv } from '../engines.js';
import { profileCsv, readAnalysis, SAMPLE_DIR } from './fixtures.js';

const col = (name: string, codes: string[] = ['1', '2']): ColumnProfile => ({ name, type: 'number', distinct: codes.length || 50, blank: 0, codes });

/**
 * A mapping with its breakdown columns as resolution makes them (background first, in MICS order,
 * then the extras): a sample analysis file that lists CB7 among its extras and a suggestion that
 * makes it the school attendance characteristic give the same breakdowns, the same rows.
 */
const asBreakdowns = (m: Partial<Mapping>) => {
  const { background: _b, extras: _e, ...rest } = m;
  return { ...rest, breakdownColumns: breakdownColumns(m) };
};

describe('role suggestion of Spanish and French labour force files (names only, no labels)', () => {
  it('a Spanish file: every role a run needs, the sex and yes codes from the data, ISIC classes at class level, hazards without their prefix', () => {
    const s = suggestMapping([
      col('factor_exp', []), col('estrato', []), col('upm', []), col('sexo', ['H', 'M']), col('edad_cumplida', []),
      col('horas_trabajo', []), col('horas_hogar', []), col('rama_ciiu', []), col('ocupacion_ciuo', []),
      col('ausente', ['N', 'S']), col('peligro_polvo', ['no', 'sí']), col('peligro_cargas', ['no', 'sí']),
    ].map((c) => (c.name === 'rama_ciiu' ? { ...c, distinct: 212 } : c)));
    const m = s.mapping;
    expect([m.weight, m.stratum, m.psu, m.age]).toEqual(['factor_exp', 'estrato', 'upm', 'edad_cumplida']);
    expect(m.sex).toEqual({ column: 'sexo', male: 'H', female: 'M' });
    expect([m.econHours?.columns, m.choresHours?.columns]).toEqual([['horas_trabajo'], ['horas_hogar']]);
    expect(m.industry).toEqual({ column: 'rama_ciiu', level: 'class' });
    expect(m.occupation).toEqual({ column: 'ocupacion_ciuo' });
    expect(m.absentFromJob).toMatchObject({ columns: ['ausente'], yes: ['S'] });
    expect(Object.entries(m.hazards ?? {}).map(([k, h]) => [k, h.yes])).toEqual([['dust_fumes', ['sí']], ['heavy_loads', ['sí']]]);
    expect(missingRoles(m)).toEqual([]);
  });

  it('a French file: poids_final, age_rev, heures_travail and a 2-digit branche_cite at division level', () => {
    const m = suggestMapping([
      col('poids_final', []), col('strate', []), col('grappe', []), col('sexe', ['1', '2']), col('age_rev', []),
      col('heures_travail', []), col('heures_menage', []), col('branche_cite', []), col('profession_cito', []),
    ]).mapping;
    expect([m.weight, m.stratum, m.psu, m.age, m.econHours?.columns[0], m.choresHours?.columns[0]]).toEqual(['poids_final', 'strate', 'grappe', 'age_rev', 'heures_travail', 'heures_menage']);
    expect([m.industry, m.occupation]).toEqual([{ column: 'branche_cite', level: 'division' }, { column: 'profession_cito' }]);
  });

  it('hours of a main and a second job (hrs_main, hrs_sec) are the economic-activity hours, summed, an empty cell 0 hours', () => {
    const m = suggestMapping([col('wt', []), col('hrs_main', []), col('hrs_sec', []), col('chores', [])]).mapping;
    expect(m.econHours).toEqual({ columns: ['hrs_main', 'hrs_sec'], combine: 'sum', blank: 'zero' });
    expect(suggestMapping([col('wt', []), col('main_hours', [])]).mapping.econHours).toEqual({ columns: ['main_hours'] });
    expect(missingRoles(m)).not.toContain('econHours');
  });

  it('the draft\'s SDG 8.7.1 is the chores series only when chores hours are mapped', () => {
    const withChores = suggestMapping([col('wt', []), col('work_hours', []), col('chores_hours', [])]).mapping;
    const { choresHours: _c, ...without } = withChores;
    expect(draftAnalysis('f.csv', withChores, 'lfs').frameworks).toEqual([{ preset: 'ilo_ge2020' }, { preset: 'sdg_871' }]);
    expect(draftAnalysis('f.csv', without, 'lfs').frameworks).toEqual([{ preset: 'ilo_ge2020' }, { preset: 'sdg_871_econ' }]);
    expect(draftFrameworks(without)).toEqual([{ preset: 'ilo_ge2020' }, { preset: 'sdg_871_econ' }]);
  });

  it('ISIC classes written with a point ("43.90") or section letters are at division level, whatever the name (isic4)', () => {
    const level = (codes: string[]) => suggestMapping([col('wgt', []), col('isic4', codes)]).mapping.industry?.level;
    expect(level(['01.11', '05.10', '43.90'])).toBe('division');
    expect(level(['A', 'B', 'F', 'g'])).toBe('division');
    expect(level(['0111', '0510', '4390'])).toBe('class');
    expect(level([])).toBe('class'); // the name says 4 digits, no codes listed
    expect(level(['01.11', '05.10', '43.90', 'NA'])).toBe('division'); // a token among them
    // More than 20 values (no codes listed): the share of numbers with a fraction decides (a review).
    const many = (fractional: number) => suggestMapping([col('wgt', []), { ...col('isic4', []), distinct: 27, fractional }]).mapping.industry?.level;
    expect([many(0.97), many(0.02)]).toEqual(['division', 'class']);
  });
});

describe('role suggestion (Map step)', () => {
  it('recognises the MICS6 child file and suggests exactly the mapping of its analysis file', () => {
    const s = suggestMapping(profileCsv('mics6_synthetic_fs.csv'));
    expect(s.preset).toBe('mics6');
    // The universe (completed interviews, FS17 = 1) is suggested whether or not the sample's analysis file states it yet.
    const { universe, ...rest } = s.mapping;
    const { universe: _u, ...expected } = readAnalysis('mics6_synthetic.analysis.json').mapping;
    expect(asBreakdowns(rest)).toEqual(asBreakdowns(expected));
    expect(universe).toEqual({ column: 'FS17', keep: ['1'] });
    // School attendance and the wealth quintile are MICS background characteristics, not plain extras.
    expect(s.mapping.background).toEqual({ school_attendance: 'CB7', wealth_quintile: 'windex5' });
    expect(s.mapping.extras).toBeUndefined();
  });

  it('suggests the MICS6 universe only when the file has FS17', () => {
    const cols = profileCsv('mics6_synthetic_fs.csv');
    expect(mics6Mapping(cols.map((c) => (c.name === 'FS17' ? { ...c, name: 'fs17' } : c))).universe).toEqual({ column: 'fs17', keep: ['1'] });
    expect(mics6Mapping(cols.filter((c) => c.name !== 'FS17')).universe).toBeUndefined();
  });

  it('suggests a cluster named psu_code, hours of chores named hrs_chores and hz_ hazard flags', () => {
    const m = lfsMapping([col('psu_code', []), col('wgt', []), col('hrs_chores', []), col('hz_heavy_loads'), col('haz_dust', ['0', '1']), col('night')]);
    expect(m.psu).toBe('psu_code');
    expect(m.choresHours).toEqual({ columns: ['hrs_chores'] });
    expect(m.hazards).toEqual({
      night_work: { columns: ['night'], yes: ['1'], blank: 'no' },
      heavy_loads: { columns: ['hz_heavy_loads'], yes: ['1'], blank: 'no' },
      dust_fumes: { columns: ['haz_dust'], yes: ['1'], blank: 'no' },
    });
    for (const name of ['chores_hours', 'hh_chores_hrs', 'hours_chores']) expect(lfsMapping([col(name, [])]).choresHours, name).toEqual({ columns: [name] });
    for (const name of ['ea_code', 'enum_area', 'hv001', 'upm', 'grappe', 'zd', 'segmento', 'conglomerado']) expect(lfsMapping([col(name, [])]).psu, name).toBe(name);
  });

  it('names a hazard flag called just "hazard" after itself, not after what a prefix strip leaves ("ard")', () => {
    const names = ['stratum', 'cluster', 'wt', 'sex', 'age', 'region', 'area', 'econ_hrs', 'chore_hrs', 'hazard'];
    const { mapping } = suggestMapping(names.map((n) => col(n, n === 'hazard' ? ['0', '1'] : ['sex', 'area'].includes(n) ? ['1', '2'] : [])));
    expect(mapping.hazards).toEqual({ hazard: { columns: ['hazard'], yes: ['1'], blank: 'no' } });
    // The name the saved analysis file and the exports carry: a valid hazard name.
    expect(resolveAnalysis(draftAnalysis('survey.csv', { ...mapping, psu: 'cluster' }, 'lfs'), 'survey.csv').mapping.hazards).toHaveProperty('hazard');
    for (const name of ['hazards', 'Hazard2', 'danger_1']) {
      expect(Object.keys(lfsMapping([col(name)]).hazards ?? {}), name).toEqual([name.toLowerCase()]);
    }
  });

  it('takes the cluster from the data when its name says nothing (clusterCandidates)', async () => {
    const engine = await engineWithCsv('duckdb-native', { src: SAMPLE_DIR + 'lfs_synthetic_children.csv' });
    try {
      await engine.run('ALTER TABLE src RENAME ea TO c7');
      const columns = profileCsv('lfs_synthetic_children.csv').map((c) => (c.name === 'ea' ? { ...c, name: 'c7' } : c));
      expect(suggestMapping(columns).mapping.psu).toBeUndefined();
      const psuCandidates = await clusterCandidates(engine, 'src', { stratum: 'strata_id' });
      expect(psuCandidates[0]).toBe('c7');
      const s = suggestMapping(columns, { psuCandidates });
      expect(s.mapping.psu).toBe('c7');
      expect(asBreakdowns(s.mapping)).toEqual(asBreakdowns({ ...readAnalysis('lfs_synthetic.analysis.json').mapping, psu: 'c7' }));
    } finally {
      await engine.close();
    }
  });

  it('never takes a data candidate that serves another role, nor one over a named cluster or a no-clusters choice', () => {
    expect(withPsuCandidate({ weight: 'w', age: 'a' }, ['a', 'c7'])).toEqual({ weight: 'w', age: 'a', psu: 'c7' });
    expect(withPsuCandidate({ psu: 'ea' }, ['c7']).psu).toBe('ea');
    expect(withPsuCandidate({ noClusters: true }, ['c7'])).toEqual({ noClusters: true });
    expect(usedColumns({ weight: 'w', sex: { column: 's', male: '1', female: '2' }, hazards: { x: { columns: ['h1'] } }, universe: { column: 'u', keep: ['1'] }, extras: ['e'] })).toEqual(['w', 's', 'u', 'h1', 'e']);
  });

  it('guesses every role of the labour-force-style file from its column names and codes', () => {
    const s = suggestMapping(profileCsv('lfs_synthetic_children.csv'));
    expect(s.preset).toBe('lfs');
    expect(asBreakdowns(s.mapping)).toEqual(asBreakdowns(readAnalysis('lfs_synthetic.analysis.json').mapping));
    expect(s.mapping.background).toEqual({ school_attendance: 'school' });
    expect(s.mapping.extras).toBeUndefined();
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
    // Words of a meaning in the survey languages, not the alphabetical order (a walk: "Rural" < "Urbano" made "Rural" urban).
    expect(pairCodes(['Rural', 'Urbano'], [['urban', 'rural']], ['urban', 'rural'])).toEqual(['Urbano', 'Rural']);
    expect(pairCodes(['Femenino', 'Masculino'], [['m', 'f']], ['male', 'female'])).toEqual(['Masculino', 'Femenino']);
    expect(pairCodes(['Fille', 'Garçon'], [['m', 'f']], ['male', 'female'])).toEqual(['Garçon', 'Fille']);
    expect(pairCodes(['Otro', 'Urbana'], [['urban', 'rural']], ['urban', 'rural'])).toEqual(['Urbana', 'Otro']);
    expect(pairCodes(['A', 'B'], [['1', '2']], ['urban', 'rural'])).toEqual(['A', 'B']);
  });

  it('a column found by its name takes its codes from its value labels ("1" Rural, "2" Urban); more than two codes with no meaning are no guess (a probe)', () => {
    const labelled = { ...col('urbrur'), valueLabels: { '1': 'Rural', '2': 'Urban' } };
    const sexe = { ...col('sexe'), valueLabels: { '1': 'Féminin', '2': 'Masculin' } };
    const m = lfsMapping([col('wgt', []), col('age', []), sexe, labelled, col('work_hrs', [])]);
    expect([m.area, m.sex]).toEqual([{ column: 'urbrur', urban: '2', rural: '1' }, { column: 'sexe', male: '2', female: '1' }]);
    expect(lfsMapping([col('wgt', []), col('area', ['05', '08', '11'])]).area).toBeUndefined();
  });

  it('a MICS6 CSV saved with its value labels as text: sex, area and yes codes as the file writes them, not 1/2 (a walk)', () => {
    const m = mics6Mapping([col('fsweight', []), col('HH1', []), col('CB3', []), col('HL4', ['Féminin', 'Masculin']), col('HH6', ['Rural', 'Urbain']),
      col('CL1A', ['Non', 'Oui']), col('CL2', ['Non', 'Oui']), col('CL4', ['Non', 'Oui']), col('CL3', [])]);
    expect([m.sex, m.area, m.econActivity?.yes, m.absentFromJob?.yes, m.hazards?.heavy_loads?.yes]).toEqual([
      { column: 'HL4', male: 'Masculin', female: 'Féminin' }, { column: 'HH6', urban: 'Urbain', rural: 'Rural' }, ['Oui'], ['Oui'], ['Oui'],
    ]);
    // MICS's own codes stay: 1/2, yes 1 (also with no codes listed).
    const codes = mics6Mapping([col('HL4'), col('HH6', []), col('CL1A', ['1', '2', '9'])]);
    expect([codes.sex, codes.area, codes.econActivity?.yes]).toEqual([{ column: 'HL4', male: '1', female: '2' }, { column: 'HH6', urban: '1', rural: '2' }, ['1']]);
  });

  it('a MICS6 CSV saved with its value labels as text: FS17 "Complété" kept, "NSP" and "Manquant" declared missing in the hours and answers (a walk)', () => {
    const words = (name: string, w: string[]): ColumnProfile => ({ ...col(name, []), type: 'text', distinct: 60, words: w });
    const m = mics6Mapping([col('FS17', ['Complété', 'Partiellement complété', 'Pas à la maison', 'Refusé']), col('CL1A', ['Manquant', 'Non', 'Oui']),
      words('CL3', ['NSP']), words('CL8', ['Manquant', 'NSP']), col('CL10', []), col('CL4', ['NSP', 'Non', 'Oui'])]);
    expect([m.universe, m.econActivity?.missingCodes, m.econHours?.missingCodes, m.choresHours?.missingCodes, m.hazards?.heavy_loads?.missingCodes]).toEqual([
      { column: 'FS17', keep: ['Complété'] }, ['9', 'Manquant'], ['NSP'], ['Manquant', 'NSP'], ['NSP'],
    ]);
    expect([m.econHours?.missingFrom, m.choresHours?.missingFrom]).toEqual([97, 97]);
    // The English and Spanish labels; MICS's own codes: FS17 = 1, only 9 declared in the answers, none in the hours.
    expect(mics6Mapping([col('FS17', ['Completed', 'Partly completed', 'Refused'])]).universe?.keep).toEqual(['Completed']);
    expect(mics6Mapping([col('FS17', ['Completa', 'Parcialmente completa'])]).universe?.keep).toEqual(['Completa']);
    // Spanish labels of 98 and 99 (a walk: "Sin información" stopped the run as text in the hours).
    const es = mics6Mapping([col('CL1A', ['No', 'Sin información', 'Sí']), words('CL3', ['No sabe', 'Sin información'])]);
    expect([es.econActivity?.missingCodes, es.econHours?.missingCodes]).toEqual([['9', 'Sin información'], ['No sabe', 'Sin información']]);
    const codes = mics6Mapping([col('FS17', ['1', '2', '3']), col('CL1A', ['1', '2', '9']), col('CL3', []), col('CL4', ['1', '2', '9'])]);
    expect([codes.universe?.keep, codes.econActivity?.missingCodes, codes.econHours?.missingCodes, codes.hazards?.heavy_loads?.missingCodes]).toEqual([['1'], ['9'], undefined, undefined]);
  });

  it('a DHS household members file: the de facto children (hv103 = 1, or a label that says so) as the universe, shown on the Map step', () => {
    const dhs = [col('hv005', []), col('hv021', []), col('hv105', []), col('hv104'), col('hv103', ['0', '1'])];
    expect(suggestMapping(dhs).mapping.universe).toEqual({ column: 'hv103', keep: ['1'] });
    expect(suggestMapping([col('poids', []), { ...col('dormi', ['0', '1']), label: "A dormi ici la nuit dernière" }]).mapping.universe).toEqual({ column: 'dormi', keep: ['1'] });
    // Not a column of other codes, not without one.
    expect(suggestMapping([col('hv005', []), col('hv103', ['1', '2', '9'])]).mapping.universe).toBeUndefined();
    expect(suggestMapping(dhs.slice(0, 4)).mapping.universe).toBeUndefined();
  });

  it('the ISIC level: the "4" of Rev.4 in a name is no class level when the name says 2 digits or the codes have two (a probe)', () => {
    const many = (name: string) => ({ ...col(name, []), distinct: 60 });
    expect([isicLevel(many('RAMA2D_R4')), isicLevel(many('isic4_2digits')), isicLevel(col('isic4', ['1', '5', '41'])), isicLevel(many('isic4')), isicLevel(col('isic4', ['0111', '4290']))])
      .toEqual(['division', 'division', 'division', 'class', 'class']);
  });

  it('a yes/no column chosen on the Map step gets its own yes code when the default "1" is not one of its codes', () => {
    expect(yesForColumn(['1'], ['no', 'sí'])).toEqual(['sí']);
    expect(yesForColumn(undefined, ['N', 'Y'])).toEqual(['Y']);
    expect(yesForColumn(['1'], ['1', '2'])).toEqual(['1']);
    expect(yesForColumn(['3'], ['no', 'sí'])).toEqual(['3']); // given by the analyst: kept
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

describe('the codes of sex and area when their column is chosen on the Map step', () => {
  it('as suggested for the column, not its first two codes in order (a walk: picking "zona" again made "Rural" the urban code); the role\'s own codes when the column is the same', () => {
    expect(pairForColumn(col('zona', ['Rural', 'Urbano']), 'area')).toEqual(['Urbano', 'Rural']);
    expect(pairForColumn(col('sexo', ['Femenino', 'Masculino']), 'sex')).toEqual(['Masculino', 'Femenino']);
    // Labelled codes: by their labels ("1" Rural, "2" Urban).
    expect(pairForColumn({ ...col('HH6', ['1', '2']), valueLabels: { '1': 'Rural', '2': 'Urban' } }, 'area')).toEqual(['2', '1']);
    // The same column again keeps what the user set; another column does not inherit it.
    expect(pairForColumn(col('zona', ['Rural', 'Urbano']), 'area', { column: 'zona', codes: ['Rural', 'Urbano'] })).toEqual(['Rural', 'Urbano']);
    expect(pairForColumn(col('zona', ['Rural', 'Urbano']), 'area', { column: 'milieu', codes: ['U', 'R'] })).toEqual(['Urbano', 'Rural']);
    // Nothing to tell them apart: the first two codes, as before.
    expect(pairForColumn(col('strate', ['A', 'B', 'C']), 'area')).toEqual(['A', 'B']);
  });
});

describe('a region column named with a word beside it', () => {
  it('is suggested on the Map step (a walk: "region_name" left unmapped, and the region tables gone)', () => {
    const s = suggestMapping([col('wgt', []), col('strata', []), col('ea', []), col('age', []), col('sex', ['1', '2']), col('region_name', ['Centre', 'Nord', 'Sud']), col('work_hrs', [])]);
    expect(s.mapping.region?.column).toBe('region_name');
  });
});
