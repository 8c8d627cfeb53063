/**
 * Checking open documents in two phases:
 * 1. 'fast' (rules without needsSegmentation) on this thread, right after the
 *    debounce, published at once (with the previous segmented findings,
 *    carried across the edit, so they do not flicker);
 * 2. 'segmented' in the worker (jieba), then fast + segmented published
 *    together.
 * Every await is followed by a staleness check (revision and config
 * generation): work for an old version is dropped, never published.
 */
import type { Diagnostic } from 'vscode-languageserver';
import type { ConfigSource, DocConfig } from './config-source';
import type { ResolvedConfig } from './core/config';
import { effectiveSeverity } from './core/config';
import { lint, rulesForPhase } from './core/lint';
import type { SpeechDocument } from './core/model';
import type { Registry } from './core/registry';
import type { Finding, Locale } from './core/rule';
import type { DocState, DocumentStore, Stamp } from './documents';
import type { Log } from './log';
import { errorText } from './log';
import { toDiagnostic } from './lsp-convert';
import type { SegmentedRunner } from './segmented';

export const DEFAULT_DEBOUNCE_MS = 250;

export interface CheckerHost {
  publish(uri: string, version: number, diagnostics: Diagnostic[]): void;
  debounceMs(): number;
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

export class Checker {
  /** Configuration generation: bumped when settings or config files change. */
  gen = 0;

  constructor(
    private readonly store: DocumentStore,
    private readonly configs: ConfigSource,
    private readonly runner: SegmentedRunner,
    private readonly registry: Registry,
    private readonly locale: Locale,
    private readonly log: Log,
    private readonly host: CheckerHost,
  ) {}

  private stamp(st: DocState): Stamp {
    return { rev: st.rev, gen: this.gen };
  }

  private isCurrent(st: DocState, s: Stamp | undefined): boolean {
    return s !== undefined && this.store.get(st.uri) === st && st.rev === s.rev && this.gen === s.gen;
  }

  /** Check after the debounce (0: at once); `now` skips the debounce (didOpen, config changes). */
  schedule(st: DocState, now = false): void {
    if (st.timer) clearTimeout(st.timer);
    st.timer = undefined;
    const delay = now ? 0 : this.host.debounceMs();
    const go = () => {
      st.timer = undefined;
      this.start(st);
    };
    if (delay <= 0) setImmediate(go);
    else st.timer = setTimeout(go, delay);
  }

  /** Configuration changed: re-check every open document. */
  recheckAll(): void {
    this.gen++;
    for (const st of this.store.all()) this.schedule(st, true);
  }

  close(st: DocState): void {
    this.runner.cancel(st.uri);
    this.host.publish(st.uri, st.td.version, []);
  }

  private start(st: DocState): Promise<void> {
    const s = this.stamp(st);
    if (st.run && st.run.rev === s.rev && st.run.gen === s.gen) return st.run.done;
    const done = this.run(st, s).catch((e) => this.log.error(`speechlint: checking ${st.uri} failed: ${errorText(e)}`));
    st.run = { ...s, done };
    return done;
  }

  private async run(st: DocState, s: Stamp): Promise<void> {
    const t0 = Date.now();
    const config = await this.configs.forDocument(st.uri);
    if (!this.isCurrent(st, s)) return;
    const doc = this.store.parsed(st);
    const t1 = Date.now();
    let fast: Finding[] | undefined;
    if (st.fast && st.fast.rev === s.rev && st.fast.gen === s.gen) fast = st.fast.findings;
    else {
      fast = await this.lintFast(doc, config.config, () => this.isCurrent(st, s));
      if (!fast || !this.isCurrent(st, s)) return;
      st.fast = { ...s, findings: fast, config };
    }
    const t2 = Date.now();
    const segmented = segmentationNeeded(this.registry, config.config) && this.runner.available;
    if (st.segmented && st.segmented.rev === s.rev && st.segmented.gen === s.gen) {
      this.publish(st, doc, fast.concat(st.segmented.findings));
      return;
    }
    this.publish(st, doc, segmented ? fast.concat(st.carried) : fast);
    this.log.debug(`speechlint: ${st.uri} v${st.td.version}: config+parse ${t1 - t0} ms, fast phase ${t2 - t1} ms, ${fast.length} findings`);
    if (!segmented) {
      st.carried = [];
      st.segmented = { ...s, findings: [] };
      return;
    }
    const r = await this.runner.request(st.uri, st.td.version, st.td.getText(), config.config, config.dictionaryPath);
    if (!this.isCurrent(st, s) || r.status === 'cancelled') return;
    const seg = r.status === 'ok' ? r.findings : [];
    st.segmented = { ...s, findings: seg };
    st.carried = seg;
    this.publish(st, doc, fast.concat(seg));
    this.log.debug(`speechlint: ${st.uri} v${st.td.version}: segmented phase ${r.status}, ${seg.length} findings, ${Date.now() - t0} ms in all`);
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

  private publish(st: DocState, doc: SpeechDocument, findings: Finding[]): void {
    findings.sort(compareFindings);
    this.host.publish(
      st.uri,
      st.td.version,
      findings.map((f) => toDiagnostic(st.uri, doc.lines, f, this.locale)),
    );
  }

  /**
   * The findings of the current text for requests (code actions, stats,
   * commands). The fast phase is computed now if it is not current; the
   * segmented findings are the current ones, or — unless `complete` — the
   * carried ones; with `complete`, waits for the check in progress.
   */
  async current(uri: string, complete = false): Promise<Current | undefined> {
    const st = this.store.get(uri);
    if (!st) return undefined;
    if (complete) {
      for (let i = 0; i < 3; i++) {
        const s = this.stamp(st);
        if (st.segmented && st.segmented.rev === s.rev && st.segmented.gen === s.gen) break;
        if (st.timer) {
          clearTimeout(st.timer);
          st.timer = undefined;
        }
        await this.start(st);
        if (this.store.get(uri) !== st) return undefined;
      }
    }
    let config: DocConfig | undefined;
    const s0 = this.stamp(st);
    if (!(st.fast && st.fast.rev === s0.rev && st.fast.gen === s0.gen)) {
      config = await this.configs.forDocument(uri);
      if (this.store.get(uri) !== st) return undefined;
    }
    // from here on, synchronous: the text cannot change under us
    const s = this.stamp(st);
    const doc = this.store.parsed(st);
    let fast: Finding[];
    if (st.fast && st.fast.rev === s.rev && st.fast.gen === s.gen) {
      config = st.fast.config;
      fast = st.fast.findings;
    } else {
      // no await since s0 unless the config was fetched: config is set here
      config = config as DocConfig;
      fast = lint(doc, this.registry, config.config, { phase: 'fast', onRuleError: this.onRuleError });
      st.fast = { ...s, findings: fast, config };
    }
    const seg = st.segmented && st.segmented.rev === s.rev && st.segmented.gen === s.gen ? st.segmented.findings : st.carried;
    return { st, doc, config, findings: fast.concat(seg).sort(compareFindings) };
  }
}
