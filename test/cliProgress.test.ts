import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseArgs } from '../analysis/cli/main.js';
import { StepProgress } from '../analysis/cli/progress.js';

/** clstats --progress: each step over a second is named, every second while it runs and when it ends. */
describe('clstats --progress', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('is an option of run and validate', () => {
    expect(parseArgs(['run', 'a.json', '--progress']).progress).toBe(true);
    expect(parseArgs(['validate', 'a.json']).progress).toBe(false);
  });

  it('names a step each second while it runs and when it ends; steps under a second print nothing', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'performance'] });
    const lines: string[] = [];
    const p = new StepProgress((l) => lines.push(l));
    p.step('import (read)');
    vi.advanceTimersByTime(2500);
    p.step('validate');
    vi.advanceTimersByTime(400);
    p.step('prepare');
    vi.advanceTimersByTime(100);
    p.stop();
    expect(lines).toEqual([
      'progress: import (read) 1 s (total 1 s)',
      'progress: import (read) 2 s (total 2 s)',
      'progress: import (read) done in 2.5 s',
    ]);
  });

  it('names a step that holds the thread (no timer fires) when the step is named again', () => {
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const lines: string[] = [];
    const p = new StepProgress((l) => lines.push(l));
    p.step('estimate');
    // The thread is busy: time passes without the timer; the pass names its step between breakdowns.
    for (const t of [1500, 1700, 3200]) {
      now = t;
      p.step('estimate');
    }
    now = 3300;
    p.stop();
    expect(lines).toEqual([
      'progress: estimate 1 s (total 1 s)',
      'progress: estimate 3 s (total 3 s)',
      'progress: estimate done in 3.3 s',
    ]);
  });
});
