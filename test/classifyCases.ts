import type { Mapping } from '../analysis/types.js';

/**
 * Classification of hand-made children under every preset, including unknowns. Rows 1-5 are the
 * five hand-set rows of the shared reference sample (its README, "Missing answers"). Expected values
 * are written from the definitions (../shared/definitions.md section 3), not from the code.
 * Columns: age, econ_hours, absent_job, chores_hours, isic2, isco4, night, loads, tools, dust, temp.
 * Expected: [employment, hazardous, CL under ilo_ge2020, ilo_ge2020_chores, sdg_871_econ, sdg_871, mics6_hazard]
 * with 1, 0 or null (unknown). Unknown hours default: the child leaves the indicator.
 */
export type V = 1 | 0 | null;
const _ = null;
export const CASES: [string, (string | null)[], V[]][] = [
  ['reference row 1: age 8, hours missing, 25 h chores', ['8', _, '0', '25', _, _, '0', '0', '0', '0', '0'], [_, _, _, 1, _, 1, 1]],
  ['reference row 2: age 13, hours missing, absent', ['13', _, '1', '4', _, _, '0', '0', '0', '0', '0'], [1, _, _, _, _, _, _]],
  ['reference row 3: age 16, hours missing, absent, heavy loads', ['16', _, '1', '8', _, _, '0', '1', '0', '0', '0'], [1, 1, 1, 1, _, _, 1]],
  ['reference row 5: age 16, not working, chores missing', ['16', '0', '0', _, _, _, '0', '0', '0', '0', '0'], [0, 0, 0, 0, 0, 0, 0]],
  ['reference row 6: age 10, 5 h in trade, chores missing', ['10', '5', '0', _, '47', '5223', '0', '0', '0', '0', '0'], [1, 0, 1, 1, 1, 1, 1]],
  ['age 4 is out of scope', ['4', '10', '0', '0', _, _, '0', '0', '0', '0', '0'], [_, _, _, _, _, _, _]],
  ['age 18 is out of scope', ['18', '50', '0', '0', '41', _, '1', '0', '0', '0', '0'], [_, _, _, _, _, _, _]],
  ['age 12, 13 h: below light-work threshold', ['12', '13', '0', '0', '1', '6111', '0', '0', '0', '0', '0'], [1, 0, 0, 0, 0, 0, 0]],
  ['age 12, 14 h: at the threshold (>=)', ['12', '14', '0', '0', '1', '6111', '0', '0', '0', '0', '0'], [1, 0, 1, 1, 1, 1, 1]],
  ['age 15, 42 h in farming', ['15', '42', '0', '0', '1', '6111', '0', '0', '0', '0', '0'], [1, 0, 0, 0, 0, 0, 0]],
  ['age 15, 43 h: long hours', ['15', '43', '0', '0', '1', '6111', '0', '0', '0', '0', '0'], [1, 1, 1, 1, 1, 1, 1]],
  ['age 16, construction (ISIC 41)', ['16', '20', '0', '0', '41', '9313', '0', '0', '0', '0', '0'], [1, 1, 1, 1, 0, 0, 0]],
  ['age 14, mining labourer (ISCO 9311)', ['14', '10', '0', '0', '1', '9311', '0', '0', '0', '0', '0'], [1, 1, 1, 1, 0, 0, 0]],
  ['age 9, temporarily absent, 0 h', ['9', '0', '1', '0', _, _, '0', '0', '0', '0', '0'], [1, 0, 1, 1, 0, 0, 0]],
  ['age 13, 21 h of chores', ['13', '0', '0', '21', _, _, '0', '0', '0', '0', '0'], [0, 0, 0, 1, 0, 1, 1]],
  ['age 13, 20 h of chores', ['13', '0', '0', '20', _, _, '0', '0', '0', '0', '0'], [0, 0, 0, 0, 0, 0, 0]],
  ['age 16, 10 h, night work', ['16', '10', '0', '0', '1', '6111', '1', '0', '0', '0', '0'], [1, 1, 1, 1, 0, 0, 1]],
  ['age 11, dust but not working', ['11', '0', '0', '0', _, _, '0', '0', '0', '1', '0'], [0, 0, 0, 0, 0, 0, 0]],
  ['age 7, absent, hours missing', ['7', _, '1', '0', _, _, '0', '0', '0', '0', '0'], [1, _, 1, 1, _, _, _]],
  ['age 16, 50 h', ['16', '50', '0', '3', '1', '6111', '0', '0', '0', '0', '0'], [1, 1, 1, 1, 1, 1, 1]],
  ['age 17, 30 h, heavy loads flag unknown', ['17', '30', '0', '0', '1', '6111', '0', _, '0', '0', '0'], [1, _, _, _, 0, 0, _]],
];
export const COLUMNS = ['age', 'econ_hours', 'absent_job', 'chores_hours', 'isic2', 'isco4', 'night_work', 'heavy_loads', 'dangerous_tools', 'dust_fumes', 'extreme_temp'];
const FLAG = (c: string) => ({ columns: [c] });
export const MAPPING: Mapping = {
  weight: 'w',
  age: 'age',
  sex: { column: 'sex', male: '1', female: '2' },
  econHours: { columns: ['econ_hours'] },
  absentFromJob: { columns: ['absent_job'] },
  choresHours: { columns: ['chores_hours'] },
  industry: { column: 'isic2' },
  occupation: { column: 'isco4' },
  hazards: Object.fromEntries(COLUMNS.slice(6).map((c) => [c, FLAG(c)])),
};
