import { frameworkChanges, formatChanges, modifiedName, type ChangeWords } from '../frameworkChanges.js';
import { GLOBAL_ESTIMATES_HAZARDS, preset, presetIds } from '../frameworks.js';
import type { Framework, FrameworkChange, Indicator, Mapping, MissingHoursPolicy } from '../types.js';
import { frameworkName, indicatorName, t, type Lang, type MessageKey } from './i18n.js';
import { colonOf } from '../i18n/lang.js';

/**
 * The sentences that keep outputs honest about what was estimated, shared by every export (tables'
 * notes, the report, the workbook, the metadata block, chart subtitles) and by the app's Results and
 * Charts steps, so that they all say the same thing:
 * - an edited preset is named as the national variant it is, and "based on" the published one, with
 *   the rules it changed;
 * - hazardous work under a framework where hazards do not make child labour (SDG 8.7.1) is labelled
 *   as outside that definition, and kept out of key figures and the hazardous-work chart;
 * - the universe (who is in scope), the cluster choice and the missing-hours policy in words.
 */

const isPreset = (id: string) => presetIds().includes(id);

/**
 * How a published preset is named in `lang`. The exports use their catalogue's names; the app passes
 * its own (renderer/i18n), so that a screen names a preset as its menus do.
 */
export type PresetNamer = (lang: Lang, p: { id: string; name: string }) => string;

/** The published name of a preset in `lang` (translated when it is the preset's own name). */
const publishedName: PresetNamer = (lang, p) => (isPreset(p.id) ? frameworkName(lang, p, preset(p.id).name) : p.name);

/**
 * The framework's name as shown in `lang`: presets that were not renamed are translated, and so is
 * the automatic name of an edited preset ("<preset> - modified"); a name the user gave is kept.
 */
export function fwName(lang: Lang, fw: Framework, names: PresetNamer = publishedName): string {
  if (fw.basedOn && isPreset(fw.basedOn.id) && fw.name === modifiedName(fw.basedOn.name)) {
    return t(lang, 'fw.modified', { name: names(lang, fw.basedOn) });
  }
  return isPreset(fw.id) && preset(fw.id).name === fw.name ? names(lang, fw) : fw.name;
}

/**
 * The framework's source as shown in `lang`: the citation of a preset, or of the preset an edited
 * framework is based on while its source is the preset's, is translated; a source the user wrote is kept.
 */
export function fwSource(lang: Lang, fw: Framework): string {
  const id = [fw.id, fw.basedOn?.id].find((x) => x !== undefined && isPreset(x) && preset(x).source === fw.source);
  return id ? t(lang, `fw.${id}.source` as MessageKey) : fw.source;
}

function changeWords(lang: Lang): ChangeWords {
  const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
  return {
    band: (from, to) => t(lang, 'chg.band', { from, to }),
    econ: t(lang, 'chg.econ'),
    chores: t(lang, 'chg.chores'),
    employed: t(lang, 'chg.employed'),
    notCounted: t(lang, 'chg.notCounted'),
    // In words, not as code (a walk: ">= 14 h -> >= 12 h" in French and Spanish reports).
    hours: (op, min) => t(lang, op === '>' ? 'chg.hoursOver' : 'chg.hoursAtLeast', { min }),
    op: (op) => t(lang, op === '>' ? 'chg.opOver' : 'chg.opAtLeast'),
    comparison: t(lang, 'chg.comparison'),
    bands: t(lang, 'chg.bands'),
    industries: lower(t(lang, 'meta.fw.industries')),
    occupations: lower(t(lang, 'meta.fw.occupations')),
    longHours: lower(t(lang, 'meta.fw.longHours')),
    conditions: lower(t(lang, 'meta.fw.conditions')),
    allConditions: t(lang, 'chg.allConditions'),
    none: t(lang, 'meta.none'),
    notUsed: t(lang, 'rule.notUsed'),
    hazardsInChildLabour: lower(t(lang, 'meta.fw.hazardsInCl')),
    hazIn: {
      hazardous_work: t(lang, 'meta.fw.hazardsInCl.hazardous_work'),
      conditions: t(lang, 'meta.fw.hazardsInCl.conditions'),
      none: t(lang, 'meta.fw.hazardsInCl.none'),
    },
  };
}

/** The rules an edited preset changed, in `lang` (recomputed from the preset; else as stored). */
export function fwChanges(lang: Lang, fw: Framework): FrameworkChange[] {
  if (fw.basedOn && isPreset(fw.basedOn.id)) return frameworkChanges(preset(fw.basedOn.id), fw, changeWords(lang));
  return fw.changes ?? [];
}

export interface FrameworkOrigin {
  /** The published definition's name, in `lang`. */
  basedOn: string;
  /** The changed rules on one line; '' when the rules are the published ones. */
  changes: string;
  /** Both as one sentence: "Based on X; changed: ...". */
  sentence: string;
}

