/**
 * typography/*: the cases and look-alikes of fixtures/typography/cases.json
 * (most taken from the real drafts of corpus-web), the summary finding of a
 * draft pasted half-width throughout, and fix all.
 */
import * as assert from 'node:assert/strict';
import { applyEdits, collectSafeEdits, createRegistry, lint, parse, resolveConfig } from '../../server/src/core';
import type { Finding } from '../../server/src/core';
import { describeCases, familyFindings } from './family-cases';
import { fixture } from './helpers';

const run = (text: string, only?: string): Finding[] => familyFindings(text, 'typography', only);

describeCases('typography');

describe('typography/half-width-punctuation', () => {
  it('reports one finding per paragraph, with every mark of the paragraph in its fix', () => {
    const text = '同志们:\n今天,我们开会,主要任务是:部署工作。\n下面,我讲三点。';
    const found = run(text, 'typography/half-width-punctuation');
    assert.equal(found.length, 3);
    assert.equal(found[1].fixes[0].edits.length, 3);
    assert.match(found[1].message.zh, /本段有 3 处半角标点/);
  });

  it('sums up a draft half-width throughout in one finding with one fix', () => {
    const text = Array.from({ length: 12 }, (_, k) => `第${k + 1}段,内容:部署工作。`).join('\n');
    const found = run(text, 'typography/half-width-punctuation');
    assert.equal(found.length, 1);
    assert.match(found[0].message.zh, /全文 12 段共 24 处/);
    assert.equal(found[0].related.length, 11);
    const fixed = applyEdits(text, collectSafeEdits(found));
    assert.ok(!/[,:]/.test(fixed));
  });

  it('honours maxParagraphs', () => {
    const text = '甲,乙。\n丙,丁。';
    const reg = createRegistry();
    const { config } = resolveConfig(reg, [{ rules: { 'typography/half-width-punctuation': ['warning', { maxParagraphs: 1 }] } }]);
    const found = lint(parse(text), reg, config).filter((f) => f.ruleId === 'typography/half-width-punctuation');
    assert.equal(found.length, 1);
    assert.match(found[0].message.en, /in 2 paragraphs/);
  });
});

describe('typography rules: fix all on a real pasted draft', () => {
  it('leaves no typography finding with a safe fix behind (web-01)', () => {
    const text = fixture('corpus-web/web-01.txt');
    const before = run(text);
    assert.ok(before.length > 0);
    const fixed = applyEdits(text, collectSafeEdits(before));
    for (const f of run(fixed)) assert.ok(!f.fixes.some((x) => x.safe), `${f.ruleId}: ${f.message.en}`);
    assert.equal(fixed.replace(/[，：；？！（）]/g, '').length, text.replace(/[,:;?!()，：；？！（）]/g, '').length, 'only marks changed');
  });
});

describe('typography/half-width-punctuation: the blank after the colon goes with it (web-04)', () => {
  it('"同志们: 这次" on one line → "同志们：这次", as for a salutation within a paragraph (web-08)', () => {
    for (const [name, want] of [['web-04', '同志们：这次全省'], ['web-08', '同志们：正当全县']]) {
      const text = fixture(`corpus-web/${name}.txt`);
      const f = run(text, 'typography/half-width-punctuation')[0];
      const fixed = applyEdits(text, f.fixes[0].edits);
      assert.ok(fixed.includes(want), `${name}: ${fixed.slice(0, 80)}`);
    }
  });
});
