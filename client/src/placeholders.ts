/**
 * Placeholder commands: next / previous, the list, fill.
 */
import * as vscode from 'vscode';
import type { FillPreviewParams, FillPreviewResult, LspRange, PlaceholderItem, PlaceholdersResult } from '../../server/src/protocol';
import { Requests, ServerCommands } from '../../server/src/protocol';
import type { ClientHost } from './client';
import { activeDraftEditor, fromRange, toRange } from './convert';
import { contextAround, indexAt, nextIndex, placeholderRow, previousIndex, sortRanges, stillThere } from './placeholder-nav';

/** The diagnostic's rule id (`code` may be a string or `{ value, target }`). */
export function diagnosticRuleId(d: vscode.Diagnostic): string {
  const c = d.code;
  if (c === undefined) return '';
  return typeof c === 'object' ? String(c.value) : String(c);
}

/** The placeholder problems the server published for the document. */
function placeholderDiagnostics(doc: vscode.TextDocument): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(doc.uri).filter((d) => diagnosticRuleId(d).startsWith('placeholder/'));
}

/** Placeholders from the diagnostics the server published (when `speechlint/placeholders` is not answered). */
function fromDiagnostics(doc: vscode.TextDocument): PlaceholderItem[] {
  const text = doc.getText();
  return placeholderDiagnostics(doc).map((d) => {
    const start = doc.offsetAt(d.range.start);
    const end = doc.offsetAt(d.range.end);
    const { before, after } = contextAround(text, start, end);
    return { range: fromRange(d.range), text: text.slice(start, end), before, after, ruleId: diagnosticRuleId(d) };
  });
}

/** Every placeholder of the document, in order, that is still where the server saw it. */
export async function getPlaceholders(host: ClientHost, doc: vscode.TextDocument): Promise<PlaceholderItem[]> {
  const res = await host.request<PlaceholdersResult>(Requests.placeholders, { uri: doc.uri.toString() });
  const items = res && Array.isArray(res.items) ? res.items : fromDiagnostics(doc);
  const getText = (r: LspRange) => doc.getText(toRange(r));
  return sortRanges(items.filter((i) => stillThere(i, getText)));
}

/** The status bar's count while the server's is not known: the placeholder problems published. */
export function placeholderCountFromDiagnostics(doc: vscode.TextDocument): number {
  return placeholderDiagnostics(doc).length;
}

