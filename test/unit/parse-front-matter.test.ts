/** The front-matter pass on its own: title, date, subtitle, salutation, and what comes before the title. */
import * as assert from 'node:assert/strict';
import { blocksOf, runUpTo } from './parse-helpers';

describe('parse pass: front matter', () => {
  it('title, date, subtitle and salutation; text after 同志们： is the first body line', () => {
    const st = runUpTo('在全市工作会议上的讲话\n——张三\n（2024年3月1日）\n同志们：今天开会。\n一、总体情况\n', 'front-matter');
    assert.deepEqual(blocksOf(st), ['title:在全市工作会议上的讲话', 'subtitle:——张三', 'date:（2024年3月1日）', 'salutation:同志们：', 'body:今天开会。']);
    assert.equal(st.bodyFrom, 4);
  });

  it('lines before the title and the title pasted twice are residue', () => {
    const st = runUpTo('首页 > 讲话稿\n在全市工作会议上的讲话\n同志们：\n正文。\n', 'front-matter');
    assert.deepEqual([...st.residueLines], [0]);
    assert.deepEqual(blocksOf(st), ['title:在全市工作会议上的讲话', 'salutation:同志们：']);
    const twice = runUpTo('在全市工作会议上的讲话\n在全市工作会议上的讲话\n正文。\n', 'front-matter');
    assert.deepEqual([...twice.residueLines], [1]);
    assert.deepEqual(blocksOf(twice), ['title:在全市工作会议上的讲话']);
  });

  it('without a salutation: a short unpunctuated first line is the title, a punctuated one is not', () => {
    assert.deepEqual(blocksOf(runUpTo('关于安全生产的讲话\n正文。\n', 'front-matter')), ['title:关于安全生产的讲话']);
    assert.deepEqual(blocksOf(runUpTo('今天我们开会。\n正文。\n', 'front-matter')), []);
  });

  it('a numbered heading before any salutation: the 同志们： after it is no salutation', () => {
    const st = runUpTo('讲话\n一、总体情况\n同志们：\n', 'front-matter');
    assert.deepEqual(blocksOf(st), ['title:讲话']);
  });
});
