/**
 * The model and the findings of every draft are those recorded in
 * test/fixtures/snapshots/ (test/snapshot.ts says which drafts and how they
 * are serialized). Recorded before the parser was cut into passes (issue 14),
 * so that the split provably changed nothing.
 *
 * A change that is MEANT to change the model or the findings (a rule change,
 * a new segmenter, a new parse pass that moves a span) regenerates them with
 * `npm run snapshot:update`, in a commit of its own that says why; read the
 * diff of test/fixtures/snapshots/ before committing it.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { formatSnapshot, snapshotDrafts, snapshotOf, snapshotPath } from '../snapshot';

/** The first differing line of two texts, with three lines of context either side. */
export function firstDifference(expected: string, actual: string): string | undefined {
  const a = expected.split('\n');
  const b = actual.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] === b[i]) continue;
    const from = Math.max(0, i - 3);
    const ctx = (xs: string[]) => xs.slice(from, i + 4).map((l, k) => `${from + k + 1 === i + 1 ? '>' : ' '} ${from + k + 1}: ${l}`).join('\n');
    return `first difference at line ${i + 1}\n--- recorded\n${ctx(a)}\n+++ now\n${ctx(b)}`;
  }
  return undefined;
}

describe('snapshots: the model and findings of every draft are unchanged', () => {
  for (const d of snapshotDrafts()) {
    it(d.name, () => {
      const file = snapshotPath(d);
      assert.ok(fs.existsSync(file), `no snapshot for ${d.name}: run npm run snapshot:update`);
      const diff = firstDifference(fs.readFileSync(file, 'utf8'), formatSnapshot(snapshotOf(d)));
      if (diff) assert.fail(`${d.name}: ${diff}\n(if this change is intended: npm run snapshot:update, see test/unit/snapshot.test.ts)`);
    });
  }
  it('firstDifference shows the first differing line', () => {
    assert.equal(firstDifference('a\nb\nc', 'a\nb\nc'), undefined);
    assert.match(firstDifference('a\nb\nc', 'a\nx\nc')!, /line 2[\s\S]*> 2: b[\s\S]*> 2: x/);
  });
});
