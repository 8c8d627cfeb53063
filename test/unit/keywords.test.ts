/**
 * Topic keywords computed by node/keywords.ts (from words already cut, with
 * its own idf table; the process's nodejieba is loaded without its idf file)
 * equal what nodejieba's own `extract` gives on the whole text — computed in
 * a separate process that loads nodejieba the ordinary way: same words, same
 * weights, same order (ties as libstdc++'s partial_sort orders them; on other
 * platforms nodejieba's tie order may differ, so there equal weights are
 * compared as sets). Checked on every fixture draft, the bench drafts, corpus
 * excerpts and odd texts (emoji, CJK beyond the BMP, full-width forms, a lone
 * surrogate).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeDraft } from '../../bench/drafts';
import { parse } from '../../server/src/core/parse';
import type { Segmenter } from '../../server/src/core/segment';
import { SegmentCache, segmentDocument } from '../../server/src/core/segment';
import { loadJieba } from '../../server/src/node/jieba';
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
    { name: 'emoji and astral CJK', text: '讲话\n我们要推进😀发展😀，𠀀𠀁𠀂改革，推进开放。😀😀推进𠀀𠀁𠀂发展。\n' },
    { name: 'full-width forms', text: '讲话\nＡＢＣ公司、ＸＸ园区，ＡＢＣ公司投资ＸＸ亿元。ｘｙｚ＆ｘｙｚ。😀ＡＢ😀\n' },
    { name: 'lone surrogate', text: '讲话\n推进\ud800发展，推进发展\udc00改革。\n' },
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

/** nodejieba's own extract of each text, from a process that loads it the ordinary way (real idf file). */
function extractElsewhere(bodies: string[], tops: number[]): Kw[][] {
  const script = `
    const j = require(${JSON.stringify(require.resolve('nodejieba'))});
    j.load();
    let input = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (d) => (input += d));
    process.stdin.on('end', () => {
      const { bodies, tops } = JSON.parse(input);
      process.stdout.write(JSON.stringify(bodies.map((b) => tops.map((t) => j.extract(b, t)))));
    });`;
  const r = spawnSync(process.execPath, ['-e', script], { input: JSON.stringify({ bodies, tops }), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`extract process failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as Kw[][];
}

describe('topic keywords from the words already cut', function () {
  this.timeout(120000);
  let seg: Segmenter;
  before(() => {
    const r = loadJieba();
    if (!r.segmenter) throw new Error(`nodejieba is not usable: ${r.status.error}`);
    seg = r.segmenter;
    assert.ok(seg.keywordsOfWords, 'the idf table is in use');
  });

  it('equal nodejieba extract on fixtures, bench drafts, corpus excerpts and odd texts', () => {
    const kept = new Set(['body', 'heading', 'closing']);
    const cases = texts()
      .map(({ name, text }) => {
        const doc = parse(text);
        const slice = (p: { span: { start: number; end: number } }) => doc.text.slice(p.span.start, p.span.end);
        const body = doc.paragraphs.filter((p) => kept.has(p.kind) || p.kind === 'title').map(slice).join('\n');
        const words = [...doc.paragraphs.filter((p) => kept.has(p.kind)), ...doc.paragraphs.filter((p) => p.kind === 'title')].map((p) => seg.cut(slice(p)));
        return { name, body, words };
      })
      .filter((c) => c.body !== '');
    const tops = [8, 20];
    const expected = extractElsewhere(
      cases.map((c) => c.body),
      tops,
    );
    cases.forEach((c, i) => {
      tops.forEach((top, k) => {
        // from the text (as segmentDocument does when a paragraph fell back to characters) …
        sameKeywords(seg.keywords(c.body, top), expected[i][k], `${c.name} (text, top ${top})`);
        // … and from words already cut, when they spell the text (a lone surrogate does not survive jieba's UTF-8)
        if (!/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(c.body)) {
          const mine = seg.keywordsOfWords!(c.words, top);
          assert.ok(mine, `${c.name}: declined`);
          sameKeywords(mine, expected[i][k], `${c.name} (words, top ${top})`);
        }
      });
    });
    assert.ok(cases.length > 300);
  });

  it('segmentDocument takes its topics from the words, or from the text when a paragraph fell back to characters', () => {
    const drafts = [makeDraft(10_000).text, '讲话\n我们要推进😀发展，推进改革，推进开放。\n推进发展。\n', '讲话\n推进\ud800发展，推进发展改革。\n推进发展。\n'];
    const kept = new Set(['body', 'heading', 'closing']);
    const docs = drafts.map((t) => parse(t));
    const bodies = docs.map((doc) =>
      doc.paragraphs
        .filter((p) => kept.has(p.kind) || p.kind === 'title')
        .map((p) => doc.text.slice(p.span.start, p.span.end))
        .join('\n'),
    );
    const expected = extractElsewhere(bodies, [8]);
    docs.forEach((doc, i) => {
      const topics = segmentDocument(doc, seg, new SegmentCache()).topics;
      assert.deepEqual(topics, expected[i][0].map((k) => k.word));
      assert.ok(topics.length > 0);
    });
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
