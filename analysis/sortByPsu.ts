/**
 * The permutation that sorts rows by PSU id (a counting sort: ids are 1..P), so that every pass reads
 * the columns front to back. Callers apply it once per loaded file (AnalysisSession).
 */
export function sortByPsu(psu: Int32Array): Int32Array {
  let P = 0;
  for (let i = 0; i < psu.length; i++) if (psu[i]! > P) P = psu[i]!;
  const next = new Int32Array(P + 2);
  for (let i = 0; i < psu.length; i++) next[psu[i]! + 1]!++;
  for (let p = 1; p < next.length; p++) next[p]! += next[p - 1]!;
  const order = new Int32Array(psu.length);
  for (let i = 0; i < psu.length; i++) order[next[psu[i]!]!++] = i;
  return order;
}

/** values[order[i]] for every i. */
export function permute<T extends Float64Array | Int32Array | Int8Array>(values: T, order: Int32Array): T {
  const out = new (values.constructor as new (n: number) => T)(order.length);
  for (let i = 0; i < order.length; i++) out[i] = values[order[i]!]!;
  return out;
}
