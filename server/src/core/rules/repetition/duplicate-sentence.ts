/**
 * repetition/duplicate-sentence: a sentence that appears twice in the draft
 * (usually a paste left behind while moving text), and, as information,
 * near-duplicates (two sentences that share most of their character bigrams),
 * except on consecutive lines of their own (a script's formula: 请……上台领奖).
 *
 * Needs no jieba: sentences are compared on their characters without
 * punctuation and spaces, so the rule runs in the fast phase and works in the
 * CLI without the dictionary. Near-duplicates are found with an exact
 * similarity join (prefix filtering over bigrams ordered rarest first, as in
 * AllPairs), so a 1 MB draft does not compare every pair of sentences.
 */
import type { SpeechDocument } from '../../model';
import { defineRule } from '../../rule';
import type { Span } from '../../text';
import { isHan } from '../../text';

export interface DuplicateSentenceOptions {
  /** Shortest sentence (characters without punctuation) compared for exact duplicates. */
  minLength: number;
  /** Shortest sentence compared for near-duplicates. */
  minNearLength: number;
  /** Dice similarity of character bigrams from which two sentences are near-duplicates (0.5–1; 1 turns it off). */
  similarity: number;
}

const PARA_KINDS = new Set(['body', 'heading', 'closing']);
/** Longest normalised sentence compared for near-duplicates (longer ones are unpunctuated blobs). */
const MAX_NEAR = 2000;
/** Candidate comparisons per sentence, so templated drafts stay linear. */
const MAX_CANDIDATES = 400;
/** Later copies reported per duplicated sentence. */
const MAX_COPIES = 100;
/** Related-information entries per finding. */
const MAX_RELATED = 20;

/** Reused output buffer of normalizeSentence (grown when a sentence is longer). */
let normBuf = new Uint16Array(1024);

/** Keep letters, digits and ideographs; drop punctuation, symbols and spaces. Full-width ASCII is folded. */
export function normalizeSentence(text: string, start: number, end: number): string {
  if (end - start > normBuf.length) normBuf = new Uint16Array(Math.max(end - start, normBuf.length * 2));
  const buf = normBuf;
  let n = 0;
  for (let i = start; i < end; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0; // full-width ASCII → ASCII
    if (c < 0x80) {
      if ((c >= 48 && c <= 57) || (c >= 97 && c <= 122)) buf[n++] = c;
      else if (c >= 65 && c <= 90) buf[n++] = c + 32;
      continue;
    }
    if (isHan(c)) {
      buf[n++] = c;
      continue;
    }
    // punctuation and symbol blocks
    if ((c >= 0x2000 && c <= 0x2bff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xfe10 && c <= 0xfe6f) || (c >= 0xff00 && c <= 0xffef) || c <= 0xbf || c === 0xfeff) continue;
    buf[n++] = text.charCodeAt(i); // other letters, surrogate halves (kept in pairs)
  }
  // one flat string (no chain of one-character concatenations)
  let out = '';
  for (let k = 0; k < n; k += 4096) out += String.fromCharCode.apply(null, buf.subarray(k, Math.min(n, k + 4096)) as unknown as number[]);
  return out;
}

interface Item {
  span: Span;
  norm: string;
  line: number;
  /** Index of its paragraph in the document. */
  paragraph: number;
  /** The only sentence of its paragraph (a line of a script: 请……上台领奖). */
  alone: boolean;
}

/**
 * Two near-duplicates on consecutive lines, each a line of its own, are one
 * formula repeated with a new slot on purpose (请坂兜村……上台领奖 / 请华兰村……
 * 上台领奖; agenda lines; a viewer's page labels, which are residue): a series,
 * not a paste left behind. Within one paragraph they are still reported.
 */
function scriptLines(x: Item, y: Item): boolean {
  return x.alone && y.alone && Math.abs(x.paragraph - y.paragraph) === 1;
}

function collectSentences(doc: SpeechDocument): Item[] {
  const items: Item[] = [];
  doc.paragraphs.forEach((p, paragraph) => {
    if (!PARA_KINDS.has(p.kind)) return;
    for (const s of p.sentences) {
      const norm = normalizeSentence(doc.text, s.span.start, s.span.end);
      if (norm.length === 0) continue;
      items.push({ span: s.span, norm, line: doc.lines.lineAt(s.span.start), paragraph, alone: p.sentences.length === 1 });
    }
  });
  return items;
}

