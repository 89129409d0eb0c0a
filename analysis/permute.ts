/** values[order[i]] for every i: a column of a query's result put in another order (designOrder). */
export function permute<T extends Float64Array | Int32Array | Int8Array>(values: T, order: Int32Array): T {
  const out = new (values.constructor as new (n: number) => T)(order.length);
  for (let i = 0; i < order.length; i++) out[i] = values[order[i]!]!;
  return out;
}
