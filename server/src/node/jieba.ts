/**
 * jieba behind the core's `Segmenter` interface: jieba-rs, as the native
 * addon @node-rs/jieba (prebuilt for Windows, macOS and Linux on x64 and
 * ARM64, glibc and musl; nothing is compiled at install), or, wherever no
 * native binary loads (a platform without one, the universal VSIX, a web
 * extension host), the same jieba-rs compiled to WebAssembly (jieba-wasm).
 * Both carry the same dictionary and cut alike (test/unit/jieba.test.ts).
 *
 * Loaded once per process (or per worker thread), lazily: only code paths
 * that need tokens call `loadJieba()`. SPEECHLINT_SEGMENTER=wasm skips the
 * native addon (=native refuses the fallback).
 *
 * Words are the dictionary cut without the HMM (as nodejieba's `cut`):
 * runs of Latin letters and digits stay whole tokens (XX, 2024, GDP), which
 * suits placeholders and abbreviations. Topic keywords (jieba's TF-IDF) are
 * computed by node/keywords.ts from those words, the HMM re-cutting only the
 * runs of single characters, with the idf table @node-rs/jieba ships
 * (idf.txt) and cppjieba's stop words (node/stop-words.ts).
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Segmenter } from '../core/segment';
import { TfIdf } from './keywords';
import { STOP_WORDS } from './stop-words';
import { MAX_DICTIONARY_BYTES, readRegularFile } from './textfile';

export type EngineKind = 'native' | 'wasm';

/** jieba-rs, native or WebAssembly. */
export interface Engine {
  kind: EngineKind;
  /** The cut of `text`, with or without the HMM. */
  cut(text: string, hmm: boolean): string[];
  /** Add words to the dictionary, each with its frequency. */
  addWords(words: readonly UserWord[]): void;
}

export interface UserWord {
  word: string;
  freq: number;
}

/**
 * The frequency of a user word given without one: the median frequency of
 * the dictionary (3 in jieba's dict.txt), which is the weight cppjieba gave
 * such words. jieba-rs ignores a word without a frequency.
 */
export const DEFAULT_USER_FREQ = 3;

/**
 * Words nodejieba had from cppjieba's bundled user dictionary (its two demo
 * entries, a person's name and a school, left out): without them jieba-rs
 * cuts 云|计算 and 区块|链.
 */
const BUILTIN_WORDS: readonly UserWord[] = [
  { word: '云计算', freq: DEFAULT_USER_FREQ },
  { word: '区块链', freq: 10 },
];

interface NativeModule {
  Jieba: { withDict(dict: Uint8Array): NativeJieba };
}
interface NativeJieba {
  cut(text: string, hmm?: boolean): string[];
  loadDict(dict: Uint8Array): void;
}
interface WasmModule {
  cut(text: string, hmm?: boolean): string[];
  add_word(word: string, freq?: number): number;
}

/** The folder of @node-rs/jieba (dict.txt, idf.txt), which every build ships, the universal one included. */
function nativePackageDir(): string {
  return path.dirname(require.resolve('@node-rs/jieba/package.json'));
}

function loadNative(): Engine {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require('@node-rs/jieba') as NativeModule;
  const j = mod.Jieba.withDict(fs.readFileSync(path.join(nativePackageDir(), 'dict.txt')));
  return {
    kind: 'native',
    cut: (text, hmm) => j.cut(text, hmm),
    addWords: (words) => {
      if (words.length) j.loadDict(Buffer.from(words.map((w) => `${w.word} ${w.freq}\n`).join('')));
    },
  };
}

function loadWasm(): Engine {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require('jieba-wasm') as WasmModule;
  // the dictionary is built on the first call: build it now, so that load time is spent here
  mod.cut('', false);
  return {
    kind: 'wasm',
    cut: (text, hmm) => mod.cut(text, hmm),
    addWords: (words) => {
      for (const w of words) mod.add_word(w.word, w.freq);
    },
  };
}

const engines = new Map<EngineKind, Engine>();

/** One engine of this process (loaded once, with the built-in words), or an exception saying why it cannot load. */
export function loadEngine(kind: EngineKind): Engine {
  let e = engines.get(kind);
  if (!e) {
    e = kind === 'native' ? loadNative() : loadWasm();
    e.addWords(BUILTIN_WORDS);
    engines.set(kind, e);
  }
  return e;
}

export interface JiebaStatus {
  ok: boolean;
  /** Which build segments: the native addon or WebAssembly. */
  engine?: EngineKind;
  /** Why the native addon did not load, when WebAssembly is used instead. */
  nativeError?: string;
  error?: string;
}

function message(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0];
}

