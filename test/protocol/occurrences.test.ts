/**
 * Hover and document highlights for repeated phrases through the language
 * server: a phrase repetition/overused-phrase flags lists its lines on hover
 * and highlights every occurrence; a repeated word that is not flagged is
 * highlighted without a hover; a word used once gets neither. The segmented
 * worker answers (jieba), from the text of the current version.
 */
import * as assert from 'node:assert/strict';
import type { DocumentHighlight, Hover, MarkupContent, Position, Range } from 'vscode-languageserver/node';
import { TestClient, textAt } from './client';

const OVERUSED = 'repetition/overused-phrase';
/** The rule is opt-in: these tests turn it on, as a user would. */
const ON = { rules: { [OVERUSED]: 'info' } };

/** The draft of the unit tests: 推进 three times on lines 3–5 (flagged), 园区 twice on line 5 (not flagged), 转型 once. */
const DRAFT = ['标题', '', '今年以来，我们推进产业转型，成效明显。', '在推进过程中，也暴露出一些问题，', '需要在下一步推进中认真解决。园区建设成效明显，园区面貌焕然一新。'].join('\n');

/** Position of the `nth` (0-based) occurrence of `needle` in `text`, plus `delta` characters. */
function at(text: string, needle: string, nth = 0, delta = 0): Position {
  let i = -1;
  for (let k = 0; k <= nth; k++) {
    i = text.indexOf(needle, i + 1);
    if (i < 0) throw new Error(`no occurrence ${nth} of ${needle}`);
  }
  const before = text.slice(0, i + delta);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - (before.lastIndexOf('\n') + 1) };
}

function range(text: string, needle: string, nth = 0): Range {
  const start = at(text, needle, nth);
  return { start, end: { line: start.line, character: start.character + needle.length } };
}

function value(h: Hover | null): string {
  assert.ok(h, 'a hover');
  const c = h.contents as MarkupContent;
  assert.equal(typeof c.value, 'string');
  return c.value;
}

