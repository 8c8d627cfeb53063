/**
 * Checking open documents in two phases:
 * 1. 'fast' (rules without needsSegmentation), right after the debounce,
 *    published at once (with the previous segmented findings carried across
 *    the edit, so they do not flicker). On this thread for ordinary drafts
 *    (lowest latency while typing); in the 'fast' worker for very large ones,
 *    so that symbols, folding and other requests are answered meanwhile.
 * 2. 'segmented' in the jieba worker, then fast + segmented published
 *    together.
 * Every await is followed by a staleness check (revision and config
 * generation): work for an old version is dropped, never published.
 */
import type { Diagnostic } from 'vscode-languageserver';
import type { ConfigSource, DocConfig } from './config-source';
import { capFindings } from './core/cap';
import type { ResolvedConfig } from './core/config';
import { effectiveSeverity } from './core/config';
import { lint, rulesForPhase } from './core/lint';
import type { SpeechDocument } from './core/model';
import type { Registry } from './core/registry';
import type { Finding, Locale } from './core/rule';
import type { LineIndex } from './core/text';
import type { DocState, DocumentStore, Stamp } from './documents';
import type { LintWorker } from './lint-worker';
import type { Log } from './log';
import { errorText } from './log';
import { toDiagnostic } from './lsp-convert';
import { MAX_DRAFT_BYTES } from './node/textfile';

export const DEFAULT_DEBOUNCE_MS = 250;
/** Drafts at least this long (UTF-16 code units) run their fast phase in the fast worker. */
export const FAST_WORKER_MIN_CHARS = 100_000;

export interface CheckerHost {
  publish(uri: string, version: number, diagnostics: Diagnostic[]): void;
  debounceMs(): number;
  /** Tell the user something once (a document too large to check). */
  warn(text: string): void;
}

/** The largest debounce accepted (a larger value, up to 1e12, would overflow setTimeout into 1 ms). */
export const MAX_DEBOUNCE_MS = 10_000;

/** A debounce as given (settings, initializationOptions) → milliseconds, or undefined when it is not a number ≥ 0. */
export function debounceFrom(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.min(v, MAX_DEBOUNCE_MS) : undefined;
}

/** Findings of a document's current text, with what they were computed from. */
export interface Current {
  st: DocState;
  doc: SpeechDocument;
  config: DocConfig;
  findings: Finding[];
}

