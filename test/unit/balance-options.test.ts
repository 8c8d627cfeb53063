/** Options and settings of the balance rules change what they report. */
import { strict as assert } from 'assert';
import * as path from 'path';
import * as fs from 'fs';
import { lintBalance, summary } from './balance-helpers';
import { CORPUS, FIXTURES, fixture } from './helpers';

const draft = (name: string) => fs.readFileSync(path.join(FIXTURES, 'balance', 'drafts', name + '.txt'), 'utf8');
const rules = (r: Record<string, unknown>) => ({ rules: r });

describe('balance/section-length options', () => {
  const c004 = fixture(CORPUS.c004);

  it('minRatio: a quarter lets 004’s 三 (0.28 of the median) pass', () => {
    assert.equal(lintBalance(c004, rules({ 'balance/section-length': ['info', { minRatio: 0.25 }] })).length, 0);
  });

  it('minRatio other than a third is named as a percentage', () => {
    const f = lintBalance(c004, rules({ 'balance/section-length': ['info', { minRatio: 0.3 }] }));
    assert.ok(f[0].message.zh.endsWith('的30%'), f[0].message.zh);
  });

  it('minSiblings: two sections are compared only when asked', () => {
    const text = draft('b04-two-sections');
    assert.deepEqual(lintBalance(text), []);
    const f = lintBalance(text, rules({ 'balance/section-length': ['info', { minSiblings: 2 }] }));
    // median of 1,004 and 161 is 582.5: 161 is under a third of it
    assert.deepEqual(summary(text, f), ['balance/section-length @ 二、抓好人才工作落实']);
  });

  it('minDifference: small sections are not nagged about a few seconds', () => {
    const text = draft('b03-tiny-points');
    // 1. has 27 characters against a median of about 94: ratio under a third, but 67 characters short
    assert.deepEqual(lintBalance(text), []);
    const f = lintBalance(text, rules({ 'balance/section-length': ['info', { minDifference: 50 }] }));
    assert.deepEqual(summary(text, f), ['balance/section-length @ 1.强化收入征管。']);
  });

  it('maxRatio: raised, the long middle section passes', () => {
    assert.equal(lintBalance(draft('u02-middle-section-long'), rules({ 'balance/section-length': ['info', { maxRatio: 4 }] })).length, 0);
  });

  it('speakingRate changes the times quoted', () => {
    const f = lintBalance(c004, { speakingRate: 150 });
    assert.ok(f[0].message.zh.includes('（约1分24秒）'), f[0].message.zh); // 211 at 150/min
    assert.ok(f[0].message.zh.includes('（约5分5秒）'), f[0].message.zh); // 763 at 150/min
  });

  it('severity can be raised or turned off', () => {
    assert.equal(lintBalance(c004, rules({ 'balance/section-length': 'warning' }))[0].severity, 'warning');
    assert.equal(lintBalance(c004, rules({ 'balance/section-length': 'off' })).length, 0);
  });
});

describe('balance/subsection-count options', () => {
  it('countEmpty: prose sections beside a divided one are compared only when asked', () => {
    const text = draft('b06-prose-beside-points');
    assert.deepEqual(lintBalance(text), []);
    const f = lintBalance(text, rules({ 'balance/subsection-count': ['info', { countEmpty: true }] }));
    assert.deepEqual(summary(text, f), ['balance/subsection-count @ 二、推动全会精神落地见效']);
    assert.ok(f[0].message.zh.startsWith('本节有7个小节'));
    assert.equal(f[0].related.length, 1);
  });

  it('minDifference / minRatio: raised, six against one passes', () => {
    const text = draft('u04-subsection-count-few');
    assert.equal(lintBalance(text, rules({ 'balance/subsection-count': ['info', { minDifference: 6 }] })).length, 0);
    assert.equal(lintBalance(text, rules({ 'balance/subsection-count': ['info', { minRatio: 7 }] })).length, 0);
  });

  it('points at the other extreme in related information', () => {
    const text = draft('u04-subsection-count-few');
    const [f] = lintBalance(text);
    assert.equal(text.slice(f.related[0].span.start, f.related[0].span.end), '一、抓项目促投资');
    assert.equal(f.related[0].message.zh, '此节有6个小节');
  });
});

