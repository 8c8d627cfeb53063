/** Messages between the language server's main thread and its segmentation worker (worker.ts). */
import type { ResolvedConfig } from './core/config';
import type { Finding } from './core/rule';

export type ToWorker =
  /** Load the dictionary now (at start-up), so the first real request does not wait for it. */
  | { type: 'warmup'; dictionaryPath?: string }
  | { type: 'lint'; id: number; uri: string; version: number; text: string; config: ResolvedConfig; dictionaryPath?: string };

export type FromWorker =
  | { type: 'ready'; ok: boolean; error?: string; ms: number }
  | { type: 'result'; id: number; findings: Finding[]; ruleErrors: { ruleId: string; message: string }[]; ms: number; segmentMs: number }
  /** jieba cannot be used in this process: the segmented phase is off. */
  | { type: 'unavailable'; id: number; error: string }
  | { type: 'failed'; id: number; error: string }
  | { type: 'log'; level: 'info' | 'warn' | 'error'; message: string };
