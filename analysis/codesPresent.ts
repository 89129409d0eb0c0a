import type { Engine } from './engine/engine.js';
import { ident } from './engine/values.js';
import type { DataLabels } from './import/labels.js';
import { message, type Message } from './messages.js';
import type { Mapping } from './types.js';

/** How many codes a list of the codes present names. */
const SHOWN = 5;

/**
 * The codes `column` holds among the rows `where`, the most frequent first, each with its value label
 * when the file has one and its number of rows: `1 = "male" (1195), 2 = "female" (1205)`; a blank cell
 * is the code "". For messages that say a mapping names codes the file does not hold (a label typed
 * for its code), so the user sees the codes to give instead.
 */
export async function codesPresent(engine: Engine, column: string, where: string, labels?: DataLabels, table = 'src'): Promise<string> {
  const c = ident(column);
  const rows = await engine.query(
    `SELECT COALESCE(${c}, '') AS v, COUNT(*)::BIGINT AS n FROM ${table} WHERE ${where} GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${SHOWN + 1}`,
  );
  const own = labels?.values[column] ?? {};
  const list = rows.slice(0, SHOWN).map((r) => {
    const v = String(r.v);
    const label = own[v] === undefined ? '' : ` = "${own[v]}"`;
    return `${v === '' ? '""' : v}${label} (${Number(r.n)})`;
  });
  return list.join(', ') + (rows.length > SHOWN ? ', ...' : '');
}

/** The value label of a code, as CODE_NOT_MAPPED writes it after the code (` = "male"`), or ''. */
export const labelOf = (labels: DataLabels | undefined, column: string, code: string): string => {
  const label = labels?.values[column]?.[code];
  return label === undefined ? '' : ` = "${label}"`;
};

/** The coded roles whose two codes each child should match (sex; area when mapped). */
export function codedRoles(m: Mapping): { role: 'sex' | 'area'; column: string; codes: [string, string]; fields: string }[] {
  const out: ReturnType<typeof codedRoles> = [{ role: 'sex', column: m.sex.column, codes: [m.sex.male, m.sex.female], fields: 'mapping.sex.male, mapping.sex.female' }];
  if (m.area) out.push({ role: 'area', column: m.area.column, codes: [m.area.urban, m.area.rural], fields: 'mapping.area.urban, mapping.area.rural' });
  return out;
}

/**
 * Children in scope hold values in the sex (or area) column but none holds either mapped code: the
 * mapping names labels ("male") where the file holds codes (1), and every sex row of the results would
 * be missing. An error (MAPPED_CODES_NOT_FOUND) naming the codes the column holds, with their labels.
 * `child`: the SQL condition of a child in scope.
 */
export async function mappedCodesNotFound(
  engine: Engine, r: ReturnType<typeof codedRoles>[number], child: string, valued: string, ctx: { file: string; from: number; to: number; labels?: DataLabels },
): Promise<Message> {
  const present = await codesPresent(engine, r.column, `${child} AND ${valued}`, ctx.labels);
  return message('MAPPED_CODES_NOT_FOUND', {
    file: ctx.file, from: ctx.from, to: ctx.to, role: r.role, column: r.column, present, fields: r.fields,
    codes: r.codes.map((x) => `"${x}"`).join(', '),
  });
}
