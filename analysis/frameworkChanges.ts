import type { AgeBand, Comparison, Framework, FrameworkChange } from './types.js';

/**
 * What an edited preset changes, rule by rule, in words. A preset edited in the Define step or in an
 * analysis file is a national variant: its outputs must say which published definition it starts
 * from and what differs ("ages 5-14, household chores: >= 21 h -> >= 28 h"), so that nobody reads a
 * national figure as the published SDG 8.7.1 one.
 *
 * Rules are compared as they act (a threshold without its own comparison takes the framework's), so
 * a change of the default comparison also shows on each threshold it moves. Adjacent age bands with
 * the same change are merged ("ages 5-11" and "ages 12-14" -> "ages 5-14"), as tables print them.
 * The words are a parameter: the resolved framework stores the English ones, and exports in another
 * language compute the same list with their own words (export/statements.ts).
 */
export interface ChangeWords {
  band: (from: number, to: number) => string;
  econ: string;
  chores: string;
  employed: string;
  notCounted: string;
  hours: (op: Comparison, min: number) => string;
  /** A comparison by itself (the default comparison's change). */
  op: (op: Comparison) => string;
  comparison: string;
  bands: string;
  industries: string;
  occupations: string;
  longHours: string;
  conditions: string;
  allConditions: string;
  none: string;
  notUsed: string;
  hazardsInChildLabour: string;
  hazIn: Record<Framework['hazardsInChildLabour'], string>;
}

export const ENGLISH_CHANGE_WORDS: ChangeWords = {
  band: (from, to) => `ages ${from}-${to}`,
  econ: 'economic activity',
  chores: 'household chores',
  employed: 'any employment',
  notCounted: 'not counted',
  hours: (op, min) => `${op} ${min} h`,
  op: (op) => op,
  comparison: 'default comparison',
  bands: 'age bands',
  industries: 'hazardous industries (ISIC Rev.4 divisions)',
  occupations: 'hazardous occupations (ISCO-08 unit groups)',
  longHours: 'long hours (hazardous)',
  conditions: 'hazardous conditions counted',
  allConditions: 'every mapped condition',
  none: 'none',
  notUsed: 'not used',
  hazardsInChildLabour: 'hazards in child labour',
  hazIn: { hazardous_work: 'hazardous work, at every age', conditions: 'employment under a hazardous condition, at every age', none: 'not counted' },
};

function econText(w: ChangeWords, fw: Framework, b: AgeBand): string {
  const e = b.econ;
  if (e.rule === 'employed') return w.employed;
  if (e.rule === 'hours') return w.hours(e.op ?? fw.comparison, e.min);
  return w.notCounted;
}

function choresText(w: ChangeWords, fw: Framework, b: AgeBand): string {
  return b.chores ? w.hours(b.chores.op ?? fw.comparison, b.chores.min) : w.notCounted;
}

const list = (w: ChangeWords, xs: readonly (string | number)[]) => (xs.length ? xs.join(', ') : w.none);

/** The rules of `fw` that differ from `base` (empty when they act the same). */
export function frameworkChanges(base: Framework, fw: Framework, w: ChangeWords = ENGLISH_CHANGE_WORDS): FrameworkChange[] {
  const out: FrameworkChange[] = [];
  const push = (field: string, from: string, to: string) => {
    if (from !== to) out.push({ field, from, to });
  };
  push(w.comparison, w.op(base.comparison), w.op(fw.comparison));

  const sameAges = base.bands.length === fw.bands.length && base.bands.every((b, i) => b.from === fw.bands[i]!.from && b.to === fw.bands[i]!.to);
  if (sameAges) {
    // Per band and rule, then runs of adjacent bands with the same change merged into one line.
    const kinds = [
      { name: w.econ, text: econText },
      { name: w.chores, text: choresText },
    ];
    const runs: { from: number; to: number; kind: number; was: string; now: string }[] = [];
    fw.bands.forEach((b, i) => {
      kinds.forEach((k, kind) => {
        const was = k.text(w, base, base.bands[i]!);
        const now = k.text(w, fw, b);
        if (was === now) return;
        const last = runs.filter((r) => r.kind === kind).at(-1);
        if (last && last.to + 1 === b.from && last.was === was && last.now === now) last.to = b.to;
        else runs.push({ from: b.from, to: b.to, kind, was, now });
      });
    });
    runs.sort((a, b) => a.from - b.from || a.kind - b.kind);
    for (const r of runs) push(`${w.band(r.from, r.to)}, ${kinds[r.kind]!.name}`, r.was, r.now);
  } else {
    const summary = (f: Framework) =>
      f.bands.map((b) => `${w.band(b.from, b.to)}: ${w.econ} ${econText(w, f, b)}, ${w.chores} ${choresText(w, f, b)}`).join('; ');
    push(w.bands, summary(base), summary(fw));
  }

  const hb = base.hazardous;
  const hf = fw.hazardous;
  push(w.industries, list(w, hb.industries), list(w, hf.industries));
  push(w.occupations, list(w, hb.occupations), list(w, hf.occupations));
  const long = (f: Framework) => (f.hazardous.longHours ? w.hours(f.hazardous.longHours.op ?? f.comparison, f.hazardous.longHours.min) : w.notUsed);
  push(w.longHours, long(base), long(fw));
  const conds = (c: string[] | null) => (c === null ? w.allConditions : list(w, c));
  push(w.conditions, conds(hb.conditions), conds(hf.conditions));
  push(w.hazardsInChildLabour, w.hazIn[base.hazardsInChildLabour], w.hazIn[fw.hazardsInChildLabour]);
  return out;
}

/** The changes on one line: "ages 5-14, household chores: 21 h or more → 28 h or more; ..." (French puts a space before the colon). */
export function formatChanges(changes: readonly FrameworkChange[], colon = ': '): string {
  return changes.map((c) => `${c.field}${colon}${c.from} → ${c.to}`).join(colon === ': ' ? '; ' : ' ; ');
}

/** The name an edited preset gets when the user gave none. */
export const modifiedName = (published: string) => `${published} - modified`;
