/**
 * Word documents in VS Code:
 * - Open Word document as draft: a .docx (from the Explorer, or picked) read
 *   in the extension host (server/src/node/docx-read.ts, bytes through VS
 *   Code's file system) and opened as a .speech draft beside it, checked at
 *   once; an untitled draft when that file exists or cannot be written, so
 *   nothing is ever overwritten.
 * - Export to Word: the server lays the open draft out (speechlint/exportDocx,
 *   the same gate as `speechlint export`); the client asks where and writes it.
 * Both take URIs as arguments too (the end-to-end tests, keybindings).
 */
import * as os from 'os';
import * as vscode from 'vscode';
import type { ExportDocxResult, ExportLeftover } from '../../server/src/protocol';
import { Requests } from '../../server/src/protocol';
import { MAX_DOCX_BYTES, readDocx } from '../../server/src/node/docx-read';
import type { ClientHost } from './client';

const t = (message: string, ...args: Array<string | number>) => vscode.l10n.t(message, ...args);

function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

function locale(): 'zh' | 'en' {
  return vscode.env.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function pickDocx(): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { [t('Word documents')]: ['docx'] }, openLabel: t('Open as draft') });
  return picked?.[0];
}

/** Read a .docx as draft text, or show the one reason it cannot be read. */
async function readWord(uri: vscode.Uri): Promise<string | undefined> {
  const fail = (reason: string) => void vscode.window.showErrorMessage(t('Cannot open {0} as a draft: {1}', baseName(uri), reason));
  let bytes: Uint8Array;
  try {
    if ((await vscode.workspace.fs.stat(uri)).size > MAX_DOCX_BYTES) {
      fail(t('the document is too large (over {0} MB)', MAX_DOCX_BYTES / 1048576));
      return undefined;
    }
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch (e) {
    fail(e instanceof Error ? e.message : String(e));
    return undefined;
  }
  const res = readDocx(bytes);
  if (!res.ok) {
    fail(locale() === 'zh' ? res.reason.zh : res.reason.en);
    return undefined;
  }
  return res.draft.text + '\n';
}

export async function openWordDocument(arg?: unknown): Promise<vscode.TextDocument | undefined> {
  const uri = arg instanceof vscode.Uri ? arg : await pickDocx();
  if (!uri) return undefined;
  const content = await readWord(uri);
  if (content === undefined) return undefined;
  const target = uri.with({ path: uri.path.replace(/\.docx$/i, '') + '.speech' });
  let doc: vscode.TextDocument | undefined;
  if (!(await exists(target))) {
    try {
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(content));
      doc = await vscode.workspace.openTextDocument(target);
    } catch {
      // a read-only folder: the untitled draft below
    }
  } else {
    void vscode.window.showInformationMessage(t('{0} already exists: the Word document is opened as a new untitled draft.', baseName(target)));
  }
  doc ??= await vscode.workspace.openTextDocument({ language: 'speech', content });
  await vscode.window.showTextDocument(doc);
  return doc;
}

function where(l: ExportLeftover): string {
  return t('line {0}, char {1}', l.line + 1, l.character + 1);
}

async function showLeftovers(doc: vscode.TextDocument, items: readonly ExportLeftover[], title: string): Promise<void> {
  const picked = await vscode.window.showQuickPick(
    items.map((l) => ({ label: l.excerpt, description: where(l), detail: `${l.message} (${l.ruleId})`, item: l })),
    { title, matchOnDescription: true },
  );
  if (!picked) return;
  const pos = new vscode.Position(picked.item.line, picked.item.character);
  const editor = await vscode.window.showTextDocument(doc);
  editor.selection = new vscode.Selection(pos, pos);
  editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenter);
}

async function draftToExport(host: ClientHost, arg: unknown): Promise<vscode.TextDocument | undefined> {
  const doc = arg instanceof vscode.Uri ? (await vscode.window.showTextDocument(arg, { preview: false })).document : vscode.window.activeTextEditor?.document;
  if (!doc || !host.isCheckedLanguage(doc)) {
    void vscode.window.showInformationMessage(t('Open a speech draft first.'));
    return undefined;
  }
  return doc;
}

/** Export to Word: `arg` the draft (default: the active one), `outArg` the .docx (default: asked, beside the draft). */
export async function exportWord(host: ClientHost, arg?: unknown, outArg?: unknown): Promise<vscode.Uri | undefined> {
  const doc = await draftToExport(host, arg);
  if (!doc) return undefined;
  // a draft just opened from the Explorer reaches the server a moment later: ask again, briefly
  let res: ExportDocxResult | undefined;
  for (let attempt = 0; attempt < 5 && !res; attempt++) {
    if (attempt) await new Promise((r) => setTimeout(r, 300));
    res = await host.request<ExportDocxResult>(Requests.exportDocx, { uri: doc.uri.toString() });
  }
  if (!res) {
    void vscode.window.showErrorMessage(t('speechlint: “{0}” failed: the language server is not running or refused the command.', t('Export to Word')));
    return undefined;
  }
  if (!res.ok) {
    const first = res.blockers[0];
    const show = t('Show all');
    const msg = t('Not exported: final mode, and {0} placeholder(s) or residue left; the first at {1}: “{2}”.', res.blockers.length, where(first), first.excerpt);
    // the notification's button is answered later (or never): the command does not wait for it
    const blockers = res.blockers;
    void vscode.window.showErrorMessage(msg, show).then((answer) => (answer === show ? showLeftovers(doc, blockers, t('Placeholders and residue to clear before the final export')) : undefined));
    return undefined;
  }
  const suggested = doc.isUntitled ? vscode.Uri.joinPath(vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(os.homedir()), 'draft.docx') : doc.uri.with({ path: doc.uri.path.replace(/\.[^./]*$/, '') + '.docx' });
  const out = outArg instanceof vscode.Uri ? outArg : await vscode.window.showSaveDialog({ defaultUri: suggested, filters: { [t('Word documents')]: ['docx'] }, saveLabel: t('Export') });
  if (!out) return undefined;
  try {
    await vscode.workspace.fs.writeFile(out, Buffer.from(res.base64, 'base64'));
  } catch (e) {
    void vscode.window.showErrorMessage(t('Cannot write {0}: {1}', baseName(out), e instanceof Error ? e.message : String(e)));
    return undefined;
  }
  const n = res.highlighted.length;
  if (n === 0) void vscode.window.showInformationMessage(t('Exported to {0}.', baseName(out)));
  else {
    const show = t('Show them');
    const highlighted = res.highlighted;
    void vscode.window
      .showInformationMessage(t('Exported to {0}; {1} placeholder(s) or residue highlighted in yellow (draft mode).', baseName(out), n), show)
      .then((answer) => (answer === show ? showLeftovers(doc, highlighted, t('Highlighted in the Word document')) : undefined));
  }
  return out;
}
