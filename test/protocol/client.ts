/**
 * A small LSP test client: starts `node bin/speechlint-language-server.js
 * --stdio` as a child process and talks JSON-RPC to it over its stdio, like an
 * editor does. It records what the server sends (diagnostics, messages, logs,
 * edits to apply), answers the server's requests (workspace/configuration from
 * `settings`, workspace/applyEdit, client/registerCapability), and waits for
 * notifications with generous timeouts (never a fixed sleep).
 *
 *   const c = await TestClient.start({ locale: 'en', initializationOptions: { debounceMs: 0 } });
 *   const mark = c.mark();
 *   c.open(uri, text);
 *   const d = await c.waitForDiagnostics(uri, mark);
 *   await c.stop();
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type {
  ApplyWorkspaceEditParams,
  ApplyWorkspaceEditResult,
  ClientCapabilities,
  ConfigurationParams,
  Diagnostic,
  InitializeResult,
  LogMessageParams,
  ProtocolConnection,
  PublishDiagnosticsParams,
  ShowMessageParams,
  TextDocumentContentChangeEvent,
} from 'vscode-languageserver/node';
import { StreamMessageReader, StreamMessageWriter, createProtocolConnection } from 'vscode-languageserver/node';
import { SERVER_NODE_FLAGS } from '../../client/src/server-path';

export const ROOT = path.resolve(__dirname, '../../..');
export const SERVER_BIN = path.join(ROOT, 'bin', 'speechlint-language-server.js');
export const CORPUS_DIR = path.join(ROOT, 'test', 'fixtures', 'corpus');

/** Default wait for a notification: generous, the suite never relies on timing. */
export const WAIT_MS = 30000;

export interface ClientOptions {
  /** Extra environment for the server process (e.g. SPEECHLINT_TEST_RULES: '1'); LC_ALL, LC_MESSAGES and LANG are unset unless given here. */
  env?: Record<string, string | undefined>;
  /** initialize params.locale; undefined sends none. */
  locale?: string;
  initializationOptions?: unknown;
  /** The `speechlint` settings section answered to workspace/configuration (null: the client has none). */
  settings?: Record<string, unknown> | null;
  /** Folder sent as the workspace folder. */
  workspaceFolder?: string;
  /** Merged over the default client capabilities. */
  capabilities?: ClientCapabilities;
  /** The server script to run (default bin/speechlint-language-server.js), e.g. dist/server.js of an unzipped VSIX. */
  serverPath?: string;
  /** Initialize params that replace the ones built from the options above (to send garbage). */
  initializeParams?: Record<string, unknown>;
  /** The server's executable (started with --stdio) instead of `node bin/speechlint-language-server.js`: an installed package's. */
  serverCommand?: string;
}

export function fileUri(p: string): string {
  return pathToFileURL(p).href;
}

export function corpus(name: '000' | '002' | '004'): { path: string; uri: string; text: string } {
  const file = fs.readdirSync(CORPUS_DIR).find((f) => f.startsWith(name + '_'));
  if (!file) throw new Error(`no corpus draft ${name}`);
  const p = path.join(CORPUS_DIR, file);
  return { path: p, uri: fileUri(p), text: fs.readFileSync(p, 'utf8') };
}

/** A fresh temporary folder (removed by `rmTemp`). */
export function tempDir(prefix = 'speechlint-lsp-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Write `text` to `name` under `dir` (folders made as needed); the file's path. */
export function writeIn(dir: string, name: string, text: string): string {
  const p = path.join(dir, name);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, text);
  return p;
}

export function rmTemp(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

const DEFAULT_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    applyEdit: true,
    workspaceEdit: { documentChanges: true },
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    executeCommand: {},
  },
  textDocument: {
    synchronization: { didSave: false },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    foldingRange: {},
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, isPreferredSupport: true },
  },
  window: { showMessage: {} },
};

function merge<T>(a: T, b: unknown): T {
  if (!b || typeof b !== 'object' || Array.isArray(b)) return (b === undefined ? a : b) as T;
  const out: Record<string, unknown> = { ...(a as Record<string, unknown>) };
  for (const [k, v] of Object.entries(b as Record<string, unknown>)) out[k] = merge(out[k], v);
  return out as T;
}

