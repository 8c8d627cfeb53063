/**
 * balance/series-parallelism: in a series joined with 、 or ；, the item that
 * breaks a structure all the others share ("看得清、抓得住、管好" drops the
 * 得), or whose length is wildly off among short items.
 *
 * Deliberately conservative — lists of nouns of naturally varying length
 * (生物医药、高端制造、新材料) are the common case and must stay silent:
 * - a series needs three or more items; every OTHER item must have the same
 *   length (2-8 characters) and share a structural character (得, 不, 的, 有,
 *   化…: a closed list of function morphemes, never a content word) at the
 *   same position, or all open with a doubled character (人人/个个/层层);
 * - the odd item is reported only when it does not contain that character at
 *   all (也不能兑现 still has its 不);
 * - a clause's first item may carry the words before the series ("要做到看得清")
 *   and its last item the words after it ("新材料三大主导产业"): they are
 *   aligned on their exact end (first) or start (last), and never judged on
 *   length; only items with both ends exact (inner items, or items of a series
 *   that fills a whole quotation) are, and an inner item with 是, 的, 和… may be
 *   the bridge between two lists in one clause, so it is not judged on length
 *   either (教育、科技、人才是中国式现代化的基础性、战略性支撑);
 * - in a three-item series whose first and last items carry context, the middle
 *   item has no exact sibling to be measured against: it is left alone; and a
 *   first item that carries the clause's opening is judged only against two
 *   exact items or more (领导弱化、资源整合不够、作用发挥不到位 after
 *   为有效解决当前基层青年工作 is a list of problems, not a broken pattern);
 * - a series cut off by the end of the text (覆好一块膜、套 where a web page
 *   stops mid-word) is unfinished, not unparallel: its last item is left alone;
 * - text inside 《》 is a title, not the writer's series; a quotation is opaque
 *   to the sentence around it and scanned as a text of its own, so a series
 *   that is entirely quoted (“人人议学赶、个个争学赶、层层抓学赶”) is checked
 *   with exact ends.
 */
import type { SpeechDocument } from '../../model';
import { defineRule } from '../../rule';
import { median } from '../../sections';
import { isHan } from '../../text';

export interface SeriesParallelismOptions {
  /** Minimum number of items in a series. */
  minItems: number;
  /** An item at least this multiple of the others' median length… */
  lengthRatio: number;
  /** …and at least this many characters longer is a length outlier. */
  minLengthDifference: number;
  /** Length outliers are looked for only among items of at most this many characters. */
  shortItem: number;
}

/** Function morphemes that carry a series' structure. */
const STRUCT = new Set([...'得不的地之而以于有无没未非更最再又也都就才化性着了过者所被一']);

