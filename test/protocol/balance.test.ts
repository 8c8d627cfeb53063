/**
 * The balance rules through the language server: corpus 004's short 三 and a
 * broken series arrive as information diagnostics, localized, with the
 * ranges core lint() gives; the rules' options from the editor settings apply.
 */
import * as assert from 'node:assert/strict';
import type { PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { TestClient, corpus, fileUri, rmTemp, tempDir, textAt } from './client';
import * as path from 'node:path';

const SL = 'balance/section-length';
const SP = 'balance/series-parallelism';

function balance(p: PublishDiagnosticsParams) {
  return p.diagnostics.filter((d) => typeof d.code === 'string' && d.code.startsWith('balance/'));
}

describe('balance rules through the language server', function () {
  this.timeout(60000);
  const d004 = corpus('004');

  it('corpus 004: 三 reported on its heading, in Chinese by default', async () => {
    const c = await TestClient.start({ initializationOptions: { debounceMs: 0 } });
    try {
      const mark = c.mark();
      c.open(d004.uri, d004.text);
      const p = await c.waitForDiagnostics(d004.uri, mark);
      const b = balance(p);
      assert.deepEqual(
        b.map((d) => [d.code, textAt(d004.text, d.range)]),
        [[SL, '三、在狠抓末端落实上出实招、求实效']],
      );
      assert.equal(b[0].severity, 3);
      assert.equal(b[0].message, '本节正文211字（约58秒），不足同级3节中位数763字（约3分28秒）的三分之一');
    } finally {
      await c.stop();
    }
  });

  it('a series in English, and options from the editor settings', async () => {
    const dir = tempDir();
    const c = await TestClient.start({
      locale: 'en',
      initializationOptions: { debounceMs: 0 },
      settings: { rules: { [SL]: ['info', { minRatio: 0.25 }] } },
    });
    try {
      const uri = fileUri(path.join(dir, 'draft.txt'));
      const text = '在全县安全生产会议上的讲话\n同志们：\n我们要做到风险隐患看得清、抓得住、管好，确保万无一失。\n';
      let mark = c.mark();
      c.open(uri, text);
      const p = await c.waitForDiagnostics(uri, mark);
      const b = balance(p);
      assert.deepEqual(
        b.map((d) => [d.code, textAt(text, d.range)]),
        [[SP, '管好']],
      );
      assert.equal(b[0].message, 'The other 2 items of this series all have "得" as character 2 (e.g. "看得清"); "管好" does not');
      // minRatio 0.25 from the settings: 004's 三 (0.28 of the median) passes
      mark = c.mark();
      c.open(d004.uri, d004.text);
      const p4 = await c.waitForDiagnostics(d004.uri, mark);
      assert.deepEqual(balance(p4), []);
    } finally {
      await c.stop();
      rmTemp(dir);
    }
  });
});