/** Sort a[from, to) ascending: insertion sort for the short ranges sentences give, the built-in sort otherwise. */
function sortRange(a: Int32Array, from: number, to: number): void {
  if (to - from > 16) {
    // quicksort on the middle element, then insertion sort finishes
    let i = from;
    let j = to - 1;
    const pivot = a[(from + to) >> 1];
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (from < j) sortRange(a, from, j + 1);
    if (i < to - 1) sortRange(a, i, to);
    return;
  }
  for (let i = from + 1; i < to; i++) {
    const v = a[i];
    let j = i - 1;
    while (j >= from && a[j] > v) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = v;
  }
}

const charStamp = new Int32Array(65536);
const charIds = new Int32Array(65536);
let charGen = 0;

export interface NearPair {
  /** Index of the later sentence. */
  a: number;
  /** Index of the earlier, most similar sentence. */
  b: number;
  dice: number;
}

/**
 * Near-duplicate pairs among `norms` (each later sentence with its most
 * similar earlier one), Dice over character bigram sets ≥ `threshold`.
 * PPJoin-style: bigrams are ranked rarest first, only each set's prefix is
 * indexed and probed (a pair over the threshold must share a prefix bigram),
 * with the length filter; overlaps are counted by merging sorted rank lists.
 * Exact, and bounded by MAX_CANDIDATES per sentence.
 */
export function nearDuplicates(norms: readonly string[], threshold: number): NearPair[] {
  const t = threshold / (2 - threshold); // Jaccard equivalent of the Dice threshold
  const sets = bigramSets(norms);
  const shared = rankByRarity(sets);
  const { buf, from, to } = sets;
  // index: for each rank, the sentences whose prefix holds it and where, as pairs [sentence, position, …]
  const index: (number[] | undefined)[] = new Array(sets.ids);
  const stamp = new Int32Array(norms.length).fill(-1);
  const out: NearPair[] = [];
  for (let x = 0; x < norms.length; x++) {
    const size = to[x] - from[x];
    if (size === 0) continue;
    const prefix = Math.min(size, size - Math.ceil(t * size - 1e-9) + 1);
    const found = bestEarlier(sets, index, stamp, x, prefix, shared, t, threshold);
    if (found) out.push(found);
    for (let k = 0; k < prefix; k++) {
      const r = buf[from[x] + k];
      if (r < shared) continue;
      const list = index[r];
      if (list) list.push(x, k);
      else index[r] = [x, k];
    }
  }
  return out;
}

/** The bigram sets of the sentences: ids in buf[from[x], to[x]), each bigram once per sentence, with document frequencies. */
interface BigramSets {
  buf: Int32Array;
  from: Int32Array;
  to: Int32Array;
  df: Int32Array;
  /** Number of distinct bigrams. */
  ids: number;
  /** Used length of buf. */
  w: number;
}

/** Characters → small ids (a reusable table stamped per call), so a bigram key stays a small integer. */
function codeChars(norms: readonly string[]): { coded: Int32Array; offsets: Int32Array; chars: number; total: number } {
  const gen = ++charGen;
  let chars = 0;
  let total = 0;
  for (const s of norms) total += s.length;
  const coded = new Int32Array(total);
  const offsets = new Int32Array(norms.length + 1);
  let o = 0;
  for (let x = 0; x < norms.length; x++) {
    const s = norms[x];
    offsets[x] = o;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (charStamp[c] !== gen) {
        charStamp[c] = gen;
        charIds[c] = chars++;
      }
      coded[o++] = charIds[c];
    }
  }
  offsets[norms.length] = o;
  return { coded, offsets, chars, total };
}

