/** What every request handler gets: the connection, the documents, the checker and the client's capabilities. */
import type { Connection, WorkspaceEdit } from 'vscode-languageserver';
import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import type { Checker, Workers } from './checker';
import type { ConfigSource } from './config-source';
import type { Registry } from './core/registry';
import type { Locale, TextEdit } from './core/rule';
import type { LineIndex } from './core/text';
import type { DocState, DocumentStore } from './documents';
import type { Log } from './log';
import { errorText } from './log';
import { toLspEdits } from './lsp-convert';

export interface ClientCaps {
  /** workspace.workspaceEdit.documentChanges: versioned edits. */
  documentChanges: boolean;
  hierarchicalSymbols: boolean;
  configuration: boolean;
  watchedFilesDynamic: boolean;
  /** textDocument.hover.contentFormat allows markdown (or says nothing). */
  hoverMarkdown: boolean;
}

export interface ServerContext {
  connection: Connection;
  store: DocumentStore;
  checker: Checker;
  /** The worker threads: 'segmented' (jieba) also answers hover and highlight queries. */
  workers: Workers;
  configs: ConfigSource;
  registry: Registry;
  locale: Locale;
  log: Log;
  caps: ClientCaps;
}

/** A handler that cannot take the server down: errors are logged and answered with `fallback`; ResponseErrors go to the client as they are. */
export function guard<P, R>(
  ctx: ServerContext,
  method: string,
  fn: (params: P) => R | Promise<R>,
  fallback: R | ResponseError<void>,
): (params: P) => Promise<R | ResponseError<void>> {
  return async (params: P) => {
    try {
      return await fn(params);
    } catch (e) {
      if (e instanceof ResponseError) return e as ResponseError<void>;
      ctx.log.error(`speechlint: ${method} failed: ${errorText(e)}`);
      return fallback;
    }
  };
}

/** A notification handler that cannot take the server down. */
export function guardNotification<P>(ctx: ServerContext, method: string, fn: (params: P) => void | Promise<void>): (params: P) => void {
  return (params: P) => {
    try {
      const r = fn(params);
      if (r && typeof (r as Promise<void>).catch === 'function') (r as Promise<void>).catch((e) => ctx.log.error(`speechlint: ${method} failed: ${errorText(e)}`));
    } catch (e) {
      ctx.log.error(`speechlint: ${method} failed: ${errorText(e)}`);
    }
  };
}

export function invalidParams(message: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, `speechlint: ${message}`);
}

/** The `uri` of request params, checked. */
export function uriOf(params: unknown): string {
  const uri = params && typeof params === 'object' ? (params as { uri?: unknown; textDocument?: { uri?: unknown } }).uri ?? (params as { textDocument?: { uri?: unknown } }).textDocument?.uri : undefined;
  if (typeof uri !== 'string' || uri.length === 0) throw invalidParams('missing document uri');
  return uri;
}

/** A workspace edit of one open document, versioned when the client supports it. */
export function workspaceEdit(ctx: ServerContext, st: DocState, lines: LineIndex, edits: readonly TextEdit[]): WorkspaceEdit {
  const lsp = toLspEdits(lines, edits);
  if (ctx.caps.documentChanges) return { documentChanges: [{ textDocument: { uri: st.uri, version: st.td.version }, edits: lsp }] };
  return { changes: { [st.uri]: lsp } };
}
