/**
 * The one seeded random generator of the project's data scripts (sample data, fixtures, benchmark):
 * mulberry32, small and fast, so that every script writes the same bytes on every run (no
 * Math.random, no clock). Not for anything but synthetic data.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
