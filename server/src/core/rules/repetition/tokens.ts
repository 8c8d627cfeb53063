/**
 * One pass over the Segmentation shared by the repetition rules and the
 * editor helpers: every token's interned id, its class (Han word, blank,
 * clause break, sentence end, quoted) and its paragraph, in flat typed
 * arrays. Built once per Segmentation object (WeakMap), so the three
 * segmented rules and hover do not each re-scan strings.
 */
import type { SpeechDocument } from '../../model';
import type { Segmentation, Token } from '../../segment';

export const HAN = 1; // every character is a Han character
export const BLANK = 2; // spaces only
export const BREAK = 4; // contains clause punctuation or a bracket
export const SENT_END = 8; // contains 。！？；
export const QUOTED = 16; // inside quotation or book-title marks
export const COMMA = 32; // exactly "，" "," or "、"
export const RESIDUE = 64; // inside web residue

// character classes
const C_HAN = 1;
const C_BLANK = 2;
const C_BREAK = 4;
const C_SENT = 8;
const C_QOPEN = 16;
const C_QCLOSE = 32;
const C_ASCIIQ = 64;

const CLASS = new Uint8Array(65536);
(() => {
  const mark = (chars: string, bit: number) => {
    for (const ch of chars) CLASS[ch.charCodeAt(0)] |= bit;
  };
  for (let c = 0x4e00; c <= 0x9fff; c++) CLASS[c] |= C_HAN;
  for (let c = 0x3400; c <= 0x4dbf; c++) CLASS[c] |= C_HAN;
  for (let c = 0xf900; c <= 0xfaff; c++) CLASS[c] |= C_HAN;
  CLASS[0x3007] |= C_HAN; // 〇
  mark(' \t\u3000\u00a0\ufeff', C_BLANK);
  mark('，,。；;：:！!？?、…—\n\r（）()【】[]', C_BREAK);
  mark('。；;！!？?', C_SENT);
  mark('“‘「『《〈', C_QOPEN);
  mark('”’」』》〉', C_QCLOSE);
  mark('"', C_ASCIIQ);
})();

export interface TokenTable {
  n: number;
  toks: Token[];
  /** interned token text */
  id: Int32Array;
  /** token offsets, flat (the hot loops walk tokens by word: no object per access) */
  start: Int32Array;
  end: Int32Array;
  words: string[];
  flags: Uint8Array;
  /** document paragraph index of a token */
  para(i: number): number;
  /** index in Segmentation.paragraphs */
  segPara: Int32Array;
  /** block of each Segmentation paragraph: a heading paragraph starts a new block */
  paraBlock: Int32Array;
  /** [from, to) token range of each Segmentation paragraph */
  paraFrom: Int32Array;
  paraTo: Int32Array;
  idOf(text: string): number;
}

const cache = new WeakMap<Segmentation, TokenTable>();

// Interning without hashing strings: one-character tokens by code unit, two-character ones in an
// open-addressing table on both code units; longer ones in a Map. Reused across builds (stamped).
const oneStamp = new Int32Array(65536);
const oneId = new Int32Array(65536);
const TWO_CAP = 1 << 16;
const twoKey = new Int32Array(TWO_CAP);
const twoStamp = new Int32Array(TWO_CAP);
const twoId = new Int32Array(TWO_CAP);
let stampGen = 0;

/** An interning function for one build: token text → small id, the text pushed on `words`. */
function interner(words: string[], ids: Map<string, number>): (s: string) => number {
  const gen = ++stampGen;
  let twoUsed = 0;
  return (s: string): number => {
    if (s.length === 1) {
      const c = s.charCodeAt(0);
      if (oneStamp[c] === gen) return oneId[c];
      oneStamp[c] = gen;
      oneId[c] = words.length;
      words.push(s);
      return words.length - 1;
    }
    if (s.length === 2 && twoUsed < TWO_CAP / 2) {
      const key = (s.charCodeAt(0) << 16) | s.charCodeAt(1);
      let h = Math.imul(key, 0x9e3779b1) >>> 16;
      while (twoStamp[h] === gen && twoKey[h] !== key) h = (h + 1) & (TWO_CAP - 1);
      if (twoStamp[h] === gen) return twoId[h];
      twoStamp[h] = gen;
      twoKey[h] = key;
      twoId[h] = words.length;
      twoUsed++;
      words.push(s);
      return words.length - 1;
    }
    let v = ids.get(s);
    if (v === undefined) {
      v = words.length;
      ids.set(s, v);
      words.push(s);
    }
    return v;
  };
}

