import type { Engine } from '../engine/engine.js';
import { balanced, ident, sqlString } from '../engine/values.js';
import { concatBytes } from './bytes.js';

/**
 * What a cell's edges may hold that is no part of its value: the space, and the spaces a spreadsheet
 * or a word processor writes in its place: the no-break space (U+00A0: French number formats, Excel
 * cells typed with Ctrl+Shift+Space), the figure space (U+2007), the narrow no-break space (U+202F:
 * French thousands since 2017) and the byte order mark (U+FEFF) left at the start of a line when two
 * exported files are joined. A PSU id "3\u00a0" is PSU 3: read as another PSU it split a cluster
 * and changed standard errors by up to 14 % with no message (a probe of real exports). Tabs and line
 * ends are not trimmed (R's and Stata's readers keep them too). The exported R script and Stata
 * do-file trim the same characters (export/rscriptMapping.ts trim, export/stata.ts TRIM_STATA).
 */
export const CELL_SPACES = ' \u00a0\u2007\u202f\ufeff';

/** CELL_SPACES as the inside of a regular expression's class: the space as itself, the others by `escape` (R's \\u00a0, ICU's \\x{00A0}). */
export const spaceClass = (escape: (codePoint: number) => string): string =>
  [...CELL_SPACES].map((c) => (c === ' ' ? ' ' : escape(c.codePointAt(0)!))).join('');

/**
 * Trims, in place, the cells of a raw table that start or end with a space (CELL_SPACES): after it,
 * every cell of `src` (and of each file of a set) is stored trimmed, and no query of the core or the
 * app trims again. Codes such as " 1" and "1" were always read as the same code (every role, category
 * and key compared trimmed values); storing them trimmed keeps that meaning and takes DuckDB's
 * `trim()` out of every later scan, where it was the costliest function on DuckDB-WASM (about 0.13 s
 * per 2 million cells, repeated by the profile, the validation and the design pass:
 * docs/performance.md). trim() is idempotent, so an expression f(trim(x)) over the old table equals
 * f(x) over the trimmed one: results do not change.
 *
 * `only`: the columns that can hold such cells (a typed file's text columns; default every text
 * column). A scan per 50 columns counts, per text column, the cells with a leading or trailing space
 * (LIKE ' %' or '% ', and so for each of CELL_SPACES: exactly the cells trim(cell, CELL_SPACES) changes); a column with
 * any is then trimmed by an UPDATE of those rows. Files without such cells (nearly all) cost the
 * scan only, and a CSV held in memory whose bytes show that no cell can have them (spacedCellsPossible)
 * not even that.
 */
export async function trimSpaces(engine: Engine, table: string, only?: readonly string[]): Promise<void> {
  const described = await engine.query(`SELECT column_name, column_type FROM (DESCRIBE ${ident(table)})`);
  const wanted = only && new Set(only);
  const text = described
    .filter((r) => String(r.column_type) === 'VARCHAR' && (!wanted || wanted.has(String(r.column_name))))
    .map((r) => String(r.column_name));
  if (!text.length) return;
  const spaced = (c: string) => `(${[...CELL_SPACES].flatMap((x) => [`${ident(c)} LIKE '${x}%'`, `${ident(c)} LIKE '%${x}'`]).join(' OR ')})`;
  // In batches: DuckDB plans a SELECT of k aggregates in time growing with k squared (2,500 at once:
  // 25 s for four rows), and an UPDATE of 10,000 columns ran DuckDB-WASM out of memory.
  const dirty: string[] = [];
  for (const batch of batches(text, COUNT_BATCH)) {
    const [r] = await engine.query(`SELECT ${batch.map((c, i) => `count(CASE WHEN ${spaced(c)} THEN 1 END) AS s${i}`).join(', ')} FROM ${ident(table)}`);
    dirty.push(...batch.filter((_, i) => Number(r![`s${i}`]) > 0));
  }
  for (const batch of batches(dirty, UPDATE_BATCH)) {
    await engine.run(`UPDATE ${ident(table)} SET ${batch.map((c) => `${ident(c)} = trim(${ident(c)}, ${sqlString(CELL_SPACES)})`).join(', ')} WHERE ${balanced(batch.map(spaced), 'OR')}`);
  }
}

/** Columns counted per query, and trimmed per UPDATE (a file of 17 columns takes one of each). */
const COUNT_BATCH = 50;
const UPDATE_BATCH = 200;

function batches<T>(all: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(all.length / size) }, (_, i) => all.slice(i * size, (i + 1) * size));
}

