import type { AnalysisResult, DataLabels, Framework, Indicator } from '../../analysis/index.js';
import { countsHazards, designNotes, fwName, fwOrigin, fwOriginLines, hazardCriteria, indicatorLabel, type PresetNamer } from '../../analysis/export/statements.js';
import { en, translate, type Lang, type MessageKey } from '../i18n/translate.js';

/**
 * What the Results and Charts steps say about the definition and the design, in the words of the
 * exports (analysis/export/statements.ts), so that the screen and every file agree:
 * an edited preset is named as the national variant it is and "based on" the published definition
 * with its changes; hazardous work under SDG 8.7.1 is labelled as outside that definition and gets
 * no "within child labour" chart; the universe, the cluster choice and the missing-hours policy.
 */

/** Presets by the app's own names (as the Define step and the framework menu show them). */
const appNames: PresetNamer = (lang, p) => {
  const key = `fw.${p.id}.name` as MessageKey;
  return key in en ? translate(lang, key) : p.name;
};

/** The framework's name as the exports give it ("… - modified" for an edited preset without a name of its own). */
export const frameworkTitle = (lang: Lang, fw: Framework) => fwName(lang, fw, appNames);

/** "Based on <published>; changed: …", or null for a preset as published. */
export const basedOnSentence = (lang: Lang, fw: Framework) => fwOrigin(lang, fw, appNames)?.sentence ?? null;

/** The same as two short lines (the Charts step's hint). */
export const basedOnLines = (lang: Lang, fw: Framework) => fwOriginLines(lang, fw, appNames);

/** An indicator's name under a framework: hazardous work is labelled where the framework does not count it. */
export const indicatorTitle = (lang: Lang, fw: Framework, ind: Indicator) => indicatorLabel(lang, fw, ind);

/**
 * Whether the Charts step draws hazardous work within child labour: not where hazards do not make
 * child labour (SDG 8.7.1), which would present hazardous work as part of that definition.
 */
export const drawsHazardChart = (fw: Framework) => countsHazards(fw);

/** Whose criteria define hazardous work (for the note that replaces the chart). */
export const hazardCriteriaText = (lang: Lang, fw: Framework) => hazardCriteria(lang, fw);

/** The notes under the Results table: what the framework is based on, then universe, clusters, missing hours. */
export function resultNotes(lang: Lang, result: AnalysisResult, fw: Framework, labels: DataLabels | null): string[] {
  const a = result.analysis;
  const u = a.mapping.universe;
  const origin = basedOnSentence(lang, fw);
  return [...(origin ? [origin] : []), ...designNotes(lang, a.mapping, a.options.missingHours, u ? labels?.values[u.column] : undefined)];
}
