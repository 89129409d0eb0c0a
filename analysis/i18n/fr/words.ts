import type { words as EN } from '../en/words.js';

/** Names of things in French (English and what they are for: ../en/words.ts). */
export const words: Record<keyof typeof EN, string> = {
  'ind.children_in_employment': 'Enfants occupés économiquement',
  'ind.child_labour': 'Travail des enfants',
  'ind.hazardous_work': 'Travail dangereux',
  'ind.child_labour_other_than_hazardous': 'Travail des enfants hors travail dangereux',

  'role.weight': "Poids d'échantillonnage",
  'role.stratum': 'Strate',
  'role.psu': 'Grappe (UPE)',
  'role.age': 'Âge (années révolues)',
  'role.sex': 'Sexe',
  'role.region': 'Région',
  'role.area': 'Milieu',
  'role.econActivity': 'Activité économique (oui si au moins une)',
  'role.absentFromJob': 'Temporairement absent du travail',
  'role.econHours': "Heures d'activité économique",
  'role.choresHours': 'Heures de tâches ménagères (somme)',
  'role.industry': 'Branche (CITI Rév.4)',
  'role.occupation': 'Profession (CITP-08)',
  'role.hazards': 'Conditions dangereuses',
  'role.universe': 'Champ (qui est concerné)',
  'role.fpc': 'Correction pour population finie',
  'role.hazardFlag': 'condition dangereuse {name}',
  'role.extraColumn': 'ventilation supplémentaire {name}',

  'part.industry': "la branche d'activité (CITI Rév.4)",
  'part.occupation': 'la profession (CITP-08)',
  'part.longHours': "les longues heures (heures d'activité économique)",
  'part.conditions': 'les conditions dangereuses',

  // The MICS6 hazardous conditions (CL4-CL6X) by the names the app gives them (import/suggestRoles.ts MICS6_HAZARDS).
  'hazard.heavy_loads': 'port de charges lourdes',
  'hazard.dangerous_tools': 'outils dangereux ou machines lourdes',
  'hazard.dust_fumes': 'poussière, fumées ou gaz',
  'hazard.extreme_temp': 'froid, chaleur ou humidité extrêmes',
  'hazard.noise_vibration': 'bruit fort ou vibrations',
  'hazard.heights': 'travail en hauteur',
  'hazard.chemicals': 'produits chimiques ou explosifs',
  'hazard.other_hazard': 'autres choses dangereuses ou malsaines',

  'effect.knownParts': 'ne comptent que leurs parties connues (une partie inconnue compte pour 0 heure)',
  'effect.belowThreshold': "comptent comme sous tous les seuils d'heures",
  'cluster.candidates': 'candidates : {list}',
  'cluster.none': 'aucune colonne du fichier ne ressemble à une grappe',
  'effect.leave': 'sortent des indicateurs qui ont besoin de leurs heures',
  'effect.leaveAnswer': "sortent des indicateurs que leur réponse décide (un enfant reste compté là où une autre partie décide : branche dangereuse, longues heures)",
  'effect.leaveHazard': "sortent du travail dangereux, et du travail des enfants qu'il décide, sauf si une autre partie décide (branche dangereuse, longues heures) ; les enfants dont on sait qu'ils ne travaillent pas ne sont pas comptés ici, leur réponse ne change rien",
  'effect.readAsNo': 'sont lus comme « non » (la syntaxe MICS6 teste = 1)',
  // An option's value in messages (missingHours, lonelyPsu): the analysis file's id beside the word.
  'policy.unknown': 'inconnues (unknown)',
  'policy.mics': 'convention MICS (mics)',
  'policy.adjust': 'ajuster (adjust)',
  'policy.average': 'moyenne des autres strates (average)',
  'policy.remove': 'retirer (remove)',
  'policy.certainty': 'UPE certaine (certainty)',
  'policy.fail': 'arrêt (fail)',

  'list.quotedJoin': ' », « ',

  'dim.total': 'Ensemble',
  'dim.age_group': "Groupe d'âge",
  'dim.region': 'Région',
  'dim.area': 'Milieu de résidence',

  'bg.school_attendance': 'Fréquentation scolaire',
  'bg.functional_difficulty': "Difficultés fonctionnelles de l'enfant",
  'bg.mother_education': "Niveau d'instruction de la mère",
  'bg.wealth_quintile': "Quintile de l'indice de richesse",
  'bg.ethnicity': 'Ethnie du chef de ménage',
  'bg.wealth.1': 'Le plus pauvre',
  'bg.wealth.2': 'Deuxième',
  'bg.wealth.3': 'Moyen',
  'bg.wealth.4': 'Quatrième',
  'bg.wealth.5': 'Le plus riche',

  'area.urban': 'Urbain',
  'area.rural': 'Rural',

  'age.years': '{label} ans',

  // Why a delimited file's line cannot be read (DATA_CSV_MALFORMED's {detail}, loadDelimited.ts)
  'csvProblem.fields': "elle a {fields} {fields|champ|champs} là où l'en-tête en a {expected}",
  'csvProblem.quote': "une valeur entre guillemets n'est pas fermée (le fichier est peut-être tronqué)",
  'csvProblem.parser': "le lecteur ne peut pas la lire avec ces réglages",
  'csvProblem.line': 'ligne mal formée',
  'csvProblem.firstLine': 'la première ligne dépasse {bytes} octets',

  // A file named in a message about a column that a join brought from another file (joinedColumns.ts)
  'file.joinedColumn': '{main} (la colonne vient de {joinedFrom})',

  // What makes a framework invalid (frameworks.ts; FRAMEWORK_INVALID's {detail})
  "fwProblem.ownId": "ses règles diffèrent de la définition publiée « {base} » : il lui faut un identifiant propre (sans « id », il reçoit « {base}_modified »)",
  "fwProblem.ownName": "ses règles diffèrent de la définition publiée : il lui faut un nom propre, pas « {name} » (sans « name », il reçoit « {suggested} »)",
  "fwProblem.id": "son identifiant ne peut contenir que des lettres, des chiffres et _ . -",
  "fwProblem.comparison": "une comparaison doit être « >= » ou « > »",
  "fwProblem.noBand": "il lui faut au moins une tranche d'âge",
  "fwProblem.bandYears": "la tranche d'âge {from}-{to} doit être en années entières, de la plus basse à la plus haute",
  "fwProblem.bandOverlap": "la tranche d'âge {from}-{to} chevauche la tranche précédente",
  "fwProblem.bandOrder": "la tranche d'âge {from}-{to} vient après une tranche plus âgée : listez les tranches de la plus jeune à la plus âgée",
  "fwProblem.bandGap": "aucune tranche d'âge ne couvre les âges {from}-{to}, entre deux tranches : donnez-leur une tranche (de règle économique \"none\" si aucun travail ne compte), pour que tous les âges du cadre soient comptés",
  "fwProblem.econRule": "tranche d'âge {from}-{to} : la règle de l'activité économique doit être employed, hours ou none",
  "fwProblem.econHours": "tranche d'âge {from}-{to} : les heures d'activité économique doivent être un nombre supérieur ou égal à 0",
  "fwProblem.choresHours": "tranche d'âge {from}-{to} : les heures de tâches ménagères doivent être un nombre supérieur ou égal à 0",
  "fwProblem.longHours": "la durée longue du travail dangereux doit être un nombre supérieur ou égal à 0",
  "fwProblem.hazardLists": "le travail dangereux demande une liste de branches d'activité et une liste de professions",
  "fwProblem.codeWhole": "le code dangereux {code} doit être un nombre entier",
  "fwProblem.industry": "la branche dangereuse {code} n'est pas une division de la CITI Rév.4 (1-99 ; la classe 0510 est dans la division 5)",
  "fwProblem.occupation": "la profession dangereuse {code} n'est pas un groupe de base de la CITP-08 (4 chiffres, comme 9311)",
  "fwProblem.conditions": "les conditions dangereuses doivent être une liste de noms, ou null",
  "fwProblem.hazardsInChildLabour": "le champ hazardsInChildLabour doit prendre l'une de ses trois valeurs : tout le travail dangereux, les conditions dangereuses seules, ou aucun",
};
