/**
 * The speech structure views: the "讲稿结构 / Speech structure" tree in the
 * Explorer and the structure chart webview, both fed by one OutlineSource
 * (the server's `speechlint/outline` for the active draft, asked again
 * ~300 ms after typing stops and when its problems change), and the actions
 * on sections (select, move up/down with renumbering, copy the outline).
 * The logic that needs no VS Code lives in structure-model.ts and
 * chart-html.ts.
 */
import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import type { LspRange, OutlineNode, OutlineResult } from '../../server/src/protocol';
import { Requests, ServerCommands } from '../../server/src/protocol';
import { outlineText } from '../../server/src/core/outline-text';
import { chartHtml } from './chart-html';
import type { ClientHost } from './client';
import { toRange } from './convert';
import { Debounce } from './debounce';
import {
  buildElements,
  contains,
  contextValue,
  elementAt,
  elementDescription,
  elementIcon,
  elementLabel,
  elementMark,
  elementTooltip,
  findById,
  findSection,
  initiallyExpanded,
  isWithin,
  mergeElements,
  type StructureElement,
} from './structure-model';
import { lengthText } from './status-format';

const t = (message: string, ...args: Array<string | number>) => vscode.l10n.t(message, ...args);

export const VIEW_ID = 'speechlintStructure';
/** Context key: the structure view has a draft to show. */
export const CONTEXT_KEY = 'speechlint.structureAvailable';
const REVEAL_COMMAND = 'speechlint.structure.reveal';
const TYPING_DELAY_MS = 300;
const CURSOR_DELAY_MS = 150;
/** Outlines kept for switching between drafts. */
const RECENT = 16;

/**
 * The outline of the active draft, kept up to date while someone shows it
 * (the tree or the chart: `watched`). While nobody does, a change only marks
 * it out of date, and `wake()` asks for it when it is shown again; commands
 * ask for the outline of the current text themselves (`current()`).
 */
