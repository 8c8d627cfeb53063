/**
 * Hostile workspaces and hostile input against the language server (issue
 * #18), scaled to run in seconds. In every case: one clear message, the other
 * checks still published, and the server answering a request about another
 * document within ANSWER_MS (a bound that catches a hang or a blocked main
 * thread, not a speed benchmark), and exiting when asked.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { TestClient, codes, fileUri, rmTemp, tempDir, writeIn as write } from './client';

const MARKER = 'placeholder/marker';
const DRAFT = '关于工作的讲话\n\n同志们：\n\n一、总体要求\n今年实现收入XX亿元，增长XX%。\n';
/** A request about another document must be answered within this while a hostile one is open. */
const ANSWER_MS = 1000;
const posix = process.platform !== 'win32';

function markers(p: PublishDiagnosticsParams): Diagnostic[] {
  return codes(p, MARKER);
}

/** Open a plain draft and check that the server publishes for it and answers a request about it within ANSWER_MS. */
async function answersAnother(c: TestClient, dir: string): Promise<void> {
  const other = fileUri(path.join(dir, `other-${Date.now()}-${Math.random().toString(36).slice(2)}.speech`));
  const mark = c.mark();
  c.open(other, DRAFT);
  const t0 = Date.now();
  const symbols = await c.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: other } });
  assert.ok(Date.now() - t0 < ANSWER_MS, `another document answered within ${ANSWER_MS} ms (took ${Date.now() - t0} ms)`);
  assert.ok(Array.isArray(symbols) && symbols.length > 0);
  const p = await c.waitForDiagnostics(other, mark);
  assert.equal(markers(p).length, 2, 'the other document is checked');
}

/** Shutdown and exit: the server process ends by itself. */
async function exits(c: TestClient): Promise<void> {
  await c.request('shutdown', null);
  c.notify('exit', null);
  await c.waitFor(() => (c.exitCode !== undefined ? true : undefined), 'the server to exit', 5000);
}

