/**
 * textDocument/documentSymbol: the title and the section tree (Outline,
 * breadcrumbs, Go to Symbol).
 *
 * - name: the marker as written, then the heading title ("二、以更加奋发有为…",
 *   "（三）园区建设", "1. 经济运行"). The marker stays because speakers and
 *   writers refer to sections by number ("第二部分", "（三）"), breadcrumbs
 *   read as a path ("二、… › （三）…"), and a duplicate or missing number is
 *   visible in the outline. Markdown "#" and closing punctuation are dropped.
 * - detail: spoken characters of the section body, sub-sections included
 *   ("1,234字" / "1,234 chars"); for the title, of the whole speech.
 * - kind, by nominal level (so a marker style always has the same icon):
 *   title File, 一、 Module, （一） Class, 1. Method, （1） and deeper Property;
 *   unnumbered sub-headings take the level of their depth in the tree.
 */
import type { DocumentSymbol, DocumentSymbolParams, Range, SymbolInformation } from 'vscode-languageserver';
import { SymbolKind } from 'vscode-languageserver';
import type { Heading, Section, SpeechDocument } from '../core/model';
import type { Locale } from '../core/rule';
import type { ServerContext } from '../context';
import { guard, openDocument } from '../context';
import { formatChars, toRange } from '../lsp-convert';

const MAX_NAME = 80;

function clean(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function clip(s: string): string {
  const chars = Array.from(s);
  return chars.length > MAX_NAME ? chars.slice(0, MAX_NAME - 1).join('') + '…' : s;
}

/** "二、标题", "（三）标题", "1. 标题", "01 标题", "标题". */
export function headingName(h: Heading): string {
  const title = clean(h.title);
  const marker = h.marker && h.style !== 'markdown' && h.style !== 'unnumbered' ? clean(h.marker.text) : '';
  if (!marker) return clip(title) || '…';
  if (!title) return marker;
  // no space after CJK punctuation or a closing bracket; a space after digits, Han or a Latin full stop
  const tight = /[、，：．）】」』)]$/.test(marker);
  return clip(marker + (tight ? '' : ' ') + title);
}

export function kindForLevel(level: number): SymbolKind {
  switch (level) {
    case 1:
      return SymbolKind.Module;
    case 2:
      return SymbolKind.Class;
    case 3:
      return SymbolKind.Method;
    default:
      return SymbolKind.Property;
  }
}

function within(inner: Range, outer: Range): Range {
  const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character < b.character);
  const start = before(inner.start, outer.start) || before(outer.end, inner.start) ? outer.start : inner.start;
  const end = before(outer.end, inner.end) || before(inner.end, start) ? outer.end : inner.end;
  return { start, end };
}

function sectionSymbol(doc: SpeechDocument, s: Section, locale: Locale): DocumentSymbol {
  const range = toRange(doc.lines, s.span);
  const level = s.heading.level > 0 ? s.heading.level : s.depth;
  return {
    name: headingName(s.heading),
    detail: formatChars(s.bodyChars, locale),
    kind: kindForLevel(level),
    range,
    selectionRange: within(toRange(doc.lines, s.heading.span), range),
    children: s.children.map((c) => sectionSymbol(doc, c, locale)),
  };
}

export function documentSymbols(doc: SpeechDocument, locale: Locale): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  if (doc.title !== undefined) {
    const p = doc.paragraphs[doc.title];
    const range = toRange(doc.lines, p.span);
    out.push({
      name: clip(clean(doc.text.slice(p.span.start, p.span.end))) || '…',
      detail: formatChars(doc.spokenChars, locale),
      kind: SymbolKind.File,
      range,
      selectionRange: range,
      children: [],
    });
  }
  for (const s of doc.sections) out.push(sectionSymbol(doc, s, locale));
  return out;
}

/** For clients without hierarchical symbols: the same tree, flattened, with container names. */
export function flatten(uri: string, symbols: DocumentSymbol[], container?: string, out: SymbolInformation[] = []): SymbolInformation[] {
  for (const s of symbols) {
    out.push({ name: s.name, kind: s.kind, location: { uri, range: s.range }, containerName: container });
    if (s.children?.length) flatten(uri, s.children, s.name, out);
  }
  return out;
}

export function register(ctx: ServerContext): void {
  ctx.connection.onDocumentSymbol(
    guard(ctx, 'textDocument/documentSymbol', (params: DocumentSymbolParams) => {
      const st = openDocument(ctx, params);
      if (!st) return null;
      const t0 = Date.now();
      const doc = ctx.store.parsed(st);
      const t1 = Date.now();
      const symbols = documentSymbols(doc, ctx.locale);
      ctx.log.debug(`speechlint: documentSymbol ${st.uri}: parse ${t1 - t0} ms, symbols ${Date.now() - t1} ms`);
      return ctx.caps.hierarchicalSymbols ? symbols : flatten(st.uri, symbols);
    }, null),
  );
}