describe('balance/heading-parallelism options', () => {
  it('maxEqualLength: below four, only the shared opening is named', () => {
    const text = draft('u06-heading-length-and-prefix');
    const [f] = lintBalance(text, rules({ 'balance/heading-parallelism': ['info', { maxEqualLength: 3 }] }));
    assert.equal(f.message.zh, '同级其余3个标题均以“精准”开头，本标题“优化营商环境”与之不一');
  });

  it('minSiblings: four required, three headings are left alone', () => {
    assert.equal(lintBalance(draft('u07-heading-opening-word'), rules({ 'balance/heading-parallelism': ['info', { minSiblings: 4 }] })).length, 0);
  });

  it('a one-character opening counts only for parallel openers (要, 以, 在…), not by chance', () => {
    const text = ['在全县会议上的讲话', '同志们：', '下面讲三点意见。', '一、加强党的建设', '要把党的建设贯穿工作全过程，压实管党治党责任。', '二、加快产业发展', '要聚焦主导产业强链补链延链，推动产业提质增效。', '三、优化营商环境', '要深化放管服改革，让企业和群众少跑腿、好办事。'].join('\n');
    // 加强 and 加快 share only 加: no form for 优化营商环境 to break (lengths are all six, so nothing)
    assert.deepEqual(lintBalance(text), []);
  });

  it('a shared length above five characters needs three other headings', () => {
    const text = ['在全县会议上的讲话', '同志们：', '下面讲三点意见。', '一、优化营商环境', '要深化放管服改革，让企业和群众少跑腿、好办事。', '二、注重绿色发展', '要深入打好蓝天碧水净土保卫战，持续改善生态环境质量。', '三、强化创新驱动发展', '要强化企业创新主体地位，支持企业加大研发投入。'].join('\n');
    assert.deepEqual(lintBalance(text), []);
  });
});

describe('balance/series-parallelism options', () => {
  const long = '今年，要突出稳增长、推动规上工业企业加快智能化改造并提升核心竞争力、促消费、保就业。';
  it('minLengthDifference / lengthRatio / shortItem', () => {
    assert.equal(lintBalance(long).length, 1);
    assert.equal(lintBalance(long, rules({ 'balance/series-parallelism': ['info', { minLengthDifference: 30 }] })).length, 0);
    assert.equal(lintBalance(long, rules({ 'balance/series-parallelism': ['info', { lengthRatio: 10 }] })).length, 0);
    assert.equal(lintBalance(long, rules({ 'balance/series-parallelism': ['info', { shortItem: 5 }] })).length, 0);
  });

  it('minItems: four required, a three-item series is left alone', () => {
    const t = '我们要做到风险隐患看得清、抓得住、管好，确保万无一失。';
    assert.equal(lintBalance(t).length, 1);
    assert.equal(lintBalance(t, rules({ 'balance/series-parallelism': ['info', { minItems: 4 }] })).length, 0);
  });

  it('web residue is not scanned', () => {
    const t = ['在全县会议上的讲话', '同志们：', '今天的会开得很好。', '温馨提示：做到看得清、抓得住、管好，请放心下载。'].join('\n');
    assert.deepEqual(lintBalance(t), []);
  });

  it('heading titles are scanned too', () => {
    const t = ['在全县会议上的讲话', '同志们：', '下面讲两点意见。', '一、做到看得清、抓得住、管好', '要把风险隐患排查清楚，建立台账，逐项销号。', '二、压实责任', '要把责任落实到每个岗位、每个人。'].join('\n');
    assert.deepEqual(summary(t, lintBalance(t)), ['balance/series-parallelism @ 管好']);
  });
});
