/**
 * Editor support for repetition/overused-phrase, independent of LSP types:
 * for the phrase under the cursor, every occurrence with its line. The server
 * uses it for hover ("“推进”在稿中出现 5 次：第 3、7 行") and document
 * highlights; the segmented worker answers with it (jieba lives there).
 *
 * A phrase flagged by overused-phrase wins (the longest one under the
 * cursor); otherwise the content word under the cursor, when it occurs more
 * than once, so highlights also work on words that are not (yet) reported.
 */
import type { ResolvedConfig } from './config';
import { effectiveSeverity } from './config';
import { ruleDocUrl } from './docs';
import { buildSuppression } from './lint';
import type { Registry } from './registry';
import type { Locale, Settings } from './rule';
import type { SpeechDocument } from './model';
import type { Segmentation, Token } from './segment';
import type { Span } from './text';
import type { OverusedOptions, PhraseCluster } from './rules/repetition/phrases';
import { findOverused } from './rules/repetition/phrases';
import { FILLERS, STOP_WORDS, isHanWord } from './rules/repetition/lexicon';

export const OVERUSED_RULE = 'repetition/overused-phrase';

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
  /** For a flagged phrase: each reported cluster, with its extent in characters (first to last occurrence). */
  clusters?: { occurrences: PhraseOccurrence[]; extent: number }[];
}

export interface OccurrenceOptions {
  settings?: Pick<Settings, 'allowWords'>;
  options?: Partial<OverusedOptions>;
  /** Precomputed clusters (e.g. kept from the last lint) to avoid recomputing. */
  clusters?: readonly PhraseCluster[];
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
    const mine = clusters.filter((c) => c.phrase === phrase);
    return {
      phrase,
      flagged: true,
      occurrences: best.all.map(line),
      cluster: mine.flatMap((c) => c.occurrences).map(line),
      clusters: mine.map((c) => ({ occurrences: c.occurrences.map(line), extent: c.extent })),
    };
  }
  const tok = tokenAt(segmentation.tokens, offset);
  if (!tok || tok.text.length < 2 || !isHanWord(tok.text) || STOP_WORDS.has(tok.text)) return undefined;
  const spans: Span[] = [];
  for (const t of segmentation.tokens) if (t.text === tok.text) spans.push({ start: t.start, end: t.end });
  if (spans.length < 2 && !FILLERS.includes(tok.text)) return undefined;
  return { phrase: tok.text, flagged: false, occurrences: spans.map(line), cluster: [] };
}

/**
 * The clusters repetition/overused-phrase reports under `config`, as the
 * linter would: none when the rule is off (or unknown to the registry), with
 * the rule's options and allow list, and without clusters whose reported
 * occurrence is inside a speechlint-disable directive.
 */
export function reportedClusters(doc: SpeechDocument, segmentation: Segmentation, registry: Registry, config: ResolvedConfig): PhraseCluster[] {
  const rule = registry.get(OVERUSED_RULE);
  const setting = config.rules.get(OVERUSED_RULE);
  if (!rule || !setting || effectiveSeverity(rule, setting, config.settings) === 'off') return [];
  const clusters = findOverused(doc, segmentation, setting.options as Partial<OverusedOptions>, config.settings);
  if (doc.directives.length === 0) return clusters;
  const suppressed = buildSuppression(doc);
  return clusters.filter((c) => !suppressed(OVERUSED_RULE, c.occurrences[c.trigger].start));
}

/** Lines (1-based, each once, in order) with how many occurrences each holds. */
function linesOf(occ: readonly PhraseOccurrence[]): { line: number; count: number }[] {
  const out: { line: number; count: number }[] = [];
  for (const o of occ) {
    const last = out[out.length - 1];
    if (last && last.line === o.line + 1) last.count++;
    else out.push({ line: o.line + 1, count: 1 });
  }
  return out;
}

