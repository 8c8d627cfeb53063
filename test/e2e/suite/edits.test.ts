/**
 * Quick fixes from `vscode.executeCodeActionProvider` applied with
 * `workspace.applyEdit`, and the fix-all and renumber commands: each gives the
 * text in test/e2e/expected/.
 */
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import {
  applyEdit,
  cleanUp,
  expectDiagnostics,
  openFixture,
  readExpected,
  ruleOf,
  waitForDiagnostics,
  waitForText,
  type ExpectedDiagnostics,
} from './helpers';

async function codeActions(doc: vscode.TextDocument, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const all = (await vscode.commands.executeCommand<Array<vscode.CodeAction | vscode.Command>>('vscode.executeCodeActionProvider', doc.uri, range)) ?? [];
  return all.filter((a): a is vscode.CodeAction => !('command' in a && typeof a.command === 'string'));
}

function titles(actions: readonly vscode.CodeAction[]): string {
  return actions.map((a) => `${a.title} [${a.kind?.value}${a.isPreferred ? ', preferred' : ''}]`).join(' | ') || '(none)';
}

async function openChecked(file: string): Promise<{ editor: vscode.TextEditor; diagnostics: vscode.Diagnostic[] }> {
  const editor = await openFixture(file);
  const expected = JSON.parse(readExpected(file.replace(/\.[a-z]+$/, '.diagnostics.json'))) as ExpectedDiagnostics;
  const diagnostics = await expectDiagnostics(editor.document, expected);
  return { editor, diagnostics };
}

function findDiagnostic(diagnostics: readonly vscode.Diagnostic[], rule: string, line: number): vscode.Diagnostic {
  const d = diagnostics.find((x) => ruleOf(x) === rule && x.range.start.line === line);
  assert.ok(d, `a ${rule} diagnostic on line ${line + 1}`);
  return d;
}

describe('quick fixes and fix commands', () => {
  afterEach(cleanUp);

  it('the preferred quick fix for 1、 gives 1. on that line only', async () => {
    const { editor, diagnostics } = await openChecked('numbering.speech');
    const d = findDiagnostic(diagnostics, 'numbering/marker-punctuation', 7);
    const actions = await codeActions(editor.document, d.range);
    // (vscode.executeCodeActionProvider does not return an action's diagnostics: pick by kind and title)
    const preferred = actions.filter((a) => a.kind?.value === 'quickfix' && a.isPreferred);
    assert.equal(preferred.length, 1, `one preferred fix among: ${titles(actions)}`);
    assert.equal(preferred[0].title, 'Change to "1."');
    await applyEdit(preferred[0].edit, `"${preferred[0].title}"`);
    assert.equal(editor.document.getText(), readExpected('numbering.quickfix.speech'));
    // the fixed line's problem goes, the other 1、-style problem stays
    await waitForDiagnostics(
      editor.document.uri,
      (ds) => {
        const lines = ds.filter((x) => ruleOf(x) === 'numbering/marker-punctuation').map((x) => x.range.start.line);
        return lines.length === 1 && lines[0] === 8;
      },
      undefined,
      'one numbering/marker-punctuation left, on line 9',
    );
  });

  it('"Fix all numbering/marker-punctuation problems" fixes both items', async () => {
    const { editor, diagnostics } = await openChecked('numbering.speech');
    const d = findDiagnostic(diagnostics, 'numbering/marker-punctuation', 8);
    const actions = await codeActions(editor.document, d.range);
    const all = actions.find((a) => a.title === 'Fix all numbering/marker-punctuation problems');
    assert.ok(all, `a fix-all-of-rule action among: ${titles(actions)}`);
    await applyEdit(all.edit, all.title);
    assert.equal(editor.document.getText(), readExpected('numbering.fixrule.speech'));
  });

  it('"Disable … for this line" adds a comment and the problem goes', async () => {
    const { editor, diagnostics } = await openChecked('numbering.speech');
    const d = findDiagnostic(diagnostics, 'numbering/sequence', 9);
    const actions = await codeActions(editor.document, d.range);
    const disable = actions.find((a) => a.title === 'Disable numbering/sequence for this line');
    assert.ok(disable, `a disable action among: ${titles(actions)}`);
    await applyEdit(disable.edit, disable.title);
    assert.equal(editor.document.lineAt(9).text, '<!-- speechlint-disable-next-line numbering/sequence -->');
    assert.equal(editor.document.lineAt(10).text, '四、切实加强组织领导');
    await waitForDiagnostics(
      editor.document.uri,
      (ds) => !ds.some((x) => ruleOf(x) === 'numbering/sequence') && ds.some((x) => ruleOf(x) === 'numbering/announced-count'),
      undefined,
      'numbering/sequence silenced, the others kept',
    );
  });

  it('the quick fix for a stutter (segmented phase) deletes the repeated word', async () => {
    const { editor, diagnostics } = await openChecked('stutter.speech');
    const d = findDiagnostic(diagnostics, 'repetition/stutter', 3);
    const actions = await codeActions(editor.document, d.range);
    const fix = actions.find((a) => a.kind?.value === 'quickfix' && a.title === 'Delete the repeated "我们"');
    assert.ok(fix, `a fix for the stutter among: ${titles(actions)}`);
    await applyEdit(fix.edit, fix.title);
    assert.equal(editor.document.getText(), readExpected('stutter.quickfix.speech'));
  });

  it('speechlint.fixAll applies every safe fix', async () => {
    const { editor } = await openChecked('numbering.speech');
    const changed = waitForText(editor.document, readExpected('numbering.fixall.speech'), 'speechlint.fixAll');
    await vscode.commands.executeCommand('speechlint.fixAll');
    await changed;
  });

  it('speechlint.renumber renumbers the headings', async () => {
    const { editor } = await openChecked('numbering.speech');
    const changed = waitForText(editor.document, readExpected('numbering.renumbered.speech'), 'speechlint.renumber');
    await vscode.commands.executeCommand('speechlint.renumber');
    await changed;
    await waitForDiagnostics(editor.document.uri, (ds) => !ds.some((x) => ruleOf(x) === 'numbering/sequence'), undefined, 'no numbering/sequence after renumbering');
  });
});