/** The idf table prepared at build time, beside the bundles (scripts/bundle.js: dist/idf.bin). */
const TABLE_FILE = path.join(__dirname, 'idf.bin');

/** What a prepared table must have been made from: this @node-rs/jieba's idf.txt. */
function tableTag(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(nativePackageDir(), 'package.json'), 'utf8')) as { version?: string };
  return `@node-rs/jieba@${pkg.version ?? '?'}/idf.txt`;
}

/** Write the prepared idf table (build time). */
export function writeKeywordTable(file: string): void {
  const table = TfIdf.load(path.join(nativePackageDir(), 'idf.txt'), STOP_WORDS);
  if (!table) throw new Error('cannot read @node-rs/jieba/idf.txt');
  fs.writeFileSync(file, table.toBuffer(tableTag()));
}

/**
 * The idf table of the topic keywords: the prepared one (a file read, a few
 * ms) when it is there and was made from this idf.txt, else idf.txt parsed
 * (about 100 ms). Undefined when neither can be read: no topic keywords.
 */
let tfidf: TfIdf | null | undefined;
export function keywordTable(): TfIdf | undefined {
  if (tfidf === undefined) {
    try {
      tfidf = TfIdf.fromBuffer(fs.readFileSync(TABLE_FILE), tableTag(), STOP_WORDS) ?? null;
    } catch {
      tfidf = null;
    }
    try {
      tfidf ??= TfIdf.load(path.join(nativePackageDir(), 'idf.txt'), STOP_WORDS) ?? null;
    } catch {
      tfidf = null;
    }
  }
  return tfidf ?? undefined;
}

/** A segmenter on an engine, with topic keywords from its words (the idf table read when keywords are first asked for). */
export function segmenterOf(engine: Engine): Segmenter {
  const cutHMM = (text: string) => engine.cut(text, true);
  return {
    cut: (text) => engine.cut(text, false),
    keywords: (text, top) => keywordTable()?.keywordsOfCut(engine.cut(text, true), top) ?? [],
    keywordsOfWords: (paragraphs, top) => keywordTable()?.keywords(paragraphs, top, cutHMM),
  };
}

let current: Engine | undefined;

/** Load the segmenter (once): the native addon, else WebAssembly. Returns the error messages when neither loads. */
export function loadJieba(): { segmenter?: Segmenter; status: JiebaStatus } {
  const want = process.env.SPEECHLINT_SEGMENTER;
  let nativeError: string | undefined;
  if (!current && want !== 'wasm') {
    try {
      current = loadEngine('native');
    } catch (e) {
      nativeError = message(e);
    }
  }
  if (!current && want !== 'native') {
    try {
      current = loadEngine('wasm');
    } catch (e) {
      const wasmError = message(e);
      return { status: { ok: false, error: nativeError ? `${nativeError}; WebAssembly: ${wasmError}` : wasmError } };
    }
  }
  if (!current) return { status: { ok: false, error: nativeError ?? 'no segmenter' } };
  return { segmenter: segmenterOf(current), status: { ok: true, engine: current.kind, nativeError } };
}

/** The words of a user dictionary: one a line, "word", "word freq" or "word freq tag" (also "word tag"); # starts a comment. */
export function parseUserDictionary(text: string): UserWord[] {
  const out: UserWord[] = [];
  for (const line of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const [word, second] = line.trim().split(/\s+/);
    if (!word || word.startsWith('#')) continue;
    const n = second !== undefined && /^\d+(\.\d+)?$/.test(second) ? Math.round(Number(second)) : NaN;
    out.push({ word, freq: n >= 1 ? n : DEFAULT_USER_FREQ });
  }
  return out;
}

const inserted = new Set<string>();

/**
 * Add the words of a user dictionary (see parseUserDictionary; a word
 * without a frequency gets DEFAULT_USER_FREQ). Returns how many words were
 * added, or an error message when the file cannot be read.
 */
export function addUserDictionary(file: string): { added: number; error?: string } {
  let text: string;
  try {
    text = readRegularFile(file, { maxBytes: MAX_DICTIONARY_BYTES }).toString('utf8');
  } catch (e) {
    return { added: 0, error: e instanceof Error ? e.message : String(e) };
  }
  const { status } = loadJieba();
  if (!current) return { added: 0, error: status.error };
  const words = parseUserDictionary(text).filter((w) => !inserted.has(w.word));
  current.addWords(words);
  for (const w of words) inserted.add(w.word);
  // the topic keywords' kept cuts were made without these words
  if (words.length) tfidf?.forgetCuts();
  return { added: new Set(words.map((w) => w.word)).size };
}
