/**
 * The placeholder list, navigation and "fill placeholder" (core helpers in
 * server/src/core/placeholders.ts), on test/fixtures/placeholder/template.txt.
 */
import * as assert from 'node:assert/strict';
import {
  applyEdits,
  createRegistry,
  fillContext,
  fillEdits,
  fillTargets,
  lint,
  listPlaceholders,
  nextPlaceholder,
  parse,
  previousPlaceholder,
  resolveConfig,
  scanPlaceholders,
} from '../../server/src/core';
import type { SpeechDocument, TextEdit } from '../../server/src/core';
import { fixture } from './helpers';

interface FillCase {
  at: string;
  occurrence: number;
  delta: number;
  value: string;
  count: number;
  result?: string;
}

const template = fixture('placeholder/template.txt');
const expected: { placeholders: number; marker: number; instruction: number; fills: FillCase[] } = JSON.parse(fixture('placeholder/template.expected.json'));

function offsetOf(text: string, needle: string, occurrence: number): number {
  let k = -1;
  for (let i = 0; i <= occurrence; i++) {
    k = text.indexOf(needle, k + 1);
    assert.ok(k >= 0, `${needle} #${occurrence}`);
  }
  return k;
}

/** Every edit replaces a placeholder span exactly: its old text is a marker, edits are disjoint. */
function checkEdits(doc: SpeechDocument, edits: TextEdit[], marker: string): void {
  const items = scanPlaceholders(doc);
  let last = -1;
  for (const e of edits) {
    assert.equal(doc.text.slice(e.start, e.end), marker);
    assert.ok(items.some((i) => i.span.start === e.start && i.span.end === e.end), 'the edit is a placeholder span');
    assert.ok(e.start >= last, 'sorted and disjoint');
    last = e.end;
  }
}

describe('placeholder list', () => {
  const doc = parse(template);
  const reg = createRegistry();
  const { config } = resolveConfig(reg, []);
  const findings = lint(doc, reg, config);
  const list = listPlaceholders(doc, findings);

  it('lists every placeholder of the template once, in document order', () => {
    assert.equal(list.length, expected.placeholders);
    assert.equal(list.filter((i) => i.ruleId === 'placeholder/marker').length, expected.marker);
    assert.equal(list.filter((i) => i.ruleId === 'placeholder/instruction').length, expected.instruction);
    for (let k = 1; k < list.length; k++) assert.ok(list[k - 1].span.start < list[k].span.start);
  });

  it('gives the text and a few characters either side, within the line', () => {
    const first = list[0];
    assert.equal(first.text, 'XX');
    assert.equal(first.before, '在');
    assert.equal(first.after, '工业园区建设推进会上的讲');
    const note = list.find((i) => i.text === '【此处填写重点项目名单】')!;
    assert.equal(note.before, '新签约项目不少于XX个。');
    assert.equal(note.after, '');
    for (const i of list) {
      assert.ok(!/[\r\n]/.test(i.before + i.after));
      assert.equal(i.before, i.before.trim());
    }
  });

  it('keeps a note and drops the marker inside it', () => {
    const d = parse('【此处填写XX数据】');
    const f = lint(d, reg, config);
    assert.equal(f.length, 2);
    const l = listPlaceholders(d, f);
    assert.deepEqual(l.map((i) => i.text), ['【此处填写XX数据】']);
  });

  it('ignores findings of other rules', () => {
    const fake = [...findings, { ruleId: 'repetition/stutter', severity: 'warning' as const, message: { zh: '', en: '' }, span: { start: 0, end: 1 }, fixes: [], related: [] }];
    assert.equal(listPlaceholders(doc, fake).length, list.length);
  });

  it('next / previous wrap around and never stay in place', () => {
    const first = list[0];
    const last = list[list.length - 1];
    assert.equal(nextPlaceholder(list, -1), first);
    assert.equal(nextPlaceholder(list, first.span.start), list[1]);
    assert.equal(nextPlaceholder(list, last.span.start), first);
    assert.equal(previousPlaceholder(list, first.span.start), last);
    assert.equal(previousPlaceholder(list, list[1].span.start), first);
    assert.equal(previousPlaceholder(list, template.length), last);
    assert.equal(nextPlaceholder([], 0), undefined);
    assert.equal(previousPlaceholder([], 0), undefined);
  });
});