const PAIRS: Record<string, string> = { '“': '”', '‘': '’', '「': '」', '『': '』', '《': '》', '（': '）', '(': ')', '【': '】', '〔': '〕', '"': '"' };
const CLOSERS = new Set(Object.values(PAIRS));
const CLAUSE_END = new Set([...'，,：:；;。！？!?…—']);
const SENTENCE_END = new Set([...'。！？!?…']);
const DROP = /[“”‘’"'「」『』《》（）()【】〔〕\s　]/g;
/**
 * A long item with one of these may be the bridge between two lists in one
 * clause ("教育、科技、人才是中国式现代化的基础性、战略性支撑"), not an item.
 */
const BRIDGE = /[是的为和与及或等对在把将让使由向以于之]/;
const MAX_ITEMS = 40;

/** Code-unit tables (the scans below run over every character of a draft: no one-character strings there). */
const CLOSER_OF = new Map<number, number>(Object.entries(PAIRS).map(([o, c]) => [o.charCodeAt(0), c.charCodeAt(0)]));
const IS_OPENER = new Uint8Array(65536);
const IS_CLOSER = new Uint8Array(65536);
const IS_CLAUSE_END = new Uint8Array(65536);
const IS_SENTENCE_END = new Uint8Array(65536);
for (const o of Object.keys(PAIRS)) IS_OPENER[o.charCodeAt(0)] = 1;
for (const c of CLOSERS) IS_CLOSER[c.charCodeAt(0)] = 1;
for (const c of CLAUSE_END) IS_CLAUSE_END[c.charCodeAt(0)] = 1;
for (const c of SENTENCE_END) IS_SENTENCE_END[c.charCodeAt(0)] = 1;
const QUOTE = 0x22; // "
const DUN = 0x3001; // 、
const TITLE_OPEN = 0x300a; // 《
const SEMI_FULL = 0xff1b; // ；
const SEMI = 0x3b; // ;
const NUMERAL_ONLY = /^[0-9０-９一二三四五六七八九十百零〇两]+$/;

export interface ListItem {
  start: number;
  end: number;
  /** The item without quotation marks, brackets or spaces. */
  bare: string;
  /** Its start is the item's real start (not the start of the clause that holds the series). */
  exactStart: boolean;
  /** Its end is the item's real end. */
  exactEnd: boolean;
}

export interface ListSeries {
  sep: '、' | '；';
  items: ListItem[];
}

/** Series joined with 、 (within a clause) or ； (within a sentence) in text[start, end). */
export function findListSeries(text: string, start: number, end: number, minItems = 3): ListSeries[] {
  const out: ListSeries[] = [];
  const match = matchPairs(text, start, end);
  let textEnd = text.length;
  while (textEnd > 0 && /\s/.test(text[textEnd - 1])) textEnd--;
  scan(start, end, false, 0);
  return out;

  function scan(s: number, e: number, exact: boolean, depth: number) {
    let clauseStart = s;
    let sentenceStart = s;
    const dun: number[] = [];
    const semi: number[] = [];
    for (let i = s; i < e; i++) {
      const c = text.charCodeAt(i);
      if (IS_OPENER[c]) {
        const m = match.get(i);
        if (m !== undefined && m < e) {
          // a quotation that is one clause has exact ends; a quoted sentence does not
          if (c !== TITLE_OPEN && depth < 4) scan(i + 1, m, isOneClause(i + 1, m), depth + 1);
          i = m;
          continue;
        }
      }
      if (c === DUN) dun.push(i);
      else if (IS_CLAUSE_END[c]) {
        flush('、', clauseStart, i, dun, exact && clauseStart === s, false);
        dun.length = 0;
        clauseStart = i + 1;
        if (c === SEMI_FULL || c === SEMI) semi.push(i);
        else if (IS_SENTENCE_END[c]) {
          flush('；', sentenceStart, i, semi, exact && sentenceStart === s, true);
          semi.length = 0;
          sentenceStart = i + 1;
        }
      }
    }
    // a series running into the end of the text without punctuation was cut off (a page stops mid-word)
    if (depth === 0 && e === end && e >= textEnd && !IS_CLAUSE_END[text.charCodeAt(e - 1)]) dun.length = 0;
    flush('、', clauseStart, e, dun, exact && clauseStart === s, exact);
    // the last clause of a ；-series ends where its sentence ends: that end is exact
    flush('；', sentenceStart, e, semi, exact && sentenceStart === s, true);
  }

  function isOneClause(s: number, e: number): boolean {
    for (let i = s; i < e; i++) {
      const c = text.charCodeAt(i);
      if (IS_OPENER[c]) {
        const m = match.get(i);
        if (m !== undefined && m < e) {
          i = m;
          continue;
        }
      }
      if (IS_CLAUSE_END[c]) return false;
    }
    return true;
  }

  function flush(sep: '、' | '；', s: number, e: number, cuts: number[], exactStart: boolean, exactEnd: boolean) {
    if (cuts.length + 1 < minItems) return;
    const items: ListItem[] = [];
    let a = s;
    const bounds = [...cuts, e];
    for (let k = 0; k < bounds.length; k++) {
      const b = bounds[k];
      let x = a;
      let y = b;
      while (x < y && /[\s　]/.test(text[x])) x++;
      while (y > x && /[\s　]/.test(text[y - 1])) y--;
      const bare = text.slice(x, y).replace(DROP, '');
      if (bare.length === 0 || NUMERAL_ONLY.test(bare) || !hasHan(bare)) return;
      items.push({ start: x, end: y, bare, exactStart: k > 0 || exactStart, exactEnd: k < bounds.length - 1 || exactEnd });
      a = b + 1;
    }
    out.push({ sep, items });
  }
}

function hasHan(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isHan(s.charCodeAt(i))) return true;
  return false;
}

/** Matching bracket and quotation pairs in text[start, end): opener index → closer index. */
function matchPairs(text: string, start: number, end: number): Map<number, number> {
  const match = new Map<number, number>();
  const stack: number[] = [];
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      if (stack.length && text.charCodeAt(stack[stack.length - 1]) === QUOTE) match.set(stack.pop()!, i);
      else stack.push(i);
      continue;
    }
    if (IS_OPENER[c]) {
      if (stack.length < 64) stack.push(i);
      continue;
    }
    if (IS_CLOSER[c]) {
      // pop to the nearest opener of this kind (a few levels deep at most)
      for (let d = stack.length - 1; d >= Math.max(0, stack.length - 4); d--) {
        if (CLOSER_OF.get(text.charCodeAt(stack[d])) === c) {
          match.set(stack[d], i);
          stack.length = d;
          break;
        }
      }
    }
  }
  return match;
}

