/**
 * Renumbering: the one implementation behind the numbering/sequence and
 * numbering/series quick fixes, the "重新编号 / Renumber document" command and
 * "move section up/down".
 *
 * How numbers are decided:
 * - Heading series: the numbered children of one parent section (or of the
 *   document root), one series per marker style (一、 / （一） / 1. / （1） /
 *   01 / 第一部分). Each series is numbered 1, 2, 3 … in document order.
 *   Level-1 styles that continue each other under one parent (一、 二、 then
 *   第三部分) form one series, so the count runs on across the style change
 *   (numbering/hierarchy reports the style change itself).
 * - Inline series (一是/二是, 第一/第二, 一要/二要, 首先/其次/再次): each group
 *   the parser found is numbered 1, 2, 3 …; 最后 stays 最后; 一方面/另一方面
 *   is never touched. A group that continues a different kind (首先……其次……
 *   三是) is left alone: which form to keep is the writer's call.
 * - Only the numeral changes ("四" → "三", "04" → "03", "４" → "３"); brackets,
 *   punctuation, width and every other character stay as written.
 */
import type { Heading, Section, Series, SeriesItem, SeriesKind, SpeechDocument } from './model';
import { STYLE_LEVEL } from './model';
import { parseArabic, parseCnNumeral, toCnNumeral } from './numerals';
import type { TextEdit } from './rule';
import type { Span } from './text';

/** Marker styles that carry a number. */
export const NUMBERED_STYLES: ReadonlySet<string> = new Set(['cn-dun', 'cn-paren', 'num-dot', 'num-paren', 'num-alone', 'cn-part']);
/** Level-1 styles: they may continue each other under one parent. */
const LEVEL1_STYLES: ReadonlySet<string> = new Set(['cn-dun', 'num-alone', 'cn-part']);

/** The numbered children of one parent that are numbered together. */
export interface HeadingSeries {
  /** The parent section; undefined for the document root. */
  parent?: Section;
  /** The sections in document order; each heading has a marker. */
  items: Section[];
  /** The styles in the series (one, or several level-1 styles continuing each other). */
  styles: string[];
  /**
   * The parent's numbered children, or those of an ancestor, invert the
   * levels (1. then （一）): the series cannot be told apart, so neither numbering/sequence nor the
   * renumber command touches them (numbering/hierarchy reports the inversion).
   */
  inverted: boolean;
}

/** Nesting rank of a numbered style: smaller is higher; 第一部分 stands above 一、. */
export const STYLE_RANK: Readonly<Record<string, number>> = { 'cn-part': 0, 'num-alone': 1, 'cn-dun': 1, 'cn-paren': 2, 'num-dot': 3, 'num-paren': 4 };

/** Is the style one of the level-1 styles (一、, 01, 第一部分)? */
export function isLevel1Style(style: string): boolean {
  return LEVEL1_STYLES.has(style);
}

/**
 * The first inversion among the children of one parent: a numbered heading
 * that follows a sibling of a lower level (（一） after 1.). Level-1 styles
 * among themselves are a style mix, not an inversion.
 */
export function findInversions(kids: readonly Section[]): { item: Section; lower: Section }[] {
  const out: { item: Section; lower: Section }[] = [];
  const reported = new Set<string>();
  let deepest: Section | undefined;
  for (const k of kids) {
    if (!isNumbered(k)) continue;
    const st = k.heading.style;
    if (deepest && STYLE_RANK[deepest.heading.style] > STYLE_RANK[st] && !(LEVEL1_STYLES.has(deepest.heading.style) && LEVEL1_STYLES.has(st)) && !reported.has(st)) {
      reported.add(st);
      out.push({ item: k, lower: deepest });
    }
    if (!deepest || STYLE_RANK[st] > STYLE_RANK[deepest.heading.style]) deepest = k;
  }
  return out;
}

/** A heading section with a numbered marker. */
export function isNumbered(s: Section): boolean {
  return s.heading.marker !== undefined && NUMBERED_STYLES.has(s.heading.style) && Number.isFinite(s.heading.marker.value);
}