function compareFindings(a: Finding, b: Finding): number {
  return a.span.start - b.span.start || a.span.end - b.span.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

const yieldToLoop = (): Promise<void> => new Promise((r) => setImmediate(r));

/** Does any enabled rule need segmentation under this config? */
export function segmentationNeeded(registry: Registry, config: ResolvedConfig): boolean {
  return rulesForPhase(registry, 'segmented').some((r) => {
    const s = config.rules.get(r.meta.id);
    return s !== undefined && effectiveSeverity(r, s, config.settings) !== 'off';
  });
}

export interface Workers {
  segmented: LintWorker;
  fast: LintWorker;
}

export class Checker {
  /** Configuration generation: bumped when settings or config files change. */
  gen = 0;

  constructor(
    private readonly store: DocumentStore,
    private readonly configs: ConfigSource,
    private readonly workers: Workers,
    private readonly registry: Registry,
    private readonly locale: Locale,
    private readonly log: Log,
    private readonly host: CheckerHost,
  ) {}

  private stamp(st: DocState): Stamp {
    return { rev: st.rev, gen: this.gen };
  }

  private matches(s: Stamp | undefined, t: Stamp): boolean {
    return s !== undefined && s.rev === t.rev && s.gen === t.gen;
  }

  private isCurrent(st: DocState, s: Stamp): boolean {
    return this.store.get(st.uri) === st && st.rev === s.rev && this.gen === s.gen;
  }

  private offloaded(st: DocState): boolean {
    return st.td.getText().length >= FAST_WORKER_MIN_CHARS && this.workers.fast.available;
  }

  /**
   * Check after the debounce; `now` skips it (didOpen, config changes). Every
   * change cancels the check it had scheduled, so a burst of changes (even
   * with debounceMs 0) is checked once at its end or every few milliseconds,
   * never once per change; a check in progress is superseded at its next yield.
   */
  schedule(st: DocState, now = false): void {
    if (st.timer) clearTimeout(st.timer);
    const delay = now ? 0 : this.host.debounceMs();
    const go = () => {
      st.timer = undefined;
      void this.start(st);
    };
    // a zero delay is a timer too, not an immediate: the changes already read from the client come
    // first, so a burst is checked once at its end (an immediate ran a check between every two changes)
    st.timer = setTimeout(go, delay);
  }

  /** Configuration changed: re-check every open document. */
  recheckAll(): void {
    this.gen++;
    for (const st of this.store.all()) this.schedule(st, true);
  }

  close(st: DocState): void {
    this.workers.segmented.forget(st.uri);
    this.workers.fast.cancel(st.uri);
    this.host.publish(st.uri, st.td.version, []);
  }

  /** Start (or join) the check of the current text. */
  private start(st: DocState): NonNullable<DocState['run']> {
    const s = this.stamp(st);
    if (st.run && this.matches(st.run, s)) return st.run;
    let fastDone!: () => void;
    const fast = new Promise<void>((r) => (fastDone = r));
    const done = this.run(st, s, fastDone)
      .catch((e) => this.log.error(`speechlint: checking ${st.uri} failed: ${errorText(e)}`))
      .finally(fastDone);
    st.run = { ...s, fast, done };
    return st.run;
  }

  private async run(st: DocState, s: Stamp, fastDone: () => void): Promise<void> {
    const t0 = Date.now();
    if (this.store.tooLarge(st)) {
      this.skipTooLarge(st);
      return;
    }
    const config = await this.configs.forDocument(st.uri);
    if (!this.isCurrent(st, s)) return;
    const text = st.td.getText();
    const version = st.td.version;
    let fast: Finding[] | undefined;
    if (this.matches(st.fast, s)) fast = st.fast!.findings;
    else if (this.offloaded(st)) {
      const pending = this.workers.fast.request(st.uri, version, text, config.config);
      // meanwhile, parse here once for the requests that need the tree (symbols, folding, stats)
      setImmediate(() => {
        if (this.isCurrent(st, s)) this.store.parsed(st);
      });
      const r = await pending;
      if (!this.isCurrent(st, s) || r.status === 'cancelled') return;
      if (r.status === 'ok') fast = r.findings;
      else fast = await this.lintFast(this.store.parsed(st), config.config, () => this.isCurrent(st, s));
    } else fast = await this.lintFast(this.store.parsed(st), config.config, () => this.isCurrent(st, s));
    if (!fast || !this.isCurrent(st, s)) return;
    st.fast = { ...s, findings: fast, config };
    fastDone();
    const t1 = Date.now();
    const lines = this.store.lines(st);
    const segmented = segmentationNeeded(this.registry, config.config) && this.workers.segmented.available;
    if (this.matches(st.segmented, s)) {
      this.publish(st, lines, fast.concat(st.segmented!.findings));
      return;
    }
    this.publish(st, lines, segmented ? fast.concat(st.carried) : fast);
    this.log.debug(`speechlint: ${st.uri} v${version}: fast phase ${t1 - t0} ms, ${fast.length} findings, published ${Date.now() - t1} ms later`);
    if (!segmented) {
      st.carried = [];
      st.segmented = { ...s, findings: [] };
      return;
    }
    const r = await this.workers.segmented.request(st.uri, version, text, config.config, config.dictionaryPath);
    if (!this.isCurrent(st, s) || r.status === 'cancelled') return;
    const seg = r.status === 'ok' ? r.findings : [];
    st.segmented = { ...s, findings: seg };
    st.carried = seg;
    this.publish(st, lines, fast.concat(seg));
    this.log.debug(`speechlint: ${st.uri} v${version}: segmented phase ${r.status}, ${seg.length} findings, ${Date.now() - t0} ms in all`);
  }

  /** A document over the size the engine checks: no findings, one warning per document, nothing run. */
  private skipTooLarge(st: DocState): void {
    st.carried = [];
    this.host.publish(st.uri, st.td.version, []);
    if (st.largeShown) return;
    st.largeShown = true;
    const mb = MAX_DRAFT_BYTES / 1024 / 1024;
    this.host.warn(
      this.locale === 'en'
        ? `speechlint: ${st.uri}: the document is over ${mb} MB; it is not checked (split it into smaller drafts)`
        : `speechlint：${st.uri}：文档超过 ${mb} MB，不作检查（请拆分为较小的稿件）`,
    );
  }

  /** Fast rules one at a time, yielding to pending requests when a rule took long. */
  private async lintFast(doc: SpeechDocument, config: ResolvedConfig, current: () => boolean): Promise<Finding[] | undefined> {
    const out: Finding[] = [];
    let slice = Date.now();
    for (const rule of rulesForPhase(this.registry, 'fast')) {
      if (Date.now() - slice > 8) {
        await yieldToLoop();
        if (!current()) return undefined;
        slice = Date.now();
      }
      for (const f of lint(doc, this.registry, config, { phase: 'fast', only: [rule.meta.id], onRuleError: this.onRuleError })) out.push(f);
    }
    return out.sort(compareFindings);
  }

  private readonly onRuleError = (ruleId: string, e: unknown): void => {
    this.log.errorOnce(`speechlint: rule ${ruleId} failed and was skipped: ${errorText(e)}`);
  };

  private publish(st: DocState, lines: LineIndex, findings: Finding[]): void {
    findings.sort(compareFindings);
    // at most MAX_FINDINGS_PER_RULE diagnostics per rule (huge drafts), and one saying how many more
    this.host.publish(
      st.uri,
      st.td.version,
      capFindings(findings).map((f) => toDiagnostic(st.uri, lines, f, this.locale)),
    );
  }

  /**
   * The findings of the current text for requests (code actions, stats,
   * commands). The fast phase is computed now if it is not current (for a
   * very large draft: the check in progress is awaited instead); the
   * segmented findings are the current ones, or — unless `complete` — the
   * carried ones; with `complete`, waits for the check in progress.
   */
  async current(uri: string, complete = false): Promise<Current | undefined> {
    const st = this.store.get(uri);
    if (!st) return undefined;
    for (let i = 0; i < 3; i++) {
      const s = this.stamp(st);
      const ready = complete ? this.matches(st.segmented, s) && this.matches(st.fast, s) : this.matches(st.fast, s);
      // with no debounce, a check scheduled and not started yet (a burst of changes just ended) runs now: answer from it
      const dueNow = st.timer !== undefined && this.host.debounceMs() <= 0;
      if (ready || (!complete && !this.offloaded(st) && !dueNow)) break;
      if (st.timer) {
        clearTimeout(st.timer);
        st.timer = undefined;
      }
      const run = this.start(st);
      await (complete ? run.done : run.fast);
      if (this.store.get(uri) !== st) return undefined;
    }
    let config: DocConfig | undefined;
    const s0 = this.stamp(st);
    if (!this.matches(st.fast, s0)) {
      config = await this.configs.forDocument(uri);
      if (this.store.get(uri) !== st) return undefined;
    }
    // from here on, synchronous: the text cannot change under us
    const s = this.stamp(st);
    const doc = this.store.parsed(st);
    let fast: Finding[];
    if (this.matches(st.fast, s)) {
      config = st.fast!.config;
      fast = st.fast!.findings;
    } else {
      // no await since s0 unless the config was fetched: config is set here
      config = config as DocConfig;
      fast = lint(doc, this.registry, config.config, { phase: 'fast', onRuleError: this.onRuleError });
      st.fast = { ...s, findings: fast, config };
    }
    const seg = this.matches(st.segmented, s) ? st.segmented!.findings : st.carried;
    return { st, doc, config, findings: fast.concat(seg).sort(compareFindings) };
  }
}
