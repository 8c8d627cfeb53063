/**
 * Editor support: every occurrence of the phrase under the cursor (hover and
 * document highlights), and the per-paragraph segmentation cache.
 */
import { strict as assert } from 'assert';
import { defaultConfig } from '../../server/src/core/config';
import type { PhraseOccurrences } from '../../server/src/core/occurrences';
import { formatOccurrences, hoverText, phraseOccurrences, reportedClusters } from '../../server/src/core/occurrences';
import { parse } from '../../server/src/core/parse';
import type { Segmenter } from '../../server/src/core/segment';
import { SegmentCache, charSegmenter, segmentDocument } from '../../server/src/core/segment';
import { check, config, realJieba, registry } from './repetition-helpers';

describe('repetition: occurrences for hover and highlights', () => {
  before(function () {
    this.timeout(20000);
    realJieba();
  });

  const text = ['标题', '', '今年以来，我们推进产业转型，成效明显。', '在推进过程中，也暴露出一些问题，', '需要在下一步推进中认真解决。园区建设成效明显，园区面貌焕然一新。'].join('\n');

  it('on a flagged phrase: every occurrence with its line', () => {
    const r = check(text);
    const at = text.indexOf('推进') + 1;
    const po = phraseOccurrences(r.doc, r.seg, at);
    assert.ok(po);
    assert.equal(po.phrase, '推进');
    assert.equal(po.flagged, true);
    assert.deepEqual(po.occurrences.map((o) => o.line), [2, 3, 4]);
    assert.deepEqual(po.occurrences.map((o) => text.slice(o.span.start, o.span.end)), ['推进', '推进', '推进']);
    assert.equal(po.cluster.length, 3);
    assert.equal(po.clusters?.length, 1);
    assert.deepEqual(po.clusters[0].occurrences.map((o) => o.line), [2, 3, 4]);
    assert.equal(po.clusters[0].extent, text.lastIndexOf('推进') + 2 - text.indexOf('推进'));
    assert.equal(formatOccurrences(po), '“推进”在稿中出现 3 次：第 3、4、5 行');
    assert.equal(formatOccurrences(po, 'en'), '"推进" occurs 3 times: lines 3, 4, 5');
  });

  it('the cursor right after the phrase still names it', () => {
    const r = check(text);
    const po = phraseOccurrences(r.doc, r.seg, text.indexOf('推进') + 2);
    assert.equal(po?.phrase, '推进');
  });

  it('on a repeated content word that is not flagged: its occurrences, not flagged', () => {
    const r = check(text);
    const po = phraseOccurrences(r.doc, r.seg, text.indexOf('园区'));
    assert.ok(po);
    assert.equal(po.phrase, '园区');
    assert.equal(po.flagged, false);
    assert.equal(po.occurrences.length, 2);
    assert.deepEqual(po.cluster, []);
  });

  it('nothing on a function word, a word used once, punctuation or outside the text', () => {
    const r = check(text);
    assert.equal(phraseOccurrences(r.doc, r.seg, text.indexOf('我们')), undefined);
    assert.equal(phraseOccurrences(r.doc, r.seg, text.indexOf('转型')), undefined);
    assert.equal(phraseOccurrences(r.doc, r.seg, text.indexOf('，')), undefined);
    assert.equal(phraseOccurrences(r.doc, r.seg, -5), undefined);
    assert.equal(phraseOccurrences(r.doc, r.seg, text.length + 10), undefined);
  });

  it('follows the rule options (an allowed word is not flagged)', () => {
    const r = check(text);
    const po = phraseOccurrences(r.doc, r.seg, text.indexOf('推进'), { settings: { allowWords: ['推进'] } });
    assert.equal(po?.flagged, false);
  });

  it('long lists are shortened in the hover text', () => {
    const po = { phrase: '推进', flagged: true, cluster: [], occurrences: Array.from({ length: 20 }, (_, i) => ({ span: { start: i, end: i + 1 }, line: i })) };
    assert.equal(formatOccurrences(po, 'zh', 3), '“推进”在稿中出现 20 次：第 1、2、3 行等 20 行');
    assert.equal(formatOccurrences(po, 'en', 3), '"推进" occurs 20 times: lines 1, 2, 3 and 17 more lines');
    // ten lines by default
    assert.equal(formatOccurrences(po), '“推进”在稿中出现 20 次：第 1、2、3、4、5、6、7、8、9、10 行等 20 行');
    assert.equal(formatOccurrences({ ...po, occurrences: po.occurrences.slice(0, 11) }, 'en'), '"推进" occurs 11 times: lines 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 1 more line');
  });
});

