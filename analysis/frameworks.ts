import { frameworkChanges, modifiedName } from './frameworkChanges.js';
import { text, type TextKey } from './i18n/index.js';
import { AnalysisError } from './messages.js';
import type { Framework, FrameworkRef, HazardDefinition } from './types.js';
import { MAX_WEEK_HOURS } from './weekHours.js';

/**
 * The measurement frameworks, as data. Each preset states its source; a custom framework is a preset
 * with edits (age bands, thresholds, comparison, hazardous lists, counted conditions), so a national
 * definition needs no code. The rules and their sources are in ../shared/definitions.md section 3 and
 * docs/methods.md.
 */

/** Hazardous work as in the ILO/UNICEF Global Estimates 2020 (and the reference files). */
export const GLOBAL_ESTIMATES_HAZARDS: HazardDefinition = {
  // ISIC Rev.4 section B (mining and quarrying, divisions 05-09) and section F (construction, 41-43).
  industries: [5, 6, 7, 8, 9, 41, 42, 43],
  // ISCO-08: hunters and trappers, bricklayers, welders, miners, mining and construction labourers, refuse sorters.
  occupations: [6224, 7112, 7212, 8111, 9311, 9312, 9612],
  // 43 hours or more, whatever the framework's comparison: definitions.md words long hours "43 or more"
  // (section 2) and the SDG metadata's "more than" only for 43 hours at 15-17 and 21 hours of chores
  // (section 3), so hazardous work is the same under every framework, as the reference files compute it.
  longHours: { min: 43, op: '>=' },
  conditions: null,
};

/**
 * Names, descriptions and sources of the presets come from the message catalogue (analysis/i18n/en/presets.ts,
 * and the same keys in every language), so that the screen and the exports show the same words.
 */
const en = (key: TextKey) => text('en', key);

/**
 * SDG 8.7.1's age bands and thresholds with household chores (definitions.md, section 3; MICS6 table
 * PR.3.3): economic activity of 1 hour or more at 5-11, 14 or more at 12-14, 43 at 15-17 (compared by
 * the framework's comparison, >= in MICS6's syntax); 21 hours of chores at 5-14. MICS6's hazard
 * variant counts children by the same bands (it differs in counting hazardous conditions).
 */
const SDG_871_BANDS: Framework['bands'] = [
  { from: 5, to: 11, econ: { rule: 'hours', min: 1, op: '>=' }, chores: { min: 21 } },
  { from: 12, to: 14, econ: { rule: 'hours', min: 14, op: '>=' }, chores: { min: 21 } },
  { from: 15, to: 17, econ: { rule: 'hours', min: 43 }, chores: null },
];

const PRESETS: Framework[] = [
  {
    id: 'ilo_ge2020',
    name: en('fw.ilo_ge2020.name'),
    source: en('fw.ilo_ge2020.source'),
    description: en('fw.ilo_ge2020.description'),
    comparison: '>=',
    bands: [
      { from: 5, to: 11, econ: { rule: 'employed' }, chores: null },
      // 14 hours or more at 12-14, whatever the comparison: the SDG 8.7.1 metadata says "at least 14 hours"
      // there and "more than" only for 43 hours at 15-17 and 21 hours of chores (definitions.md, section 3).
      { from: 12, to: 14, econ: { rule: 'hours', min: 14, op: '>=' }, chores: null },
      { from: 15, to: 17, econ: { rule: 'none' }, chores: null },
    ],
    hazardous: GLOBAL_ESTIMATES_HAZARDS,
    hazardsInChildLabour: 'hazardous_work',
  },
  {
    id: 'ilo_ge2020_chores',
    name: en('fw.ilo_ge2020_chores.name'),
    source: en('fw.ilo_ge2020_chores.source'),
    description: en('fw.ilo_ge2020_chores.description'),
    comparison: '>=',
    bands: [
      { from: 5, to: 11, econ: { rule: 'employed' }, chores: { min: 21 } },
      { from: 12, to: 14, econ: { rule: 'hours', min: 14, op: '>=' }, chores: { min: 21 } },
      { from: 15, to: 17, econ: { rule: 'none' }, chores: null },
    ],
    hazardous: GLOBAL_ESTIMATES_HAZARDS,
    hazardsInChildLabour: 'hazardous_work',
  },
  {
    id: 'sdg_871_econ',
    name: en('fw.sdg_871_econ.name'),
    source: en('fw.sdg_871_econ.source'),
    description: en('fw.sdg_871_econ.description'),
    comparison: '>=',
    bands: [
      { from: 5, to: 11, econ: { rule: 'hours', min: 1, op: '>=' }, chores: null },
      { from: 12, to: 14, econ: { rule: 'hours', min: 14, op: '>=' }, chores: null },
      { from: 15, to: 17, econ: { rule: 'hours', min: 43 }, chores: null },
    ],
    hazardous: GLOBAL_ESTIMATES_HAZARDS,
    hazardsInChildLabour: 'none',
  },
  {
    id: 'sdg_871',
    name: en('fw.sdg_871.name'),
    source: en('fw.sdg_871.source'),
    description: en('fw.sdg_871.description'),
    comparison: '>=',
    bands: SDG_871_BANDS,
    hazardous: GLOBAL_ESTIMATES_HAZARDS,
    hazardsInChildLabour: 'none',
  },
  {
    id: 'mics6_hazard',
    name: en('fw.mics6_hazard.name'),
    source: en('fw.mics6_hazard.source'),
    description: en('fw.mics6_hazard.description'),
    comparison: '>=',
    bands: SDG_871_BANDS,
    hazardous: GLOBAL_ESTIMATES_HAZARDS,
    hazardsInChildLabour: 'conditions',
  },
];

