import type { Engine } from './engine/engine.js';
import type { DeclaredMissing } from './import/declaredMissing.js';
import { codedColumns } from './designPass.js';
import { message, type Message } from './messages.js';
import type { Mapping } from './types.js';

/**
 * Categories of a breakdown column (region, an extra) that write one whole number in two ways: "01"
 * and "1", "007" and "7". A category is read as written (mapping.ts categorySql: "1.0" is "1", since
 * that is how a program writes the number 1, but "01" stays "01", as a code "01" may be a code of its
 * own), so such cells make two categories, each a row of the tables: region 1 loses the children
 * written "01", with no other message (a probe's file: 754 -> 752 children, 0.1322 -> 0.1293).
 * R, Stata and pandas read both as the number 1, so a file passed through them and back mixes the two.
 * One warning per column, naming the spellings; `fromPass`: the design pass's dictionaries
 * (`_dict_<name>`, designPass.ts) hold the categories, else they are read from `src`.
 */
export async function categorySpellings(engine: Engine, m: Mapping, file: string, declared: DeclaredMissing, fromPass: boolean): Promise<Message[]> {
  const out: Message[] = [];
  const columns = [m.region?.column, ...(m.extras ?? [])];
  for (const [i, c] of codedColumns(m, declared).entries()) {
    const column = columns[i];
    if (!column) continue;
    const rows = await engine.query(`SELECT v FROM (${fromPass ? `SELECT v FROM _dict_${c.name}` : `SELECT DISTINCT ${c.sql} AS v FROM src`}) WHERE v IS NOT NULL ORDER BY v`);
    const values = rows.map((r) => String(r.v));
    const numbers = groups(values, plainNumber);
    // The same name in two Unicode forms ("Côte" with one character for "ô", or "o" and a combining
    // accent): they look alike on every screen, and R and the app read them as two categories.
    const forms = groups(values, (v) => (/^[\x20-\x7e]*$/.test(v) ? undefined : v.normalize('NFC')));
    // One name in capitals and not, or with and without its accents ("North", "NORTH"; "Région" and
    // "Region"), as names typed in several batches come: R and the app read each as a category of its
    // own (a probe: 21 region rows for 7 regions, an SE 53 % off R's for the regions merged).
    const cases = groups(values, nameKey).filter((list) => new Set(list.map((v) => v.normalize('NFC'))).size > 1);
    const best = cases.map(bestSpelling);
    if (!numbers.length && !forms.length && !cases.length) continue;
    // The code each spelling is recoded to: the plain number ("01" -> "1"), the composed form (NFC),
    // the spelling with the most accents and capitals that are not all capitals ("Région de l'Ouest").
    const target = new Map([
      ...numbers.flatMap((list) => list.map((v) => [v, list[list.length - 1]!] as const)),
      ...forms.flatMap((list) => list.map((v) => [v, v.normalize('NFC')] as const)),
      ...cases.flatMap((list, k) => list.map((v) => [v, best[k]!] as const)),
    ]);
    // One recode for every group, with the column's own recode kept (its targets made one too): a
    // recode must list every code that maps onto a code it gives (the rounds' rule), "1" as well.
    const own = i === 0 ? m.region?.recode : m.recode?.[column];
    const recode = new Map<string, string>(Object.entries(own ?? {}).map(([k, v]) => [k, target.get(v) ?? v]));
    // Every other category to itself: a recode that gives "1" must list each code it keeps, or each
    // is warned about as not listed (RECODE_CODE_NOT_LISTED).
    for (const v of values) if (v !== '' && !recode.has(v)) recode.set(v, target.get(v) ?? v);
    const params = {
      file, column, role: i === 0 ? 'region' : `extra ${column}`,
      recode: `{${[...recode].map(([k, v]) => `${visible(k)}: ${visible(v)}`).join(', ')}}`,
      field: i === 0 ? 'mapping.region.recode' : `mapping.recode.${column}`,
    };
    const shown = (list: string[][]) => list.slice(0, 5).map((l) => l.map((v) => (v.startsWith('"') ? v : `"${v}"`)).join(' = ')).join(', ') + (list.length > 5 ? ', ...' : '');
    if (numbers.length) out.push(message('CATEGORY_SPELLINGS', { ...params, spellings: shown(numbers) }));
    if (forms.length) out.push(message('CATEGORY_UNICODE_FORMS', { ...params, spellings: shown(forms.map((l) => l.map(visible))), count: forms.length }));
    if (cases.length) out.push(message('CATEGORY_CASE_VARIANTS', { ...params, spellings: shown(cases.map((l, k) => [...new Set([best[k]!, ...l.map((v) => v.normalize('NFC'))])])), count: cases.length }));
  }
  return out;
}

/**
 * A name without case, accents and repeated spaces ("Région  de l'OUEST" -> "region de l'ouest"), its
 * apostrophes and dashes as the keyboard's ' and - (a word processor's ’ and –: a probe's "N’zi-Comoé"
 * beside "N'zi-Comoé" made two regions of one, said only as a lonely PSU); undefined for a whole
 * number or a name without letters.
 */
function nameKey(code: string): string | undefined {
  if (plainNumber(code) !== undefined || !/\p{L}/u.test(code)) return undefined;
  return code.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').replace(APOSTROPHE, "'").replace(DASH, '-');
}

/** The apostrophes that stand for the keyboard's ' in names (’ ‘ ʼ ` ´ ′), and the dashes for its - (‐ ‑ ‒ – — ― −): in a regular expression's class, for TypeScript and DuckDB alike (psuRegions.ts). */
export const APOSTROPHES = '\u2018\u2019\u02bc\u0060\u00b4\u2032';
export const DASHES = '\u2010-\u2015\u2212';
const APOSTROPHE = new RegExp(`[${APOSTROPHES}]`, 'g');
const DASH = new RegExp(`[${DASHES}]`, 'g');

/** The spelling a recode keeps of one name written several ways: most accented letters, then not all capitals, then first in order. */
function bestSpelling(list: string[]): string {
  const accents = (v: string) => (v.normalize('NFD').match(/[\u0300-\u036f]/g) ?? []).length;
  const shouting = (v: string) => (v === v.toUpperCase() || v === v.toLowerCase() ? 1 : 0);
  return [...list].map((v) => v.normalize('NFC')).sort((a, b) => accents(b) - accents(a) || shouting(a) - shouting(b) || a.localeCompare(b))[0]!;
}

/** A whole number's plain spelling ("007" -> "7", "-01" -> "-1"), the key its spellings share; undefined for any other code. */
export function plainNumber(code: string): string | undefined {
  const whole = /^(-?)0*([0-9]+)$/.exec(code);
  return whole ? `${whole[1]}${whole[2]}` : undefined;
}

/**
 * A code as JSON text with its combining marks written as escapes ("Co\\u0302te"): the two Unicode
 * forms of a name look the same on screen, and the recode's keys must be told apart (a walk); the
 * analysis file and the app's button read the escapes as the marks.
 */
function visible(code: string): string {
  return JSON.stringify(code).replace(/[\u0300-\u036f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The values written more than one way: those with one key, each group with two or more spellings,
 * the shortest (the plain number: "01", "1") last.
 */
function groups(values: string[], key: (v: string) => string | undefined): string[][] {
  const same = new Map<string, string[]>();
  for (const v of values) {
    const k = key(v);
    if (k !== undefined) same.set(k, [...(same.get(k) ?? []), v]);
  }
  return [...same.values()].filter((list) => list.length > 1).map((list) => list.sort((a, b) => b.length - a.length || a.localeCompare(b)));
}
