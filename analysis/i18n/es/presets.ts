import type { presets as EN } from '../en/presets.js';

/**
 * The framework presets in Spanish, in the ILO's and the UN's Spanish names: Estimaciones mundiales
 * 2020 de la OIT y UNICEF, ODS 8.7.1.
 */
export const presets: Record<keyof typeof EN, string> = {
  'fw.ilo_ge2020.name': 'Estimaciones mundiales 2020 de la OIT y UNICEF (medida principal)',
  'fw.ilo_ge2020.description': 'Niños y niñas de 5 a 11 años en cualquier ocupación, de 12 a 14 años ocupados 14 horas o más por semana (por encima de los trabajos ligeros permitidos), y niños y niñas de cualquier edad de 5 a 17 años en trabajo peligroso. Los quehaceres domésticos no se cuentan.',
  'fw.ilo_ge2020.source': "OIT y UNICEF (2021), Trabajo infantil: Estimaciones mundiales 2020, tendencias y el camino a seguir; definiciones estadísticas de la resolución de la 18.ª Conferencia Internacional de Estadísticos del Trabajo (CIET) sobre las estadísticas del trabajo infantil (2008).",
  'fw.ilo_ge2020_chores.name': 'Estimaciones mundiales 2020 de la OIT y UNICEF, con quehaceres domésticos',
  'fw.ilo_ge2020_chores.description': 'La medida principal, más los niños y niñas de 5 a 14 años que realizan quehaceres domésticos 21 horas o más por semana.',
  'fw.ilo_ge2020_chores.source': "OIT y UNICEF (2021), Trabajo infantil: Estimaciones mundiales 2020, tendencias y el camino a seguir; definiciones estadísticas de la resolución de la 18.ª Conferencia Internacional de Estadísticos del Trabajo (CIET) sobre las estadísticas del trabajo infantil (2008). Medida de sensibilidad que cuenta los servicios domésticos no remunerados peligrosos.",
  'fw.sdg_871_econ.name': 'ODS 8.7.1, solo actividad económica',
  'fw.sdg_871_econ.description': 'Actividad económica por encima de los umbrales de horas por edad: 1 hora de 5 a 11 años, 14 horas de 12 a 14 años, 43 horas de 15 a 17 años. No se cuentan los quehaceres domésticos ni las condiciones peligrosas.',
  'fw.sdg_871_econ.source': "Metadatos del indicador ODS 8.7.1 de las Naciones Unidas (febrero de 2021), serie SL_TLF_CHLDEA.",
  'fw.sdg_871.name': 'ODS 8.7.1 con quehaceres domésticos (MICS6 PR.3.3)',
  'fw.sdg_871.description': 'Actividad económica por encima de los umbrales por edad (1, 14, 43 horas) o quehaceres domésticos de 21 horas o más de 5 a 14 años. No se cuentan las condiciones peligrosas.',
  'fw.sdg_871.source': "Metadatos del indicador ODS 8.7.1 de las Naciones Unidas (febrero de 2021), serie SL_TLF_CHLDEC; plan de tabulación MICS6 de UNICEF, cuadro PR.3.3, tal como lo codifica la sintaxis SPSS estándar de MICS6 (umbrales >=).",
  'fw.mics6_hazard.name': 'MICS6 con condiciones peligrosas (PR.3.4)',
  'fw.mics6_hazard.description': 'Como el ODS 8.7.1 con quehaceres domésticos (PR.3.3), más los niños y niñas de cualquier edad ocupados que trabajan en alguna condición peligrosa (cargas pesadas, herramientas peligrosas, polvo o humos, temperaturas extremas, ...).',
  'fw.mics6_hazard.source': "Plan de tabulación MICS6 de UNICEF, cuadro PR.3.4.",
};
