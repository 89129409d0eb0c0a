import { backgroundOf, WEALTH_CODES } from '../background.js';
import { t, type Lang, type MessageKey } from '../export/i18n.js';
import { dimensionColumn } from '../import/labels.js';
import type { AnalysisResult } from '../run.js';
import type { Mapping } from '../types.js';

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
 * follow the language); regions and extra breakdowns by the file's value label, else the code. A
 * wealth index quintile without value labels (a CSV) has the MICS words for its codes 1-5.
 */
export function categoryLabel(result: AnalysisResult, lang: Lang, dim: string, code: string, labels?: FileLabels | null): string {
  const m = result.analysis.mapping;
  if (dim === 'sex' && (code === m.sex.male || code === m.sex.female)) return t(lang, code === m.sex.male ? 'sex.male' : 'sex.female');
  if (dim === 'area' && m.area && (code === m.area.urban || code === m.area.rural)) return t(lang, code === m.area.urban ? 'area.urban' : 'area.rural');
  if (dim === 'age_group') return t(lang, 'age.years', { label: code });
  const column = dimensionColumn(m, dim);
  const own = column !== undefined ? labels?.values[column]?.[code] : undefined;
  if (own !== undefined) return own;
  const quintile = WEALTH_CODES.find((c) => c === code);
  if (quintile && column !== undefined && backgroundOf(m, column) === 'wealth_quintile') return t(lang, `bg.wealth.${quintile}`);
  return code;
}

const OWN_WORDS = ['total', 'age_group', 'region', 'area', 'sex'];

/**
 * A dimension's heading, the one every medium shows (tables, charts, metadata, workbook, report, the
 * app): the language's word for total, sex, age group, region and area, and for a background
 * characteristic of the mapping ("Wealth index quintile"); an extra breakdown by its variable label,
 * else its name. Pass the analysis' mapping: without it a background column is headed as an extra.
 */
export function dimensionLabel(lang: Lang, dim: string, labels?: FileLabels | null, mapping?: Pick<Mapping, 'background'>): string {
  if (OWN_WORDS.includes(dim)) return t(lang, `dim.${dim}` as MessageKey);
  const bg = backgroundOf(mapping, dim);
  if (bg) return t(lang, `bg.${bg}`);
  return labels?.variables?.[dim] ?? dim;
}