/**
 * Headings inside a quotation (the quotations layer), or between an opening
 * mark left open at the end of a paragraph and its closing mark a few
 * paragraphs on (总书记强调：“ / （1）…… / （2）……。”): points of a quoted
 * instruction or remark, not the draft's own levels.
 */
export function quotedHeadings(doc: SpeechDocument): (s: Section) => boolean {
  const regions: { start: number; end: number }[] = [];
  const ps = doc.paragraphs;
  for (let i = 0; i < ps.length; i++) {
    const t = doc.text.slice(ps[i].span.start, ps[i].span.end);
    const open = t.lastIndexOf('“');
    if (open < 0 || t.indexOf('”', open) >= 0) continue;
    for (let j = i + 1; j < ps.length && j <= i + 8; j++) {
      const u = doc.text.slice(ps[j].span.start, ps[j].span.end);
      if (u.includes('“')) break;
      const close = u.indexOf('”');
      if (close >= 0) {
        regions.push({ start: ps[i].span.start + open, end: ps[j].span.start + close + 1 });
        break;
      }
    }
  }
  return (s) => {
    const at = s.heading.span.start;
    return doc.quotations.contains(at) || regions.some((r) => at >= r.start && at < r.end);
  };
}

/** Every heading series of the document, parents in document order. */
export function headingSeries(doc: SpeechDocument): HeadingSeries[] {
  const out: HeadingSeries[] = [];
  const quoted = quotedHeadings(doc);
  const visit = (parent: Section | undefined, kids: Section[], invertedAbove: boolean) => {
    const byStyle = new Map<string, HeadingSeries>();
    const groups: HeadingSeries[] = [];
    // below an inversion the tree itself is unreliable (2. after （二） lands under （二）);
    // the numbered points of a quoted instruction are no inversion (numbering/hierarchy leaves them alone too)
    const inverted = invertedAbove || findInversions(kids.filter((k) => !quoted(k))).length > 0;
    for (const k of kids) {
      if (!isNumbered(k)) continue;
      let g = byStyle.get(k.heading.style);
      if (!g) {
        g = { parent, items: [], styles: [k.heading.style], inverted };
        byStyle.set(k.heading.style, g);
        groups.push(g);
      }
      g.items.push(k);
    }
    // 一、 二、 第三部分: a level-1 group whose first value continues another level-1 group
    for (let i = 1; i < groups.length; i++) {
      const g = groups[i];
      if (!LEVEL1_STYLES.has(g.styles[0])) continue;
      const first = g.items[0];
      for (let j = 0; j < i; j++) {
        const h = groups[j];
        if (h.items.length === 0 || !LEVEL1_STYLES.has(h.styles[0])) continue;
        const before = h.items.filter((s) => s.span.start < first.span.start);
        if (before.length === 0) continue;
        if (before[before.length - 1].heading.marker!.value + 1 !== first.heading.marker!.value) continue;
        h.items = [...h.items, ...g.items].sort((a, b) => a.span.start - b.span.start);
        for (const st of g.styles) if (!h.styles.includes(st)) h.styles.push(st);
        g.items = [];
        break;
      }
    }
    for (const g of groups) if (g.items.length) out.push(g);
    for (const k of kids) visit(k, k.children, inverted);
  };
  visit(undefined, doc.sections, false);
  return out;
}

/** Write n like `like`: Chinese numerals stay Chinese; digits keep their width and zero padding ("01" → "02", "１" → "２"). */
export function formatNumberLike(n: number, like: string): string {
  if (Number.isNaN(parseArabic(like))) return toCnNumeral(n);
  let s = String(n);
  const c0 = like.charCodeAt(0);
  const fullWidth = c0 >= 0xff10 && c0 <= 0xff19;
  if (like.length > s.length && (c0 === 48 || c0 === 0xff10)) s = s.padStart(like.length, '0');
  if (fullWidth) s = s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 48 + 0xff10));
  return s;
}

