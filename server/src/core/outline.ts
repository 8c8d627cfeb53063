/**
 * The outline of a speech as the audience hears it: the title, the opening,
 * the announced points, the sections at every level with their length and
 * speaking time, the inline series (一是……二是……) inside their section, and
 * the closing. Built on the document model; lengths come from sections.ts so
 * that the outline and the balance rules never disagree about a section.
 *
 * Spans here (UTF-16 offsets); the server turns them into LSP ranges
 * (handlers/outline.ts), the same way for every client.
 *
 * - title: its `chars`/`seconds` are the whole speech's (its line in a tree
 *   or a chart stands for the speech); share 1.
 * - opening: the paragraphs between the front matter (title, date,
 *   salutation) and the first section; only when there are sections.
 * - closing: the closing paragraph ("同志们，……") to the end of the speech,
 *   when it lies after the last section (so, like the opening, only when
 *   there are sections).
 * - announcement: an announcement linked to what it counts ("讲三点意见",
 *   "五大体系"): `count` is the number announced, `found` the items the
 *   parser linked it to; it sits inside the node that holds it.
 * - section: label = heading title without marker, Markdown # or closing
 *   punctuation; marker as written; level = nominal level (一、 1, （一） 2,
 *   1. 3, （1） 4, Markdown: number of #), 0 for unnumbered sub-headings;
 *   chars = `Section.bodyChars` (body, sub-sections included, heading
 *   excluded); share of the parent's body (top level: of the whole speech).
 * - series: inside the innermost section that holds it; its items run from
 *   one marker to the next, the last one to the end of its paragraph;
 *   labelled by their first words.
 * - problems / placeholders: findings that start inside the node's span
 *   (placeholder/* findings are placeholders; other findings are problems,
 *   hints excluded as in the Problems panel).
 * - offsetChars: spoken characters before the node starts, for a
 *   speaking-time axis (chart).
 */
import type { Section, Series, SpeechDocument } from './model';
import { isPlaceholderRule } from './placeholders';
import type { Finding } from './rule';
import { sectionStats, speakingSeconds } from './sections';
import type { Span } from './text';
import { countSpokenChars } from './text';

export { approxDuration, joinMarker, lengthSuffix, outlineText } from './outline-text';
export type { OutlineTextNode, OutlineTextOptions } from './outline-text';

export type OutlineKind = 'title' | 'announcement' | 'section' | 'series' | 'seriesItem' | 'opening' | 'closing';

export interface OutlineItem {
  kind: OutlineKind;
  label: string;
  marker?: string;
  level: number;
  /** The whole node. */
  span: Span;
  /** The heading (sections), the marker (series items), the phrase (announcements); what revealing selects. */
  selection: Span;
  chars: number;
  seconds: number;
  share: number;
  problems: number;
  placeholders: number;
  /** Spoken characters before the node's start. */
  offsetChars: number;
  /** Announcements: the number announced. */
  count?: number;
  /** Announcements: the items found for it. */
  found?: number;
  children: OutlineItem[];
}

export interface Outline {
  totalChars: number;
  totalSeconds: number;
  speakingRate: number;
  nodes: OutlineItem[];
}

/** Longest label, in characters (a 1 MB heading must not travel whole). */
export const MAX_LABEL = 80;
/** Longest label of the opening and the closing (their first words). */
export const MAX_LEAD = 24;
/** Longest series item label (its first words). */
export const MAX_ITEM_LABEL = 16;

function clip(s: string, max: number): string {
  const head = s.length > max * 2 + 2 ? s.slice(0, max * 2 + 2) : s;
  const one = head.replace(/\s+/g, ' ').trim();
  const chars = Array.from(one);
  return chars.length > max || head.length < s.length ? chars.slice(0, Math.min(max, chars.length) - (chars.length > max ? 1 : 0)).join('') + '…' : one;
}

/** The first words of a clause starting at `from`: up to the first clause break, clipped. */
export function firstWords(text: string, from: number, end: number, max = MAX_ITEM_LABEL): string {
  let i = from;
  // punctuation right after a marker ("第一，", "一是：")
  while (i < end && /[\s，,、：:；;。　]/.test(text[i])) i++;
  let j = i;
  const limit = Math.min(end, i + max * 2 + 2);
  while (j < limit && !/[，,。；;：:！!？?\n\r]/.test(text[j])) j++;
  const words = text.slice(i, j);
  const clipped = clip(words, max);
  return j < end && j === limit && !clipped.endsWith('…') ? clipped + '…' : clipped;
}

