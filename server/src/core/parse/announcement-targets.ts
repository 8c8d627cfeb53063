/**
 * What an announced count announces: a helper of the announcements pass.
 * In order: a 、-list (or "A和B") right before it in its clause; an inline
 * series right after it; a list after a colon; the sections that follow when
 * it closes the intro of its scope; an inline series in the next paragraph.
 */
import type { AnnouncedTarget, Announcement, Paragraph, Section, Series } from '../model';
import type { Span } from '../text';

export interface TargetContext {
  text: string;
  paragraphs: Paragraph[];
  roots: Section[];
  /** The innermost section of each paragraph. */
  paraSection: (Section | undefined)[];
  series: Series[];
}

export function linkAnnouncement(
  ctx: TargetContext,
  a: Announcement,
  seg: string,
  segStart: number,
  at: number,
  phraseEnd: number,
  listOnly: boolean,
): AnnouncedTarget | undefined {
  let d = phraseEnd;
  if (/[”"’]/.test(seg[d] ?? '')) d++;
  // "A、B、“六大平台”、C" or "两个中心、三大基地": the phrase is itself an item of a list, a name
  if (seg[d] === '、' || itemOfList(seg, at)) return undefined;
  const before = listBefore(a, seg, segStart, at);
  if (before) return before;
  if (!listOnly) {
    // an inline series right after it in the same paragraph: 三个方面：一是A、B，二是C
    const s = seriesRightAfter(ctx, a, a.paragraph);
    if (s) return { kind: 'series', items: s.items.map((it) => it.span) };
  }
  const after = listAfterColon(seg, segStart, d, a.count);
  if (after) return after;
  if (listOnly) return undefined;
  const sections = followingSections(ctx, a);
  if (sections) return sections;
  // an inline series that starts right after it (same or next paragraph)
  const s = seriesRightAfter(ctx, a, a.paragraph) ?? seriesRightAfter(ctx, a, a.paragraph + 1);
  if (s) return { kind: 'series', items: s.items.map((it) => it.span) };
  return undefined;
}

/** A 、-list right before the phrase in the same clause: 生物医药、高端制造、新材料三大主导产业; or "A和B" for two. */
function listBefore(a: Announcement, seg: string, segStart: number, at: number): AnnouncedTarget | undefined {
  let b = at;
  if (/[“"‘]/.test(seg[b - 1] ?? '')) b--;
  let c = b;
  while (c > 0 && !/[，,。；;：:！？!?（(）)]/.test(seg[c - 1]) && b - c < 200) c--;
  const before = seg.slice(c, b);
  if (!before.includes('、') && a.count === 2) {
    const and = before.search(/[和与及]/);
    if (and > 0 && and < before.length - 1 && before.indexOf('和', and + 1) < 0) {
      const s0 = segStart + c;
      return { kind: 'list', items: [{ start: s0, end: s0 + and }, { start: s0 + and + 1, end: s0 + before.length }] };
    }
  }
  if (!before.includes('、')) return undefined;
  const parts = before.split('、');
  const items: Span[] = [];
  let pos = segStart + c;
  for (const part of parts) {
    items.push({ start: pos, end: pos + part.length });
    pos += part.length + 1;
  }
  // "A、B和C" counts three (生物医药、高端制造和新材料两大主导产业 is three)
  return { kind: 'list', items: splitLastAnd(seg, segStart, items) };
}

/** The phrase closes a list it is an item of: "两个中心、三大基地", "两个中心和三大基地". */
function itemOfList(seg: string, at: number): boolean {
  let b = at;
  if (/[“"‘]/.test(seg[b - 1] ?? '')) b--;
  return /[、和及与]/.test(seg[b - 1] ?? '');
}

/**
 * After a colon, "钢铁、新材料和装备制造" may count three (和 before the last item)
 * or two (新材料和装备制造 one item): the reading that matches the announced
 * count wins, so that neither is reported.
 */
function withAnd(seg: string, segStart: number, items: Span[], count: number): Span[] {
  return items.length === count ? items : splitLastAnd(seg, segStart, items);
}

/** The last item split at its 和, 及 or 与 ("A、B和C" as three items). */
function splitLastAnd(seg: string, segStart: number, items: Span[]): Span[] {
  const last = items[items.length - 1];
  const and = seg.slice(last.start - segStart, last.end - segStart).search(/[和及与]/);
  if (!(and > 0 && and < last.end - last.start - 1)) return items;
  return [...items.slice(0, -1), { start: last.start, end: last.start + and }, { start: last.start + and + 1, end: last.end }];
}

/** A list after a colon right after the phrase: 三点要求：A、B、C。 (or A；B；C) */
function listAfterColon(seg: string, segStart: number, d: number, count: number): AnnouncedTarget | undefined {
  if (!/[：:]/.test(seg[d] ?? '')) return undefined;
  let e = d + 1;
  while (e < seg.length && !/[。！？!?]/.test(seg[e]) && e - d < 400) e++;
  const after = seg.slice(d + 1, e);
  const sep = after.includes('；') || after.includes(';') ? /[；;]/ : /、/;
  const parts = after.split(sep).filter((x) => x.trim().length > 0);
  if (parts.length < 2) return undefined;
  const items: Span[] = [];
  let pos = segStart + d + 1;
  for (const part of after.split(sep)) {
    if (part.trim().length > 0) items.push({ start: pos, end: pos + part.length });
    pos += part.length + 1;
  }
  return { kind: 'list', items: sep.source === '、' ? withAnd(seg, segStart, items, count) : items };
}

/** The sections that follow, when the announcement is in the intro of its scope: the siblings of the announced style. */
function followingSections(ctx: TargetContext, a: Announcement): AnnouncedTarget | undefined {
  const absAt = a.span.start;
  const scope = ctx.paraSection[a.paragraph];
  const kids = scope ? scope.children : ctx.roots;
  const following = kids.filter((k) => k.heading.span.start > absAt);
  const firstKid = kids.length ? kids[0] : undefined;
  if (!(following.length > 0 && firstKid && firstKid.heading.span.start > absAt && introduces(ctx, a, following[0].heading.span.start))) return undefined;
  const style = following[0].heading.style;
  const items = following.filter((k) => k.heading.style === style).map((k) => k.heading.span);
  return { kind: 'sections', items };
}

/** The first series after the phrase, starting in paragraph `pi` with little text between (……三点意见。一是……). */
function seriesRightAfter(ctx: TargetContext, a: Announcement, pi: number): Series | undefined {
  const { series, paragraphs } = ctx;
  // series are in document order: binary search the first one after the phrase
  let lo = 0;
  let hi = series.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (series[mid].items[0].span.start < a.span.end) lo = mid + 1;
    else hi = mid;
  }
  if (lo >= series.length) return undefined;
  const s = series[lo];
  const first = s.items[0];
  if (first.paragraph !== pi || !(first.value === 1 || first.kind === 'order')) return undefined;
  let between = 0;
  if (pi === a.paragraph) between = countSpoken(ctx.text, a.span.end, first.span.start);
  else between = countSpoken(ctx.text, a.span.end, paragraphs[a.paragraph].span.end) + countSpoken(ctx.text, paragraphs[pi].bodySpan.start, first.span.start);
  return between <= 10 ? s : undefined;
}

/** The phrase introduces the sections that follow: nothing but headings between, and it closes its paragraph (last two sentences). */
function introduces(ctx: TargetContext, a: Announcement, firstHeadingStart: number): boolean {
  const { paragraphs } = ctx;
  for (let k = a.paragraph + 1; k < paragraphs.length && paragraphs[k].span.start < firstHeadingStart; k++) {
    const kind = paragraphs[k].kind;
    if (kind === 'body' || kind === 'closing') return false;
  }
  const sentences = paragraphs[a.paragraph].sentences;
  const k = sentences.findIndex((x) => a.span.start >= x.span.start && a.span.start < x.span.end);
  return k < 0 || k >= sentences.length - 2;
}

/** Non-space characters from `from` to `to`, counted up to 11. */
function countSpoken(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to && n <= 10; i++) if (!/\s/.test(text[i])) n++;
  return n;
}