/** Edits that renumber one heading series 1, 2, 3 … (empty when it already is). */
export function headingSeriesEdits(doc: SpeechDocument, series: HeadingSeries): TextEdit[] {
  const edits: TextEdit[] = [];
  series.items.forEach((s, i) => {
    const e = markerEdit(doc, s.heading, i + 1);
    if (e) edits.push(e);
  });
  return edits;
}

function markerEdit(doc: SpeechDocument, h: Heading, value: number): TextEdit | undefined {
  const m = h.marker;
  if (!m || m.value === value) return undefined;
  const { start, end } = m.numberSpan;
  const written = doc.text.slice(start, end);
  const newText = formatNumberLike(value, written);
  return newText === written ? undefined : { start, end, newText };
}

// ---------------------------------------------------------------- inline series

export const ORDER_WORDS = ['首先', '其次', '再次'];

/** What the numbering rules need to know about one inline series group. */
export interface InlineSeriesInfo {
  series: Series;
  /**
   * When the group continues a list begun in another form (首先……其次……三是):
   * the marker of the other form that comes right before its first item.
   */
  continues?: { span: Span; text: string };
}

/** Clause-start markers the parser may drop (a lone 一要 or 首先 is not kept as a series). */
function markerPatternsFor(value: number, except: SeriesKind): RegExp[] {
  const cn = toCnNumeral(value);
  const out: RegExp[] = [];
  if (except !== 'di') out.push(new RegExp(`第${cn}(?=[，,、：:])`, 'g'));
  if (except !== 'shi') out.push(new RegExp(`${cn}是`, 'g'));
  if (except !== 'yao') out.push(new RegExp(`${cn}要(?![求素件点])`, 'g'));
  if (except !== 'order' && value >= 1 && value <= 3) out.push(new RegExp(`${ORDER_WORDS[value - 1]}(?=[，,：:]|要|是)`, 'g'));
  return out;
}