/**
 * "“推进”在稿中出现 5 次：第 3、7（2 次）、9 行" / "\"推进\" occurs 5 times:
 * lines 3, 7 (2×), 9". Lines are 1-based (as the editor shows them), each
 * once, with the count when a line holds more than one; at most `max` lines,
 * then "等 31 行" / "and 21 more lines". All on one line (a paragraph is a
 * line): "出现 3 次，都在第 2 行" / "occurs 3 times, all on line 2".
 */
export function formatOccurrences(po: PhraseOccurrences, locale: Locale = 'zh', max = 10): string {
  const lines = linesOf(po.occurrences);
  const shown = lines.slice(0, Math.max(1, max));
  const rest = lines.length - shown.length;
  const n = po.occurrences.length;
  if (n === 0) return locale === 'en' ? `"${po.phrase}" does not occur` : `“${po.phrase}”在稿中没有出现`;
  if (locale === 'en') {
    const times = n === 1 ? 'once' : `${n} times`;
    if (lines.length === 1) return `"${po.phrase}" occurs ${times}${n > 1 ? ', all' : ''} on line ${lines[0].line}`;
    const list = shown.map((l) => (l.count > 1 ? `${l.line} (${l.count}×)` : String(l.line))).join(', ');
    return `"${po.phrase}" occurs ${times}: lines ${list}${rest > 0 ? ` and ${rest} more ${rest === 1 ? 'line' : 'lines'}` : ''}`;
  }
  if (lines.length === 1) return `“${po.phrase}”在稿中出现 ${n} 次，${n > 1 ? '都' : ''}在第 ${lines[0].line} 行`;
  const list = shown.map((l) => (l.count > 1 ? `${l.line}（${l.count} 次）` : String(l.line))).join('、');
  return `“${po.phrase}”在稿中出现 ${n} 次：第 ${list} 行${rest > 0 ? `等 ${lines.length} 行` : ''}`;
}

function lineRange(occ: readonly PhraseOccurrence[], locale: Locale): string {
  const a = occ[0].line + 1;
  const b = occ[occ.length - 1].line + 1;
  if (locale === 'en') return a === b ? `line ${a}` : `lines ${a}–${b}`;
  return a === b ? `第 ${a} 行` : `第 ${a}—${b} 行`;
}

/** Markdown special characters, escaped (phrases are Han words, but hover text must never turn into markup). */
function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!<>|~]/g, (c) => '\\' + c);
}

/**
 * Hover text for the phrase under the cursor: where it occurs, and for a
 * flagged phrase what repetition/overused-phrase reports (each cluster: how
 * many times within how many characters, on which lines; at most
 * `maxClusters`). Markdown (the rule id links to its documentation) unless
 * `markdown` is false, for clients that show hovers as plain text.
 */
export function hoverText(po: PhraseOccurrences, locale: Locale = 'zh', opts: { markdown?: boolean; maxClusters?: number } = {}): string {
  const markdown = opts.markdown ?? true;
  const parts = [formatOccurrences(markdown ? { ...po, phrase: escapeMarkdown(po.phrase) } : po, locale)];
  const clusters = po.clusters ?? [];
  if (po.flagged && clusters.length) {
    const rule = markdown ? `[\`${OVERUSED_RULE}\`](${ruleDocUrl(OVERUSED_RULE)})` : OVERUSED_RULE;
    const shown = clusters.slice(0, Math.max(1, opts.maxClusters ?? 3));
    const rest = clusters.length - shown.length;
    if (locale === 'en') {
      const each = shown.map((c) => `${c.occurrences.length} times within ${c.extent} characters (${lineRange(c.occurrences, 'en')})`);
      parts.push(`${rule}: ${each.join('; ')}${rest > 0 ? `; ${rest} more` : ''}. Vary the wording or drop one.`);
    } else {
      const each = shown.map((c) => `${lineRange(c.occurrences, 'zh')} ${c.extent} 字内出现 ${c.occurrences.length} 次`);
      parts.push(`${rule}：${each.join('；')}${rest > 0 ? `等 ${clusters.length} 处` : ''}。可换一种说法或删去一处。`);
    }
  }
  return parts.join('\n\n');
}
