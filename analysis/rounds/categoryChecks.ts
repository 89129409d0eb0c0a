import type { DataLabels } from '../import/labels.js';
import { plainNumber } from '../categorySpellings.js';
import { message, type Message } from '../messages.js';
import type { ResultRow } from '../run.js';
import type { Mapping } from '../types.js';
import { dimIn } from './sharedDims.js';

/** How many codes a message lists. */
const SHOWN = 6;

/** The first SHOWN items of a list, joined, with "..." when there are more. */
const listed = (items: string[]) => items.slice(0, SHOWN).join(', ') + (items.length > SHOWN ? ', ...' : '');

/** The harmonised dimensions of a mapping (region, extra breakdowns): each with its column and recode. */
function dimensions(m: Mapping): { dim: string; column: string; recode: Record<string, string> }[] {
  return [
    ...(m.region ? [{ dim: 'region', column: m.region.column, recode: m.region.recode ?? {} }] : []),
    ...(m.extras ?? []).map((e) => ({ dim: e, column: e, recode: m.recode?.[e] ?? {} })),
  ];
}

/** Where a dimension's recode goes in the analysis file (what the messages' advice names). */
const recodeField = (dim: string) => (dim === 'region' ? 'mapping.region.recode' : `mapping.recode.${dim}`);

/** The codes of a dimension in a round's result rows (its cells), each once. */
const cellCodes = (rows: ResultRow[], dim: string) => [...new Set(rows.map((r) => r.cell[dim] ?? '').filter((c) => c !== ''))];

/**
 * Words a region's label may carry or not without naming another region ("Region du Nord", "North
 * region", "Province de l'Est"): they are left out when two labels are compared.
 */
const GENERIC = new Set([
  'region', 'regions', 'regional', 'province', 'provinces', 'district', 'districts', 'department', 'departement', 'departamento',
  'state', 'estado', 'etat', 'zone', 'county', 'division', 'prefecture', 'governorate', 'wilaya', 'area',
  'city', 'ville', 'ciudad', 'town', 'municipality', 'commune', 'municipio',
  'the', 'of', 'de', 'du', 'des', 'la', 'le', 'les', 'del', 'el', 'los', 'las', 'd', 'l',
]);

/** Words written two ways for one place: "St. Louis" is "Saint-Louis", "Northern" is "North". */
const SAME_WORD: Record<string, string> = {
  st: 'saint', ste: 'sainte', sta: 'santa', sto: 'santo', mt: 'mount', northern: 'north', southern: 'south', eastern: 'east', western: 'west',
};

/**
 * A label compared loosely: case, accents, spaces, punctuation, word order and generic words aside;
 * "North" and "North region", "North West" and "Northwest", "City of Kigali" and "Kigali City",
 * "Saint-Louis" and "St. Louis" agree; "Nord" and "Centre-Nord" do not (a region's name inside
 * another's is another region: Burkina Faso has Centre, Centre-Est, Centre-Nord, Est and Nord).
 */
function sameName(a: string, b: string): boolean {
  const words = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '').map((w) => SAME_WORD[w] ?? w);
  const kept = (s: string) => {
    const all = words(s);
    const own = all.filter((w) => !GENERIC.has(w));
    return own.length ? own : all;
  };
  const [x, y] = [kept(a), kept(b)];
  return x.join('') === y.join('') || [...x].sort().join(' ') === [...y].sort().join(' ');
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
  first?: { round: string; labels: DataLabels; mapping: Mapping },
): Message[] {
  const out: Message[] = [];
  for (const { dim, column, recode } of dimensions(m)) {
    const recoded = Object.keys(recode).length > 0;
    const shared = categories[dim];
    if (!shared) {
      if (first && !recoded) out.push(...againstFirst(dim, dimIn(first.mapping, m, dim), column, labels, rows, first, round, file));
      continue;
    }
    const field = recodeField(dim);
    const codes = cellCodes(rows, dim);
    const outside = codes.filter((c) => shared[c] === undefined);
    if (outside.length) {
      out.push(message('ROUND_CODES_NOT_IN_CATEGORIES', {
        round, file, column, dimension: dim, field, count: outside.length, codes: listed(outside), categories: listed(Object.keys(shared)),
      }));
    }
    if (recoded) continue;
    const own = labels.values[column] ?? {};
    const differ = codes.filter((c) => shared[c] !== undefined && own[c] !== undefined && !sameName(own[c]!, shared[c]!));
    if (differ.length) {
      out.push(message('ROUND_LABELS_DIFFER', {
        round, file, column, dimension: dim, field, count: differ.length, pairs: listed(differ.map((c) => `${c} = "${own[c]}" / "${shared[c]}"`)),
      }));
    }
  }
  return out;
}

