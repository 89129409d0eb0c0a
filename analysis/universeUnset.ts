import type { Engine } from './engine/engine.js';
import { ident } from './engine/values.js';
import type { DataLabels } from './import/labels.js';
import { message, type Message } from './messages.js';
import type { Mapping } from './types.js';
import { RESULT_OF_INTERVIEW } from './import/keptColumns.js';

/** A column that records the result of the interview: MICS6's FS17 by name (kept by the command line's import, keptColumns.ts), or a variable label that says so. */
const RESULT_LABEL = /result of (the )?.*interview|r[ée]sultat (de l'|du questionnaire|de l.entretien)|resultado de la entrevista/i;

/**
 * UNIVERSE_NOT_SET: no universe is mapped while the file has a result-of-interview column (MICS6 FS17)
 * whose code is not 1 for weighted children in scope. MICS6 releases give the incomplete interviews
 * weight 0, but a re-weighted release does not, and those children, with an empty module, then count
 * as children who do not work (a probe: ILO child labour 36.6 % instead of 38.9 %). `child`: the SQL of
 * a weighted child in the frameworks' ages; `columns`: the file's columns.
 */
export async function universeNotSet(
  engine: Engine, m: Mapping, file: string, columns: readonly string[], labels: DataLabels | undefined, child: string,
): Promise<Message[]> {
  if (m.universe) return [];
  const column = columns.find((c) => RESULT_OF_INTERVIEW.test(c)) ?? columns.find((c) => RESULT_LABEL.test(labels?.variables[c] ?? ''));
  if (!column) return [];
  const c = ident(column);
  const [r] = await engine.query(
    `SELECT COUNT(*) FILTER (WHERE trim(${c}) NOT IN ('1', '1.0'))::BIGINT AS n, COUNT(*) FILTER (WHERE trim(${c}) IN ('1', '1.0'))::BIGINT AS done FROM src WHERE ${child} AND ${c} IS NOT NULL AND trim(${c}) <> ''`,
  );
  const n = Number(r?.n ?? 0);
  if (n === 0 || Number(r?.done ?? 0) === 0) return [];
  return [message('UNIVERSE_NOT_SET', { file, column, count: n })];
}
