import type { AnalysisFile, Dimension, Mapping } from '../../analysis/index.js';
import { roundBreakdowns, splitBreakdowns } from '../../analysis/rounds/sharedDims.js';
import type { RoundsAnalysisFile, RoundSpec } from '../../analysis/rounds/types.js';
import type { ColumnProfile } from '../engine/protocol.js';

/**
 * Survey rounds in the app (analysis/rounds): the rounds analysis being built, and its rounds as the
 * single-round drafts the Data, Map and Define steps edit. Pure: no DOM, no React.
 *
 * The draft is always one round of the rounds analysis: its data, joins and mapping are that round's,
 * its definitions (frameworks, indicators, breakdowns, age groups, options, title) are shared by every
 * round. `withDraft` writes a draft back; `roundDraft` makes one.
 */

/**
 * Round i as a single-round analysis (the definitions every round shares, the round's files and
 * mapping), its breakdowns in the round's names: a background characteristic is its own column
 * (analysis/rounds/sharedDims.ts).
 */
export function roundDraft(r: RoundsAnalysisFile, i: number): AnalysisFile {
  const { rounds, categories: _c, changes: _ch, ...shared } = r;
  const round = rounds[i]!;
  const breakdowns = shared.breakdowns ? { breakdowns: roundBreakdowns(shared.breakdowns, rounds.map((x) => x.mapping), i) } : {};
  return { ...shared, ...breakdowns, data: round.data, ...(round.joins?.length ? { joins: round.joins } : {}), mapping: round.mapping };
}

/**
 * The draft written back as round i: its data, joins and mapping; its definitions become every round's.
 * The breakdowns by a characteristic round i does not map (left out of its draft: splitBreakdowns)
 * stay, for the rounds that have it.
 */
export function withDraft(r: RoundsAnalysisFile, i: number, draft: AnalysisFile): RoundsAnalysisFile {
  const { data, joins, mapping, ...shared } = draft;
  const rounds = r.rounds.map((x, k): RoundSpec => (k === i ? { label: x.label, ...(x.year !== undefined ? { year: x.year } : {}), data, ...(joins?.length ? { joins } : {}), mapping } : x));
  return { ...r, ...shared, ...(r.breakdowns && shared.breakdowns ? { breakdowns: keptBreakdowns(r, i, shared.breakdowns, rounds) } : {}), rounds };
}

/**
 * The shared breakdowns after round i's draft (`draft`, in its names) is written back: the draft's, and,
 * at their places in the list, those round i could not break down by before (its draft left them out)
 * and still does not hold (a review: a round that gained the characteristic lost a crossing by it for
 * every round).
 */
function keptBreakdowns(r: RoundsAnalysisFile, i: number, draft: Dimension[][], rounds: RoundSpec[]): Dimension[][] {
  const lacking = splitBreakdowns(r.breakdowns!, r.rounds.map((x) => x.mapping), i).lacking;
  if (!lacking.length) return draft;
  const newMappings = rounds.map((x) => x.mapping);
  const key = (b: Dimension[]) => JSON.stringify(splitBreakdowns([b], newMappings, i).own[0] ?? b);
  const inDraft = new Set(draft.map(key));
  const keep = lacking.filter((b) => !inDraft.has(key(b)));
  const out: Dimension[][] = [];
  let at = 0;
  for (const b of r.breakdowns!) {
    if (keep.includes(b)) {
      out.push(b);
      continue;
    }
    const found = draft.findIndex((x, k) => k >= at && key(x) === key(b));
    if (found >= 0) {
      out.push(...draft.slice(at, found + 1));
      at = found + 1;
    }
  }
  return [...out, ...draft.slice(at)];
}

/** A draft with the shared definitions of the rounds analysis, keeping its own files and mapping (a new round). */
export function withSharedDefinitions(draft: AnalysisFile, r: RoundsAnalysisFile): AnalysisFile {
  const { rounds, categories: _c, changes: _ch, ...shared } = r;
  const mappings = [...rounds.map((x) => x.mapping), draft.mapping];
  const breakdowns = shared.breakdowns ? { breakdowns: roundBreakdowns(shared.breakdowns, mappings, rounds.length) } : {};
  return { ...shared, ...breakdowns, data: draft.data, ...(draft.joins?.length ? { joins: draft.joins } : {}), mapping: draft.mapping };
}

/**
 * A single-round analysis made the first round of a rounds analysis, with the shared categories of
 * its regions (its own codes and value labels): the later rounds' codes are harmonised onto them.
 */
export function startRounds(draft: AnalysisFile, round: { label: string; year?: number }, regions: Record<string, string> | null): RoundsAnalysisFile {
  const { data, joins, mapping, ...shared } = draft;
  return {
    ...shared,
    rounds: [{ label: round.label, ...(round.year !== undefined ? { year: round.year } : {}), data, ...(joins?.length ? { joins } : {}), mapping }],
    ...(regions && Object.keys(regions).length ? { categories: { region: regions } } : {}),
  };
}

/**
 * Where a new round goes: before the first round of a later year, else last. Rounds are compared
 * oldest first (ROUNDS_YEARS_NOT_INCREASING); a walk added the baseline to the follow-up it had
 * open, and the app had no way to put it first.
 */
export function roundPlace(r: RoundsAnalysisFile, year: number | undefined): number {
  const later = year === undefined ? -1 : r.rounds.findIndex((x) => x.year !== undefined && x.year > year);
  return later < 0 ? r.rounds.length : later;
}