/** Bytes after or before which a space may start or end a cell: delimiter, quote, line end. */
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * Whether a delimited text (UTF-8 bytes) may hold a cell that starts or ends with a space. A cell
 * starts after a delimiter, a line end, an opening quote or the start of the text, and ends before one
 * of them: with no space byte next to any of these, no cell can, and the table's scan for such cells
 * is skipped (about 1 s at 2 million rows in DuckDB-WASM). Conservative: a space next to a quote
 * inside a quoted value, or in the header line, says "possible", and the scan decides.
 *
 * `piece`, for a text read in pieces (spacedCellsPossibleInPieces): the byte before the first one
 * (undefined: the start of the text), and whether the text goes on after the last byte (a space there
 * is then judged with the next piece).
 */
export function spacedCellsPossible(bytes: Uint8Array, delimiter: string, piece?: { before?: number; more: boolean }): boolean {
  const d = delimiter.charCodeAt(0);
  if (delimiter.length !== 1 || d === 0x20) return true;
  const edge = (b: number | undefined) => b === undefined || b === d || b === QUOTE || b === LF || b === CR;
  const last = bytes.length - 1;
  for (let i = bytes.indexOf(0x20); i >= 0; i = bytes.indexOf(0x20, i + 1)) {
    if (edge(i === 0 ? piece?.before : bytes[i - 1])) return true;
    if (i === last && piece?.more) break;
    if (edge(bytes[i + 1])) return true;
  }
  // Read in pieces, the other spaces are judged across the pieces' seams (spacedCellsPossibleInPieces).
  return !piece && otherSpacesPossible(bytes, edge, undefined, false);
}

/**
 * Whether the bytes hold one of CELL_SPACES other than the space (conservative: the scan decides): in
 * UTF-8 the no-break space C2 A0, the figure and narrow no-break spaces E2 80 87 and E2 80 AF, and a
 * byte order mark EF BB BF anywhere but at the text's first byte (the reader drops the file's own);
 * in windows-1252 the no-break space A0 next to a cell's edge (the A0 of a UTF-8 letter such as "à",
 * C3 A0, is neither). `before`: the byte before the first (undefined: the start of the text);
 * `more`: the text goes on, and a character that may continue past the last byte is left to the next
 * call, which starts with these last bytes.
 */
function otherSpacesPossible(bytes: Uint8Array, edge: (b: number | undefined) => boolean, before: number | undefined, more: boolean): boolean {
  const n = bytes.length;
  for (let i = bytes.indexOf(0xa0); i >= 0 && !(more && i >= n - 1); i = bytes.indexOf(0xa0, i + 1)) {
    const prev = i === 0 ? before : bytes[i - 1];
    // After another lead byte (C3-DF) it ends a UTF-8 letter ("à", "Š"), whatever follows.
    const letter = prev !== undefined && prev >= 0xc3 && prev <= 0xdf;
    if (prev === 0xc2 || (!letter && (edge(prev) || edge(bytes[i + 1])))) return true;
  }
  for (let i = bytes.indexOf(0xe2); i >= 0 && !(more && i > n - 3); i = bytes.indexOf(0xe2, i + 1)) {
    if (bytes[i + 1] === 0x80 && (bytes[i + 2] === 0x87 || bytes[i + 2] === 0xaf)) return true;
  }
  for (let i = bytes.indexOf(0xef); i >= 0 && !(more && i > n - 3); i = bytes.indexOf(0xef, i + 1)) {
    if (bytes[i + 1] === 0xbb && bytes[i + 2] === 0xbf && !(i === 0 && before === undefined)) return true;
  }
  return false;
}

/**
 * spacedCellsPossible over a file read piece by piece (the command line's native engine reads a CSV
 * from its path, so its bytes are not in memory): the same answer as over the whole text, without
 * holding it. A space that ends a piece is judged by the next piece's first byte.
 */
export function spacedCellsPossibleInPieces(pieces: Iterable<Uint8Array>, delimiter: string): boolean {
  const d = delimiter.charCodeAt(0);
  let before: number | undefined;
  const edge = (b: number | undefined) => b === undefined || b === d || b === QUOTE || b === LF || b === CR;
  // The other spaces are up to 3 bytes long: each piece is judged with the last 3 bytes before it.
  let context = new Uint8Array(0);
  let beforeContext: number | undefined;
  for (const bytes of pieces) {
    if (!bytes.length) continue;
    // The previous piece ended with a space: its next byte is this one's first.
    if (before === 0x20 && [d, QUOTE, LF, CR].includes(bytes[0]!)) return true;
    if (spacedCellsPossible(bytes, delimiter, { before, more: true })) return true;
    const joined = concatBytes([context, bytes]);
    if (otherSpacesPossible(joined, edge, beforeContext, true)) return true;
    const keep = Math.min(3, joined.length);
    if (joined.length > keep) beforeContext = joined[joined.length - keep - 1];
    context = joined.slice(joined.length - keep);
    before = bytes[bytes.length - 1];
  }
  if (otherSpacesPossible(context, edge, beforeContext, false)) return true;
  // A space at the very end of the text ends a cell.
  return before === 0x20;
}
