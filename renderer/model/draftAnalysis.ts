import type { AnalysisFile, Dimension, FrameworkRef, Mapping } from '../../analysis/index.js';
import { breakdownColumns } from '../../analysis/background.js';
import { text, type Lang } from '../../analysis/i18n/index.js';
import type { MappingPreset } from './suggestMapping.js';

/**
 * The breakdowns of a survey report's table: each background characteristic alone (the total
 * column) and crossed with sex (the boys and girls columns and their gap); the MICS background
 * characteristics (mapping.background) in the MICS order, then the other extras.
 */
export function reportBreakdowns(m: Partial<Mapping>): Dimension[][] {
  return [[], ['sex'], ...characteristics(m).flatMap((d) => [[d], ['sex', d]])];
}

/** The characteristics a mapping offers beside sex: age group, the region and area when mapped, the background columns. */
const characteristics = (m: Partial<Mapping>): Dimension[] => ['age_group', ...(m.region ? ['region'] : []), ...(m.area ? ['area'] : []), ...breakdownColumns(m)];

/** Every dimension a mapping offers to break down by. */
const dimensionsOf = (m: Partial<Mapping>): Set<string> => new Set(['sex', ...characteristics(m)]);

const sameBreakdown = (a: Dimension[], b: Dimension[]) => a.length === b.length && a.every((d, i) => d === b[i]);

/**
 * The breakdowns after the mapping changes from `before` to `after`. A draft that still has the report's
 * breakdowns of its mapping gets those of the new one. Else (an analysis file's own list, with crossings
 * such as age group x region) the list is kept: less the breakdowns that name a dimension no longer
 * mapped, plus the report's breakdowns of a dimension newly mapped. Replacing it with the report's on
 * any edit (a missing code declared on the Map step) dropped a file's tables in silence (a walk).
 */
export function breakdownsAfter(breakdowns: Dimension[][], before: Partial<Mapping>, after: Partial<Mapping>): Dimension[][] {
  const usual = reportBreakdowns(before);
  if (breakdowns.length === usual.length && breakdowns.every((b, i) => sameBreakdown(b, usual[i]!))) return reportBreakdowns(after);
  const now = dimensionsOf(after);
  const then = dimensionsOf(before);
  const kept = breakdowns.filter((b) => b.every((d) => now.has(d)));
  const added = reportBreakdowns(after).filter((b) => b.some((d) => !then.has(d)) && !kept.some((k) => sameBreakdown(k, b)));
  return [...kept, ...added];
}

/**
 * A new analysis's frameworks: the global estimates' headline, and SDG 8.7.1 with household chores when
 * their hours are mapped, else its economic-activity series: the chores series needs them, and as the
 * default it stopped a fresh LFS file without chores (FRAMEWORK_NEEDS_ROLE) until unticked (a walk).
 */
export function draftFrameworks(m: Partial<Mapping>): FrameworkRef[] {
  return [{ preset: 'ilo_ge2020' }, { preset: m.choresHours ? 'sdg_871' : 'sdg_871_econ' }];
}

/**
 * The title in language `to`, when `title` is the one a draft was given in `from` for `file` (the
 * user has not retyped it): a title made in English stayed English on every export after a switch to
 * French (a walk). A title the user typed is theirs and is kept.
 */
export function titleInLanguage(title: string, file: string, from: Lang, to: Lang): string {
  return from !== to && isDraftTitle(title, file, from) ? text(to, 'draft.title', { file }) : title;
}

/** Whether `title` is the one a draft is given in `lang` for `file` (not one the user typed). */
export function isDraftTitle(title: string, file: string, lang: Lang): boolean {
  return title === text(lang, 'draft.title', { file });
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
    frameworks: draftFrameworks(mapping),
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
