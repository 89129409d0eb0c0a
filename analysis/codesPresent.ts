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

/** The coded roles whose two codes each child should match (sex; area when mapped), with the analysis file's field of each code. */
export function codedRoles(m: Mapping): { role: 'sex' | 'area'; column: string; codes: [string, string]; codeFields: [string, string] }[] {
  const out: ReturnType<typeof codedRoles> = [{ role: 'sex', column: m.sex.column, codes: [m.sex.male, m.sex.female], codeFields: ['mapping.sex.male', 'mapping.sex.female'] }];
  if (m.area) out.push({ role: 'area', column: m.area.column, codes: [m.area.urban, m.area.rural], codeFields: ['mapping.area.urban', 'mapping.area.rural'] });
  return out;
}

/**
 * One mapped code of a coded role that no row holds, while other rows hold codes the mapping does not
 * name: its group is empty and those rows are in no group. When the code is the file's label of a
 * code it holds ("Urban" for 1, any case), it is a label typed for its code (MAPPED_CODE_IS_LABEL, an
 * error); else a warning (MAPPED_CODE_ABSENT: a survey may have no rural rows, and CODE_NOT_MAPPED
 * names the codes found). `valued`: the SQL condition of a row with a value in the column.
 */
export async function mappedCodeAbsent(
  engine: Engine, r: ReturnType<typeof codedRoles>[number], j: 0 | 1, valued: string, ctx: { file: string; labels?: DataLabels },
): Promise<Message> {
  const code = r.codes[j];
  const present = await codesPresent(engine, r.column, valued, ctx.labels);
  const params = { file: ctx.file, role: r.role, column: r.column, code, field: r.codeFields[j], present };
  const own = Object.entries(ctx.labels?.values[r.column] ?? {});
  const labelled = own.find(([, label]) => label.trim().toLowerCase() === code.trim().toLowerCase())?.[0];
  return labelled === undefined ? message('MAPPED_CODE_ABSENT', params) : message('MAPPED_CODE_IS_LABEL', { ...params, labelled });
}

/**
 * A code written with its label ("1. Yes", "2 No", "1) Oui", "1. Male"), as Stata's numlabel and
 * SPSS's "values and labels" exports write them: its code and its label, or null.
 */
export const codeWithLabel = (v: string): { code: string; label: string } | null => {
  const m = /^\s*([0-9]+)\s*[.:)-]?\s+(\S.*?)\s*$/.exec(v);
  return m ? { code: m[1]!, label: m[2]! } : null;
};

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
  const params = { file: ctx.file, from: ctx.from, to: ctx.to, role: r.role, column: r.column, present, fields: r.codeFields.join(', '), codes: r.codes.map((x) => `"${x}"`).join(', ') };
  // Each mapped code written with its label ("1. Male" for "1": Stata's numlabel, SPSS's values and
  // labels): the advice names the cells to give (a probe: "give the codes, not their labels" alone).
  const values = (await engine.query(`SELECT DISTINCT ${ident(r.column)} AS v FROM src WHERE ${child} AND ${valued} LIMIT 50`)).map((x) => String(x.v));
  const withLabel = r.codes.map((code) => values.filter((v) => {
    const c = codeWithLabel(v);
    return c !== null && Number(c.code) === Number(code);
  }));
  if (r.codes.every((c) => /^[0-9]+$/.test(c)) && withLabel.every((w) => w.length === 1)) {
    return message('MAPPED_CODES_WITH_LABELS', { ...params, given: r.codeFields.map((f, i) => `${f}: "${withLabel[i]![0]}"`).join(', ') });
  }
  return message('MAPPED_CODES_NOT_FOUND', params);
}