interface Feature {
  /** 'char': character `c` at position `pos` of every other item; 'double': a doubled opening character. */
  kind: 'char' | 'double';
  c: string;
  pos: number;
  length: number;
}

/** The other items aligned to length L on their exact end, or undefined when one cannot be. */
function aligned(items: ListItem[], L: number): string[] | undefined {
  const out: string[] = [];
  for (const it of items) {
    const chars = Array.from(it.bare);
    if (it.exactStart && it.exactEnd) {
      if (chars.length !== L) return undefined;
      out.push(it.bare);
    } else if (chars.length < L) return undefined;
    else if (it.exactStart) out.push(chars.slice(0, L).join(''));
    else if (it.exactEnd) out.push(chars.slice(chars.length - L).join(''));
    else return undefined;
  }
  return out;
}

export interface SeriesBreak {
  item: ListItem;
  kind: 'structure' | 'length';
  feature?: Feature;
  example?: string;
  others: number;
  otherMedian?: number;
}

/** The items of a series that break what all the other items share. */
export function seriesBreaks(series: ListSeries, opts: SeriesParallelismOptions): SeriesBreak[] {
  const out: SeriesBreak[] = [];
  const items = series.items;
  // a "series" of dozens of items is a run-on text, not a series to weigh (and keeps this linear)
  if (items.length < Math.max(3, opts.minItems) || items.length > MAX_ITEMS) return out;
  for (let j = 0; j < items.length; j++) {
    const me = items[j];
    const others = items.filter((_, k) => k !== j);
    // structure: the exact others fix the length L. A first item that carries the clause's opening
    // (为有效解决当前基层青年工作领导弱化、资源整合不够…: where it starts is not known) is judged only
    // against two exact others or more: one is no pattern.
    const exactOthers = others.filter((o) => o.exactStart && o.exactEnd);
    const exactLens = new Set(exactOthers.map((o) => Array.from(o.bare).length));
    if (exactLens.size === 1 && (exactOthers.length >= 2 || me.exactStart)) {
      const L = [...exactLens][0];
      const al = L >= 2 && L <= 8 ? aligned(others, L) : undefined;
      if (al) {
        const feature = findFeature(al, L, me);
        if (feature) {
          out.push({ item: me, kind: 'structure', feature, example: al[0], others: others.length });
          continue;
        }
      }
    }
    // length: a wild outlier among short items, judged only on an item with exact ends
    if (me.exactStart && me.exactEnd && !BRIDGE.test(me.bare)) {
      const lens = others.map((o) => Array.from(o.bare).length);
      const myLen = Array.from(me.bare).length;
      if (lens.every((n) => n <= opts.shortItem)) {
        const med = median(lens);
        if (myLen >= med * opts.lengthRatio && myLen - med >= opts.minLengthDifference) {
          out.push({ item: me, kind: 'length', others: others.length, otherMedian: med });
        }
      }
    }
  }
  return out;
}

function findFeature(al: string[], L: number, me: ListItem): Feature | undefined {
  const chars = al.map((s) => Array.from(s));
  for (let pos = 0; pos < L; pos++) {
    const c = chars[0][pos];
    if (!STRUCT.has(c) || !chars.every((x) => x[pos] === c)) continue;
    if (!me.bare.includes(c)) return { kind: 'char', c, pos, length: L };
  }
  if (chars.every((x) => x[0] === x[1] && isHan(x[0].charCodeAt(0)))) {
    const mine = Array.from(me.bare);
    // align the odd item like the others: its exact end for a clause's first item
    const off = !me.exactStart && me.exactEnd ? Math.max(0, mine.length - L) : 0;
    if (mine.length >= 2 && mine[off] !== mine[off + 1] && !hasDoubled(mine)) return { kind: 'double', c: chars[0][0], pos: 0, length: L };
  }
  return undefined;
}

function hasDoubled(chars: string[]): boolean {
  for (let i = 0; i + 1 < chars.length; i++) if (chars[i] === chars[i + 1] && isHan(chars[i].charCodeAt(0))) return true;
  return false;
}

