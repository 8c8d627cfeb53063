/**
 * numbering/*: a table of small drafts, each with the exact numbering findings
 * it must yield ([rule, offending text]) — defects first, then look-alikes
 * that must yield nothing.
 */
import { strict as assert } from 'assert';
import { DEFECTS, LOOKALIKES, S } from './numbering-cases';
import { numberingFindings, summary } from './numbering-helpers';

describe('numbering rules: defects', () => {
  it(`the table holds at least 30 defects (${DEFECTS.length})`, () => assert.ok(DEFECTS.length >= 30));
  for (const [name, text, expected] of DEFECTS) {
    it(name, () => {
      assert.ok(expected.length > 0);
      assert.deepEqual(summary(text), expected);
    });
  }
});

describe('numbering rules: look-alikes yield nothing', () => {
  it(`the table holds at least 30 look-alikes (${LOOKALIKES.length})`, () => assert.ok(LOOKALIKES.length >= 30));
  for (const [name, text, expected] of LOOKALIKES) {
    it(name, () => assert.deepEqual(summary(text), expected));
  }
});

describe('numbering rules: messages and related information', () => {
  it('sequence names the expected and the found marker in both languages, on the numeral', () => {
    const text = S + '一、统一思想\n正文。\n二、突出重点\n正文。\n四、加强领导\n正文。';
    const [f] = numberingFindings(text);
    assert.equal(f.ruleId, 'numbering/sequence');
    assert.equal(f.severity, 'warning');
    assert.equal(f.message.zh, '序号跳号：此处应为“三、”，实为“四、”');
    assert.equal(f.message.en, 'Numbering skips a number: expected "三、", found "四、"');
    assert.equal(text.slice(f.span.start, f.span.end), '四');
  });

  it('a duplicate points at the earlier item', () => {
    const text = S + '（一）抓项目。\n（二）抓招商。\n（二）抓服务。';
    const [f] = numberingFindings(text);
    assert.equal(f.message.zh, '序号重复：“（二）”前面已用过，此处应为“（三）”');
    assert.equal(f.related.length, 1);
    assert.equal(text.slice(f.related[0].span.start, f.related[0].span.end), '（二）');
  });

  it('announced-count sits on the announcement and points at every item (第N项 / item N)', () => {
    const text = S + '下面，我讲四点意见。\n一、统一思想\n正文。\n二、突出重点\n正文。\n三、加强领导\n正文。\n同志们，让我们抓好落实。';
    const [f] = numberingFindings(text);
    assert.equal(f.ruleId, 'numbering/announced-count');
    assert.equal(f.message.zh, '“讲四点意见”与实际项数不符：后面列出 3 项');
    assert.equal(f.message.en, '"讲四点意见" does not match the items: 3 items follow');
    assert.deepEqual(
      f.related.map((r) => [r.message.zh, r.message.en, text.slice(r.span.start, r.span.end)]),
      [
        ['第1项', 'item 1', '一、统一思想'],
        ['第2项', 'item 2', '二、突出重点'],
        ['第3项', 'item 3', '三、加强领导'],
      ],
    );
    // the fix is offered, never applied in bulk, and says 两 before a measure word
    assert.equal(f.fixes.length, 1);
    assert.equal(f.fixes[0].safe, false);
    assert.equal(f.fixes[0].title.zh, '改为“讲三点意见”');
    const two = numberingFindings(S + '下面，我讲三点意见。\n一、统一思想\n正文。\n二、突出重点\n正文。\n同志们，让我们抓好落实。')[0];
    assert.deepEqual(two.fixes[0].edits.map((e) => e.newText), ['两']);
  });

  it('series: 首先…… then 第二 in a later paragraph is reported as two forms mixed, offering 其次, never 第一', () => {
    const text = S + '首先，我们了解一下政治生日的概念\n入党的日子就是政治生日。\n第二，我们讲一下过政治生日的必要性\n正文。';
    const [f] = numberingFindings(text);
    assert.equal(f.ruleId, 'numbering/series');
    assert.equal(f.message.zh, '一组序列混用两种说法：前面用“首先”，此处接着用“第二”');
    assert.equal(text.slice(f.related[0].span.start, f.related[0].span.end), '首先');
    assert.deepEqual(f.fixes.map((x) => [x.title.zh, x.safe, x.edits.map((e) => e.newText)]), [['改为“其次”', false, ['其次']]]);
    // a heading between them: 首先 belongs to another section, so 第二 is a series that does not start at one
    const split = numberingFindings(S + '一、概念\n首先，我们了解一下概念。\n二、必要性\n第二，我们讲一下必要性。\n正文。').filter((x) => x.ruleId === 'numbering/series');
    assert.deepEqual(split.map((x) => x.message.zh), ['序列应从“第一”开始，此处为“第二”']);
  });

  it('a list before the announcement says 前面 / precede', () => {
    const [f] = numberingFindings(S + '打造生物医药、高端制造和新材料两大主导产业。');
    assert.equal(f.message.zh, '“两大主导产业”与实际项数不符：前面列出 3 项');
    assert.equal(f.message.en, '"两大主导产业" does not match the items: 3 items precede it');
  });

  it('marker-punctuation fixes follow the draft: "，" or ","; "." or "．"', () => {
    const half = numberingFindings(S + '第一、要抓项目,抓投资,抓建设;第二,要抓招商。')[0];
    assert.deepEqual(half.fixes[0].edits.map((e) => e.newText), [',']);
    const full = numberingFindings(S + '第一、要抓项目，抓投资；第二，要抓招商。')[0];
    assert.deepEqual(full.fixes[0].edits.map((e) => e.newText), ['，']);
    const dots = numberingFindings(S + '1．抓项目。\n2、抓招商。\n3．抓服务。')[0];
    assert.deepEqual(dots.fixes[0].edits.map((e) => e.newText), ['．']);
    assert.equal(dots.message.zh, '阿拉伯数字序号后用下脚点，不用顿号：“2、”应为“2．”');
  });

  it('series "mixed" points at the other form; hierarchy points at the lower level', () => {
    const text = S + '首先，要抓项目。其次，要抓招商。三是要抓服务。';
    const [f] = numberingFindings(text);
    assert.equal(f.message.zh, '一组序列混用两种说法：前面用“其次”，此处接着用“三是”');
    assert.equal(text.slice(f.related[0].span.start, f.related[0].span.end), '其次');
    assert.equal(f.fixes.length, 0);
    const t2 = S + '一、统一思想\n1. 抓项目。正文。\n（一）抓招商。正文。';
    const [h] = numberingFindings(t2);
    assert.equal(h.message.zh, '标题层级颠倒：“（一）”是上一级序号，却排在下一级序号“1.”之后；应按 一、>（一）>1.>（1） 逐级嵌套');
    assert.equal(t2.slice(h.related[0].span.start, h.related[0].span.end), '1.');
  });

  it('a series that does not start at one gets an offered (not bulk) renumber fix', () => {
    const [f] = numberingFindings(S + '二是抓招商，三是抓服务。');
    assert.equal(f.fixes[0].safe, false);
    const [g] = numberingFindings(S + '一是抓项目，二是抓招商，四是抓服务。');
    assert.equal(g.fixes[0].safe, true);
  });

  it('suppression comments silence the family', () => {
    const text = S + '<!-- speechlint-disable numbering -->\n一、统一思想\n正文。\n三、突出重点\n正文。';
    assert.deepEqual(summary(text), []);
  });
});
