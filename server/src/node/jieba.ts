/**
 * nodejieba behind the core's `Segmenter` interface. Loaded once per process
 * (or per worker thread), lazily: loading takes seconds and ~250 MB, so only
 * code paths that need tokens call `loadJieba()`.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Segmenter } from '../core/segment';
import { TfIdf } from './keywords';

interface NodeJieba {
  load(opts?: { userDict?: string }): void;
  cut(text: string, strict?: boolean): string[];
  cutHMM(text: string): string[];
  DEFAULT_IDF_DICT: string;
  extract(text: string, top: number): { word: string; weight: number }[];
  insertWord(word: string, tag?: string): boolean;
}

let jieba: NodeJieba | undefined;
const inserted = new Set<string>();
/** jieba's TF-IDF from words already cut (node/keywords.ts): undefined until prepared, null when it cannot be. */
let tfidf: TfIdf | null | undefined;
/** Below this many characters, `extract` itself is cheaper than building the idf table first. */
const TFIDF_MIN_CHARS = 200_000;

/**
 * Build the idf table now (~150 ms), so that keywords come from the words
 * already cut instead of a second cut of the whole draft. The language
 * server's segmented worker calls it right after loading the dictionary;
 * elsewhere it is built on the first draft of TFIDF_MIN_CHARS or more.
 */
export function prepareKeywords(): void {
  if (tfidf !== undefined || !jieba) return;
  try {
    tfidf = TfIdf.load(path.dirname(jieba.DEFAULT_IDF_DICT)) ?? null;
  } catch {
    tfidf = null;
  }
}

export interface JiebaStatus {
  ok: boolean;
  error?: string;
}

/** Load the dictionary (once). Returns a segmenter, or an error message when nodejieba is unusable. */
export function loadJieba(): { segmenter?: Segmenter; status: JiebaStatus } {
  try {
    if (!jieba) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require('nodejieba') as NodeJieba;
      mod.load();
      jieba = mod;
    }
    const j = jieba;
    return {
      segmenter: {
        cut: (text) => j.cut(text),
        keywords: (text, top) => j.extract(text, top),
        keywordsOfWords: (paragraphs, top) => {
          if (tfidf === undefined) {
            let chars = 0;
            for (const p of paragraphs) for (const w of p) chars += w.length;
            if (chars >= TFIDF_MIN_CHARS) prepareKeywords();
          }
          return tfidf ? tfidf.keywords(paragraphs, top, (text) => j.cutHMM(text)) : undefined;
        },
      },
      status: { ok: true },
    };
  } catch (e) {
    return { status: { ok: false, error: e instanceof Error ? e.message : String(e) } };
  }
}

/**
 * Add the words of a user dictionary (one word per line; "word freq tag" is
 * accepted, only the word is used). Returns how many words were added, or an
 * error message when the file cannot be read.
 */
export function addUserDictionary(path: string): { added: number; error?: string } {
  let text: string;
  try {
    text = fs.readFileSync(path, 'utf8');
  } catch (e) {
    return { added: 0, error: e instanceof Error ? e.message : String(e) };
  }
  const { segmenter, status } = loadJieba();
  if (!segmenter || !jieba) return { added: 0, error: status.error };
  let added = 0;
  for (const line of text.split(/\r?\n/)) {
    const word = line.trim().split(/\s+/)[0];
    if (!word || word.startsWith('#') || inserted.has(word)) continue;
    if (jieba.insertWord(word)) {
      inserted.add(word);
      added++;
    }
  }
  return { added };
}
