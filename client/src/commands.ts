/**
 * The palette commands other than the placeholder ones (placeholders.ts).
 */
import * as vscode from 'vscode';
import type { LspRange, OutlineResult } from '../../server/src/protocol';
import { Requests, ServerCommands } from '../../server/src/protocol';
import { countSpokenChars } from '../../server/src/core/text';
import { rowAtLine, rowsFromOutline, rowsFromSymbols, type BreakdownRow, type SymbolLike } from './breakdown-model';
import type { ClientHost } from './client';
import { activeDraftEditor, fromRange, toRange } from './convert';
import { extensionsFromContributions, filesGlob } from './languages';
import { durationText, effectiveRate, groupDigits, secondsFor } from './status-format';
import type { StatusBar } from './status';

const t = (message: string, ...args: Array<string | number>) => vscode.l10n.t(message, ...args);

/** Files larger than this are not opened by "check all drafts" (a draft is a few hundred KB at most). */
const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** At most this many files per run. */
const MAX_FILES = 2000;
/** Documents opened at once, and how long to wait for their problems before opening the next ones. */
const BATCH = 8;
const BATCH_WAIT_MS = 4000;
const EXCLUDE = '**/{node_modules,.git,out,dist,.vscode-test}/**';

function draftEditor(host: ClientHost): vscode.TextEditor | undefined {
  const e = activeDraftEditor((d) => host.isCheckedLanguage(d));
  if (!e) void vscode.window.showInformationMessage(t('Open a speech draft first.'));
  return e;
}

async function runServerCommand(host: ClientHost, command: string, label: string): Promise<void> {
  const editor = draftEditor(host);
  if (!editor) return;
  if (!host.isChecked(editor.document)) {
    void vscode.window.showInformationMessage(t('speechlint does not check this file: it is not mostly Chinese prose.'));
    return;
  }
  const ok = await host.executeServerCommand(command, [editor.document.uri.toString()]);
  if (!ok) {
    const show = t('Show log');
    const answer = await vscode.window.showErrorMessage(t('speechlint: “{0}” failed: the language server is not running or refused the command.', label), show);
    if (answer === show) host.showOutput();
  }
}

export function fixAll(host: ClientHost): Promise<void> {
  return runServerCommand(host, ServerCommands.fixAll, t('Fix all safe problems in this file'));
}

export function cleanPastedText(host: ClientHost): Promise<void> {
  return runServerCommand(host, ServerCommands.cleanPasted, t('Clean pasted text'));
}

export function joinBrokenLines(host: ClientHost): Promise<void> {
  return runServerCommand(host, ServerCommands.joinBrokenLines, t('Join broken lines'));
}

export function renumber(host: ClientHost): Promise<void> {
  return runServerCommand(host, ServerCommands.renumber, t('Renumber headings and series'));
}

export async function switchMode(status: StatusBar): Promise<void> {
  const doc = vscode.window.activeTextEditor?.document;
  const next = status.currentMode(doc) === 'final' ? 'draft' : 'final';
  const config = vscode.workspace.getConfiguration('speechlint', doc?.uri);
  const info = config.inspect<string>('mode');
  let target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  // a folder-level setting would hide the workspace one: change it where it is
  if (doc && info?.workspaceFolderValue !== undefined && vscode.workspace.getWorkspaceFolder(doc.uri)) target = vscode.ConfigurationTarget.WorkspaceFolder;
  await config.update('mode', next, target);
  vscode.window.setStatusBarMessage(
    next === 'final' ? t('speechlint: final mode — placeholders are now errors.') : t('speechlint: draft mode — placeholders are information.'),
    5000,
  );
}

export async function showStructure(): Promise<void> {
  try {
    await vscode.commands.executeCommand('speechlintStructure.focus');
  } catch {
    await vscode.commands.executeCommand('outline.focus');
  }
}

interface RowPick extends vscode.QuickPickItem {
  row: BreakdownRow;
}

function isDocumentSymbol(s: vscode.DocumentSymbol | vscode.SymbolInformation): s is vscode.DocumentSymbol {
  return (s as vscode.DocumentSymbol).selectionRange !== undefined;
}

function symbolLike(s: vscode.DocumentSymbol | vscode.SymbolInformation): SymbolLike {
  if (isDocumentSymbol(s)) return { name: s.name, range: fromRange(s.range), selectionRange: fromRange(s.selectionRange), children: s.children.map(symbolLike) };
  return { name: s.name, range: fromRange(s.location.range), selectionRange: fromRange(s.location.range) };
}

