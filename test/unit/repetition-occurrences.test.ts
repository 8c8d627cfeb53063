/**
 * Editor support: every occurrence of the phrase under the cursor (hover and
 * document highlights), and the per-paragraph segmentation cache.
 */
import { strict as assert } from 'assert';
import { formatOccurrences, phraseOccurrences } from '../../server/src/core/occurrences';
import { parse } from '../../server/src/core/parse';
import type { Segmenter } from '../../server/src/core/segment';
import { SegmentCache, charSegmenter, segmentDocument } from '../../server/src/core/segment';
import { check, realJieba } from './repetition-helpers';

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
    assert.equal(formatOccurrences(po), '“推进”出现 3 次：第 3 行、第 4 行、第 5 行');
    assert.equal(formatOccurrences(po, 'en'), '"推进" occurs 3 times: line 3, line 4, line 5');
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
    assert.equal(formatOccurrences(po, 'zh', 3), '“推进”出现 20 次：第 1 行、第 2 行、第 3 行……');
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