describe('language server: hostile workspaces and input', function () {
  this.timeout(90_000);
  let dir: string;
  beforeEach(() => (dir = tempDir()));
  afterEach(() => rmTemp(dir));

  it('a catastrophic pattern in .speechlintrc.json: the draft is checked, other documents answered, the server exits', async () => {
    write(dir, '.speechlintrc.json', JSON.stringify({ rules: { [MARKER]: ['warning', { patterns: ['([^Z]+)+Z', '(x+x+)+y'] }] } }));
    const text = DRAFT + '今年全市经济运行总体平稳，稳中有进，各项工作取得新成效。\n'.repeat(3000);
    const uri = fileUri(write(dir, 'draft.speech', text));
    const c = await TestClient.start({ locale: 'en', workspaceFolder: dir, initializationOptions: { debounceMs: 0 } });
    try {
      const mark = c.mark();
      c.open(uri, text);
      await answersAnother(c, dir);
      const p = await c.waitForDiagnostics(uri, mark);
      assert.equal(markers(p).length, 2);
      await exits(c);
    } finally {
      await c.stop();
    }
  });

  it('a dictionary that is a FIFO, /dev/zero or outside the workspace: one warning each, checks go on, the server exits', async function () {
    if (!posix) this.skip();
    execFileSync('mkfifo', [path.join(dir, 'fifo', 'words.txt')].map((p) => (fs.mkdirSync(path.dirname(p), { recursive: true }), p)));
    write(dir, 'fifo/.speechlintrc.json', JSON.stringify({ dictionary: 'words.txt' }));
    write(dir, 'zero/.speechlintrc.json', JSON.stringify({ dictionary: '/dev/zero' }));
    write(dir, 'passwd/.speechlintrc.json', JSON.stringify({ dictionary: '../../../../../../etc/passwd' }));
    const c = await TestClient.start({ locale: 'en', workspaceFolder: dir, initializationOptions: { debounceMs: 0 } });
    try {
      const cases: [string, RegExp][] = [
        ['fifo', /words\.txt is not a regular file; not read/],
        ['zero', /\/dev\/zero is outside the workspace/],
        ['passwd', /passwd is outside the workspace/],
      ];
      for (const [sub, expected] of cases) {
        const uri = fileUri(write(dir, `${sub}/draft.speech`, DRAFT));
        const mark = c.mark();
        c.open(uri, DRAFT);
        const m = await c.waitForMessage((x) => expected.test(x.message));
        assert.match(m.message, /\.speechlintrc\.json: dictionary: /);
        const p = await c.waitForDiagnostics(uri, mark);
        assert.equal(markers(p).length, 2, `the checks go on (${sub})`);
      }
      await answersAnother(c, dir);
      assert.equal(c.messages.filter((m) => /dictionary/.test(m.message)).length, 3, 'one message per file');
      await exits(c);
    } finally {
      await c.stop();
    }
  });

  it('a config nested 5,000 levels deep: one warning, the drafts under it still checked', async () => {
    const deep = `{"mode":"final","rules":{"${MARKER}":${'['.repeat(5000)}"error"${']'.repeat(5000)}}}`;
    write(dir, '.speechlintrc.json', deep);
    const uri = fileUri(write(dir, 'draft.speech', DRAFT));
    const c = await TestClient.start({ locale: 'en', workspaceFolder: dir, initializationOptions: { debounceMs: 0 } });
    try {
      const mark = c.mark();
      c.open(uri, DRAFT);
      const m = await c.waitForMessage((x) => /nested more than 32 levels deep/.test(x.message));
      assert.match(m.message, /rules\.placeholder\/marker/);
      const p = await c.waitForDiagnostics(uri, mark);
      assert.equal(markers(p).length, 2);
      assert.ok(markers(p).every((d) => d.severity === 1), 'the rest of the file applies (mode final)');
      await answersAnother(c, dir);
    } finally {
      await c.stop();
    }
  });

  it('a symlinked .speechlintrc.json that is not JSON: the warning says where, not what the target holds', async function () {
    if (!posix) this.skip();
    const secret = write(dir, 'secret.env', 'TOKEN_ghp_abcdefghijklmnop=1\n');
    const ws = path.join(dir, 'ws');
    fs.mkdirSync(ws);
    fs.symlinkSync(secret, path.join(ws, '.speechlintrc.json'));
    const uri = fileUri(write(ws, 'draft.speech', DRAFT));
    const c = await TestClient.start({ locale: 'en', workspaceFolder: ws, initializationOptions: { debounceMs: 0 } });
    try {
      c.open(uri, DRAFT);
      const m = await c.waitForMessage((x) => /invalid JSON/.test(x.message));
      assert.doesNotMatch(m.message, /TOKEN|ghp|abcdef/);
    } finally {
      await c.stop();
    }
  });

  it('a burst of 10,000 changes with debounceMs 0 is checked at its end, not once per change', async () => {
    const uri = fileUri(path.join(dir, 'burst.speech'));
    const c = await TestClient.start({ locale: 'en', workspaceFolder: dir, initializationOptions: { debounceMs: 0 } });
    try {
      const mark = c.mark();
      c.open(uri, DRAFT);
      await c.waitForDiagnostics(uri, mark);
      const mark2 = c.mark();
      const N = 10_000;
      for (let v = 2; v <= N + 1; v++) c.change(uri, v, [{ range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, text: 'X' }]);
      const p = await c.waitForDiagnostics(uri, mark2, (x) => x.version === N + 1);
      assert.ok(p.diagnostics.length > 0);
      const published = c.diagnostics.slice(mark2).filter((x) => x.uri === uri).length;
      assert.ok(published < 200, `the burst was checked ${published} times, not once per change`);
      await answersAnother(c, dir);
    } finally {
      await c.stop();
    }
  });

  it('a document over 20 MB: one warning, left unchecked, other documents answered', async () => {
    const uri = fileUri(path.join(dir, 'huge.speech'));
    const huge = '今年XX亿元。\n'.repeat(3_000_000); // 21 MB of UTF-8
    const c = await TestClient.start({ locale: 'en', workspaceFolder: dir, initializationOptions: { debounceMs: 0 } });
    try {
      const mark = c.mark();
      c.open(uri, huge);
      const m = await c.waitForMessage((x) => /over 20 MB; it is not checked/.test(x.message));
      assert.match(m.message, /huge\.speech/);
      const p = await c.waitForDiagnostics(uri, mark);
      assert.deepEqual(p.diagnostics, []);
      await answersAnother(c, dir);
      // requests about it are answered at once, from nothing
      const pos = { textDocument: { uri }, position: { line: 0, character: 3 } };
      assert.equal(await c.request('textDocument/hover', pos), null);
      assert.deepEqual(await c.request('textDocument/documentSymbol', { textDocument: { uri } }), []);
      // Export to Word refuses it (its model is empty: the export would be an empty document)
      await assert.rejects(c.request('speechlint/exportDocx', { uri }), /over 20 MB/);
      // a change keeps it unchecked and says nothing more
      c.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'X' }]);
      await c.waitForDiagnostics(uri, mark, (x) => x.version === 2);
      assert.equal(c.messages.filter((x) => /not checked/.test(x.message)).length, 1);
    } finally {
      await c.stop();
    }
  });

  it('an untrusted workspace: the config file supplies no patterns and no dictionary (one line); trusting it turns them on', async () => {
    write(dir, 'words.txt', '学赶\n');
    write(dir, '.speechlintrc.json', JSON.stringify({ dictionary: 'words.txt', rules: { [MARKER]: ['warning', { patterns: ['甲乙丙'] }] } }));
    const text = DRAFT + '甲乙丙\n';
    const uri = fileUri(write(dir, 'draft.speech', text));
    const c = await TestClient.start({ locale: 'en', workspaceFolder: dir, initializationOptions: { debounceMs: 0, workspaceTrusted: false } });
    try {
      const mark = c.mark();
      c.open(uri, text);
      const m = await c.waitForMessage((x) => /not trusted/.test(x.message));
      assert.match(m.message, /dictionary, rules\.placeholder\/marker\.patterns: ignored: the workspace is not trusted \(trust it to use them\)/);
      const p = await c.waitForDiagnostics(uri, mark);
      assert.equal(markers(p).length, 2, 'the built-in forms only');
      assert.ok(markers(p).every((d) => d.severity === 2), 'the rest of the rule setting applies (warning)');
      const mark2 = c.mark();
      c.notify('speechlint/workspaceTrusted', {});
      const p2 = await c.waitForDiagnostics(uri, mark2, (x) => markers(x).length === 3);
      assert.equal(markers(p2).length, 3, 'the pattern reports once the workspace is trusted');
    } finally {
      await c.stop();
    }
  });
});
