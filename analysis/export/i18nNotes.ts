/**
 * The export texts that say what a definition is and how the run was designed: "based on" and the
 * changes of an edited preset, the labels of hazardous work where the framework does not count it,
 * the universe and the cluster choice. Kept beside i18n.ts (which spreads them into its catalogue,
 * so `t` knows them) to keep each file short; the keys follow the same conventions.
 */
export const NOTES_EN = {
  // edited presets
  'fw.modified': '{name} - modified',
  'fw.basedOn': 'Based on {framework}; changed: {changes}.',
  'fw.basedOnSame': 'Based on {framework}, with the same rules.',
  'meta.fw.basedOn': 'Based on (published definition)',
  'meta.fw.changes': 'Changed from the published definition',
  'chart.basedOn': 'Based on: {framework}',
  'chart.changed': 'Changed: {changes}',
  'chart.sameRules': 'Same rules as the published definition',
  'chg.band': 'ages {from}-{to}',
  'chg.econ': 'economic activity',
  'chg.chores': 'household chores',
  'chg.employed': 'any employment',
  'chg.notCounted': 'not counted',
  'chg.comparison': 'default comparison',
  'chg.bands': 'age bands',
  'chg.allConditions': 'every mapped condition',
  // hazardous work where the framework does not count hazards
  'hazard.criteria.ge': 'Global Estimates criteria',
  'hazard.criteria.own': "this framework's hazardous-work criteria",
  'ind.hazardous_work.outside': 'Hazardous work ({criteria}; not part of child labour under this framework)',
  'indlc.hazardous_work.outside': 'in hazardous work ({criteria}; not part of child labour under this framework)',
  'ind.child_labour_other_than_hazardous.outside': 'Child labour other than hazardous work (hazardous work by {criteria})',
  'indlc.child_labour_other_than_hazardous.outside': 'in child labour other than hazardous work (hazardous work by {criteria})',
  'report.hazardNotPart':
    'Hazardous work is not part of child labour under this framework, so it is not a key figure and has no chart here; the tables still give it ({criteria}), labelled as such.',
  'methods.hazard.outside':
    'Hazards do not make child labour under this framework: hazardous work ({criteria}) is reported beside it for comparison only.',
  // universe and design
  'meta.universe': 'Universe',
  'meta.designChoice': 'Design choice',
  'universe.codes': '{column} = {codes}',
  'universe.or': ' or ',
  'note.universe': 'Universe: {universe}. Rows outside it stay in the sample design but in no estimate, count or degrees of freedom.',
  'note.universe.all': 'Universe: every row of the data file (no universe filter was set).',
  'universe.all': 'every row of the data file (no universe filter was set)',
  'note.clusters': 'Clusters: primary sampling units from column {psu}, within strata from column {stratum}.',
  'note.clusters.noStrata': 'Clusters: primary sampling units from column {psu}, no strata.',
  'note.noClusters': 'No clusters: the design treats every child as its own sampling unit (simple random sample of children), as the user chose.',
  'note.noClusters.strata':
    'No clusters: the design treats every child as its own sampling unit (stratified simple random sample of children, strata from column {stratum}), as the user chose.',
  'note.noClusters.unmapped':
    'No clusters: no cluster (PSU) column was mapped, so the design treats every child as its own sampling unit; if the survey was drawn in clusters, standard errors are too small.',
  'note.design.noClusters':
    'Weighted percentages. Standard errors (SE, in percentage points) and {level} % confidence intervals ({ci}) take the sample design into account: {strata} strata, no clusters (every child is its own sampling unit), Taylor linearisation.',
  'methods.design.noClusters':
    'Every child in the sample stands for a number of children in the population (the survey weight). Percentages are weighted: the weighted number of children with the characteristic divided by the weighted number of children in the group. The uncertainty of each percentage is computed from the design (Taylor linearisation in {strata} strata) with every child as its own sampling unit, as chosen for this analysis: if the sample was in fact drawn in clusters, these standard errors are too small. Children whose answer is unknown are left out of that indicator only; they stay in the design.',
} as const;

export type NotesKey = keyof typeof NOTES_EN;

