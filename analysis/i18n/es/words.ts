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

  // The MICS6 hazardous conditions (CL4-CL6X) by the names the app gives them (import/suggestRoles.ts MICS6_HAZARDS).
  'hazard.heavy_loads': 'carga de objetos pesados',
  'hazard.dangerous_tools': 'herramientas peligrosas o maquinaria pesada',
  'hazard.dust_fumes': 'polvo, humo o gases',
  'hazard.extreme_temp': 'frío, calor o humedad extremos',
  'hazard.noise_vibration': 'ruido fuerte o vibraciones',
  'hazard.heights': 'trabajo en altura',
  'hazard.chemicals': 'productos químicos o explosivos',
  'hazard.other_hazard': 'otras cosas peligrosas o insalubres',

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

  // Why a delimited file's line cannot be read (DATA_CSV_MALFORMED's {detail}, loadDelimited.ts)
  'csvProblem.fields': 'tiene {fields} {fields|campo|campos} donde el encabezado tiene {expected}',
  'csvProblem.quote': 'un valor entre comillas no está cerrado (el archivo puede estar truncado)',
  'csvProblem.parser': 'el lector no puede leerla con esta configuración',
  'csvProblem.line': 'línea mal formada',
  'csvProblem.firstLine': 'la primera línea supera {bytes} bytes',

  // A file named in a message about a column that a join brought from another file (joinedColumns.ts)
  'file.joinedColumn': '{main} (la columna viene de {joinedFrom})',

  // What makes a framework invalid (frameworks.ts; FRAMEWORK_INVALID's {detail})
  "fwProblem.ownId": "sus reglas difieren de la definición publicada «{base}»: necesita un identificador propio (sin «id», recibe «{base}_modified»)",
  "fwProblem.ownName": "sus reglas difieren de la definición publicada: necesita un nombre propio, no «{name}» (sin «name», recibe «{suggested}»)",
  "fwProblem.id": "su identificador solo puede tener letras, cifras y _ . -",
  "fwProblem.comparison": "una comparación debe ser «>=» o «>»",
  "fwProblem.noBand": "necesita al menos un tramo de edad",
  "fwProblem.bandYears": "el tramo de edad {from}-{to} debe ser de años enteros, del menor al mayor",
  "fwProblem.bandOverlap": "el tramo de edad {from}-{to} se superpone al tramo anterior",
  "fwProblem.bandOrder": "el tramo de edad {from}-{to} viene después de un tramo mayor: enumere los tramos del más joven al mayor",
  "fwProblem.bandGap": "ningún tramo de edad cubre las edades {from}-{to}, entre dos tramos: deles un tramo propio (con regla económica \"none\" si ningún trabajo cuenta), para que todas las edades del marco se cuenten",
  "fwProblem.econRule": "tramo de edad {from}-{to}: la regla de la actividad económica debe ser employed, hours o none",
  "fwProblem.econHours": "tramo de edad {from}-{to}: las horas de actividad económica deben ser un número mayor o igual a 0",
  "fwProblem.choresHours": "tramo de edad {from}-{to}: las horas de quehaceres domésticos deben ser un número mayor o igual a 0",
  "fwProblem.longHours": "la jornada larga del trabajo peligroso debe ser un número mayor o igual a 0",
  "fwProblem.hazardLists": "el trabajo peligroso necesita una lista de ramas de actividad y una lista de ocupaciones",
  "fwProblem.codeWhole": "el código peligroso {code} debe ser un número entero",
  "fwProblem.industry": "la rama peligrosa {code} no es una división de la CIIU Rev.4 (1-99; la clase 0510 está en la división 5)",
  "fwProblem.occupation": "la ocupación peligrosa {code} no es un grupo primario de la CIUO-08 (4 cifras, como 9311)",
  "fwProblem.conditions": "las condiciones peligrosas deben ser una lista de nombres, o null",
  "fwProblem.hazardsInChildLabour": "el campo hazardsInChildLabour debe tomar uno de sus tres valores: todo el trabajo peligroso, solo las condiciones peligrosas, o ninguno",
};