export async function showBreakdown(host: ClientHost): Promise<void> {
  const editor = draftEditor(host);
  if (!editor) return;
  const doc = editor.document;
  const rate = effectiveRate(vscode.workspace.getConfiguration('speechlint', doc.uri).get('speakingRate'));
  let rows: BreakdownRow[];
  let totalChars: number;
  let totalSeconds: number;
  const outline = host.isChecked(doc) ? await host.request<OutlineResult>(Requests.outline, { uri: doc.uri.toString() }) : undefined;
  if (outline && Array.isArray(outline.nodes)) {
    rows = rowsFromOutline(outline.nodes, t);
    totalChars = outline.totalChars;
    totalSeconds = outline.totalSeconds;
  } else {
    const symbols =
      (await vscode.commands.executeCommand<Array<vscode.DocumentSymbol | vscode.SymbolInformation> | undefined>(
        'vscode.executeDocumentSymbolProvider',
        doc.uri,
      )) ?? [];
    totalChars = countSpokenChars(doc.getText());
    totalSeconds = secondsFor(totalChars, rate);
    const count = (r: LspRange) => countSpokenChars(doc.getText(toRange(r)));
    rows = rowsFromSymbols(symbols.map(symbolLike), count, totalChars, rate, t);
  }
  const title = t('Breakdown: {0} chars · {1} at {2} characters a minute', groupDigits(totalChars), durationText(totalSeconds, t), rate);
  if (rows.length === 0) {
    void vscode.window.showInformationMessage(`${title} — ${t('no sections found.')}`);
    return;
  }
  const picks: RowPick[] = rows.map((row) => ({ label: row.label, description: row.description, row }));
  const qp = vscode.window.createQuickPick<RowPick>();
  qp.title = title;
  qp.placeholder = t('Type to filter sections; Enter goes to the section');
  qp.matchOnDescription = false;
  qp.items = picks;
  const at = rowAtLine(rows, editor.selection.active.line);
  if (at >= 0) qp.activeItems = [picks[at]];
  qp.onDidAccept(() => {
    const chosen = qp.activeItems[0];
    qp.hide();
    if (!chosen) return;
    const r = toRange(chosen.row.selectionRange);
    editor.selection = new vscode.Selection(r.start, r.start);
    editor.revealRange(r, vscode.TextEditorRevealType.AtTop);
  });
  qp.onDidHide(() => qp.dispose());
  qp.show();
}

/** Wait until each uri has had a diagnostics event, `ms` passed, or the run was cancelled. */
function waitForDiagnostics(uris: readonly vscode.Uri[], ms: number, token: vscode.CancellationToken): Promise<void> {
  const pending = new Set(uris.map((u) => u.toString()));
  if (pending.size === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      sub.dispose();
      cancel.dispose();
      resolve();
    };
    const timer = setTimeout(done, ms);
    const cancel = token.onCancellationRequested(done);
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      for (const u of e.uris) pending.delete(u.toString());
      if (pending.size === 0) done();
    });
  });
}

/**
 * Check every draft in the workspace: open each .speech / .txt / .md file (of
 * the checked languages) as a text document so the server checks it and its
 * problems land in the Problems panel. Progress notification, cancellable.
 */
export async function checkWorkspace(host: ClientHost): Promise<void> {
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showInformationMessage(t('Open a folder to check all its drafts.'));
    return;
  }
  if (!(await host.ready())) {
    void vscode.window.showErrorMessage(t('speechlint: the language server is not running.'));
    return;
  }
  const extra = extensionsFromContributions(vscode.extensions.all.map((e) => e.packageJSON as unknown));
  const glob = filesGlob(host.languages, extra);
  if (!glob) {
    void vscode.window.showInformationMessage(t('No file extensions are known for the checked languages ({0}).', host.languages.join(', ')));
    return;
  }
  const summary = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: t('speechlint: checking drafts'), cancellable: true },
    async (progress, token) => {
      const found = await vscode.workspace.findFiles(glob, EXCLUDE, MAX_FILES + 1, token);
      const files = found.sort((a, b) => (a.fsPath < b.fsPath ? -1 : a.fsPath > b.fsPath ? 1 : 0)).slice(0, MAX_FILES);
      host.resetWorkspaceCheck();
      const checked: vscode.Uri[] = [];
      let skipped = 0;
      for (let i = 0; i < files.length && !token.isCancellationRequested; i += BATCH) {
        const batch = files.slice(i, i + BATCH);
        const opened: vscode.Uri[] = [];
        for (const uri of batch) {
          if (token.isCancellationRequested) break;
          try {
            const stat = await vscode.workspace.fs.stat(uri);
            if (stat.size > MAX_FILE_BYTES) {
              skipped++;
              continue;
            }
            host.workspaceChecked.add(uri.toString());
            const doc = await vscode.workspace.openTextDocument(uri);
            if (host.isChecked(doc)) opened.push(uri);
            else {
              host.workspaceChecked.delete(uri.toString());
              skipped++;
            }
          } catch {
            skipped++;
          }
        }
        checked.push(...opened);
        progress.report({
          message: t('{0} of {1} files', Math.min(i + batch.length, files.length), files.length),
          increment: (batch.length / Math.max(1, files.length)) * 100,
        });
        await waitForDiagnostics(opened, BATCH_WAIT_MS, token);
      }
      return { checked, skipped, cancelled: token.isCancellationRequested, truncated: found.length > MAX_FILES };
    },
  );
  let problems = 0;
  let withProblems = 0;
  for (const uri of summary.checked) {
    const n = vscode.languages.getDiagnostics(uri).length;
    problems += n;
    if (n > 0) withProblems++;
  }
  const parts = [t('Checked {0} drafts: {1} problems in {2} files.', summary.checked.length, problems, withProblems)];
  if (summary.skipped > 0) parts.push(t('{0} files skipped (not mostly Chinese prose, too large or unreadable).', summary.skipped));
  if (summary.truncated) parts.push(t('Only the first {0} files were checked.', MAX_FILES));
  if (summary.cancelled) parts.push(t('Cancelled.'));
  const showProblems = t('Show Problems');
  const answer = await vscode.window.showInformationMessage(parts.join(' '), showProblems);
  if (answer === showProblems) await vscode.commands.executeCommand('workbench.actions.view.problems');
}