/**
 * Without shared categories, a round's own labels against the first round's, code by code (the first
 * round's 1 = "North", this round's 1 = "Centre": a round that renumbers its regions, compared code by
 * code, would be compared with the wrong region in silence). Not when either round recodes the
 * dimension (its codes are then the recode's, not the file's).
 */
function againstFirst(
  dim: string, firstDim: string, column: string, labels: DataLabels, rows: ResultRow[], first: { round: string; labels: DataLabels; mapping: Mapping }, round: string, file: string,
): Message[] {
  const theirDim = dimensions(first.mapping).find((d) => d.dim === firstDim);
  if (!theirDim || Object.keys(theirDim.recode).length) return [];
  const own = labels.values[column] ?? {};
  const theirs = first.labels.values[theirDim.column] ?? {};
  const differ = cellCodes(rows, dim).filter((c) => own[c] !== undefined && theirs[c] !== undefined && !sameName(own[c]!, theirs[c]!));
  if (!differ.length) return [];
  return [message('ROUND_LABELS_DIFFER_FIRST', {
    round, file, column, dimension: dim, field: recodeField(dim), other: first.round, count: differ.length,
    pairs: listed(differ.map((c) => `${c} = "${own[c]}" / "${theirs[c]}"`)),
  })];
}

/** A whole number's plain spelling ("007" -> "7", categorySpellings.ts plainNumber); other codes as they are. */
const plain = (code: string) => plainNumber(code) ?? code;

/**
 * Without shared categories, codes of a later round written otherwise than the same whole numbers of
 * the earlier round ("01" here, "1" there: one round passed through R or a spreadsheet): rounds are
 * compared code by code, so each such category has "no estimate" in the other round and no change,
 * with only a footnote (a probe). One warning per dimension (ROUND_CODES_SPELLED), with the recode.
 */
export function codesSpelledOtherwise(
  earlier: { round: string; rows: ResultRow[] }, later: { round: string; rows: ResultRow[]; mapping: Mapping; file: string },
  categories: Record<string, Record<string, string>>,
): Message[] {
  const out: Message[] = [];
  for (const { dim, column, recode: own } of dimensions(later.mapping)) {
    if (categories[dim] || Object.keys(own).length) continue;
    const theirs = new Set(cellCodes(earlier.rows, dim));
    const byPlain = new Map([...theirs].map((c) => [plain(c), c]));
    const mine = cellCodes(later.rows, dim).sort();
    const pairs = mine.filter((c) => !theirs.has(c) && byPlain.has(plain(c))).map((c) => [c, byPlain.get(plain(c))!] as const);
    if (!pairs.length) continue;
    // Every other code to itself: a recode lists every code of the round (RECODE_CODE_NOT_LISTED).
    const recode = new Map<string, string>(mine.map((c) => [c, c]));
    for (const [a, b] of pairs) recode.set(a, b);
    out.push(message('ROUND_CODES_SPELLED', {
      round: later.round, other: earlier.round, file: later.file, column, dimension: dim, count: pairs.length, field: recodeField(dim),
      pairs: listed(pairs.map(([a, b]) => `"${a}" / "${b}"`)),
      recode: `{${[...recode].map(([a, b]) => `${JSON.stringify(a)}: ${JSON.stringify(b)}`).join(', ')}}`,
    }));
  }
  return out;
}
