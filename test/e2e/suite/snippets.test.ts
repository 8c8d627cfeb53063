/**
 * Every snippet of snippets/speech.json, as the installed extension
 * contributes it, inserted into an empty draft gives its body expanded with
 * the defaults (client/src/snippet-expand.ts, shared with the unit tests).
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { dateVariables, expandSnippet, parseSnippet } from '../../../client/src/snippet-expand';
import { cleanUp, emptyDraft, EXTENSION_ID, ruleOf, speechlint, waitForDiagnostics } from './helpers';

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description?: string;
}

function installedSnippets(): Record<string, Snippet> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, EXTENSION_ID);
  return JSON.parse(fs.readFileSync(path.join(ext.extensionPath, 'snippets', 'speech.json'), 'utf8')) as Record<string, Snippet>;
}

const norm = (s: string) => s.replace(/\r\n/g, '\n');

describe('snippets', () => {
  afterEach(cleanUp);
  before(() => speechlint());

  const snippets = (() => {
    try {
      return installedSnippets();
    } catch {
      return undefined;
    }
  })();

  it('the installed extension contributes snippets for speech drafts', () => {
    assert.ok(snippets, 'snippets/speech.json in the installed extension');
    assert.ok(Object.keys(snippets).length >= 10, `${Object.keys(snippets).length} snippets`);
  });

  for (const [name, s] of Object.entries(snippets ?? {})) {
    it(`"${name}" by name (editor.action.insertSnippet) gives its body with the defaults`, async () => {
      const editor = await emptyDraft();
      const expected = expandSnippet(parseSnippet(s.body), dateVariables(new Date())).text;
      await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'speech', name });
      assert.equal(norm(editor.document.getText()), expected);
    });

    it(`"${name}" with editor.insertSnippet gives the same text`, async () => {
      const editor = await emptyDraft();
      const body = Array.isArray(s.body) ? s.body.join('\n') : s.body;
      const expected = expandSnippet(parseSnippet(s.body), dateVariables(new Date())).text;
      assert.equal(await editor.insertSnippet(new vscode.SnippetString(body)), true, 'inserted');
      assert.equal(norm(editor.document.getText()), expected);
    });
  }

  it('the whole-speech skeleton has no numbering problem in VS Code', async () => {
    const editor = await emptyDraft();
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'speech', name: '讲话稿框架 Speech skeleton' });
    assert.ok(editor.document.getText().includes('同志们：'), 'the skeleton was inserted');
    // its XX placeholders show that the server checked the inserted text
    const ds = await waitForDiagnostics(editor.document.uri, (d) => d.some((x) => ruleOf(x) === 'placeholder/marker'), undefined, 'placeholder diagnostics');
    assert.deepEqual(ds.filter((x) => ruleOf(x).startsWith('numbering/')).map((x) => `${ruleOf(x)}: ${x.message}`), []);
  });
});
