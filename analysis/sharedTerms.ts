/**
 * Terms that several SQL expressions of one projection share, to be computed once.
 *
 * The classification's expressions repeat their parts in every indicator and framework (the scope
 * test, "employed", the hazard list), and the design pass's validation conditions repeat the parse of
 * the weight, the age and the hours dozens of times. DuckDB evaluates every occurrence. Here each
 * parenthesised group that occurs at least twice, longest first, is named `<prefix><k>`; the caller
 * computes the terms in an inner projection and the expressions over it:
 *
 *   SELECT <exprs with names> FROM (SELECT *, <term k> AS <prefix><k>, ... FROM t)
 *
 * Measured natively (DuckDB 1.4, 2M children): the benchmark's classification 0.73-0.85 s -> 0.48-0.54 s,
 * same integers (docs/performance.md). One level only: a term is not rewritten with other terms (a
 * sibling alias in the same projection would be inlined again), and a group is a term only if it
 * still occurs twice once the longer terms are in place.
 *
 * A term is evaluated for every row, also where the expression around it would not have (a CASE
 * branch not taken): so terms that could fail are never hoisted (a plain CAST; TRY_CAST cannot fail).
 * Quoted identifiers and string literals are skipped when the groups are found, and so are the
 * parentheses of a function's arguments (`TRY_CAST(x AS DOUBLE)`) and of an IN list, which are not
 * expressions.
 */
export interface SharedTerms {
  /** The terms, in the order of their names (`<prefix>0`, `<prefix>1`, ...). */
  terms: string[];
  /** The expressions, each term replaced by its name. */
  exprs: string[];
}

/** A group shorter than this is cheaper to evaluate twice than to carry as a column. */
const MIN_LENGTH = 16;

export function sharedTerms(exprs: readonly string[], prefix: string): SharedTerms {
  let current = [...exprs];
  const terms: string[] = [];
  const counts = new Map<string, number>();
  for (const e of current) for (const g of groups(e)) counts.set(g.text, (counts.get(g.text) ?? 0) + 1);
  const candidates = [...counts].filter(([t, n]) => n > 1 && t.length >= MIN_LENGTH && !/(?<![A-Za-z_])CAST\s*\(/i.test(t))
    .map(([t]) => t).sort((a, b) => b.length - a.length);
  for (const term of candidates) {
    // Occurrences left once the longer terms are in place.
    const at = current.map((e) => groups(e).filter((g) => g.text === term));
    if (at.reduce((n, list) => n + list.length, 0) < 2) continue;
    const name = `${prefix}${terms.length}`;
    terms.push(term);
    current = current.map((e, i) => replaceOutermost(e, at[i]!, name));
  }
  return { terms, exprs: current };
}

interface Group { start: number; end: number; text: string }

/** Every balanced parenthesised group of `sql` (outside quotes), with its position. */
function groups(sql: string): Group[] {
  const out: Group[] = [];
  const open: number[] = [];
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i]!;
    if (c === "'" || c === '"') {
      // To the closing quote; a doubled quote inside is an escaped one.
      for (i++; i < sql.length; i++) {
        if (sql[i] === c) {
          if (sql[i + 1] === c) i++;
          else break;
        }
      }
    } else if (c === '(') open.push(i);
    else if (c === ')' && open.length) {
      const start = open.pop()!;
      if (isExpression(sql, start)) out.push({ start, end: i + 1, text: sql.slice(start, i + 1) });
    }
  }
  return out;
}

/** Words after which a parenthesis opens an expression; after any other word it opens a function's arguments or an IN list. */
const BEFORE_EXPRESSION = new Set(['AND', 'OR', 'NOT', 'WHEN', 'THEN', 'ELSE', 'CASE', 'SELECT', 'BETWEEN']);

/** Whether the group opening at `start` is an expression, not `f(...)`'s arguments, `CAST(x AS t)` or `IN (...)`. */
function isExpression(sql: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && /\s/.test(sql[i]!)) i--;
  if (i < 0 || !/[A-Za-z0-9_"]/.test(sql[i]!)) return true;
  const word = /[A-Za-z0-9_]+$/.exec(sql.slice(Math.max(0, i - 15), i + 1))?.[0];
  return !!word && BEFORE_EXPRESSION.has(word.toUpperCase());
}

/** `sql` with the given occurrences of one term replaced by `name` (occurrences never overlap: same text, balanced). */
function replaceOutermost(sql: string, at: Group[], name: string): string {
  const sorted = [...at].sort((a, b) => a.start - b.start);
  let out = '';
  let from = 0;
  for (const g of sorted) {
    if (g.start < from) continue;
    out += sql.slice(from, g.start) + name;
    from = g.end;
  }
  return out + sql.slice(from);
}
