/**
 * Benchmark drafts of a given size, made deterministically from the corpus
 * drafts in test/fixtures/corpus (same input → same text on every machine).
 *
 * Shape: a title, 同志们：, then sections 一、 → （一） → (from 60k characters
 * on) 1. → two body paragraphs per leaf, then the closing paragraph of the
 * corpus. Headings are numbered in order, so the numbering rules see a
 * well-formed draft at every size.
 *
 * Body text: first every body paragraph of the corpus once, verbatim, in
 * order (about 9,900 characters: the 10k draft is real text, renumbered;
 * the 30k draft is that plus recombined text). Past that, new
 * paragraphs are put together from corpus clauses (split at ，；：) picked by
 * a seeded generator: 2–4 clauses a sentence, the paragraph lengths of the
 * corpus. A big draft built by repeating one section a hundred times would
 * make every repetition rule fire on every copy (tens of thousands of
 * duplicate-sentence findings), which is not what a real long draft looks
 * like; recombined clauses keep sentences mostly distinct while the words and
 * phrases keep the corpus's frequencies. Clauses that hold an inline series
 * marker (一是, 第二, 其次 …) or a count announcement (三大产业) are left out
 * of the recombination: out of their order they would be numbering defects no
 * real draft has.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from '../server/src/core/parse';
import { toCnNumeral } from '../server/src/core/numerals';

export const CORPUS_DIR = path.resolve(__dirname, '..', '..', 'test', 'fixtures', 'corpus');
export const WEB_DIR = path.resolve(__dirname, '..', '..', 'test', 'fixtures', 'corpus-web');

interface Pools {
  paragraphs: string[];
  lengths: number[];
  clauses: string[];
  level1: string[];
  level2: string[];
  closing: string;
}

/** mulberry32: a small seeded generator (deterministic across Node versions). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let pools: Pools | undefined;

function loadPools(): Pools {
  if (pools) return pools;
  const files = fs.readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.txt')).sort();
  const paragraphs: string[] = [];
  const clauses: string[] = [];
  const level1: string[] = [];
  const level2: string[] = [];
  let closing = '';
  for (const f of files) {
    const text = fs.readFileSync(path.join(CORPUS_DIR, f), 'utf8');
    const doc = parse(text);
    // spans that must not be cut out of their context
    const keep = [...doc.series.flatMap((s) => s.items.map((i) => i.span)), ...doc.announcements.map((a) => a.span)];
    for (const h of doc.headings) {
      const t = h.title.trim();
      if (t.length < 2 || t.length > 30) continue;
      (h.level >= 2 ? level2 : level1).push(t);
    }
    for (const p of doc.paragraphs) {
      if (p.kind === 'closing') {
        if (!closing) closing = text.slice(p.span.start, p.span.end).trim();
        continue;
      }
      if (p.kind !== 'body' && p.kind !== 'heading') continue;
      const body = text.slice(p.bodySpan.start, p.bodySpan.end).trim();
      if (body.length < 40) continue;
      paragraphs.push(body);
      for (const s of p.sentences) {
        // clause boundaries inside the sentence (full- and half-width)
        let from = s.span.start;
        for (let i = s.span.start; i <= s.span.end; i++) {
          const c = i < s.span.end ? text[i] : '';
          if (i === s.span.end || c === '，' || c === ',' || c === '；' || c === ';' || c === '：' || c === ':') {
            const raw = text.slice(from, i).replace(/[。！？!?…\s]+$/u, '').trim();
            const start = from;
            from = i + 1;
            if (raw.length < 4 || raw.length > 60) continue;
            if (/[“”"《》（）()]/u.test(raw)) continue; // unbalanced quotes and brackets
            if (keep.some((k) => k.start < i && start < k.end)) continue;
            clauses.push(raw);
          }
        }
      }
    }
  }
  if (!closing) closing = '同志们，让我们团结一心、真抓实干，奋力开创各项工作新局面！';
  pools = { paragraphs, lengths: paragraphs.map((p) => Math.min(900, Math.max(150, p.length))), clauses, level1, level2, closing };
  return pools;
}

/** A clause-based heading title (8–20 characters, no digits or placeholders). */
function clauseTitle(p: Pools, next: () => number, used: Set<string>): string {
  for (let tries = 0; tries < 400; tries++) {
    const c = p.clauses[Math.floor(next() * p.clauses.length)];
    if (c.length >= 6 && c.length <= 20 && !/[0-9０-９xX×Ｘ]/u.test(c) && !used.has(c)) {
      used.add(c);
      return c;
    }
  }
  return '扎实推进各项重点工作';
}

