/**
 * Segmentation behind a small interface. The core never imports jieba:
 * the server's worker and the CLI pass a `Segmenter` in (server/src/node/jieba.ts).
 * Tokens are mapped back to UTF-16 offsets; the words are cached per paragraph
 * text, so an edit in one paragraph re-segments only that paragraph.
 */
import type { SpeechDocument } from './model';

export interface Segmenter {
  /** Words of `text`; joined, they give back `text` exactly. */
  cut(text: string): string[];
  /** Keywords of a text by TF-IDF, best first. */
  keywords(text: string, top: number): { word: string; weight: number }[];
  /**
   * Optional: the same keywords as `keywords(text)`, from the words `cut`
   * gave for the text's paragraphs (so the text is not cut a second time).
   * Undefined when it cannot tell: `keywords` is asked instead.
   */
  keywordsOfWords?(paragraphs: readonly (readonly string[])[], top: number): { word: string; weight: number }[] | undefined;
}

export interface Token {
  text: string;
  start: number;
  end: number;
}

export interface ParagraphTokens {
  paragraph: number;
  tokens: Token[];
}

export interface Segmentation {
  paragraphs: ParagraphTokens[];
  /** All tokens in document order. */
  tokens: Token[];
  /** Topic words of the draft (jieba keyword extraction), best first; worked out on first read. */
  topics: string[];
}

/** A bounded cache of paragraph text → its words (least recently used out first). */
export class SegmentCache {
  private map = new Map<string, string[]>();
  constructor(private readonly max = 20000) {}
  get(text: string): string[] | undefined {
    const v = this.map.get(text);
    if (v) {
      this.map.delete(text);
      this.map.set(text, v);
    }
    return v;
  }
  set(text: string, words: string[]): void {
    if (this.map.size >= this.max) {
      const first = this.map.keys().next();
      if (!first.done) this.map.delete(first.value);
    }
    this.map.set(text, words);
  }
  get size(): number {
    return this.map.size;
  }
}

/** Do `words`, joined, give back `text` exactly? (Compared in place, without building the joined string.) */
function spells(words: readonly string[], text: string): boolean {
  let pos = 0;
  for (const w of words) {
    if (typeof w !== 'string' || !text.startsWith(w, pos)) return false;
    pos += w.length;
  }
  return pos === text.length;
}

/** Paragraph kinds whose words are checked. */
const SEGMENTED = new Set(['body', 'heading', 'closing']);

/** Word lists that are the one-token-per-character fallback, not the segmenter's words. */
const fallbacks = new WeakSet<string[]>();

/** The segmenter's words of a text, or the fallback (marked) when it fails or does not give the text back. */
function cutText(segmenter: Segmenter, text: string): string[] {
  let cut: string[];
  try {
    cut = segmenter.cut(text);
  } catch {
    cut = [text];
  }
  if (Array.isArray(cut) && spells(cut, text)) return cut;
  const chars = Array.from(text);
  fallbacks.add(chars);
  return chars;
}

export function segmentDocument(doc: SpeechDocument, segmenter: Segmenter, cache?: SegmentCache, topicCount = 8): Segmentation {
  const paragraphs: ParagraphTokens[] = [];
  const all: Token[] = [];
  const cuts: string[][] = [];
  for (let i = 0; i < doc.paragraphs.length; i++) {
    const p = doc.paragraphs[i];
    if (!SEGMENTED.has(p.kind)) continue;
    const text = doc.text.slice(p.span.start, p.span.end);
    let words = cache?.get(text);
    if (!words) {
      // jieba must give the text back; if it does not, one token per character
      words = cutText(segmenter, text);
      cache?.set(text, words);
    }
    cuts.push(words);
    // the words are the token texts (no copies sliced out of the draft)
    const tokens: Token[] = [];
    let pos = p.span.start;
    for (const w of words) {
      const tok = { text: w, start: pos, end: pos + w.length };
      tokens.push(tok);
      all.push(tok);
      pos += w.length;
    }
    paragraphs.push({ paragraph: i, tokens });
  }
  // the topic words are worked out when first asked for (by repetition/overused-phrase, off by default, and
  // the editor's hover and highlights of repeated phrases): no keyword table is read for a check without them
  let topics: string[] | undefined;
  return {
    paragraphs,
    tokens: all,
    get topics(): string[] {
      topics ??= topicsOf(doc, segmenter, cuts, topicCount);
      return topics;
    },
  };
}

/** Topic words of the draft: from the words already cut (the titles cut here), unless a paragraph fell back to characters. */
function topicsOf(doc: SpeechDocument, segmenter: Segmenter, cuts: readonly string[][], topicCount: number): string[] {
  try {
    const texts = doc.paragraphs.filter((p) => SEGMENTED.has(p.kind) || p.kind === 'title').map((p) => doc.text.slice(p.span.start, p.span.end));
    if (!(texts.length > 1 || (texts.length === 1 && texts[0] !== ''))) return [];
    let fromWords: { word: string }[] | undefined;
    if (segmenter.keywordsOfWords && !cuts.some((w) => fallbacks.has(w))) {
      const titles = doc.paragraphs.filter((p) => p.kind === 'title').map((p) => cutText(segmenter, doc.text.slice(p.span.start, p.span.end)));
      if (!titles.some((w) => fallbacks.has(w))) {
        try {
          fromWords = segmenter.keywordsOfWords([...cuts, ...titles], topicCount);
        } catch {
          fromWords = undefined;
        }
      }
    }
    return (fromWords ?? segmenter.keywords(texts.join('\n'), topicCount)).map((k) => k.word);
  } catch {
    return [];
  }
}

/** A segmenter for tests and for environments without jieba: one token per Han character, ASCII runs kept. */
export const charSegmenter: Segmenter = {
  cut(text: string): string[] {
    return text.match(/[A-Za-z0-9]+|[\s\S]/gu) ?? [];
  },
  keywords(): { word: string; weight: number }[] {
    return [];
  },
};
