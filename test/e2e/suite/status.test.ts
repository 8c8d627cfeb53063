/**
 * The status bar shows the draft's length, speaking time and placeholder
 * count (the selection's length when text is selected); configuration
 * changes re-check open drafts.
 */
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import { cleanUp, emptyDraft, expectDiagnostics, openFixture, readExpected, ruleOf, speechlint, waitForDiagnostics, waitUntil, type ExpectedDiagnostics } from './helpers';

async function statusShows(field: 'main' | 'placeholders', text: string): Promise<void> {
  const api = await speechlint();
  try {
    await waitUntil(() => api.statusBar()[field] === text || undefined, `the status bar to show "${text}"`);
  } catch (e) {
    assert.equal(api.statusBar()[field], text, (e as Error).message);
    throw e;
  }
}

describe('status bar and configuration', () => {
  afterEach(cleanUp);

  it('shows the character count and speaking time of the draft, and of the selection', async () => {
    const editor = await openFixture('numbering.speech');
    // 278 Chinese characters and digits; at 220 a minute: 75.8 s
    await statusShows('main', '$(book) 278 chars · 1 min 16 s');
    await statusShows('placeholders', '$(symbol-variable) 0 placeholders');
    assert.equal((await speechlint()).statusBar().visible, true);
    // the title line: 17 characters, 4.6 s
    editor.selection = new vscode.Selection(0, 0, 0, editor.document.lineAt(0).text.length);
    await statusShows('main', '$(book) Selection: 17 chars · 5 s');
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await statusShows('main', '$(book) 278 chars · 1 min 16 s');
  });

  it('shows the placeholder count and follows the active editor', async () => {
    await openFixture('placeholders.speech');
    // XX counts as two characters: 129 in all, 35.2 s
    await statusShows('main', '$(book) 129 chars · 35 s');
    await statusShows('placeholders', '$(symbol-variable) 6 placeholders');
    await openFixture('corpus-000.txt');
    await statusShows('placeholders', '$(symbol-variable) 35 placeholders');
    // 2,114 characters, 66 of them in the web residue at the end ("…由互联网用户分享整理"), which is not spoken: 2,048 at 220 a minute, 558.5 s
    await statusShows('main', '$(book) 2,048 chars · 9 min 19 s');
  });

  it('counts the placeholders of a snippet inserted while its first tab stop is selected', async () => {
    const editor = await emptyDraft();
    await statusShows('main', '$(book) 0 chars · 0 s');
    await statusShows('placeholders', '$(symbol-variable) 0 placeholders');
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'speech', name: '讲话稿框架 Speech skeleton' });
    assert.ok(!editor.selection.isEmpty, 'the first tab stop is selected');
    const count = (ds: vscode.Diagnostic[]) => ds.filter((d) => ruleOf(d).startsWith('placeholder/')).length;
    await waitForDiagnostics(editor.document.uri, (ds) => count(ds) > 0, undefined, 'placeholder diagnostics');
    const api = await speechlint();
    const want = () => `$(symbol-variable) ${count(vscode.languages.getDiagnostics(editor.document.uri))} placeholders`;
    try {
      await waitUntil(() => api.statusBar().placeholders === want() || undefined, 'the placeholder count of the inserted skeleton');
    } catch (e) {
      assert.equal(api.statusBar().placeholders, want(), (e as Error).message);
      throw e;
    }
  });

  it('follows speechlint.speakingRate', async () => {
    await openFixture('numbering.speech');
    await statusShows('main', '$(book) 278 chars · 1 min 16 s');
    const config = vscode.workspace.getConfiguration('speechlint');
    await config.update('speakingRate', 150, vscode.ConfigurationTarget.Workspace);
    try {
      // 278 at 150 a minute: 111.2 s
      await statusShows('main', '$(book) 278 chars · 1 min 51 s');
    } finally {
      await config.update('speakingRate', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('turning a rule off in speechlint.rules removes its problems; turning it on brings them back', async () => {
    const editor = await openFixture('placeholders.speech');
    const uri = editor.document.uri;
    await expectDiagnostics(editor.document, JSON.parse(readExpected('placeholders.diagnostics.json')) as ExpectedDiagnostics);
    const count = (rule: string, ds: vscode.Diagnostic[]) => ds.filter((d) => ruleOf(d) === rule).length;
    const config = vscode.workspace.getConfiguration('speechlint');
    await config.update('rules', { 'placeholder/marker': 'off' }, vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(
      uri,
      (ds) => count('placeholder/marker', ds) === 0 && count('placeholder/instruction', ds) === 1,
      undefined,
      'no placeholder/marker, one placeholder/instruction',
    );
    await config.update('rules', { 'placeholder/marker': 'error' }, vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(
      uri,
      (ds) => count('placeholder/marker', ds) === 5 && ds.filter((d) => ruleOf(d) === 'placeholder/marker').every((d) => d.severity === vscode.DiagnosticSeverity.Error),
      undefined,
      'five placeholder/marker errors',
    );
    await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    await expectDiagnostics(editor.document, JSON.parse(readExpected('placeholders.diagnostics.json')) as ExpectedDiagnostics);
  });
});
