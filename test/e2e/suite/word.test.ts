/**
 * Word documents in VS Code: Open Word document as draft makes office.speech
 * beside office.docx (LibreOffice-made: list numbering, tracked changes, a
 * table, a footnote), checked at once; an unreadable .docx opens nothing.
 * Export to Word writes a .docx that reads back as the draft, and final mode
 * refuses while placeholders are left.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { readDocx } from '../../../server/src/node/docx-read';
import { cleanUp, fixtureUri, ruleOf, speechlint, waitForDiagnostics } from './helpers';

describe('Word documents', () => {
  afterEach(cleanUp);
  after(() => {
    for (const f of ['office.speech', 'office-export.docx', 'final.docx', 'old.docx']) fs.rmSync(fixtureUri(f).fsPath, { force: true });
  });

  it('opens a .docx as a .speech draft beside it, with Word’s numbers as heading markers, checked at once', async () => {
    await speechlint();
    const doc = await vscode.commands.executeCommand<vscode.TextDocument | undefined>('speechlint.openWordDocument', fixtureUri('office.docx'));
    assert.ok(doc, 'a draft was opened');
    assert.equal(doc.uri.fsPath, fixtureUri('office.speech').fsPath);
    assert.equal(doc.languageId, 'speech');
    const text = doc.getText();
    for (const line of ['一、充分肯定去年取得的成绩', '（二）民生保障持续加强', '三、切实抓好今年重点任务', '我们坚持尽力而为、量力而行，办好民生实事。']) assert.ok(text.includes(line), line);
    assert.ok(!text.includes('数据来源'), 'no footnote text');
    const diags = await waitForDiagnostics(doc.uri, (d) => d.filter((x) => ruleOf(x) === 'placeholder/marker').length === 4, undefined, 'the four XX placeholders');
    assert.deepEqual(
      diags.filter((x) => ruleOf(x) === 'placeholder/marker').map((x) => x.range.start.line + 1),
      [1, 7, 7, 11],
    );
  });

  it('a .doc renamed to .docx opens nothing', async () => {
    fs.writeFileSync(fixtureUri('old.docx').fsPath, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]));
    const before = vscode.workspace.textDocuments.length;
    const doc = await vscode.commands.executeCommand<vscode.TextDocument | undefined>('speechlint.openWordDocument', fixtureUri('old.docx'));
    assert.equal(doc, undefined);
    assert.ok(!fs.existsSync(fixtureUri('old.speech').fsPath));
    assert.ok(vscode.workspace.textDocuments.length <= before + 1);
  });

  it('exports the open draft to Word (draft mode: placeholders highlighted); final mode refuses', async () => {
    await speechlint();
    const doc = await vscode.workspace.openTextDocument(fixtureUri('placeholders.speech'));
    await vscode.window.showTextDocument(doc);
    await waitForDiagnostics(doc.uri, (d) => d.length > 0);
    const out = fixtureUri('office-export.docx');
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('speechlint.exportWord', doc.uri, out);
    assert.ok(written, 'exported');
    const back = readDocx(fs.readFileSync(out.fsPath));
    assert.ok(back.ok);
    const lines = (t: string) => t.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
    assert.deepEqual(lines(back.draft.text), lines(doc.getText()));
    assert.match(fs.readFileSync(out.fsPath).toString('latin1'), /PK/);

    await vscode.workspace.getConfiguration('speechlint').update('mode', 'final', vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(doc.uri, (d) => d.some((x) => ruleOf(x).startsWith('placeholder/') && x.severity === vscode.DiagnosticSeverity.Error), undefined, 'placeholders as errors (final mode)');
    const refused = await vscode.commands.executeCommand<vscode.Uri | undefined>('speechlint.exportWord', doc.uri, fixtureUri('final.docx'));
    assert.equal(refused, undefined);
    assert.ok(!fs.existsSync(fixtureUri('final.docx').fsPath), 'nothing written in final mode');
  });
});
