import { describe, expect, it } from 'vitest';
import { roleMatch, STANDARD_HAZARDS, standardHazard, suggestHazards, suggestRoles } from '../../analysis/import/suggestRoles.js';

describe('suggestRoles', () => {
  it('a region column named with a word beside it (region_name, nom_region, provincia_cod; a walk: region_name left unmapped and every region table gone), not a word that only contains it', () => {
    for (const name of ['region_name', 'REGION_CODE', 'nom_region', 'provincia_cod', 'regionname']) {
      expect(roleMatch('region', { name }), name).toBeGreaterThan(0);
    }
    for (const name of ['reg_id', 'subregion', 'region_weight']) expect(roleMatch('region', { name }), name).toBe(0);
  });

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

  it('not the household head\'s age and sex, a tariff stratum, marital status, the industry as the activity, a chores question without hours (a probe of real layouts)', () => {
    // DHS PR: the head's sex and age (hv219, hv220) come before the member's (hv104, hv105).
    const dhs = suggestRoles([
      { name: 'hv219', label: 'Sex of head of household' }, { name: 'hv220', label: 'Age of head of household' },
      { name: 'hv104', label: 'Sex of household member' }, { name: 'hv105', label: 'Age of household members' },
      { name: 'sh13a', label: 'Child did household chores last week' },
    ]);
    expect([dhs.sex?.column, dhs.age?.column, dhs.choresHours?.column]).toEqual(['hv104', 'hv105', undefined]);
    // Colombia GEIH: a utilities' tariff stratum and marital status ("Estado civil") are no design or region.
    const geih = suggestRoles([
      { name: 'P4030S1A1', label: 'Estrato para tarifa' }, { name: 'P6070', label: 'Estado civil' },
      { name: 'RAMA2D_R4', label: 'Rama de actividad económica (CIIU Rev.4)' }, { name: 'P6040', label: '¿Cuántos años cumplidos tiene?' },
    ]);
    expect([geih.stratum, geih.region, geih.econActivity, geih.industry?.column, geih.age?.column]).toEqual([undefined, undefined, undefined, 'RAMA2D_R4', 'P6040']);
    // Names: an age group, the head's age, a household number and a person number are not taken.
    const names = suggestRoles([{ name: 'agegrp' }, { name: 'age_head' }, { name: 'menage' }, { name: 'ind' }, { name: 'zone' }, { name: 'FS17', label: 'Result of interview for children age 5-17' }]);
    expect(names).toEqual({});
    // MICS3-5's CL4 and CL5 (hours worked, water and firewood) are no MICS6 hazards; MICS6's are.
    expect(suggestHazards([{ name: 'CL4', label: 'Hours worked in past week' }, { name: 'CL5', label: 'Fetched water or collected firewood' }])).toEqual([]);
    expect(suggestHazards([{ name: 'CL4', label: 'Work requires carrying heavy loads' }, { name: 'CL6X', label: 'Autres conditions dangereuses' }]).map((h) => h.name)).toEqual(['heavy_loads', 'other_hazard']);
    // A header of words (Spanish, accented): as its labels would be read (a walk: no suggestion).
    const words = suggestRoles([{ name: 'Factor de expansión' }, { name: 'Región' }, { name: 'Área' }, { name: 'Horas trabajo' }, { name: 'Horas quehaceres' }, { name: 'Edad' }, { name: 'Estado civil' }]);
    expect([words.weight?.column, words.region?.column, words.area?.column, words.econHours?.column, words.choresHours?.column, words.age?.column]).toEqual(['Factor de expansión', 'Región', 'Área', 'Horas trabajo', 'Horas quehaceres', 'Edad']);
    // What still is: a chores label with hours, French and Spanish weights by their usual names.
    const ok = suggestRoles([{ name: 'q5', label: 'Nombre d\'heures de tâches domestiques' }, { name: 'fex_c_2011' }, { name: 'age_rev' }]);
    expect([ok.choresHours?.column, ok.weight?.column, ok.age?.column]).toEqual(['q5', 'fex_c_2011', 'age_rev']);
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

  it('suggests the cluster from the usual names of LFS, MICS, DHS, French and Spanish files', () => {
    for (const name of ['psu', 'psu_code', 'PSU_ID', 'cluster', 'clust', 'cluster_no', 'ea', 'ea_code', 'enum_area', 'HH1', 'hv001', 'v001', 'hv021', 'upm', 'grappe', 'num_grappe', 'zd', 'segmento', 'conglomerado']) {
      expect(suggestRoles([{ name: 'x' }, { name }]).psu?.column, name).toBe(name);
    }
    for (const name of ['hhid', 'area', 'age', 'psuedo_weight', 'year']) expect(suggestRoles([{ name }]).psu, name).toBeUndefined();
  });

  it('suggests the cluster from its variable label in English, French or Spanish', () => {
    for (const label of ['Cluster number', 'Primary sampling unit', 'Enumeration area', 'Numéro de grappe', 'Unité primaire de sondage', 'Zone de dénombrement', 'Conglomerado', 'Unidad primaria de muestreo', 'Segmento censal']) {
      expect(suggestRoles([{ name: 'q1' }, { name: 'q2', label }]).psu?.column, label).toBe('q2');
    }
    expect(roleMatch('psu', { name: 'c7', label: 'Zone de dénombrement' })).toBe(2);
    expect(roleMatch('psu', { name: 'psu_code' })).toBe(1);
    expect(roleMatch('psu', { name: 'hhid', label: 'Household identifier' })).toBe(0);
  });

  it('suggests the hours of chores whatever the order of the words', () => {
    for (const name of ['hrs_chores', 'chores_hours', 'hh_chores_hrs', 'hours_chores', 'chore_hrs']) {
      expect(suggestRoles([{ name: 'work_hrs' }, { name }]).choresHours?.column, name).toBe(name);
    }
  });

  it('suggests economic activity and chores from Spanish and French names and labels (quehaceres, trabajo, travail)', () => {
    const es = suggestRoles([{ name: 'horas_trabajo' }, { name: 'trabajo', label: '¿Trabajó la semana pasada?' }, { name: 'quehaceres', label: 'Horas en quehaceres del hogar' }]);
    expect([es.econHours?.column, es.econActivity?.column, es.choresHours?.column]).toEqual(['horas_trabajo', 'trabajo', 'quehaceres']);
    const byLabel = suggestRoles([{ name: 'p12', label: 'Actividad económica en la última semana' }, { name: 'p20', label: 'Horas dedicadas a quehaceres del hogar' }]);
    expect([byLabel.econActivity?.column, byLabel.choresHours?.column]).toEqual(['p12', 'p20']);
    const fr = suggestRoles([{ name: 'travail' }, { name: 'taches_menageres' }]);
    expect([fr.econActivity?.column, fr.choresHours?.column]).toEqual(['travail', 'taches_menageres']);
  });

  it('suggests hazard flags with a hazard name: hz_ and haz_ prefixes, MICS6 CL4-CL6X', () => {
    const cols = ['hz_heavy_loads', 'haz_dust', 'HZ-night', 'hazard_noise', 'hz', 'hours', 'CL4', 'CL5', 'CL6A', 'CL6E', 'CL6X', 'CL7'].map((name) => ({ name }));
    expect(suggestHazards(cols).map((h) => [h.name, h.column])).toEqual([
      ['heavy_loads', 'hz_heavy_loads'], ['dust_fumes', 'haz_dust'], ['night_work', 'HZ-night'], ['noise_vibration', 'hazard_noise'],
      ['heavy_loads_2', 'CL4'], ['dangerous_tools', 'CL5'], ['dust_fumes_2', 'CL6A'], ['chemicals', 'CL6E'], ['other_hazard', 'CL6X'],
    ]);
  });
});

describe('the standard condition of a hazard flag', () => {
  it('from the words of its name or label, so rounds compare it (a walk: cl_heavy and heavy_loads were two conditions)', () => {
    expect(standardHazard({ name: 'cl_heavy', label: 'Carried heavy loads' })).toBe('heavy_loads');
    expect(standardHazard({ name: 'q23', label: 'Outils dangereux ou machines lourdes' })).toBe('dangerous_tools');
    expect(standardHazard({ name: 'q24', label: 'Porter des charges lourdes' })).toBe('heavy_loads');
    expect(standardHazard({ name: 'cl_tools' })).toBe('dangerous_tools');
    expect(standardHazard({ name: 'p7', label: 'Expuesto a polvo o humo' })).toBe('dust_fumes');
    expect(standardHazard({ name: 'CL6B' })).toBe('extreme_temp');
    // Night work and abuse: definitions.md section 2's other two conditions, asked by LFS child modules.
    expect(standardHazard({ name: 'q12', label: 'Works at night' })).toBe('night_work');
    expect(standardHazard({ name: 'p31', label: 'Travaille la nuit' })).toBe('night_work');
    expect(standardHazard({ name: 'abuso' })).toBe('abuse');
    expect(STANDARD_HAZARDS.slice(-3)).toEqual(['night_work', 'abuse', 'other_hazard']);
    expect(STANDARD_HAZARDS).toContain('noise_vibration');
    // Whole words, one condition (a review): none of these names one.
    expect(standardHazard({ name: 'x', label: 'Machinery noise' })).toBeUndefined();
    expect(standardHazard({ name: 'x', label: 'Heavy concentration of dust' })).toBeUndefined();
    expect(standardHazard({ name: 'x', label: 'Enfant en charge du ménage' })).toBeUndefined();
    expect(standardHazard({ name: 'wheat' })).toBeUndefined();
    expect(standardHazard({ name: 'x', label: 'Dangerous tools or heavy machinery' })).toBe('dangerous_tools');
  });
});
