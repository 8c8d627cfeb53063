/** The series and announcements passes on their own. */
import * as assert from 'node:assert/strict';
import { runUpTo, textOf } from './parse-helpers';

describe('parse passes: series, announcements', () => {
  it('series: 一是……二是……, 首先……其次……最后，, and not the idiom 一是一，二是二', () => {
    const st = runUpTo('标题\n同志们：\n一是抓项目，二是抓招商。首先要学习，其次要落实，最后，要总结。一是一，二是二。\n', 'series');
    assert.deepEqual(st.series.map((s) => s.items.map((i) => `${i.kind}${i.value}:${i.text}`)), [
      ['shi1:一是', 'shi2:二是'],
      ['order1:首先', 'order2:其次', 'order3:最后'],
    ]);
    assert.equal(st.series[0].items[0].punct, '');
  });

  it('series: a lone 一要 is prose, and a new section starts new series', () => {
    const st = runUpTo('标题\n同志们：\n一、甲\n一是抓项目。\n二、乙\n二是抓招商。一要认真。\n', 'series');
    assert.deepEqual(st.series.map((s) => s.items.map((i) => i.text)), [['二是']]);
  });

  it('announcements: the count and noun, ordinals and 十四五 left out', () => {
    const st = runUpTo('标题\n同志们：\n下面，我讲三点意见。第三点意见，十四五规划。\n', 'announcements');
    assert.deepEqual(st.announcements.map((a) => [a.text, a.count, a.noun]), [['讲三点意见', 3, '点意见']]);
  });

  it('announcements: the target is a list before, a series after, a list after a colon, or the sections', () => {
    const st = runUpTo(
      '标题\n同志们：\n全市，生物医药、高端制造、新材料三大产业。做好两项工作：一是甲，二是乙。落实三项要求：安全；质量；进度。下面讲两点意见。\n一、甲\n二、乙\n',
      'announcements',
    );
    const t = st.announcements.map((a) => [a.text, a.target?.kind, a.target?.items.map((s) => textOf(st, s).replace(/\n.*/s, ''))]);
    assert.deepEqual(t, [
      ['三大产业', 'list', ['生物医药', '高端制造', '新材料']],
      ['两项工作', 'series', ['一是', '二是']],
      ['三项要求', 'list', ['安全', '质量', '进度']],
      ['讲两点意见', 'sections', ['一、甲', '二、乙']],
    ]);
  });
});