const CLAUSE_BREAK = /[。！？；：，、,;:!?“”"（()）《》【】…—\s　]/;

/** The inline series groups with what the rules need (continuation of another form). */
export function inlineSeriesInfo(doc: SpeechDocument): InlineSeriesInfo[] {
  const out: InlineSeriesInfo[] = [];
  const text = doc.text;
  for (let i = 0; i < doc.series.length; i++) {
    const s = doc.series[i];
    const info: InlineSeriesInfo = { series: s };
    out.push(info);
    const first = s.items[0];
    if (s.items[0].kind === 'fangmian' || first.value <= 1) continue;
    // an earlier group of another kind in the same section whose last value is first - 1
    for (let j = i - 1; j >= 0; j--) {
      const g = doc.series[j];
      if (g.section !== s.section) break;
      const last = g.items[g.items.length - 1];
      if (last.span.start >= first.span.start) continue;
      if (g.items[0].kind === s.items[0].kind) break;
      if (first.paragraph - last.paragraph > 1) break;
      if (last.value + 1 === first.value && !(last.kind === 'fangmian' && first.kind === 'fangmian')) {
        info.continues = { span: last.span, text: last.text };
      }
      break;
    }
    if (info.continues) continue;
    // a first item in another form the parser left out (a lone 一要……, 首先……)
    const fromPara = Math.max(0, first.paragraph - 1);
    let from = doc.paragraphs[first.paragraph].bodySpan.start;
    const prevPara = doc.paragraphs[fromPara];
    if (fromPara < first.paragraph && prevPara && (prevPara.kind === 'body' || prevPara.kind === 'closing') && sectionOfSeriesItemEquals(doc, fromPara, s)) {
      from = prevPara.bodySpan.start;
    }
    const region = text.slice(from, first.span.start);
    for (const re of markerPatternsFor(first.value - 1, first.kind)) {
      let m: RegExpExecArray | null;
      let found: RegExpExecArray | null = null;
      re.lastIndex = 0;
      while ((m = re.exec(region))) {
        const before = m.index === 0 ? '' : region[m.index - 1];
        if (before === '' || CLAUSE_BREAK.test(before)) found = m;
      }
      if (found) {
        const start = from + found.index;
        info.continues = { span: { start, end: start + found[0].length }, text: found[0] };
        break;
      }
    }
    if (!info.continues) info.continues = openerBefore(doc, s);
  }
  return out;
}

const OPENER = /^首先(?=[，,：:]|要|是)/;

/**
 * 首先 opening an earlier paragraph of the same run, when the group's first
 * item (第二, 二是) opens its own paragraph: paragraphs that open with 首先……
 * and 第二…… are one list in two forms, with the body of the first point
 * between them. Looks back a few body paragraphs of the same section, and
 * stops at a heading or a paragraph holding another series.
 */
function openerBefore(doc: SpeechDocument, s: Series): InlineSeriesInfo['continues'] {
  const first = s.items[0];
  const para = doc.paragraphs[first.paragraph];
  if (first.value !== 2 || first.kind === 'order' || !para || first.span.start !== para.bodySpan.start) return undefined;
  const withSeries = new Set(doc.series.filter((g) => g !== s).flatMap((g) => g.items.map((it) => it.paragraph)));
  for (let k = first.paragraph - 1; k >= 0 && k >= first.paragraph - 6; k--) {
    const p = doc.paragraphs[k];
    if (p.kind === 'residue' || p.kind === 'comment') continue;
    if (p.kind !== 'body' || withSeries.has(k) || !sectionOfSeriesItemEquals(doc, k, s)) return undefined;
    const m = OPENER.exec(doc.text.slice(p.bodySpan.start, p.bodySpan.start + 4));
    if (m) return { span: { start: p.bodySpan.start, end: p.bodySpan.start + m[0].length }, text: m[0] };
  }
  return undefined;
}

function sectionOfSeriesItemEquals(doc: SpeechDocument, paragraph: number, s: Series): boolean {
  const p = doc.paragraphs[paragraph];
  if (!s.section) return !doc.allSections.some((sec) => p.span.start >= sec.span.start && p.span.start < sec.span.end);
  return p.span.start >= s.section.span.start && p.span.start < s.section.span.end;
}

/** The text an inline series item should have at `position` (1-based), or undefined when it cannot be written. */
function itemTextAt(it: SeriesItem, position: number, isLastOfGroup: boolean): { span: Span; newText: string } | undefined | null {
  if (it.kind === 'fangmian') return null;
  if (it.kind === 'order') {
    if (it.last) return isLastOfGroup ? null : undefined;
    const word = ORDER_WORDS[position - 1];
    if (!word) return undefined;
    return word === it.text ? null : { span: it.span, newText: word };
  }
  if (!it.numberSpan || !it.numberText) return undefined;
  if (it.value === position) return null;
  return { span: it.numberSpan, newText: formatNumberLike(position, it.numberText) };
}

/**
 * Edits that renumber one inline series 1, 2, 3 …; empty when it already is,
 * when it is a 一方面/另一方面 pair, or when it cannot be written (a fourth
 * order item has no word: 首先 其次 再次 …).
 */
export function inlineSeriesEdits(doc: SpeechDocument, s: Series): TextEdit[] {
  const edits: TextEdit[] = [];
  for (let i = 0; i < s.items.length; i++) {
    const r = itemTextAt(s.items[i], i + 1, i === s.items.length - 1);
    if (r === undefined) return [];
    if (r === null) continue;
    if (doc.text.slice(r.span.start, r.span.end) !== r.newText) edits.push({ start: r.span.start, end: r.span.end, newText: r.newText });
  }
  return edits;
}

// ---------------------------------------------------------------- the command

/**
 * "重新编号 / Renumber document": every heading series and every inline series
 * numbered 1, 2, 3 … at once, each marker in its own style and width; nothing
 * else changes. Applying the result and running it again yields no edits.
 */
export function renumberEdits(doc: SpeechDocument): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const g of headingSeries(doc)) if (!g.inverted) edits.push(...headingSeriesEdits(doc, g));
  for (const info of inlineSeriesInfo(doc)) {
    if (info.continues) continue;
    edits.push(...inlineSeriesEdits(doc, info.series));
  }
  return dedupe(edits);
}