/** Findings counted per span with binary search over their sorted starts. */
class FindingIndex {
  private readonly problems: number[];
  private readonly placeholders: number[];
  constructor(findings: readonly Finding[]) {
    const pr: number[] = [];
    const ph: number[] = [];
    for (const f of findings) {
      if (isPlaceholderRule(f.ruleId)) ph.push(f.span.start);
      else if (f.severity !== 'hint') pr.push(f.span.start);
    }
    this.problems = pr.sort((a, b) => a - b);
    this.placeholders = ph.sort((a, b) => a - b);
  }
  private static count(sorted: number[], span: Span): number {
    return lowerBound(sorted, span.end) - lowerBound(sorted, span.start);
  }
  count(span: Span): { problems: number; placeholders: number } {
    return { problems: FindingIndex.count(this.problems, span), placeholders: FindingIndex.count(this.placeholders, span) };
  }
}

/** First index whose value is >= x. */
function lowerBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Spoken characters before each offset, counted as `doc.spokenChars` counts
 * them (paragraphs that are neither residue nor comments), in one pass over
 * the text however many offsets are asked.
 */
export function spokenBefore(doc: SpeechDocument, offsets: Iterable<number>): Map<number, number> {
  const sorted = [...new Set(offsets)].sort((a, b) => a - b);
  const paras = doc.paragraphs.filter((p) => p.kind !== 'residue' && p.kind !== 'comment').map((p) => p.span);
  const out = new Map<number, number>();
  let pi = 0;
  let pos = 0;
  let n = 0;
  for (const o of sorted) {
    while (pi < paras.length) {
      const p = paras[pi];
      const from = Math.max(pos, p.start);
      const to = Math.min(o, p.end);
      if (to > from) n += countSpokenChars(doc.text, from, to);
      pos = Math.max(pos, to);
      if (o >= p.end) pi++;
      else break;
    }
    out.set(o, n);
  }
  return out;
}

/** The innermost section whose span holds `offset` (sections in document order: parents before children). */
function innermostSection(all: readonly Section[], starts: readonly number[], offset: number): Section | undefined {
  let i = lowerBound(starts, offset + 1) - 1;
  if (i < 0) return undefined;
  let s: Section | undefined = all[i];
  while (s && !(offset >= s.span.start && offset < s.span.end)) s = s.parent;
  return s;
}

function sectionLabel(doc: SpeechDocument, s: Section): { label: string; marker?: string } {
  const h = s.heading;
  const marker = h.marker && h.style !== 'markdown' && h.style !== 'unnumbered' ? (h.marker.text || doc.text.slice(h.marker.span.start, h.marker.span.end)).replace(/\s+/g, ' ').trim() : '';
  return { label: clip(h.title, MAX_LABEL), marker: marker || undefined };
}

function seriesLabel(s: Series): string {
  const first = s.items[0].text;
  const last = s.items[s.items.length - 1].text;
  return s.items.length === 1 ? first : `${first}……${last}`;
}

interface SeriesSpans {
  series: Series;
  span: Span;
  items: Span[];
}

/** Each series with its span and its items' spans (an item runs to the next one, the last to its paragraph's end). */
function seriesSpansOf(doc: SpeechDocument): SeriesSpans[] {
  return doc.series.map((s) => {
    const items = s.items.map((it, k) => {
      const next = s.items[k + 1];
      const para = doc.paragraphs[it.paragraph];
      const end = next ? next.span.start : Math.max(it.span.end, para ? para.span.end : it.span.end);
      return { start: it.span.start, end };
    });
    return { series: s, span: { start: items[0].start, end: items[items.length - 1].end }, items };
  });
}

