import { t, type Lang, type MessageKey } from '../export/i18n.js';
import { dimensionColumn } from '../import/labels.js';
import type { AnalysisResult } from '../run.js';

/**
 * The labels a data file carries (DataLabels of analysis/import/labels.ts, or the part of it an
 * export needs): value labels name the categories of regions and extra breakdowns ("Capital" for
 * region 1), variable labels name extra breakdowns. The app has them in its profile, the command line
 * in `imported.labels`; a CSV file has none, and codes are shown as they are.
 */
export interface FileLabels {
  values: Record<string, Record<string, string>>;
  variables?: Record<string, string>;
}

/**
 * A category as every medium names it: sex, area and age groups in the language's own words (so they
 * follow the language); regions and extra breakdowns by the file's value label, else the code.
 */
export function categoryLabel(result: AnalysisResult, lang: Lang, dim: string, code: string, labels?: FileLabels | null): string {
  const m = result.analysis.mapping;
  if (dim === 'sex' && (code === m.sex.male || code === m.sex.female)) return t(lang, code === m.sex.male ? 'sex.male' : 'sex.female');
  if (dim === 'area' && m.area && (code === m.area.urban || code === m.area.rural)) return t(lang, code === m.area.urban ? 'area.urban' : 'area.rural');
  if (dim === 'age_group') return t(lang, 'age.years', { label: code });
  const column = dimensionColumn(m, dim);
  return (column !== undefined ? labels?.values[column]?.[code] : undefined) ?? code;
}

const OWN_WORDS = ['total', 'age_group', 'region', 'area', 'sex'];

/** A dimension's heading: the language's word, or for an extra breakdown its variable label, else its name. */
export function dimensionLabel(lang: Lang, dim: string, labels?: FileLabels | null): string {
  if (OWN_WORDS.includes(dim)) return t(lang, `dim.${dim}` as MessageKey);
  return labels?.variables?.[dim] ?? dim;
}