describe('pasted drafts: residue and typography in the editor', () => {
  afterEach(cleanUp);

  it('a PDF paste gets the residue and typography diagnostics', async () => {
    await openChecked('pasted.speech');
  });

  it('speechlint.joinBrokenLines rejoins the broken lines and changes nothing else', async () => {
    const { editor } = await openChecked('pasted.speech');
    const changed = waitForText(editor.document, readExpected('pasted.joined.speech'), 'speechlint.joinBrokenLines');
    await vscode.commands.executeCommand('speechlint.joinBrokenLines');
    await changed;
    await waitForDiagnostics(
      editor.document.uri,
      (ds) => !ds.some((x) => ruleOf(x) === 'residue/broken-lines') && ds.some((x) => ruleOf(x) === 'residue/line'),
      undefined,
      'no residue/broken-lines after joining, the residue line still reported',
    );
  });

  it('speechlint.cleanPastedText removes every residue in one undoable edit', async () => {
    const { editor } = await openChecked('pasted.speech');
    const original = editor.document.getText();
    const changed = waitForText(editor.document, readExpected('pasted.cleaned.speech'), 'speechlint.cleanPastedText');
    await vscode.commands.executeCommand('speechlint.cleanPastedText');
    await changed;
    await waitForDiagnostics(editor.document.uri, (ds) => !ds.some((x) => ruleOf(x).startsWith('residue/')), undefined, 'no residue diagnostics after cleaning');
    const undone = waitForText(editor.document, original, 'one undo');
    await vscode.commands.executeCommand('undo');
    await undone;
  });

  it('after cleaning, speechlint.fixAll makes the punctuation full-width', async () => {
    const { editor } = await openChecked('pasted.speech');
    const cleaned = waitForText(editor.document, readExpected('pasted.cleaned.speech'), 'speechlint.cleanPastedText');
    await vscode.commands.executeCommand('speechlint.cleanPastedText');
    await cleaned;
    await waitForDiagnostics(editor.document.uri, (ds) => !ds.some((x) => ruleOf(x).startsWith('residue/')), undefined, 'cleaned');
    const fixed = waitForText(editor.document, readExpected('pasted.fixall.speech'), 'speechlint.fixAll');
    await vscode.commands.executeCommand('speechlint.fixAll');
    await fixed;
  });
});
