/** shiftFindings: findings carried across an edit (the server keeps segmented findings on screen while typing). */
import * as assert from 'node:assert/strict';
import type { Finding } from '../../server/src/core/rule';
import { shiftFindings } from '../../server/src/core/shift';

function finding(start: number, end: number, extra: Partial<Finding> = {}): Finding {
  return { ruleId: 'repetition/x', severity: 'info', message: { zh: '', en: '' }, span: { start, end }, fixes: [], related: [], ...extra };
}

describe('shiftFindings', () => {
  const cases: { name: string; change: { start: number; end: number; newLength: number }; span: [number, number]; want: [number, number] | null }[] = [
    { name: 'before an insertion: unchanged', change: { start: 10, end: 10, newLength: 3 }, span: [2, 5], want: [2, 5] },
    { name: 'after an insertion: moved by its length', change: { start: 10, end: 10, newLength: 3 }, span: [12, 15], want: [15, 18] },
    { name: 'after a deletion: moved back', change: { start: 3, end: 8, newLength: 0 }, span: [12, 15], want: [7, 10] },
    { name: 'after a replacement: moved by the difference', change: { start: 3, end: 5, newLength: 6 }, span: [12, 15], want: [16, 19] },
    { name: 'insertion inside: dropped', change: { start: 13, end: 13, newLength: 1 }, span: [12, 15], want: null },
    { name: 'typing right after it: dropped (the word changed)', change: { start: 15, end: 15, newLength: 1 }, span: [12, 15], want: null },
    { name: 'typing right before it: dropped', change: { start: 12, end: 12, newLength: 1 }, span: [12, 15], want: null },
    { name: 'deletion overlapping its start: dropped', change: { start: 10, end: 13, newLength: 0 }, span: [12, 15], want: null },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const out = shiftFindings([finding(c.span[0], c.span[1])], c.change);
      if (c.want === null) assert.equal(out.length, 0);
      else assert.deepEqual(out.map((f) => [f.span.start, f.span.end]), [c.want]);
    });
  }

  it('moves fix edits and related spans too; drops a fix or a related span the edit touches', () => {
    const f = finding(20, 24, {
      fixes: [
        { title: { zh: 'a', en: 'a' }, safe: true, edits: [{ start: 20, end: 24, newText: 'x' }] },
        { title: { zh: 'b', en: 'b' }, safe: true, edits: [{ start: 20, end: 24, newText: 'y' }, { start: 4, end: 6, newText: '' }] },
      ],
      related: [
        { span: { start: 1, end: 3 }, message: { zh: '', en: '' } },
        { span: { start: 5, end: 7 }, message: { zh: '', en: '' } },
        { span: { start: 30, end: 32 }, message: { zh: '', en: '' } },
      ],
    });
    const [out] = shiftFindings([f], { start: 6, end: 6, newLength: 2 });
    assert.deepEqual(out.span, { start: 22, end: 26 });
    assert.deepEqual(out.fixes.map((x) => x.edits), [[{ start: 22, end: 26, newText: 'x' }]]);
    assert.deepEqual(out.related.map((r) => r.span), [{ start: 1, end: 3 }, { start: 32, end: 34 }]);
    // the input is not modified
    assert.deepEqual(f.span, { start: 20, end: 24 });
  });
});
