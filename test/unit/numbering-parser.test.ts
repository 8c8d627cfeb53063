/**
 * The parser changes the numbering rules rely on (parse.ts): 第一部分 above
 * 一、; ordinal lists and idioms are not series; 再次 without punctuation is
 * "again"; announcements link to the series right after them, and to the
 * sections that follow only when they introduce them.
 */
import { strict as assert } from 'assert';
import { parse } from '../../server/src/core/parse';
import { at } from './helpers';

const S = '同志们：\n';

describe('parser details for numbering', () => {
  it('第一部分 stands above 一、: 一、 restarts inside each part', () => {
    const doc = parse(S + '第一部分\n回顾\n一、甲\n正文。\n二、乙\n正文。\n第二部分\n任务\n一、丙\n正文。');
    assert.deepEqual(doc.sections.map((s) => [s.heading.style, s.children.map((c) => c.heading.title)]), [
      ['cn-part', ['甲', '乙']],
      ['cn-part', ['丙']],
    ]);
  });

  it('ordinal lists (第一、第二产业, 第一、二季度) and the idiom 一是一，二是二 are not series', () => {
    for (const t of ['推动第一、第二、第三产业融合发展。', '。第一、二季度经济平稳。', '我们要一是一，二是二。', '，第二、三产业增长较快。', '做到两要两不要。']) {
      assert.deepEqual(parse(S + t).series, [], t);
    }
  });

  it('第一、 followed by text is a series item with its 、 (the punctuation rule flags it)', () => {
    const doc = parse(S + '第一、要抓项目；第二、要抓招商。');
    assert.deepEqual(doc.series[0].items.map((i) => i.text + i.punct), ['第一、', '第二、']);
  });

  it('首先、 is an order item; 再次 without punctuation after 首先 is "again"', () => {
    assert.deepEqual(parse(S + '首先、要抓项目。其次，要抓招商。').series[0].items.map((i) => i.text + i.punct), ['首先、', '其次，']);
    assert.deepEqual(parse(S + '首先，要抓项目。再次要求大家注意安全。').series, []);
    // after 其次 it continues the list
    assert.deepEqual(parse(S + '首先要抓项目，其次要抓招商，再次要抓服务。').series[0].items.map((i) => i.text), ['首先', '其次', '再次']);
  });

  it('an announcement links to the series right after it, before any 、 inside the items', () => {
    const text = S + '重点抓好三个方面：一是抓项目、抓投资，二是抓招商，三是抓服务。';
    const a = parse(text).announcements[0];
    assert.equal(a.target!.kind, 'series');
    assert.deepEqual(a.target!.items.map((s) => at(text, s)), ['一是', '二是', '三是']);
  });

  it('a series far from the announcement is not its target', () => {
    const doc = parse(S + '今年我们完成了三项工作，明年还有很多事情要做好：一是抓项目，二是抓招商。');
    assert.equal(doc.announcements[0].target, undefined);
  });

  it('sections are a target only when the announcement introduces them', () => {
    const intro = parse(S + '下面，我讲三点意见。\n一、甲\n正文。\n二、乙\n正文。\n三、丙\n正文。').announcements[0];
    assert.equal(intro.target!.kind, 'sections');
    const early = parse(S + '我们提出了五个方面的要求。会议很重要。大家要认真。\n一、甲\n正文。\n二、乙\n正文。').announcements[0];
    assert.equal(early.target, undefined);
    const between = parse(S + '下面，我讲三点意见。\n先说一个背景。\n一、甲\n正文。\n二、乙\n正文。').announcements[0];
    assert.equal(between.target, undefined);
  });
});
