/**
 * The main thread's side of a lint worker (worker.ts): one job in flight at a
 * time, at most one queued job per document (a newer version replaces the
 * queued one, whose caller learns it was cancelled). Results of jobs that were
 * already running when a newer version came are discarded by the caller,
 * which compares versions.
 *
 * Queries ('occurrences', for hover and document highlights) do not queue:
 * they are posted at once, answered in order after the job in flight, and
 * resolve to null when they time out, the worker stops or jieba is missing.
 *
 * Two roles: 'segmented' (owns the jieba dictionary, runs the rules that need
 * tokens) and 'fast' (no jieba; runs the fast rules of very large drafts off
 * the main thread, so that requests are answered while they are checked).
 */
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ResolvedConfig } from './core/config';
import type { PhraseOccurrences } from './core/occurrences';
import type { Finding } from './core/rule';
import type { FromWorker, ToWorker, WorkerRole } from './worker-protocol';

export type WorkerResult =
  | { status: 'ok'; findings: Finding[]; ms: number }
  | { status: 'cancelled' }
  | { status: 'unavailable'; error: string }
  | { status: 'failed'; error: string };

export interface RunnerLog {
  info(m: string): void;
  warn(m: string): void;
  error(m: string): void;
  /** Log only the first time this text is seen. */
  errorOnce(m: string): void;
  debug(m: string): void;
}

interface Job {
  id: number;
  uri: string;
  version: number;
  text: string;
  config: ResolvedConfig;
  dictionaryPath?: string;
  resolve: (r: WorkerResult) => void;
}

const MAX_RESTARTS = 3;
/** The worker's young generation (3 × its semi-space), in MB. */
export const WORKER_YOUNG_GENERATION_MB = 3;
/** A query unanswered after this long resolves to null (a hover that late is of no use). */
export const QUERY_TIMEOUT_MS = 10_000;

interface Query {
  /** "uri v3 at 120", for the log */
  what: string;
  resolve: (r: PhraseOccurrences | null) => void;
  timer: NodeJS.Timeout;
}

export class LintWorker {
  private worker?: Worker;
  private inFlight?: Job;
  private readonly queue = new Map<string, Job>();
  private readonly queries = new Map<number, Query>();
  private nextId = 1;
  private restarts = 0;
  private unavailable?: string;
  private disposed = false;

  constructor(
    private readonly log: RunnerLog,
    readonly role: WorkerRole,
    private readonly workerFile = path.join(__dirname, 'worker.js'),
  ) {}

  /** False once the worker cannot be used (for 'segmented': jieba does not load here; the message was logged). */
  get available(): boolean {
    return this.unavailable === undefined && !this.disposed;
  }

  /** Start the worker (for 'segmented': load the dictionary in the background). */
  start(dictionaryPath?: string): void {
    this.ensureWorker()?.postMessage({ type: 'warmup', dictionaryPath } satisfies ToWorker);
  }

  request(uri: string, version: number, text: string, config: ResolvedConfig, dictionaryPath?: string): Promise<WorkerResult> {
    if (!this.available) return Promise.resolve({ status: 'unavailable', error: this.unavailable ?? 'stopped' });
    return new Promise((resolve) => {
      const old = this.queue.get(uri);
      if (old) old.resolve({ status: 'cancelled' });
      this.queue.delete(uri);
      this.queue.set(uri, { id: this.nextId++, uri, version, text, config, dictionaryPath, resolve });
      this.pump();
    });
  }