/** What a renamed or edited preset is based on; null for a preset as published or a custom framework. */
export function fwOrigin(lang: Lang, fw: Framework, names: PresetNamer = publishedName): FrameworkOrigin | null {
  if (!fw.basedOn) return null;
  const basedOn = names(lang, fw.basedOn);
  const changes = formatChanges(fwChanges(lang, fw), colonOf(lang));
  const sentence = changes ? t(lang, 'fw.basedOn', { framework: basedOn, changes }) : t(lang, 'fw.basedOnSame', { framework: basedOn });
  return { basedOn, changes, sentence };
}

/** Lines for a chart's subtitle: kept apart, so that no line gets long. */
export function fwOriginLines(lang: Lang, fw: Framework, names: PresetNamer = publishedName): string[] {
  const o = fwOrigin(lang, fw, names);
  if (!o) return [];
  return [t(lang, 'chart.basedOn', { framework: o.basedOn }), o.changes ? t(lang, 'chart.changed', { changes: o.changes }) : t(lang, 'chart.sameRules')];
}

/**
 * Whether the framework counts hazardous work in child labour (Global Estimates) or hazardous
 * conditions (MICS6 PR.3.4). Under SDG 8.7.1 (`none`) hazardous work is only computed by the
 * framework's hazardous lists for comparison: it is no part of that child labour, and boys' hazardous
 * work can exceed boys' child labour. Key figures and the hazardous-work chart then leave it out.
 */
export const countsHazards = (fw: Framework) => fw.hazardsInChildLabour !== 'none';

const sameHazards = (fw: Framework) => JSON.stringify(fw.hazardous) === JSON.stringify(GLOBAL_ESTIMATES_HAZARDS);

/** Whose criteria define hazardous work here: the Global Estimates' lists, or the framework's own. */
export function hazardCriteria(lang: Lang, fw: Framework): string {
  return t(lang, sameHazards(fw) ? 'hazard.criteria.ge' : 'hazard.criteria.own');
}

/** An indicator's name under a framework; hazardous work is labelled where the framework does not count it. */
export function indicatorLabel(lang: Lang, fw: Framework, ind: Indicator, lowerCase = false): string {
  const outside = !countsHazards(fw) && (ind === 'hazardous_work' || ind === 'child_labour_other_than_hazardous');
  if (outside) return t(lang, `${lowerCase ? 'indlc' : 'ind'}.${ind}.outside` as MessageKey, { criteria: hazardCriteria(lang, fw) });
  return lowerCase ? t(lang, `indlc.${ind}` as MessageKey) : indicatorName(lang, ind);
}

/** The universe's codes with their value labels where known: "FS17 = 1 (Completed)". */
export function universeText(lang: Lang, mapping: Mapping, labels?: Record<string, string>): string | null {
  const u = mapping.universe;
  if (!u) return null;
  const codes = u.keep.map((c) => (labels?.[c] ? `${c} (${labels[c]})` : c)).join(t(lang, 'universe.or'));
  return t(lang, 'universe.codes', { column: u.column, codes });
}

/** "Universe: FS17 = 1 (Completed). Rows outside it ...", or that no universe was set. */
export function universeStatement(lang: Lang, mapping: Mapping, labels?: Record<string, string>): string {
  const u = universeText(lang, mapping, labels);
  return u ? t(lang, 'note.universe', { universe: u }) : t(lang, 'note.universe.all');
}

/** Whether every child is its own sampling unit (chosen, or no cluster column mapped). */
export const withoutClusters = (m: Mapping) => m.noClusters === true || !m.psu;

/** The cluster choice in words ("No clusters: ... as the user chose", or the PSU column). */
export function designStatement(lang: Lang, m: Mapping): string {
  if (m.psu && m.noClusters !== true) {
    return m.stratum ? t(lang, 'note.clusters', { psu: m.psu, stratum: m.stratum }) : t(lang, 'note.clusters.noStrata', { psu: m.psu });
  }
  if (m.noClusters !== true) return t(lang, 'note.noClusters.unmapped');
  return m.stratum ? t(lang, 'note.noClusters.strata', { stratum: m.stratum }) : t(lang, 'note.noClusters');
}

export function missingHoursStatement(lang: Lang, policy: MissingHoursPolicy): string {
  return t(lang, policy === 'mics' ? 'methods.missing.mics' : 'methods.missing.unknown');
}

/** Universe, clusters and missing hours: the design choices every output states. */
export function designNotes(lang: Lang, m: Mapping, policy: MissingHoursPolicy, universeLabels?: Record<string, string>): string[] {
  return [universeStatement(lang, m, universeLabels), designStatement(lang, m), missingHoursStatement(lang, policy)];
}
