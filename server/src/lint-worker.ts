/**
 * The main thread's side of a lint worker (worker.ts): one job in flight at a
 * time, at most one queued job per document (a newer version replaces the
 * queued one, whose caller learns it was cancelled). Results of jobs that were
 * already running when a newer version came are discarded by the caller,
 * which compares versions.
 *
 * Two roles: 'segmented' (owns the jieba dictionary, runs the rules that need
 * tokens) and 'fast' (no jieba; runs the fast rules of very large drafts off
 * the main thread, so that requests are answered while they are checked).
 */
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ResolvedConfig } from './core/config';
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

export class LintWorker {
  private worker?: Worker;
  private inFlight?: Job;
  private readonly queue = new Map<string, Job>();
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

  /** Drop the queued job of a document (closed, or superseded by a newer check). */
  cancel(uri: string): void {
    const old = this.queue.get(uri);
    if (old) {
      this.queue.delete(uri);
      old.resolve({ status: 'cancelled' });
    }
  }

  dispose(): void {
    this.disposed = true;
    this.failAll({ status: 'cancelled' });
    void this.worker?.terminate();
    this.worker = undefined;
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
      w = new Worker(this.workerFile, { workerData: { role: this.role } });
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
        ? `speechlint: word segmentation (nodejieba) is unavailable: ${error}. Checks that need segmentation are off; all other checks keep running.`
        : `speechlint: the background checker is unavailable: ${error}. Large drafts are checked on the main thread.`,
    );
    this.failAll({ status: 'unavailable', error });
    const w = this.worker;
    this.worker = undefined;
    void w?.terminate();
  }

  private failAll(r: WorkerResult): void {
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
        if (m.ok) this.log.debug(`speechlint: jieba dictionary loaded in ${m.ms} ms`);
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
      case 'unavailable':
        this.finish(m.id, { status: 'unavailable', error: m.error });
        this.markUnavailable(m.error);
        return;
      case 'failed':
        this.log.error(`speechlint: ${this.role} check failed: ${m.error}`);
        this.finish(m.id, { status: 'failed', error: m.error });
        return;
    }
  }
}
