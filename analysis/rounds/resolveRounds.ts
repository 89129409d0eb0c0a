import { readAnalysisJson, resolveAnalysis, type ResolvedAnalysis } from '../analysisFile.js';
import { AnalysisError } from '../messages.js';
import type { AnalysisFile } from '../types.js';
import { roundAnalyses } from './roundAnalyses.js';
import { categoriesIn } from './sharedDims.js';
import type { RoundsAnalysisFile } from './types.js';

/**
 * An analysis file with rounds, checked, with every default applied: one resolved single-round
 * analysis per round (the shared definitions and the round's data, joins and mapping), the shared
 * categories and which pairs of rounds are compared.
 */
export interface ResolvedRounds {
  title: string;
  rounds: { label: string; year?: number; analysis: ResolvedAnalysis }[];
  categories: Record<string, Record<string, string>>;
  changes: 'consecutive' | 'baseline';
}

type Json = Record<string, unknown>;

/** A file with `rounds` at the top level is a rounds analysis file (else a single-round one). */
export function isRoundsJson(json: unknown): boolean {
  return typeof json === 'object' && json !== null && !Array.isArray(json) && 'rounds' in json;
}

const invalid = (file: string, path: string, detail: string) => new AnalysisError('ANALYSIS_FILE_INVALID', { file, path, detail });
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The round entries: labels, years, data present; the coded messages of docs/analysis-file.md "Rounds". */
function checkRoundEntries(a: Json, file: string): void {
  if (!Array.isArray(a.rounds)) throw invalid(file, 'rounds', 'expected a list of rounds');
  const rounds = a.rounds as unknown[];
  if (rounds.length < 2) throw new AnalysisError('ROUNDS_TOO_FEW', { file, count: rounds.length });
  for (const k of ['data', 'joins', 'mapping']) {
    if (a[k] !== undefined) throw invalid(file, k, 'a file with rounds gives data, joins and mapping in each round (rounds[].data, rounds[].mapping), not at the top level');
  }
  const seen = new Set<string>();
  let previous: { label: string; year: number } | null = null;
  rounds.forEach((r, i) => {
    const at = `rounds[${i}]`;
    if (!isObj(r)) throw invalid(file, at, 'expected an object');
    for (const k of Object.keys(r)) if (!['label', 'year', 'data', 'joins', 'mapping'].includes(k)) throw invalid(file, `${at}.${k}`, 'unknown field (allowed: label, year, data, joins, mapping)');
    if (typeof r.label !== 'string' || r.label.trim() === '') throw invalid(file, `${at}.label`, 'expected a non-empty text ("MICS 2017")');
    const label = r.label;
    if (seen.has(label)) throw new AnalysisError('ROUNDS_LABEL_DUPLICATE', { file, round: label });
    seen.add(label);
    if (r.year !== undefined) {
      if (typeof r.year !== 'number' || !Number.isFinite(r.year) || r.year < 1900 || r.year > 2200) throw invalid(file, `${at}.year`, 'expected a year from 1900 to 2200 (decimals allowed)');
      if (previous && !(r.year > previous.year)) {
        throw new AnalysisError('ROUNDS_YEARS_NOT_INCREASING', { file, round: label, year: String(r.year), previous: previous.label, previousYear: String(previous.year) });
      }
      previous = { label, year: r.year };
    }
    if (r.data === undefined) throw new AnalysisError('ROUNDS_DATA_MISSING', { file, round: label, index: String(i) });
    if (r.mapping === undefined) throw invalid(file, `${at}.mapping`, 'each round maps its own columns: expected an object');
  });
}