describe('fill placeholder', () => {
  const doc = parse(template);

  for (const c of expected.fills) {
    it(`fills "${c.at}" #${c.occurrence} with "${c.value}": ${c.count} span(s)${c.result ? ', byte for byte' : ''}`, () => {
      const offset = offsetOf(template, c.at, c.occurrence) + c.delta;
      const edits = fillEdits(doc, offset, c.value);
      assert.equal(edits.length, c.count);
      if (c.count === 0) return;
      const t = fillTargets(doc, offset);
      checkEdits(doc, edits, t.target!.text);
      assert.ok(edits.every((e) => e.newText === c.value));
      assert.equal(applyEdits(template, edits), fixture(`placeholder/${c.result}`));
    });
  }

  it('"XX工业园区" does not take "XX亿元", "XX镇" nor "XX工业开发区"', () => {
    const t = fillTargets(doc, offsetOf(template, 'XX工业园区', 0));
    assert.deepEqual(t.context, { side: 'after', chars: '工业园区' });
    for (const s of t.spans) assert.ok(template.startsWith('XX工业园区', s.start));
    assert.equal(t.spans.length, template.split('XX工业园区').length - 1);
  });

  it('uses the characters before when nothing Han follows (x.x%)', () => {
    const t = fillTargets(doc, offsetOf(template, 'x.x', 0) + 1);
    assert.equal(t.target!.text, 'x.x');
    assert.deepEqual(t.context, { side: 'before', chars: '同比增长' });
    assert.equal(t.spans.length, 1);
  });

  it('touching: a cursor right after the marker still finds it', () => {
    const k = offsetOf(template, 'XX镇', 0);
    assert.equal(fillTargets(doc, k + 2).target!.text, 'XX');
    assert.deepEqual(fillTargets(doc, k + 2).spans, [{ start: k, end: k + 2 }]);
  });

  it('nothing under the cursor: no edits', () => {
    assert.deepEqual(fillEdits(doc, template.indexOf('同志们') + 1, 'A'), []);
    assert.deepEqual(fillTargets(doc, -5).spans, []);
    assert.deepEqual(fillTargets(doc, template.length + 5).spans, []);
  });

  it('works with a config (allowed words) and with a switched-off rule', () => {
    const reg = createRegistry();
    const allowTown = resolveConfig(reg, [{ allow: ['XX镇'] }]).config;
    assert.deepEqual(fillEdits(doc, offsetOf(template, 'XX镇', 0), '新桥', { config: allowTown }), []);
    const off = resolveConfig(reg, [{ rules: { 'placeholder/marker': 'off' } }]).config;
    assert.equal(fillEdits(doc, offsetOf(template, 'XX亿元', 0), '1', { config: off }).length, 2);
  });

  it('accepts precomputed items and a context length', () => {
    const items = scanPlaceholders(doc);
    const k = offsetOf(template, 'XX镇', 0);
    // with one character of context, "XX镇、" and "XX镇的" are the same placeholder
    assert.equal(fillTargets(doc, k, { items, contextChars: 1 }).spans.length, 2);
    assert.equal(fillTargets(doc, k, { items }).spans.length, 1);
  });

  it('the same result on CRLF line ends, with the ranges shifted by the extra CRs', () => {
    const crlf = template.replace(/\n/g, '\r\n');
    const d = parse(crlf);
    const offset = offsetOf(crlf, 'XX工业园区', 2);
    const edits = fillEdits(d, offset, '临江');
    assert.equal(edits.length, 7);
    assert.equal(applyEdits(crlf, edits), fixture('placeholder/template.fill-park.txt').replace(/\n/g, '\r\n'));
  });

  it('fillContext: up to 4 Han characters after, else before, else none', () => {
    assert.deepEqual(fillContext('XX工业园区建设', { start: 0, end: 2 }), { side: 'after', chars: '工业园区' });
    assert.deepEqual(fillContext('收入XX亿元，', { start: 2, end: 4 }), { side: 'after', chars: '亿元' });
    assert.deepEqual(fillContext('年均增长xx.x%', { start: 4, end: 8 }), { side: 'before', chars: '年均增长' });
    assert.deepEqual(fillContext('（ ）', { start: 0, end: 3 }), { side: 'none', chars: '' });
  });

  it('fills an emoji-laden line without touching the surrogate pairs', () => {
    const text = '😀XX镇😀和😀XX镇😀';
    const d = parse(text);
    const edits = fillEdits(d, 2, '新桥');
    assert.equal(edits.length, 2);
    assert.equal(applyEdits(text, edits), '😀新桥镇😀和😀新桥镇😀');
  });
});
