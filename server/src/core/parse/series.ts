/**
 * Pass 10, inline series. Reads the paragraphs and sections; adds `series`:
 * 一是……二是……, 一要……二要……, 第一，……第二，……, 首先……其次……最后，
 * and 一方面……另一方面……, grouped by kind within their innermost section.
 */
import type { Paragraph, Section, Series, SeriesItem, SeriesKind } from '../model';
import { parseCnNumeral } from '../numerals';
import { CN } from './punctuation';
import { execFrom, firstChars } from './scan';
import { innermostSectionByParagraph } from './sections';
import type { ParseState } from './state';

const SERIES_RE = new RegExp(
  [
    `(另一方面|一方面)`, // 1
    `(首先|其次|再次|最后)(?=[，,、：:]|要|是|我们|必须|就是)`, // 2
    `第(${CN}{1,3})(?=[，,、：:])`, // 3
    `(${CN}{1,3})是`, // 4
    `(${CN}{1,3})要(?![求素件点])`, // 5
  ].join('|'),
  'y',
);
/** Characters a SERIES_RE match can start with. */
const SERIES_FIRST = firstChars('另首其再最第零〇一二两三四五六七八九十百');
/** Characters after which a series marker starts a clause. */
const CLAUSE_BREAK = new Set([...'。！？；：，、,;:!?“”"（()）《》【】…—'.split(''), ' ', '\t', '　']);
const LEAD_INS = ['要', '坚持', '必须', '还要', '就是', '我们要', '因为'];
const ORDER: Record<string, number> = { 首先: 1, 其次: 2, 再次: 3, 最后: 0 };

export function seriesPass(st: ParseState): void {
  const items: SeriesItem[] = [];
  for (let pi = 0; pi < st.paragraphs.length; pi++) collectItems(st.text, st.paragraphs[pi], pi, items);
  st.series = groupSeries(items, st.paragraphs, st.allSections);
}

function collectItems(text: string, p: Paragraph, pi: number, items: SeriesItem[]): void {
  if (p.kind !== 'body' && p.kind !== 'heading' && p.kind !== 'closing') return;
  const { start, end } = p.bodySpan;
  if (end <= start) return;
  const seg = text.slice(start, end);
  let m: RegExpExecArray | null;
  let from = 0;
  while ((m = execFrom(SERIES_RE, SERIES_FIRST, seg, from))) {
    from = m.index + m[0].length;
    if (!atClauseStart(seg, m.index, m[1] !== undefined || m[2] !== undefined)) continue;
    const item = itemOf(m, seg, start);
    if (!item) continue;
    const after = item.span.end;
    const pc = text[after];
    if (pc === '，' || pc === ',' || pc === '、' || pc === '：' || pc === ':') {
      item.punct = pc;
      item.punctSpan = { start: after, end: after + 1 };
    }
    item.paragraph = pi;
    items.push(item);
  }
}

/** The series item a SERIES_RE match in `seg` (at `segStart`) makes, if it is one. */
function itemOf(m: RegExpExecArray, seg: string, segStart: number): SeriesItem | undefined {
  const at = m.index;
  const abs = segStart + at;
  if (m[1]) {
    const isSecond = m[1] === '另一方面';
    return mkItem('fangmian', abs, m[0], isSecond ? 2 : 1, isSecond);
  }
  if (m[2]) {
    if (m[2] === '最后' && !/^[，,]/.test(seg.slice(at + 2, at + 3))) return undefined;
    return mkItem('order', abs, m[0], ORDER[m[2]], m[2] === '最后');
  }
  const num = m[3] ?? m[4] ?? m[5];
  const value = parseCnNumeral(num);
  if (Number.isNaN(value) || value < 1 || value > 20) return undefined;
  const kind: SeriesKind = m[3] ? 'di' : m[4] ? 'shi' : 'yao';
  // 两要/两是 are not ordinals; "第一、第二产业", "第一、二产业", "第二、第三产业" are lists of ordinals
  if (kind !== 'di' && num.includes('两')) return undefined;
  // the idiom 一是一，二是二 (call a spade a spade)
  if (kind === 'shi' && seg.startsWith(num, at + m[0].length)) return undefined;
  if (kind === 'di' && seg[at + m[0].length] === '、' && /^第?[零〇一二两三四五六七八九十]/.test(seg.slice(at + m[0].length + 1, at + m[0].length + 3))) return undefined;
  if (kind === 'di' && seg[at - 1] === '、' && /[零〇一二两三四五六七八九十]/.test(seg[at - 2] ?? '')) return undefined;
  const item = mkItem(kind, abs, m[0], value, false);
  const nStart = abs + (kind === 'di' ? 1 : 0);
  item.numberSpan = { start: nStart, end: nStart + num.length };
  item.numberText = num;
  return item;
}

function mkItem(kind: SeriesKind, abs: number, matched: string, value: number, last: boolean): SeriesItem {
  return {
    kind,
    span: { start: abs, end: abs + matched.length },
    text: matched,
    value,
    last,
    punct: '',
    punctSpan: { start: abs + matched.length, end: abs + matched.length },
    paragraph: -1,
  };
}

function atClauseStart(seg: string, at: number, allowLeadIn: boolean): boolean {
  if (at === 0) return true;
  if (CLAUSE_BREAK.has(seg[at - 1])) return true;
  if (!allowLeadIn) return false;
  for (const l of LEAD_INS) {
    const b = at - l.length;
    if (b >= 0 && seg.startsWith(l, b) && (b === 0 || CLAUSE_BREAK.has(seg[b - 1]))) return true;
  }
  return false;
}

/** Group items by kind within the innermost section, in order; a new group starts at a first item. */
function groupSeries(items: SeriesItem[], paragraphs: Paragraph[], allSections: Section[]): Series[] {
  const out: Series[] = [];
  const paraSection = innermostSectionByParagraph(paragraphs, allSections);
  const open = new Map<string, Series>();
  let lastSection: Section | undefined | null = null;
  for (const it of items) {
    const sec = paraSection[it.paragraph];
    if (sec !== lastSection) {
      open.clear();
      lastSection = sec;
    }
    const family = it.kind;
    const cur = open.get(family);
    if (it.kind === 'order' && it.text === '再次' && it.punct === '' && !(cur && cur.items[cur.items.length - 1].value === 2)) continue;
    const isFirst = it.kind === 'order' ? it.value === 1 : it.value === 1 && !it.last;
    if (!cur || isFirst || (cur.items[cur.items.length - 1].last && it.kind !== 'fangmian')) {
      // "一要" alone (一要……) without a second item is not a series: dropped below
      const s: Series = { items: [it], span: { ...it.span }, section: sec };
      open.set(family, s);
      out.push(s);
    } else {
      cur.items.push(it);
      cur.span.end = it.span.end;
    }
    if (it.kind === 'order' && it.last) {
      const group = open.get(family)!.items;
      it.value = (group.length > 1 ? group[group.length - 2].value : 0) + 1;
    }
  }
  // a lone 一要/一是 … is usually prose ("一要……" as emphasis): keep only real series of 2+
  // items, or lone items whose value is not 1 (a series that lost its first item).
  return out.filter((s) => s.items.length > 1 || s.items[0].value !== 1 || s.items[0].kind === 'fangmian');
}
