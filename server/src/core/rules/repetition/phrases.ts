/**
 * The analysis behind repetition/overused-phrase, shared with the editor's
 * hover and document highlights (occurrences.ts). Pure, on Segmentation only
 * (no extra jieba calls), linear in the number of tokens:
 *
 * 1. Count every token; only words seen at least `minCount` times can be
 *    units, and only phrases whose every word is such a word are built
 *    (phrases of 2–4 words inside one clause, 4+ characters, opening and
 *    closing on a content word).
 * 2. Drop occurrences that are deliberate: inside quotation or book-title
 *    marks (slogans and document names), in the shared head or tail of
 *    parallel clauses (排比), or in a series of short parallel items.
 * 3. Slide a window over the remaining occurrences; the threshold is
 *    `minCount`, multiplied by `topicFactor` for the draft's topic words
 *    (jieba keywords, the title, the section's own heading), and never below
 *    `baselineFactor` times the word's own average count per window.
 * 4. Longer phrases first; their occurrences hide the words inside them.
 */
import type { SpeechDocument } from '../../model';
import type { Segmentation } from '../../segment';
import type { Settings } from '../../rule';
import type { Span } from '../../text';
import { FILLERS, PARTICLES, STOP_WORDS, WORDING, isHanWord } from './lexicon';
import { closePair } from './cluster';
import type { TokenTable } from './tokens';
import { BLANK, BREAK, COMMA, HAN, QUOTED, RESIDUE, SENT_END, tokenTable } from './tokens';

export interface OverusedOptions {
  /** Occurrences within `window` characters that make a word over-used. */
  minCount: number;
  /** Window in characters. */
  window: number;
  /** Threshold multiplier for the draft's topic words (keywords, title, section heading). */
  topicFactor: number;
  /** A word is reported only when its count in the window is at least this many times its average count per window in the draft. */
  baselineFactor: number;
  /** Words and phrases never reported by this rule (added to the settings' allow list). */
  allow: string[];
}

export const DEFAULT_OVERUSED: OverusedOptions = { minCount: 3, window: 300, topicFactor: 2, baselineFactor: 2, allow: [] };

export interface PhraseCluster {
  phrase: string;
  /** Occurrences in the cluster (what the finding is about). */
  occurrences: Span[];
  /** Index in `occurrences` of the one the finding sits on: the later of the two nearest each other (the close pair). */
  trigger: number;
  /** Characters from the first to the last occurrence of the cluster. */
  extent: number;
  threshold: number;
  topic: boolean;
  /** Every counted occurrence of the phrase in the draft (for hover and highlights). */
  all: Span[];
}

/** Segmented characters from which jieba's keywords are taken as the draft's topic words. */
export const MIN_TOPIC_TEXT = 1000;
/** A draft must be this many windows long before a word's rate in the rest of it is a baseline. */
const BASELINE_WINDOWS = 4;
/** Longest phrase, in words. */
const MAX_WORDS = 4;
/** Longest phrase, in characters. */
const MAX_CHARS = 16;
/** Clauses this short (characters) joined by 、 are list items: 发展为了人民、发展依靠人民. */
const SHORT_CLAUSE = 12;
/** Clauses this short joined by a comma, of about the same length and with the word at the same place, are list items too: 为企业减负担，让企业有信心. */
const SHORT_COMMA_CLAUSE = 8;
/** Series markers and connectives skipped before comparing clause heads. */
const LEAD_SKIP = new Set(['一是', '二是', '三是', '四是', '五是', '六是', '七是', '八是', '九是', '十是', '首先', '其次', '再次', '最后', '同时', '另外', '此外', '一方面', '另一方面', '第一', '第二', '第三', '第四', '第五', '第六', '第七', '第八', '第九', '第十']);

interface Flat {
  tt: TokenTable;
  /** 1 if the token may be part of a unit (Han, not quoted, not residue) */
  ok: Uint8Array;
  /** minor clause of each token (-1 for breaks and blanks) */
  clause: Int32Array;
  /** 1 if in the shared head/tail of parallel clauses, or in a fixed formulation the draft quotes */
  parallel: Uint8Array;
  /** block of each token: a heading starts a new block (a heading resets the listener's ear) */
  block: Int32Array;
  /** sentence of each token (split at 。；！？ and paragraph ends) */
  sentence: Int32Array;
  clauseLen: number[];
  /** 1 when the clause is followed by 、 */
  clauseSep: number[];
  /** first token of each clause */
  clauseFrom: number[];
  /** per word id: 1 skipped before a clause head, 2 skipped after a clause tail, 4 content word, 8 may open or close a phrase */
  kind: Uint8Array;
}

