/** The columns to store: `wanted` if the file has every one of them, else all. */
export function keptColumns(names: string[], wanted: readonly string[] | undefined): Set<string> {
  if (!wanted || !wanted.every((w) => names.includes(w))) return new Set(names);
  const set = new Set(wanted);
  return new Set(names.filter((n) => set.has(n)));
}
