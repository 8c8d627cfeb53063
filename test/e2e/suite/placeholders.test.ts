/**
 * Next / previous placeholder select the expected ranges; the mode switch
 * turns placeholder problems from information into errors and back.
 */
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import {
  cleanUp,
  expectDiagnostics,
  expectedRange,
  openFixture,
  rangeText,
  readExpected,
  ruleOf,
  settled,
  sortExpected,
  speechlint,
  waitForDiagnostics,
  waitUntil,
  type ExpectedDiagnostics,
} from './helpers';

const expected = () => JSON.parse(readExpected('placeholders.diagnostics.json')) as ExpectedDiagnostics;

async function openPlaceholders(): Promise<vscode.TextEditor> {
  const editor = await openFixture('placeholders.speech');
  await expectDiagnostics(editor.document, expected());
  return editor;
}

function selected(editor: vscode.TextEditor): string {
  const s = editor.selection;
  return `${rangeText(s)} ${editor.document.getText(s)}`;
}

describe('placeholders', () => {
  afterEach(cleanUp);

  it('next placeholder selects each placeholder in order, then wraps to the first', async () => {
    const editor = await openPlaceholders();
    const want = sortExpected(expected().diagnostics).map((d) => `${d.range} ${d.text}`);
    assert.equal(want.length, 6);
    await settled(() => (editor.selection = new vscode.Selection(0, 0, 0, 0)));
    const got: string[] = [];
    for (let i = 0; i <= want.length; i++) {
      await settled(() => vscode.commands.executeCommand('speechlint.nextPlaceholder'));
      got.push(selected(editor));
    }
    assert.deepEqual(got, [...want, want[0]]);
  });

  it('previous placeholder goes back, and wraps from the first to the last', async () => {
    const editor = await openPlaceholders();
    const sorted = sortExpected(expected().diagnostics);
    const want = sorted.map((d) => `${d.range} ${d.text}`);
    // the caret right after the fourth placeholder (×), on line 3
    const after = expectedRange(sorted[3]).end;
    await settled(() => (editor.selection = new vscode.Selection(after, after)));
    const got: string[] = [];
    for (let i = 0; i < 5; i++) {
      await settled(() => vscode.commands.executeCommand('speechlint.previousPlaceholder'));
      got.push(selected(editor));
    }
    assert.deepEqual(got, [want[3], want[2], want[1], want[0], want[5]]);
  });

  it('the mode switch makes placeholders errors (final) and information again (draft)', async () => {
    const editor = await openPlaceholders();
    const api = await speechlint();
    const uri = editor.document.uri;
    const placeholders = (ds: vscode.Diagnostic[]) => ds.filter((d) => ruleOf(d).startsWith('placeholder/'));
    const all = (severity: vscode.DiagnosticSeverity) => (ds: vscode.Diagnostic[]) => {
      const p = placeholders(ds);
      return p.length === 6 && p.every((d) => d.severity === severity);
    };
    assert.equal(vscode.workspace.getConfiguration('speechlint', uri).get('mode'), 'draft');
    await waitUntil(() => api.statusBar().mode.includes('Draft'), 'the status bar to show draft mode');

    await vscode.commands.executeCommand('speechlint.switchMode');
    await waitForDiagnostics(uri, all(vscode.DiagnosticSeverity.Error), undefined, 'placeholders as errors');
    assert.equal(vscode.workspace.getConfiguration('speechlint', uri).get('mode'), 'final');
    await waitUntil(() => api.statusBar().mode === '$(lock) Final' || undefined, `the status bar to show final mode (it shows ${api.statusBar().mode})`);
    // other rules keep their severity
    assert.ok(!vscode.languages.getDiagnostics(uri).some((d) => !ruleOf(d).startsWith('placeholder/') && d.severity === vscode.DiagnosticSeverity.Error));

    await vscode.commands.executeCommand('speechlint.switchMode');
    await waitForDiagnostics(uri, all(vscode.DiagnosticSeverity.Information), undefined, 'placeholders as information');
    assert.equal(vscode.workspace.getConfiguration('speechlint', uri).get('mode'), 'draft');
    await waitUntil(() => api.statusBar().mode === '$(edit) Draft' || undefined, 'the status bar to show draft mode again');
  });
});
