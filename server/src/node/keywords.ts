/**
 * jieba's TF-IDF keywords (cppjieba's KeywordExtractor, which nodejieba's
 * `extract` was, and jieba-rs's TfIdf) computed from words the checker has
 * already cut, instead of cutting the whole draft a second time; the same
 * for the native and the WebAssembly segmenter (jieba-wasm has no TF-IDF).
 *
 * jieba's keyword extraction cuts the text WITH the HMM: the dictionary
 * (max-probability) cut, then every run of single-character words re-cut by
 * the HMM. The checker's words are the dictionary cut without the HMM, per
 * paragraph; each paragraph's HMM cut is kept, so an edit re-cuts only the
 * paragraphs it touched (jieba-rs cuts 4-5 M characters a second: a 10k
 * draft is about 3 ms). Then, as cppjieba does: words of two or more
 * code points that are not stop words, count × idf (unknown words the
 * average idf over the file's lines), the top N by libstdc++'s partial_sort
 * over the words in UTF-8 byte order, so ties come out in one order on
 * every platform. Tested against the same TF-IDF over the whole text's HMM
 * cut, and for overlap with nodejieba's keywords (test/unit/keywords.test.ts).
 *
 * The idf table is kept as sorted 48-bit hashes of the words' UTF-8 bytes (no
 * JS string per word: ~3 MB, where a map of strings takes ~20 MB).
 */
import * as fs from 'fs';

export interface Keyword {
  word: string;
  weight: number;
}


const WORDLIKE = /[\p{L}\p{N}]/u;

/** The first bytes of a table written by TfIdf.toBuffer. */
const TABLE_MAGIC = 'SLIDF1\0\0';

/** HMM cuts of paragraphs already seen (an edit re-cuts the paragraphs it touched only). */
const MAX_CUTS = 20000;

// FNV-1a style, two 32-bit lanes with different primes (a 64-bit hash of the word's UTF-8 bytes)
const H1 = 0x811c9dc5 | 0;
const H2 = 0x01000193 ^ 0x5bd1e995;
const P1 = 0x01000193;
const P2 = 0x5bd1e995;

/** Lanes of the last hashWord call (no array allocated per word). */
let hash1 = 0;
let hash2 = 0;

/** Hash of a string's UTF-8 bytes (lone surrogates as U+FFFD, as N-API writes them), into hash1 and hash2. */
function hashWord(word: string): void {
  let h1 = H1;
  let h2 = H2;
  const put = (b: number) => {
    h1 = Math.imul(h1 ^ b, P1);
    h2 = Math.imul(h2 ^ b, P2);
    h2 ^= h2 >>> 15;
  };
  for (let i = 0; i < word.length; i++) {
    let c = word.charCodeAt(i);
    if (c < 0x80) {
      put(c);
      continue;
    }
    if (c < 0x800) {
      put(0xc0 | (c >> 6));
      put(0x80 | (c & 63));
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      const d = i + 1 < word.length ? word.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
        const cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
        put(0xf0 | (cp >> 18));
        put(0x80 | ((cp >> 12) & 63));
        put(0x80 | ((cp >> 6) & 63));
        put(0x80 | (cp & 63));
        continue;
      }
      c = 0xfffd;
    }
    put(0xe0 | (c >> 12));
    put(0x80 | ((c >> 6) & 63));
    put(0x80 | (c & 63));
  }
  hash1 = h1;
  hash2 = h2;
}

/** One code point (cppjieba's IsSingleWord: one rune)? */
function singleRune(w: string): boolean {
  if (w.length === 1) return true;
  if (w.length !== 2) return false;
  const a = w.charCodeAt(0);
  const b = w.charCodeAt(1);
  return a >= 0xd800 && a <= 0xdbff && b >= 0xdc00 && b <= 0xdfff;
}

/** std::string order of UTF-8 text: code point order (UTF-16 order differs only around surrogates). */
function byCodePoint(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // a surrogate (a code point above U+FFFF) sorts after every other BMP unit from U+E000 on
    const kx = x >= 0xd800 && x <= 0xdfff ? x + 0x2000 : x >= 0xe000 ? x - 0x800 : x;
    const ky = y >= 0xd800 && y <= 0xdfff ? y + 0x2000 : y >= 0xe000 ? y - 0x800 : y;
    return kx - ky;
  }
  return a.length - b.length;
}

