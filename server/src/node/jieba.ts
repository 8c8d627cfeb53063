/**
 * nodejieba behind the core's `Segmenter` interface. Loaded once per process
 * (or per worker thread), lazily: loading takes a second or more and ~250 MB,
 * so only code paths that need tokens call `loadJieba()`.
 *
 * Topic keywords (jieba's TF-IDF) are computed by node/keywords.ts from
 * words cut anyway, with its own compact idf table; so nodejieba is loaded
 * with a one-line stand-in for idf.utf8 and never asked to `extract`: its
 * own idf map (~20 MB and a good part of the load time) is not built. When
 * the table cannot be read, nodejieba loads its real idf file and `extract`
 * is used, as before.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { threadId } from 'worker_threads';
import type { Segmenter } from '../core/segment';
import { TfIdf } from './keywords';

interface NodeJieba {
  load(opts?: { userDict?: string; idfDict?: string }): void;
  cut(text: string, strict?: boolean): string[];
  cutHMM(text: string): string[];
  DEFAULT_IDF_DICT: string;
  extract(text: string, top: number): { word: string; weight: number }[];
  insertWord(word: string, tag?: string): boolean;
}

let jieba: NodeJieba | undefined;
const inserted = new Set<string>();
/** jieba's TF-IDF computed here (node/keywords.ts); null when nodejieba's own extract is used. */
let tfidf: TfIdf | null = null;

/** A one-line idf file for nodejieba (cppjieba wants at least one valid line), or undefined if none can be written. */
function stubIdf(): string | undefined {
  // one file per thread and load: cppjieba aborts the process if a file it is given is missing
  const file = path.join(os.tmpdir(), `speechlint-idf-${process.pid}-${threadId}-${Math.random().toString(36).slice(2)}.utf8`);
  try {
    fs.writeFileSync(file, 'speechlint 1.0\n', { flag: 'wx' });
    return file;
  } catch {
    return undefined;
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
      let table: TfIdf | undefined;
      try {
        table = TfIdf.load(path.dirname(mod.DEFAULT_IDF_DICT));
      } catch {
        table = undefined;
      }
      const stub = table ? stubIdf() : undefined;
      if (table && stub) {
        mod.load({ idfDict: stub });
        tfidf = table;
        try {
          fs.unlinkSync(stub);
        } catch {
          // left in the temporary folder
        }
      } else mod.load();
      jieba = mod;
    }
    const j = jieba;
    const t = tfidf;
    const cutHMM = (text: string) => j.cutHMM(text);
    return {
      segmenter: {
        cut: (text) => j.cut(text),
        // extract(text) is: the cut of the text, then TF-IDF; here from the cut without a second one
        keywords: t ? (text, top) => t.keywords([j.cut(text)], top, cutHMM) ?? [] : (text, top) => j.extract(text, top),
        keywordsOfWords: t ? (paragraphs, top) => t.keywords(paragraphs, top, cutHMM) : undefined,
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
