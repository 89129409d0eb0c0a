import type { AnalysisFile, AnalysisResult, DataSpec, Message } from '../../analysis/index.js';
import type { RoundsAnalysisFile, RoundsResult } from '../../analysis/rounds/types.js';
import type { JoinSpec } from '../../analysis/types.js';
import type { CheckResult, EngineReply, EngineRequest, SetFile, TableProfile } from './protocol.js';

export type ProgressListener = (step: string, done: number, of: number) => void;

/** A failed request: the core's coded message, and the other findings that came with it. */
export class EngineError extends Error {
  constructor(readonly msg: Message, readonly findings: Message[]) {
    super(msg.text);
  }
}

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
  }
}

interface Pending {
  resolve(reply: EngineReply): void;
  reject(e: Error): void;
  progress?: ProgressListener;
}

/** A request before it gets its id (distributes over the union, so each kind keeps its fields). */
type Req<K extends EngineRequest['kind']> = K extends EngineRequest['kind'] ? Omit<Extract<EngineRequest, { kind: K }>, 'id'> : never;

/**
 * The page's side of the engine worker. Cancelling terminates the worker (DuckDB cannot interrupt a
 * query from outside) and starts a fresh one, reloading the file it had, so the app stays usable.
 */
export class EngineClient {
  private worker!: Worker;
  private next = 1;
  private readonly pending = new Map<number, Pending>();
  private loaded: Req<'load'> | Req<'loadSet'> | undefined;

  constructor() {
    this.start();
  }

  private start(): void {
    this.worker = new Worker(new URL('./engineWorker.ts', import.meta.url), { type: 'module', name: 'engine' });
    this.worker.onmessage = (e: MessageEvent<EngineReply>) => {
      const p = this.pending.get(e.data.id);
      if (!p) return;
      if (e.data.kind === 'progress') p.progress?.(e.data.step, e.data.done, e.data.of);
      else {
        this.pending.delete(e.data.id);
        p.resolve(e.data);
      }
    };
  }

  private send(req: Req<EngineRequest['kind']>, progress?: ProgressListener): Promise<EngineReply> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, progress });
      this.worker.postMessage({ ...req, id });
    });
  }

  private static unwrap<K extends EngineReply['kind']>(reply: EngineReply, kind: K): Extract<EngineReply, { kind: K }> {
    if (reply.kind === 'error') throw new EngineError(reply.message, reply.findings);
    if (reply.kind !== kind) throw new Error(`unexpected reply ${reply.kind}`);
    return reply as Extract<EngineReply, { kind: K }>;
  }

  /**
   * Loads a data file of any format the core reads, with the analysis file's reading options if
   * given (and its mapped columns: a workbook's data sheet is the first that has them); the bytes are copied, so the page keeps its own for a restart after cancel.
   */
  async load(name: string, bytes: Uint8Array, progress?: ProgressListener, data?: DataSpec, columns?: string[]): Promise<TableProfile> {
    const req: Req<'load'> = { kind: 'load', name, bytes, ...(data ? { data } : {}), ...(columns?.length ? { columns } : {}) };
    const reply = EngineClient.unwrap(await this.send(req, progress), 'loaded');
    this.loaded = req;
    return reply.profile;
  }

  /**
   * Loads several files opened together (a survey file set): with the analysis file's main file and
   * joins if given, else the main file and joins suggested from the files (profile.joinSpecs).
   */
  async loadSet(files: SetFile[], progress?: ProgressListener, given?: { main: DataSpec; joins: JoinSpec[] }): Promise<TableProfile> {
    const req: Req<'loadSet'> = { kind: 'loadSet', files, ...(given ? { given } : {}) };
    const reply = EngineClient.unwrap(await this.send(req, progress), 'loaded');
    this.loaded = req;
    return reply.profile;
  }

  /** The file set loaded last, again, with other joins (a join the user removed): its files are kept here. */
  async reloadSet(given: { main: DataSpec; joins: JoinSpec[] }, progress?: ProgressListener): Promise<TableProfile> {
    if (this.loaded?.kind !== 'loadSet') throw new Error('no file set loaded');
    return this.loadSet(this.loaded.files, progress, given);
  }

  /**
   * The data loaded last (one file, or a file set with these joins), read again from the bytes kept
   * here with the main file's data spec `data`: other reading options (a decimal comma).
   */
  async reload(data: DataSpec, joins: JoinSpec[], progress?: ProgressListener): Promise<TableProfile> {
    if (this.loaded?.kind === 'load') return this.load(this.loaded.name, this.loaded.bytes, progress, data, this.loaded.columns);
    if (this.loaded?.kind === 'loadSet') return this.loadSet(this.loaded.files, progress, { main: data, joins });
    throw new Error('no data loaded');
  }

  async check(analysis: AnalysisFile): Promise<CheckResult> {
    return EngineClient.unwrap(await this.send({ kind: 'check', analysis }), 'checked').check;
  }

  async run(analysis: AnalysisFile, progress?: ProgressListener): Promise<AnalysisResult> {
    return EngineClient.unwrap(await this.send({ kind: 'run', analysis }, progress), 'result').result;
  }

  /** The files of the data loaded last (one file, or a file set), as they were opened: a round keeps them. */
  loadedFiles(): SetFile[] {
    if (!this.loaded) return [];
    return this.loaded.kind === 'loadSet' ? [...this.loaded.files] : [{ name: this.loaded.name, bytes: this.loaded.bytes }];
  }

  /**
   * Every round of a rounds analysis and the changes (the core's runRounds), each round from its own
   * files (`files[i]`: round i's data file and joined files). The rounds take the engine's tables, so
   * the file loaded before is loaded again afterwards, and the steps that show it go on as before.
   */
  async runRounds(rounds: RoundsAnalysisFile, files: SetFile[][], progress?: ProgressListener): Promise<RoundsResult> {
    try {
      return EngineClient.unwrap(await this.send({ kind: 'runRounds', rounds, files }, progress), 'roundsResult').result;
    } finally {
      if (this.loaded) await this.send(this.loaded);
    }
  }

  /** Stops whatever is running; pending requests fail with CancelledError. */
  cancel(): void {
    this.worker.terminate();
    for (const p of this.pending.values()) p.reject(new CancelledError());
    this.pending.clear();
    this.start();
    if (this.loaded) void this.send(this.loaded);
  }
}
