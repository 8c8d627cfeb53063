/**
 * Fixes in `--format json` are minimal edits: a series renumbered across a
 * writer's material file (real drafts pasted one after another) carries the
 * markers' numerals, never the text between them (before, each
 * numbering/sequence fix of the 1.4 MB material file was one ESLint range
 * with ~490 KB of replacement text, and the JSON was 38 times the file).
 */
import * as assert from 'node:assert/strict';
import { materialFile } from '../../bench/drafts';
import { eslintFix, MAX_MERGED_GAP, mergeEdits, toEslintResult } from '../../server/src/cli-format';
import type { EslintFix, EslintMessage, EslintResult } from '../../server/src/cli-format';
import { defaultConfig } from '../../server/src/core/config';
import { applyEdits, lint } from '../../server/src/core/lint';
import { parse } from '../../server/src/core/parse';
import type { TextEdit } from '../../server/src/core/rule';
import { createRegistry } from '../../server/src/core/rules';
import type { Span } from '../../server/src/core/text';

const apply = (text: string, f: { range: [number, number]; text: string }) => text.slice(0, f.range[0]) + f.text + text.slice(f.range[1]);
const asEdits = (f: EslintFix): TextEdit[] => f.edits!.map((e) => ({ start: e.range[0], end: e.range[1], newText: e.text }));

describe('fixes as minimal edits (--format json)', () => {
  describe('eslintFix', () => {
    const text = '一、甲\n' + '正文。'.repeat(100) + '\n三、乙\n' + '正文。'.repeat(100) + '\n四、丙\n';
    const at = (s: string) => text.indexOf(s);
    const renumber: TextEdit[] = [
      { start: at('三、'), end: at('三、') + 1, newText: '二' },
      { start: at('四、'), end: at('四、') + 1, newText: '三' },
    ];

    it('merges edits close together into one range, as ESLint does', () => {
      const close: TextEdit[] = [
        { start: 0, end: 0, newText: '（' },
        { start: 1, end: 2, newText: '）' },
      ];
      assert.deepEqual(eslintFix(text, close, '\n', { start: 0, end: 2 }), { range: [0, 2], text: '（一）' });
    });

    it('gives edits far apart one by one, the range at the finding holding its own edit only', () => {
      const f = eslintFix(text, renumber, '\n', { start: at('四、'), end: at('四、') + 1 })!;
      assert.deepEqual(f.range, [at('四、'), at('四、') + 1]);
      assert.equal(f.text, '三');
      assert.deepEqual(f.edits, [
        { range: [at('三、'), at('三、') + 1], text: '二' },
        { range: [at('四、'), at('四、') + 1], text: '三' },
      ]);
      assert.ok(at('四、') - at('三、') > MAX_MERGED_GAP);
      // the edits, applied together, give what the one merged range gave
      assert.equal(applyEdits(text, asEdits(f)), apply(text, mergeEdits(text, renumber, '\n')!));
    });

    it('refuses overlapping edits and keeps the draft\'s line breaks in the text', () => {
      assert.equal(eslintFix(text, [{ start: 0, end: 3, newText: '' }, { start: 2, end: 4, newText: '' }], '\n', { start: 0, end: 1 }), undefined);
      assert.deepEqual(eslintFix('a\r\nb', [{ start: 1, end: 1, newText: 'x\ny' }], '\r\n', { start: 1, end: 1 }), { range: [1, 1], text: 'x\r\ny' });
    });
  });

  describe('on a material file of real drafts pasted together', () => {
    let text: string;
    let result: EslintResult;
    let numberSpans: Span[];
    let spread: EslintMessage[];
    const inMarker = (r: [number, number]) => numberSpans.some((s) => s.start <= r[0] && r[1] <= s.end);
    before(() => {
      text = materialFile(200_000);
      const doc = parse(text);
      const registry = createRegistry();
      const findings = lint(doc, registry, defaultConfig(registry), { phase: 'fast' });
      result = toEslintResult({ filePath: 'material.txt', display: 'material.txt', text, eol: '\n', findings }, 'en');
      numberSpans = [
        ...doc.allSections.flatMap((s) => (s.heading.marker ? [s.heading.marker.numberSpan] : [])),
        ...doc.series.flatMap((s) => s.items.map((i) => i.numberSpan ?? i.span)),
      ];
      // the numbering fixes (a series renumbered); the typography and residue rules' paragraph-wide fixes spread too, and are sized by the JSON check below
      spread = result.messages.filter((m) => m.fix?.edits && m.ruleId?.startsWith('numbering/'));
    });

    it('renumbers the pasted drafts\' series with edits to the markers alone', () => {
      assert.ok(spread.length >= 3, `series fixes spread over the file: ${spread.length}`);
      assert.ok(spread.some((m) => m.ruleId === 'numbering/sequence'));
      for (const m of spread) {
        for (const e of m.fix!.edits!) {
          assert.ok(inMarker(e.range), `${m.ruleId}: edit ${JSON.stringify(e)} is not inside a marker's numeral`);
          assert.ok(e.text.length <= 4 && e.range[1] - e.range[0] <= 4, `${m.ruleId}: ${JSON.stringify(e)}`);
        }
        assert.ok(inMarker(m.fix!.range), `${m.ruleId}: the fix's own range is a marker's numeral`);
      }
    });

    it('applying the edits gives the same text as the one covering range did', () => {
      for (const m of result.messages.filter((x) => x.fix?.edits)) {
        const edits = asEdits(m.fix!);
        assert.equal(applyEdits(text, edits), apply(text, mergeEdits(text, edits, '\n')!), m.ruleId);
      }
    });

    it('no numbering fix or suggestion carries more than a few characters', () => {
      for (const m of result.messages.filter((x) => x.ruleId?.startsWith('numbering/'))) {
        for (const f of [m.fix, ...(m.suggestions ?? []).map((s) => s.fix)]) {
          if (f) assert.ok(f.text.length <= 60, `${m.ruleId}: ${f.text.length} characters`);
        }
      }
    });

    it('keeps the JSON report well under three times the file', () => {
      const bytes = Buffer.byteLength(JSON.stringify([result]));
      assert.ok(bytes < 3 * Buffer.byteLength(text), `${bytes} bytes of JSON for ${Buffer.byteLength(text)} bytes`);
    });
  });
});