function select(editor: vscode.TextEditor, r: LspRange): void {
  const range = toRange(r);
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

export async function gotoPlaceholder(host: ClientHost, forward: boolean): Promise<void> {
  const editor = activeDraftEditor((d) => host.isCheckedLanguage(d));
  if (!editor) return;
  const items = await getPlaceholders(host, editor.document);
  if (items.length === 0) {
    vscode.window.setStatusBarMessage(vscode.l10n.t('No placeholders in this draft.'), 3000);
    return;
  }
  const sel = fromRange(editor.selection);
  const i = forward ? nextIndex(items, sel) : previousIndex(items, sel);
  select(editor, items[i].range);
  vscode.window.setStatusBarMessage(vscode.l10n.t('Placeholder {0} of {1}', i + 1, items.length), 3000);
}

interface PlaceholderPick extends vscode.QuickPickItem {
  item: PlaceholderItem;
}

export async function listPlaceholders(host: ClientHost): Promise<void> {
  const editor = activeDraftEditor((d) => host.isCheckedLanguage(d));
  if (!editor) return;
  const items = await getPlaceholders(host, editor.document);
  if (items.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No placeholders in this draft.'));
    return;
  }
  const picks: PlaceholderPick[] = items.map((it) => placeholderRow(it, (line) => vscode.l10n.t('line {0}', line)));
  const qp = vscode.window.createQuickPick<PlaceholderPick>();
  qp.title = vscode.l10n.t('Placeholders ({0})', items.length);
  qp.placeholder = vscode.l10n.t('Type to filter; Enter selects the placeholder so that typing replaces it');
  qp.matchOnDescription = true;
  qp.items = picks;
  const start = nextIndex(items, fromRange(editor.selection));
  if (start >= 0) qp.activeItems = [picks[start]];
  const original = editor.selection;
  let accepted = false;
  qp.onDidChangeActive((active) => {
    // preview: show where the placeholder is while moving through the list
    if (active[0]) editor.revealRange(toRange(active[0].item.range), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  });
  qp.onDidAccept(() => {
    const chosen = qp.selectedItems[0] ?? qp.activeItems[0];
    if (chosen) {
      accepted = true;
      select(editor, chosen.item.range);
    }
    qp.hide();
  });
  qp.onDidHide(() => {
    if (!accepted) editor.revealRange(original, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    qp.dispose();
  });
  qp.show();
}

async function preview(host: ClientHost, doc: vscode.TextDocument, pos: vscode.Position): Promise<FillPreviewResult | undefined> {
  const params: FillPreviewParams = { uri: doc.uri.toString(), position: { line: pos.line, character: pos.character } };
  return host.request<FillPreviewResult>(Requests.fillPreview, params);
}

const highlight = () =>
  vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('editor.findMatchHighlightBackground'),
    borderColor: new vscode.ThemeColor('editor.findMatchBorder'),
    borderStyle: 'solid',
    borderWidth: '1px',
    overviewRulerColor: new vscode.ThemeColor('editorOverviewRuler.findMatchForeground'),
    overviewRulerLane: vscode.OverviewRulerLane.Center,
  });

/**
 * Fill the placeholder under the cursor: the server says which ranges hold
 * the same placeholder in the same context (`speechlint/fillPreview`); the
 * user sees them highlighted and their count, types the value once, and one
 * WorkspaceEdit (one undo step) replaces exactly those ranges. Without the
 * preview request, the server command does the fill.
 */
export async function fillPlaceholder(host: ClientHost): Promise<void> {
  const editor = activeDraftEditor((d) => host.isCheckedLanguage(d));
  if (!editor) return;
  const doc = editor.document;
  const sel = editor.selection;
  const pos = sel.isEmpty ? sel.active : sel.start;
  const version = doc.version;
  let res = await preview(host, doc, pos);
  if (res && res.ranges.length === 0 && sel.isEmpty && pos.character > 0) res = await preview(host, doc, pos.translate(0, -1));

  let ranges: LspRange[];
  let text: string;
  let viaServer = false;
  if (res) {
    ranges = res.ranges;
    text = res.text ?? (ranges[0] ? doc.getText(toRange(ranges[0])) : '');
  } else {
    // no preview request: find the placeholder here ourselves; the server command fills its twins
    const items = await getPlaceholders(host, doc);
    const i = indexAt(items, { line: pos.line, character: pos.character });
    ranges = i >= 0 ? [items[i].range] : [];
    text = i >= 0 ? items[i].text : '';
    viaServer = true;
  }
  ranges = ranges.filter((r) => holds(doc, [r], text));
  if (ranges.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Put the cursor on a placeholder (XX, ×, 某某 …) to fill it.'));
    return;
  }

  const deco = highlight();
  editor.setDecorations(
    deco,
    ranges.map((r) => toRange(r)),
  );
  let value: string | undefined;
  try {
    value = await vscode.window.showInputBox({
      title: vscode.l10n.t('Fill placeholder “{0}”', text),
      prompt: viaServer
        ? vscode.l10n.t('Replaces “{0}” here and wherever the same placeholder appears in the same context.', text)
        : vscode.l10n.t('Will replace {0} occurrence(s) of “{1}” (highlighted).', ranges.length, text),
      placeHolder: vscode.l10n.t('The value to put in place of “{0}”', text),
      ignoreFocusOut: true,
      validateInput: (v) => (v.length === 0 ? vscode.l10n.t('Type the value (an empty value would delete the placeholder).') : undefined),
    });
  } finally {
    deco.dispose();
  }
  if (value === undefined) return;

  if (viaServer) {
    // the server fills the placeholder at the cursor's old position: only while it is still there
    if (!holds(doc, ranges, text)) return gone(text);
    const ok = await host.executeServerCommand(ServerCommands.fillPlaceholder, [doc.uri.toString(), pos.line, pos.character, value]);
    if (!ok) await replaceRanges(doc, ranges, text, value);
    return;
  }
  if (doc.version !== version) {
    // the draft changed while the box was open: ask again where the placeholder is
    const again = await preview(host, doc, ranges[0] ? toRange(ranges[0]).start : pos);
    ranges = (again?.ranges ?? []).filter((r) => holds(doc, [r], text));
    if (ranges.length === 0) return gone(text);
  }
  const n = await replaceRanges(doc, ranges, text, value);
  if (n > 0) vscode.window.setStatusBarMessage(vscode.l10n.t('Filled {0} occurrence(s) of “{1}”.', n, text), 4000);
}

/** Does every range still hold the placeholder's text? */
function holds(doc: vscode.TextDocument, ranges: readonly LspRange[], text: string): boolean {
  return ranges.every((r) => !text || doc.getText(toRange(r)) === text);
}

function gone(text: string): void {
  void vscode.window.showWarningMessage(vscode.l10n.t('The draft changed and “{0}” is no longer there; nothing was replaced.', text));
}

/**
 * One WorkspaceEdit, one undo step, applied only while every range still
 * holds `text` (the draft may have changed since they were found). Returns
 * the number of ranges replaced (0 when nothing was).
 */
async function replaceRanges(doc: vscode.TextDocument, ranges: readonly LspRange[], text: string, value: string): Promise<number> {
  if (!holds(doc, ranges, text)) {
    gone(text);
    return 0;
  }
  const edit = new vscode.WorkspaceEdit();
  for (const r of ranges) edit.replace(doc.uri, toRange(r), value);
  const ok = await vscode.workspace.applyEdit(edit);
  if (!ok) void vscode.window.showWarningMessage(vscode.l10n.t('The edit could not be applied (the draft changed?). Try again.'));
  return ok ? ranges.length : 0;
}