describe('hover text', () => {
  const occ = (lines: number[]) => lines.map((line, i) => ({ span: { start: i * 10, end: i * 10 + 2 }, line }));
  const po = (lines: number[], clusters: { lines: number[]; extent: number }[] = []): PhraseOccurrences => ({
    phrase: '营商环境',
    flagged: clusters.length > 0,
    occurrences: occ(lines),
    cluster: clusters.flatMap((c) => occ(c.lines)),
    clusters: clusters.map((c) => ({ occurrences: occ(c.lines), extent: c.extent })),
  });

  it('a line with several occurrences is listed once, with its count', () => {
    assert.equal(formatOccurrences(po([2, 4, 4, 8])), '“营商环境”在稿中出现 4 次：第 3、5（2 次）、9 行');
    assert.equal(formatOccurrences(po([2, 4, 4, 8]), 'en'), '"营商环境" occurs 4 times: lines 3, 5 (2×), 9');
  });

  it('all on one line (a paragraph is a line), once, none', () => {
    assert.equal(formatOccurrences(po([6, 6, 6])), '“营商环境”在稿中出现 3 次，都在第 7 行');
    assert.equal(formatOccurrences(po([6, 6, 6]), 'en'), '"营商环境" occurs 3 times, all on line 7');
    assert.equal(formatOccurrences(po([6])), '“营商环境”在稿中出现 1 次，在第 7 行');
    assert.equal(formatOccurrences(po([6]), 'en'), '"营商环境" occurs once on line 7');
    assert.equal(formatOccurrences(po([]), 'en'), '"营商环境" does not occur');
  });

  it('a flagged phrase: the reported clusters after the lines, the rule linked in markdown', () => {
    const p = po([2, 4, 8, 30, 31, 33], [{ lines: [2, 4, 8], extent: 260 }, { lines: [30, 31, 33], extent: 120 }]);
    assert.equal(
      hoverText(p),
      '“营商环境”在稿中出现 6 次：第 3、5、9、31、32、34 行\n\n' +
        '[`repetition/overused-phrase`](https://github.com/speechlint/speechlint#rule-repetition-overused-phrase)：第 3—9 行 260 字内出现 3 次；第 31—34 行 120 字内出现 3 次。可换一种说法或删去一处。',
    );
    assert.equal(
      hoverText(p, 'en', { markdown: false }),
      '"营商环境" occurs 6 times: lines 3, 5, 9, 31, 32, 34\n\n' + 'repetition/overused-phrase: 3 times within 260 characters (lines 3–9); 3 times within 120 characters (lines 31–34). Vary the wording or drop one.',
    );
    // at most maxClusters clusters
    assert.match(hoverText(p, 'zh', { maxClusters: 1 }), /第 3—9 行 260 字内出现 3 次等 2 处。/);
    assert.match(hoverText(p, 'en', { maxClusters: 1 }), /\(lines 3–9\); 1 more\. /);
  });

  it('not flagged: the lines only; markdown characters in a phrase are escaped', () => {
    assert.equal(hoverText(po([1, 3])), '“营商环境”在稿中出现 2 次：第 2、4 行');
    assert.equal(hoverText({ ...po([1, 3]), phrase: 'a*b_[c]' }), '“a\\*b\\_\\[c\\]”在稿中出现 2 次：第 2、4 行');
    assert.equal(hoverText({ ...po([1, 3]), phrase: 'a*b' }, 'zh', { markdown: false }), '“a*b”在稿中出现 2 次：第 2、4 行');
  });
});

describe('reportedClusters: what the linter reports under a config', () => {
  before(function () {
    this.timeout(20000);
    realJieba();
  });
  const text = ['标题', '', '今年以来，我们推进产业转型，成效明显。', '在推进过程中，也暴露出一些问题，', '需要在下一步推进中认真解决。'].join('\n');

  it('the rule on: its clusters; off (as shipped: it is opt-in): none; allowed word: none', () => {
    const r = check(text);
    assert.deepEqual(reportedClusters(r.doc, r.seg, registry, config()).map((c) => c.phrase), ['推进']);
    assert.deepEqual(reportedClusters(r.doc, r.seg, registry, defaultConfig(registry)), []);
    assert.deepEqual(reportedClusters(r.doc, r.seg, registry, config({ rules: { 'repetition/overused-phrase': 'off' } })), []);
    assert.deepEqual(reportedClusters(r.doc, r.seg, registry, config({ allow: ['推进'] })), []);
    assert.deepEqual(reportedClusters(r.doc, r.seg, registry, config({ rules: { 'repetition/overused-phrase': ['warning', { minCount: 4 }] } })), []);
  });

  it('a cluster whose reported occurrence is inside a disable directive is not reported', () => {
    // the finding sits on the close pair's later occurrence, 在推进过程中 (a comment after it leaves that pair the nearest)
    const disabled = text.replace('也暴露出一些问题，', '也暴露出一些问题，<!-- speechlint-disable-line repetition/overused-phrase -->');
    const r = check(disabled);
    assert.equal(r.texts('repetition/overused-phrase').length, 0, 'the linter reports nothing');
    assert.deepEqual(reportedClusters(r.doc, r.seg, registry, config()), []);
    // so the phrase is not flagged for hover: it is a repeated word, highlighted only
    const po = phraseOccurrences(r.doc, r.seg, disabled.indexOf('推进'), { clusters: [] });
    assert.equal(po?.flagged, false);
  });
});

describe('segmentation cache: typing in one paragraph re-segments only that paragraph', () => {
  function counting(): Segmenter & { calls: string[] } {
    const calls: string[] = [];
    return {
      calls,
      cut(t: string) {
        calls.push(t);
        return charSegmenter.cut(t);
      },
      keywords: () => [],
    };
  }

  it('a change in one paragraph costs one cut', () => {
    const paras = ['第一段：我们推进产业转型。', '第二段：园区建设成效明显。', '第三段：需要认真解决问题。', '第四段：同志们，加油干！'];
    const seg = counting();
    const cache = new SegmentCache();
    const first = segmentDocument(parse(paras.join('\n')), seg, cache);
    assert.equal(seg.calls.length, 4);
    // the same draft again: all from the cache
    segmentDocument(parse(paras.join('\n')), seg, cache);
    assert.equal(seg.calls.length, 4);
    // one paragraph edited: exactly one more cut, of that paragraph
    const edited = [...paras];
    edited[2] = '第三段：需要认真解决这些问题。';
    const second = segmentDocument(parse(edited.join('\n')), seg, cache);
    assert.equal(seg.calls.length, 5);
    assert.equal(seg.calls[4], edited[2]);
    // tokens are remapped to the new offsets
    assert.equal(second.tokens.length, first.tokens.length + 2);
    const last = second.paragraphs[3].tokens[0];
    assert.equal(edited.join('\n').slice(last.start, last.end), '第');
  });
});