  /**
   * The flagged phrase or repeated word at `offset` of this text, with all its
   * occurrences ('segmented' worker only); null when there is none, and when
   * the worker is unavailable, fails or does not answer within `timeoutMs`.
   */
  occurrences(uri: string, version: number, text: string, offset: number, config: ResolvedConfig, dictionaryPath?: string, timeoutMs = QUERY_TIMEOUT_MS): Promise<PhraseOccurrences | null> {
    if (this.role !== 'segmented' || !this.available) return Promise.resolve(null);
    const w = this.ensureWorker();
    if (!w) return Promise.resolve(null);
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        if (!this.queries.delete(id)) return;
        this.log.debug(`speechlint: occurrences query for ${uri} v${version} timed out after ${timeoutMs} ms`);
        resolve(null);
      }, timeoutMs);
      timer.unref();
      this.queries.set(id, { what: `${uri} v${version} at ${offset}`, resolve, timer });
      try {
        w.postMessage({ type: 'occurrences', id, uri, version, text, offset, config, dictionaryPath } satisfies ToWorker);
      } catch (e) {
        this.answer(id, null);
        this.log.error(`speechlint: occurrences query failed: ${String(e)}`);
      }
    });
  }

  /** A document was closed: the worker drops what it keeps of it. */
  forget(uri: string): void {
    this.cancel(uri);
    if (this.role !== 'segmented' || !this.worker) return;
    try {
      this.worker.postMessage({ type: 'forget', uri } satisfies ToWorker);
    } catch {
      // the worker is gone: it keeps nothing
    }
  }

  private answer(id: number, r: PhraseOccurrences | null): boolean {
    const q = this.queries.get(id);
    if (!q) return false;
    this.queries.delete(id);
    clearTimeout(q.timer);
    q.resolve(r);
    return true;
  }

  private answerAll(): void {
    for (const id of [...this.queries.keys()]) this.answer(id, null);
  }

  /** Drop the queued job of a document (closed, or superseded by a newer check). */
  cancel(uri: string): void {
    const old = this.queue.get(uri);
    if (old) {
      this.queue.delete(uri);
      old.resolve({ status: 'cancelled' });
    }
  }

  /** Stop the worker; resolves once its thread has ended (and what it held is freed). */
  dispose(): Promise<void> {
    this.disposed = true;
    this.failAll({ status: 'cancelled' });
    const w = this.worker;
    this.worker = undefined;
    return w ? w.terminate().then(() => undefined) : Promise.resolve();
  }

  private pump(): void {
    if (this.inFlight || this.queue.size === 0) return;
    const w = this.ensureWorker();
    if (!w) {
      this.failAll({ status: 'unavailable', error: this.unavailable ?? 'worker cannot start' });
      return;
    }
    const [uri, job] = this.queue.entries().next().value as [string, Job];
    this.queue.delete(uri);
    this.inFlight = job;
    const msg: ToWorker = { type: 'lint', phase: this.role, id: job.id, uri: job.uri, version: job.version, text: job.text, config: job.config, dictionaryPath: job.dictionaryPath };
    try {
      w.postMessage(msg);
    } catch (e) {
      this.inFlight = undefined;
      job.resolve({ status: 'failed', error: String(e) });
      this.pump();
    }
  }

  private ensureWorker(): Worker | undefined {
    if (this.worker) return this.worker;
    if (this.disposed || this.unavailable !== undefined) return undefined;
    let w: Worker;
    try {
      // a small young generation, as the extension's --max-semi-space-size=1 gives it (client/src/server-path.ts),
      // also where the server is started without that flag (other editors): RSS stays lower while typing
      w = new Worker(this.workerFile, { workerData: { role: this.role }, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
    } catch (e) {
      this.markUnavailable(`cannot start the ${this.role} worker: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
    w.unref();
    w.on('message', (m: FromWorker) => this.onMessage(m));
    w.on('error', (e) => this.log.error(`speechlint: ${this.role} worker error: ${e instanceof Error ? e.stack ?? e.message : String(e)}`));
    w.on('exit', (code) => {
      if (this.worker !== w) return;
      this.worker = undefined;
      const job = this.inFlight;
      this.inFlight = undefined;
      this.answerAll();
      if (this.disposed) return;
      this.log.error(`speechlint: ${this.role} worker exited (code ${code})`);
      job?.resolve({ status: 'failed', error: `worker exited (code ${code})` });
      if (++this.restarts > MAX_RESTARTS) {
        this.markUnavailable(`the ${this.role} worker stopped ${this.restarts} times`);
        return;
      }
      this.pump();
    });
    this.worker = w;
    return w;
  }

  private markUnavailable(error: string): void {
    if (this.unavailable !== undefined) return;
    this.unavailable = error;
    this.log.warn(
      this.role === 'segmented'
        ? `speechlint: word segmentation (jieba) is unavailable: ${error}. Checks that need segmentation are off; all other checks keep running.`
        : `speechlint: the background checker is unavailable: ${error}. Large drafts are checked on the main thread.`,
    );
    this.failAll({ status: 'unavailable', error });
    const w = this.worker;
    this.worker = undefined;
    void w?.terminate();
  }

  private failAll(r: WorkerResult): void {
    this.answerAll();
    const jobs = [...this.queue.values()];
    this.queue.clear();
    if (this.inFlight) jobs.push(this.inFlight);
    this.inFlight = undefined;
    for (const j of jobs) j.resolve(r);
  }

  private finish(id: number, r: WorkerResult): void {
    const job = this.inFlight;
    if (!job || job.id !== id) return;
    this.inFlight = undefined;
    job.resolve(r);
    this.pump();
  }

  private onMessage(m: FromWorker): void {
    switch (m.type) {
      case 'ready':
        if (m.ok) {
          if (m.nativeError) this.log.info(`speechlint: the native word segmenter did not load (${m.nativeError}); segmenting with WebAssembly`);
          this.log.debug(`speechlint: jieba dictionary (${m.engine === 'wasm' ? 'WebAssembly' : 'native'}) loaded in ${m.ms} ms`);
        }
        else this.markUnavailable(m.error ?? 'unknown error');
        return;
      case 'log':
        this.log[m.level](m.message);
        return;
      case 'result':
        for (const e of m.ruleErrors) this.log.errorOnce(`speechlint: rule ${e.ruleId} failed and was skipped: ${e.message}`);
        this.log.debug(`speechlint: ${this.role} phase in the worker ${m.ms} ms (parse and segmentation ${m.segmentMs} ms)`);
        this.finish(m.id, { status: 'ok', findings: m.findings, ms: m.ms });
        return;
      case 'occurrences': {
        const q = this.queries.get(m.id);
        if (q) this.log.debug(`speechlint: occurrences of ${q.what}: ${m.ms} ms, ${m.kept ? 'kept segmentation' : 're-segmented'}, ${m.result ? `"${m.result.phrase}" ×${m.result.occurrences.length}` : 'none'}`);
        this.answer(m.id, m.result);
        return;
      }
      case 'unavailable':
        if (!this.answer(m.id, null)) this.finish(m.id, { status: 'unavailable', error: m.error });
        this.markUnavailable(m.error);
        return;
      case 'failed':
        if (this.answer(m.id, null)) {
          this.log.error(`speechlint: occurrences query failed: ${m.error}`);
          return;
        }
        this.log.error(`speechlint: ${this.role} check failed: ${m.error}`);
        this.finish(m.id, { status: 'failed', error: m.error });
        return;
    }
  }
}