/** Quotation marks open before the current token of a paragraph. */
interface QuoteState {
  depth: number;
  ascii: boolean;
}

/** The flags of a token (RESIDUE aside), updating the quotation state of its paragraph. */
function tokenFlags(s: string, q: QuoteState): number {
  let all = C_HAN | C_BLANK;
  let any = 0;
  for (let i = 0; i < s.length; i++) {
    const c = CLASS[s.charCodeAt(i)];
    all &= c;
    any |= c;
  }
  let f = 0;
  if (s.length && all & C_HAN) f |= HAN;
  if (s.length && all & C_BLANK) f |= BLANK;
  if (any & C_BREAK) f |= BREAK;
  if (any & C_SENT) f |= SENT_END;
  if (s === '，' || s === ',' || s === '、') f |= COMMA;
  // quotation state: a token inside marks (not the marks themselves)
  if (any & (C_QOPEN | C_QCLOSE | C_ASCIIQ)) {
    for (let i = 0; i < s.length; i++) {
      const c = CLASS[s.charCodeAt(i)];
      if (c & C_QOPEN) q.depth++;
      else if (c & C_QCLOSE) q.depth = Math.max(0, q.depth - 1);
      else if (c & C_ASCIIQ) q.ascii = !q.ascii;
    }
  } else if (q.depth > 0 || q.ascii) f |= QUOTED;
  return f;
}

export function tokenTable(doc: SpeechDocument, seg: Segmentation): TokenTable {
  const hit = cache.get(seg);
  if (hit) return hit;
  let n = 0;
  for (const p of seg.paragraphs) n += p.tokens.length;
  // Segmentation.tokens is the paragraphs' tokens in order; rebuild only if it is not
  const toks: Token[] = seg.tokens.length === n ? (seg.tokens as Token[]) : seg.paragraphs.flatMap((p) => p.tokens);
  const id = new Int32Array(n);
  const start = new Int32Array(n);
  const end = new Int32Array(n);
  const flags = new Uint8Array(n);
  const segPara = new Int32Array(n);
  const paraFrom = new Int32Array(seg.paragraphs.length);
  const paraTo = new Int32Array(seg.paragraphs.length);
  const paraBlock = new Int32Array(seg.paragraphs.length);
  let block = 0;
  const ids = new Map<string, number>();
  const words: string[] = [];
  const intern = interner(words, ids);
  const residue = doc.residue.length ? [...doc.residue].sort((a, b) => a.start - b.start) : [];
  let rp = 0;
  let pos = 0;
  for (let pi = 0; pi < seg.paragraphs.length; pi++) {
    const p = seg.paragraphs[pi];
    const ts = p.tokens;
    paraFrom[pi] = pos;
    if (doc.paragraphs[p.paragraph]?.kind === 'heading') block++;
    paraBlock[pi] = block;
    const quote: QuoteState = { depth: 0, ascii: false };
    let res: { start: number; end: number }[] | undefined;
    if (residue.length && ts.length) {
      const a = ts[0].start;
      const b = ts[ts.length - 1].end;
      while (rp < residue.length && residue[rp].end <= a) rp++;
      for (let r = rp; r < residue.length && residue[r].start < b; r++) (res ??= []).push(residue[r]);
    }
    for (let k = 0; k < ts.length; k++, pos++) {
      const t = ts[k];
      const s = t.text;
      segPara[pos] = pi;
      start[pos] = t.start;
      end[pos] = t.end;
      id[pos] = intern(s);
      let f = tokenFlags(s, quote);
      if (res) for (const r of res) if (t.start >= r.start && t.start < r.end) f |= RESIDUE;
      flags[pos] = f;
    }
    paraTo[pi] = pos;
  }
  // idOf after the build: the stamp tables may be reused by another build, so look words up once here
  let byText: Map<string, number> | undefined;
  const idOf = (text: string): number => {
    if (!byText) {
      byText = new Map();
      for (let w = 0; w < words.length; w++) byText.set(words[w], w);
    }
    return byText.get(text) ?? -1;
  };
  const para = (i: number) => seg.paragraphs[segPara[i]].paragraph;
  const table: TokenTable = { n, toks, id, start, end, words, flags, para, segPara, paraFrom, paraTo, paraBlock, idOf };
  cache.set(seg, table);
  return table;
}
