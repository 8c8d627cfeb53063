/** The quotations pass on its own, and the model's quotations layer. */
import * as assert from 'node:assert/strict';
import { parse } from '../../server/src/core/parse';
import { runUpTo, textOf } from './parse-helpers';

function quotes(text: string): string[] {
  const st = runUpTo(text, 'quotations');
  return st.quotations.all.map((q) => `${q.kind}/${q.depth}:${textOf(st, q.span)}`);
}

describe('parse pass: quotations', () => {
  it('every pair of marks, nested, with depth and parent', () => {
    const st = runUpTo('标题\n同志们：\n他说：“要学习《论持久战》，做到‘两个维护’。”『甲「乙」』\n', 'quotations');
    assert.deepEqual(
      st.quotations.all.map((q) => `${q.kind}/${q.depth}:${textOf(st, q.inner)}`),
      ['instruction/0:要学习《论持久战》，做到‘两个维护’。', 'title/1:论持久战', 'quote/1:两个维护', 'quote/0:甲「乙」', 'quote/1:乙'],
    );
    assert.equal(st.quotations.all[1].parent, 0);
    assert.equal(st.quotations.all[4].parent, 3);
  });

  it('a quoted instruction after a colon, spaces allowed; a quote after other text is a quote', () => {
    assert.deepEqual(quotes('标题\n同志们：\n要求： “一、抓落实。”提出“三个坚持”\n'), ['instruction/0:“一、抓落实。”', 'quote/0:“三个坚持”']);
  });

  it('contains and at: the innermost quotation at an offset, marks included; nothing outside', () => {
    const doc = parse('标题\n同志们：\n他说：“学《论语》。”完。\n');
    const t = doc.text;
    assert.equal(doc.quotations.contains(t.indexOf('他')), false);
    assert.equal(doc.quotations.contains(t.indexOf('“')), true);
    assert.equal(doc.quotations.at(t.indexOf('学'))?.open, '“');
    assert.equal(doc.quotations.at(t.indexOf('论'))?.open, '《');
    assert.equal(doc.quotations.contains(t.indexOf('完')), false);
    assert.equal(doc.quotations.at(t.length + 5), undefined);
  });

  it('unmatched marks make no quotation: a stray closing mark, a mark left open in its paragraph', () => {
    assert.deepEqual(quotes('标题\n同志们：\n甲”乙“丙\n丁“戊”\n'), ['quote/0:“戊”']);
    // a closing mark closes its own pair; an opening mark left open inside is dropped
    assert.deepEqual(quotes('标题\n同志们：\n“甲《乙”丙》\n'), ['quote/0:“甲《乙”']);
  });

  it('a quotation across paragraphs, each opening with “ and only the last closing', () => {
    const st = runUpTo('标题\n同志们：\n他指出：\n“第一段话。\n“第二段话。\n“第三段话。”\n后文“未完\n新段。\n', 'quotations');
    assert.deepEqual(st.quotations.all.map((q) => [textOf(st, q.span), q.paragraphs]), [['“第一段话。\n“第二段话。\n“第三段话。”', [3, 5]]]);
  });

  it('residue and comment lines are not searched', () => {
    assert.deepEqual(quotes('标题\n同志们：\n免责声明：“转载”\n正文。\n'), []);
  });
});
