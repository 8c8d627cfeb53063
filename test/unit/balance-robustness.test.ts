/** The balance rules never throw and never report outside the text or inside a surrogate pair. */
import { strict as assert } from 'assert';
import { isHighSurrogate, isLowSurrogate } from '../../server/src/core/text';
import { lintBalance } from './balance-helpers';
import { CORPUS, fixture } from './helpers';

function check(text: string) {
  const findings = lintBalance(text);
  for (const f of findings) {
    assert.ok(f.span.start >= 0 && f.span.end <= text.length && f.span.start <= f.span.end);
    for (const o of [f.span.start, f.span.end]) {
      assert.ok(!(o > 0 && o < text.length && isLowSurrogate(text.charCodeAt(o)) && isHighSurrogate(text.charCodeAt(o - 1))), 'span splits a surrogate pair');
    }
  }
  return findings;
}

describe('balance rules: robustness', () => {
  it('empty text, whitespace, NUL bytes', () => {
    assert.deepEqual(check(''), []);
    assert.deepEqual(check('\n\n  \t\n'), []);
    check('一、\u0000\u0000\n二、\u0000\n三、\u0000、\u0000、\u0000');
  });

  it('CRLF and BOM give the same findings as LF', () => {
    const lf = fixture(CORPUS.c004).replace(/\r\n/g, '\n');
    const crlf = '\ufeff' + lf.replace(/\n/g, '\r\n');
    assert.deepEqual(
      check(crlf).map((f) => f.ruleId),
      check(lf).map((f) => f.ruleId),
    );
  });

  it('emoji and surrogate pairs inside series and headings', () => {
    const t = ['在全县会议上的讲话😀', '同志们：', '下面讲三点意见。', '一、精准😀定位', '要看得清😀、抓得住、管好，𠀀𠀁、𠀂𠀃、𠀄。', '二、精准招商', '有成绩、有信心、😀举措。', '三、精准服务', '“人人议学赶、个个争学赶、😀😀抓学赶”。'].join('\n');
    check(t);
  });

  it('unbalanced quotes and brackets', () => {
    check('要做到“看得清、抓得住、管好，《关于、（一、二、三】】”、”、》、）、看得清、抓得住、管好');
  });

  it('a 1 MB single line with series', function () {
    this.timeout(30000);
    const unit = '我们要做到看得清、抓得住、管好，“人人议学赶、个个争学赶、各层抓学赶”；';
    const big = unit.repeat(Math.ceil(1_000_000 / unit.length));
    const f = check(big);
    assert.ok(f.length > 1000);
  });

  it('deep nesting of quotes does not recurse without bound', () => {
    check('“'.repeat(5000) + '看得清、抓得住、管好' + '”'.repeat(5000));
    check('（'.repeat(5000) + '、'.repeat(5000));
  });

  it('many headings', () => {
    const lines = ['讲话', '同志们：', '开场。'];
    for (let i = 1; i <= 2000; i++) lines.push(`${i}.标题${i % 7}`, '正文'.repeat(i % 50 + 1) + '。');
    check(lines.join('\n'));
  });
});
