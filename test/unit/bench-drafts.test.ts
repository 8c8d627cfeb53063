/**
 * The benchmark's drafts (bench/drafts.ts): the same text on every run, about
 * the size asked for, and numbered like a real draft (no numbering findings:
 * a benchmark of a broken draft would measure the broken case).
 */
import * as assert from 'node:assert/strict';
import { corpusDrafts, makeDraft, materialFile, webDrafts } from '../../bench/drafts';
import { defaultConfig } from '../../server/src/core/config';
import { lint } from '../../server/src/core/lint';
import { parse } from '../../server/src/core/parse';
import { createRegistry } from '../../server/src/core/rules';

describe('bench drafts', () => {
  it('are deterministic and about the size asked for', () => {
    for (const n of [10_000, 30_000, 100_000]) {
      const a = makeDraft(n).text;
      assert.equal(a, makeDraft(n).text);
      assert.ok(a.length >= n && a.length < n + 2000, `${n}: ${a.length}`);
    }
  });

  it('are numbered without defects: every numbering rule is silent', () => {
    const registry = createRegistry();
    const config = defaultConfig(registry);
    for (const n of [10_000, 100_000]) {
      const doc = parse(makeDraft(n).text);
      assert.ok(doc.title !== undefined);
      assert.ok(doc.sections.length >= 3);
      const numbering = lint(doc, registry, config, { phase: 'fast' }).filter((f) => f.ruleId.startsWith('numbering/'));
      assert.deepEqual(numbering.map((f) => `${f.ruleId} ${doc.text.slice(f.span.start, f.span.end)}`), []);
    }
  });

  it('material file: real drafts pasted whole, one after another, to the size asked for', () => {
    const drafts = [...corpusDrafts(), ...webDrafts()];
    assert.equal(drafts.length, 33);
    const chars = materialFile(30_000, 'chars');
    assert.equal(chars, materialFile(30_000, 'chars'));
    assert.ok(chars.length >= 30_000 && chars.length < 32_000, `${chars.length}`);
    assert.ok(chars.startsWith(drafts[0].text.trimEnd() + '\n\n' + drafts[1].text.trimEnd()));
    const bytes = materialFile(1_400_000);
    assert.ok(Buffer.byteLength(bytes) >= 1_400_000 && Buffer.byteLength(bytes) < 1_420_000);
    // every pasted draft restarts its numbering: many level-1 headings 一、 at the root
    assert.ok(parse(chars).sections.filter((s) => s.heading.marker?.value === 1).length >= 3);
  });
});
