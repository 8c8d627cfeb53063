/**
 * What the balance rules say about the real drafts of the corpus, and why
 * each finding is one a speechwriter would accept.
 */
import { strict as assert } from 'assert';
import { lintBalance, summary } from './balance-helpers';
import { CORPUS, fixture } from './helpers';

describe('balance rules on the corpus', () => {
  it('000: silent', () => {
    // Sections 一…五 have 257-281 characters each: even.
    // Headings 提振学赶XX激情 / 强化创新驱动发展 / 优化营商环境 / 注重绿色发展 /
    // 加强党的建设: lengths 8, 8, 6, 6, 6 and five different openings, so no
    // form is shared by all the others of any one heading.
    // Series: 有成绩、有信心、有举措 and “人人议学赶、个个争学赶、层层抓学赶” are
    // consistent; 少跑腿、好办事、不添堵 shares no structural character; the
    // noun lists (新一代信息技术、生物医药、新能源…) vary in length by nature.
    const text = fixture(CORPUS.c000);
    assert.deepEqual(summary(text, lintBalance(text)), []);
  });

  it('002: silent', () => {
    // The five unnumbered headings all open with 必须坚持 and all have eight
    // characters: a consistent set. "01" stands alone in its group (the draft
    // is cut off after it). （一）（二）（三）: 735 / 483 / 601 characters, all
    // two-part headings joined by a comma, first parts of 8, 9 and 10
    // characters — no break. Series such as 多重发展机遇的叠加期、…的窗口期 share
    // 的 in every item; 发展为了人民、发展依靠人民、发展成果由人民共享 and
    // 多出成果、快出成果、出好成果 are set phrases without a dropped structural
    // character.
    const text = fixture(CORPUS.c002);
    assert.deepEqual(summary(text, lintBalance(text)), []);
  });

  it('004: 三 is under a third of its siblings (the only finding)', () => {
    // 一 (763 characters), 二 (1,621 with （一）…（七）), 三 (211). The median of
    // the three is 763; 211 is under a third of it and 552 characters short.
    // Real: the heading promises 出实招、求实效 and the body is one sentence and
    // one 一方面/另一方面 paragraph — the section that should carry the
    // concrete measures is a quarter of the first. A wrap-up section may be
    // shorter (half of its siblings passes: see b02 in the fixtures), but this
    // is the 三倍 imbalance the rule is for; it is information, not a warning.
    // Not reported: 二 at 2.1 times the median (under 3); （一）…（七) at 127-297
    // characters (balanced); 二 with seven sub-sections beside prose sections
    // 一 and 三 (a section in prose is not a section with zero points);
    // 教育、科技、人才是…基础性、战略性支撑 (two lists bridged by 是…的).
    const text = fixture(CORPUS.c004);
    const findings = lintBalance(text);
    assert.deepEqual(summary(text, findings), ['balance/section-length @ 三、在狠抓末端落实上出实招、求实效']);
    assert.equal(findings[0].message.zh, '本节正文211字（约58秒），不足同级3节中位数763字（约3分28秒）的三分之一');
    assert.equal(
      findings[0].message.en,
      'This section has 211 characters (about 58 s), less than a third of the median of its 3 sibling sections, 763 (about 3 min 28 s)',
    );
  });
});
