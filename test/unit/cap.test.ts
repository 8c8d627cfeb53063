/** capFindings: at most so many findings of a rule are shown, and one more says how many are hidden. */
import * as assert from 'node:assert/strict';
import { MAX_FINDINGS_PER_RULE, capFindings } from '../../server/src/core/cap';
import type { Finding } from '../../server/src/core/rule';

function finding(ruleId: string, start: number): Finding {
  return { ruleId, severity: 'warning', message: { zh: ruleId, en: ruleId }, span: { start, end: start + 2 }, fixes: [], related: [] };
}

describe('capFindings', () => {
  it('leaves findings under the cap alone (the same array)', () => {
    const fs = [finding('a/x', 0), finding('a/x', 5), finding('b/y', 7)];
    assert.equal(capFindings(fs, 2), fs);
    assert.equal(MAX_FINDINGS_PER_RULE, 1000);
  });

  it('keeps the first findings of each rule in order and puts one information finding where the first hidden one was', () => {
    const fs: Finding[] = [];
    for (let i = 0; i < 10; i++) fs.push(finding('a/x', i * 10), ...(i % 3 === 0 ? [finding('b/y', i * 10 + 1)] : []));
    const out = capFindings(fs, 3);
    const a = out.filter((f) => f.ruleId === 'a/x');
    assert.deepEqual(a.map((f) => f.span.start), [0, 10, 20, 30]);
    assert.deepEqual(a.map((f) => f.severity), ['warning', 'warning', 'warning', 'info']);
    assert.deepEqual(a[3].message, { zh: '此规则还有 7 处未显示（每条规则最多显示 3 处）', en: '7 more not shown (at most 3 per rule)' });
    assert.deepEqual(a[3].fixes, []);
    // b/y has 4 findings: 3 shown, then the summary for the 4th
    const b = out.filter((f) => f.ruleId === 'b/y');
    assert.deepEqual(b.map((f) => [f.span.start, f.severity]), [[1, 'warning'], [31, 'warning'], [61, 'warning'], [91, 'info']]);
    assert.match(b[3].message.en, /^1 more not shown/);
    // document order is kept
    const starts = out.map((f) => f.span.start);
    assert.deepEqual(starts, [...starts].sort((x, y) => x - y));
    assert.equal(out.length, 4 + 4);
  });
});
