/**
 * Character classes and a linear bracket-pair scan shared by the placeholder
 * rules (a helper module, not a rule). Everything here is O(n) on the text
 * and never builds a regular expression from user input.
 */
import { coverTest } from '../../word-set-matcher';
import type { SpeechDocument } from '../../model';
import { isHan } from '../../text';

export function isAsciiDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** 0-9 and full-width ０-９. */
export function isDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19);
}

/** A-Z, a-z and their full-width forms. */
export function isLatin(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a);
}

/** X x Ｘ ｘ */
export function isX(c: number): boolean {
  return c === 0x58 || c === 0x78 || c === 0xff38 || c === 0xff58;
}

/** Spaces that may sit inside an "empty" bracket or around a marker. */
export function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 0x3000 || c === 0xa0;
}

/** Chinese (full-width) punctuation, quotes, brackets, 、 。 … — */
export function isCjkPunct(c: number): boolean {
  return (
    (c >= 0x3001 && c <= 0x303f) ||
    (c >= 0xff01 && c <= 0xff0f) ||
    (c >= 0xff1a && c <= 0xff20) ||
    (c >= 0xff3b && c <= 0xff40) ||
    (c >= 0xff5b && c <= 0xff65) ||
    c === 0x2014 ||
    c === 0x2026 ||
    (c >= 0x2018 && c <= 0x201f)
  );
}

/** 一二三…十 零 〇 ○ 两 百 千 万: the neighbours of ○ in a written year or number. */
export function isCnNumeral(c: number): boolean {
  return '一二三四五六七八九十零〇○◯两百千万亿'.includes(String.fromCharCode(c));
}

export { isHan };

/** The nearest character before `i` that is not a blank (at most `max` blanks skipped); -1 at the start. */
export function prevNonBlank(text: string, i: number, max = 2): number {
  let k = i - 1;
  let skipped = 0;
  while (k >= 0 && isBlank(text.charCodeAt(k)) && skipped < max) {
    k--;
    skipped++;
  }
  return k >= 0 ? text.charCodeAt(k) : -1;
}

/** The nearest character at or after `j` that is not a blank (at most `max` blanks skipped); -1 at the end. */
export function nextNonBlank(text: string, j: number, max = 2): number {
  let k = j;
  let skipped = 0;
  while (k < text.length && isBlank(text.charCodeAt(k)) && skipped < max) {
    k++;
    skipped++;
  }
  return k < text.length ? text.charCodeAt(k) : -1;
}

export interface BracketPair {
  /** Offset of the opening bracket. */
  open: number;
  /** Offset of the closing bracket (the pair spans open..close+1). */
  close: number;
  /** Start and end of the content between the brackets. */
  contentStart: number;
  contentEnd: number;
}

// Bracket families: a half-width opener may be closed by a full-width closer
// and vice versa (drafts pasted from the web mix them: "（待定)").
const OPEN: Record<string, number> = { '（': 0, '(': 0, '[': 1, '［': 1, '【': 2, '〔': 3, '〖': 4 };
const CLOSE: Record<string, number> = { '）': 0, ')': 0, ']': 1, '］': 1, '】': 2, '〕': 3, '〗': 4 };
const FAMILIES = 5;

/**
 * Every bracket pair on one line whose content is at most `maxContent` code
 * units, innermost first for a family (a second opener of the same family
 * before the closer replaces the first). Linear: one pass, O(1) per character.
 */
export function bracketPairs(text: string, maxContent: number): BracketPair[] {
  const out: BracketPair[] = [];
  const pending: number[] = new Array<number>(FAMILIES).fill(-1);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      pending.fill(-1);
      continue;
    }
    // fast path: most characters are no bracket at all
    if (c < 0x28 || (c > 0x5d && c < 0x3010) || (c > 0x3017 && c < 0xff08) || c > 0xff3d) continue;
    const ch = text[i];
    const o = OPEN[ch];
    if (o !== undefined) {
      pending[o] = i;
      continue;
    }
    const f = CLOSE[ch];
    if (f !== undefined && pending[f] >= 0) {
      const open = pending[f];
      pending[f] = -1;
      if (i - open - 1 <= maxContent) out.push({ open, close: i, contentStart: open + 1, contentEnd: i });
    }
  }
  return out;
}

/** Sorted residue spans → a fast "is this offset in residue" test (binary search). */
export function residueTest(doc: SpeechDocument): (offset: number) => boolean {
  const spans = [...doc.residue].sort((a, b) => a.start - b.start);
  if (spans.length === 0) return () => false;
  return (offset) => {
    let lo = 0;
    let hi = spans.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = spans[mid];
      if (offset < s.start) hi = mid - 1;
      else if (offset >= s.end) lo = mid + 1;
      else return true;
    }
    return false;
  };
}

/**
 * Allowed words: a finding is dropped when an occurrence of an allowed word
 * covers its whole span ("X战警" allowed → the X in "X战警" is not reported).
 */
export function allowTest(text: string, words: readonly string[]): (start: number, end: number) => boolean {
  const list = [...new Set(words.filter((w) => typeof w === 'string' && w.length > 0))];
  if (list.length === 0) return () => false;
  // one pass over the text for all the words (findings × words was quadratic)
  return coverTest(text, list);
}

/** A marker's text for a message: long runs are shortened ("XXXXXXXX…"). */
export function shown(text: string, max = 24): string {
  if (text.length <= max) return text;
  let cut = max;
  const c = text.charCodeAt(cut - 1);
  if (c >= 0xd800 && c <= 0xdbff) cut--;
  return text.slice(0, cut) + '…';
}