/** A paragraph of recombined clauses, about `length` characters. */
function recombined(p: Pools, next: () => number, length: number): string {
  let out = '';
  while (out.length < length) {
    const n = 2 + Math.floor(next() * 3);
    const parts: string[] = [];
    for (let i = 0; i < n; i++) parts.push(p.clauses[Math.floor(next() * p.clauses.length)]);
    out += parts.join('，') + '。';
  }
  return out;
}

export interface Draft {
  name: string;
  /** Target size in characters (UTF-16 code units); the text is at most one paragraph longer. */
  target: number;
  text: string;
}

/** A draft of about `target` characters. */
export function makeDraft(target: number, seed = 20240601): Draft {
  const p = loadPools();
  const next = rng(seed);
  const deep = target > 60_000;
  const l2PerL1 = deep ? 6 : 3;
  const l3PerL2 = deep ? 5 : 0;
  const parasPerLeaf = 2;
  const used = new Set<string>();
  const lines: string[] = ['在全区经济社会发展工作会议上的讲话', '同志们：'];
  let size = lines.join('\n').length + 1;
  let paraIndex = 0;
  let l1Title = 0;
  let l2Title = 0;
  const push = (line: string): void => {
    lines.push(line);
    size += line.length + 1;
  };
  const paragraph = (): void => {
    const i = paraIndex++;
    push(i < p.paragraphs.length ? p.paragraphs[i] : recombined(p, next, p.lengths[i % p.lengths.length]));
  };
  const full = (): boolean => size >= target;
  // the opening
  paragraph();
  for (let a = 1; !full(); a++) {
    push(`${toCnNumeral(a)}、${l1Title < p.level1.length ? p.level1[l1Title++] : clauseTitle(p, next, used)}`);
    paragraph();
    for (let b = 1; b <= l2PerL1 && !full(); b++) {
      push(`（${toCnNumeral(b)}）${l2Title < p.level2.length ? p.level2[l2Title++] : clauseTitle(p, next, used)}`);
      if (l3PerL2 === 0) {
        for (let k = 0; k < parasPerLeaf && !full(); k++) paragraph();
        continue;
      }
      for (let c = 1; c <= l3PerL2 && !full(); c++) {
        push(`${c}.${clauseTitle(p, next, used)}`);
        for (let k = 0; k < parasPerLeaf && !full(); k++) paragraph();
      }
    }
  }
  push(p.closing);
  return { name: label(target), target, text: lines.join('\n') + '\n' };
}

export function label(n: number): string {
  return n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1000}k`;
}

/** The corpus drafts themselves, by file name. */
export function corpusDrafts(): { name: string; text: string }[] {
  return fs
    .readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: f, text: fs.readFileSync(path.join(CORPUS_DIR, f), 'utf8') }));
}

/** The web excerpts (test/fixtures/corpus-web/web-NN.txt), by file name. */
export function webDrafts(): { name: string; text: string }[] {
  return fs
    .readdirSync(WEB_DIR)
    .filter((f) => /^web-\d+\.txt$/.test(f))
    .sort()
    .map((f) => ({ name: f, text: fs.readFileSync(path.join(WEB_DIR, f), 'utf8') }));
}

/**
 * A writer's material file: real drafts pasted one after another (the corpus
 * drafts, then the web excerpts, over and over), a blank line between two,
 * until the text has at least `min` characters (or UTF-8 bytes with
 * `unit: 'bytes'`). Unlike makeDraft, nothing is renumbered: every pasted
 * draft starts its numbering again, as in a real material file.
 */
export function materialFile(min: number, unit: 'chars' | 'bytes' = 'bytes'): string {
  const drafts = [...corpusDrafts(), ...webDrafts()].map((d) => d.text.replace(/^\uFEFF/, '').replace(/\s+$/u, '') + '\n');
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < min; i++) {
    const d = drafts[i % drafts.length];
    parts.push(d);
    size += (unit === 'bytes' ? Buffer.byteLength(d) : d.length) + 1;
  }
  return parts.join('\n');
}
