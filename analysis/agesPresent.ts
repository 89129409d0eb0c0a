import type { Engine } from './engine/engine.js';
import type { DeclaredMissing } from './import/declaredMissing.js';
import { ageSql } from './mapping.js';
import type { Mapping } from './types.js';

/**
 * The whole-number ages the file holds, as ranges ("0-4, 18-70"), or "none": what NO_CHILDREN_IN_SCOPE
 * says beside the age range it found empty, so that a file of adults or of under-fives, a column of
 * birth years or of months is seen at once (a walk: "No row is a child aged 5-17" and nothing more).
 * Read on the error's path only.
 */
export async function agesPresent(engine: Engine, m: Mapping, declared: DeclaredMissing = {}): Promise<string> {
  const rows = await engine.query(`SELECT DISTINCT a FROM (SELECT ${ageSql(m, declared)} AS a FROM src) WHERE a = floor(a) ORDER BY a LIMIT 2000`);
  const ages = rows.map((r) => Number(r.a)).filter(Number.isFinite);
  if (!ages.length) return 'none';
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
