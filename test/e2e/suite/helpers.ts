/**
 * Helpers for the end-to-end suite, which runs inside VS Code's extension
 * host (code-server or @vscode/test-electron). Everything waits on events or
 * on a condition; nothing sleeps for a fixed time and then asserts.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { SpeechlintApi } from '../../../client/src/test-api';

export const EXTENSION_ID = 'speechlint.speechlint';

/** Generous (the first check of a draft loads jieba's dictionaries in the server's worker: about 2 s here), yet short enough that a broken build fails in minutes. */
export const WAIT_MS = 20_000;

export function workspaceDir(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the end-to-end suite needs a workspace folder (test/e2e/workspace, copied by the runner)');
  return folder.uri.fsPath;
}

/** test/e2e/expected (the runners copy it next to the workspace copy, or point SPEECHLINT_E2E_EXPECTED at it). */
export function expectedDir(): string {
  return process.env.SPEECHLINT_E2E_EXPECTED || path.join(workspaceDir(), '..', 'expected');
}

export function fixtureUri(name: string): vscode.Uri {
  return vscode.Uri.file(path.join(workspaceDir(), name));
}

export function readExpected(name: string): string {
  return fs.readFileSync(path.join(expectedDir(), name), 'utf8');
}

let api: SpeechlintApi | undefined;

/** Activate speechlint (if the suite got there first) and return its test API. */
export async function speechlint(): Promise<SpeechlintApi> {
  if (api) return api;
  const ext = vscode.extensions.getExtension<SpeechlintApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
  api = await ext.activate();
  assert.ok(api && typeof api.statusBar === 'function', 'activate() returns the test API');
  return api;
}

/** Open a fixture draft with the caret at its start (VS Code would restore the selection a test left). */
export async function openFixture(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(fixtureUri(name));
  const editor = await vscode.window.showTextDocument(doc, { preview: false, selection: new vscode.Range(0, 0, 0, 0) });
  await settled(() => (editor.selection = new vscode.Selection(0, 0, 0, 0)));
  await speechlint();
  return editor;
}

/**
 * Change the selection (`change` sets editor.selection or runs a command that
 * does) and return once the window has reported its selections back. The
 * extension host keeps its own copy of an editor's selection, which the
 * window's selection events overwrite when they arrive: on a busy machine an
 * event for an older selection can arrive after a newer one was set, and a
 * command run at that moment reads the older one. A command the window runs
 * (setContext) answers after the events it sent before, so awaiting it lets
 * them all arrive.
 */
export async function settled(change: () => unknown): Promise<void> {
  await change();
  await vscode.commands.executeCommand('setContext', 'speechlint.e2e.settled', Date.now());
}