/** The ages the frameworks count, youngest to oldest (their bands together): the scope of validation and estimates. */
export function agesCounted(frameworks: Framework[]): { from: number; to: number } {
  const bands = frameworks.flatMap((f) => f.bands);
  return { from: Math.min(...bands.map((b) => b.from)), to: Math.max(...bands.map((b) => b.to)) };
}

export function presetIds(): string[] {
  return PRESETS.map((p) => p.id);
}

/** A copy of a preset (presets are never mutated). */
export function preset(id: string): Framework {
  const p = PRESETS.find((f) => f.id === id);
  if (!p) throw new AnalysisError('FRAMEWORK_UNKNOWN_PRESET', { preset: id, known: presetIds().join(', ') });
  return structuredClone(p);
}

/**
 * Resolves a framework reference of an analysis file to a checked framework.
 *
 * An edited preset whose rules differ from the published ones is a national variant, never the
 * published definition: it gets its own id (the user's, else `<preset>_modified`) and name (the
 * user's, else "<preset name> - modified"), and carries `basedOn` (the published definition) and
 * `changes` (what differs, in words), which every output shows. An edit that changes nothing keeps
 * the preset as published. A renamed preset keeps its rules and says what it is based on.
 */
export function resolveFramework(ref: FrameworkRef): Framework {
  let fw: Framework;
  if ('custom' in ref) {
    fw = structuredClone(ref.custom);
    checkFramework(fw);
    // A custom framework that names the preset it comes from (a resolved framework saved as custom)
    // gets its changes recomputed, so the list always matches its rules.
    if (fw.basedOn && presetIds().includes(fw.basedOn.id)) fw.changes = frameworkChanges(preset(fw.basedOn.id), fw);
    return fw;
  }
  const base = preset(ref.preset);
  const { basedOn: _b, changes: _c, ...edit } = structuredClone(ref.edit ?? {}) as Partial<Framework>;
  fw = { ...base, ...edit, id: ref.id || base.id, name: base.name };
  checkFramework(fw);
  const changes = frameworkChanges(base, fw);
  const modified = changes.length > 0;
  if (!ref.id && modified) fw.id = `${base.id}_modified`;
  fw.name = ref.name || (modified ? modifiedName(base.name) : base.name);
  if (modified || fw.id !== base.id || fw.name !== base.name) {
    fw.basedOn = { id: base.id, name: base.name };
    fw.changes = changes;
  }
  if (modified && presetIds().includes(fw.id)) {
    invalid(fw, 'fwProblem.ownId', { base: base.id });
  }
  if (modified && PRESETS.some((p) => p.name === fw.name)) {
    invalid(fw, 'fwProblem.ownName', { name: fw.name, suggested: modifiedName(base.name) });
  }
  return fw;
}

/**
 * A framework reference's rules as written, not checked: what the Define step's editor shows while
 * an edit is invalid (a band typed 1-17 on the way to 16-17), so that it can be corrected there;
 * resolveFramework says what is wrong. Never estimated from.
 */
