/**
 * Robustness of the repetition rules: empty and odd input, surrogate pairs,
 * a 1 MB line, one character repeated 10,000 times. Every span inside the
 * text and never inside a surrogate pair; bounded output.
 */
import { strict as assert } from 'assert';
import { phraseOccurrences } from '../../server/src/core/occurrences';
import type { Finding } from '../../server/src/core/rule';
import { charSegmenter } from '../../server/src/core/segment';
import { check, realJieba } from './repetition-helpers';

function spansOk(text: string, findings: Finding[]): void {
  const inside = (s: { start: number; end: number }) => {
    assert.ok(s.start >= 0 && s.end <= text.length && s.start <= s.end, `span ${s.start}-${s.end} of ${text.length}`);
    for (const o of [s.start, s.end]) {
      if (o > 0 && o < text.length) {
        const hi = text.charCodeAt(o - 1);
        const lo = text.charCodeAt(o);
        assert.ok(!(hi >= 0xd800 && hi <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff), `offset ${o} splits a surrogate pair`);
      }
    }
  };
  for (const f of findings) {
    inside(f.span);
    for (const r of f.related) inside(r.span);
    for (const x of f.fixes) for (const e of x.edits) inside(e);
  }
}

describe('repetition: robustness', () => {
  before(function () {
    this.timeout(20000);
    realJieba();
  });

  const odd: [string, string][] = [
    ['empty', ''],
    ['only spaces and breaks', '  \n\r\n\t\u3000\n'],
    ['BOM and CRLF', '\ufeff标题\r\n\r\n我们我们要努力。\r\n今年的重点工作要抓紧落实到位。\r\n今年的重点工作要抓紧落实到位。\r\n'],
    ['NUL characters', '我们\u0000我们要努力。\u0000\u0000的的'],
    ['emoji and surrogate pairs', '😀😀我们我们😀的的😀𠀀𠀀推进😀推进😀推进。'.repeat(20)],
    ['lone surrogates', '\ud800的的\udc00我们我们\ud800'],
    ['punctuation only', '，。；！？、“”《》（）'.repeat(100)],
  ];

  for (const [name, text] of odd) {
    it(`${name}: no crash, spans inside the text`, () => {
      for (const segmenter of [realJieba(), charSegmenter]) {
        const r = check(text, { segmenter });
        spansOk(text, r.findings);
        for (let o = 0; o <= text.length; o += 7) phraseOccurrences(r.doc, r.seg, o);
      }
    });
  }

  it('a paragraph of one character repeated 10,000 times: one finding', () => {
    const text = '的'.repeat(10000);
    const r = check(text);
    assert.deepEqual(r.findings.map((f) => f.ruleId), ['repetition/stutter']);
    assert.match(r.findings[0].message.zh, /连写了 10000 遍/);
    spansOk(text, r.findings);
  });

  it('a content word repeated 5,000 times: one stutter run, no flood of related information', () => {
    const text = '发展'.repeat(5000);
    const r = check(text);
    assert.deepEqual(r.findings.map((f) => f.ruleId), ['repetition/stutter']);
    assert.equal(r.findings[0].fixes[0].edits[0].end, text.length);
  });

  it('a word over-used thousands of times: related information is capped', () => {
    const text = '我们推进产业转型，成效明显，在推进过程中。'.repeat(2000);
    const r = check(text, { only: ['repetition/overused-phrase'] });
    for (const f of r.findings) assert.ok(f.related.length <= 50);
    spansOk(text, r.findings);
  });

  it('a 1 MB single line', function () {
    this.timeout(60000);
    const text = '我们要推进改革发展，切实加强党的建设，的的确确取得了成效，'.repeat(34500).slice(0, 1_000_000);
    const r = check(text);
    spansOk(text, r.findings);
    // 切实 far above the density: one cluster, one finding, capped related information
    const filler = r.findings.filter((f) => f.ruleId === 'repetition/filler');
    assert.equal(filler.length, 1);
    assert.ok(filler[0].related.length <= 50);
    // the line is one paragraph: no sentences repeat (no sentence end), no stutter
    assert.equal(r.findings.filter((f) => f.ruleId === 'repetition/stutter').length, 0);
  });
});
