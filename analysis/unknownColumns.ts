import type { Engine } from './engine/engine.js';
import { mappedColumns } from './mapping.js';
import { AnalysisError, message, type Message } from './messages.js';
import type { Mapping } from './types.js';

/** Columns of the raw table. */
export async function sourceColumns(engine: Engine, table = 'src'): Promise<string[]> {
  const rows = await engine.query(`SELECT column_name FROM (DESCRIBE ${table})`);
  return rows.map((r) => String(r.column_name));
}

/** Errors for mapped columns that the file does not have. */
export function checkColumnsExist(m: Mapping, columns: string[], file: string): void {
  const unknown = unknownColumns(m, columns, file);
  if (unknown.length) throw Object.assign(new AnalysisError(unknown[0]!.code, unknown[0]!.params), { findings: unknown });
}

/**
 * Every mapped column the file lacks, one error each (so that one run names them all). A name the
 * file has in other capitals ("hl4" for HL4: SPSS users expect names to match so) says which.
 */
export function unknownColumns(m: Mapping, columns: string[], file: string): Message[] {
  const have = new Set(columns);
  const out: Message[] = [];
  for (const rc of mappedColumns(m)) {
    if (have.has(rc.column)) continue;
    const other = columns.find((c) => c.toLowerCase() === rc.column.toLowerCase());
    const alike = other === undefined ? columns.find((c) => lookalike(c) === lookalike(rc.column)) : undefined;
    out.push(other !== undefined
      ? message('MAP_COLUMN_CASE', { role: rc.role, column: rc.column, file, actual: other })
      : alike !== undefined ? message('MAP_COLUMN_LOOKALIKE', { role: rc.role, column: rc.column, file, actual: alike, ...lookalikeDetail(alike, rc.column) })
      : message('MAP_UNKNOWN_COLUMN', {
        role: rc.role,
        column: rc.column,
        file,
        available: columns.length > 12 ? `${nearest(columns, rc.column, 12).join(', ')}, ...` : columns.join(', '),
      }));
  }
  return out;
}

/**
 * The `k` columns whose names are nearest `name` (Dice coefficient of their two-letter pieces, capitals
 * aside), nearest first, in file order among equals: a file of hundreds of columns listed from its first
 * twelve left out the renamed one (a walk: H_TRAV missing, HEURES_TRAV column 40).
 */
export function nearest(columns: readonly string[], name: string, k: number): string[] {
  const pairs = (x: string) => {
    const l = x.toLowerCase();
    return new Set(Array.from({ length: Math.max(0, l.length - 1) }, (_, i) => l.slice(i, i + 2)));
  };
  const want = pairs(name);
  const score = (c: string) => {
    const have = pairs(c);
    let both = 0;
    for (const p of have) if (want.has(p)) both++;
    return have.size + want.size ? (2 * both) / (have.size + want.size) : 0;
  };
  return columns.map((c, i) => ({ c, i, s: score(c) })).sort((a, b) => b.s - a.s || a.i - b.i).slice(0, k).map((x) => x.c);
}

/** Characters that show nothing: zero-width space, joiners, word joiner, a byte order mark. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
/** A name as it looks: accents composed (NFC), invisible characters left out, capitals ignored. */
const lookalike = (name: string) => name.normalize('NFC').replace(INVISIBLE, '').toLowerCase();

/** How two names that look the same differ (a catalogue text: words.ts lookalike.*). */
function lookalikeDetail(actual: string, mapped: string): { detail: string; codes?: string } {
  const hidden = [...new Set([...actual.matchAll(INVISIBLE), ...mapped.matchAll(INVISIBLE)].map((x) => x[0]))];
  if (hidden.length) return { detail: 'lookalike.invisible', codes: hidden.map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(', ') };
  return { detail: 'lookalike.decomposed' };
}
