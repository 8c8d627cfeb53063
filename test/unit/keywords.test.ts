/**
 * Topic keywords computed by node/keywords.ts from the words already cut
 * (the dictionary cut, the HMM re-cutting only runs of single characters)
 * equal jieba's TF-IDF over the whole text's cut with the HMM, for the
 * native and the WebAssembly segmenter alike: same words, same weights, same
 * order. Checked on every fixture draft, the bench drafts, corpus excerpts
 * and odd texts (emoji, CJK beyond the BMP, full-width forms, a lone
 * surrogate). And they stay as good as nodejieba's: the top 8 of every
 * corpus draft overlap nodejieba's (recorded in
 * test/fixtures/keywords/nodejieba-topics.json before it was replaced) by
 * at least 90%.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeDraft } from '../../bench/drafts';
import { parse } from '../../server/src/core/parse';
import { SegmentCache, segmentDocument } from '../../server/src/core/segment';
import { keywordTable, loadEngine, segmenterOf } from '../../server/src/node/jieba';
import { TfIdf, partialSort } from '../../server/src/node/keywords';
import { STOP_WORDS } from '../../server/src/node/stop-words';
import { FIXTURES } from './helpers';


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

describe('topic keywords from the words already cut', function () {
  this.timeout(120000);

  for (const kind of ['native', 'wasm'] as const) {
    it(`${kind}: equal the TF-IDF of the whole text's HMM cut, on fixtures, bench drafts, corpus excerpts and odd texts`, () => {
      const engine = loadEngine(kind);
      const seg = segmenterOf(engine);
      const table = keywordTable()!;
      assert.ok(table && seg.keywordsOfWords, 'the idf table is in use');
      const kept = new Set(['body', 'heading', 'closing']);
      let cases = 0;
      for (const { name, text } of texts()) {
        const doc = parse(text);
        const slice = (p: { span: { start: number; end: number } }) => doc.text.slice(p.span.start, p.span.end);
        const body = doc.paragraphs.filter((p) => kept.has(p.kind) || p.kind === 'title').map(slice).join('\n');
        if (body === '') continue;
        cases++;
        const words = [...doc.paragraphs.filter((p) => kept.has(p.kind)), ...doc.paragraphs.filter((p) => p.kind === 'title')].map((p) => seg.cut(slice(p)));
        for (const top of [8, 20]) {
          const expected = table.keywordsOfCut(engine.cut(body, true), top);
          // from the text (as segmentDocument does when a paragraph fell back to characters) …
          assert.deepEqual(seg.keywords(body, top), expected, `${name} (text, top ${top})`);
          // … and from words already cut, when they spell the text (a lone surrogate does not survive jieba's UTF-8)
          if (!/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(body)) {
            const mine = seg.keywordsOfWords!(words, top);
            assert.ok(mine, `${name}: declined`);
            assert.deepEqual(mine, expected, `${name} (words, top ${top})`);
          }
        }
      }
      assert.ok(cases > 300);
    });
  }

  it('the native and the WebAssembly segmenter find the same topics in every draft', () => {
    const [a, b] = [segmenterOf(loadEngine('native')), segmenterOf(loadEngine('wasm'))];
    for (const { name, text } of texts()) {
      const doc = parse(text);
      assert.deepEqual(segmentDocument(doc, b, new SegmentCache()).topics, segmentDocument(doc, a, new SegmentCache()).topics, name);
    }
  });

  it('the top 8 of the corpus drafts overlap nodejieba’s by at least 90%', () => {
    const before = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'keywords', 'nodejieba-topics.json'), 'utf8')) as Record<string, string[]>;
    const seg = segmenterOf(loadEngine('native'));
    let total = 0;
    let shared = 0;
    for (const [name, old] of Object.entries(before)) {
      const topics = segmentDocument(parse(fs.readFileSync(path.join(FIXTURES, name), 'utf8')), seg, new SegmentCache()).topics;
      assert.equal(topics.length, 8, name);
      total += old.length;
      shared += old.filter((w) => topics.includes(w)).length;
    }
    assert.equal(Object.keys(before).length, 33);
    assert.ok(shared / total >= 0.9, `${shared} of ${total}`);
  });

  it('segmentDocument takes its topics from the words, or from the text when a paragraph fell back to characters', () => {
    const engine = loadEngine('native');
    const seg = segmenterOf(engine);
    const drafts = [makeDraft(10_000).text, '讲话\n我们要推进😀发展，推进改革，推进开放。\n推进发展。\n', '讲话\n推进\ud800发展，推进发展改革。\n推进发展。\n'];
    const kept = new Set(['body', 'heading', 'closing']);
    for (const text of drafts) {
      const doc = parse(text);
      const body = doc.paragraphs
        .filter((p) => kept.has(p.kind) || p.kind === 'title')
        .map((p) => doc.text.slice(p.span.start, p.span.end))
        .join('\n');
      const topics = segmentDocument(doc, seg, new SegmentCache()).topics;
      assert.deepEqual(topics, keywordTable()!.keywordsOfCut(engine.cut(body, true), 8).map((k) => k.word));
      assert.ok(topics.length > 0);
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

describe('the prepared idf table (dist/idf.bin)', () => {
  it('round-trips: the same idf for every word, the same keywords; refused under another tag or truncated', () => {
    const table = keywordTable()!;
    const buf = table.toBuffer('test tag');
    const back = TfIdf.fromBuffer(buf, 'test tag', STOP_WORDS)!;
    assert.ok(back);
    const words = fs
      .readFileSync(path.join(path.dirname(require.resolve('@node-rs/jieba/package.json')), 'idf.txt'), 'utf8')
      .split('\n')
      .map((l) => l.split(' ')[0])
      .filter(Boolean);
    assert.ok(words.length > 250000);
    for (const w of words) assert.equal(back.idf(w), table.idf(w), w);
    assert.equal(back.idf('不存在的词语'), undefined);
    const seg = segmenterOf(loadEngine('native'));
    const doc = parse(makeDraft(10_000).text);
    const cut = loadEngine('native').cut(doc.text, true);
    assert.deepEqual(back.keywordsOfCut(cut, 20), table.keywordsOfCut(cut, 20));
    assert.ok(segmentDocument(doc, seg, new SegmentCache()).topics.length === 8);
    assert.equal(TfIdf.fromBuffer(buf, 'another tag', STOP_WORDS), undefined);
    assert.equal(TfIdf.fromBuffer(buf.subarray(0, buf.length - 1), 'test tag', STOP_WORDS), undefined);
    assert.equal(TfIdf.fromBuffer(Buffer.from('garbage'), 'test tag', STOP_WORDS), undefined);
    // at an odd offset (typed arrays need aligned memory: copied)
    const odd = Buffer.alloc(buf.length + 1);
    buf.copy(odd, 1);
    assert.equal(TfIdf.fromBuffer(odd.subarray(1), 'test tag', STOP_WORDS)?.idf('发展'), table.idf('发展'));
  });
});