export class TfIdf {
  private cuts = new Map<string, string[]>();

  private constructor(
    /** hashes sorted by (hi, lo); the idf of entry i is values[index[i]] */
    private readonly hi: Int32Array,
    private readonly lo: Uint16Array,
    private readonly index: Uint16Array,
    private readonly values: Float64Array,
    private readonly average: number,
    private readonly stop: ReadonlySet<string>,
  ) {}

  /** Read jieba's idf file ("word idf" lines) with the stop words (one a line); undefined when it cannot be read or parsed. */
  static load(file: string, stopText: string): TfIdf | undefined {
    let fd: number;
    try {
      fd = fs.openSync(file, 'r');
    } catch {
      return undefined;
    }
    try {
      return TfIdf.read(fd, stopText);
    } catch {
      return undefined;
    } finally {
      fs.closeSync(fd);
    }
  }

  /** Two passes over the file in small chunks (no 6 MB buffer, no string per word). */
  private static read(fd: number, stopText: string): TfIdf | undefined {
    const chunk = Buffer.allocUnsafe(1 << 16);
    // pass 1: lines (getline's count: a last line without a line break counts too)
    let lines = 0;
    let last = 10;
    for (let pos = 0; ; ) {
      const len = fs.readSync(fd, chunk, 0, chunk.length, pos);
      if (len <= 0) break;
      for (let i = chunk.indexOf(10); i >= 0 && i < len; i = chunk.indexOf(10, i + 1)) lines++;
      last = chunk[len - 1];
      pos += len;
    }
    if (last !== 10) lines++;
    if (lines === 0) return undefined;
    // pass 2: "word idf" lines with exactly two fields (as limonp Split gives them); other lines
    // are skipped (but counted, as cppjieba does). The word is hashed as it goes by.
    const hi = new Int32Array(lines);
    const lo = new Uint16Array(lines);
    const index = new Uint16Array(lines);
    const distinct = new Map<number, number>();
    const values: number[] = [];
    const num = Buffer.alloc(64);
    let numLen = 0;
    let n = 0;
    let sum = 0;
    let h1 = H1;
    let h2 = H2;
    let spaces = 0;
    let ok = true;
    let pending = false;
    for (let pos = 0; ; ) {
      const len = fs.readSync(fd, chunk, 0, chunk.length, pos);
      // a last line without a line break ends at the end of the file
      const end = len > 0 ? len : pending ? 1 : 0;
      if (end === 0) break;
      for (let i = 0; i < end; i++) {
        const c = len > 0 ? chunk[i] : 10;
        if (c !== 10) {
          pending = true;
          if (c === 32) spaces++;
          else if (spaces === 0) {
            h1 = Math.imul(h1 ^ c, P1);
            h2 = Math.imul(h2 ^ c, P2);
            h2 ^= h2 >>> 15;
          } else if (spaces === 1) {
            if (numLen < num.length) num[numLen] = c;
            numLen++;
          }
          continue;
        }
        if (spaces === 1 && numLen > 0 && numLen <= num.length) {
          const v = parseNumber(num, 0, numLen);
          let d = distinct.get(v);
          if (d === undefined) {
            d = values.length;
            if (d > 0xffff) ok = false;
            distinct.set(v, d);
            values.push(v);
          }
          hi[n] = h1;
          lo[n] = h2 & 0xffff;
          index[n] = d;
          n++;
          sum += v;
        }
        h1 = H1;
        h2 = H2;
        spaces = 0;
        numLen = 0;
        pending = false;
      }
      if (len <= 0) break;
      pos += len;
    }
    if (!ok) return undefined;
    // cppjieba divides by the number of lines read, skipped ones included
    const average = sum / lines;
    if (!(average > 0)) return undefined;
    // sorted by hash in place (no second copy)
    sortEntries(hi, lo, index, n);
    // two lines with the same hash: a word listed twice (cppjieba keeps the later idf) or a collision;
    // the shipped file has neither, and with them this table could differ from cppjieba's: not used
    for (let i = 1; i < n; i++) if (hi[i] === hi[i - 1] && lo[i] === lo[i - 1]) return undefined;
    return new TfIdf(hi.subarray(0, n), lo.subarray(0, n), index.subarray(0, n), Float64Array.from(values), average, new Set(stopText.split('\n')));
  }

