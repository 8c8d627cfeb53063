/**
 * The kinds of false alarm the editor of the verdict corpus dismissed, each
 * on a made-up draft that shows the kind (the real drafts stay in the verdict
 * corpus), next to the real fault the rule must still find. These prove the
 * mechanism; precision is measured by `npm run eval`.
 */
import { strict as assert } from 'assert';
import { summary as balanceSummary, lintBalance } from './balance-helpers';
import { numberingFindings } from './numbering-helpers';
import { check, realJieba } from './repetition-helpers';

const near = (text: string) => check(text, { only: ['repetition/duplicate-sentence'] }).findings.map((f) => text.slice(f.span.start, f.span.end));
const series = (text: string) => balanceSummary(text, lintBalance(text, {}, ['balance/series-parallelism']));
const sequence = (text: string) => numberingFindings(text).filter((f) => f.ruleId === 'numbering/sequence').map((f) => text.slice(f.span.start, f.span.end));

describe('what a careful editor leaves alone (the dismissed kinds of the verdict corpus)', () => {
  before(function () {
    this.timeout(20000);
    realJieba();
  });

  it('repetition/duplicate-sentence: a script repeating its formula line by line is a series; the same pair in one paragraph is a leftover', () => {
    const script = ['下面为获得“一对好主干”的村进行颁奖。', '请东山村书记同志、村主任同志上台领奖，大家鼓掌祝贺。', '请西岭村书记同志、村主任同志上台领奖，大家鼓掌祝贺。'].join('\n');
    assert.deepEqual(near(script), []);
    const leftover = '要加快推进回迁区建设，让老百姓早日回迁入住。要加快推进回迁区建设，让群众早日回迁入住。';
    assert.equal(near(leftover).length, 1);
    // an exact duplicate is reported even on consecutive lines
    const pasted = ['要加快推进回迁区建设，让老百姓早日回迁。', '要加快推进回迁区建设，让老百姓早日回迁。'].join('\n');
    assert.equal(near(pasted).length, 1);
  });

  it('balance/series-parallelism: a first item that carries the clause opening, and a series cut off by the end of the text', () => {
    assert.deepEqual(series('为有效解决当前基层工作领导弱化、资源整合不够、作用发挥不到位等突出问题，要整合资源。'), []);
    assert.deepEqual(series('在栽植过程中，做到浇足一桶水、覆好一块膜、套'), []);
    // still found: the item that drops the structure, first or last
    assert.deepEqual(series('以案为鉴、以案明纪、案促改，教育引导干部。'), ['balance/series-parallelism @ 案促改']);
    assert.deepEqual(series('要做到看得清、抓得住、管好，不留死角。'), ['balance/series-parallelism @ 管好']);
  });

  it('numbering/series: 一是 after a lead-in the parser does not take for a marker still starts the series', () => {
    const text = ['标题', '同志们：', '面对这种情况，我确实压力很大。因为一是机关干部职工思想不稳定，我完全理解。二是全系统债务沉重，生存困难。'].join('\n');
    assert.deepEqual(numberingFindings(text).filter((f) => f.ruleId === 'numbering/series').map((f) => text.slice(f.span.start, f.span.end)), []);
    const lost = ['标题', '同志们：', '面对这种情况，我确实压力很大。机关干部职工思想不稳定。二是全系统债务沉重，三是生存困难。'].join('\n');
    assert.deepEqual(numberingFindings(lost).filter((f) => f.ruleId === 'numbering/series').map((f) => lost.slice(f.span.start, f.span.end)), ['二是']);
  });

  it('numbering/hierarchy: numbered points of a quoted instruction do not make the first 一、 after them inverted', () => {
    const rule = (t: string) => numberingFindings(t).filter((f) => f.ruleId === 'numbering/hierarchy').map((f) => t.slice(f.span.start, f.span.end));
    const quoted = ['标题', '同志们：', '总书记强调：“', '（1）要坚持稳中求进；', '（2）要坚持高质量发展。”', '一、认清形势', '内容。', '二、明确任务', '内容。'].join('\n');
    assert.deepEqual(rule(quoted), []);
    const own = ['标题', '同志们：', '开场白。', '（1）要坚持稳中求进', '内容。', '（2）要坚持高质量发展', '内容。', '一、认清形势', '内容。', '二、明确任务', '内容。'].join('\n');
    assert.deepEqual(rule(own), ['一、']);
    // and the draft's own headings after them keep their sequence check (一、 二、 四、)
    const gap = ['标题', '同志们：', '总书记强调：“', '（1）要坚持稳中求进；', '（2）要坚持高质量发展。”', '一、认清形势', '内容。', '二、明确任务', '内容。', '四、抓好落实', '内容。'].join('\n');
    assert.deepEqual(sequence(gap), ['四']);
  });

  it('numbering/announced-count: a programme name with a number is an item of a list, and after a colon 和 may join one item', () => {
    const counts = (t: string) => numberingFindings(t).filter((f) => f.ruleId === 'numbering/announced-count').map((f) => t.slice(f.span.start, f.span.end));
    const draft = (s: string) => ['标题', '同志们：', s].join('\n');
    assert.deepEqual(counts(draft('我们要加快建设两个中心、三大基地，推动高质量发展。')), []);
    assert.deepEqual(counts(draft('打造三大产业：钢铁、新材料和装备制造。')), []);
    // still found
    assert.deepEqual(counts(draft('打造三大产业：钢铁、新材料。')), ['三大产业']);
    assert.deepEqual(counts(draft('培育生物医药、高端制造、新材料、现代物流三大主导产业。')), ['三大主导产业']);
  });

  it('balance/heading-parallelism: quotation marks do not break the shared opening of a heading of the same shape', () => {
    const body = '这一部分的正文内容写在这里，篇幅适中，足以成为一节。'.repeat(3);
    const draft = (hs: string[]) => ['标题', '同志们：', '开场。', ...hs.flatMap((h, i) => [`${'一二三四'[i]}、${h}`, body])].join('\n');
    const rule = (t: string) => balanceSummary(t, lintBalance(t, {}, ['balance/heading-parallelism']));
    assert.deepEqual(rule(draft(['精准定位', '精准招商', '“精准”服务', '精准落地'])), []);
    assert.deepEqual(rule(draft(['精准定位', '精准招商', '优化服务', '精准落地'])), ['balance/heading-parallelism @ 优化服务']);
  });

  it('numbering/sequence: the number before the first heading glued to residue is not a wrong start', () => {
    const glued = ['标题', '同志们：', '开场白。', '此处内容需要权限查看', '会员免费查看二、持续实施人才项目。为有效解决问题，我们要整合资源。', '三、持续开展人才活动，拓宽平台。组织实践活动。'].join('\n');
    assert.deepEqual(sequence(glued), []);
    const wrong = ['标题', '同志们：', '开场白。', '二、持续实施人才项目', '内容。', '三、持续开展人才活动', '内容。'].join('\n');
    assert.deepEqual(sequence(wrong), ['二']);
  });
});