/** A new round at `at` (roundPlace), its files and mapping still to come (the Map step fills the mapping from its files). */
export function addRound(r: RoundsAnalysisFile, round: { label: string; year?: number }, draft: AnalysisFile, at = r.rounds.length): RoundsAnalysisFile {
  const spec: RoundSpec = { label: round.label, ...(round.year !== undefined ? { year: round.year } : {}), data: draft.data, ...(draft.joins?.length ? { joins: draft.joins } : {}), mapping: draft.mapping };
  return { ...r, rounds: [...r.rounds.slice(0, at), spec, ...r.rounds.slice(at)] };
}

/** A round's label and year edited (the changes name rounds by label: an earlier run's result goes). */
export function editRound(r: RoundsAnalysisFile, i: number, edit: { label?: string; year?: number | null }): RoundsAnalysisFile {
  const rounds = r.rounds.map((x, k) => {
    if (k !== i) return x;
    const { year: _y, ...rest } = x;
    const year = edit.year === undefined ? x.year : edit.year ?? undefined;
    return { ...rest, ...(edit.label !== undefined ? { label: edit.label } : {}), ...(year !== undefined ? { year } : {}) };
  });
  return { ...r, rounds };
}

/** A file's name as the rounds' files are matched: without folders, in lower case. */
export const nameKey = (path: string) => (path.split(/[\\/]/).pop() ?? path).toLowerCase();

/**
 * Two rounds reading different files of one name (MICS's fs.sav of two folders): the page sees only
 * the names of the files opened, and would read one for both rounds, in silence (a walk: a change of
 * 0.0, p 1.000). `paths`: each round's files as the analysis names them; the same path in two rounds
 * is one file (a lookup joined in both). A round added in the app keeps its own files in the session;
 * saved, its files are named without folders, and two rounds naming one data file are refused where
 * the file is run (the command line: ROUNDS_SAME_DATA_FILE). Null when every name is one file's.
 */
export function sharedFileName(paths: string[][]): { name: string; rounds: [number, number] } | null {
  const seen = new Map<string, { path: string; round: number }>();
  for (const [round, list] of paths.entries()) {
    for (const path of list) {
      const was = seen.get(nameKey(path));
      if (!was) seen.set(nameKey(path), { path, round });
      else if (was.round !== round && was.path !== path) return { name: path.split(/[\\/]/).pop() ?? path, rounds: [was.round, round] };
    }
  }
  return null;
}

/** The files each round reads (its data file, then its joined files), as the analysis file names them. */
export function roundFileNames(r: RoundsAnalysisFile): string[][] {
  return r.rounds.map((x) => [x.data.path, ...(x.joins ?? []).map((j) => j.data.path)].filter((p, k, all) => all.indexOf(p) === k));
}

/** The region codes of a data file, with its value labels where it has them (code as the label otherwise). */
export function regionCodes(columns: ColumnProfile[], mapping: Partial<Mapping>): { codes: string[]; labels: Record<string, string> } {
  const col = mapping.region ? columns.find((c) => c.name === mapping.region!.column) : undefined;
  return { codes: col?.codes ?? [], labels: col?.valueLabels ?? {} };
}

/** The shared regions a first round gives: each of its codes, named by its value label. */
export function regionCategories(columns: ColumnProfile[], mapping: Partial<Mapping>): Record<string, string> | null {
  const { codes, labels } = regionCodes(columns, mapping);
  return codes.length ? Object.fromEntries(codes.map((c) => [c, labels[c] ?? c])) : null;
}

/** Names compared as people write them: no accents, case or punctuation ("Capital District" = "capital-district"). */
const plain = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * A round's regions are not the shared ones as they are: a code that is no shared code, or one
 * labelled with another region's name. The Map step then offers their recode, on any round: a
 * baseline added before the round the shared regions came from is the first round, and its regions
 * (written as names) had no recode to map them (a walk: every region listed twice in the trends).
 */
export function regionsDiffer(columns: ColumnProfile[], mapping: Partial<Mapping>, categories: Record<string, string>): boolean {
  const { codes, labels } = regionCodes(columns, mapping);
  return codes.some((c) => categories[c] === undefined || (labels[c] !== undefined && plain(labels[c]!) !== plain(categories[c]!)));
}

/**
 * The recode suggested for a round's region codes: a code whose value label names a shared region
 * goes to it; a code without a label that is itself a shared code stays that code, one that is a
 * shared region's name goes to it; others are left
 * for the user (kept as written). A shared code is listed even when it maps to itself: the core
 * refuses a round code equal to a shared code that the recode leaves out (RECODE_CODE_CLASH).
 */
export function suggestRecode(codes: string[], labels: Record<string, string>, categories: Record<string, string>): Record<string, string> {
  const byName = new Map(Object.entries(categories).map(([code, label]) => [plain(label), code]));
  const out: Record<string, string> = {};
  for (const code of codes) {
    const named = labels[code] !== undefined ? byName.get(plain(labels[code]!)) : undefined;
    if (named !== undefined) out[code] = named;
    else if (labels[code] === undefined && code in categories) out[code] = code;
    // A code written as the region's name (a CSV with its labels: "Amazonía"), no label: its own name
    // (a walk: every region of such a round was "not comparable", its names those of the first round).
    else if (labels[code] === undefined && byName.has(plain(code))) out[code] = byName.get(plain(code))!;
  }
  return out;
}
