/**
 * reference/*: the cases and look-alikes of fixtures/reference/cases.json,
 * related information on the full titles, and the fixes.
 */
import * as assert from 'node:assert/strict';
import { applyEdits, collectSafeEdits } from '../../server/src/core';
import type { Finding } from '../../server/src/core';
import { sameDocument } from '../../server/src/core/rules/reference/title-variant';
import { describeCases, familyFindings } from './family-cases';

const run = (text: string, only?: string): Finding[] => familyFindings(text, 'reference', only);

describeCases('reference', (f, c) => {
  for (const r of f.related) assert.match(c.text.slice(r.span.start, r.span.end), /^《.*》$/);
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
