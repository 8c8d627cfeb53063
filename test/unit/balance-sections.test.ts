import { strict as assert } from 'assert';
import { parse } from '../../server/src/core/parse';
import { median, sectionStats, siblingGroups, speakingSeconds } from '../../server/src/core/sections';
import { CORPUS, fixture } from './helpers';

describe('sections: sizes shared by the balance rules and the outline', () => {
  it('median: middle value, mean of the two middle values for an even count, 0 for none', () => {
    assert.equal(median([]), 0);
    assert.equal(median([5]), 5);
    assert.equal(median([763, 1621, 211]), 763);
    assert.equal(median([400, 1500, 420, 380]), 410);
    assert.equal(median([3, 1]), 2);
  });

  it('speakingSeconds: characters at a rate per minute', () => {
    assert.equal(speakingSeconds(220, 220), 60);
    assert.equal(speakingSeconds(330, 220), 90);
    assert.equal(speakingSeconds(100, 0), 0);
    assert.equal(speakingSeconds(100, Number.NaN), 0);
  });

  it('siblingGroups: one group per parent and heading style, every section in exactly one', () => {
    const doc = parse(fixture(CORPUS.c002));
    const groups = siblingGroups(doc);
    const titles = groups.map((g) => g.map((s) => s.heading.title.slice(0, 6)));
    // the five unnumbered 必须坚持… headings and the "01" section share the root but not the style
    assert.deepEqual(titles, [
      ['必须坚持党的', '必须坚持创新', '必须坚持人民', '必须坚持改革', '必须坚持从严'],
      ['准确把握新发'],
      ['发展形势深刻', '高质量发展主', '高新区发展跨'],
    ]);
    const all = groups.flat();
    assert.equal(all.length, doc.allSections.length);
    assert.equal(new Set(all).size, doc.allSections.length);
  });

  it('sectionStats on corpus 004: chars, sibling median, ratio, share, seconds', () => {
    const doc = parse(fixture(CORPUS.c004));
    const stats = sectionStats(doc, 220);
    assert.equal(stats.length, doc.allSections.length);
    const top = stats.filter((s) => s.section.depth === 1);
    assert.deepEqual(
      top.map((s) => s.chars),
      doc.sections.map((s) => s.bodyChars),
    );
    const san = top[2];
    assert.equal(san.section.heading.marker?.numberText, '三');
    assert.equal(san.comparable, 3);
    assert.equal(san.siblingMedian, top[0].chars); // 一 is the middle of 一/二/三
    assert.ok(san.ratio < 1 / 3);
    assert.equal(Math.round(san.seconds), Math.round((san.chars * 60) / 220));
    assert.ok(san.share > 0 && san.share < 0.1);
    // sub-sections: share of their parent 二
    const subs = stats.filter((s) => s.section.parent === doc.sections[1]);
    assert.equal(subs.length, 7);
    const sum = subs.reduce((n, s) => n + s.share, 0);
    assert.ok(sum > 0.7 && sum <= 1, `shares of （一）…（七） sum to ${sum}`);
    for (const s of subs) assert.ok(s.ratio > 0.5 && s.ratio < 2);
  });

  it('empty sections take no part in the median', () => {
    const text = ['在全县会议上的讲话', '同志们：', '下面讲三点意见。', '一、总体要求', '要坚持稳中求进工作总基调，统筹发展和安全，推动经济实现质的有效提升和量的合理增长。', '二、重点任务', '三、保障措施', '同志们，让我们共同努力！'].join('\n');
    const doc = parse(text);
    const stats = sectionStats(doc, 220);
    assert.deepEqual(stats.map((s) => s.chars > 0), [true, false, false]);
    for (const s of stats) {
      assert.equal(s.comparable, 1);
      assert.equal(s.siblingMedian, stats[0].chars);
    }
    assert.equal(stats[1].ratio, 0);
  });

  it('a document without headings has no stats', () => {
    assert.deepEqual(sectionStats(parse('同志们，今天的会开得很好。'), 220), []);
    assert.deepEqual(sectionStats(parse(''), 220), []);
  });
});
