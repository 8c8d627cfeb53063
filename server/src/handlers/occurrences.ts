/**
 * textDocument/hover and textDocument/documentHighlight for repeated words
 * and phrases (repetition/overused-phrase), answered by the segmented worker
 * (jieba lives there) from the segmentation it keeps of the document.
 *
 * - Hover: only on a phrase repetition/overused-phrase reports (any of its
 *   occurrences): every line it occurs on, and the reported clusters. Not on
 *   other repeated words: in a speech draft almost every content word comes
 *   back somewhere, and a popup wherever the mouse rests would be noise; the
 *   highlights show those quietly. So no hover when the rule is off.
 * - Highlights: every occurrence of the flagged phrase under the cursor, or
 *   of the repeated content word under it (jieba words, so 营商环境 is a word
 *   and not the whole run of Han characters VS Code's own word highlight
 *   would take), whatever the rules' settings. Nothing on function words,
 *   punctuation or a word that occurs once.
 *
 * Both answer null when word segmentation is unavailable, and when the
 * document changed while the worker was answering (never ranges of an old
 * text).
 */
import type { CancellationToken, DocumentHighlight, DocumentHighlightParams, Hover, HoverParams } from 'vscode-languageserver';
import { DocumentHighlightKind, MarkupKind } from 'vscode-languageserver';
import type { ServerContext } from '../context';
import { guard, textDocumentUri } from '../context';
import type { PhraseOccurrences } from '../core/occurrences';
import { hoverText } from '../core/occurrences';
import type { LineIndex } from '../core/text';
import { isPosition, toRange } from '../lsp-convert';

/** The phrase at the position, for the document's current text; undefined when there is none or the text changed meanwhile. */
async function query(
  ctx: ServerContext,
  params: { textDocument?: { uri?: unknown }; position?: unknown },
  token: CancellationToken | undefined,
): Promise<{ po: PhraseOccurrences; lines: LineIndex; offset: number } | undefined> {
  const uri = textDocumentUri(params);
  if (uri === undefined || !isPosition(params.position)) return undefined;
  const st = ctx.store.get(uri);
  const worker = ctx.workers.segmented;
  // a document too large to check is not sent to the worker either
  if (!st || !worker.available || ctx.store.tooLarge(st)) return undefined;
  const rev = st.rev;
  const stale = () => ctx.store.get(uri) !== st || st.rev !== rev || token?.isCancellationRequested === true;
  const lines = ctx.store.lines(st);
  const offset = lines.offsetAt(params.position);
  const text = st.td.getText();
  const version = st.td.version;
  const { config, dictionaryPath } = await ctx.configs.forDocument(uri);
  if (stale()) return undefined;
  const po = await worker.occurrences(uri, version, text, offset, config, dictionaryPath);
  if (!po || stale()) return undefined;
  return { po, lines, offset };
}

export async function hover(ctx: ServerContext, params: HoverParams, token?: CancellationToken): Promise<Hover | null> {
  const q = await query(ctx, params, token);
  if (!q || !q.po.flagged) return null;
  const here = q.po.occurrences.find((o) => q.offset >= o.span.start && q.offset <= o.span.end);
  const markdown = ctx.caps.hoverMarkdown;
  return {
    contents: { kind: markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value: hoverText(q.po, ctx.locale, { markdown }) },
    ...(here ? { range: toRange(q.lines, here.span) } : {}),
  };
}

export async function documentHighlights(ctx: ServerContext, params: DocumentHighlightParams, token?: CancellationToken): Promise<DocumentHighlight[] | null> {
  const q = await query(ctx, params, token);
  if (!q) return null;
  return q.po.occurrences.map((o) => ({ range: toRange(q.lines, o.span), kind: DocumentHighlightKind.Text }));
}

export function register(ctx: ServerContext): void {
  ctx.connection.onHover((params, token) => guard(ctx, 'textDocument/hover', (p: HoverParams) => hover(ctx, p, token), null)(params));
  ctx.connection.onDocumentHighlight((params, token) =>
    guard(ctx, 'textDocument/documentHighlight', (p: DocumentHighlightParams) => documentHighlights(ctx, p, token), null)(params),
  );
}