/** The body paragraphs before the first section (the front matter left out). */
function openingSpan(doc: SpeechDocument): Span | undefined {
  const front = new Set([doc.title, doc.date, doc.salutation].filter((x): x is number => x !== undefined));
  let opening: Span | undefined;
  const firstSection = doc.sections[0];
  if (!firstSection) return undefined;
  for (let i = 0; i < doc.paragraphs.length; i++) {
    const p = doc.paragraphs[i];
    if (p.span.start >= firstSection.span.start) break;
    if (front.has(i) || p.kind !== 'body') continue;
    opening = opening ? { start: opening.start, end: p.span.end } : { ...p.span };
  }
  return opening;
}

/** The closing paragraph and what follows it, after the last section. */
function closingSpan(doc: SpeechDocument): Span | undefined {
  const lastSection = doc.sections[doc.sections.length - 1];
  if (doc.closing === undefined) return undefined;
  const cp = doc.paragraphs[doc.closing];
  // like the opening, only around sections: a draft without sections is all one block
  if (!(cp && lastSection && cp.span.start >= lastSection.span.end)) return undefined;
  let end = cp.span.end;
  for (let i = doc.closing + 1; i < doc.paragraphs.length; i++) {
    const p = doc.paragraphs[i];
    if (p.kind !== 'residue' && p.kind !== 'comment') end = p.span.end;
  }
  return { start: cp.span.start, end };
}

/** What the outline's parts share: the draft, its counts and the node factory. */
interface OutlineBuild {
  doc: SpeechDocument;
  total: number;
  spoken: (s: Span) => number;
  node: (kind: OutlineKind, label: string, span: Span, selection: Span, chars: number, share: number, level?: number, marker?: string) => OutlineItem;
}

function outlineBuild(doc: SpeechDocument, findings: readonly Finding[], rate: number, spans: { series: SeriesSpans[]; opening?: Span; closing?: Span }): OutlineBuild {
  const index = new FindingIndex(findings);
  const secs = (chars: number) => speakingSeconds(chars, rate);
  // the spans of everything first, then the character counts in one pass
  const offsets: number[] = [];
  for (const s of doc.allSections) offsets.push(s.span.start);
  for (const ss of spans.series) {
    offsets.push(ss.span.start, ss.span.end);
    for (const it of ss.items) offsets.push(it.start, it.end);
  }
  if (spans.opening) offsets.push(spans.opening.start, spans.opening.end);
  if (spans.closing) offsets.push(spans.closing.start, spans.closing.end);
  for (const a of doc.announcements) offsets.push(a.span.start);
  if (doc.title !== undefined) offsets.push(doc.paragraphs[doc.title].span.start);
  const before = spokenBefore(doc, offsets);
  const at = (o: number) => before.get(o) ?? 0;
  const node = (kind: OutlineKind, label: string, span: Span, selection: Span, chars: number, share: number, level = 0, marker?: string): OutlineItem => ({
    kind,
    label,
    marker,
    level,
    span,
    selection,
    chars,
    seconds: secs(chars),
    share: Number.isFinite(share) ? Math.max(0, Math.min(1, share)) : 0,
    ...index.count(span),
    offsetChars: at(span.start),
    children: [],
  });
  return { doc, total: doc.spokenChars, spoken: (s: Span) => Math.max(0, at(s.end) - at(s.start)), node };
}

/** The section nodes (sectionStats is indexed like allSections), the roots and a map from each section. */
function sectionNodesOf(b: OutlineBuild, rate: number): { top: OutlineItem[]; sectionNodes: Map<Section, OutlineItem> } {
  const { doc } = b;
  const stats = sectionStats(doc, rate);
  const pos = new Map<Section, number>();
  doc.allSections.forEach((s, i) => pos.set(s, i));
  const sectionNodes = new Map<Section, OutlineItem>();
  const build = (s: Section): OutlineItem => {
    const st = stats[pos.get(s) ?? -1];
    const { label, marker } = sectionLabel(doc, s);
    const level = s.heading.style === 'unnumbered' ? 0 : Math.max(0, s.heading.level);
    const n = b.node('section', label, s.span, s.heading.span, s.bodyChars, st ? st.share : 0, level, marker);
    sectionNodes.set(s, n);
    n.children = s.children.map(build);
    return n;
  };
  return { top: doc.sections.map(build), sectionNodes };
}