export const NOTES_FR: Record<NotesKey, string> = {
  'fw.modified': '{name} - modifié',
  'fw.basedOn': 'Fondé sur {framework} ; modifié : {changes}.',
  'fw.basedOnSame': 'Fondé sur {framework}, avec les mêmes règles.',
  'meta.fw.basedOn': 'Fondé sur (définition publiée)',
  'meta.fw.changes': 'Modifications par rapport à la définition publiée',
  'chart.basedOn': 'Fondé sur : {framework}',
  'chart.changed': 'Modifié : {changes}',
  'chart.sameRules': 'Mêmes règles que la définition publiée',
  'chg.band': 'âges {from}-{to}',
  'chg.econ': 'activité économique',
  'chg.chores': 'tâches ménagères',
  'chg.employed': 'tout emploi',
  'chg.notCounted': 'non compté',
  'chg.comparison': 'comparaison par défaut',
  'chg.bands': "tranches d'âge",
  'chg.allConditions': 'toutes les conditions associées',
  'hazard.criteria.ge': 'critères des Estimations mondiales',
  'hazard.criteria.own': 'critères de travaux dangereux de ce cadre de mesure',
  'ind.hazardous_work.outside': 'Travaux dangereux ({criteria} ; hors du travail des enfants dans ce cadre de mesure)',
  'indlc.hazardous_work.outside': 'effectuant des travaux dangereux ({criteria} ; hors du travail des enfants dans ce cadre de mesure)',
  'ind.child_labour_other_than_hazardous.outside': 'Travail des enfants hors travaux dangereux (travaux dangereux selon les {criteria})',
  'indlc.child_labour_other_than_hazardous.outside': 'astreints au travail des enfants hors travaux dangereux (travaux dangereux selon les {criteria})',
  'report.hazardNotPart':
    "Les travaux dangereux ne font pas partie du travail des enfants dans ce cadre de mesure : ils ne figurent ni parmi les chiffres clés ni dans les graphiques ; les tableaux les donnent encore ({criteria}), signalés comme tels.",
  'methods.hazard.outside':
    'Les dangers ne font pas le travail des enfants dans ce cadre de mesure : les travaux dangereux ({criteria}) sont donnés à côté, pour comparaison seulement.',
  'meta.universe': 'Univers',
  'meta.designChoice': 'Choix du plan',
  'universe.codes': '{column} = {codes}',
  'universe.or': ' ou ',
  'note.universe': "Univers : {universe}. Les lignes hors de l'univers restent dans le plan de sondage mais dans aucune estimation, aucun effectif ni aucun degré de liberté.",
  'note.universe.all': "Univers : toutes les lignes du fichier de données (aucun filtre d'univers n'a été défini).",
  'universe.all': "toutes les lignes du fichier de données (aucun filtre d'univers n'a été défini)",
  'note.clusters': 'Grappes : unités primaires de la colonne {psu}, dans les strates de la colonne {stratum}.',
  'note.clusters.noStrata': 'Grappes : unités primaires de la colonne {psu}, sans strates.',
  'note.noClusters': "Sans grappes : le plan traite chaque enfant comme sa propre unité de sondage (sondage aléatoire simple d'enfants), comme l'utilisateur l'a choisi.",
  'note.noClusters.strata':
    "Sans grappes : le plan traite chaque enfant comme sa propre unité de sondage (sondage aléatoire simple stratifié d'enfants, strates de la colonne {stratum}), comme l'utilisateur l'a choisi.",
  'note.noClusters.unmapped':
    "Sans grappes : aucune colonne de grappes (unités primaires) n'a été associée, le plan traite donc chaque enfant comme sa propre unité de sondage ; si l'enquête a été tirée par grappes, les erreurs types sont trop petites.",
  'note.design.noClusters':
    'Pourcentages pondérés. Les erreurs types (en points de pourcentage) et les intervalles de confiance à {level} % ({ci}) tiennent compte du plan de sondage : {strata} strates, sans grappes (chaque enfant est sa propre unité de sondage), linéarisation de Taylor.',
  'methods.design.noClusters':
    "Chaque enfant de l'échantillon représente un certain nombre d'enfants de la population (le poids de sondage). Les pourcentages sont pondérés : le nombre pondéré d'enfants présentant la caractéristique divisé par le nombre pondéré d'enfants du groupe. L'incertitude de chaque pourcentage est calculée à partir du plan (linéarisation de Taylor dans {strata} strates), chaque enfant étant sa propre unité de sondage, comme choisi pour cette analyse : si l'échantillon a en fait été tiré par grappes, ces erreurs types sont trop petites. Un enfant dont la réponse est inconnue est exclu de cet indicateur seulement ; il reste dans le plan.",
};
