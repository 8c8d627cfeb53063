/**
 * The segmented phase over the protocol: the worker thread that owns the jieba
 * dictionary, the user dictionary named by the config, failing rules on both
 * threads, and a process where jieba cannot be loaded.
 * Uses the test-only rules of server/src/test-rules.ts (SPEECHLINT_TEST_RULES=1).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { TestClient, codes, fileUri, rmTemp, tempDir, textAt } from './client';

const MARKER = 'placeholder/marker';
const SEGMENTED = 'repetition/test-segmented';

describe('language server: segmented phase (worker thread, jieba)', function () {
  this.timeout(60000);

  describe('with jieba', () => {
    let c: TestClient;
    let dir: string;
    before(async () => {
      dir = tempDir();
      c = await TestClient.start({ locale: 'en', env: { SPEECHLINT_TEST_RULES: '1' }, workspaceFolder: dir, initializationOptions: { debounceMs: 0 } });
    });
    after(async () => {
      await c?.stop();
      rmTemp(dir);
    });

    it('the user dictionary of the config reaches the worker: 放管服 becomes one token', async () => {
      const rule = { [SEGMENTED]: ['info', { words: ['放管服', '改革'] }] };
      const text = '讲话\n要深化放管服改革。\n';
      // without a dictionary jieba cuts 放/管/服
      fs.mkdirSync(path.join(dir, 'plain'));
      fs.writeFileSync(path.join(dir, 'plain', '.speechlintrc.json'), JSON.stringify({ rules: rule }));
      const plain = fileUri(path.join(dir, 'plain', 'a.speech'));
      let mark = c.mark();
      c.open(plain, text);
      let p = await c.waitForDiagnostics(plain, mark, (x) => codes(x, SEGMENTED).length > 0);
      assert.deepEqual(codes(p, SEGMENTED).map((d) => textAt(text, d.range)), ['改革']);
      c.close(plain);

      fs.mkdirSync(path.join(dir, 'dict'));
      fs.writeFileSync(path.join(dir, 'dict', 'words.txt'), '# terms\n放管服\n学赶 10 n\n');
      fs.writeFileSync(path.join(dir, 'dict', '.speechlintrc.json'), JSON.stringify({ rules: rule, dictionary: 'words.txt' }));
      const withDict = fileUri(path.join(dir, 'dict', 'a.speech'));
      mark = c.mark();
      c.open(withDict, text);
      p = await c.waitForDiagnostics(withDict, mark, (x) => codes(x, SEGMENTED).length > 0);
      assert.deepEqual(codes(p, SEGMENTED).map((d) => textAt(text, d.range)), ['放管服', '改革']);
      assert.ok(c.logs.some((l) => l.message.includes('words.txt') && l.message.includes('2 words added')));
      c.close(withDict);
    });

    it('a rule that throws is logged once (with its id) and skipped, on the main thread and in the worker', async () => {
      const uri = 'untitled:throws.speech';
      const text = '讲话\n要全面深化改革，收入XX亿元。<<throw>><<throw-segmented>>\n';
      const mark = c.mark();
      c.open(uri, text);
      const p = await c.waitForDiagnostics(uri, mark);
      assert.equal(codes(p, MARKER).length, 1, 'the other rules still report');
      await c.waitForLog((l) => l.message.includes('rule numbering/test-throws failed and was skipped'));
      await c.waitForLog((l) => l.message.includes(`rule ${SEGMENTED} failed and was skipped`));
      // the segmented phase still publishes (without the failed rule)
      await c.waitForDiagnostics(uri, mark, (x) => x !== p);
      const mark2 = c.mark();
      c.change(uri, 2, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'XX' }]);
      const p2 = await c.waitForDiagnostics(uri, mark2, (x) => x.version === 2);
      assert.equal(codes(p2, MARKER).length, 2);
      await c.waitForDiagnostics(uri, mark2, (x) => x.version === 2 && x !== p2);
      assert.equal(c.logs.filter((l) => l.message.includes('rule numbering/test-throws failed')).length, 1);
      assert.equal(c.logs.filter((l) => l.message.includes(`rule ${SEGMENTED} failed`)).length, 1);
      c.close(uri);
    });

    it('stale work is dropped: after a burst of changes the last publish is for the last version', async () => {
      const uri = 'untitled:burst.speech';
      let text = '讲话\n要全面深化改革。\n';
      const mark = c.mark();
      c.open(uri, text);
      await c.waitForDiagnostics(uri, mark, (x) => codes(x, SEGMENTED).length > 0);
      for (let v = 2; v <= 30; v++) {
        c.change(uri, v, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: v % 2 ? 'XX' : '深化改革' }]);
        text = text.replace('\n', '\n' + (v % 2 ? 'XX' : '深化改革'));
      }
      // the oracle: the same final text opened fresh (its first publish with segmented findings is the worker's)
      const fresh = 'untitled:burst-fresh.speech';
      const mark2 = c.mark();
      c.open(fresh, text);
      const want = await c.waitForDiagnostics(fresh, mark2, (x) => codes(x, SEGMENTED).length > 0);
      const key = (x: PublishDiagnosticsParams) => JSON.stringify(x.diagnostics.map((d) => [d.code, d.range, d.message]));
      const last = await c.waitForDiagnostics(uri, mark, (x) => x.version === 30 && key(x) === key(want));
      for (const d of codes(last, SEGMENTED)) assert.equal(textAt(text, d.range), '深化改革');
      assert.ok(codes(last, SEGMENTED).length >= 2);
      assert.equal(codes(last, MARKER).length, 14);
      c.close(fresh);
      // every publish after the burst's first is for a version at least as new as the one before
      const versions = c.diagnostics.slice(mark).filter((x) => x.uri === uri).map((x) => x.version!);
      assert.deepEqual(versions, [...versions].sort((a, b) => a - b));
      c.close(uri);
    });
  });

  describe('without jieba', () => {
    it('logs one clear message and keeps publishing the fast findings', async () => {
      const c = await TestClient.start({ locale: 'en', env: { SPEECHLINT_TEST_RULES: '1', SPEECHLINT_TEST_NO_JIEBA: '1' }, initializationOptions: { debounceMs: 0 } });
      try {
        const log = await c.waitForLog((l) => l.message.includes('word segmentation (jieba) is unavailable'));
        assert.equal(log.type, 2, 'a warning');
        assert.match(log.message, /all other checks keep running/);
        const uri = 'untitled:nojieba.speech';
        const text = '讲话\n要全面深化改革，收入XX亿元。\n';
        let mark = c.mark();
        c.open(uri, text);
        const p = await c.waitForDiagnostics(uri, mark);
        assert.equal(codes(p, MARKER).length, 1);
        assert.equal(codes(p, SEGMENTED).length, 0);
        mark = c.mark();
        c.change(uri, 2, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'XX' }]);
        const p2 = await c.waitForDiagnostics(uri, mark, (x) => x.version === 2);
        assert.equal(codes(p2, MARKER).length, 2);
        assert.equal(c.logs.filter((l) => l.message.includes('jieba) is unavailable')).length, 1);
        assert.ok(c.diagnostics.every((x) => codes(x, SEGMENTED).length === 0));
      } finally {
        await c.stop();
      }
    });
  });
});