/** The series and the announcements that announce something, each under its holder or at the top (returned). */
function placeSeriesAndAnnouncements(b: OutlineBuild, seriesSpans: SeriesSpans[], holder: (offset: number) => OutlineItem | undefined): OutlineItem[] {
  const { doc, spoken } = b;
  const extraTop: OutlineItem[] = [];
  const place = (n: OutlineItem) => {
    const h = holder(n.span.start);
    if (h) h.children.push(n);
    else extraTop.push(n);
  };
  for (const ss of seriesSpans) {
    const chars = spoken(ss.span);
    const h = holder(ss.span.start);
    const parentChars = h ? h.chars : b.total;
    const n = b.node('series', seriesLabel(ss.series), ss.span, ss.series.items[0].span, chars, parentChars > 0 ? chars / parentChars : 0);
    n.children = ss.series.items.map((it, k) => {
      const span = ss.items[k];
      const c = spoken(span);
      return b.node('seriesItem', firstWords(doc.text, it.span.end, span.end), span, it.span, c, chars > 0 ? c / chars : 0, 0, it.text);
    });
    place(n);
  }
  for (const a of doc.announcements) {
    if (!a.target) continue;
    const n = b.node('announcement', clip(a.text, MAX_LABEL), a.span, a.span, 0, 0);
    n.count = a.count;
    n.found = a.target.items.length;
    place(n);
  }
  return extraTop;
}

function sortDeep(list: OutlineItem[]): void {
  list.sort((x, y) => x.span.start - y.span.start || y.span.end - x.span.end);
  for (const n of list) if (n.children.length > 1) sortDeep(n.children);
}

/** Build the outline of a parsed draft, with the findings of its current text, at `rate` characters a minute. */
export function buildOutline(doc: SpeechDocument, findings: readonly Finding[], rate: number): Outline {
  const text = doc.text;
  const all = doc.allSections;
  const starts = all.map((s) => s.span.start);
  const seriesSpans = seriesSpansOf(doc);
  const opening = openingSpan(doc);
  const closing = closingSpan(doc);
  const b = outlineBuild(doc, findings, rate, { series: seriesSpans, opening, closing });
  const { total, spoken, node } = b;
  const { top, sectionNodes } = sectionNodesOf(b, rate);

  const lead = (sp: Span) => clip(text.slice(sp.start, Math.min(sp.end, sp.start + MAX_LEAD * 2 + 2)).split(/[\r\n]/)[0], MAX_LEAD);
  const openingNode = opening ? node('opening', lead(opening), opening, { start: opening.start, end: Math.min(opening.end, doc.paragraphs.find((p) => p.span.start === opening!.start)?.span.end ?? opening.end) }, spoken(opening), total > 0 ? spoken(opening) / total : 0) : undefined;
  const closingNode = closing ? node('closing', lead(closing), closing, { start: closing.start, end: doc.paragraphs[doc.closing!].span.end }, spoken(closing), total > 0 ? spoken(closing) / total : 0) : undefined;

  /** Where a series or an announcement at `offset` goes: its innermost section, the opening, the closing, or the top. */
  const holder = (offset: number): OutlineItem | undefined => {
    const s = innermostSection(all, starts, offset);
    if (s) return sectionNodes.get(s);
    if (openingNode && offset >= openingNode.span.start && offset < openingNode.span.end) return openingNode;
    if (closingNode && offset >= closingNode.span.start && offset < closingNode.span.end) return closingNode;
    return undefined;
  };
  const extraTop = placeSeriesAndAnnouncements(b, seriesSpans, holder);

  const nodes: OutlineItem[] = [];
  if (doc.title !== undefined) {
    const p = doc.paragraphs[doc.title];
    nodes.push(node('title', clip(text.slice(p.span.start, p.span.end), MAX_LABEL), p.span, p.span, total, 1));
    nodes[0].offsetChars = 0;
  }
  if (openingNode) nodes.push(openingNode);
  nodes.push(...extraTop, ...top);
  if (closingNode) nodes.push(closingNode);
  const titleNode = doc.title !== undefined ? nodes.shift() : undefined;
  sortDeep(nodes);
  if (titleNode) nodes.unshift(titleNode);
  return { totalChars: total, totalSeconds: speakingSeconds(total, rate), speakingRate: rate, nodes };
}
