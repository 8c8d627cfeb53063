/**
 * Editor support for repetition/overused-phrase, independent of LSP types:
 * for the phrase under the cursor, every occurrence with its line. The server
 * uses it for hover ("出现 5 次：第 3 行、第 7 行…") and document highlights.
 *
 * A phrase flagged by overused-phrase wins (the longest one under the
 * cursor); otherwise the content word under the cursor, when it occurs more
 * than once, so highlights also work on words that are not (yet) reported.
 */
import type { Locale, Settings } from './rule';
import type { SpeechDocument } from './model';
import type { Segmentation, Token } from './segment';
import type { Span } from './text';
import type { OverusedOptions } from './rules/repetition/phrases';
import { findOverused } from './rules/repetition/phrases';
import { FILLERS, STOP_WORDS, isHanWord } from './rules/repetition/lexicon';

export interface PhraseOccurrence {
  span: Span;
  /** 0-based line. */
  line: number;
}

export interface PhraseOccurrences {
  phrase: string;
  /** True when repetition/overused-phrase reports the phrase near the cursor. */
  flagged: boolean;
  /** Every occurrence in the draft, in order; for a flagged phrase, the ones the rule counts. */
  occurrences: PhraseOccurrence[];
  /** For a flagged phrase: the occurrences of the reported cluster(s). */
  cluster: PhraseOccurrence[];
}

export interface OccurrenceOptions {
  settings?: Pick<Settings, 'allowWords'>;
  options?: Partial<OverusedOptions>;
  /** Precomputed clusters (e.g. kept from the last lint) to avoid recomputing. */
  clusters?: ReturnType<typeof findOverused>;
}

function within(span: Span, offset: number): boolean {
  return offset >= span.start && offset <= span.end;
}

function tokenAt(tokens: readonly Token[], offset: number): Token | undefined {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = tokens[mid];
    if (offset < t.start) hi = mid - 1;
    else if (offset >= t.end) lo = mid + 1;
    else return t;
  }
  // the cursor right after a word (offset === end) still names it
  const prev = tokens[lo - 1];
  return prev && prev.end === offset ? prev : undefined;
}

/** The flagged phrase, or the repeated content word, under `offset`, with all its occurrences. */
export function phraseOccurrences(doc: SpeechDocument, segmentation: Segmentation, offset: number, opts: OccurrenceOptions = {}): PhraseOccurrences | undefined {
  const line = (s: Span): PhraseOccurrence => ({ span: s, line: doc.lines.lineAt(s.start) });
  const clusters = opts.clusters ?? findOverused(doc, segmentation, opts.options, opts.settings);
  let best: (typeof clusters)[number] | undefined;
  for (const c of clusters) {
    if (!c.all.some((s) => within(s, offset))) continue;
    if (!best || c.phrase.length > best.phrase.length) best = c;
  }
  if (best) {
    const phrase = best.phrase;
    const cluster = clusters.filter((c) => c.phrase === phrase).flatMap((c) => c.occurrences);
    return { phrase, flagged: true, occurrences: best.all.map(line), cluster: cluster.map(line) };
  }
  const tok = tokenAt(segmentation.tokens, offset);
  if (!tok || tok.text.length < 2 || !isHanWord(tok.text) || STOP_WORDS.has(tok.text)) return undefined;
  const spans: Span[] = [];
  for (const t of segmentation.tokens) if (t.text === tok.text) spans.push({ start: t.start, end: t.end });
  if (spans.length < 2 && !FILLERS.includes(tok.text)) return undefined;
  return { phrase: tok.text, flagged: false, occurrences: spans.map(line), cluster: [] };
}

/** Hover text: "“推进”出现 5 次：第 3 行、第 7 行、第 9 行" (lines 1-based, repeated lines once, at most `max` listed). */
export function formatOccurrences(po: PhraseOccurrences, locale: Locale = 'zh', max = 12): string {
  const lines: number[] = [];
  for (const o of po.occurrences) if (lines[lines.length - 1] !== o.line + 1) lines.push(o.line + 1);
  const shown = lines.slice(0, max);
  const more = lines.length > max;
  if (locale === 'en') {
    return `"${po.phrase}" occurs ${po.occurrences.length} times: ${shown.map((l) => `line ${l}`).join(', ')}${more ? ', …' : ''}`;
  }
  return `“${po.phrase}”出现 ${po.occurrences.length} 次：${shown.map((l) => `第 ${l} 行`).join('、')}${more ? '……' : ''}`;
}