const K_LEAD = 1;
const K_TAIL = 2;
const K_CONTENT = 4;
const K_BOUND = 8;
const K_WORDING = 16;

/** Are adjacent clauses ca, cb items of one list? */
function listItems(f: Flat, ca: number, cb: number, aligned: boolean): boolean {
  const la = f.clauseLen[ca];
  const lb = f.clauseLen[cb];
  if (f.clauseSep[ca] === 1) return la <= SHORT_CLAUSE && lb <= SHORT_CLAUSE;
  return aligned && la <= SHORT_COMMA_CLAUSE && lb <= SHORT_COMMA_CLAUSE && Math.abs(la - lb) <= 2;
}

interface ClauseInfo {
  from: number;
  to: number;
  para: number;
}

const kindCache = new WeakMap<TokenTable, Uint8Array>();

function wordKinds(tt: TokenTable): Uint8Array {
  const hit = kindCache.get(tt);
  if (hit) return hit;
  const kind = new Uint8Array(tt.words.length);
  kindCache.set(tt, kind);
  for (let w = 0; w < tt.words.length; w++) {
    const s = tt.words[w];
    const han = isHanWord(s);
    let k = 0;
    if (!han || LEAD_SKIP.has(s)) k |= K_LEAD;
    if (!han || (s.length === 1 && PARTICLES.has(s))) k |= K_TAIL;
    if (han && s.length >= 2 && !STOP_WORDS.has(s) && !FILLER_SET.has(s)) k |= K_CONTENT;
    if (han && (s.length === 1 ? !PARTICLES.has(s) : !STOP_WORDS.has(s) && !FILLER_SET.has(s))) k |= K_BOUND;
    if (WORDING.has(s)) k |= K_WORDING;
    kind[w] = k;
  }
  return kind;
}

function flatten(doc: SpeechDocument, seg: Segmentation, tt: TokenTable): Flat {
  const { n, flags } = tt;
  const ok = new Uint8Array(n);
  const clause = new Int32Array(n).fill(-1);
  const parallel = new Uint8Array(n);
  const block = new Int32Array(n);
  const sentence = new Int32Array(n);
  const clauseLen: number[] = [];
  const clauseSep: number[] = [];
  const kind = wordKinds(tt);
  // minor clauses split at every break; major clauses not at 、 (是省、市党委政府正确领导、大力支持的结果)
  const minor: ClauseInfo[] = [];
  const major: ClauseInfo[] = [];
  /** per paragraph, its sentence segments (split at 。；！？) as lists of major clause indexes */
  const segments: number[][][] = [];
  const headingClauses: number[] = [];
  const paraFirstClauses: number[] = [];
  let blockId = 0;
  let sentenceId = 0;
  for (let pi = 0; pi < tt.paraFrom.length; pi++) {
    const from = tt.paraFrom[pi];
    const to = tt.paraTo[pi];
    const paragraph = seg.paragraphs[pi].paragraph;
    const isHeading = doc.paragraphs[paragraph]?.kind === 'heading';
    if (isHeading) blockId++;
    sentenceId++;
    let cur = -1;
    let maj = -1;
    let firstInPara = true;
    const paraSegments: number[][] = [[]];
    for (let pos = from; pos < to; pos++) {
      const fl = flags[pos];
      block[pos] = blockId;
      sentence[pos] = sentenceId;
      if (fl & BREAK) {
        if (cur >= 0 && tt.toks[pos].text === '、') clauseSep[cur] = 1;
        cur = -1;
        if (!(fl & COMMA) || tt.toks[pos].text !== '、') maj = -1;
        if (fl & SENT_END) {
          sentenceId++;
          if (paraSegments[paraSegments.length - 1].length) paraSegments.push([]);
        }
        continue;
      }
      if (fl & BLANK) continue;
      if (cur < 0) {
        cur = minor.length;
        minor.push({ from: pos, to: pos + 1, para: paragraph });
        clauseLen.push(0);
        clauseSep.push(0);
        if (firstInPara) (isHeading ? headingClauses : paraFirstClauses).push(cur);
        firstInPara = false;
      }
      if (maj < 0) {
        maj = major.length;
        major.push({ from: pos, to: pos + 1, para: paragraph });
        paraSegments[paraSegments.length - 1].push(maj);
      }
      clause[pos] = cur;
      minor[cur].to = pos + 1;
      major[maj].to = pos + 1;
      clauseLen[cur] += tt.end[pos] - tt.start[pos];
      if ((fl & (HAN | QUOTED | RESIDUE)) === HAN) ok[pos] = 1;
    }
    segments.push(paraSegments);
  }
  const flat: Flat = { tt, ok, clause, parallel, block, sentence, clauseLen, clauseSep, clauseFrom: minor.map((m) => m.from), kind };
  markParallelClauses(flat, minor, major, segments, headingClauses, paraFirstClauses);
  markSeriesHeads(flat, doc);
  return flat;
}

