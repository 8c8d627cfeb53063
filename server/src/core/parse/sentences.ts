/**
 * Sentences of a span: a helper of the paragraphs pass. Splits at 。！？；……
 * (and ! ? ;), not inside “” 《》 「」 『』 ‘’.
 */
import type { Sentence } from '../model';
import { isIndentSpace } from '../text';
import { CLOSERS, OPENERS, SENTENCE_END } from './punctuation';

/** Character classes for the sentence splitter. */
const C_END = 1;
const C_OPEN = 2;
const C_CLOSE = 3;
const CHAR_CLASS = new Uint8Array(65536);
for (const ch of SENTENCE_END) CHAR_CLASS[ch.charCodeAt(0)] = C_END;
for (const ch of Object.keys(OPENERS)) CHAR_CLASS[ch.charCodeAt(0)] = C_OPEN;
for (const ch of CLOSERS) CHAR_CLASS[ch.charCodeAt(0)] = C_CLOSE;

export function splitSentences(text: string, start: number, end: number): Sentence[] {
  const out: Sentence[] = [];
  let depth = 0;
  let s = start;
  while (s < end && isIndentSpace(text.charCodeAt(s))) s++;
  for (let i = s; i < end; i++) {
    const cls = CHAR_CLASS[text.charCodeAt(i)];
    if (cls === 0) continue;
    if (cls === C_OPEN) {
      depth++;
      continue;
    }
    if (cls === C_CLOSE) {
      if (depth > 0) depth--;
      continue;
    }
    if (depth > 0) continue;
    let j = i + 1;
    while (j < end && CHAR_CLASS[text.charCodeAt(j)] === C_END) j++;
    if (j > s) out.push({ span: { start: s, end: j } });
    s = j;
    while (s < end && isIndentSpace(text.charCodeAt(s))) s++;
    i = s - 1;
  }
  if (s < end) out.push({ span: { start: s, end } });
  return out;
}