function dedupe(edits: TextEdit[]): TextEdit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: TextEdit[] = [];
  let last = -1;
  for (const e of sorted) {
    if (e.start < last) continue; // never overlap (cannot happen for well-formed documents)
    out.push(e);
    last = e.end;
  }
  return out;
}

// ---------------------------------------------------------------- moving sections

/**
 * The section at `offset`: the one starting there, else the innermost whose
 * heading holds it, else the first whose heading starts on the offset's line,
 * else the innermost whose span holds it.
 */
export function sectionAt(doc: SpeechDocument, offset: number): Section | undefined {
  let best: Section | undefined;
  for (const s of doc.allSections) if (s.span.start === offset && (!best || s.depth > best.depth)) best = s;
  if (best) return best;
  for (const s of doc.allSections) if (offset >= s.heading.span.start && offset < s.heading.span.end && (!best || s.depth > best.depth)) best = s;
  if (best) return best;
  // a position in the indentation before a heading, or anywhere on its line
  const line = doc.lines.lineAt(offset);
  for (const s of doc.allSections) if (doc.lines.lineAt(s.heading.span.start) === line) return s;
  for (const s of doc.allSections) if (offset >= s.span.start && offset < s.span.end && (!best || s.depth > best.depth)) best = s;
  return best;
}

/**
 * Swap the section at `sectionStart` (heading, body and sub-sections) with its
 * previous or next sibling, and renumber the series the two belong to. The
 * edits apply to the original text: one edit replaces the span of both
 * sections (the text between them stays between them), and further edits
 * renumber the other members of the affected series. Empty when there is no
 * such sibling.
 */
export function moveSectionEdits(doc: SpeechDocument, sectionStart: number, direction: 'up' | 'down'): TextEdit[] {
  const sec = sectionAt(doc, sectionStart);
  if (!sec) return [];
  const siblings = sec.parent ? sec.parent.children : doc.sections;
  const i = siblings.indexOf(sec);
  const j = direction === 'up' ? i - 1 : i + 1;
  if (i < 0 || j < 0 || j >= siblings.length) return [];
  const a = siblings[Math.min(i, j)];
  const b = siblings[Math.max(i, j)];
  const text = doc.text;
  if (!(a.span.end <= b.span.start)) return [];

  // new order of every affected series, then positional numbers
  const newValue = new Map<Section, number>();
  for (const g of headingSeries(doc)) {
    if (g.parent !== sec.parent) continue;
    if (!g.items.includes(a) && !g.items.includes(b)) continue;
    const order = [...g.items];
    const ia = order.indexOf(a);
    const ib = order.indexOf(b);
    if (ia >= 0 && ib >= 0) [order[ia], order[ib]] = [order[ib], order[ia]];
    order.forEach((s, k) => newValue.set(s, k + 1));
  }

  const rewrite = (s: Section): string => {
    const body = text.slice(s.span.start, s.span.end);
    const v = newValue.get(s);
    const e = v === undefined ? undefined : markerEdit(doc, s.heading, v);
    if (!e) return body;
    return body.slice(0, e.start - s.span.start) + e.newText + body.slice(e.end - s.span.start);
  };
  const edits: TextEdit[] = [
    { start: a.span.start, end: b.span.end, newText: rewrite(b) + text.slice(a.span.end, b.span.start) + rewrite(a) },
  ];
  for (const [s, v] of newValue) {
    if (s === a || s === b) continue;
    const e = markerEdit(doc, s.heading, v);
    if (e) edits.push(e);
  }
  return edits.sort((x, y) => x.start - y.start);
}

/** The nominal level of a style (for messages). */
export function levelOf(style: string): number {
  return (STYLE_LEVEL as Record<string, number>)[style] ?? 0;
}

/** Parse a numeral as written ("四", "04", "４"). */
export function numeralValue(s: string): number {
  const a = parseArabic(s);
  return Number.isNaN(a) ? parseCnNumeral(s) : a;
}
