/** What every request handler gets: the connection, the documents, the checker and the client's capabilities. */
import type { Connection, WorkspaceEdit } from 'vscode-languageserver';
import { ErrorCodes, LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import type { Checker, Current, Workers } from './checker';
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

/**
 * For a request whose positions refer to the text it arrived with (the client
 * sends its changes first): the answer when that text changed while the
 * request waited. Compare `st.rev` before and after the wait (a revision is
 * never reused, not even by a document opened again).
 */
export function contentModified(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.ContentModified, 'speechlint: the document changed while the request waited; its positions no longer hold');
}

type UriLike = { uri?: unknown; textDocument?: { uri?: unknown } | null } | null | undefined;

function nonEmpty(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

/** `params.textDocument.uri` of a standard request or notification, when it is a non-empty string. */
export function textDocumentUri(params: unknown): string | undefined {
  return nonEmpty((params as UriLike)?.textDocument?.uri);
}

/** The open document a standard request is about (textDocument.uri), if any. */
export function openDocument(ctx: ServerContext, params: unknown): DocState | undefined {
  const uri = textDocumentUri(params);
  return uri === undefined ? undefined : ctx.store.get(uri);
}

/** The `uri` (or `textDocument.uri`) of request params, checked. */
export function uriOf(params: unknown): string {
  const p = params as UriLike;
  const uri = nonEmpty(p?.uri ?? p?.textDocument?.uri);
  if (uri === undefined) throw invalidParams('missing document uri');
  return uri;
}

/** The findings of an open document's current text (see Checker.current); InvalidParams when it is not open. */
export async function currentOf(ctx: ServerContext, uri: string, complete = false): Promise<Current> {
  const cur = await ctx.checker.current(uri, complete);
  if (!cur) throw invalidParams(`document not open: ${uri}`);
  return cur;
}

/** A workspace edit of one open document, versioned when the client supports it. */
export function workspaceEdit(ctx: ServerContext, st: DocState, lines: LineIndex, edits: readonly TextEdit[]): WorkspaceEdit {
  const lsp = toLspEdits(lines, edits);
  if (ctx.caps.documentChanges) return { documentChanges: [{ textDocument: { uri: st.uri, version: st.td.version }, edits: lsp }] };
  return { changes: { [st.uri]: lsp } };
}