  /**
   * The table as bytes, tagged (e.g. with the idf file's package and
   * version): written at build time (scripts/bundle.js → dist/idf.bin), so
   * that loading it is reading one file instead of parsing 6 MB of text.
   * Layout (little-endian): magic, tag length and tag (padded to 8), entry
   * count, value count, average idf (f64), values (f64), hashes (i32 hi,
   * u16 lo), value indexes (u16).
   */
  toBuffer(tag: string): Buffer {
    const tagBytes = Buffer.from(tag, 'utf8');
    const head = 8 + 4 + tagBytes.length;
    const pad = (8 - (head % 8)) % 8;
    const n = this.hi.length;
    const out = Buffer.alloc(head + pad + 16 + this.values.length * 8 + n * 8);
    let o = out.write(TABLE_MAGIC, 0, 'latin1');
    o = out.writeUInt32LE(tagBytes.length, o);
    o += tagBytes.copy(out, o) + pad;
    o = out.writeUInt32LE(n, o);
    o = out.writeUInt32LE(this.values.length, o);
    o = out.writeDoubleLE(this.average, o);
    for (const a of [this.values, this.hi, this.lo, this.index]) {
      const bytes = Buffer.from(a.buffer, a.byteOffset, a.byteLength);
      o += bytes.copy(out, o);
    }
    return out;
  }

  /** A table written by toBuffer with this tag; undefined when the bytes are not one (another tag, truncated). */
  static fromBuffer(buf: Buffer, tag: string, stopText: string): TfIdf | undefined {
    if (buf.length < 12 || buf.toString('latin1', 0, 8) !== TABLE_MAGIC) return undefined;
    const tagLen = buf.readUInt32LE(8);
    if (12 + tagLen > buf.length || buf.toString('utf8', 12, 12 + tagLen) !== tag) return undefined;
    let o = 12 + tagLen;
    o += (8 - (o % 8)) % 8;
    if (o + 16 > buf.length) return undefined;
    const n = buf.readUInt32LE(o);
    const nValues = buf.readUInt32LE(o + 4);
    const average = buf.readDoubleLE(o + 8);
    o += 16;
    if (buf.length !== o + nValues * 8 + n * 8 || !(average > 0)) return undefined;
    // typed arrays need aligned offsets: a copy into fresh memory when the buffer's own is not
    const bytes = buf.byteOffset % 8 === 0 ? buf : Buffer.from(buf);
    const view = <T>(make: new (b: ArrayBufferLike, off: number, len: number) => T, len: number, size: number): T => {
      const v = new make(bytes.buffer, bytes.byteOffset + o, len);
      o += len * size;
      return v;
    };
    const values = view(Float64Array, nValues, 8);
    const hi = view(Int32Array, n, 4);
    const lo = view(Uint16Array, n, 2);
    const index = view(Uint16Array, n, 2);
    return new TfIdf(hi, lo, index, values, average, new Set(stopText.split('\n')));
  }

  /** The idf of a word, or undefined when the file has none. */
  idf(word: string): number | undefined {
    hashWord(word);
    const h1 = hash1;
    const h2 = hash2;
    // binary search (hashes are unique in the table)
    let a = 0;
    let b = this.hi.length - 1;
    let found = -1;
    while (a <= b) {
      const m = (a + b) >> 1;
      const d = this.hi[m] - h1 || this.lo[m] - (h2 & 0xffff);
      if (d > 0) b = m - 1;
      else {
        if (d === 0) found = m;
        a = m + 1;
      }
    }
    return found < 0 ? undefined : this.values[this.index[found]];
  }

