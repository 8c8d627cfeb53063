/**
 * The server's prose gate (server/src/core/prose-gate.ts, the one the VS Code
 * client uses): editors such as Neovim and Helix send every plain-text and
 * Markdown file they open; the server checks one only when it is mostly
 * Chinese prose, and `speech` documents always. A held document is kept in
 * sync and checked from the edit that makes it Chinese prose on.
 *
 * "No diagnostics" is proven without sleeping: the server handles
 * notifications in order, so once a `speech` draft opened after the held
 * document has its diagnostics, a check of the held one would have been
 * scheduled before it.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DocumentSymbol } from 'vscode-languageserver/node';
import { ROOT, TestClient, codes, corpus, fileUri } from './client';

const DRAFT = '关于工作的讲话\n一、总体要求\n今年实现收入XX亿元，增长XX%。\n';

describe('language server: which documents are checked (prose gate)', function () {
  this.timeout(60000);
  let c: TestClient;

  before(async () => {
    c = await TestClient.start({ locale: 'en', initializationOptions: { debounceMs: 0 } });
  });
  after(async () => {
    await c?.stop();
  });

  /** Open a speech draft after everything sent so far and wait for its diagnostics. */
  async function barrier(name: string): Promise<void> {
    const uri = `untitled:${name}.speech`;
    const mark = c.mark();
    c.open(uri, DRAFT);
    await c.waitForDiagnostics(uri, mark);
    c.close(uri);
  }

  it("this project's English README opened as markdown: no diagnostics, no symbols, even after an edit", async () => {
    const readme = path.join(ROOT, 'README.md');
    const uri = fileUri(readme);
    const text = fs.readFileSync(readme, 'utf8');
    assert.ok((text.match(/[\u4e00-\u9fff]/g) ?? []).length > 200, 'the README has Chinese in it (rule names, examples)');
    const mark = c.mark();
    c.open(uri, text, 1, 'markdown');
    await barrier('after-readme');
    c.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '的的 XX\n' }]);
    await barrier('after-readme-edit');
    assert.deepEqual(
      c.diagnostics.slice(mark).filter((p) => p.uri === uri),
      [],
    );
    const syms = await c.request<DocumentSymbol[] | null>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(syms === null || syms.length === 0, JSON.stringify(syms));
    c.close(uri);
  });

  it('a real draft as markdown, and as Neovim\'s "text": checked', async () => {
    const d = corpus('004');
    for (const languageId of ['markdown', 'text', 'plaintext']) {
      const uri = `${d.uri}.${languageId}`;
      const mark = c.mark();
      c.open(uri, d.text, 1, languageId);
      const p = await c.waitForDiagnostics(uri, mark);
      assert.ok(codes(p, 'placeholder/marker').length > 0, languageId);
      c.close(uri);
    }
  });

  it('a speech document is checked whatever its text; a short Chinese note as markdown is not', async () => {
    const speech = 'untitled:english.speech';
    const mark = c.mark();
    c.open(speech, 'Dear colleagues, XX and the the.\n');
    const p = await c.waitForDiagnostics(speech, mark);
    assert.ok(codes(p, 'placeholder/marker').length > 0);
    const note = 'untitled:note.md';
    c.open(note, '# 笔记\n\n收入XX亿元\n', 1, 'markdown');
    await barrier('after-note');
    assert.equal(c.diagnostics.slice(mark).filter((q) => q.uri === note).length, 0);
    c.close(speech);
    c.close(note);
  });

  it('a held document is checked from the edit that makes it Chinese prose, and stays checked', async () => {
    const uri = 'untitled:growing.md';
    const mark = c.mark();
    c.open(uri, 'Notes\n', 1, 'markdown');
    await barrier('before-growing');
    assert.equal(c.diagnostics.slice(mark).filter((q) => q.uri === uri).length, 0);
    const d = corpus('000');
    c.change(uri, 2, [{ text: d.text }]);
    const p = await c.waitForDiagnostics(uri, mark);
    assert.equal(p.version, 2);
    assert.ok(p.diagnostics.length > 0);
    // admitted: English pasted on top does not take it out
    const mark2 = c.mark();
    c.change(uri, 3, [{ text: 'English '.repeat(5000) + d.text }]);
    const q = await c.waitForDiagnostics(uri, mark2);
    assert.equal(q.version, 3);
    c.close(uri);
  });
});
