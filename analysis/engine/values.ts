import type { Value } from './engine.js';

/**
 * The one place where engine values become JavaScript values. DuckDB returns BIGINT/HUGEINT as
 * BigInt and DECIMAL as scaled integers; the core works in doubles, so counts become numbers here.
 * A count beyond 2^53 cannot occur in a survey file, so it is an error rather than a silent rounding.
 */
export function toJs(v: unknown): Value {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') {
    if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < -BigInt(Number.MAX_SAFE_INTEGER)) {
      throw new RangeError(`integer ${v} is beyond exact double precision`);
    }
    return Number(v);
  }
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}

/** SQL string literal. */
export function sqlString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/** SQL identifier, always quoted: column names come from users' files. */
export function ident(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/**
 * `terms` joined by a binary operator (`+`, `OR`, `AND`) as a balanced tree of parentheses:
 * `((a + b) + (c + d))`. DuckDB's parser stops at an expression depth of 1,000, and a flat
 * `a + b + ... + z` over every column of a file nests one level per column: a DHS recode of 4,000
 * variables could not be read. The tree nests log2(n) levels. One term is returned as it is.
 */
export function balanced(terms: readonly string[], op: '+' | 'OR' | 'AND'): string {
  if (terms.length <= 1) return terms[0] ?? (op === '+' ? '0' : op === 'OR' ? 'FALSE' : 'TRUE');
  const mid = terms.length >> 1;
  return `(${balanced(terms.slice(0, mid), op)} ${op} ${balanced(terms.slice(mid), op)})`;
}
