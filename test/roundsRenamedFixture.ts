import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Two rounds whose school attendance is one background characteristic in columns of different names
 * (a MICS-style "school" in the first round, the national survey's "asiste_escuela" in the second), built
 * from the rounds fixtures (test/fixtures/rounds) with a column added to each: 1 attends, 2 does not,
 * from a fixed hash of the row's number and the child's age (fewer 15-17 year olds attend). `second`
 * names the second round's column; `breakdowns` names the characteristic as the shared breakdowns do.
 * Written to `dir`; returns the rounds file's path.
 */
const DIR = new URL('./fixtures/rounds/', import.meta.url).pathname;

const attends = (row: number, age: number) => (((row * 2654435761) >>> 0) % 10 < (age >= 15 ? 5 : 8) ? '1' : '2');

function withSchool(src: string, ageColumn: string, name: string, out: string, district = false): void {
  const lines = readFileSync(join(DIR, src), 'utf8').trimEnd().split('\n');
  const age = lines[0]!.split(',').indexOf(ageColumn);
  const more = (i: number) => (district ? `,${1 + (i % 3)}` : '');
  writeFileSync(out, lines.map((l, i) => (i === 0 ? `${l},${name}${district ? ',district' : ''}` : `${l},${attends(i, Number(l.split(',')[age]))}${more(i)}`)).join('\n') + '\n');
}

/**
 * `district`: the second round also has an extra breakdown the first lacks (codes 1-3 by row).
 * `without`: that round (0 or 1) does not map school attendance (a survey without the question).
 */
export function renamedRounds(dir: string, o: { second: string; breakdowns: string; file?: string; district?: boolean; without?: 0 | 1 }): string {
  withSchool('round1_2015.csv', 'age', 'school', join(dir, 'r1.csv'));
  withSchool('round2_2021.csv', 'age_y', o.second, join(dir, `r2_${o.second}.csv`), o.district);
  const json = JSON.parse(readFileSync(join(DIR, 'rounds.analysis.json'), 'utf8'));
  delete json.$schema;
  json.rounds[0].data.path = 'r1.csv';
  json.rounds[1].data.path = `r2_${o.second}.csv`;
  json.rounds[0].mapping.background = { school_attendance: 'school' };
  json.rounds[1].mapping.background = { school_attendance: o.second };
  if (o.without !== undefined) delete json.rounds[o.without].mapping.background;
  json.breakdowns = [[], ['sex'], ['region'], [o.breakdowns], ['sex', o.breakdowns]];
  if (o.district) json.rounds[1].mapping.extras = ['district'];
  const file = join(dir, o.file ?? 'renamed.analysis.json');
  writeFileSync(file, JSON.stringify(json, null, 2));
  return file;
}
