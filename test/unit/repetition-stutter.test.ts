/** repetition/stutter: what counts, the fixes, options and allow lists (real jieba). */
import { strict as assert } from 'assert';
import { applyEdits } from '../../server/src/core/lint';
import { charSegmenter } from '../../server/src/core/segment';
import { check, realJieba } from './repetition-helpers';

const RULE = 'repetition/stutter';
const only = [RULE];

describe('repetition/stutter', () => {
  before(function () {
    this.timeout(20000);
    realJieba();
  });

  it('the fix removes exactly the second copy (safe)', () => {
    const text = '这是我们今年的的主要目标，我们我们要努力。';
    const r = check(text, { only });
    assert.equal(r.findings.length, 2);
    for (const f of r.findings) {
      assert.equal(f.fixes.length, 1);
      assert.equal(f.fixes[0].safe, true);
    }
    assert.equal(applyEdits(text, r.findings[0].fixes[0].edits), '这是我们今年的主要目标，我们我们要努力。');
    assert.equal(applyEdits(text, r.findings[1].fixes[0].edits), '这是我们今年的的主要目标，我们要努力。');
    const e = r.findings[0].fixes[0].edits[0];
    assert.equal(text.slice(e.start, e.end), '的');
    assert.equal(e.start, text.indexOf('的的') + 1);
  });

  it('a run is one finding whose fix keeps one copy', () => {
    const text = '这是我们的的的目标。';
    const r = check(text, { only });
    assert.equal(r.findings.length, 1);
    assert.match(r.findings[0].message.zh, /连写了 3 遍/);
    assert.equal(applyEdits(text, r.findings[0].fixes[0].edits), '这是我们的目标。');
  });

  it('a space between the copies is removed with the second copy', () => {
    const text = '这是我们的 的目标。';
    const r = check(text, { only });
    assert.equal(r.findings.length, 1);
    assert.equal(applyEdits(text, r.findings[0].fixes[0].edits), '这是我们的目标。');
  });

  it('partial stutter (在在座): the fix deletes the extra character', () => {
    const text = '我们在在座的各位都要努力。';
    const f = check(text, { only }).findings;
    assert.equal(f.length, 1);
    assert.equal(applyEdits(text, f[0].fixes[0].edits), '我们在座的各位都要努力。');
  });

  it('a repeated clause is reported with an unsafe fix that removes the copy and its comma', () => {
    const text = '包括房地产解疑和工业解疑，工业解疑，也是我们调研提出来的。';
    const f = check(text, { only }).findings;
    assert.equal(f.length, 1);
    assert.equal(f[0].fixes[0].safe, false);
    assert.equal(applyEdits(text, f[0].fixes[0].edits), '包括房地产解疑和工业解疑，也是我们调研提出来的。');
  });

  it('a repeated clause inside quotation marks is quoted speech, not a slip', () => {
    assert.deepEqual(check('他说：“不要提起我，不要提起我。”', { only }).labels, []);
  });

  it('an editing leftover (以奋更加奋发有为): unsafe fix deletes the stray character', () => {
    const text = '所以应该以奋更加奋发有为的精神状态推动全会的精神落实。';
    const f = check(text, { only }).findings;
    assert.equal(f.length, 1);
    assert.equal(f[0].fixes[0].safe, false);
    assert.equal(applyEdits(text, f[0].fixes[0].edits), '所以应该以更加奋发有为的精神状态推动全会的精神落实。');
  });

  it('options clauses and fragments turn those checks off', () => {
    const raw = { rules: { [RULE]: ['warning', { clauses: false, fragments: false }] } };
    assert.deepEqual(check('包括房地产解疑和工业解疑，工业解疑，也是。以奋更加奋发有为。', { only, raw }).labels, []);
  });

  it('allowed words are never reported', () => {
    assert.deepEqual(check('我们我们要努力。', { only, raw: { allow: ['我们'] } }).labels, []);
  });

  it('placeholders and numbers are not words (XX, ××, 2021)', () => {
    assert.deepEqual(check('XX月XX日，××同志到会。2011年，11月。', { only }).labels, []);
  });

  it('web residue is not checked', () => {
    const text = '标题\n\n正文的的内容。\n\n温馨提示：本文的的版权归原作者。';
    const r = check(text, { only });
    assert.deepEqual(r.texts(RULE), ['的的']);
    assert.ok(r.findings[0].span.start < text.indexOf('温馨'));
  });

  it('with one token per character (no jieba) 标的的 would be a false stutter: tokens matter', () => {
    // documents why the rule needs jieba: charSegmenter sees 标|的|的|价, jieba sees 标的|的|价格
    const r = check('标的的价格要公开。', { only, segmenter: charSegmenter });
    assert.deepEqual(r.texts(RULE), ['的的']);
    assert.deepEqual(check('标的的价格要公开。', { only }).labels, []);
  });

  it('ABAB verb reduplication and AA words are fine; nouns and pronouns doubled are not', () => {
    assert.deepEqual(check('这件事要研究研究，大家讨论讨论，好好好好干。', { only }).labels, []);
    assert.deepEqual(check('大家大家好，发展发展经济。', { only }).texts(RULE), ['大家大家', '发展发展']);
  });
});
