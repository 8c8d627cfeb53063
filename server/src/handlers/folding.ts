/** textDocument/foldingRange: one region per section that spans more than one line. */
import type { FoldingRange, FoldingRangeParams } from 'vscode-languageserver';
import { FoldingRangeKind } from 'vscode-languageserver';
import type { SpeechDocument } from '../core/model';
import type { ServerContext } from '../context';
import { guard, openDocument } from '../context';

export function foldingRanges(doc: SpeechDocument): FoldingRange[] {
  const out: FoldingRange[] = [];
  for (const s of doc.allSections) {
    const startLine = doc.lines.lineAt(s.span.start);
    let endLine = doc.lines.lineAt(s.span.end);
    // a span ending right after a line break ends on the line before
    if (endLine > startLine && doc.lines.lineStart(endLine) === s.span.end) endLine--;
    if (endLine > startLine) out.push({ startLine, endLine, kind: FoldingRangeKind.Region });
  }
  return out;
}

export function register(ctx: ServerContext): void {
  ctx.connection.onFoldingRanges(
    guard(ctx, 'textDocument/foldingRange', (params: FoldingRangeParams) => {
      const st = openDocument(ctx, params);
      return st ? foldingRanges(ctx.store.parsed(st)) : null;
    }, null),
  );
}
