/**
 * `--progress`: the step the command is in, on standard error, for every step that takes over one
 * second: a line each second while it runs ("progress: validate 2 s (total 7 s)"), and one when it
 * ends ("progress: validate done in 2.4 s"). Steps under a second print nothing. The steps are named
 * by the pipeline: import (read, decode, load, convert), validate, prepare, classify, estimate, write.
 *
 * The native engine runs its queries off the main thread, so the lines come on time; the estimation
 * pass holds the thread and names its step again breakdown by breakdown. DuckDB-WASM in Node (--engine
 * wasm) blocks the thread during a query, and a line may then come only when the query ends.
 */
export class StepProgress {
  private name = '';
  private stepStart = 0;
  private lastLine = 0;
  private readonly started = performance.now();
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(private readonly out: (line: string) => void) {
    this.timer = setInterval(() => this.tick(), 1000);
    this.timer.unref?.();
  }

  /** The pipeline enters a step (the one before it ends); the same step again: still in it. */
  step(name: string): void {
    if (name === this.name) return this.tick();
    this.end();
    this.name = name;
    this.stepStart = performance.now();
  }

  private tick(): void {
    if (!this.name) return;
    const now = performance.now();
    if (now - this.stepStart < 1000 || now - this.lastLine < 900) return;
    this.lastLine = now;
    this.out(`progress: ${this.name} ${Math.floor((now - this.stepStart) / 1000)} s (total ${Math.floor((now - this.started) / 1000)} s)`);
  }

  private end(): void {
    if (!this.name) return;
    const ms = performance.now() - this.stepStart;
    if (ms >= 1000) this.out(`progress: ${this.name} done in ${(ms / 1000).toFixed(1)} s`);
    this.name = '';
  }

  /** The last step ends; no more lines. */
  stop(): void {
    this.end();
    clearInterval(this.timer);
  }
}
