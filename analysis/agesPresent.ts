import type { Engine } from './engine/engine.js';
import type { DeclaredMissing } from './import/declaredMissing.js';
import { ageSql } from './mapping.js';
import { message, type Message } from './messages.js';
import type { Mapping } from './types.js';

/**
 * The whole-number ages the file holds, as ranges ("0-4, 18-70"), or "none": what NO_CHILDREN_IN_SCOPE
 * says beside the age range it found empty, so that a file of adults or of under-fives, a column of
 * birth years or of months is seen at once (a walk: "No row is a child aged 5-17" and nothing more).
 * Read on the error's path only.
 */
export async function agesPresent(engine: Engine, m: Mapping, declared: DeclaredMissing = {}): Promise<string> {
  const rows = await engine.query(`SELECT DISTINCT a FROM (SELECT ${ageSql(m, declared)} AS a FROM src) WHERE a = floor(a) ORDER BY a LIMIT 2000`);
  return ageRanges(rows.map((r) => Number(r.a)).filter(Number.isFinite)) || 'none';
}

/** Whole-number ages, sorted, as ranges ("0-4, 18-70"; at most eight, then "…"); '' for none. */
export function ageRanges(ages: number[]): string {
  if (!ages.length) return '';
  const ranges: string[] = [];
  let from = ages[0]!;
  for (let i = 1; i <= ages.length; i++) {
    if (i < ages.length && ages[i] === ages[i - 1]! + 1) continue;
    const to = ages[i - 1]!;
    ranges.push(from === to ? `${from}` : `${from}-${to}`);
    from = ages[i]!;
  }
  return ranges.length > 8 ? `${ranges.slice(0, 8).join(', ')}, …` : ranges.join(', ');
}

/**
 * AGES_ABSENT: whole ages of the scope (from-to) at which no child is counted, while others are (a
 * child labour module asked of ages 12-17 only): the rows of age groups holding them count the ages
 * present only, and a group of those ages alone has no row at all. A probe: the 5-11 rows gone and
 * the "5-17" rows those of 12-17, unsaid. `have`: the distinct whole ages of the children counted.
 */
export function agesAbsent(have: readonly number[], file: string, from: number, to: number): Message[] {
  const present = new Set(have.map(Number));
  if (!present.size) return [];
  const all = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const missing = all.filter((a) => !present.has(a));
  if (!missing.length) return [];
  return [message('AGES_ABSENT', { file, ages: ageRanges(missing), present: ageRanges(all.filter((a) => present.has(a))), from, to })];
}