/** A new, empty speech draft (untitled). */
export async function emptyDraft(): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument({ language: 'speech', content: '' });
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** Poll a condition that has no event of its own (status bar texts). */
export async function waitUntil<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, what: string, timeoutMs = WAIT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * Resolve with the document's diagnostics once `predicate` holds for them:
 * checked at once, then on every `onDidChangeDiagnostics` for the uri.
 * Rejects after `timeoutMs` with what was there.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diagnostics: vscode.Diagnostic[]) => boolean,
  timeoutMs = WAIT_MS,
  what = 'the expected diagnostics',
): Promise<vscode.Diagnostic[]> {
  const key = uri.toString();
  return new Promise((resolve, reject) => {
    let done = false;
    const finish = () => {
      done = true;
      clearTimeout(timer);
      sub.dispose();
    };
    const check = () => {
      if (done) return;
      const diagnostics = vscode.languages.getDiagnostics(uri);
      let ok = false;
      try {
        ok = predicate(diagnostics);
      } catch (e) {
        finish();
        reject(e);
        return;
      }
      if (ok) {
        finish();
        resolve(diagnostics);
      }
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === key)) check();
    });
    const timer = setTimeout(() => {
      if (done) return;
      finish();
      const have = vscode.languages.getDiagnostics(uri).map(describeDiagnostic);
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what} of ${path.basename(uri.fsPath)}; it has ${have.length}:\n  ${have.join('\n  ')}`));
    }, timeoutMs);
    check();
  });
}

export function ruleOf(d: vscode.Diagnostic): string {
  const c = d.code;
  if (c === undefined) return '';
  return typeof c === 'object' ? String(c.value) : String(c);
}

export const SEVERITY_NAMES = ['Error', 'Warning', 'Information', 'Hint'] as const;
export type SeverityName = (typeof SEVERITY_NAMES)[number];

/** 1-based "line:column-line:column", as the editor shows positions. */
export function rangeText(r: vscode.Range): string {
  return `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`;
}

export function describeDiagnostic(d: vscode.Diagnostic): string {
  return `${ruleOf(d)} ${SEVERITY_NAMES[d.severity]} ${rangeText(d.range)} ${JSON.stringify(d.message)}`;
}

/** One expected diagnostic, as written in test/e2e/expected/*.diagnostics.json. */
export interface ExpectedDiagnostic {
  rule: string;
  severity: SeverityName;
  /** 1-based "line:column-line:column". */
  range: string;
  /** The text the range covers (checked against the document, so the file stays readable). */
  text: string;
}

export interface ExpectedDiagnostics {
  /** Rule ids, family prefixes ending in "/", or "*" (every rule): their diagnostics must match exactly; others are ignored. */
  compare: string[];
  diagnostics: ExpectedDiagnostic[];
}

export function compared(rules: readonly string[], d: vscode.Diagnostic): boolean {
  const id = ruleOf(d);
  return rules.some((r) => r === '*' || (r.endsWith('/') ? id.startsWith(r) : id === r));
}

export function canonical(doc: vscode.TextDocument, diagnostics: readonly vscode.Diagnostic[], rules: readonly string[]): ExpectedDiagnostic[] {
  return sortExpected(
    diagnostics
      .filter((d) => compared(rules, d))
      .map((d) => ({ rule: ruleOf(d), severity: SEVERITY_NAMES[d.severity], range: rangeText(d.range), text: doc.getText(d.range) })),
  );
}

/** The 0-based range of an expected diagnostic ("3:40-3:41" is line 3, columns 40 to 41, 1-based). */
export function expectedRange(d: ExpectedDiagnostic): vscode.Range {
  const m = /^(\d+):(\d+)-(\d+):(\d+)$/.exec(d.range);
  if (!m) throw new Error(`bad range "${d.range}" (want line:column-line:column)`);
  return new vscode.Range(Number(m[1]) - 1, Number(m[2]) - 1, Number(m[3]) - 1, Number(m[4]) - 1);
}

/** In document order (by range, then rule id): how expected and actual diagnostics are compared. */
export function sortExpected(list: readonly ExpectedDiagnostic[]): ExpectedDiagnostic[] {
  return [...list].sort((a, b) => {
    const pa = a.range.split(/[:-]/).map(Number);
    const pb = b.range.split(/[:-]/).map(Number);
    for (let i = 0; i < 4; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
    return a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0;
  });
}

/** Wait until the compared diagnostics equal `expected` exactly; on timeout, fail with a diff. */
export async function expectDiagnostics(doc: vscode.TextDocument, expected: ExpectedDiagnostics, timeoutMs = WAIT_MS): Promise<vscode.Diagnostic[]> {
  const want = sortExpected(expected.diagnostics);
  const same = (ds: vscode.Diagnostic[]) => JSON.stringify(canonical(doc, ds, expected.compare)) === JSON.stringify(want);
  try {
    return await waitForDiagnostics(doc.uri, same, timeoutMs, `${want.length} diagnostics of ${expected.compare.join(', ')}`);
  } catch (e) {
    assert.deepEqual(canonical(doc, vscode.languages.getDiagnostics(doc.uri), expected.compare), want, (e as Error).message);
    throw e;
  }
}

/** Close every editor without saving (reverting the edits the tests made) and reset the settings they changed. */
export async function cleanUp(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments) {
    if (doc.isClosed) continue;
    if (doc.isUntitled) {
      // an empty untitled document is not dirty: closing it asks nothing (isDirty is not to be trusted here)
      if (doc.getText().length === 0) continue;
      const editor = await vscode.window.showTextDocument(doc, { preview: false });
      assert.ok(await editor.edit((b) => b.delete(new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)))), 'emptied an untitled draft');
    } else if (doc.isDirty) {
      await vscode.window.showTextDocument(doc, { preview: false });
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  const dirty = vscode.workspace.textDocuments.filter((d) => !d.isClosed && (d.isUntitled ? d.getText().length > 0 : d.isDirty)).map((d) => d.uri.toString());
  assert.deepEqual(dirty, [], 'no document left with unsaved changes');
  const config = vscode.workspace.getConfiguration('speechlint');
  for (const key of ['mode', 'rules', 'speakingRate']) {
    if (config.inspect(key)?.workspaceValue !== undefined) await config.update(key, undefined, vscode.ConfigurationTarget.Workspace);
  }
}

/** Apply a WorkspaceEdit and check that VS Code took it. */
export async function applyEdit(edit: vscode.WorkspaceEdit | undefined, what: string): Promise<void> {
  assert.ok(edit, `${what} carries an edit`);
  assert.equal(await vscode.workspace.applyEdit(edit), true, `VS Code applied ${what}`);
}

/** Wait until the document's text is `expected` (server commands answer with workspace/applyEdit, after the command returns or before). */
export function waitForText(doc: vscode.TextDocument, expected: string, what: string, timeoutMs = WAIT_MS): Promise<void> {
  return new Promise((resolve, reject) => {
    const norm = (s: string) => s.replace(/\r\n/g, '\n');
    let done = false;
    const finish = (err?: Error) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      sub.dispose();
      if (err) reject(err);
      else resolve();
    };
    const check = () => {
      if (norm(doc.getText()) === norm(expected)) finish();
    };
    const sub = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === doc) check();
    });
    const timer = setTimeout(() => {
      try {
        assert.equal(norm(doc.getText()), norm(expected), `${what}: timed out after ${timeoutMs} ms`);
      } catch (e) {
        finish(e as Error);
      }
      finish(new Error(`${what}: timed out`));
    }, timeoutMs);
    check();
  });
}
