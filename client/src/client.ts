/**
 * The language client: starts the server, decides which documents it sees
 * (see server/src/core/prose-gate.ts), restarts when `speechlint.languages` changes, and
 * offers the rest of the extension a safe way to send requests (undefined
 * instead of a rejection when the server is not running or does not know the
 * request).
 */
import * as fs from 'fs';
import * as vscode from 'vscode';
import {
  DidOpenTextDocumentNotification,
  ExecuteCommandRequest,
  LanguageClient,
  State,
  TransportKind,
  type LanguageClientOptions,
  type Middleware,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { documentSelectorFor, isSelected, normalizeLanguages } from './languages';
import { needsProseCheck, SAMPLE_CHARS, shouldCheck } from '../../server/src/core/prose-gate';
import { findServerModule, SERVER_NODE_FLAGS } from './server-path';
import { explicitSettings } from './settings';
import { textualOccurrences } from './word-highlights';

export const CLIENT_ID = 'speechlint';

/** The start of the document, as much as the prose check reads. */
function sampleText(doc: vscode.TextDocument): string {
  return doc.getText(new vscode.Range(new vscode.Position(0, 0), doc.positionAt(SAMPLE_CHARS)));
}

/** Documents the gate let through, or held back until they look like Chinese prose. */
class Gate {
  /** uri → admitted; absent: never seen. */
  private readonly state = new Map<string, boolean>();

  constructor(public languages: string[]) {}

  decide(doc: vscode.TextDocument): boolean {
    const ok = shouldCheck(doc.languageId, sampleText(doc), this.languages);
    this.state.set(doc.uri.toString(), ok);
    return ok;
  }
  isHeld(uri: string): boolean {
    return this.state.get(uri) === false;
  }
  isAdmitted(uri: string): boolean {
    return this.state.get(uri) === true;
  }
  admit(uri: string): void {
    this.state.set(uri, true);
  }
  forget(uri: string): void {
    this.state.delete(uri);
  }
}

export class ClientHost implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private gate = new Gate([]);
  private starting: Promise<void> | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  /** Documents opened by "check all drafts": keep their problems after VS Code closes them. */
  readonly workspaceChecked = new Set<string>();
  private readonly closed = new Set<string>();
  private readonly onDidChangeStateEmitter = new vscode.EventEmitter<void>();
  /** Fires when the client starts, stops or restarts. */
  readonly onDidChangeState = this.onDidChangeStateEmitter.event;
  private readonly output: vscode.OutputChannel;

  constructor() {
    this.output = vscode.window.createOutputChannel('speechlint');
    this.disposables.push(
      this.output,
      this.onDidChangeStateEmitter,
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('speechlint.languages')) void this.restart();
      }),
      // an untrusted workspace supplies no dictionary path and no patterns (package.json restrictedConfigurations
      // for the settings; the server for .speechlintrc.json): trusting it turns them on
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        if (this.client?.state === State.Running) void this.client.sendNotification('speechlint/workspaceTrusted', {});
      }),
    );
  }

  /** The languages currently checked (the normalized setting). */
  get languages(): string[] {
    return this.gate.languages;
  }

  get running(): boolean {
    return this.client?.state === State.Running;
  }

  /** Is this document sent to the server (a checked language and scheme, and it passed the prose check)? */
  isChecked(doc: vscode.TextDocument): boolean {
    // not the side of a git diff, a notebook cell …: the server never sees them
    if (!isSelected(doc.languageId, doc.uri.scheme, this.gate.languages)) return false;
    const uri = doc.uri.toString();
    if (!needsProseCheck(doc.languageId)) return true;
    return this.gate.isAdmitted(uri) || (!this.gate.isHeld(uri) && shouldCheck(doc.languageId, sampleText(doc), this.gate.languages));
  }

  /** Is the document of a checked language (whether or not it passed the prose check)? */
  isCheckedLanguage(doc: vscode.TextDocument): boolean {
    return this.gate.languages.includes(doc.languageId);
  }

  async start(): Promise<void> {
    if (this.starting) return this.starting;
    this.starting = this.doStart().finally(() => (this.starting = undefined));
    return this.starting;
  }

  private async doStart(): Promise<void> {
    const languages = normalizeLanguages(vscode.workspace.getConfiguration('speechlint').get('languages'));
    this.gate = new Gate(languages);
    await vscode.commands.executeCommand('setContext', 'speechlint.languages', languages);
    if (languages.length === 0) {
      this.output.appendLine('speechlint.languages is empty: no language is checked.');
      this.onDidChangeStateEmitter.fire();
      return;
    }
    const serverModule = findServerModule(__dirname, (p) => fs.existsSync(p));
    if (!serverModule) {
      const msg = vscode.l10n.t('speechlint: the language server was not found next to the extension ({0}). Reinstall the extension.', __dirname);
      this.output.appendLine(msg);
      void vscode.window.showErrorMessage(msg);
      return;
    }
    const serverOptions: ServerOptions = {
      run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS] } },
      debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6019'] } },
    };
    const config = vscode.workspace.getConfiguration('speechlint');
    const clientOptions: LanguageClientOptions = {
      documentSelector: documentSelectorFor(languages),
      // the server registers for workspace/didChangeConfiguration itself and pulls `speechlint.*`
      // with workspace/configuration; a synchronize section would send every change twice
      initializationOptions: { locale: vscode.env.language, debounceMs: config.get<number>('debounceMs', 250), workspaceTrusted: vscode.workspace.isTrusted },
      outputChannel: this.output,
      middleware: this.middleware(),
    };
    const client = new LanguageClient(CLIENT_ID, 'speechlint', serverOptions, clientOptions);
    this.client = client;
    client.onDidChangeState(() => this.onDidChangeStateEmitter.fire());
    try {
      await client.start();
    } catch (e) {
      this.output.appendLine(`speechlint: the language server did not start: ${e instanceof Error ? e.message : String(e)}`);
    }
    this.onDidChangeStateEmitter.fire();
  }

  async stop(): Promise<void> {
    const c = this.client;
    this.client = undefined;
    if (c) {
      try {
        await c.stop(5000);
      } catch {
        // already stopped or never started
      }
      await c.dispose().catch(() => undefined);
    }
    this.onDidChangeStateEmitter.fire();
  }

  async restart(): Promise<void> {
    await this.starting?.catch(() => undefined);
    await this.stop();
    await this.start();
  }

  private middleware(): Middleware {
    const gateOf = () => this.gate;
    return {
      didOpen: async (doc, next) => {
        this.closed.delete(doc.uri.toString());
        if (gateOf().decide(doc)) return next(doc);
      },
      didChange: async (event, next) => {
        const gate = gateOf();
        const uri = event.document.uri.toString();
        if (!gate.isHeld(uri)) return next(event);
        // a held document that now reads as Chinese prose: open it on the server with its full text
        if (gate.decide(event.document) && this.client) {
          await this.client.sendNotification(
            DidOpenTextDocumentNotification.type,
            this.client.code2ProtocolConverter.asOpenTextDocumentParams(event.document),
          );
          this.onDidChangeStateEmitter.fire();
        }
      },
      didClose: async (doc, next) => {
        const gate = gateOf();
        const uri = doc.uri.toString();
        const held = gate.isHeld(uri);
        gate.forget(uri);
        if (held) return;
        if (this.workspaceChecked.has(uri)) this.closed.add(uri);
        return next(doc);
      },
      didSave: async (doc, next) => {
        if (!gateOf().isHeld(doc.uri.toString())) return next(doc);
      },
      willSave: async (event, next) => {
        if (!gateOf().isHeld(event.document.uri.toString())) return next(event);
      },
      handleDiagnostics: (uri, diagnostics, next) => {
        const key = uri.toString();
        // The server clears a document's problems when it is closed. A draft
        // opened by "check all drafts" is closed by VS Code once nothing shows
        // it: keep its problems in the Problems panel until it is opened again.
        if (diagnostics.length === 0 && this.closed.has(key)) return;
        next(uri, diagnostics);
      },
      workspace: {
        // only what the user set: VS Code's declared defaults must not override a .speechlintrc.json
        configuration: async (params, token, next) => {
          const answer = await next(params, token);
          if (!Array.isArray(answer)) return answer;
          return params.items.map((item, i) => {
            if (item.section !== 'speechlint') return answer[i];
            const scope = item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined;
            const config = vscode.workspace.getConfiguration('speechlint', scope);
            return explicitSettings({ inspect: (k) => config.inspect(k), get: (k) => config.get(k) });
          });
        },
      },
      provideDocumentSymbols: (doc, token, next) => (gateOf().isHeld(doc.uri.toString()) ? [] : next(doc, token)),
      provideFoldingRanges: (doc, ctx, token, next) => (gateOf().isHeld(doc.uri.toString()) ? [] : next(doc, ctx, token)),
      provideCodeActions: (doc, range, ctx, token, next) => (gateOf().isHeld(doc.uri.toString()) ? [] : next(doc, range, ctx, token)),
      provideHover: (doc, position, token, next) => (gateOf().isHeld(doc.uri.toString()) ? undefined : next(doc, position, token)),
      // The server highlights repeated Chinese words. With a highlight provider registered VS Code no
      // longer highlights words by itself, so Latin words and numbers, and documents the server does
      // not see, get its textual highlights here (not Markdown: its own provider already replaced them).
      provideDocumentHighlights: async (doc, position, token, next) => {
        const fromServer = gateOf().isHeld(doc.uri.toString()) ? undefined : await next(doc, position, token);
        if ((fromServer && fromServer.length > 0) || doc.languageId === 'markdown' || token.isCancellationRequested) return fromServer;
        const text = doc.getText();
        return textualOccurrences(text, doc.offsetAt(position)).map(
          (r) => new vscode.DocumentHighlight(new vscode.Range(doc.positionAt(r.start), doc.positionAt(r.end)), vscode.DocumentHighlightKind.Text),
        );
      },
    };
  }

  /** Forget the documents of a previous "check all drafts" (their problems go when the server next publishes). */
  resetWorkspaceCheck(): void {
    // problems kept for drafts that are closed now: drop them, the new run reopens what still exists
    for (const uri of this.closed) this.client?.diagnostics?.delete(vscode.Uri.parse(uri));
    this.workspaceChecked.clear();
    this.closed.clear();
  }

  /** A custom request; undefined when the server is not running, fails or does not know it. */
  async request<R>(method: string, params: unknown): Promise<R | undefined> {
    return (await this.send(method, (c) => c.sendRequest<R>(method, params)))?.value;
  }

  /** Run a server command (workspace/executeCommand); false when it could not be sent or failed. */
  async executeServerCommand(command: string, args: unknown[]): Promise<boolean> {
    return (await this.send(command, (c) => c.sendRequest(ExecuteCommandRequest.type, { command, arguments: args }))) !== undefined;
  }

  /** Once the client has started: `send` through it when it runs; undefined when it does not, or when `send` fails (logged under `what`). */
  private async send<R>(what: string, send: (c: LanguageClient) => Promise<R>): Promise<{ value: R } | undefined> {
    await this.starting?.catch(() => undefined);
    const c = this.client;
    if (!c || c.state !== State.Running) return undefined;
    try {
      return { value: await send(c) };
    } catch (e) {
      this.output.appendLine(`${what}: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
  }

  /** Wait until the client is running (or gave up starting). */
  async ready(): Promise<boolean> {
    await this.starting?.catch(() => undefined);
    return this.running;
  }

  showOutput(): void {
    this.output.show(true);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    void this.stop();
  }
}