export function draftFramework(ref: FrameworkRef): Framework {
  if ('custom' in ref) return structuredClone(ref.custom);
  const base = preset(ref.preset);
  const { basedOn: _b, changes: _c, ...edit } = structuredClone(ref.edit ?? {}) as Partial<Framework>;
  return { ...base, ...edit, id: ref.id || base.id, name: base.name };
}

/**
 * FRAMEWORK_INVALID, its detail a catalogue text (`fwProblem.*`, words.ts) filled with `params` in the
 * reader's language (i18n/fill.ts); codes are passed as text, so that they are not written as numbers.
 */
function invalid(fw: Framework, detail: TextKey, params: Record<string, string | number> = {}): never {
  throw new AnalysisError('FRAMEWORK_INVALID', { framework: fw.id ?? '?', detail, ...params });
}

function checkThreshold(fw: Framework, t: { min: number; op?: string } | null, where: TextKey, band?: { from: string; to: string }): void {
  if (t === null) return;
  // Above a week's hours no child would be counted: a typing slip (14,5 read as 145), not a definition.
  if (typeof t !== 'object' || typeof t.min !== 'number' || !Number.isFinite(t.min) || t.min < 0 || t.min > MAX_WEEK_HOURS) {
    invalid(fw, where, { ...band });
  }
  if (t.op !== undefined && t.op !== '>=' && t.op !== '>') invalid(fw, 'fwProblem.comparison');
}

export function checkFramework(fw: Framework): void {
  if (typeof fw.id !== 'string' || !/^[A-Za-z0-9_.-]+$/.test(fw.id)) invalid(fw, 'fwProblem.id');
  if (fw.comparison !== '>=' && fw.comparison !== '>') invalid(fw, 'fwProblem.comparison');
  if (!Array.isArray(fw.bands) || fw.bands.length === 0) invalid(fw, 'fwProblem.noBand');
  let last = -Infinity;
  for (const b of fw.bands) {
    if (!Number.isInteger(b.from) || !Number.isInteger(b.to) || b.from > b.to || b.from < 0) {
      invalid(fw, 'fwProblem.bandYears', { from: String(b.from), to: String(b.to) });
    }
    if (b.from <= last) invalid(fw, b.to <= last ? 'fwProblem.bandOrder' : 'fwProblem.bandOverlap', { from: String(b.from), to: String(b.to) });
    // A gap between bands (5-11, then 15-17) would leave its ages out of every indicator while the
    // framework's rows still say 5-17: ages no rule covers are a band of their own ("econ": none).
    if (last !== -Infinity && b.from > last + 1) invalid(fw, 'fwProblem.bandGap', { from: String(last + 1), to: String(b.from - 1) });
    last = b.to;
    const e = b.econ;
    if (!e || !['employed', 'hours', 'none'].includes(e.rule)) invalid(fw, 'fwProblem.econRule', { from: String(b.from), to: String(b.to) });
    const band = { from: String(b.from), to: String(b.to) };
    if (e.rule === 'hours') checkThreshold(fw, e, 'fwProblem.econHours', band);
    checkThreshold(fw, b.chores, 'fwProblem.choresHours', band);
  }
  const h = fw.hazardous;
  if (!h || !Array.isArray(h.industries) || !Array.isArray(h.occupations)) invalid(fw, 'fwProblem.hazardLists');
  for (const c of [...h.industries, ...h.occupations]) if (!Number.isInteger(c)) invalid(fw, 'fwProblem.codeWhole', { code: String(c) });
  // Industries are compared with the division of each child's ISIC code, occupations with its 4-digit
  // ISCO-08 unit group (classify.ts): a code of another level would match no child, in silence.
  for (const c of h.industries) if (c < 1 || c > 99) invalid(fw, 'fwProblem.industry', { code: String(c) });
  for (const c of h.occupations) if (c < 100 || c > 9999) invalid(fw, 'fwProblem.occupation', { code: String(c) });
  checkThreshold(fw, h.longHours, 'fwProblem.longHours');
  if (h.conditions !== null && !Array.isArray(h.conditions)) invalid(fw, 'fwProblem.conditions');
  if (!['hazardous_work', 'conditions', 'none'].includes(fw.hazardsInChildLabour)) {
    invalid(fw, 'fwProblem.hazardsInChildLabour');
  }
}
