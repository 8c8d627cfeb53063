/**
 * Every fix a numbering rule offers, applied with the core's applyEdits: the
 * finding is gone and no new numbering finding appears. Safe fixes together
 * ("fix all") leave no sequence, punctuation or series gap behind.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { applyEdits, collectSafeEdits } from '../../server/src/core/lint';
import type { Finding } from '../../server/src/core/rule';
import { FIXTURES } from './helpers';
import { DEFECTS } from './numbering-cases';
import { numberingFindings } from './numbering-helpers';

const key = (f: Finding) => `${f.ruleId}|${f.message.zh}`;

function drafts(): [string, string][] {
  const dir = path.join(FIXTURES, 'numbering');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt') && !f.endsWith('.renumbered.txt'));
  return [...DEFECTS.map(([name, text]) => [name, text] as [string, string]), ...files.map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')] as [string, string])];
}

describe('numbering fixes: each offered fix', () => {
  let offered = 0;
  for (const [name, text] of drafts()) {
    it(name, () => {
      const before = numberingFindings(text);
      for (const f of before) {
        for (const fix of f.fixes) {
          offered++;
          const fixed = applyEdits(text, fix.edits);
          assert.notEqual(fixed, text, `${fix.title.en} changes the text`);
          const after = numberingFindings(fixed);
          const beforeKeys = new Map<string, number>();
          for (const b of before) beforeKeys.set(key(b), (beforeKeys.get(key(b)) ?? 0) + 1);
          const afterKeys = new Map<string, number>();
          for (const a of after) afterKeys.set(key(a), (afterKeys.get(key(a)) ?? 0) + 1);
          // the fixed finding is gone
          assert.ok((afterKeys.get(key(f)) ?? 0) < (beforeKeys.get(key(f)) ?? 0), `"${f.message.en}" is gone after "${fix.title.en}"`);
          // and nothing new appeared
          for (const [k, n] of afterKeys) assert.ok(n <= (beforeKeys.get(k) ?? 0), `no new finding after "${fix.title.en}": ${k}`);
        }
      }
    });
  }
  it('fixes were offered', () => assert.ok(offered >= 30, String(offered)));
});

describe('numbering fixes: fix all (safe fixes only)', () => {
  for (const [name, text] of drafts()) {
    it(name, () => {
      const before = numberingFindings(text);
      const edits = collectSafeEdits(before);
      const fixed = applyEdits(text, edits);
      const after = numberingFindings(fixed);
      for (const f of after) {
        // what remains has no safe fix: a count, a hierarchy, a mix of forms, an unpaired 一方面, a series not starting at one
        assert.ok(!f.fixes.some((x) => x.safe), `${f.ruleId}: ${f.message.en}`);
      }
      // and everything that had a safe fix before is gone
      assert.ok(after.length <= before.length);
    });
  }

  it('the safe fixes are data only and never overlap', () => {
    for (const [, text] of drafts()) {
      for (const f of numberingFindings(text)) {
        for (const fix of f.fixes) {
          const sorted = [...fix.edits].sort((a, b) => a.start - b.start);
          for (let i = 1; i < sorted.length; i++) assert.ok(sorted[i].start >= sorted[i - 1].end);
          assert.equal(typeof fix.title.zh, 'string');
          assert.equal(typeof fix.title.en, 'string');
        }
      }
    }
  });
});
