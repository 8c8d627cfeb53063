/**
 * Placeholders in the real corpus drafts: the exact count per draft, what
 * they are, and nothing from the web residue.
 */
import * as assert from 'node:assert/strict';
import { createRegistry, lint, listPlaceholders, parse, resolveConfig, scanPlaceholders } from '../../server/src/core';
import { CORPUS, fixture } from './helpers';

function placeholders(rel: string) {
  const text = fixture(rel);
  const doc = parse(text);
  const reg = createRegistry();
  const { config } = resolveConfig(reg, []);
  const findings = lint(doc, reg, config).filter((f) => f.ruleId.startsWith('placeholder/'));
  return { text, doc, findings, texts: findings.map((f) => text.slice(f.span.start, f.span.end)) };
}

function tally(texts: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of texts) out[t] = (out[t] ?? 0) + 1;
  return out;
}

describe('placeholders in the corpus drafts', () => {
  it('000 (区委书记调研讲话): 35 placeholders, every one an "XX"', () => {
    const { text, texts, findings } = placeholders(CORPUS.c000);
    assert.equal(texts.length, 35);
    assert.deepEqual(tally(texts), { XX: 35 });
    // every XX of the draft is one finding (none is glued to another, none is in residue)
    assert.equal(text.split('XX').length - 1, 35);
    assert.ok(findings.every((f) => f.ruleId === 'placeholder/marker' && f.severity === 'info'));
  });

  it('002 (高新区工作会议讲话): 40 placeholders of xx, x.x, xx.x, xxx and 20xx; nothing from the 温馨提示 block', () => {
    const { doc, texts, findings } = placeholders(CORPUS.c002);
    assert.equal(texts.length, 40);
    assert.deepEqual(tally(texts), { xx: 21, 'x.x': 9, 'xx.x': 4, xxx: 3, '20xx': 3 });
    for (const f of findings) assert.ok(!doc.residue.some((r) => f.span.start >= r.start && f.span.start < r.end));
    // the residue block mentions PPT: a Latin abbreviation, and residue anyway
    assert.ok(doc.residue.length > 0);
  });

  it('002: "20xx-20xx年" is two findings, "xx.x%" is one finding without the %', () => {
    const { text, findings } = placeholders(CORPUS.c002);
    const range = text.indexOf('20xx-20xx年');
    const inRange = findings.filter((f) => f.span.start >= range && f.span.end <= range + 9);
    assert.deepEqual(inRange.map((f) => text.slice(f.span.start, f.span.end)), ['20xx', '20xx']);
    const pct = text.indexOf('年均增长xx.x%') + 4;
    const atPct = findings.filter((f) => f.span.start === pct);
    assert.equal(atPct.length, 1);
    assert.equal(text.slice(atPct[0].span.start, atPct[0].span.end), 'xx.x');
  });

  it('004 (县委书记传达全会精神): 21 placeholders, 20 × and one XX (党的XX大); the bracketed aside is content', () => {
    const { text, texts } = placeholders(CORPUS.c004);
    assert.equal(texts.length, 21);
    assert.deepEqual(tally(texts), { '×': 20, XX: 1 });
    assert.equal(text.split('×').length - 1, 20);
    assert.ok(text.includes('(新的机构改革是从18年开始'));
  });

  it('the list and a direct scan agree with the findings on every draft', () => {
    for (const rel of [CORPUS.c000, CORPUS.c002, CORPUS.c004]) {
      const { doc, findings } = placeholders(rel);
      const list = listPlaceholders(doc, findings);
      const scan = scanPlaceholders(doc);
      assert.equal(list.length, findings.length, rel);
      assert.deepEqual(
        scan.map((i) => [i.span.start, i.span.end, i.ruleId]),
        list.map((i) => [i.span.start, i.span.end, i.ruleId]),
        rel,
      );
    }
  });

  it('final mode turns every corpus placeholder into an error', () => {
    const reg = createRegistry();
    const { config } = resolveConfig(reg, [{ mode: 'final' }]);
    for (const rel of [CORPUS.c000, CORPUS.c002, CORPUS.c004]) {
      const ph = lint(parse(fixture(rel)), reg, config).filter((f) => f.ruleId.startsWith('placeholder/'));
      assert.ok(ph.length > 0);
      assert.ok(ph.every((f) => f.severity === 'error'), rel);
    }
  });
});
