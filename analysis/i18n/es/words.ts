import type { words as EN } from '../en/words.js';

/** Names of things in Spanish (English and what they are for: ../en/words.ts). */
export const words: Record<keyof typeof EN, string> = {
  'ind.children_in_employment': 'Niños y niñas ocupados',
  'ind.child_labour': 'Trabajo infantil',
  'ind.hazardous_work': 'Trabajo peligroso',
  'ind.child_labour_other_than_hazardous': 'Trabajo infantil distinto del trabajo peligroso',

  'role.weight': 'Factor de expansión',
  'role.stratum': 'Estrato',
  'role.psu': 'Conglomerado (UPM)',
  'role.age': 'Edad (años cumplidos)',
  'role.sex': 'Sexo',
  'role.region': 'Región',
  'role.area': 'Área',
  'role.econActivity': 'Actividad económica (sí si alguna)',
  'role.absentFromJob': 'Ausente temporalmente del trabajo',
  'role.econHours': 'Horas de actividad económica',
  'role.choresHours': 'Horas de quehaceres domésticos (suma)',
  'role.industry': 'Rama de actividad (CIIU Rev.4)',
  'role.occupation': 'Ocupación (CIUO-08)',
  'role.hazards': 'Condiciones peligrosas',
  'role.universe': 'Universo (a quién se incluye)',
  'role.fpc': 'Corrección por población finita',
  'role.hazardFlag': 'condición peligrosa {name}',
  'role.extraColumn': 'desagregación adicional {name}',

  'part.industry': 'la rama de actividad (CIIU Rev.4)',
  'part.occupation': 'la ocupación (CIUO-08)',
  'part.longHours': 'las jornadas largas (horas de actividad económica)',
  'part.conditions': 'las condiciones peligrosas',

  'effect.knownParts': 'cuentan solo sus partes conocidas (una parte desconocida cuenta como 0 horas)',
  'effect.belowThreshold': 'cuentan como por debajo de todos los umbrales de horas',
  'cluster.candidates': 'candidatas: {list}',
  'cluster.none': 'ninguna columna del archivo parece un conglomerado',
  'effect.leave': 'salen de los indicadores que necesitan sus horas',
  'effect.leaveAnswer': 'salen de los indicadores que decide su respuesta (un niño sigue contado donde decide otra parte: rama peligrosa, horas largas)',
  'effect.leaveHazard': 'salen del trabajo peligroso, y del trabajo infantil que este decide, salvo que decida otra parte (rama peligrosa, horas largas); los niños que se sabe que no trabajan no se cuentan aquí, su respuesta no cambia nada',
  'effect.readAsNo': 'se leen como «no» (la sintaxis MICS6 prueba = 1)',
  // An option's value in messages (missingHours, lonelyPsu): the analysis file's id beside the word.
  'policy.unknown': 'desconocidas (unknown)',
  'policy.mics': 'convención MICS (mics)',
  'policy.adjust': 'ajustar (adjust)',
  'policy.average': 'promedio de los demás estratos (average)',
  'policy.remove': 'quitar (remove)',
  'policy.certainty': 'UPM de inclusión forzosa (certainty)',
  'policy.fail': 'detenerse (fail)',

  'list.quotedJoin': '», «',

  'dim.total': 'Total',
  'dim.age_group': 'Grupo de edad',
  'dim.region': 'Región',
  'dim.area': 'Área de residencia',

  'bg.school_attendance': 'Asistencia escolar',
  'bg.functional_difficulty': 'Dificultades funcionales del niño o la niña',
  'bg.mother_education': 'Nivel educativo de la madre',
  'bg.wealth_quintile': 'Quintil del índice de riqueza',
  'bg.ethnicity': 'Etnia del jefe del hogar',
  'bg.wealth.1': 'Más pobre',
  'bg.wealth.2': 'Segundo',
  'bg.wealth.3': 'Medio',
  'bg.wealth.4': 'Cuarto',
  'bg.wealth.5': 'Más rico',

  'area.urban': 'Urbana',
  'area.rural': 'Rural',

  'age.years': '{label} años',
};
