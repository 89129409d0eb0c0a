import { IN_SCOPE } from './classify.js';
import type { AnalysisSession } from './analysisSession.js';
import type { Engine } from './engine/engine.js';
import { extraColumn } from './mapping.js';
import { message, type Message } from './messages.js';
import { pctNumber } from './pctNumber.js';
import type { Dimension, Mapping } from './types.js';

/**
 * Children who are in no row of a breakdown (BREAKDOWN_VALUE_MISSING): of the children in scope, those
 * whose sex, area, region or extra characteristic has no code the run reads (a blank cell, a code the
 * file declares missing, a sex or area code the mapping does not name). They count in every total and
 * in no row by that characteristic, so its rows no longer add up to the total, which is right (R's
 * domain estimates do the same) but was said nowhere (a probe: 1 % of the children without a region).
 * Counted once per age range over `classified`'s codes (`_c_<dimension>` -1), kept in the session, so
 * a threshold edit does not count again.
 */
function coded(m: Mapping): { dim: Dimension; column: string; code: string; role: string }[] {
  return [
    { dim: 'sex', column: m.sex.column, code: '_c_sex', role: 'sex' },
    ...(m.area ? [{ dim: 'area' as Dimension, column: m.area.column, code: '_c_area', role: 'area' }] : []),
    ...(m.region ? [{ dim: 'region' as Dimension, column: m.region.column, code: '_c_region', role: 'region' }] : []),
    ...(m.extras ?? []).map((e, i) => ({ dim: e as Dimension, column: e, code: `_c_${extraColumn(i)}`, role: `extra ${e}` })),
  ];
}

export async function breakdownMissing(
  engine: Engine, session: AnalysisSession, m: Mapping, breakdowns: readonly (readonly Dimension[])[],
  o: { file: string; children: number; from: number; to: number },
): Promise<Message[]> {
  const dims = coded(m);
  const key = `${o.from}-${o.to}`;
  let counts = session.noCode.get(key);
  if (!counts) {
    const [r] = await engine.query(
      `SELECT ${dims.map((d, i) => `COUNT(*) FILTER (WHERE ${d.code} < 0)::BIGINT AS d${i}`).join(', ')}
       FROM classified WHERE age = floor(age) AND age BETWEEN ${o.from} AND ${o.to} AND ${IN_SCOPE}`,
    );
    counts = dims.map((_, i) => Number(r![`d${i}`]));
    session.noCode.set(key, counts);
  }
  const used = new Set(breakdowns.flat());
  return dims.flatMap((d, i) => {
    const count = counts[i]!;
    if (!used.has(d.dim) || !(count > 0) || !(o.children > 0)) return [];
    return [message('BREAKDOWN_VALUE_MISSING', { file: o.file, column: d.column, role: d.role, count, children: o.children, share: pctNumber(count / o.children), from: o.from, to: o.to })];
  });
}
