/**
 * Placeholder rules and helpers on hostile input: empty text, BOM, CRLF,
 * emoji and lone surrogates, NUL bytes, a 1 MB single line. No throw, every
 * span inside the text and never inside a surrogate pair.
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { PLACEHOLDER_RULE_IDS, createRegistry, fillEdits, lint, listPlaceholders, parse, resolveConfig, scanPlaceholders } from '../../server/src/core';
import type { Finding } from '../../server/src/core';

const reg = createRegistry();
const { config } = resolveConfig(reg, []);

function placeholderFindings(text: string): Finding[] {
  const errors: string[] = [];
  const f = lint(parse(text), reg, config, { only: PLACEHOLDER_RULE_IDS, onRuleError: (id, e) => errors.push(`${id}: ${String(e)}`) });
  assert.deepEqual(errors, []);
  return f.filter((x) => x.ruleId.startsWith('placeholder/'));
}

function assertSpansValid(text: string, spans: { start: number; end: number }[]): void {
  for (const s of spans) {
    assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end));
    assert.ok(0 <= s.start && s.start < s.end && s.end <= text.length, `span ${s.start}-${s.end} in ${text.length}`);
    for (const o of [s.start, s.end]) {
      if (o > 0 && o < text.length) {
        const hi = text.charCodeAt(o - 1);
        const lo = text.charCodeAt(o);
        assert.ok(!(hi >= 0xd800 && hi <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff), `offset ${o} splits a surrogate pair`);
      }
    }
  }
}

function texts(text: string): string[] {
  return placeholderFindings(text).map((f) => text.slice(f.span.start, f.span.end));
}

describe('placeholder rules: robustness', () => {
  it('empty text and whitespace', () => {
    for (const t of ['', ' ', '\n', '\r\n\r\n', '\uFEFF']) {
      assert.deepEqual(placeholderFindings(t), []);
      assert.deepEqual(scanPlaceholders(parse(t)), []);
      assert.deepEqual(fillEdits(parse(t), 0, 'x'), []);
    }
  });

  it('BOM, CRLF and lone CR', () => {
    assert.deepEqual(texts('\uFEFFXX镇\r\n×区\rx.x%\r\n'), ['XX', '×', 'x.x']);
    assert.deepEqual(texts('（\r\n）'), [], 'a bracket never pairs across a line break');
    assert.deepEqual(texts('【待\n补充】'), []);
  });

  it('emoji next to markers', () => {
    assert.deepEqual(texts('😀XX😀××😀某某😀'), ['XX', '××', '某某']);
    const t = '👍🏽X市';
    const f = placeholderFindings(t);
    assertSpansValid(t, f.map((x) => x.span));
  });

  it('lone surrogates and NUL bytes do not throw', () => {
    const t = '\uD800XX\uDC00×\u0000某某\uDBFF\u0000（ ）\uDFFF【待补充】\uD83D';
    const f = placeholderFindings(t);
    assert.deepEqual(f.map((x) => t.slice(x.span.start, x.span.end)), ['XX', '×', '某某', '（ ）', '【待补充】']);
    assertSpansValid(t, f.map((x) => x.span));
  });

  it('a 1 MB line of X is one finding', () => {
    const t = 'X'.repeat(1 << 20);
    const f = placeholderFindings(t);
    assert.equal(f.length, 1);
    assert.deepEqual(f[0].span, { start: 0, end: t.length });
  });

  it('a 1 MB line of × is one finding', () => {
    const t = '×'.repeat(1 << 20);
    const f = placeholderFindings(t);
    assert.equal(f.length, 1);
    assert.deepEqual(f[0].span, { start: 0, end: t.length });
  });

  it('a 1 MB line alternating X and × (X×X: a product of letters) and a mixed 1 MB line', () => {
    const alt = 'X×'.repeat(1 << 19) + 'X';
    assert.deepEqual(placeholderFindings(alt), []);
    const unit = 'XX亿元×区某某（ ）___【待定】x.x%、';
    const mixed = unit.repeat(Math.ceil((1 << 20) / unit.length));
    const f = placeholderFindings(mixed);
    const reps = mixed.length / unit.length;
    assert.equal(f.length, 7 * reps);
    assertSpansValid(mixed, f.map((x) => x.span));
    const items = listPlaceholders(parse(mixed), f);
    assert.equal(items.length, 7 * reps);
  });

  it('a 1 MB line of brackets and underscores', () => {
    const t = '（'.repeat(1 << 19) + '_'.repeat(1 << 19) + '）';
    assert.deepEqual(texts(t).map((s) => s.length), [1 << 19]);
  });

  it('random text from the tricky alphabet: spans valid, no throw', () => {
    const alphabet = ['X', 'x', '×', '○', '某', '_', '＿', '（', '）', '(', ')', '【', '】', '[', ']', ' ', '　', '.', '%', '2', '0', '年', '月', '光', '\n', '\r', '😀', '\uD800', '\uDC00', '待', '定', '略', 'T', 'O', 'D', '：'];
    const arb = fc.array(fc.constantFrom(...alphabet), { maxLength: 60 }).map((a) => a.join(''));
    fc.assert(
      fc.property(arb, (t) => {
        const doc = parse(t);
        const f = placeholderFindings(t);
        assertSpansValid(t, f.map((x) => x.span));
        const items = scanPlaceholders(doc);
        assertSpansValid(t, items.map((i) => i.span));
        for (let o = 0; o <= t.length; o += 7) {
          const edits = fillEdits(doc, o, 'V');
          assertSpansValid(t, edits);
        }
      }),
      { seed: 4, numRuns: 400 },
    );
  });
});
