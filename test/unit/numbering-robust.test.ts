/**
 * numbering/* and renumbering on random and garbled input: no throw, every
 * span and edit inside the text and off surrogate halves, renumbering
 * idempotent, moving sections valid.
 */
import { strict as assert } from 'assert';
import * as fc from 'fast-check';
import { applyEdits } from '../../server/src/core/lint';
import { parse } from '../../server/src/core/parse';
import { moveSectionEdits, renumberEdits } from '../../server/src/core/renumber';
import type { Report, TextEdit } from '../../server/src/core/rule';
import { DEFAULT_SETTINGS } from '../../server/src/core/rule';
import { allRules } from '../../server/src/core/rules';
import type { Span } from '../../server/src/core/text';
import { CORPUS, fixture } from './helpers';

const PIECES = [
  '一', '二', '三', '四', '十', '十一', '两', '、', '（', '）', '(', ')', '1', '2', '0', '01', '１', '.', '．', '，', ',', '。', '：', ':', '；',
  '是', '要', '第', '部分', '首先', '其次', '再次', '最后', '一方面', '另一方面', '讲', '点意见', '个方面', '大', '项工作', '“', '”',
  '\n', '\r\n', '\r', ' ', '\u3000', '\t', '#', '同志们：', '同志们，', '下面', '正文', 'X', '😀', '\ud800', '\udc00', '\0', '\ufeff', '等', '和',
];

const numbering = allRules.filter((r) => r.meta.id.startsWith('numbering/'));

function insideText(text: string, s: Span): boolean {
  const hi = (i: number) => i > 0 && i < text.length && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff && text.charCodeAt(i) >= 0xdc00 && text.charCodeAt(i) <= 0xdfff;
  return s.start >= 0 && s.end >= s.start && s.end <= text.length && !hi(s.start) && !hi(s.end);
}

function checkEdits(text: string, edits: TextEdit[]) {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  for (let i = 0; i < sorted.length; i++) {
    assert.ok(insideText(text, sorted[i]), `edit ${JSON.stringify(sorted[i])} inside the text`);
    if (i) assert.ok(sorted[i].start >= sorted[i - 1].end, 'edits do not overlap');
  }
}

/** Run every numbering rule's check directly (no clamping by lint) and validate what it reports. */
function checkDraft(text: string) {
  const doc = parse(text);
  for (const rule of numbering) {
    const reports: Report[] = [];
    rule.check({ doc, options: rule.meta.defaultOptions, settings: DEFAULT_SETTINGS, report: (r) => reports.push(r) });
    for (const r of reports) {
      assert.ok(insideText(text, r.span), `${rule.meta.id} span ${JSON.stringify(r.span)}`);
      assert.ok(r.span.end > r.span.start, `${rule.meta.id} span is not empty`);
      assert.ok(rule.messages[r.messageId], `${rule.meta.id} message ${r.messageId} exists`);
      for (const x of r.related ?? []) assert.ok(insideText(text, x.span));
      for (const f of r.fixes ?? []) checkEdits(text, f.edits);
    }
  }
  const edits = renumberEdits(doc);
  checkEdits(text, edits);
  const once = applyEdits(text, edits);
  assert.deepEqual(renumberEdits(parse(once)), [], `renumbering is idempotent on ${JSON.stringify(text.slice(0, 200))}`);
  for (const sec of doc.allSections.slice(0, 20)) {
    for (const dir of ['up', 'down'] as const) {
      const m = moveSectionEdits(doc, sec.span.start, dir);
      checkEdits(text, m);
      applyEdits(text, m);
    }
  }
}

describe('numbering robustness', () => {
  it('random drafts built from marker pieces (fixed seed)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 300 }), (parts) => checkDraft(parts.join(''))),
      { numRuns: 600, seed: 20240305 },
    );
  });

  it('random unicode strings (fixed seed)', () => {
    fc.assert(fc.property(fc.fullUnicodeString({ maxLength: 400 }), (s) => checkDraft(s)), { numRuns: 300, seed: 7 });
  });

  it('corpus drafts cut at random places and shuffled by lines', () => {
    const texts = Object.values(CORPUS).map(fixture);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 20000 }), fc.integer({ min: 0, max: 20000 }), (k, a, b) => {
        const t = texts[k];
        const cut = t.slice(Math.min(a, b) % t.length, Math.max(a, b) % (t.length + 1));
        checkDraft(cut);
        const lines = t.split('\n');
        const shuffled = lines.map((_, i) => lines[(i * (a + 7)) % lines.length]).join('\n');
        checkDraft(shuffled);
      }),
      { numRuns: 60, seed: 42 },
    );
  });

  it('edge inputs: empty, whitespace, BOM, NUL bytes, lone surrogates, CRLF, a 1 MB line', () => {
    const big = '一、标题。正文一是甲，二是乙，四是丙。（一）（二）讲三点意见：甲、乙。'.repeat(30000);
    for (const t of ['', '\n', '\ufeff', '\0\0\0', '\ud800一、\udc00', '一、\r\n二、\r\n', '（', '第', '一方面', '01\n', '01\n02', big]) checkDraft(t);
  });

  it('a 1 MB draft of 20,000 duplicate headings reports a bounded number of findings', () => {
    const t = Array.from({ length: 20000 }, () => '一、标题\n正文。').join('\n');
    const doc = parse(t);
    const seq = numbering.find((r) => r.meta.id === 'numbering/sequence')!;
    const reports: Report[] = [];
    seq.check({ doc, options: {}, settings: DEFAULT_SETTINGS, report: (r) => reports.push(r) });
    assert.ok(reports.length > 0 && reports.length <= 20);
    assert.equal(reports[0].fixes![0].edits.length, 19999);
  });
});
