/**
 * The speechlint language server: LSP wiring only. Analysis lives in core/,
 * per-feature request handling in handlers/, the two-phase checking in
 * checker.ts, the worker threads (jieba; large drafts) in worker.ts.
 *
 * Started by the VS Code extension (node IPC) and by
 * `speechlint-language-server --stdio` for other editors.
 */
import type { Connection, InitializeParams, InitializeResult } from 'vscode-languageserver/node';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  MessageType,
  ShowMessageNotification,
  ProposedFeatures,
  TextDocumentSyncKind,
  createConnection,
} from 'vscode-languageserver/node';
import { Checker, debounceFrom, DEFAULT_DEBOUNCE_MS } from './checker';
import { ConfigSource, uriToPath } from './config-source';
import type { ServerContext } from './context';
import { guardNotification, textDocumentUri } from './context';
import { rulesForPhase } from './core/lint';
import { admitsDocument } from './core/prose-gate';
import { detectLocale, localeFrom } from './core/rule';
import { DocumentStore, validChanges } from './documents';
import { COMMANDS, FIX_ALL_KIND, registerAll } from './handlers';
import { Log, errorText } from './log';
import { CONFIG_NAME } from './node/config-file';
import { packageVersion } from './node/package';
import { createServerRegistry } from './rules-source';
import { LintWorker } from './lint-worker';

interface InitOptions {
  debounceMs?: unknown;
  debug?: unknown;
  [k: string]: unknown;
}

