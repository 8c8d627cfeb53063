/** repetition/filler: density per word, fixed terms, compounds, options (real jieba). */
import { strict as assert } from 'assert';
import { check, realJieba } from './repetition-helpers';

const RULE = 'repetition/filler';
const only = [RULE];

describe('repetition/filler', () => {
  before(function () {
    this.timeout(20000);
    realJieba();
  });

  const four = '生物医药园要进一步增强干事创业的精气神，进一步理清发展重点。要进一步加快重点配套项目建设，进一步优化审批流程。';
  const three = '生物医药园要进一步增强干事创业的精气神，进一步理清发展重点。要进一步加快重点配套项目建设，优化审批流程。';

  it('is opt-in, information when on, on the close pair of its cluster, with the count and related info on the others', () => {
    assert.deepEqual(check(four, { only, defaults: true }).labels, [], 'off as shipped');
    const r = check(four, { only });
    assert.equal(r.findings.length, 1);
    const f = r.findings[0];
    assert.equal(f.severity, 'info');
    const at: number[] = [];
    for (let i = four.indexOf('进一步'); i >= 0; i = four.indexOf('进一步', i + 1)) at.push(i);
    // the nearest two: 理清发展重点。要进一步 (eight characters apart)
    assert.equal(f.span.start, at[2]);
    assert.equal(f.span.end - f.span.start, 3);
    assert.match(f.message.zh, /“进一步”在 \d+ 字内用了 4 次（每千字建议不超过 3 次）/);
    assert.deepEqual(f.related.map((x) => x.span.start), [at[1], at[0], at[3]]);
  });

  it("leaves the structure alone: a heading's own formula, series heads, sentences that open alike, and windows across headings", () => {
    // 一是始终……二是始终……三是始终…… (announced series heads)
    const series = '要做到三个始终：一是始终筑牢思想根基，二是始终坚守政治立场，三是始终涵养家国情怀，四是始终保持清正廉洁。';
    assert.deepEqual(check(series, { only }).labels, []);
    // 持续开展……。持续组织……。持续完善……。持续推进…… (sentences opening alike)
    const openings = '持续开展青年人才活动。持续组织社会实践活动。持续完善机制建设。持续推进平台建设。';
    assert.deepEqual(check(openings, { only }).labels, []);
    // one 加快 per section, across four headings
    const sections = ['标题', '', '一、产业发展', '要加快建设产业链条。', '二、园区建设', '要加快配套项目建设。', '三、项目建设', '同时加快厂房建设。', '四、科技创新', '加快技术转移转化。'].join('\n');
    assert.deepEqual(check(sections, { only }).labels, []);
    // the same four in one paragraph are reported
    assert.equal(check('要加快建设产业链条，加快配套项目建设，同时加快厂房建设，推动加快技术转移转化。', { only }).findings.length, 1);
  });

  it('three in 1,000 characters is within the default density', () => {
    assert.deepEqual(check(three, { only }).labels, []);
    assert.equal(check(three, { only, raw: { rules: { [RULE]: ['info', { maxPer1000: 2 }] } } }).findings.length, 1);
  });

  it('the window is an option; the density scales with it', () => {
    // a 200-character window allows 3 × 200/1000 → 0.6, at least one: the second occurrence is too many
    const r = check(three, { only, raw: { rules: { [RULE]: ['info', { window: 200 }] } } });
    assert.equal(r.findings.length, 1);
  });

  it('one finding per cluster, however long', () => {
    const text = Array.from({ length: 10 }, (_, i) => `第${i}项工作要切实抓好。`).join('');
    assert.equal(check(text, { only }).findings.length, 1);
  });

  it('fillers inside jieba words count (切实加强, 切实落实), other words that contain them do not', () => {
    assert.deepEqual(check('要切实加强组织领导，切实落实工作责任，切实改进工作作风，切实提高服务水平。', { only }).texts(RULE), ['切实']);
    assert.deepEqual(check('这些办法切实可行。不切实际的目标要调整，不切实际的指标要取消，不切实际的口号要少喊。', { only }).labels, []);
    assert.deepEqual(check('要调动积极性，积极性高了，积极性强了，积极性就有了，全面性也有了。', { only }).labels, []);
  });

  it('fixed political terms are names, not padding', () => {
    const text = '要全面深化改革。全面深化改革是关键一招，全面从严治党永远在路上，坚持党的全面领导，全面建成小康社会。';
    assert.deepEqual(check(text, { only }).labels, []);
  });

  it('可持续 is not 持续', () => {
    assert.deepEqual(check('让发展更可持续，让环境更可持续，让财政更可持续，让社保更可持续。', { only }).labels, []);
  });

  it('quoted words are not counted', () => {
    assert.deepEqual(check('《关于进一步加强管理的通知》《关于进一步优化服务的意见》《关于进一步深化改革的方案》《关于进一步做好工作的通知》', { only }).labels, []);
  });

  it('words: extra padding words; allow: words never counted', () => {
    const text = '要着眼长远，着眼全局，着眼群众，着眼未来。';
    assert.deepEqual(check(text, { only }).labels, []);
    assert.deepEqual(check(text, { only, raw: { rules: { [RULE]: ['info', { words: ['着眼'] }] } } }).texts(RULE), ['着眼']);
    assert.deepEqual(check(four, { only, raw: { allow: ['进一步'] } }).labels, []);
  });
});