export class OutlineSource implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  /** Fires when `outline` or `document` changed. */
  readonly onDidChange = this.emitter.event;
  document: vscode.TextDocument | undefined;
  outline: OutlineResult | undefined;
  private readonly updater = new Debounce(() => void this.update());
  private seq = 0;
  private readonly disposables: vscode.Disposable[] = [];
  /** The last outline of recently shown drafts: switching back shows it at once (when still current). */
  private readonly recent = new Map<string, OutlineResult>();
  /** A change came while nobody showed the outline. */
  private outOfDate = false;

  constructor(
    private readonly host: ClientHost,
    private readonly watched: () => boolean = () => true,
  ) {
    this.disposables.push(
      this.emitter,
      vscode.window.onDidChangeActiveTextEditor((e) => this.follow(e)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === this.document && e.contentChanges.length > 0) this.schedule(TYPING_DELAY_MS);
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const d = this.document;
        if (d && e.uris.some((u) => u.toString() === d.uri.toString())) this.schedule(TYPING_DELAY_MS);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('speechlint')) this.schedule(TYPING_DELAY_MS);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.recent.delete(d.uri.toString());
        if (d === this.document) this.set(undefined);
      }),
      host.onDidChangeState(() => this.follow(vscode.window.activeTextEditor)),
    );
    this.follow(vscode.window.activeTextEditor);
  }

  /** A draft editor became active: show it; another text editor: show nothing; no editor (a webview, a panel): keep the draft. */
  private follow(editor: vscode.TextEditor | undefined): void {
    if (!editor) return;
    const doc = editor.document;
    if (doc.uri.scheme === 'output' || doc.uri.scheme === 'debug') return;
    if (this.host.isChecked(doc)) {
      if (doc !== this.document) this.set(doc);
      else this.schedule(0);
    } else this.set(undefined);
  }

  private set(doc: vscode.TextDocument | undefined): void {
    if (!doc && !this.document) return;
    this.document = doc;
    const last = doc ? this.recent.get(doc.uri.toString()) : undefined;
    this.outline = last && last.version === doc?.version ? last : undefined;
    void vscode.commands.executeCommand('setContext', CONTEXT_KEY, doc !== undefined);
    this.emitter.fire();
    if (doc) this.schedule(0);
  }

  /** Ask the server in `delay` ms, when someone shows the outline; otherwise note that it is out of date. */
  schedule(delay: number): void {
    if (this.watched()) {
      this.updater.schedule(delay);
    } else {
      this.updater.cancel();
      this.outOfDate = true;
    }
  }

  /** The outline is shown (again): ask for it if a change came meanwhile. */
  wake(): void {
    if (!this.outOfDate) return;
    this.outOfDate = false;
    this.updater.schedule(0);
  }

  /**
   * The outline of the draft's current text, asked for again when the one
   * kept is older (an edit moves the ranges after it: a section picked by an
   * old range may be another one now). Undefined when the server does not
   * answer for the current text.
   */
  async current(): Promise<OutlineResult | undefined> {
    const doc = this.document;
    if (!doc) return undefined;
    if (this.outline?.version !== doc.version) await this.update();
    return doc === this.document && this.outline?.version === doc.version ? this.outline : undefined;
  }

  /** Ask the server now. */
  async update(): Promise<void> {
    const doc = this.document;
    if (!doc) return;
    const seq = ++this.seq;
    const r = await this.host.request<OutlineResult>(Requests.outline, { uri: doc.uri.toString() });
    if (seq !== this.seq || doc !== this.document) return;
    if (!r || !Array.isArray(r.nodes)) return;
    // an answer for an older text: a newer request is scheduled by the change
    if (typeof r.version === 'number' && r.version < doc.version) return;
    this.outline = r;
    const key = doc.uri.toString();
    this.recent.delete(key);
    this.recent.set(key, r);
    if (this.recent.size > RECENT) this.recent.delete(this.recent.keys().next().value as string);
    this.emitter.fire();
  }

  dispose(): void {
    this.updater.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

/** The tree data provider of the structure view. */
export class StructureProvider implements vscode.TreeDataProvider<StructureElement>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<StructureElement | StructureElement[] | undefined | void>();
  readonly onDidChangeTreeData = this.emitter.event;
  roots: StructureElement[] = [];
  private rate = 220;

  constructor(private readonly source: OutlineSource) {}

  /** Take the source's outline: refresh only what changed when the shape stayed the same. */
  refresh(): { structural: boolean } {
    const o = this.source.outline;
    const next = o ? buildElements(o) : [];
    const rate = o?.speakingRate ?? this.rate;
    if (!o || (this.roots[0] && next[0] && this.roots[0].uri !== next[0].uri)) {
      this.roots = next;
      this.rate = rate;
      this.emitter.fire();
      return { structural: true };
    }
    const m = mergeElements(this.roots, next, t, this.rate, rate);
    this.roots = m.roots;
    this.rate = rate;
    if (m.structural) this.emitter.fire();
    else if (m.changed.length) this.emitter.fire(m.changed);
    return { structural: m.structural };
  }

  getTreeItem(e: StructureElement): vscode.TreeItem {
    const expanded = initiallyExpanded(e);
    const item = new vscode.TreeItem(
      elementLabel(e.node, t),
      expanded === undefined ? vscode.TreeItemCollapsibleState.None : expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed,
    );
    item.id = e.id;
    item.description = elementDescription(e, t);
    item.tooltip = elementTooltip(e, t, this.rate);
    const mark = elementMark(e);
    item.iconPath = new vscode.ThemeIcon(
      elementIcon(e),
      mark === 'problem' ? new vscode.ThemeColor('list.warningForeground') : mark === 'placeholder' ? new vscode.ThemeColor('editorInfo.foreground') : undefined,
    );
    item.contextValue = contextValue(e);
    item.command = { command: REVEAL_COMMAND, title: t('Go to section'), arguments: [e.uri, e.node.selectionRange] };
    item.accessibilityInformation = { label: `${elementLabel(e.node, t)}, ${elementDescription(e, t)}` };
    return item;
  }

  getChildren(e?: StructureElement): StructureElement[] {
    // asked for its items: the tree is shown
    if (!e) this.source.wake();
    return e ? e.children : this.roots;
  }

  getParent(e: StructureElement): StructureElement | undefined {
    return e.parent;
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

/** The editor showing `uri` (the active one first), or a newly opened one. */
async function editorFor(uri: string, preserveFocus: boolean): Promise<vscode.TextEditor | undefined> {
  const active = vscode.window.activeTextEditor;
  if (active?.document.uri.toString() === uri) return active;
  const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri);
  try {
    const doc = visible?.document ?? (await vscode.workspace.openTextDocument(vscode.Uri.parse(uri)));
    return await vscode.window.showTextDocument(doc, { viewColumn: visible?.viewColumn, preserveFocus, preview: false });
  } catch {
    return undefined;
  }
}

/** Reveal and select a range of a draft. */
export async function revealRange(uri: string, range: LspRange, preserveFocus = true): Promise<void> {
  const editor = await editorFor(uri, preserveFocus);
  if (!editor) return;
  const r = toRange(range);
  editor.selection = new vscode.Selection(r.start, r.end);
  editor.revealRange(r, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** The structure view, the chart and the section actions. */
export class StructureViews implements vscode.Disposable {
  readonly source: OutlineSource;
  readonly provider: StructureProvider;
  private readonly view: vscode.TreeView<StructureElement>;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly cursorFollower = new Debounce(() => this.followCursor());
  private chart: vscode.WebviewPanel | undefined;
  private chartNonce = '';
  private chartHtml = '';
  /** After a move: the moved section to select once the outline of the moved text (this version or later) arrives. */
  private pendingMove: { uri: string; version: number; label: string; depth: number; moveCursor: boolean } | undefined;

  constructor(private readonly host: ClientHost) {
    this.source = new OutlineSource(host, () => this.view?.visible === true || this.chart?.visible === true);
    this.provider = new StructureProvider(this.source);
    this.view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: this.provider, showCollapseAll: true });
    this.disposables.push(
      this.source,
      this.provider,
      this.view,
      this.source.onDidChange(() => this.onOutline()),
      vscode.commands.registerCommand(REVEAL_COMMAND, (uri: unknown, range: unknown) =>
        typeof uri === 'string' && isRange(range) ? revealRange(uri, range, true) : undefined,
      ),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.textEditor.document === this.source.document) this.scheduleFollow();
      }),
      this.view.onDidChangeVisibility((e) => {
        if (!e.visible) return;
        this.source.wake();
        this.scheduleFollow();
      }),
    );
    this.onOutline();
  }

  private onOutline(): void {
    const o = this.source.outline;
    const { structural } = this.provider.refresh();
    const doc = this.source.document;
    if (!doc) {
      this.view.message = t('Open a speech draft to see its structure.');
      this.view.description = undefined;
    } else if (!o) {
      this.view.message = this.host.running ? undefined : t('speechlint: the language server is not running.');
      // not the length of the draft shown before
      this.view.description = undefined;
    } else {
      this.view.message = this.provider.roots.some((e) => e.node.kind === 'section') ? undefined : t('No sections found in this draft.');
      this.view.description = lengthText(o.totalChars, o.totalSeconds, t);
    }
    this.updateChart();
    const move = this.pendingMove;
    if (move && o && o.uri === move.uri && o.version >= move.version) {
      this.pendingMove = undefined;
      const el = findSection(this.provider.roots, move.label, move.depth);
      if (el) {
        if (move.moveCursor) void revealRange(el.uri, { start: el.node.selectionRange.start, end: el.node.selectionRange.start }, false);
        if (this.view.visible) void this.view.reveal(el, { select: true, focus: false, expand: false }).then(undefined, () => undefined);
        return;
      }
    }
    if (structural) this.scheduleFollow();
  }

  private scheduleFollow(): void {
    this.cursorFollower.schedule(CURSOR_DELAY_MS);
  }

  /** Reveal the node under the cursor, without taking the focus. */
  private followCursor(): void {
    if (!this.view.visible) return;
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document !== this.source.document) return;
    const pos = editor.selection.active;
    const el = elementAt(this.provider.roots, pos);
    if (!el) return;
    // a series item or an announcement the user picked in the tree stays selected while the cursor is in it
    const current = this.view.selection.length === 1 ? this.view.selection[0] : undefined;
    if (current && isWithin(current, el) && contains(current.node.range, pos)) return;
    void this.view.reveal(el, { select: true, focus: false, expand: false }).then(undefined, () => undefined);
  }

  /**
   * The element a command is run on, in the outline of the draft's current
   * text: the tree item (found again by its id), or the one at the cursor
   * (palette, keybinding). Says why when there is none.
   */
  private async target(arg: unknown, kinds: readonly OutlineNode['kind'][] = ['section']): Promise<StructureElement | undefined> {
    const fromTree = isElement(arg);
    const none = () => void vscode.window.showInformationMessage(fromTree ? t('This part is no longer in the draft.') : t('Put the cursor in a section of a speech draft first.'));
    const doc = this.source.document;
    const editor = vscode.window.activeTextEditor;
    if (!doc || (!fromTree && editor?.document !== doc)) {
      none();
      return undefined;
    }
    if (!(await this.source.current())) {
      void vscode.window.showErrorMessage(t('speechlint: the language server is not running.'));
      return undefined;
    }
    let el = fromTree ? findById(this.provider.roots, arg.id) : editor && elementAt(this.provider.roots, editor.selection.active);
    while (el && !kinds.includes(el.node.kind)) el = el.parent;
    if (!el) none();
    return el;
  }

  /** 选中此部分: select the whole section (heading to the end of its body). */
  async selectSection(arg?: unknown): Promise<void> {
    const el = await this.target(arg, ['section', 'opening', 'closing', 'series', 'seriesItem', 'title']);
    if (el) await revealRange(el.uri, el.node.range, false);
  }

  /** 上移 / 下移: swap the section with its previous / next sibling, renumbering, in one undoable edit. */
  async moveSection(arg: unknown, direction: 'up' | 'down'): Promise<void> {
    const el = await this.target(arg);
    const doc = this.source.document;
    if (!el || !doc) return;
    if ((direction === 'up' && !el.canMoveUp) || (direction === 'down' && !el.canMoveDown)) {
      void vscode.window.showInformationMessage(direction === 'up' ? t('This is already the first section at its level.') : t('This is already the last section at its level.'));
      return;
    }
    const start = el.node.range.start;
    const ok = await this.host.executeServerCommand(ServerCommands.moveSection, [el.uri, start.line, start.character, direction]);
    if (!ok) {
      const show = t('Show log');
      const answer = await vscode.window.showErrorMessage(t('speechlint: “{0}” failed: the language server is not running or refused the command.', direction === 'up' ? t('Move up') : t('Move down')), show);
      if (answer === show) this.host.showOutput();
      return;
    }
    // the edit is applied by now: ask at once rather than after the typing delay
    this.pendingMove = { uri: el.uri, version: doc.version, label: el.node.label, depth: el.depth, moveCursor: !isElement(arg) };
    void this.source.update();
  }

  /** 复制提纲: the outline (or one section's) as text on the clipboard. */
  async copyOutline(arg?: unknown): Promise<void> {
    // the outline of the current text when the server gives it (the tree may be hidden and out of date)
    const o = (await this.source.current()) ?? this.source.outline;
    let nodes: readonly OutlineNode[] | undefined;
    // a section: its own outline; the title or the view's toolbar: the whole speech
    if (isElement(arg) && arg.node.kind === 'section') nodes = [(findById(this.provider.roots, arg.id) ?? arg).node];
    else if (o) nodes = o.nodes;
    if (!nodes) {
      void vscode.window.showInformationMessage(t('Open a speech draft to see its structure.'));
      return;
    }
    const text = outlineText(nodes, { lengths: 'time', locale: 'zh' });
    if (!text) {
      void vscode.window.showInformationMessage(t('No sections found in this draft.'));
      return;
    }
    await vscode.env.clipboard.writeText(text);
    vscode.window.setStatusBarMessage(t('Outline copied ({0} lines).', text.split('\n').filter((l) => l.trim()).length), 4000);
  }

  /** 讲稿结构图: the chart beside the draft; it follows the active draft. */
  showChart(): void {
    if (this.chart) {
      this.chart.reveal(undefined, true);
      this.updateChart();
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      'speechlint.chart',
      t('Structure chart'),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: false, enableCommandUris: [REVEAL_COMMAND], localResourceRoots: [], retainContextWhenHidden: false },
    );
    this.chart = panel;
    this.chartNonce = nonce();
    this.chartHtml = '';
    panel.onDidDispose(() => {
      if (this.chart === panel) this.chart = undefined;
    });
    panel.onDidChangeViewState(() => {
      // a hidden webview loses its page (no retainContextWhenHidden): draw it again when shown
      if (panel.visible) {
        this.chartHtml = '';
        this.source.wake();
        this.updateChart();
      }
    });
    this.updateChart();
    this.source.wake();
  }

  private updateChart(): void {
    const panel = this.chart;
    if (!panel || !panel.visible) return;
    const doc = this.source.document;
    const o = doc ? this.source.outline : undefined;
    const name = doc ? doc.uri.path.split('/').pop() : undefined;
    panel.title = name ? `${t('Structure chart')} · ${name}` : t('Structure chart');
    const html = chartHtml(o, {
      nonce: this.chartNonce,
      t,
      name,
      linkFor: (n) => (o ? `command:${REVEAL_COMMAND}?${encodeURIComponent(JSON.stringify([o.uri, n.selectionRange]))}` : undefined),
    });
    // setting the same page again would only reload it (a flash while typing)
    if (html === this.chartHtml) return;
    this.chartHtml = html;
    panel.webview.html = html;
  }

  dispose(): void {
    this.cursorFollower.dispose();
    this.chart?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

function isRange(r: unknown): r is LspRange {
  const x = r as LspRange | undefined;
  return !!x && typeof x.start?.line === 'number' && typeof x.start?.character === 'number' && typeof x.end?.line === 'number' && typeof x.end?.character === 'number';
}

function isElement(x: unknown): x is StructureElement {
  const e = x as StructureElement | undefined;
  return !!e && typeof e === 'object' && typeof e.id === 'string' && typeof e.uri === 'string' && !!e.node && Array.isArray(e.children);
}

function nonce(): string {
  return randomBytes(16).toString('hex');
}
