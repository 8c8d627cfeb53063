/**
 * reference/*: the cases and look-alikes of fixtures/reference/cases.json,
 * related information on the full titles, and the fixes.
 */
import * as assert from 'node:assert/strict';
import { applyEdits, collectSafeEdits, createRegistry, lint, parse, resolveConfig } from '../../server/src/core';
import type { Finding } from '../../server/src/core';
import { sameDocument } from '../../server/src/core/rules/reference/title-variant';
import { fixture } from './helpers';

interface Case {
  rule: string;
  text: string;
  flagged: string[];
  related?: number;
}

const data = JSON.parse(fixture('reference/cases.json')) as { cases: Case[]; lookalikes: string[] };

function run(text: string, only?: string): Finding[] {
  const reg = createRegistry();
  const { config } = resolveConfig(reg, []);
  return lint(parse(text), reg, config).filter((f) => (only ? f.ruleId === only : f.ruleId.startsWith('reference/')));
}

describe('reference rules: cases (fixtures/reference/cases.json)', () => {
  for (const c of data.cases) {
    it(`${c.rule}: ${JSON.stringify(c.text.slice(0, 40))}`, () => {
      const found = run(c.text, c.rule);
      assert.deepEqual(
        found.map((f) => c.text.slice(f.span.start, f.span.end)),
        c.flagged,
      );
      if (c.related !== undefined) assert.equal(found[0].related.length, c.related);
      for (const f of found) for (const r of f.related) assert.match(c.text.slice(r.span.start, r.span.end), /^《.*》$/);
    });
  }
});

describe('reference rules: look-alikes', () => {
  for (const text of data.lookalikes) {
    it(`leaves ${JSON.stringify(text.slice(0, 40))} alone`, () => assert.deepEqual(run(text).map((f) => f.message.en), []));
  }
});

describe('reference rules: fixes', () => {
  it('meeting-name inserts 全 (safe)', () => {
    const text = '学习贯彻党的二十届三中会精神。';
    assert.equal(applyEdits(text, collectSafeEdits(run(text))), '学习贯彻党的二十届三中全会精神。');
  });

  it('title-variant offers the first spelling as a quick fix, not in fix all', () => {
    const text = '《关于加快建设XX示范区的意见》……贯彻《关于加快XX示范区建设的意见》。';
    const [f] = run(text, 'reference/title-variant');
    assert.equal(f.fixes.length, 1);
    assert.equal(f.fixes[0].safe, false);
    assert.equal(applyEdits(text, f.fixes[0].edits), '《关于加快建设XX示范区的意见》……贯彻《关于加快建设XX示范区的意见》。');
    assert.match(f.message.zh, /写法不一致/);
  });

  it('tells the same document from a different year', () => {
    assert.ok(sameDocument('关于加快建设XX示范区的意见', '关于加快XX示范区建设的意见'));
    assert.ok(!sameDocument('关于表彰2023年度先进单位的决定', '关于表彰2024年度先进单位的决定'));
    assert.ok(!sameDocument('关于加快建设XX示范区的意见', '关于加快建设XX示范区的方案'));
  });
});
