import type { presets as EN } from '../en/presets.js';

/** The framework presets in French (the same names on screen and in the exports). */
export const presets: Record<keyof typeof EN, string> = {
  'fw.ilo_ge2020.name': 'Estimations mondiales OIT/UNICEF 2020 (mesure principale)',
  'fw.ilo_ge2020.description': 'Enfants de 5 à 11 ans dans tout emploi, de 12 à 14 ans en emploi 14 heures ou plus par semaine (au-delà des travaux légers autorisés), et enfants de tout âge de 5 à 17 ans dans un travail dangereux. Les tâches ménagères ne sont pas comptées.',
  'fw.ilo_ge2020.source': "OIT et UNICEF (2021), Travail des enfants : estimations mondiales 2020, tendances et chemin à parcourir ; définitions statistiques de la résolution de la 18e Conférence internationale des statisticiens du travail (CIST) concernant les statistiques du travail des enfants (2008).",
  'fw.ilo_ge2020_chores.name': 'Estimations mondiales OIT/UNICEF 2020, tâches ménagères comprises',
  'fw.ilo_ge2020_chores.description': 'La mesure principale, plus les enfants de 5 à 14 ans effectuant 21 heures ou plus de tâches ménagères par semaine.',
  'fw.ilo_ge2020_chores.source': "OIT et UNICEF (2021), Travail des enfants : estimations mondiales 2020, tendances et chemin à parcourir ; définitions statistiques de la résolution de la 18e Conférence internationale des statisticiens du travail (CIST) concernant les statistiques du travail des enfants (2008). Mesure de sensibilité comptant les services ménagers non rémunérés dangereux.",
  'fw.sdg_871_econ.name': 'ODD 8.7.1, activité économique seulement',
  'fw.sdg_871_econ.description': "Activité économique au-delà des seuils d'heures par âge : 1 heure de 5 à 11 ans, 14 heures de 12 à 14 ans, 43 heures de 15 à 17 ans. Les tâches ménagères et les conditions dangereuses ne sont pas comptées.",
  'fw.sdg_871_econ.source': "Métadonnées de l'indicateur ODD 8.7.1 des Nations Unies (février 2021), série SL_TLF_CHLDEA.",
  'fw.sdg_871.name': 'ODD 8.7.1, tâches ménagères comprises (MICS6 PR.3.3)',
  'fw.sdg_871.description': 'Activité économique au-delà des seuils par âge (1, 14, 43 heures) ou tâches ménagères de 21 heures ou plus de 5 à 14 ans. Les conditions dangereuses ne sont pas comptées.',
  'fw.sdg_871.source': "Métadonnées de l'indicateur ODD 8.7.1 des Nations Unies (février 2021), série SL_TLF_CHLDEC ; plan de tabulation MICS6 de l'UNICEF, tableau PR.3.3, tel que codé dans la syntaxe SPSS standard de MICS6 (seuils >=).",
  'fw.mics6_hazard.name': 'MICS6, conditions dangereuses comprises (PR.3.4)',
  'fw.mics6_hazard.description': "Comme l'ODD 8.7.1 tâches ménagères comprises (PR.3.3), plus les enfants de tout âge en emploi qui travaillent dans une condition dangereuse (charges lourdes, outils dangereux, poussières ou fumées, températures extrêmes, ...).",
  'fw.mics6_hazard.source': "Plan de tabulation MICS6 de l'UNICEF, tableau PR.3.4.",
};
