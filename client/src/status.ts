/**
 * Status bar: length and speaking time of the active draft (of the selection
 * when text is selected), its placeholder count and the mode. Counted locally
 * at once (so the items work before the server answers), then replaced by the
 * server's `speechlint/stats`.
 */
import * as vscode from 'vscode';
import type { StatsParams, StatsResult } from '../../server/src/protocol';
import { Requests } from '../../server/src/protocol';
import { countSpokenChars } from '../../server/src/core/text';
import type { ClientHost } from './client';
import { fromRange } from './convert';
import { Debounce } from './debounce';
import { placeholderCountFromDiagnostics } from './placeholders';
import { effectiveRate, secondsFor, statusTexts, type StatusInput } from './status-format';
import type { StatusBarSnapshot } from './test-api';

const t = (message: string, ...args: Array<string | number>) => vscode.l10n.t(message, ...args);

/** The non-empty selections, as a key that changes when one is made, changed or dropped. */
function selectionKey(selections: readonly vscode.Selection[]): string {
  return selections
    .filter((s) => !s.isEmpty)
    .map((s) => `${s.start.line}:${s.start.character}-${s.end.line}:${s.end.character}`)
    .join(',');
}

function validStats(s: StatsResult | undefined): s is StatsResult {
  return !!s && Number.isFinite(s.chars) && Number.isFinite(s.seconds);
}

export class StatusBar implements vscode.Disposable {
  private readonly main: vscode.StatusBarItem;
  private readonly placeholders: vscode.StatusBarItem;
  private readonly mode: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly updater = new Debounce(() => void this.update());
  private seq = 0;
  /** The server's last whole-document count per uri (the selection's stats do not change it). */
  private readonly serverPlaceholders = new Map<string, number>();
  /** The mode the server last reported per uri (it may come from the draft's .speechlintrc.json). */
  private readonly serverModes = new Map<string, 'draft' | 'final'>();
  /** The draft whose numbers the items show. */
  private shown: string | undefined;
  /** The non-empty selections of the last update (a caret moving through the text changes nothing shown). */
  private selectionKey = '';

