/**
 * Which of the validation's conditions the design pass can count over its typed columns.
 *
 * The conditions (checkValues.ts valueConditions, validate.ts) are SQL over the raw text table `src`,
 * and repeat the parse of the age, the weight and the hours dozens of times: "in scope, employed, with
 * this hazard unknown" holds three parses and a scope test. Evaluated over the text, each such
 * condition cost 0.4-0.8 s at 2M children in DuckDB-WASM; over the typed columns of `classified` the
 * same test costs about 0.05 s. Each typed column of the pass is, by construction, the value of its
 * expression over `src` (surveyColumns: `expression AS name`), so a condition in which every raw cell
 * is read through such an expression is the same condition over `classified` with the expression
 * replaced by the column's name: the same rows match, row by row. A condition that still reads a raw
 * cell itself (a blank test, an unparsable value, a code) stays over `src`.
 *
 * Only whole expressions are replaced: a parenthesised group or a function call, so that putting a
 * name in their place cannot change how the text around them parses (`TRY_CAST(x AS INTEGER) // 100`
 * is neither and is never replaced). Longer expressions first, as one may contain another.
 */
/** Marks a replaced expression until the condition is known to read no raw cell (a character no SQL here holds). */
const MARK = '\u0001';

export interface TypedConditions {
  /** Conditions counted over the raw cells. */
  raw: string[];
  /** Conditions counted over `classified`: the condition as given (its key) and its typed form. */
  over: { raw: string; typed: string }[];
}

/**
 * `survey`: the pass's columns as `expression AS name` (mapping.ts surveyColumns); `left`: names of
 * those that `classified` does not keep as they are (the text of sex, area and the coded breakdowns).
 */
export function typedConditions(conditions: readonly string[], survey: readonly string[], left: readonly string[]): TypedConditions {
  const named = survey.flatMap((col) => {
    const at = col.lastIndexOf(' AS ');
    const expr = col.slice(0, at);
    const name = col.slice(at + 4);
    if (left.includes(name) || !expr.includes('"') || !wholeExpression(expr)) return [];
    // `((x))`: a one-column hours sum is its column's value in parentheses; both forms name it.
    const inner = expr.startsWith('((') && wholeExpression(expr.slice(1, -1)) ? [expr.slice(1, -1)] : [];
    return [expr, ...inner].map((e) => ({ expr: e, name }));
  }).sort((a, b) => b.expr.length - a.expr.length);
  const out: TypedConditions = { raw: [], over: [] };
  for (const c of conditions) {
    let t = c;
    const names: string[] = [];
    for (const { expr, name } of named) {
      if (!t.includes(expr)) continue;
      t = t.split(expr).join(`${MARK}${names.length}${MARK}`);
      names.push(name);
    }
    if (!names.length || readsRawCell(t)) out.raw.push(c);
    // In parentheses: an expression's text may begin with a function's own parenthesis (`isfinite((x))`
    // holds `((x))`, the one-column hours sum), which the name then stands in for.
    else out.over.push({ raw: c, typed: t.replace(new RegExp(`${MARK}(\\d+)${MARK}`, 'g'), (_, i: string) => `(${names[Number(i)]!})`) });
  }
  return out;
}

/** Whether `sql` (string literals aside) still names a column of `src`: a quoted identifier, or rowid. */
function readsRawCell(sql: string): boolean {
  const code = sql.replace(/'(?:[^']|'')*'/g, "''");
  return code.includes('"') || /\browid\b/i.test(code);
}

/** `(...)` or `name(...)` with the first parenthesis closing at the end (string literals skipped). */
export function wholeExpression(sql: string): boolean {
  const open = /^[A-Za-z_]*\(/.exec(sql);
  if (!open || !sql.endsWith(')')) return false;
  let depth = 0;
  for (let i = open[0].length - 1; i < sql.length; i++) {
    const ch = sql[i]!;
    if (ch === "'") {
      // To the closing quote; a doubled quote inside is an escaped one.
      for (i++; i < sql.length; i++) {
        if (sql[i] !== "'") continue;
        if (sql[i + 1] === "'") i++;
        else break;
      }
    } else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return i === sql.length - 1;
  }
  return false;
}