describe('language server: hover and document highlights for repeated phrases', function () {
  this.timeout(60000);

  describe('Chinese (default locale)', () => {
    let c: TestClient;
    before(async () => {
      c = await TestClient.start({ initializationOptions: { debounceMs: 0 }, settings: ON });
    });
    after(async () => {
      await c?.stop();
    });

    const hover = (uri: string, position: Position) => c.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
    const highlights = (uri: string, position: Position) => c.request<DocumentHighlight[] | null>('textDocument/documentHighlight', { textDocument: { uri }, position });

    /** Open a draft and wait until the segmented phase reported (the worker has jieba loaded). */
    async function openChecked(uri: string, text: string): Promise<void> {
      const mark = c.mark();
      c.open(uri, text);
      await c.waitForDiagnostics(uri, mark, (p) => p.diagnostics.some((d) => d.code === OVERUSED));
    }

    it('declares hover and document highlights', () => {
      assert.equal(c.initializeResult.capabilities.hoverProvider, true);
      assert.equal(c.initializeResult.capabilities.documentHighlightProvider, true);
    });

    it('hover on a flagged phrase: every line it occurs on (1-based) and what the rule reports', async () => {
      const uri = 'untitled:hover-flagged.speech';
      await openChecked(uri, DRAFT);
      for (const nth of [0, 1, 2]) {
        const h = await hover(uri, at(DRAFT, '推进', nth, 1));
        const v = value(h);
        assert.equal((h!.contents as MarkupContent).kind, 'markdown');
        const [first, second] = v.split('\n\n');
        assert.equal(first, '“推进”在稿中出现 3 次：第 3、4、5 行');
        assert.match(second, /^\[`repetition\/overused-phrase`\]\(https:\/\/[^)]+#rule-repetition-overused-phrase\)：第 3—5 行 \d+ 字内出现 3 次。可换一种说法或删去一处。$/);
        // the range is the occurrence under the mouse
        assert.deepEqual(h!.range, range(DRAFT, '推进', nth));
      }
      c.close(uri);
    });

    it('highlights: exactly every occurrence of the flagged phrase, as text highlights', async () => {
      const uri = 'untitled:highlight-flagged.speech';
      await openChecked(uri, DRAFT);
      const hl = await highlights(uri, at(DRAFT, '推进', 2));
      assert.ok(hl);
      assert.deepEqual(hl, [0, 1, 2].map((n) => ({ range: range(DRAFT, '推进', n), kind: 1 })));
      // the cursor right after the word still names it
      assert.deepEqual(await highlights(uri, at(DRAFT, '推进', 0, 2)), hl);
      c.close(uri);
    });

    it('a repeated word that is not flagged: highlighted, no hover', async () => {
      const uri = 'untitled:repeated.speech';
      await openChecked(uri, DRAFT);
      const pos = at(DRAFT, '园区', 1, 1);
      assert.equal(await hover(uri, pos), null);
      const hl = await highlights(uri, pos);
      assert.deepEqual(hl, [0, 1].map((n) => ({ range: range(DRAFT, '园区', n), kind: 1 })));
      assert.deepEqual(hl!.map((h) => textAt(DRAFT, h.range)), ['园区', '园区']);
      c.close(uri);
    });

    it('a word used once, a function word, punctuation, a blank line: neither hover nor highlights', async () => {
      const uri = 'untitled:once.speech';
      await openChecked(uri, DRAFT);
      for (const pos of [at(DRAFT, '转型', 0, 1), at(DRAFT, '我们', 0, 1), at(DRAFT, '，', 0), { line: 1, character: 0 }, { line: 99, character: 99 }]) {
        assert.equal(await hover(uri, pos), null, JSON.stringify(pos));
        assert.equal(await highlights(uri, pos), null, JSON.stringify(pos));
      }
      c.close(uri);
    });

    it('after an edit: the new text, at once (without waiting for the check)', async () => {
      const uri = 'untitled:edited.speech';
      await openChecked(uri, DRAFT);
      // a new line 3 with 推进 in it: the old lines 3–5 become 4–6
      const insert = '要加快推进项目建设。\n';
      const text = DRAFT.replace('今年以来', insert + '今年以来');
      c.change(uri, 2, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: insert }]);
      const h = await hover(uri, at(text, '推进', 3, 1));
      assert.equal(value(h).split('\n\n')[0], '“推进”在稿中出现 4 次：第 3、4、5、6 行');
      assert.deepEqual(h!.range, range(text, '推进', 3));
      const hl = await highlights(uri, at(text, '推进', 0));
      assert.deepEqual(hl, [0, 1, 2, 3].map((n) => ({ range: range(text, '推进', n), kind: 1 })));
      // and back: two occurrences removed, 推进 is no longer flagged
      const fewer = text.replace('在推进过程中', '在过程中').replace('下一步推进中', '下一步');
      c.change(uri, 3, [{ text: fewer }]);
      assert.equal(await hover(uri, at(fewer, '推进', 0, 1)), null);
      assert.deepEqual(await highlights(uri, at(fewer, '推进', 0, 1)), [0, 1].map((n) => ({ range: range(fewer, '推进', n), kind: 1 })));
      c.close(uri);
    });

    it('several occurrences on one line are counted on it; a closed or unknown document gets null', async () => {
      const uri = 'untitled:one-line.speech';
      const text = '讲话\n今年以来，我们推进产业转型，在推进过程中也暴露出一些问题，需要在下一步推进中认真解决。\n';
      await openChecked(uri, text);
      const h = await hover(uri, at(text, '推进', 1));
      assert.equal(value(h).split('\n\n')[0], '“推进”在稿中出现 3 次，都在第 2 行');
      assert.match(value(h).split('\n\n')[1], /：第 2 行 \d+ 字内出现 3 次。/);
      c.close(uri);
      assert.equal(await hover(uri, at(text, '推进', 1)), null);
      assert.equal(await highlights('untitled:never-opened.speech', { line: 0, character: 0 }), null);
    });

    it('bad params are answered with null, and the server keeps going', async () => {
      const uri = 'untitled:bad.speech';
      await openChecked(uri, DRAFT);
      for (const params of [{}, { textDocument: { uri } }, { textDocument: { uri }, position: { line: 'x', character: 1 } }, { textDocument: { uri }, position: { line: -1, character: -1 } }]) {
        assert.equal(await c.request('textDocument/hover', params), null);
        assert.equal(await c.request('textDocument/documentHighlight', params), null);
      }
      assert.ok(await hover(uri, at(DRAFT, '推进', 0)));
      c.close(uri);
    });

    it('the rule off in the settings (as shipped): no hover, highlights still work; on again: the hover is back', async () => {
      const uri = 'untitled:rule-off.speech';
      await openChecked(uri, DRAFT);
      c.settings = {};
      let mark = c.mark();
      c.notify('workspace/didChangeConfiguration', { settings: null });
      await c.waitForDiagnostics(uri, mark, (p) => !p.diagnostics.some((d) => d.code === OVERUSED));
      const pos = at(DRAFT, '推进', 1, 1);
      assert.equal(await hover(uri, pos), null);
      assert.deepEqual(await highlights(uri, pos), [0, 1, 2].map((n) => ({ range: range(DRAFT, '推进', n), kind: 1 })));
      c.settings = ON;
      mark = c.mark();
      c.notify('workspace/didChangeConfiguration', { settings: null });
      await c.waitForDiagnostics(uri, mark, (p) => p.diagnostics.some((d) => d.code === OVERUSED));
      assert.ok(await hover(uri, pos));
      c.close(uri);
    });
  });

  it('English locale, plain-text hovers for a client without markdown; answered from the segmentation the worker kept', async () => {
    const c = await TestClient.start({
      locale: 'en',
      settings: ON,
      env: { SPEECHLINT_DEBUG: '1' },
      initializationOptions: { debounceMs: 0 },
      capabilities: { textDocument: { hover: { contentFormat: ['plaintext'] } } },
    });
    try {
      const uri = 'untitled:english.speech';
      const mark = c.mark();
      c.open(uri, DRAFT);
      await c.waitForDiagnostics(uri, mark, (p) => p.diagnostics.some((d) => d.code === OVERUSED));
      const h = await c.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: at(DRAFT, '推进', 0, 1) });
      assert.equal((h!.contents as MarkupContent).kind, 'plaintext');
      const [first, second] = value(h).split('\n\n');
      assert.equal(first, '"推进" occurs 3 times: lines 3, 4, 5');
      assert.match(second, /^repetition\/overused-phrase: 3 times within \d+ characters \(lines 3–5\)\. Vary the wording or drop one\.$/);
      // the check of this version segmented it already: the hover neither parses nor segments again
      const log = await c.waitForLog((l) => l.message.startsWith(`speechlint: occurrences of ${uri} v1 at `));
      assert.match(log.message, /kept segmentation, "推进" ×3$/);
    } finally {
      await c.stop();
    }
  });

  it('without jieba: null, no error', async () => {
    const c = await TestClient.start({ locale: 'en', env: { SPEECHLINT_TEST_RULES: '1', SPEECHLINT_TEST_NO_JIEBA: '1' }, initializationOptions: { debounceMs: 0 } });
    try {
      await c.waitForLog((l) => l.message.includes('word segmentation (jieba) is unavailable'));
      const uri = 'untitled:nojieba.speech';
      const mark = c.mark();
      c.open(uri, DRAFT);
      await c.waitForDiagnostics(uri, mark);
      const position = at(DRAFT, '推进', 0, 1);
      assert.equal(await c.request('textDocument/hover', { textDocument: { uri }, position }), null);
      assert.equal(await c.request('textDocument/documentHighlight', { textDocument: { uri }, position }), null);
      assert.ok(!c.logs.some((l) => /hover failed|documentHighlight failed|occurrences query failed/.test(l.message)));
    } finally {
      await c.stop();
    }
  });
});