export function startServer(connection: Connection): void {
  const log = new Log(connection);
  const registry = createServerRegistry();
  // plain text and Markdown only when mostly Chinese prose, as in the VS Code client
  const store = new DocumentStore(admitsDocument);
  let ctx: ServerContext | undefined;
  let workers: { segmented: LintWorker; fast: LintWorker } | undefined;
  let initDebounce: number | undefined;
  let settingsDebounce: number | undefined;
  let workspaceFolders: string[] = [];
  let dynamicConfig = false;

  const unexpected = (e: unknown): void => {
    try {
      log.error(`speechlint: unexpected error: ${errorText(e)}`);
    } catch {
      // the connection itself is gone
    }
  };
  process.on('uncaughtException', unexpected);
  process.on('unhandledRejection', unexpected);

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const raw = params.initializationOptions;
    const init = (raw && typeof raw === 'object' && !Array.isArray(raw) ? raw : {}) as InitOptions;
    // Helix sends its `config` both as initializationOptions and as the settings: { speechlint: { … } }
    const nested = init.speechlint && typeof init.speechlint === 'object' ? (init.speechlint as InitOptions) : undefined;
    const pick = (k: string): unknown => init[k] ?? nested?.[k];
    // the client's locale; editors that send none (Neovim, Helix) may pass initializationOptions.locale,
    // else the environment's, as for the command line (LC_ALL, LC_MESSAGES, LANG)
    const tag = typeof params.locale === 'string' ? params.locale : typeof pick('locale') === 'string' ? (pick('locale') as string) : undefined;
    const locale = tag !== undefined && tag !== '' ? localeFrom(tag) : detectLocale(process.env);
    initDebounce = debounceFrom(pick('debounceMs'));
    if (pick('debug') === true) log.debugEnabled = true;
    const cc = params.capabilities;
    const caps = {
      documentChanges: cc.workspace?.workspaceEdit?.documentChanges === true,
      hierarchicalSymbols: cc.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true,
      configuration: cc.workspace?.configuration === true,
      watchedFilesDynamic: cc.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
      hoverMarkdown: !Array.isArray(cc.textDocument?.hover?.contentFormat) || cc.textDocument.hover.contentFormat.includes('markdown'),
    };
    dynamicConfig = cc.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    const folders: unknown[] = Array.isArray(params.workspaceFolders) ? params.workspaceFolders.map((f) => f?.uri) : [params.rootUri];
    workspaceFolders = folders.map((u) => (typeof u === 'string' ? uriToPath(u) : undefined)).filter((p): p is string => p !== undefined);

    // window/showMessage (a notification), not showMessageRequest: nothing to answer
    const showWarning = (text: string): void => void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: text });
    const configs = new ConfigSource(
      registry,
      {
        pullSettings: (uri) =>
          caps.configuration ? connection.workspace.getConfiguration(uri ? { scopeUri: uri, section: 'speechlint' } : { section: 'speechlint' }) : undefined,
        showWarning,
        log: (text) => log.warn(text),
        workspaceFolders: () => workspaceFolders,
      },
      locale,
    );
    // clients without workspace/configuration may pass the settings as initializationOptions
    configs.pushedSettings = nested ?? init;
    // VS Code's workspace trust (the client says false for an untrusted workspace; other editors say nothing)
    configs.setTrusted(pick('workspaceTrusted') !== false);
    workers = { segmented: new LintWorker(log, 'segmented'), fast: new LintWorker(log, 'fast') };
    const checker = new Checker(store, configs, workers, registry, locale, log, {
      publish: (uri, version, diagnostics) => void connection.sendDiagnostics({ uri, version, diagnostics }),
      debounceMs: () => settingsDebounce ?? initDebounce ?? DEFAULT_DEBOUNCE_MS,
      warn: (text) => {
        log.warn(text);
        showWarning(text);
      },
    });
    ctx = { connection, store, checker, workers, configs, registry, locale, log, caps };
    registerAll(ctx);

    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        documentSymbolProvider: { label: 'speechlint' },
        foldingRangeProvider: true,
        hoverProvider: true,
        documentHighlightProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        executeCommandProvider: { commands: COMMANDS },
      },
      serverInfo: { name: 'speechlint', version: packageVersion() },
    };
  });

  /** Global settings (debounce, debug) after a start or a change. */
  async function refreshGlobalSettings(): Promise<void> {
    if (!ctx) return;
    const view = await ctx.configs.settingsFor(undefined);
    settingsDebounce = view.debounceMs;
    if (view.debug !== undefined) log.debugEnabled = view.debug || process.env.SPEECHLINT_DEBUG === '1';
  }

  const withCtx =
    <P>(method: string, fn: (ctx: ServerContext, params: P) => void | Promise<void>) =>
    (params: P): void => {
      if (!ctx) return;
      guardNotification<P>(ctx, method, (p) => fn(ctx!, p))(params);
    };

  connection.onInitialized(
    withCtx('initialized', async (c) => {
      if (dynamicConfig) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'speechlint' });
      if (c.caps.watchedFilesDynamic) {
        void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${CONFIG_NAME}` }] });
      }
      // load the dictionary now, in the background: the first checks never wait for it
      if (rulesForPhase(registry, 'segmented').length > 0) workers?.segmented.start();
      await refreshGlobalSettings();
    }),
  );

  connection.onDidOpenTextDocument(
    withCtx('textDocument/didOpen', (c, params) => {
      const d = params.textDocument;
      if (typeof d?.uri !== 'string' || typeof d.text !== 'string') return;
      const st = c.store.open(d.uri, d.languageId, d.version, d.text);
      if (!st.held) c.checker.schedule(st, true);
    }),
  );
  connection.onDidChangeTextDocument(
    withCtx('textDocument/didChange', (c, params) => {
      const uri = textDocumentUri(params);
      if (uri === undefined) return;
      const changes: unknown = params.contentChanges ?? [];
      if (!validChanges(changes)) {
        // the text is unknown from here on: stop checking it rather than publish, or fix, at the wrong places
        const st = c.store.close(uri);
        if (st) {
          c.checker.close(st);
          log.warn(`speechlint: textDocument/didChange for ${uri}: malformed content change; the document is no longer checked until it is opened again`);
        }
        return;
      }
      // a held document is checked from the change that makes it Chinese prose on
      const st = c.store.change(uri, params.textDocument.version ?? 0, changes);
      if (st && !st.held) c.checker.schedule(st);
    }),
  );
  connection.onDidCloseTextDocument(
    withCtx('textDocument/didClose', (c, params) => {
      const uri = textDocumentUri(params);
      const st = uri === undefined ? undefined : c.store.close(uri);
      if (st) c.checker.close(st);
    }),
  );
  connection.onDidChangeConfiguration(
    withCtx('workspace/didChangeConfiguration', async (c, params) => {
      const s = params?.settings as { speechlint?: unknown } | undefined;
      if (s && typeof s === 'object' && s.speechlint !== undefined) c.configs.pushedSettings = s.speechlint;
      c.configs.invalidateSettings();
      await refreshGlobalSettings();
      c.checker.recheckAll();
    }),
  );
  connection.onDidChangeWatchedFiles(
    withCtx('workspace/didChangeWatchedFiles', (c, params) => {
      if (!(params.changes ?? []).some((ch) => typeof ch.uri === 'string' && ch.uri.endsWith(CONFIG_NAME))) return;
      c.configs.invalidateFiles();
      c.checker.recheckAll();
    }),
  );
  connection.onNotification(
    'speechlint/workspaceTrusted',
    withCtx('speechlint/workspaceTrusted', (c) => {
      c.configs.setTrusted(true);
      c.checker.recheckAll();
    }),
  );
  connection.onShutdown(() => {
    void workers?.segmented.dispose();
    void workers?.fast.dispose();
  });

  connection.listen();
}

startServer(createConnection(ProposedFeatures.all));
