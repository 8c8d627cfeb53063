/** The closing, paragraphs and sections passes on their own. */
import * as assert from 'node:assert/strict';
import { runUpTo, textOf } from './parse-helpers';

describe('parse passes: closing, paragraphs, sections', () => {
  it('closing: the last 同志们， body line after the last heading, not one before it', () => {
    const st = runUpTo('标题\n同志们：\n同志们，先说一句。\n一、工作\n正文。\n同志们，让我们共同努力！\n', 'closing');
    assert.deepEqual(st.blocks.filter((b) => b.kind === 'closing').map((b) => textOf(st, b)), ['同志们，让我们共同努力！']);
    const none = runUpTo('标题\n同志们：\n同志们，让我们共同努力！\n一、工作\n正文。\n', 'closing');
    assert.equal(none.blocks.filter((b) => b.kind === 'closing').length, 0);
  });

  it('paragraphs: document order, residue and comment paragraphs, heading body spans, sentences not cut inside quotes', () => {
    const st = runUpTo('标题\n同志们：\n<!-- speechlint-disable -->\n一、抓落实。他说：“好。走吧！”我们同意。\n免责声明：转载\n', 'paragraphs');
    assert.deepEqual(st.paragraphs.map((p) => p.kind), ['title', 'salutation', 'comment', 'heading', 'residue']);
    const h = st.paragraphs[3];
    assert.equal(textOf(st, h.bodySpan), '他说：“好。走吧！”我们同意。');
    assert.deepEqual(h.sentences.map((s) => textOf(st, s.span)), ['他说：“好。走吧！”我们同意。']);
    assert.equal(st.headings[0].paragraph, 3);
    assert.equal(st.headings[0].inline, true);
    assert.deepEqual(st.residue.map((s) => textOf(st, s)), ['免责声明：转载']);
    // Han characters of the title, the salutation and the heading paragraph; none of the comment or the residue
    assert.equal(st.spokenChars, '标题同志们一抓落实他说好走吧我们同意'.length);
  });

  it('sections: nesting by level, 第一部分 above 一、, the closing ends them', () => {
    const st = runUpTo('标题\n同志们：\n第一部分 总体要求\n一、甲\n（一）乙\n正文。\n二、丙\n同志们，努力！\n', 'sections');
    const tree = (s: (typeof st.sections)[number]): string => s.heading.title + (s.children.length ? `[${s.children.map(tree).join(',')}]` : '');
    assert.deepEqual(st.sections.map(tree), ['总体要求[甲[乙],丙]']);
    assert.equal(st.allSections.length, 4);
    assert.equal(textOf(st, st.allSections[2].span), '（一）乙\n正文。');
    assert.equal(st.allSections[2].bodyChars, 2); // 正文: the heading's own 一乙 left out
    assert.equal(st.allSections[0].span.end, st.text.indexOf('\n同志们，'));
  });
});