  /**
   * The top `top` keywords of a text whose dictionary cut (cut without HMM,
   * per paragraph, the title's included) is `paragraphs`, as jieba's TF-IDF
   * gives them for the text: each paragraph cut again with the HMM by
   * `cutHMM` (paragraphs not seen before in one call, joined by line breaks,
   * which jieba never cuts across), then counted. Undefined only if the
   * HMM's answer cannot be matched back to the paragraphs (never seen).
   */
  keywords(paragraphs: readonly (readonly string[])[], top: number, cutHMM: (text: string) => string[]): Keyword[] | undefined {
    const texts = paragraphs.map((words) => words.join(''));
    const got = new Map<string, string[]>();
    const pending: string[] = [];
    for (const t of texts) {
      if (got.has(t)) continue;
      const hit = this.cuts.get(t);
      if (hit) got.set(t, hit);
      else if (t.includes('\n')) got.set(t, cutHMM(t));
      else {
        got.set(t, []);
        pending.push(t);
      }
    }
    if (pending.length) {
      const cut = cutHMM(pending.join('\n'));
      // the joining line breaks come back as words of their own
      let k = 0;
      let cur: string[] = [];
      for (const w of cut) {
        if (w === '\n') {
          if (k >= pending.length) return undefined;
          got.set(pending[k++], cur);
          cur = [];
        } else cur.push(w);
      }
      if (k !== pending.length - 1) return undefined;
      got.set(pending[k], cur);
      for (const t of pending) {
        if (got.get(t)!.join('') !== t) return undefined;
        this.remember(t, got.get(t)!);
      }
    }
    const tf = new Map<string, number>();
    for (const t of texts) for (const w of got.get(t)!) this.count(tf, w);
    return this.rank(tf, top);
  }

  /** The top `top` keywords of a text whose whole cut with the HMM is `words` (what `keywords` gives from the dictionary cut). */
  keywordsOfCut(words: readonly string[], top: number): Keyword[] {
    const tf = new Map<string, number>();
    for (const w of words) this.count(tf, w);
    return this.rank(tf, top);
  }

  private count(tf: Map<string, number>, w: string): void {
    // jieba-rs keeps runs like --- or ... whole: a keyword has a letter or a digit
    if (w.length <= 1 || singleRune(w) || this.stop.has(w) || !WORDLIKE.test(w)) return;
    tf.set(w, (tf.get(w) ?? 0) + 1);
  }

  /** Weigh the counted words by idf; the best `top`, ties as cppjieba orders them. */
  private rank(tf: ReadonlyMap<string, number>, top: number): Keyword[] {
    const list: Keyword[] = [];
    for (const [w, count] of tf) list.push({ word: w, weight: count * (this.idf(w) ?? this.average) });
    const n = Math.min(top, list.length);
    // Without equal weights among the best n + 1, the order of the input does not matter: the best n by weight.
    const best = topByWeight(list, n + 1);
    let ties = false;
    for (let i = 1; i < best.length; i++) if (best[i].weight === best[i - 1].weight) ties = true;
    if (!ties) return best.slice(0, n);
    // Otherwise exactly as cppjieba: std::map order (UTF-8 bytes, i.e. code points), partial_sort.
    list.sort((a, b) => byCodePoint(a.word, b.word));
    partialSort(list, n, (a, b) => a.weight > b.weight);
    return list.slice(0, n);
  }

  /** Drop the kept HMM cuts (the dictionary changed: they may cut otherwise now). */
  forgetCuts(): void {
    this.cuts.clear();
  }

  private remember(text: string, words: string[]): void {
    if (this.cuts.size >= MAX_CUTS) this.cuts.clear();
    this.cuts.set(text, words);
  }
}

/** The k heaviest keywords, heaviest first (a small insertion-sorted buffer). */
function topByWeight(list: readonly Keyword[], k: number): Keyword[] {
  const out: Keyword[] = [];
  for (const x of list) {
    if (out.length === k && x.weight <= out[k - 1].weight) continue;
    let i = out.length < k ? out.length : k - 1;
    if (out.length < k) out.push(x);
    while (i > 0 && out[i - 1].weight < x.weight) {
      out[i] = out[i - 1];
      i--;
    }
    out[i] = x;
  }
  return out;
}

