/** The result of the interview (MICS6 fs: FS17), kept unmapped: the validation checks a universe is set (universeUnset.ts). */
export const RESULT_OF_INTERVIEW = /^fs17$/i;

/** The columns to store: `wanted` if the file has every one of them, else all. */
export function keptColumns(names: string[], wanted: readonly string[] | undefined): Set<string> {
  if (!wanted || !wanted.every((w) => names.includes(w))) return new Set(names);
  const set = new Set([...wanted, ...names.filter((n) => RESULT_OF_INTERVIEW.test(n))]);
  return new Set(names.filter((n) => set.has(n)));
}
