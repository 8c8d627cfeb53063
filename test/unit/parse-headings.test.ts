/** The headings pass (with body-lines.ts) on its own: every form of heading. */
import * as assert from 'node:assert/strict';
import { runUpTo } from './parse-helpers';

function headings(text: string): string[] {
  const st = runUpTo(text, 'headings');
  return [...st.blocks]
    .sort((a, b) => a.start - b.start)
    .map((b) => (b.heading ? `${b.heading.style}/${b.heading.level}:${b.heading.title}` : `${b.kind}:${st.text.slice(b.start, b.end)}`));
}

describe('parse pass: headings', () => {
  it('the four numbered levels, the heading of an inline one ending at its first sentence end', () => {
    assert.deepEqual(headings('标题\n同志们：\n一、总体情况\n（一）主要成绩。今年以来……\n1.稳增长\n（1）抓项目\n'), [
      'title:标题',
      'salutation:同志们：',
      'cn-dun/1:总体情况',
      'cn-paren/2:主要成绩',
      'num-dot/3:稳增长',
      'num-paren/4:抓项目',
    ]);
  });

  it('01 and 第一部分 on a line of their own take the next line as their title; 第二部分 inline', () => {
    assert.deepEqual(headings('标题\n同志们：\n01\n抓好项目建设\n正文。\n第一部分\n总体要求\n第二部分：重点任务\n'), [
      'title:标题',
      'salutation:同志们：',
      'num-alone/1:抓好项目建设',
      'body:正文。',
      'cn-part/1:总体要求',
      'cn-part/1:重点任务',
    ]);
  });

  it('Markdown headings: the level from the #s, or the numbered marker inside', () => {
    assert.deepEqual(headings('标题\n同志们：\n## 工作回顾\n# 一、总体情况\n'), ['title:标题', 'salutation:同志们：', 'markdown/2:工作回顾', 'cn-dun/1:总体情况']);
  });

  it('a 一、 heading run into a body line after a sentence end starts a heading paragraph; an enumeration does not', () => {
    // a "heading" of more than 40 characters is a sentence of prose
    const LONG = '主要任务是：一、' + '全面推进乡村振兴和城乡融合发展'.repeat(3) + '。';
    assert.deepEqual(headings(`标题\n同志们：\n我讲几点意见。一、提振激情。春节前我们开会。二、狠抓落实！\n${LONG}\n`), [
      'title:标题',
      'salutation:同志们：',
      'body:我讲几点意见。',
      'cn-dun/1:提振激情',
      'cn-dun/1:狠抓落实',
      `body:${LONG}`,
    ]);
  });

  it('unnumbered sub-headings only when there are two or more', () => {
    const prose = '我们要坚定信心，攻坚克难，推动各项工作取得新成效。';
    assert.deepEqual(headings(`标题\n同志们：\n开场。\n坚持稳中求进\n${prose}\n狠抓工作落实\n${prose}\n`).filter((h) => h.startsWith('unnumbered')), [
      'unnumbered/0:坚持稳中求进',
      'unnumbered/0:狠抓工作落实',
    ]);
    assert.deepEqual(headings(`标题\n同志们：\n开场。\n坚持稳中求进\n${prose}\n`).filter((h) => h.startsWith('unnumbered')), []);
  });
});