/** Regions of the speech to scan: body text of paragraphs and heading titles; never residue. */
export function seriesRegions(doc: SpeechDocument): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const p of doc.paragraphs) {
    if (p.kind === 'body' || p.kind === 'closing') out.push(p.span);
    else if (p.kind === 'heading') {
      if (p.heading !== undefined) {
        const h = doc.headings[p.heading];
        if (h.titleSpan.end > h.titleSpan.start) out.push(h.titleSpan);
      }
      if (p.bodySpan.end > p.bodySpan.start && p.bodySpan.start !== p.span.start) out.push(p.bodySpan);
    }
  }
  return out;
}

function short(s: string): string {
  const chars = Array.from(s);
  return chars.length > 16 ? chars.slice(0, 15).join('') + '…' : s;
}

export default defineRule<SeriesParallelismOptions>({
  meta: {
    id: 'balance/series-parallelism',
    family: 'balance',
    description: {
      zh: '以顿号或分号并列的各项中，有一项不合其余各项共有的结构，或长短悬殊',
      en: 'An item of a series (joined with 、 or ；) that breaks the structure all the others share, or is far longer',
    },
    defaultSeverity: 'info',
    fixable: false,
    defaultOptions: { minItems: 3, lengthRatio: 3, minLengthDifference: 8, shortItem: 6 },
    options: {
      minItems: { type: 'number', min: 3, description: { zh: '并列至少几项才检查', en: 'check only series of at least this many items' } },
      lengthRatio: { type: 'number', min: 1, description: { zh: '某项字数达其余各项中位数的此倍数……', en: 'an item this many times the median length of the others…' } },
      minLengthDifference: { type: 'number', min: 1, description: { zh: '……且多出至少此字数，即为长短悬殊', en: '…and at least this many characters longer is a length outlier' } },
      shortItem: { type: 'number', min: 1, description: { zh: '仅当其余各项都不超过此字数时检查长短', en: 'look for length outliers only when every other item has at most this many characters' } },
    },
    notes: {
      leavesAlone: "Lists of nouns of varying length (生物医药、高端制造、新材料), titles in 《》, a first item that carries the clause's opening unless two exact items set the pattern (为有效解决……领导弱化、资源整合不够、作用发挥不到位), a series cut off by the end of the text, the middle item of a three-item series whose ends carry context.",
      limits: "An odd first item is missed when only one other item is exact (要做到看清、抓得住、管得好).",
    },
    examples: { wrong: '做到看得清、抓得住、管好', right: '做到看得清、抓得住、管得好' },
  },
  messages: {
    structure: {
      zh: '并列的其余{count}项{formZh}，此项“{item}”不同',
      en: 'The other {count} items of this series {formEn}; "{item}" does not',
    },
    length: {
      zh: '此项{len}字，并列的其余{count}项只有{median}字左右，长短悬殊',
      en: 'This item has {len} characters while the other {count} items of the series have about {median}',
    },
  },
  check({ doc, options, report }) {
    const seen = new Set<number>();
    for (const region of seriesRegions(doc)) {
      for (const series of findListSeries(doc.text, region.start, region.end, Math.max(3, options.minItems))) {
        for (const br of seriesBreaks(series, options)) {
          if (seen.has(br.item.start)) continue;
          seen.add(br.item.start);
          const span = { start: br.item.start, end: br.item.end };
          if (br.kind === 'structure' && br.feature) {
            const f = br.feature;
            const ex = br.example ?? '';
            let formZh: string;
            let formEn: string;
            if (f.kind === 'double') {
              formZh = `均以叠字开头（如“${ex}”）`;
              formEn = `all open with a doubled character (e.g. "${ex}")`;
            } else if (f.pos === 0) {
              formZh = `均以“${f.c}”开头（如“${ex}”）`;
              formEn = `all open with "${f.c}" (e.g. "${ex}")`;
            } else if (f.pos === f.length - 1) {
              formZh = `均以“${f.c}”结尾（如“${ex}”）`;
              formEn = `all end with "${f.c}" (e.g. "${ex}")`;
            } else {
              formZh = `第${f.pos + 1}字均为“${f.c}”（如“${ex}”）`;
              formEn = `all have "${f.c}" as character ${f.pos + 1} (e.g. "${ex}")`;
            }
            report({ messageId: 'structure', data: { count: br.others, formZh, formEn, item: short(br.item.bare) }, span });
          } else {
            report({ messageId: 'length', data: { len: Array.from(br.item.bare).length, count: br.others, median: Math.round(br.otherMedian ?? 0) }, span });
          }
        }
      }
    }
  },
});
