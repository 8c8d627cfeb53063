/**
 * Opening each fixture draft yields the expected diagnostics (rule ids,
 * severities and ranges), as test/e2e/expected/<name>.diagnostics.json states.
 */
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import { cleanUp, expectDiagnostics, openFixture, readExpected, ruleOf, type ExpectedDiagnostics } from './helpers';

const FIXTURES: Array<{ file: string; language: string; why: string }> = [
  { file: 'numbering.speech', language: 'speech', why: 'a numbering gap, an announced count that does not match, 1、 for 1.' },
  { file: 'placeholders.speech', language: 'speech', why: 'XX, ×, 某某 and a bracketed note to the writer' },
  { file: 'stutter.speech', language: 'speech', why: '的的 and 我们我们 (found on jieba tokens, in the server worker), not 研究研究 or 常常' },
  { file: 'demo.speech', language: 'speech', why: 'the README screenshot: numbering, series, announced count, placeholders, stutters' },
  { file: 'corpus-000.txt', language: 'plaintext', why: 'a real draft from the corpus, as plain text (the prose check lets it through)' },
];

describe('diagnostics', () => {
  after(cleanUp);

  for (const f of FIXTURES) {
    it(`${f.file}: ${f.why}`, async () => {
      const editor = await openFixture(f.file);
      const doc = editor.document;
      assert.equal(doc.languageId, f.language);
      const expected = JSON.parse(readExpected(f.file.replace(/\.[a-z]+$/, '.diagnostics.json'))) as ExpectedDiagnostics;
      assert.ok(expected.diagnostics.length > 0);
      const diagnostics = await expectDiagnostics(doc, expected);
      for (const d of diagnostics.filter((x) => ruleOf(x) !== '')) {
        assert.equal(d.source, 'speechlint', `source of ${ruleOf(d)}`);
        assert.ok(d.message.length > 0, 'a message');
      }
    });
  }

  it('a file that is not Chinese prose is not checked', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'TODO: XX and XXX are placeholders in English notes.\n' });
    await vscode.window.showTextDocument(doc);
    // a Chinese draft opened after it gets its problems: by then the English note would have had its own
    const editor = await openFixture('placeholders.speech');
    await expectDiagnostics(editor.document, JSON.parse(readExpected('placeholders.diagnostics.json')) as ExpectedDiagnostics);
    assert.deepEqual(vscode.languages.getDiagnostics(doc.uri), []);
  });
});