/** First token starting at or after `offset`. */
function tokenFrom(tt: TokenTable, offset: number): number {
  let lo = 0;
  let hi = tt.n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tt.start[mid] < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The opening sentences of consecutive items of an inline series stand in
 * parallel even with other sentences between them: 一是项目工作取得新突破。……
 * 二是工业发展取得新突破。…… (the head or tail they share is the series' own).
 */
function markSeriesHeads(f: Flat, doc: SpeechDocument): void {
  const { tt } = f;
  const opening = (offset: number): [number, number] => {
    const a = tokenFrom(tt, offset);
    let b = a;
    while (b < tt.n && b - a < 80 && tt.segPara[b] === tt.segPara[a] && !(tt.flags[b] & SENT_END)) b++;
    return [a, b];
  };
  for (const s of doc.series) {
    for (let k = 0; k + 1 < s.items.length; k++) {
      const [a0, a1] = opening(s.items[k].span.start);
      const [b0, b1] = opening(s.items[k + 1].span.start);
      if (a1 > a0 && b1 > b0) markParallel(f, a0, a1, b0, b1);
    }
  }
}

/** Mark the clauses that stand in parallel: consecutive clauses, sentences, headings and paragraph openings. */
function markParallelClauses(flat: Flat, minor: ClauseInfo[], major: ClauseInfo[], segments: number[][][], headingClauses: number[], paraFirstClauses: number[]): void {
  const pair = (x: ClauseInfo, y: ClauseInfo) => markParallel(flat, x.from, x.to, y.from, y.to);
  // consecutive clauses of a paragraph, minor and major
  for (const list of [minor, major]) for (let c = 0; c + 1 < list.length; c++) if (list[c].para === list[c + 1].para) pair(list[c], list[c + 1]);
  // consecutive sentences of a paragraph, clause by clause (地区生产总值完成×亿元，增速×%；一般公共预算收入完成×亿元，增速×%)
  for (const paraSegments of segments) {
    for (let x = 0; x + 1 < paraSegments.length; x++) {
      const a = paraSegments[x];
      const b = paraSegments[x + 1];
      for (let k = 0; k < a.length && k < b.length; k++) pair(major[a[k]], major[b[k]]);
    }
  }
  // consecutive headings, consecutive paragraph openings (必须坚持党的领导 / 必须坚持创新引领)
  for (const list of [headingClauses, paraFirstClauses]) for (let i = 0; i + 1 < list.length; i++) pair(minor[list[i]], minor[list[i + 1]]);
}

/**
 * Phrases the draft itself quotes or names in book-title marks are fixed
 * formulations (提法): 《……推进中国式现代化的决定》 makes 推进中国式现代化
 * in the body a term, not a wording choice. Returns a test for one body
 * occurrence [a, b] (token indexes): is it part of a phrase of 2–4 words and
 * 4+ characters that also appears inside quotation or book-title marks?
 */
function formulationTest(tt: TokenTable): ((a: number, b: number) => boolean) | undefined {
  const { n, flags, toks, segPara } = tt;
  const quotedHan = (i: number) => i >= 0 && i < n && (flags[i] & (QUOTED | HAN)) === (QUOTED | HAN);
  const phrases = new Set<string>();
  for (let i = 0; i < n; i++) {
    if (!quotedHan(i)) continue;
    let text = toks[i].text;
    for (let j = i + 1; j < i + MAX_WORDS && quotedHan(j) && segPara[j] === segPara[i]; j++) {
      text += toks[j].text;
      if (text.length >= 4) phrases.add(text);
    }
  }
  if (phrases.size === 0) return undefined;
  const body = (i: number) => i >= 0 && i < n && (flags[i] & (QUOTED | HAN)) === HAN;
  return (a, b) => {
    for (let i = a; i >= a - MAX_WORDS + 1 && body(i) && segPara[i] === segPara[a]; i--) {
      let text = '';
      for (let k = i; k < b; k++) text += toks[k].text;
      for (let j = b; j < i + MAX_WORDS && body(j) && segPara[j] === segPara[a]; j++) {
        text += toks[j].text;
        if (j > i && text.length >= 4 && phrases.has(text)) return true;
      }
    }
    return false;
  };
}

const NUMERAL_MARK = new Set(Array.from('一二三四五六七八九十第'));
const AFTER_NUMERAL = new Set(['是', '要', '方面', '、', '条', '点']);

/** Skip series markers, numbers and blanks at a clause start: 一是, 一|是 (jieba splits it), 第一, 二要. */
function skipLead(f: Flat, a: number, end: number): number {
  const { id, flags, words } = f.tt;
  let numeral = false;
  while (a < end) {
    const w = words[id[a]];
    if (flags[a] & BLANK || f.kind[id[a]] & K_LEAD) {
      numeral = false;
      a++;
    } else if (w.length === 1 && NUMERAL_MARK.has(w)) {
      numeral = true;
      a++;
    } else if (numeral && AFTER_NUMERAL.has(w)) {
      numeral = false;
      a++;
    } else break;
  }
  return a;
}

/** Mark the shared head and the shared tail of two clauses [a0,a1) and [b0,b1). Heads must open the clauses: only series markers and numbers are skipped. */
function markParallel(f: Flat, a0: number, a1: number, b0: number, b1: number): void {
  const { parallel, kind } = f;
  const { id, flags } = f.tt;
  const i0 = skipLead(f, a0, a1);
  const j0 = skipLead(f, b0, b1);
  let i = i0;
  let j = j0;
  const hi = i0;
  const hj = j0;
  while (i < a1 && j < b1 && id[i] === id[j]) {
    i++;
    j++;
  }
  if (i > hi) {
    for (let k = hi; k < i; k++) parallel[k] = 1;
    for (let k = hj; k < j; k++) parallel[k] = 1;
  }
  // trailing particles, numbers and placeholders do not break a shared tail: 年均增长xx.x%, 增速×%
  let x = a1 - 1;
  let y = b1 - 1;
  while (x >= a0 && (flags[x] & BLANK || kind[id[x]] & K_TAIL)) x--;
  while (y >= b0 && (flags[y] & BLANK || kind[id[y]] & K_TAIL)) y--;
  const tx = x;
  const ty = y;
  while (x >= hi && y >= hj && id[x] === id[y]) {
    x--;
    y--;
  }
  if (x < tx) {
    for (let k = x + 1; k <= tx; k++) parallel[k] = 1;
    for (let k = y + 1; k <= ty; k++) parallel[k] = 1;
  }
}

interface Unit {
  text: string;
  /** Number of words: 1 for a single word, 2–4 for a phrase. */
  words: number;
  /** Contains a predicate of officialese (推进, 提高, 重要). */
  wording: boolean;
  /** The most occurrences inside one window. */
  dense: number;
  /** first and last token index of each occurrence */
  first: number[];
  last: number[];
}

const FILLER_SET: ReadonlySet<string> = new Set(FILLERS);

/**
 * The phrase trie of collectUnits: nodes are ints (0..W-1 are the start words
 * themselves), children are found through an open-addressing table on
 * (parent, word), and each node's occurrences (first and last token) are a
 * linked list. A node's occurrences never overlap: one that starts before the
 * last one ended is skipped.
 */
class PhraseTrie {
  private nodes: number;
  // child table
  private cap = 1 << 16;
  private keyParent = new Int32Array(this.cap).fill(-1);
  private keyWord = new Int32Array(this.cap);
  private value = new Int32Array(this.cap);
  private used = 0;
  // per node
  private head: Int32Array;
  private tail: Int32Array;
  private count: Int32Array;
  private lastEnd: Int32Array;
  private seq: Int32Array;
  private seqNext = 0;
  // occurrences
  private occFirst = new Int32Array(1024);
  private occLast = new Int32Array(1024);
  private occNext = new Int32Array(1024);
  private occs = 0;

  constructor(private readonly roots: number) {
    this.nodes = roots;
    const size = Math.max(1024, roots * 2);
    this.head = new Int32Array(size).fill(-1);
    this.tail = new Int32Array(size).fill(-1);
    this.count = new Int32Array(size);
    this.lastEnd = new Int32Array(size).fill(-1);
    this.seq = new Int32Array(size).fill(-1);
  }

  private static hash(parent: number, word: number): number {
    return Math.imul(parent, 0x9e3779b1) ^ Math.imul(word + 0x7f4a7c15, 0x85ebca6b);
  }

  child(parent: number, word: number): number {
    if (this.used * 2 >= this.cap) this.growTable();
    const mask = this.cap - 1;
    let h = PhraseTrie.hash(parent, word) & mask;
    while (this.keyParent[h] !== -1) {
      if (this.keyParent[h] === parent && this.keyWord[h] === word) return this.value[h];
      h = (h + 1) & mask;
    }
    const node = this.nodes++;
    if (node >= this.head.length) this.growNodes();
    this.keyParent[h] = parent;
    this.keyWord[h] = word;
    this.value[h] = node;
    this.used++;
    return node;
  }

  occurrence(node: number, first: number, last: number): void {
    if (this.lastEnd[node] >= first) return; // overlapping occurrence
    if (this.seq[node] < 0) this.seq[node] = this.seqNext++;
    if (this.occs >= this.occFirst.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.occFirst = grow(this.occFirst);
      this.occLast = grow(this.occLast);
      this.occNext = grow(this.occNext);
    }
    const o = this.occs++;
    this.occFirst[o] = first;
    this.occLast[o] = last;
    this.occNext[o] = -1;
    if (this.tail[node] >= 0) this.occNext[this.tail[node]] = o;
    else this.head[node] = o;
    this.tail[node] = o;
    this.count[node]++;
    this.lastEnd[node] = last;
  }

  /** Nodes with at least `min` occurrences, in the order of their first occurrence. */
  phrases(min: number): number[] {
    const out: number[] = [];
    for (let node = this.roots; node < this.nodes; node++) if (this.count[node] >= min) out.push(node);
    return out.sort((a, b) => this.seq[a] - this.seq[b]);
  }

  occurrencesOf(node: number): { first: number[]; last: number[] } {
    const first: number[] = [];
    const last: number[] = [];
    for (let o = this.head[node]; o >= 0; o = this.occNext[o]) {
      first.push(this.occFirst[o]);
      last.push(this.occLast[o]);
    }
    return { first, last };
  }

  private growTable(): void {
    const oldP = this.keyParent;
    const oldW = this.keyWord;
    const oldV = this.value;
    this.cap *= 2;
    this.keyParent = new Int32Array(this.cap).fill(-1);
    this.keyWord = new Int32Array(this.cap);
    this.value = new Int32Array(this.cap);
    const mask = this.cap - 1;
    for (let k = 0; k < oldP.length; k++) {
      if (oldP[k] === -1) continue;
      let h = PhraseTrie.hash(oldP[k], oldW[k]) & mask;
      while (this.keyParent[h] !== -1) h = (h + 1) & mask;
      this.keyParent[h] = oldP[k];
      this.keyWord[h] = oldW[k];
      this.value[h] = oldV[k];
    }
  }

  private growNodes(): void {
    const grow = (a: Int32Array, fill: number) => {
      const b = new Int32Array(a.length * 2).fill(fill);
      b.set(a);
      return b;
    };
    this.head = grow(this.head, -1);
    this.tail = grow(this.tail, -1);
    this.count = grow(this.count, 0);
    this.lastEnd = grow(this.lastEnd, -1);
    this.seq = grow(this.seq, -1);
  }
}

/** Is the token usable in a unit: Han, not quoted, not residue. Runs of such tokens never cross a clause break. */
function usable(flags: Uint8Array, i: number): boolean {
  return (flags[i] & (HAN | QUOTED | RESIDUE)) === HAN;
}

function collectUnits(tt: TokenTable, kind: Uint8Array, minCount: number, window: number): Unit[] {
  const { n, id, words, flags, segPara, paraBlock, start: tStart, end: tEnd } = tt;
  const W = words.length;
  // usable positions grouped by word (counting sort)
  const count = new Int32Array(W + 1);
  for (let i = 0; i < n; i++) if (usable(flags, i)) count[id[i] + 1]++;
  for (let w = 0; w < W; w++) count[w + 1] += count[w];
  const posStart = count; // posStart[w] .. posStart[w + 1]
  const fill = posStart.slice(0, W);
  const pos = new Int32Array(posStart[W]);
  for (let i = 0; i < n; i++) if (usable(flags, i)) pos[fill[id[i]]++] = i;
  // the most occurrences of each word within one window
  const dense = new Int32Array(W);
  for (let w = 0; w < W; w++) {
    const a = posStart[w];
    const b = posStart[w + 1];
    if (b - a < minCount) continue;
    let best = 0;
    let lo = a;
    for (let hi = a; hi < b; hi++) {
      const e = tEnd[pos[hi]];
      const blk = paraBlock[segPara[pos[hi]]];
      while (e - tStart[pos[lo]] > window || paraBlock[segPara[pos[lo]]] !== blk) lo++;
      if (hi - lo + 1 > best) best = hi - lo + 1;
    }
    dense[w] = best;
  }
  const out: Unit[] = [];
  for (let w = 0; w < W; w++) {
    if (!(kind[w] & K_CONTENT) || dense[w] < minCount) continue;
    const u: Unit = { text: words[w], words: 1, wording: (kind[w] & K_WORDING) !== 0, dense: dense[w], first: [], last: [] };
    if (dense[w] < ownThreshold(u, minCount)) continue;
    for (let k = posStart[w]; k < posStart[w + 1]; k++) {
      u.first.push(pos[k]);
      u.last.push(pos[k]);
    }
    out.push(u);
  }
  // phrases: only through words dense enough on their own. A trie of word ids in flat arrays
  // (node = a path from a start word; child found through an open-addressing table on
  // (parent, word)), occurrences in linked lists; units are built at the end, only for
  // phrases seen at least minCount times, in the order their first occurrence was seen.
  const trie = new PhraseTrie(W);
  for (let i = 0; i < n; i++) {
    const wi = id[i];
    if (dense[wi] < minCount || !(kind[wi] & K_BOUND) || !usable(flags, i)) continue;
    let node = wi; // the root node of a start word is the word id itself
    let len = words[wi].length;
    let content = (kind[wi] & K_CONTENT) !== 0;
    for (let j = i + 1; j < n && j - i < MAX_WORDS; j++) {
      const wj = id[j];
      if (dense[wj] < minCount || wj === id[j - 1] || !usable(flags, j)) break;
      len += words[wj].length;
      if (len > MAX_CHARS) break;
      node = trie.child(node, wj);
      const kj = kind[wj];
      if (kj & K_CONTENT) content = true;
      if (content && len >= 4 && kj & K_BOUND) trie.occurrence(node, i, j);
    }
  }
  const phraseUnits: Unit[] = [];
  for (const node of trie.phrases(minCount)) {
    const { first, last } = trie.occurrencesOf(node);
    let text = '';
    let wording = false;
    for (let k = first[0]; k <= last[0]; k++) {
      text += words[id[k]];
      if (kind[id[k]] & K_WORDING) wording = true;
    }
    phraseUnits.push({ text, words: last[0] - first[0] + 1, wording, dense: 0, first, last });
  }
  for (const u of phraseUnits) {
    if (u.first.length < minCount) continue;
    u.dense = densest(tt, u, window);
    if (u.dense >= ownThreshold(u, minCount)) out.push(u);
  }
  return out;
}

/** The most occurrences of a unit inside any window (a cheap upper bound before the deliberate ones are removed). */
function densest(tt: TokenTable, u: Unit, window: number): number {
  const { segPara, paraBlock } = tt;
  let best = 0;
  let i = 0;
  for (let j = 0; j < u.first.length; j++) {
    const e = tt.end[u.last[j]];
    const blk = paraBlock[segPara[u.first[j]]];
    while (e - tt.start[u.first[i]] > window || paraBlock[segPara[u.first[i]]] !== blk) i++;
    if (j - i + 1 > best) best = j - i + 1;
  }
  return best;
}

/**
 * Own threshold of a unit before topics and baseline. Nouns name the subject
 * and official Chinese repeats a noun rather than a pronoun: a unit without
 * a predicate of officialese (企业, 营商环境, 方老先生) needs twice as many.
 */
function ownThreshold(u: Unit, minCount: number): number {
  return u.wording ? minCount : 2 * minCount;
}

function allowedBy(list: readonly string[], text: string): boolean {
  for (const w of list) if (w.length > 0 && (text.includes(w) || (w.length >= 2 && w.includes(text)))) return true;
  return false;
}

/**
 * Ancestor heading titles of each document paragraph (a section's heading
 * names its topic), and the opening sentence of a series item that opens its
 * paragraph (一要以更加鲜明的导向抓项目。项目是……: the item's own heading).
 */
function headingTopics(doc: SpeechDocument): string[] {
  const out: string[] = new Array(doc.paragraphs.length).fill('');
  const visit = (s: SpeechDocument['sections'][number], acc: string) => {
    const here = acc + '\u0000' + s.heading.title;
    out[s.heading.paragraph] = here;
    for (const p of s.paragraphs) out[p] = here;
    for (const c of s.children) visit(c, here);
  };
  for (const s of doc.sections) visit(s, '');
  for (const s of doc.series) {
    for (const it of s.items) {
      const p = doc.paragraphs[it.paragraph];
      if (!p || it.span.start - p.bodySpan.start > 2) continue;
      const first = p.sentences.find((x) => x.span.end > it.span.start);
      if (first) out[it.paragraph] += '\u0000' + doc.text.slice(it.span.start, first.span.end);
    }
  }
  return out;
}

/** Every over-used phrase cluster of the draft, longest phrases first. */
export function findOverused(doc: SpeechDocument, seg: Segmentation, options: Partial<OverusedOptions> = {}, settings?: Pick<Settings, 'allowWords'>): PhraseCluster[] {
  const o: OverusedOptions = { ...DEFAULT_OVERUSED, ...options };
  const minCount = Math.max(2, Math.floor(o.minCount));
  const window = Math.max(1, o.window);
  if (seg.tokens.length === 0) return [];
  const tt = tokenTable(doc, seg);
  const kind = wordKinds(tt);
  // cheap pass first: only units dense enough somewhere go on to the structural analysis
  let units = collectUnits(tt, kind, minCount, window);
  if (units.length === 0) return [];
  const allow = [...(settings?.allowWords ?? []), ...(o.allow ?? [])];
  const title = doc.title !== undefined ? doc.text.slice(doc.paragraphs[doc.title].span.start, doc.paragraphs[doc.title].span.end) : '';
  let textLen = 0;
  for (const p of seg.paragraphs) if (p.tokens.length) textLen += p.tokens[p.tokens.length - 1].end - p.tokens[0].start;
  // keywords of a short text are just its repeated words: they name a topic only for a whole draft
  const topics = textLen >= MIN_TOPIC_TEXT ? seg.topics.filter((t) => t.length >= 2 && isHanWord(t) && !STOP_WORDS.has(t)) : [];
  textLen = Math.max(textLen, window);
  const isTopic = (text: string) => title.includes(text) || topics.some((t) => t.includes(text) || text.includes(t));
  /** The threshold of a window holding `local` of the unit's `raw` occurrences: its own, raised for topics, never below its baseline. */
  const thresholdFor = (own: number, topic: boolean, raw: number, local: number): number => {
    // its own baseline: the word's rate in the rest of the draft, per window (a short draft has no "rest")
    const elsewhere = textLen >= BASELINE_WINDOWS * window ? ((raw - local) * window) / (textLen - window) : 0;
    const base = Math.max(own, Math.ceil(o.baselineFactor * elsewhere - 1e-9));
    return topic ? Math.max(Math.ceil(own * o.topicFactor), base) : base;
  };
  // a unit whose densest window cannot reach its threshold (without section topics, which only raise it) is out
  units = units.filter((u) => !allowedBy(allow, u.text) && u.dense >= thresholdFor(ownThreshold(u, minCount), isTopic(u.text), u.first.length, u.dense));
  if (units.length === 0) return [];
  const f = flatten(doc, seg, tt);
  const formulation = formulationTest(tt);
  const sectionTopics = headingTopics(doc);

  const candidates: Candidate[] = [];
  for (const u of units) {
    const counted = countedOccurrences(u, f, formulation, minCount);
    if (counted) candidates.push({ unit: u, topic: isTopic(u.text), keep: counted, raw: u.first.length });
  }
  candidates.sort((a, b) => b.unit.text.length - a.unit.text.length || b.raw - a.raw || (a.unit.text < b.unit.text ? -1 : 1));

  const covered = new Uint8Array(f.tt.n);
  const clusters: PhraseCluster[] = [];
  const scope: ClusterScope = { f, covered, minCount, window, sectionTopics, thresholdFor };
  for (const c of candidates) clusters.push(...windowClusters(scope, c));
  clusters.sort((a, b) => a.occurrences[a.trigger].start - b.occurrences[b.trigger].start);
  return clusters;
}

interface Candidate {
  unit: Unit;
  topic: boolean;
  keep: number[]; // indexes into unit.first of counted occurrences
  raw: number;
}

/** The occurrences of a unit that count (indexes into unit.first): not in parallel clauses, list items or formulations; undefined when fewer than minCount. */
function countedOccurrences(u: Unit, f: Flat, formulation: ReturnType<typeof formulationTest>, minCount: number): number[] | undefined {
  const keep: number[] = [];
  for (let k = 0; k < u.first.length; k++) {
    const a = u.first[k];
    const b = u.last[k];
    if (f.parallel[a] || f.parallel[b]) continue;
    keep.push(k);
  }
  // a series of short parallel items: 发展为了人民、发展依靠人民
  const drop = new Set<number>();
  for (let x = 0; x + 1 < keep.length; x++) {
    const ca = f.clause[u.first[keep[x]]];
    const cb = f.clause[u.first[keep[x + 1]]];
    const pa = u.first[keep[x]];
    const pb = u.first[keep[x + 1]];
    if (cb === ca + 1 && f.sentence[pa] === f.sentence[pb] && listItems(f, ca, cb, pa - f.clauseFrom[ca] === pb - f.clauseFrom[cb])) {
      drop.add(x);
      drop.add(x + 1);
    }
  }
  let counted = drop.size ? keep.filter((_, x) => !drop.has(x)) : keep;
  if (counted.length < minCount) return undefined;
  if (formulation) {
    counted = counted.filter((k) => !formulation(u.first[k], u.last[k]));
    if (counted.length < minCount) return undefined;
  }
  return counted;
}

/** What windowClusters needs from findOverused. */
interface ClusterScope {
  f: Flat;
  /** Tokens inside an occurrence of a longer phrase already reported. */
  covered: Uint8Array;
  minCount: number;
  window: number;
  sectionTopics: string[];
  thresholdFor: (own: number, topic: boolean, raw: number, local: number) => number;
}

/** The clusters of a candidate: windows (within one block) holding at least its threshold of its visible occurrences. */
function windowClusters(sc: ClusterScope, c: Candidate): PhraseCluster[] {
  const { f, covered, minCount, window, sectionTopics, thresholdFor } = sc;
  const clusters: PhraseCluster[] = [];
  const u = c.unit;
  const idx: number[] = [];
  for (const k of c.keep) {
    let hidden = false;
    for (let t = u.first[k]; t <= u.last[k]; t++) if (covered[t]) hidden = true;
    if (!hidden) idx.push(k);
  }
  if (idx.length < minCount) return clusters;
  const own = ownThreshold(u, minCount);
  const start = (x: number) => f.tt.start[u.first[idx[x]]];
  const end = (x: number) => f.tt.end[u.last[idx[x]]];
  const sectionTopic = (x: number) => sectionTopics[f.tt.para(u.first[idx[x]])]?.includes(u.text) ?? false;
  const found: { first: number; last: number; threshold: number }[] = [];
  let i = 0;
  for (let j = 0; j < idx.length; j++) {
    while (end(j) - start(i) > window || f.block[u.first[idx[i]]] !== f.block[u.first[idx[j]]]) i++;
    const local = j - i + 1;
    const threshold = thresholdFor(own, c.topic || sectionTopic(j), c.raw, local);
    if (local < threshold) continue;
    const lastCluster = found[found.length - 1];
    if (lastCluster && i <= lastCluster.last) lastCluster.last = j;
    else found.push({ first: i, last: j, threshold });
  }
  if (found.length === 0) return clusters;
  const all = idx.map((_, x) => ({ start: start(x), end: end(x) }));
  for (const cl of found) {
    const occ = all.slice(cl.first, cl.last + 1);
    clusters.push({
      phrase: u.text,
      occurrences: occ,
      trigger: closePair(occ),
      extent: occ[occ.length - 1].end - occ[0].start,
      threshold: cl.threshold,
      topic: c.topic,
      all,
    });
  }
  // the phrase's occurrences hide the words and shorter phrases inside them
  for (const k of idx) for (let t = u.first[k]; t <= u.last[k]; t++) covered[t] = 1;
  return clusters;
}
