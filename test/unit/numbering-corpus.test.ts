/**
 * numbering/* on the real drafts: each corpus draft states exactly which
 * numbering findings it yields (none of them may be a false alarm), and the
 * whole-draft fixtures under test/fixtures/numbering/ are checked against the
 * .expected.json beside them.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from '../../server/src/core/parse';
import { CORPUS, FIXTURES, at, fixture } from './helpers';
import { numberingFindings, summary } from './numbering-helpers';

describe('numbering rules: corpus drafts', () => {
  it('000 (区委书记调研讲话): no numbering finding', () => {
    const text = fixture(CORPUS.c000);
    const doc = parse(text);
    // Checked and left alone, rightly:
    // - 一、…五、 run inline ("……几点意见。一、提振学赶XX激情。春节前……"): a complete series;
    // - "几点意见" announces no number;
    // - 一是…五是 in 二、三、四、 and 一是…四是 in 五、: complete series, one per section;
    // - 第一动力, 学赶XX的第一年, 综合排名列全区第一,成绩喜人 (half-width comma): not clause-start series
    //   markers; “四个意识”“四个自信”“两个维护” announce no list; "XX大园区" is a placeholder count.
    assert.deepEqual(doc.sections.map((s) => s.heading.marker!.text), ['一、', '二、', '三、', '四、', '五、']);
    assert.equal(doc.series.length, 4);
    assert.deepEqual(summary(text), []);
  });

  it('002 (党工委书记工作会议讲话): no numbering finding', () => {
    const text = fixture(CORPUS.c002);
    const doc = parse(text);
    // - the web residue's "1. 2. 3. 4." (温馨提示) is residue, not a heading series;
    // - "01" alone on its line, then (一)(二)(三): all three brackets half-width, so one width at
    //   that level (no width mix), and (一)(二)(三) is complete; the draft is cut off after (三),
    //   so "01" is a one-item series that starts at one;
    // - "讲几点意见" announces no number; 生物医药、高端制造、新材料三大主导产业 lists three;
    //   "聚力培育发展三大主导产业" and “六大服务平台” (an item of a longer list) announce no list;
    // - 第一位的原则, 第一动力, 第一个百年, 第二个百年, 第一个五年, 位居第一: set phrases.
    const numbered = doc.headings.filter((h) => h.marker).map((h) => at(text, h.marker!.span));
    assert.deepEqual(numbered, ['01', '(一)', '(二)', '(三)']);
    const linked = doc.announcements.filter((a) => a.target);
    assert.deepEqual(linked.map((a) => [a.text, a.count, a.target!.items.length]), [['三大主导产业', 3, 3]]);
    assert.deepEqual(summary(text), []);
  });

  it('004 (县委书记传达全会精神讲话): no numbering finding', () => {
    const text = fixture(CORPUS.c004);
    const doc = parse(text);
    // - 一、二、三、 complete; (一)…(七) under 二、 complete and all half-width "(…)" (no mix);
    // - "谈几点体会", "以下几个方面": 几 announces no number;
    // - 新一代疫苗和细胞两大特色产业链条 (two items), 组织、教育、监管、制度、责任“五大体系” (five);
    // - 一方面,……另一方面,…… in one paragraph: paired;
    // - 第一位的任务, 还要是第一, 保持第一: not clause-start markers.
    const kids = doc.sections[1].children.map((s) => at(text, s.heading.marker!.span));
    assert.deepEqual(kids, ['(一)', '(二)', '(三)', '(四)', '(五)', '(六)', '(七)']);
    assert.deepEqual(doc.announcements.filter((a) => a.target).map((a) => [a.text, a.count, a.target!.items.length]), [
      ['两大特色产业链条', 2, 2],
      ['五大体系', 5, 5],
    ]);
    assert.deepEqual(summary(text), []);
  });
});

interface Expected {
  rule: string;
  /** 1-based line of the finding (as an editor shows it). */
  line: number;
  text: string;
  why: string;
}

describe('numbering rules: whole-draft fixtures', () => {
  const dir = path.join(FIXTURES, 'numbering');
  const drafts = fs.readdirSync(dir).filter((f) => f.endsWith('.txt') && !f.endsWith('.renumbered.txt'));
  it('there are fixtures', () => assert.ok(drafts.length >= 4));
  for (const f of drafts) {
    it(f, () => {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      const expected = JSON.parse(fs.readFileSync(path.join(dir, f.replace(/\.txt$/, '.expected.json')), 'utf8')) as Expected[];
      const doc = parse(text);
      const actual = numberingFindings(text).map((x) => ({ rule: x.ruleId, line: doc.lines.lineAt(x.span.start) + 1, text: at(text, x.span) }));
      assert.deepEqual(
        actual,
        expected.map((e) => ({ rule: e.rule, line: e.line, text: e.text })),
      );
      for (const e of expected) assert.ok(e.why.length > 10, 'each expected finding says why it is real');
    });
  }
});
