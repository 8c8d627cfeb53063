/**
 * A draft with more findings of one rule than the server shows: at most
 * MAX_FINDINGS_PER_RULE diagnostics of that rule, then one information
 * diagnostic at the first hidden place saying how many more there are; both
 * publishes (fast, then with the segmented rules) are capped the same way.
 */
import * as assert from 'node:assert/strict';
import type { PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { DiagnosticSeverity } from 'vscode-languageserver/node';
import { MAX_FINDINGS_PER_RULE } from '../../server/src/core/cap';
import { TestClient, offsetAt } from './client';

const MARKER = 'placeholder/marker';

describe('language server: diagnostics per rule are capped', function () {
  this.timeout(60000);
  let c: TestClient;
  before(async () => {
    c = await TestClient.start({ locale: 'en', initializationOptions: { debounceMs: 0 } });
  });
  after(async () => {
    await c?.stop();
  });

  it(`${MAX_FINDINGS_PER_RULE + 234} placeholders: ${MAX_FINDINGS_PER_RULE} shown, then "234 more not shown"`, async () => {
    const total = MAX_FINDINGS_PER_RULE + 234;
    const lines = ['关于财政收入的讲话'];
    let line = '';
    for (let i = 1; i <= total; i++) {
      line += `第${i}个园区收入XX亿元，`;
      if (i % 20 === 0) {
        lines.push(line.slice(0, -1) + '。');
        line = '';
      }
    }
    if (line) lines.push(line.slice(0, -1) + '。');
    const text = lines.join('\n') + '\n';
    const markers: number[] = [];
    for (let i = text.indexOf('XX'); i >= 0; i = text.indexOf('XX', i + 2)) markers.push(i);
    assert.equal(markers.length, total);
    const uri = 'untitled:capped.speech';
    const mark = c.mark();
    c.open(uri, text);
    const check = (p: PublishDiagnosticsParams) => {
      const ds = p.diagnostics.filter((d) => d.code === MARKER);
      assert.equal(ds.length, MAX_FINDINGS_PER_RULE + 1);
      const shown = ds.slice(0, MAX_FINDINGS_PER_RULE);
      assert.deepEqual(shown.map((d) => offsetAt(text, d.range.start)), markers.slice(0, MAX_FINDINGS_PER_RULE));
      assert.ok(shown.every((d) => !/not shown/.test(d.message)));
      const more = ds[MAX_FINDINGS_PER_RULE];
      assert.equal(more.severity, DiagnosticSeverity.Information);
      assert.equal(more.message, `234 more not shown (at most ${MAX_FINDINGS_PER_RULE} per rule)`);
      assert.equal(offsetAt(text, more.range.start), markers[MAX_FINDINGS_PER_RULE]);
    };
    const first = await c.waitForDiagnostics(uri, mark);
    check(first);
    // the publish that adds the segmented findings is capped too
    const second = await c.waitForDiagnostics(uri, mark, (p) => p !== first);
    check(second);
    c.close(uri);
  });
});
