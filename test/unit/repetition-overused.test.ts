/** repetition/overused-phrase: thresholds, what is left alone, clusters and related info (real jieba). */
import { strict as assert } from 'assert';
import { findOverused } from '../../server/src/core/rules/repetition/phrases';
import { check, realJieba } from './repetition-helpers';

const RULE = 'repetition/overused-phrase';
const only = [RULE];

describe('repetition/overused-phrase', () => {
  before(function () {
    this.timeout(20000);
    realJieba();
  });

  const fault = '今年以来，我们推进产业转型，成效明显。在推进过程中，也暴露出一些问题，需要在下一步推进中认真解决。';

  it('one finding per cluster, on the close pair (the later of the two nearest occurrences), related info on the others, its partner first', () => {
    const r = check(fault, { only });
    assert.equal(r.findings.length, 1);
    const f = r.findings[0];
    const first = fault.indexOf('推进');
    const second = fault.indexOf('推进', first + 1);
    const third = fault.indexOf('推进', second + 1);
    // 推进……推进 eleven characters apart, the third nineteen further on
    assert.equal(f.span.start, second);
    assert.deepEqual(
      f.related.map((x) => x.span.start),
      [first, third],
    );
    assert.match(f.related[0].message.en, /nearest other "推进"/);
    assert.match(f.message.zh, /“推进”在 \d+ 字内出现了 3 次/);
    assert.match(f.message.en, /"推进" is used 3 times within \d+ characters/);
  });

  it('the opening sentences of series items share their head or tail on purpose (一是……取得新突破。……二是……取得新突破)', () => {
    const text = '一是项目工作取得新突破。全年实施项目二百一十个，完成投资三十二亿元。二是工业发展取得新突破。石油产能达到三十五万吨。三是农业工作取得新突破。粮食连年丰收，农民收入增长。';
    assert.deepEqual(check(text, { only }).labels, []);
    // the same three outside a series are reported
    const loose = '项目工作取得新突破。全年实施项目二百一十个，完成投资三十二亿元。工业发展也取得新突破。石油产能达到三十五万吨。农业工作同样取得新突破。粮食连年丰收，农民收入增长。';
    assert.ok(check(loose, { only }).labels.length > 0);
  });

  it('minCount and window are options', () => {
    assert.deepEqual(check(fault, { only, raw: { rules: { [RULE]: ['warning', { minCount: 4 }] } } }).labels, []);
    assert.deepEqual(check(fault, { only, raw: { rules: { [RULE]: ['warning', { window: 30 }] } } }).labels, []);
    assert.equal(check('我们推进产业转型，也在推进园区建设。', { only, raw: { rules: { [RULE]: ['warning', { minCount: 2 }] } } }).findings.length, 1);
  });

  it('spread out beyond the window, the same word is fine', () => {
    const filler = '各项工作有序开展，群众反映良好，干部队伍精神饱满，基层组织坚强有力，社会大局和谐稳定。'.repeat(4);
    const text = `我们推进产业转型。${filler}我们推进园区建设。${filler}我们推进项目落地。`;
    assert.deepEqual(check(text, { only }).labels, []);
  });

  it('allowed words (settings.allow and the rule option) are never reported', () => {
    assert.deepEqual(check(fault, { only, raw: { allow: ['推进'] } }).labels, []);
    assert.deepEqual(check(fault, { only, raw: { rules: { [RULE]: ['warning', { allow: ['推进'] }] } } }).labels, []);
  });

  it('a longer phrase is preferred over the words inside it', () => {
    const text = '我们要把提高群众满意度作为目标。只有提高群众满意度，才能赢得信任；而提高群众满意度的关键在于服务。';
    assert.deepEqual(check(text, { only }).texts(RULE), ['提高群众满意度']);
  });

  it('nouns need twice as many repeats as predicates (official Chinese repeats the noun)', () => {
    const five = '企业是发展的主体。去年我们走访企业，发现企业最关心的是融资问题，很多企业反映贷款难，一些企业甚至停产。';
    assert.deepEqual(check(five, { only }).labels, []);
    assert.deepEqual(check(five + '企业负责人希望政府协调。', { only }).texts(RULE), ['企业']);
  });

  it('topic words from the title need topicFactor times as many', () => {
    const body = '推动高质量发展是时代主题。我们必须坚持创新，才能推动高质量发展；各级干部都要为推动高质量发展出力。';
    // without a title: the phrase three times is reported
    assert.deepEqual(check(body, { only }).texts(RULE), ['推动高质量发展']);
    // with it in the title: not before six
    const titled = `在推动高质量发展大会上的讲话\n\n${body}`;
    assert.deepEqual(check(titled, { only }).labels, []);
    const raw = { rules: { [RULE]: ['warning', { topicFactor: 1 }] } };
    assert.deepEqual(check(titled, { only, raw }).texts(RULE), ['推动高质量发展']);
  });

  it("a section heading's words are that section's topic", () => {
    const text = '一、优化营商环境\n\n营商环境是发展的生命线。优化营商环境，需要各部门协同，但营商环境的改善不是一朝一夕的事。';
    assert.deepEqual(check(text, { only }).labels, []);
  });

  it('a heading resets the count (a new section is a new passage for the listener)', () => {
    const text = '（一）产业\n\n我们推进产业转型，成效明显。\n\n（二）园区\n\n在推进过程中，也暴露出一些问题，需要在下一步推进中解决。';
    assert.deepEqual(check(text, { only }).labels, []);
  });

  it('a word frequent all through the draft needs a burst far above its own rate', () => {
    const burst = '在推进过程中暴露出问题，下一步推进要更加有力，推进工作要更实。';
    const quiet = '我们要深化改革，各项工作有序开展，群众反映良好，干部队伍精神饱满，基层组织坚强有力。'.repeat(30);
    const busy = '我们要推进改革，各项工作有序开展，群众反映良好，干部队伍精神饱满，基层组织坚强有力。'.repeat(30);
    // the same burst: a fault in a draft that otherwise never says 推进 …
    assert.deepEqual(check(quiet + burst + quiet, { only }).texts(RULE), ['推进']);
    // … and the draft's normal rate where 推进 comes every 45 characters anyway
    assert.deepEqual(check(busy + burst + busy, { only }).labels, []);
  });

  it('parallel heads, parallel tails, numbered series and short list items are left alone', () => {
    for (const text of [
      '要突出重点领域，要突出关键环节，要突出薄弱部位。',
      '一些地方重部署轻落实；一些地方重形式轻实效；一些地方重数量轻质量。',
      '人人议发展、个个谋发展、层层抓发展。',
      '一是加强产业链建设，提升竞争力。二是加强创新链建设，提升创造力。三是加强人才链建设，提升吸引力。',
      '发展为了人民、发展依靠人民、发展成果由人民共享。',
      '为企业减负担，让企业有信心，帮企业拓市场。',
    ]) {
      assert.deepEqual(check(text, { only }).labels, [], text);
    }
  });

  it('sibling headings that share a head are parallel', () => {
    const text = [
      '必须坚持党的领导',
      '这是做好各项工作的根本保证。',
      '必须坚持创新引领',
      '创新是引领发展的第一动力。',
      '必须坚持人民至上',
      '让人民群众过上好日子。',
    ].join('\n');
    assert.deepEqual(check(text, { only }).labels, []);
  });

  it('words inside quotation marks and book-title marks are slogans and names', () => {
    const text = '要让“学赶XX”深入人心，“学赶XX”活动要常态化，“学赶XX”成果要看得见。';
    assert.deepEqual(check(text, { only }).labels, []);
  });

  it('a phrase the draft quotes in a document title is a fixed formulation in the body too', () => {
    const text =
      '全会审议通过了《中共中央关于进一步全面深化改革、推进中国式现代化的决定》，牢牢抓住推进中国式现代化需要破解的重大问题，是新征程推进中国式现代化的时代新篇。';
    assert.deepEqual(check(text, { only }).labels, []);
    // the same sentences without the quoted title: 推进中国式现代化 three times is a repetition
    const bare = '全会审议通过了推进中国式现代化的决定，牢牢抓住推进中国式现代化需要破解的重大问题，是新征程推进中国式现代化的时代新篇。';
    assert.deepEqual(check(bare, { only }).texts(RULE), ['推进中国式现代化']);
  });

  it('two clusters of the same word far apart are two findings', () => {
    const gap = '各项工作有序开展，群众反映良好，干部队伍精神饱满，基层组织坚强有力，社会大局和谐稳定。'.repeat(30);
    const r = check(fault + gap + fault, { only });
    assert.deepEqual(r.texts(RULE), ['推进', '推进']);
  });

  it('findOverused lists every counted occurrence of a flagged phrase', () => {
    const r = check(fault, { only });
    const clusters = findOverused(r.doc, r.seg);
    assert.equal(clusters.length, 1);
    assert.equal(clusters[0].phrase, '推进');
    assert.equal(clusters[0].all.length, 3);
    assert.equal(clusters[0].trigger, 1, 'the close pair: the first two, eleven characters apart');
  });
});
