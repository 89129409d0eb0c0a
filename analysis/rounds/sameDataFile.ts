/**
 * Two rounds reading one data file (ROUNDS_SAME_DATA_FILE): their estimates would be the same and every
 * change 0. An analysis saved by the app names each round's files without their folders, so MICS's
 * fs.sav of two rounds become one path. `paths`: each round's main data file, as the caller compares
 * them (the command line: resolved; the app: as written). The first such pair of rounds, or null.
 */
export function sameDataFile(paths: readonly string[]): [number, number] | null {
  const second = paths.findIndex((p, i) => paths.indexOf(p) !== i);
  return second < 0 ? null : [paths.indexOf(paths[second]!), second];
}