function checkCategories(v: unknown, file: string): Record<string, Record<string, string>> {
  if (v === undefined) return {};
  if (!isObj(v)) throw invalid(file, 'categories', 'expected an object: dimension -> code -> label');
  const out: Record<string, Record<string, string>> = {};
  for (const [dim, codes] of Object.entries(v)) {
    if (!isObj(codes)) throw invalid(file, `categories.${dim}`, 'expected an object: code -> label');
    out[dim] = {};
    for (const [code, label] of Object.entries(codes)) {
      if (typeof label !== 'string' || label.trim() === '') throw invalid(file, `categories.${dim}.${code}`, 'expected a non-empty label');
      out[dim][code] = label;
    }
  }
  return out;
}

/**
 * A round's single-round analysis, resolved: its errors say where they are in the rounds file
 * (`rounds[1].mapping.sex`), or, for a shared definition the round cannot take (a breakdown by region
 * with no region mapped), which round.
 */
function resolveRound(json: AnalysisFile, file: string, i: number, label: string): ResolvedAnalysis {
  try {
    return resolveAnalysis(json, file);
  } catch (e) {
    if (!(e instanceof AnalysisError) || e.code !== 'ANALYSIS_FILE_INVALID') throw e;
    const { path, detail } = e.msg.params as { path: string; detail: string };
    if (/^(data|joins|mapping)\b/.test(path)) throw invalid(file, `rounds[${i}].${path}`, detail);
    throw invalid(file, path, `${detail} (in round "${label}")`);
  }
}

/** Every recode's shared codes are categories of the file, when it lists the categories of that dimension. */
function checkRecodeTargets(rounds: ResolvedRounds['rounds'], categories: ResolvedRounds['categories'], file: string): void {
  rounds.forEach(({ analysis }, i) => {
    const m = analysis.mapping;
    const recodes: [string, string, Record<string, string>][] = [];
    if (m.region?.recode) recodes.push(['region', `rounds[${i}].mapping.region.recode`, m.region.recode]);
    for (const [col, r] of Object.entries(m.recode ?? {})) recodes.push([col, `rounds[${i}].mapping.recode.${col}`, r]);
    const own = categoriesIn(categories, m, i > 0 ? rounds[0]!.analysis.mapping : undefined);
    for (const [dim, path, recode] of recodes) {
      const known = own[dim];
      if (!known) continue;
      for (const [from, to] of Object.entries(recode)) {
        if (!(to in known)) throw invalid(file, `${path}.${from}`, `"${to}" is not one of the categories of ${dim} (categories.${dim}: ${Object.keys(known).join(', ')})`);
      }
    }
  });
}

/** Checks a parsed rounds analysis file and applies the defaults. `file` names it in messages. */
export function resolveRounds(json: unknown, file: string): ResolvedRounds {
  if (!isObj(json)) throw invalid(file, '(top level)', 'expected an object');
  checkRoundEntries(json, file);
  if (json.changes !== undefined && json.changes !== 'consecutive' && json.changes !== 'baseline') {
    throw invalid(file, 'changes', 'expected one of consecutive, baseline');
  }
  const categories = checkCategories(json.categories, file);
  const typed = json as unknown as RoundsAnalysisFile;
  const singles = roundAnalyses(typed);
  const rounds = typed.rounds.map((r, i) => ({
    label: r.label,
    ...(r.year !== undefined ? { year: r.year } : {}),
    analysis: resolveRound(singles[i]!, file, i, r.label),
  }));
  checkRecodeTargets(rounds, categories, file);
  return {
    title: typeof json.title === 'string' && json.title.trim() !== '' ? json.title : 'Child labour estimates',
    rounds,
    categories,
    changes: (json.changes as ResolvedRounds['changes'] | undefined) ?? 'consecutive',
  };
}

/** Parses analysis-file text (JSON) with rounds and resolves it. */
export function parseRounds(text: string, file: string): ResolvedRounds {
  let json: unknown;
  try {
    json = readAnalysisJson(text);
  } catch (e) {
    throw new AnalysisError('ANALYSIS_FILE_UNREADABLE', { file, detail: (e as Error).message });
  }
  return resolveRounds(json, file);
}
