/** Shared helpers for the repetition tests: the real jieba, loaded once, and a lint shortcut. */
import { defaultConfig, resolveConfig } from '../../server/src/core/config';
import type { RawConfig, ResolvedConfig } from '../../server/src/core/config';
import { lint } from '../../server/src/core/lint';
import type { SpeechDocument } from '../../server/src/core/model';
import { parse } from '../../server/src/core/parse';
import type { Finding } from '../../server/src/core/rule';
import { createRegistry } from '../../server/src/core/rules';
import type { Segmentation, Segmenter } from '../../server/src/core/segment';
import { segmentDocument } from '../../server/src/core/segment';
import { loadJieba } from '../../server/src/node/jieba';

export const REPETITION_RULES = ['repetition/stutter', 'repetition/duplicate-sentence', 'repetition/overused-phrase', 'repetition/filler'];

let jieba: Segmenter | undefined;

/** The real jieba segmenter (loaded once per process). */
export function realJieba(): Segmenter {
  if (!jieba) {
    const { segmenter, status } = loadJieba();
    if (!segmenter) throw new Error(`jieba is not usable: ${status.error}`);
    jieba = segmenter;
  }
  return jieba;
}

export const registry = createRegistry();

/** The density rules are opt-in (off by default); the repetition tests turn them on at their suggested severity. */
export const DENSITY_ON: RawConfig = { rules: { 'repetition/overused-phrase': 'info', 'repetition/filler': 'info' } };

/** The defaults with the density rules on, then `raw`; `defaults: true` for the defaults as shipped. */
export function config(raw?: RawConfig, opts: { defaults?: boolean } = {}): ResolvedConfig {
  if (opts.defaults) return defaultConfig(registry);
  const { config: c, problems } = resolveConfig(registry, raw ? [DENSITY_ON, raw] : [DENSITY_ON]);
  if (problems.length) throw new Error(JSON.stringify(problems));
  return c;
}

export interface Checked {
  doc: SpeechDocument;
  seg: Segmentation;
  findings: Finding[];
  /** "rule-id: text of the span" for each finding */
  labels: string[];
  /** the span texts of one rule's findings */
  texts(rule: string): string[];
}

/** Parse, segment with `segmenter` (real jieba by default) and run the repetition rules (or `only`). */
export function check(text: string, opts: { raw?: RawConfig; only?: string[]; segmenter?: Segmenter; defaults?: boolean } = {}): Checked {
  const doc = parse(text);
  const seg = segmentDocument(doc, opts.segmenter ?? realJieba());
  const findings = lint(doc, registry, config(opts.raw, { defaults: opts.defaults }), { segmentation: seg, only: opts.only ?? REPETITION_RULES });
  const at = (f: Finding) => text.slice(f.span.start, f.span.end);
  return {
    doc,
    seg,
    findings,
    labels: findings.map((f) => `${f.ruleId}: ${at(f)}`),
    texts: (rule) => findings.filter((f) => f.ruleId === rule).map(at),
  };
}
