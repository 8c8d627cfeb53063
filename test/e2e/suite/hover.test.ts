/**
 * Hover and document highlights for a repeated phrase, as VS Code asks for
 * them (`vscode.executeHoverProvider`, `vscode.executeDocumentHighlights`):
 * the server's answer for a flagged Chinese phrase, and the client's textual
 * highlights for a Latin word.
 */
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import { cleanUp, ruleOf, speechlint, waitForDiagnostics } from './helpers';

/** 推进 three times on lines 3–5 (flagged by repetition/overused-phrase when it is on), 园区 twice, GDP twice. */
const DRAFT = [
  '标题',
  '',
  '今年以来，我们推进产业转型，成效明显。',
  '在推进过程中，也暴露出一些问题，',
  '需要在下一步推进中认真解决。园区建设成效明显，园区面貌焕然一新。',
  '全年GDP增长百分之五，GDP总量再创新高。',
  '',
].join('\n');

function offsets(text: string, word: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) out.push(i);
  return out;
}

describe('hover and highlights', () => {
  after(cleanUp);

  it('a flagged phrase: the hover lists its lines, every occurrence is highlighted; a Latin word gets textual highlights', async () => {
    // the rule is opt-in: turned on here as a user would (cleanUp resets the workspace setting)
    await vscode.workspace.getConfiguration('speechlint').update('rules', { 'repetition/overused-phrase': 'info' }, vscode.ConfigurationTarget.Workspace);
    const doc = await vscode.workspace.openTextDocument({ language: 'speech', content: DRAFT });
    await vscode.window.showTextDocument(doc, { preview: false });
    await speechlint();
    await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => ruleOf(d) === 'repetition/overused-phrase'), undefined, 'a repetition/overused-phrase problem');

    const pos = doc.positionAt(DRAFT.indexOf('推进') + 1);
    const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos)) ?? [];
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    // the display language of the editor decides the locale
    assert.match(text, /“推进”在稿中出现 3 次：第 3、4、5 行|"推进" occurs 3 times: lines 3, 4, 5/, text);
    assert.match(text, /repetition\/overused-phrase/);

    const highlights = (await vscode.commands.executeCommand<vscode.DocumentHighlight[]>('vscode.executeDocumentHighlights', doc.uri, pos)) ?? [];
    assert.deepEqual(
      highlights.map((h) => [doc.offsetAt(h.range.start), doc.getText(h.range)]),
      offsets(DRAFT, '推进').map((o) => [o, '推进']),
    );

    // a word used once: no hover from speechlint, no highlights
    const once = doc.positionAt(DRAFT.indexOf('转型') + 1);
    const onceHovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, once)) ?? [];
    assert.ok(!onceHovers.some((h) => h.contents.some((c) => (typeof c === 'string' ? c : c.value).includes('转型'))));
    assert.deepEqual((await vscode.commands.executeCommand<vscode.DocumentHighlight[]>('vscode.executeDocumentHighlights', doc.uri, once)) ?? [], []);

    // GDP: the server leaves Latin words alone, the client highlights them as VS Code would
    const gdp = (await vscode.commands.executeCommand<vscode.DocumentHighlight[]>('vscode.executeDocumentHighlights', doc.uri, doc.positionAt(DRAFT.indexOf('GDP') + 1))) ?? [];
    assert.deepEqual(
      gdp.map((h) => doc.offsetAt(h.range.start)),
      offsets(DRAFT, 'GDP'),
    );
  });
});