export class TestClient {
  readonly diagnostics: PublishDiagnosticsParams[] = [];
  readonly messages: ShowMessageParams[] = [];
  readonly logs: LogMessageParams[] = [];
  readonly applied: ApplyWorkspaceEditParams[] = [];
  readonly configRequests: ConfigurationParams[] = [];
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];
  /** What the client answers to workspace/applyEdit. */
  applyEditResult: ApplyWorkspaceEditResult = { applied: true };
  settings: Record<string, unknown> | null;
  stderr = '';
  exitCode: number | null | undefined;
  initializeResult!: InitializeResult;
  private readonly events = new EventEmitter();

  private constructor(
    readonly proc: ChildProcess,
    readonly conn: ProtocolConnection,
    opts: ClientOptions,
  ) {
    this.settings = opts.settings === undefined ? {} : opts.settings;
    this.events.setMaxListeners(100);
  }

  static async start(opts: ClientOptions = {}): Promise<TestClient> {
    // started as the extension starts it (client.ts), with its Node flags
    const [command, args] = opts.serverCommand ? [opts.serverCommand, ['--stdio']] : [process.execPath, [...SERVER_NODE_FLAGS, opts.serverPath ?? SERVER_BIN, '--stdio']];
    const proc = spawn(command, args, {
      // without a locale in initialize the server takes the environment's: none unless a test sets one
      env: { ...process.env, LC_ALL: undefined, LC_MESSAGES: undefined, LANG: undefined, ...opts.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const conn = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    const c = new TestClient(proc, conn, opts);
    proc.stderr!.on('data', (d: Buffer) => (c.stderr += d.toString()));
    proc.on('exit', (code) => {
      c.exitCode = code;
      c.events.emit('change');
    });
    const record = <T>(method: string, into: T[]) =>
      conn.onNotification(method, (p: T) => {
        into.push(p);
        c.events.emit('change');
      });
    record('textDocument/publishDiagnostics', c.diagnostics);
    record('window/showMessage', c.messages);
    record('window/logMessage', c.logs);
    conn.onRequest('workspace/configuration', (p: ConfigurationParams) => {
      c.configRequests.push(p);
      return p.items.map((it) => (it.section === 'speechlint' ? c.settings : null));
    });
    conn.onRequest('workspace/applyEdit', (p: ApplyWorkspaceEditParams) => {
      c.applied.push(p);
      c.events.emit('change');
      return c.applyEditResult;
    });
    conn.onRequest('client/registerCapability', (p: { registrations: { method: string; registerOptions?: unknown }[] }) => {
      c.registrations.push(...p.registrations);
      return null;
    });
    conn.onRequest('client/unregisterCapability', () => null);
    conn.onRequest('window/workDoneProgress/create', () => null);
    conn.listen();

    const folder = opts.workspaceFolder;
    const initialized = conn.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      locale: opts.locale,
      rootUri: folder ? fileUri(folder) : null,
      workspaceFolders: folder ? [{ uri: fileUri(folder), name: path.basename(folder) }] : null,
      capabilities: merge(DEFAULT_CAPABILITIES, opts.capabilities),
      initializationOptions: opts.initializationOptions,
      ...opts.initializeParams,
    });
    try {
      c.initializeResult = await initialized;
    } catch (e) {
      // no server left behind to keep the test run alive
      proc.kill();
      conn.dispose();
      throw e;
    }
    await conn.sendNotification('initialized', {});
    return c;
  }

  /** Wait until `probe` returns something (checked at every message from the server). */
  waitFor<T>(probe: () => T | undefined, what: string, timeoutMs = WAIT_MS): Promise<T> {
    const first = probe();
    if (first !== undefined) return Promise.resolve(first);
    return new Promise((resolve, reject) => {
      const onChange = () => {
        let v: T | undefined;
        try {
          v = probe();
        } catch (e) {
          done();
          reject(e);
          return;
        }
        if (v !== undefined) {
          done();
          resolve(v);
        } else if (this.exitCode !== undefined) {
          done();
          reject(new Error(`server exited (code ${this.exitCode}) while waiting for ${what}\n${this.stderr}`));
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}\nlogs:\n${this.logs.map((l) => l.message).join('\n')}\nstderr:\n${this.stderr}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.events.off('change', onChange);
      };
      this.events.on('change', onChange);
    });
  }

  /** A position in the diagnostics log: wait for publishes after it. */
  mark(): number {
    return this.diagnostics.length;
  }

  /** The first publish for `uri` after `since` that satisfies `pred`. */
  waitForDiagnostics(uri: string, since = 0, pred: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = WAIT_MS): Promise<PublishDiagnosticsParams> {
    return this.waitFor(
      () => this.diagnostics.slice(since).find((p) => p.uri === uri && pred(p)),
      `diagnostics for ${uri}`,
      timeoutMs,
    );
  }

  waitForMessage(pred: (m: ShowMessageParams) => boolean, timeoutMs = WAIT_MS): Promise<ShowMessageParams> {
    return this.waitFor(() => this.messages.find(pred), 'window/showMessage', timeoutMs);
  }

  waitForLog(pred: (m: LogMessageParams) => boolean, timeoutMs = WAIT_MS): Promise<LogMessageParams> {
    return this.waitFor(() => this.logs.find(pred), 'window/logMessage', timeoutMs);
  }

  open(uri: string, text: string, version = 1, languageId = 'speech'): void {
    void this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): void {
    void this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  close(uri: string): void {
    void this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  notify(method: string, params: unknown): void {
    void this.conn.sendNotification(method, params);
  }

  request<R = unknown>(method: string, params: unknown): Promise<R> {
    return this.conn.sendRequest(method, params) as Promise<R>;
  }

  /** Shut the server down politely; kill it if it does not exit. */
  async stop(): Promise<void> {
    if (this.exitCode !== undefined) return;
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 5000))]);
      await this.conn.sendNotification('exit');
    } catch {
      // already gone
    }
    await this.waitFor(() => (this.exitCode !== undefined ? true : undefined), 'server exit', 5000).catch(() => this.proc.kill());
    this.conn.dispose();
  }
}

/** The diagnostics of one rule in a publish. */
export function codes(p: PublishDiagnosticsParams, code: string): Diagnostic[] {
  return p.diagnostics.filter((d) => d.code === code);
}

/** Offset of a line/character position in a text (lines end at \n, \r\n or \r). */
export function offsetAt(text: string, pos: { line: number; character: number }): number {
  let line = 0;
  let i = 0;
  while (line < pos.line && i < text.length) {
    const c = text[i++];
    if (c === '\r' && text[i] === '\n') i++;
    if (c === '\n' || c === '\r') line++;
  }
  return i + pos.character;
}

/** The text of an LSP range. */
export function textAt(text: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  return text.slice(offsetAt(text, range.start), offsetAt(text, range.end));
}

/** Apply LSP text edits (non-overlapping) to a text. */
export function applyLspEdits(text: string, edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]): string {
  const offs = edits
    .map((e) => ({ start: offsetAt(text, e.range.start), end: offsetAt(text, e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of offs) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}