/** Bigram → dense id (open addressing); document frequency counted once per sentence. */
function bigramSets(norms: readonly string[]): BigramSets {
  const { coded, offsets, chars, total } = codeChars(norms);
  const C = chars + 1;
  let cap = 16;
  while (cap < total * 2) cap <<= 1;
  const keys = new Int32Array(cap).fill(-1);
  const vals = new Int32Array(cap);
  const mask = cap - 1;
  const shift = 32 - Math.log2(cap);
  const buf = new Int32Array(Math.max(1, total)); // bigram ids, then ranks, per sentence [from[x], to[x])
  const from = new Int32Array(norms.length);
  const to = new Int32Array(norms.length);
  let dfCap = 1024;
  let df = new Int32Array(dfCap);
  let seen = new Int32Array(dfCap).fill(-1);
  let ids = 0;
  let w = 0;
  for (let x = 0; x < norms.length; x++) {
    const a0 = offsets[x];
    const a1 = offsets[x + 1];
    from[x] = w;
    for (let i = a0; i + 1 < a1; i++) {
      const g = coded[i] * C + coded[i + 1];
      let h = Math.imul(g, 0x9e3779b1) >>> shift; // Fibonacci hashing: the high bits
      while (keys[h] !== -1 && keys[h] !== g) h = (h + 1) & mask;
      if (keys[h] === -1) {
        keys[h] = g;
        vals[h] = ids++;
        if (ids > dfCap) {
          dfCap *= 2;
          const d2 = new Int32Array(dfCap);
          d2.set(df);
          df = d2;
          const s2 = new Int32Array(dfCap).fill(-1);
          s2.set(seen);
          seen = s2;
        }
      }
      const v = vals[h];
      if (seen[v] === x) continue; // a bigram counts once per sentence
      seen[v] = x;
      df[v]++;
      buf[w++] = v;
    }
    to[x] = w;
  }
  return { buf, from, to, df, ids, w };
}

/**
 * Replace the bigram ids by their ranks, rarest first (counting sort by
 * document frequency), and sort each sentence's ranks. Returns the first rank
 * of a bigram in two sentences or more: ranks below it (bigrams of one
 * sentence only) can join nothing and are skipped when indexing and probing.
 */
function rankByRarity(sets: BigramSets): number {
  const { buf, from, to, df, ids, w } = sets;
  let maxDf = 0;
  for (let g = 0; g < ids; g++) if (df[g] > maxDf) maxDf = df[g];
  const startAt = new Int32Array(maxDf + 2);
  for (let g = 0; g < ids; g++) startAt[df[g] + 1]++;
  for (let d = 1; d <= maxDf + 1; d++) startAt[d] += startAt[d - 1];
  const rank = new Int32Array(Math.max(1, ids));
  const shared = startAt[2];
  for (let g = 0; g < ids; g++) rank[g] = startAt[df[g]]++;
  for (let i = 0; i < w; i++) buf[i] = rank[buf[i]];
  for (let x = 0; x < from.length; x++) sortRange(buf, from[x], to[x]);
  return shared;
}

/** The most similar earlier sentence of sentence x over the threshold, probing the index with x's prefix. */
function bestEarlier(
  sets: BigramSets,
  index: (number[] | undefined)[],
  stamp: Int32Array,
  x: number,
  prefix: number,
  shared: number,
  t: number,
  threshold: number,
): NearPair | undefined {
  const { buf, from, to } = sets;
  const xs = from[x];
  const size = to[x] - xs;
  const minSize = t * size;
  const maxSize = size / t;
  let checked = 0;
  let best = -1;
  let bestDice = 0;
  for (let k = 0; k < prefix && checked < MAX_CANDIDATES; k++) {
    const r = buf[xs + k];
    if (r < shared) continue;
    const list = index[r];
    if (!list) continue;
    for (let li = list.length - 2; li >= 0 && checked < MAX_CANDIDATES; li -= 2) {
      const y = list[li];
      if (stamp[y] === x) continue;
      stamp[y] = x;
      const ys = from[y];
      const n = to[y] - ys;
      if (n < minSize || n > maxSize) continue;
      checked++;
      const dice = overlapDice(buf, xs, size, k, ys, n, list[li + 1], threshold, bestDice);
      if (dice >= threshold && dice > bestDice) {
        bestDice = dice;
        best = y;
      }
    }
  }
  return best >= 0 ? { a: x, b: best, dice: bestDice } : undefined;
}

/**
 * Dice of two sorted rank sets that share rank buf[xs + k] = buf[ys + j0], or
 * 0 when it cannot reach max(threshold, bestDice). r is the first rank the two
 * share (ranks are sorted and every shared rank before it would sit in both
 * prefixes), so the overlap is at most 1 + what follows in the shorter
 * remainder (PPJoin's positional filter); the merge stops as soon as the pair
 * cannot reach the threshold. Same result as a full merge.
 */
