/**
 * The milliseconds of a run's steps, for `--timing` and the benchmark: lap(name) adds the time since
 * the last lap (or the start) to that step's, so a step timed in two places is summed.
 */
export function stopwatch(): { timings: Record<string, number>; lap: (name: string) => void } {
  const timings: Record<string, number> = {};
  let t0 = performance.now();
  const lap = (name: string) => {
    const t = performance.now();
    timings[name] = (timings[name] ?? 0) + (t - t0);
    t0 = t;
  };
  return { timings, lap };
}