/** A decimal as strtod reads it: exact fast path for plain decimals, parseFloat otherwise. */
function parseNumber(buf: Buffer, start: number, end: number): number {
  let mant = 0;
  let digits = 0;
  let frac = -1;
  for (let i = start; i < end; i++) {
    const c = buf[i];
    if (c >= 48 && c <= 57) {
      mant = mant * 10 + (c - 48);
      digits++;
      if (frac >= 0) frac++;
    } else if (c === 46 && frac < 0) frac = 0;
    else return parseFloat(buf.toString('latin1', start, end)) || 0;
  }
  // an integer mantissa below 2^53 divided by an exact power of ten is correctly rounded (Clinger's fast path)
  if (digits === 0 || digits > 15 || frac > 22) return parseFloat(buf.toString('latin1', start, end)) || 0; // atof gives 0 for no number
  return frac > 0 ? mant / 10 ** frac : mant;
}

/** Sort entries [0, n) by (hi, lo), in place (the three arrays permuted together; no extra memory). */
function sortEntries(hi: Int32Array, lo: Uint16Array, index: Uint16Array, n: number): void {
  const swap = (a: number, b: number) => {
    const h = hi[a];
    hi[a] = hi[b];
    hi[b] = h;
    const l = lo[a];
    lo[a] = lo[b];
    lo[b] = l;
    const x = index[a];
    index[a] = index[b];
    index[b] = x;
  };
  // quicksort (middle pivot, Hoare partition) with an explicit stack; insertion sort for short ranges
  const stack: number[] = [0, n - 1];
  while (stack.length) {
    const r = stack.pop()!;
    const l0 = stack.pop()!;
    if (r - l0 < 16) {
      for (let i = l0 + 1; i <= r; i++) {
        for (let j = i; j > l0 && (hi[j - 1] > hi[j] || (hi[j - 1] === hi[j] && lo[j - 1] > lo[j])); j--) swap(j - 1, j);
      }
      continue;
    }
    const m = (l0 + r) >> 1;
    const ph = hi[m];
    const pl = lo[m];
    let i = l0;
    let j = r;
    while (i <= j) {
      while (hi[i] < ph || (hi[i] === ph && lo[i] < pl)) i++;
      while (hi[j] > ph || (hi[j] === ph && lo[j] > pl)) j--;
      if (i <= j) {
        swap(i, j);
        i++;
        j--;
      }
    }
    if (l0 < j) stack.push(l0, j);
    if (i < r) stack.push(i, r);
  }
}

/**
 * std::partial_sort as libstdc++ implements it (heap select, then sort_heap),
 * so that equal weights end up in the order nodejieba (cppjieba) gave them.
 */
export function partialSort<T>(arr: T[], middle: number, comp: (a: T, b: T) => boolean): void {
  const adjust = (hole: number, len: number, value: T): void => {
    const top = hole;
    let second = hole;
    while (second < Math.floor((len - 1) / 2)) {
      second = 2 * (second + 1);
      if (comp(arr[second], arr[second - 1])) second--;
      arr[hole] = arr[second];
      hole = second;
    }
    if ((len & 1) === 0 && second === Math.floor((len - 2) / 2)) {
      second = 2 * (second + 1);
      arr[hole] = arr[second - 1];
      hole = second - 1;
    }
    let parent = Math.floor((hole - 1) / 2);
    while (hole > top && comp(arr[parent], value)) {
      arr[hole] = arr[parent];
      hole = parent;
      parent = Math.floor((hole - 1) / 2);
    }
    arr[hole] = value;
  };
  const popHeap = (len: number, result: number): void => {
    const value = arr[result];
    arr[result] = arr[0];
    adjust(0, len, value);
  };
  if (middle >= 2) {
    for (let parent = Math.floor((middle - 2) / 2); ; parent--) {
      adjust(parent, middle, arr[parent]);
      if (parent === 0) break;
    }
  }
  for (let i = middle; i < arr.length; i++) if (comp(arr[i], arr[0])) popHeap(middle, i);
  for (let last = middle; last > 1; ) {
    last--;
    popHeap(last, last);
  }
}
