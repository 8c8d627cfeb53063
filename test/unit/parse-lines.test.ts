/** The first passes on their own: lines, suppression comments, residue. */
import * as assert from 'node:assert/strict';
import { PASSES } from '../../server/src/core/parse';
import { runUpTo, textOf } from './parse-helpers';

describe('parse passes: lines, directives, residue', () => {
  it('runs the passes in the documented order', () => {
    assert.deepEqual(
      PASSES.map((p) => p.name),
      ['lines', 'directives', 'residue', 'front-matter', 'headings', 'closing', 'paragraphs', 'sections', 'quotations', 'series', 'announcements'],
    );
  });

  it('lines: content spans without indentation, trailing spaces or NULs; empty lines left out', () => {
    const st = runUpTo('　　第一行  \r\n\n\t第二行\0\n   \n', 'lines');
    assert.deepEqual(st.contentLines.map((l) => [l.index, textOf(st, l)]), [[0, '第一行'], [2, '第二行']]);
  });

  it('directives: the rules each names, and lines holding nothing else are comment lines', () => {
    const st = runUpTo('<!-- speechlint-disable repetition/filler, numbering/sequence -->\n正文<!-- speechlint-disable-line -->\n', 'directives');
    assert.deepEqual(st.directives.map((d) => [d.kind, d.rules, d.line]), [
      ['disable', ['repetition/filler', 'numbering/sequence'], 0],
      ['disable-line', [], 1],
    ]);
    assert.deepEqual([...st.commentLines], [0]);
  });

  it('directives: an ordinary HTML comment is no directive', () => {
    const st = runUpTo('<!-- 备注 -->\n正文\n', 'directives');
    assert.deepEqual(st.directives, []);
    assert.equal(st.commentLines.size, 0);
  });

  it('residue: marker lines and the numbered lines of a 温馨提示 block, not a long line of prose', () => {
    const prose = '我们要认真学习，' + '坚持稳中求进。'.repeat(50) + '详见www.example.com';
    const st = runUpTo(`正文第一段。\n温馨提示：\n1.本文来自网络\n2.仅供参考\n正文第二段。\n原文地址：http://x.cn\n${prose}\n`, 'residue');
    assert.deepEqual([...st.residueLines].sort((a, b) => a - b), [1, 2, 3, 5]);
  });
});
