/** Messages between the language server's main thread and its lint workers (worker.ts). */
import type { ResolvedConfig } from './core/config';
import type { PhraseOccurrences } from './core/occurrences';
import type { Finding } from './core/rule';

/**
 * At most this many related locations per diagnostic: a sentence repeated a
 * hundred times must not turn into 100 × 99 locations (megabytes of JSON and
 * of structured clone between threads).
 */
export const MAX_RELATED = 10;

/** Findings with their related locations capped, ready to post or publish. */
export function capRelated(findings: Finding[]): Finding[] {
  return findings.map((f) => (f.related.length > MAX_RELATED ? { ...f, related: f.related.slice(0, MAX_RELATED) } : f));
}

/** 'segmented': owns the jieba dictionary; 'fast': no jieba, fast rules of very large drafts. */
export type WorkerRole = 'fast' | 'segmented';

export type ToWorker =
  /** Load the dictionary now (at start-up), so the first real request does not wait for it. */
  | { type: 'warmup'; dictionaryPath?: string }
  | { type: 'lint'; phase: WorkerRole; id: number; uri: string; version: number; text: string; config: ResolvedConfig; dictionaryPath?: string }
  /**
   * 'segmented' only: the flagged phrase or repeated word at `offset` of this
   * text, for hover and document highlights. Answered from the segmentation
   * the worker keeps of the document's last version (the text is compared, so
   * a stale one is never used: it is re-segmented, paragraph by paragraph
   * through the cache).
   */
  | { type: 'occurrences'; id: number; uri: string; version: number; text: string; offset: number; config: ResolvedConfig; dictionaryPath?: string }
  /** The document was closed: drop what the worker keeps of it. */
  | { type: 'forget'; uri: string };

export type FromWorker =
  | { type: 'ready'; ok: boolean; error?: string; ms: number; engine?: 'native' | 'wasm'; nativeError?: string }
  | { type: 'result'; id: number; findings: Finding[]; ruleErrors: { ruleId: string; message: string }[]; ms: number; segmentMs: number }
  /** jieba cannot be used in this process: the segmented phase is off. */
  | { type: 'unavailable'; id: number; error: string }
  | { type: 'failed'; id: number; error: string }
  /** The answer to 'occurrences': null when nothing at the offset occurs more than once. */
  | { type: 'occurrences'; id: number; result: PhraseOccurrences | null; ms: number; /** answered from the segmentation kept of this version (no parse, no segmentation) */ kept: boolean }
  | { type: 'log'; level: 'info' | 'warn' | 'error'; message: string };
