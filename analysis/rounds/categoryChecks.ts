import type { DataLabels } from '../import/labels.js';
import { message, type Message } from '../messages.js';
import type { ResultRow } from '../run.js';
import type { Mapping } from '../types.js';

/** How many codes a message lists. */
const SHOWN = 6;

/** A label compared loosely: case, accents, spaces and punctuation aside; "North" and "North region" agree. */
function sameName(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const x = norm(a);
  const y = norm(b);
  return x === y || (x.length > 0 && y.length > 0 && (x.includes(y) || y.includes(x)));
}

/**
 * Checks of one round's categories against the rounds' shared `categories` (dimension -> code -> label),
 * for each dimension that lists them (region, extra breakdowns). Rounds are compared code by code, so:
 * - a code of the round that is not a shared category (a region written "01" where the categories say
 *   "1", a region the recode does not map) is a category of this round only: each of its changes is
 *   "no estimate" (ROUND_CODES_NOT_IN_CATEGORIES);
 * - a code the round does not recode, whose label in the round's own file names another category than
 *   the shared one (the file's 1 = "Capital", the categories' 1 = "North": a round that numbers its
 *   regions its own way) would be compared with the wrong category, silently: the shared names replace
 *   the file's on every output (harmonisedLabels.ts). ROUND_LABELS_DIFFER names the codes.
 * Both are warnings: the analyst knows the survey's codes; the remedy is a recode.
 */
export function categoryChecks(
  m: Mapping, labels: DataLabels, rows: ResultRow[], categories: Record<string, Record<string, string>>, round: string, file: string,
): Message[] {
  const out: Message[] = [];
  const dims: [string, string, boolean][] = [];
  if (m.region) dims.push(['region', m.region.column, !!m.region.recode && Object.keys(m.region.recode).length > 0]);
  for (const e of m.extras ?? []) dims.push([e, e, !!m.recode?.[e] && Object.keys(m.recode[e]!).length > 0]);
  for (const [dim, column, recoded] of dims) {
    const shared = categories[dim];
    if (!shared) continue;
    const field = dim === 'region' ? 'mapping.region.recode' : `mapping.recode.${dim}`;
    const codes = [...new Set(rows.map((r) => r.cell[dim] ?? '').filter((c) => c !== ''))];
    const outside = codes.filter((c) => shared[c] === undefined);
    if (outside.length) {
      out.push(message('ROUND_CODES_NOT_IN_CATEGORIES', {
        round, file, column, dimension: dim, field, count: outside.length,
        codes: outside.slice(0, SHOWN).join(', ') + (outside.length > SHOWN ? ', ...' : ''),
        categories: Object.keys(shared).slice(0, SHOWN).join(', ') + (Object.keys(shared).length > SHOWN ? ', ...' : ''),
      }));
    }
    if (recoded) continue;
    const own = labels.values[column] ?? {};
    const differ = codes.filter((c) => shared[c] !== undefined && own[c] !== undefined && !sameName(own[c]!, shared[c]!));
    if (differ.length) {
      out.push(message('ROUND_LABELS_DIFFER', {
        round, file, column, dimension: dim, field, count: differ.length,
        pairs: differ.slice(0, SHOWN).map((c) => `${c} = "${own[c]}" / "${shared[c]}"`).join(', ') + (differ.length > SHOWN ? ', ...' : ''),
      }));
    }
  }
  return out;
}
