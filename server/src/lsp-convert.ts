/**
 * The only place where core spans (UTF-16 offsets) become LSP ranges
 * (line/character, UTF-16) and back, and where findings become diagnostics.
 */
import type { Diagnostic, DiagnosticRelatedInformation, Position, Range, TextEdit as LspTextEdit } from 'vscode-languageserver';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { ruleDocUrl } from './core/docs';
import type { Finding, Locale, Severity, TextEdit } from './core/rule';
import { localize } from './core/rule';
import type { LineIndex, Span } from './core/text';
import { MAX_RELATED } from './worker-protocol';

export const SOURCE = 'speechlint';

/** A position a client sent, checked: line and character are integers ≥ 0. */
export function isPosition(p: unknown): p is Position {
  const q = p as Position | null | undefined;
  return !!q && typeof q === 'object' && Number.isInteger(q.line) && Number.isInteger(q.character) && q.line >= 0 && q.character >= 0;
}

export function toRange(lines: LineIndex, span: Span): Range {
  return { start: lines.positionAt(span.start), end: lines.positionAt(span.end) };
}

/** An LSP range back to a span (positions past a line's end clamp to it; start <= end). */
export function toSpan(lines: LineIndex, range: Range): Span {
  const a = lines.offsetAt(range.start);
  const b = lines.offsetAt(range.end);
  return a <= b ? { start: a, end: b } : { start: b, end: a };
}

export function toLspSeverity(s: Severity): DiagnosticSeverity {
  switch (s) {
    case 'error':
      return DiagnosticSeverity.Error;
    case 'warning':
      return DiagnosticSeverity.Warning;
    case 'info':
      return DiagnosticSeverity.Information;
    default:
      return DiagnosticSeverity.Hint;
  }
}

export function toLspEdits(lines: LineIndex, edits: readonly TextEdit[]): LspTextEdit[] {
  return [...edits].sort((a, b) => a.start - b.start || a.end - b.end).map((e) => ({ range: toRange(lines, e), newText: e.newText }));
}

export function toDiagnostic(uri: string, lines: LineIndex, f: Finding, locale: Locale): Diagnostic {
  const d: Diagnostic = {
    range: toRange(lines, f.span),
    severity: toLspSeverity(f.severity),
    code: f.ruleId,
    codeDescription: { href: ruleDocUrl(f.ruleId) },
    source: SOURCE,
    message: localize(f.message, locale),
  };
  if (f.related.length) {
    d.relatedInformation = f.related.slice(0, MAX_RELATED).map(
      (r): DiagnosticRelatedInformation => ({ location: { uri, range: toRange(lines, r.span) }, message: localize(r.message, locale) }),
    );
  }
  return d;
}

/** Thousands separators without Intl surprises: 1234 → "1,234". */
export function groupDigits(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "1,234字" / "1,234 chars". */
export function formatChars(n: number, locale: Locale): string {
  return locale === 'en' ? `${groupDigits(n)} ${n === 1 ? 'char' : 'chars'}` : `${groupDigits(n)}字`;
}
