import type { AnalysisFile, Dimension, Mapping } from '../../analysis/index.js';
import { breakdownColumns } from '../../analysis/background.js';
import { text, type Lang } from '../../analysis/i18n/index.js';
import type { MappingPreset } from './suggestMapping.js';

/**
 * The breakdowns of a survey report's table: each background characteristic alone (the total
 * column) and crossed with sex (the boys and girls columns and their gap); the MICS background
 * characteristics (mapping.background) in the MICS order, then the other extras.
 */
export function reportBreakdowns(m: Partial<Mapping>): Dimension[][] {
  const dims: Dimension[] = ['age_group', ...(m.region ? ['region'] : []), ...(m.area ? ['area'] : []), ...breakdownColumns(m)];
  return [[], ['sex'], ...dims.flatMap((d) => [[d], ['sex', d]])];
}

/**
 * A new analysis for a data file: two widely used frameworks, the conventions of the file's layout, a
 * title in the language of the screen (it heads the exports and names the rounds).
 */
export function draftAnalysis(dataFile: string, mapping: Partial<Mapping>, preset: MappingPreset, lang: Lang = 'en'): AnalysisFile {
  return {
    version: 1,
    title: text(lang, 'draft.title', { file: dataFile }),
    data: { path: dataFile },
    mapping: mapping as Mapping,
    frameworks: [{ preset: 'ilo_ge2020' }, { preset: 'sdg_871' }],
    breakdowns: reportBreakdowns(mapping),
    options: {
      // MICS convention for don't-know hours (the MICS6 syntax); elsewhere such children leave the indicator.
      missingHours: preset === 'mics6' ? 'mics' : 'unknown',
      lonelyPsu: 'adjust',
      ci: 'logit',
      level: 0.95,
      smallCell: { rule: 'mics-dhs' },
    },
  };
}

/** The analysis file as saved: pretty JSON, the data path reduced to the file's name (kept beside it). */
export function analysisJson(a: AnalysisFile): string {
  return JSON.stringify(a, null, 2) + '\n';
}
