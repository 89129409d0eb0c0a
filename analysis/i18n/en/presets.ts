/**
 * The published framework presets by name, description and source, as the screen, the exports and
 * the core's messages show them (analysis/frameworks.ts keeps their ids and rules, and takes its
 * English names and sources from here). A source is a citation: a document's title in the
 * language's own published title where one exists.
 */
export const presets = {
  'fw.ilo_ge2020.name': 'ILO/UNICEF Global Estimates 2020 (headline)',
  'fw.ilo_ge2020.description': 'Children aged 5-11 in any employment, 12-14 in employment for 14 hours or more a week (above permissible light work), and children of any age 5-17 in hazardous work. Household chores are not counted.',
  'fw.ilo_ge2020.source': "ILO and UNICEF (2021), Child Labour: Global estimates 2020, trends and the road forward; statistical definitions of the 18th ICLS resolution concerning statistics of child labour (2008).",
  'fw.ilo_ge2020_chores.name': 'ILO/UNICEF Global Estimates 2020, including household chores',
  'fw.ilo_ge2020_chores.description': 'The headline measure, plus children aged 5-14 doing household chores for 21 hours or more a week.',
  'fw.ilo_ge2020_chores.source': "ILO and UNICEF (2021), Child Labour: Global estimates 2020, trends and the road forward; statistical definitions of the 18th ICLS resolution concerning statistics of child labour (2008). Sensitivity measure counting hazardous unpaid household services.",
  'fw.sdg_871_econ.name': 'SDG 8.7.1, economic activity only',
  'fw.sdg_871_econ.description': 'Economic activity above the age-specific hour thresholds: 1 hour at ages 5-11, 14 hours at 12-14, 43 hours at 15-17. Household chores and hazardous conditions are not counted.',
  'fw.sdg_871_econ.source': "UN SDG indicator metadata 8.7.1 (February 2021), series SL_TLF_CHLDEA.",
  'fw.sdg_871.name': 'SDG 8.7.1 including household chores (MICS6 PR.3.3)',
  'fw.sdg_871.description': 'Economic activity above the age-specific thresholds (1, 14, 43 hours) or household chores of 21 hours or more at ages 5-14. Hazardous conditions are not counted.',
  'fw.sdg_871.source': "UN SDG indicator metadata 8.7.1 (February 2021), series SL_TLF_CHLDEC; UNICEF MICS6 tabulation plan, table PR.3.3, as coded in the MICS6 standard SPSS syntax (>= thresholds).",
  'fw.mics6_hazard.name': 'MICS6 including hazardous conditions (PR.3.4)',
  'fw.mics6_hazard.description': 'As SDG 8.7.1 including chores (PR.3.3), plus children of any age in employment who work under any hazardous condition (heavy loads, dangerous tools, dust or fumes, extreme temperature, ...).',
  'fw.mics6_hazard.source': "UNICEF MICS6 tabulation plan, table PR.3.4.",
} as const;