  constructor(private readonly host: ClientHost) {
    this.main = vscode.window.createStatusBarItem('speechlint.length', vscode.StatusBarAlignment.Right, 103);
    this.main.name = t('speechlint: length and speaking time');
    this.main.command = 'speechlint.showBreakdown';
    this.placeholders = vscode.window.createStatusBarItem('speechlint.placeholders', vscode.StatusBarAlignment.Right, 102);
    this.placeholders.name = t('speechlint: placeholders');
    this.placeholders.command = 'speechlint.listPlaceholders';
    this.mode = vscode.window.createStatusBarItem('speechlint.mode', vscode.StatusBarAlignment.Right, 101);
    this.mode.name = t('speechlint: draft or final mode');
    this.mode.command = 'speechlint.switchMode';
    this.disposables.push(
      this.main,
      this.placeholders,
      this.mode,
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule(0)),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.textEditor !== vscode.window.activeTextEditor || selectionKey(e.selections) === this.selectionKey) return;
        this.schedule(150);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length === 0) return;
        // the server's count is for the old text: until it counts again, the diagnostics' count stands in
        this.serverPlaceholders.delete(e.document.uri.toString());
        if (e.document !== vscode.window.activeTextEditor?.document) return;
        // an answer still on its way is for the old text: it must not overwrite what the next update shows
        this.seq++;
        this.schedule(this.typingDelay());
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const doc = vscode.window.activeTextEditor?.document;
        if (doc && e.uris.some((u) => u.toString() === doc.uri.toString())) this.schedule(this.typingDelay());
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('speechlint')) {
          this.serverModes.clear();
          this.schedule(0);
        }
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.serverPlaceholders.delete(d.uri.toString());
        this.serverModes.delete(d.uri.toString());
      }),
      host.onDidChangeState(() => this.schedule(0)),
    );
    this.schedule(0);
  }

  private typingDelay(): number {
    const v = vscode.workspace.getConfiguration('speechlint').get<number>('debounceMs', 250);
    return typeof v === 'number' && v >= 0 ? Math.min(v, 5000) + 50 : 300;
  }

  schedule(delay: number): void {
    this.updater.schedule(delay);
  }

  private visible = false;

  private hide(): void {
    this.visible = false;
    this.shown = undefined;
    this.main.hide();
    this.placeholders.hide();
    this.mode.hide();
  }

  /** What the items show (the end-to-end tests read it through the extension's API). */
  snapshot(): StatusBarSnapshot {
    return { main: this.main.text, placeholders: this.placeholders.text, mode: this.mode.text, visible: this.visible };
  }

  private async update(): Promise<void> {
    const seq = ++this.seq;
    const editor = vscode.window.activeTextEditor;
    if (!editor || !this.host.isChecked(editor.document)) {
      this.hide();
      return;
    }
    const doc = editor.document;
    const uri = doc.uri.toString();
    const config = vscode.workspace.getConfiguration('speechlint', doc.uri);
    const rate = effectiveRate(config.get('speakingRate'));
    const selections = editor.selections.filter((s) => !s.isEmpty);
    this.selectionKey = selectionKey(selections);
    const selection = selections.length > 0;
    // the whole draft's count (a selection's own count is not shown): the server's, else the diagnostics'
    const placeholders = () => this.serverPlaceholders.get(uri) ?? (this.host.running ? placeholderCountFromDiagnostics(doc) : undefined);
    const countHere = (): StatusInput => {
      let chars = 0;
      if (selection) for (const s of selections) chars += countSpokenChars(doc.getText(s));
      else chars = countSpokenChars(doc.getText());
      return { chars, seconds: secondsFor(chars, rate), speakingRate: rate, selection, placeholders: placeholders(), mode: this.currentMode(doc) };
    };
    // Counted here at once when the items show another draft or no server answers. Otherwise they keep
    // the server's last numbers until it answers: the count here includes the web residue the server
    // leaves out, and showing it first made the number jump on every update.
    const countedHere = this.shown !== uri || !this.host.running;
    if (countedHere) this.render(uri, countHere());

    const params: StatsParams = { uri };
    if (selection) params.ranges = selections.map((s) => fromRange(s));
    const stats = await this.host.request<StatsResult>(Requests.stats, params);
    if (seq !== this.seq) return;
    if (!validStats(stats)) {
      if (!countedHere) this.render(uri, countHere());
      return;
    }
    if (!selection && Number.isFinite(stats.placeholders)) this.serverPlaceholders.set(uri, stats.placeholders);
    if (stats.mode === 'draft' || stats.mode === 'final') this.serverModes.set(uri, stats.mode);
    this.render(uri, {
      chars: stats.chars,
      seconds: stats.seconds,
      speakingRate: Number.isFinite(stats.speakingRate) ? stats.speakingRate : rate,
      selection,
      placeholders: selection ? placeholders() : stats.placeholders,
      mode: this.currentMode(doc),
    });
  }

  private render(uri: string, input: StatusInput): void {
    this.shown = uri;
    const s = statusTexts(input, t);
    this.main.text = s.main;
    this.main.tooltip = s.mainTooltip;
    this.placeholders.text = s.placeholders;
    this.placeholders.tooltip = s.placeholdersTooltip;
    this.placeholders.backgroundColor = s.placeholdersAlarm ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    this.mode.text = s.mode;
    this.mode.tooltip = s.modeTooltip;
    this.main.show();
    this.placeholders.show();
    this.mode.show();
    this.visible = true;
  }

  /** The mode of this draft as shown (the server's when known). */
  currentMode(doc?: vscode.TextDocument): 'draft' | 'final' {
    const known = doc && this.serverModes.get(doc.uri.toString());
    if (known) return known;
    return vscode.workspace.getConfiguration('speechlint', doc?.uri).get<string>('mode') === 'final' ? 'final' : 'draft';
  }

  dispose(): void {
    this.updater.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