function overlapDice(buf: Int32Array, xs: number, size: number, k: number, ys: number, n: number, j0: number, threshold: number, bestDice: number): number {
  const total = size + n;
  if ((2 * (1 + Math.min(size - k - 1, n - j0 - 1))) / total < Math.max(threshold, bestDice + 1e-12)) return 0;
  let i = k + 1;
  let j = j0 + 1;
  let ov = 1;
  while (i < size && j < n) {
    const d = buf[xs + i] - buf[ys + j];
    if (d === 0) {
      ov++;
      i++;
      j++;
    } else {
      if (d < 0) i++;
      else j++;
      if ((2 * (ov + Math.min(size - i, n - j))) / total < threshold) break;
    }
  }
  return (2 * ov) / total;
}

export default defineRule<DuplicateSentenceOptions>({
  meta: {
    id: 'repetition/duplicate-sentence',
    family: 'repetition',
    description: {
      zh: '同一句话在稿中出现两次；高度相似的句子作为提示',
      en: 'The same sentence twice in the draft; near-duplicates as information',
    },
    defaultSeverity: 'warning',
    fixable: false,
    needsSegmentation: false,
    defaultOptions: { minLength: 8, minNearLength: 15, similarity: 0.8 },
    options: {
      minLength: { type: 'number', min: 2, max: 1000, description: { zh: '参与比较的最短句子（不计标点的字数）', en: 'shortest sentence compared (characters without punctuation)' } },
      minNearLength: { type: 'number', min: 4, max: 1000, description: { zh: '参与相似比较的最短句子', en: 'shortest sentence compared for near-duplicates' } },
      similarity: { type: 'number', min: 0.5, max: 1, description: { zh: '相似句阈值（字二元组 Dice 系数，1 表示不检查相似句）', en: 'near-duplicate threshold (Dice over character bigrams; 1 turns it off)' } },
    },
    notes: {
      leavesAlone: "Sentences shorter than 8 characters (同志们, 谢谢大家); near-duplicates on consecutive lines of their own (a script's formula: 请……上台领奖, agenda lines, a viewer's page labels).",
      limits: "A near-duplicate kept on purpose in one paragraph (a refrain) is reported as information; the same sentence in two quoted documents is reported.",
    },
    examples: {
      wrong: '要加快推进回迁区建设，让老百姓早日回迁。……要加快推进回迁区建设，让老百姓早日回迁。',
      right: '要加快推进回迁区建设，让老百姓早日回迁。（只保留一处）',
    },
  },
  messages: {
    duplicate: { zh: '这句话与第 {line} 行的句子重复', en: 'This sentence repeats the one on line {line}' },
    near: { zh: '这句话与第 {line} 行的句子高度相似（{percent}%）', en: 'This sentence is very similar to the one on line {line} ({percent}%)' },
  },
  check({ doc, options, report }) {
    const items = collectSentences(doc);
    const related = (i: number) => ({ span: items[i].span, message: { zh: `另一处（第 ${items[i].line + 1} 行）`, en: `the other copy (line ${items[i].line + 1})` } });
    // exact duplicates
    const groups = new Map<string, number[]>();
    for (let i = 0; i < items.length; i++) {
      if (items[i].norm.length < options.minLength) continue;
      const g = groups.get(items[i].norm);
      if (g) g.push(i);
      else groups.set(items[i].norm, [i]);
    }
    for (const g of groups.values()) {
      if (g.length < 2) continue;
      // every later copy, up to MAX_COPIES (a pasted block repeated thousands of times needs no more)
      const copies = Math.min(g.length, MAX_COPIES + 1);
      for (let k = 1; k < copies; k++) {
        const rel: ReturnType<typeof related>[] = [];
        for (let x = 0; x < g.length && rel.length < MAX_RELATED; x++) if (x !== k) rel.push(related(g[x]));
        report({ messageId: 'duplicate', data: { line: items[g[0]].line + 1 }, span: items[g[k]].span, related: rel });
      }
    }
    // near-duplicates among the distinct sentences
    if (options.similarity >= 1) return;
    const reps: number[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < items.length; i++) {
      const s = items[i].norm;
      if (s.length < options.minNearLength || s.length > MAX_NEAR || seen.has(s)) continue;
      seen.add(s);
      reps.push(i);
    }
    for (const pair of nearDuplicates(reps.map((i) => items[i].norm), options.similarity)) {
      const a = reps[pair.a];
      const b = reps[pair.b];
      if (scriptLines(items[a], items[b])) continue;
      report({
        messageId: 'near',
        data: { line: items[b].line + 1, percent: Math.round(pair.dice * 100) },
        span: items[a].span,
        related: [related(b)],
        severity: 'info',
      });
    }
  },
});
