/**
 * Topic keywords from the words already cut (node/keywords.ts) equal
 * nodejieba's own `extract` on the whole text: same words, same weights, same
 * order (ties as libstdc++'s partial_sort orders them; on other platforms
 * nodejieba's tie order may differ, so there equal weights are compared as
 * sets). Checked on every fixture draft, the bench drafts, corpus excerpts and
 * odd texts.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeDraft } from '../../bench/drafts';
import { parse } from '../../server/src/core/parse';
import type { Segmenter } from '../../server/src/core/segment';
import { SegmentCache, segmentDocument } from '../../server/src/core/segment';
import { loadJieba, prepareKeywords } from '../../server/src/node/jieba';
import { partialSort } from '../../server/src/node/keywords';
import { FIXTURES } from './helpers';

type Kw = { word: string; weight: number }[];

function texts(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const f of fs.readdirSync(dir).sort()) {
      const p = path.join(dir, f);
      if (fs.statSync(p).isDirectory()) walk(p);
      else if (/\.(txt|speech|md)$/.test(f)) out.push({ name: path.relative(FIXTURES, p), text: fs.readFileSync(p, 'utf8') });
    }
  };
  walk(FIXTURES);
  for (const n of [10_000, 30_000]) out.push({ name: `bench ${n}`, text: makeDraft(n).text });
  // excerpts of the corpus drafts, cut anywhere (mid-word, mid-sentence)
  const corpus = out.filter((t) => t.name.startsWith('corpus')).map((t) => t.text).join('\n');
  let seed = 11;
  const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296;
  for (let i = 0; i < 300; i++) {
    const a = Math.floor(rnd() * corpus.length);
    out.push({ name: `excerpt ${i}`, text: corpus.slice(a, a + 20 + Math.floor(rnd() * 4000)) });
  }
  out.push(
    { name: 'ascii and digits', text: '讲话\nXX园区2021年收入XX亿元，同比增长x.x%，GDP达到ABC123。\n' },
    { name: 'punctuation runs', text: '标题\n“一”、“二”、（三）……——《四》：五；六！七？\n' },
    { name: 'separators only', text: '讲话\n ，。\t\n' },
    { name: 'one character', text: '讲' },
    { name: 'ties', text: '讲话\n甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥。苹果香蕉橘子葡萄西瓜桃子。\n' },
  );
  return out;
}

/** Weights equal, words equal (as sets among equal weights unless the C++ library is libstdc++). */
function sameKeywords(a: Kw, b: Kw, what: string): void {
  if (process.platform === 'linux') {
    assert.deepEqual(a, b, what);
    return;
  }
  const key = (k: Kw) => k.map((x) => `${x.weight}\u0000${x.word}`).sort();
  assert.deepEqual(key(a), key(b), what);
}

describe('topic keywords from the words already cut', function () {
  this.timeout(120000);
  let seg: Segmenter;
  before(() => {
    const r = loadJieba();
    if (!r.segmenter) throw new Error(`nodejieba is not usable: ${r.status.error}`);
    seg = r.segmenter;
    prepareKeywords();
  });

  it('equal nodejieba extract on fixtures, bench drafts, corpus excerpts and odd texts', () => {
    let compared = 0;
    for (const { name, text } of texts()) {
      const doc = parse(text);
      const kept = new Set(['body', 'heading', 'closing']);
      const paras = doc.paragraphs.filter((p) => kept.has(p.kind)).map((p) => seg.cut(doc.text.slice(p.span.start, p.span.end)));
      const titles = doc.paragraphs.filter((p) => p.kind === 'title').map((p) => seg.cut(doc.text.slice(p.span.start, p.span.end)));
      const body = doc.paragraphs
        .filter((p) => kept.has(p.kind) || p.kind === 'title')
        .map((p) => doc.text.slice(p.span.start, p.span.end))
        .join('\n');
      if (!body || /[\ud800-\udfff]/.test(body)) continue;
      for (const top of [8, 20]) {
        const mine = seg.keywordsOfWords!([...paras, ...titles], top);
        assert.ok(mine, `${name}: emulation declined`);
        sameKeywords(mine, seg.keywords(body, top), `${name} (top ${top})`);
      }
      compared++;
    }
    assert.ok(compared > 300);
  });

  it('segmentDocument takes its topics from the words (and falls back to extract when a word has a surrogate)', () => {
    const plain = { cut: seg.cut, keywords: seg.keywords };
    for (const text of [makeDraft(10_000).text, '讲话\n我们要推进😀发展，推进改革，推进开放。\n推进发展。\n']) {
      const doc = parse(text);
      const a = segmentDocument(doc, seg, new SegmentCache()).topics;
      const b = segmentDocument(doc, plain, new SegmentCache()).topics;
      assert.deepEqual(a, b);
      assert.ok(a.length > 0);
    }
  });

  it('partialSort orders like libstdc++ std::partial_sort (heap select, then sort_heap)', () => {
    // equal keys come out in the order libstdc++ gives them
    const items = [5, 3, 5, 1, 5, 3, 9, 3, 5, 0].map((w, i) => ({ w, i }));
    partialSort(items, 4, (a, b) => a.w > b.w);
    assert.deepEqual(items.slice(0, 4).map((x) => [x.w, x.i]), EXPECTED_LIBSTDCXX);
  });
});

// printed by a g++ 12 (libstdc++) program running std::partial_sort on the same input and comparator
const EXPECTED_LIBSTDCXX: [number, number][] = [[9, 6], [5, 4], [5, 0], [5, 2]];
