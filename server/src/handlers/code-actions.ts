/**
 * textDocument/codeAction:
 * - each fix of each finding under the cursor, as a quick fix (the first safe
 *   fix of a finding is the preferred one);
 * - "Fix all <rule> problems" when the rule has two or more findings with a
 *   safe fix in the document;
 * - "Disable <rule> for this line": a `<!-- speechlint-disable-next-line rule -->`
 *   line above, with the same indentation and line break (or the rule added to
 *   such a comment that is already there);
 * - `source.fixAll.speechlint`: every safe fix of the document (for
 *   "editor.codeActionsOnSave").
 * Titles are in the client's language.
 */
import type { CodeAction, CodeActionParams, Diagnostic } from 'vscode-languageserver';
import { CodeActionKind } from 'vscode-languageserver';
import { collectSafeEdits } from '../core/lint';
import type { SpeechDocument } from '../core/model';
import type { Finding, Locale, TextEdit } from '../core/rule';
import { localize } from '../core/rule';
import { isIndentSpace } from '../core/text';
import type { ServerContext } from '../context';
import { contentModified, guard, textDocumentUri, workspaceEdit } from '../context';
import { SOURCE, toDiagnostic, toSpan } from '../lsp-convert';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.speechlint`;

export const titles = {
  fixAllOfRule: (rule: string, l: Locale) => (l === 'en' ? `Fix all ${rule} problems` : `修复全部 ${rule} 问题`),
  disableLine: (rule: string, l: Locale) => (l === 'en' ? `Disable ${rule} for this line` : `本行禁用 ${rule}`),
  fixAll: (l: Locale) => (l === 'en' ? 'Fix all speechlint problems' : '修复全部 speechlint 问题'),
};

/** The line break the draft uses at `line` (its own, else the first in the text, else \n). */
export function lineBreakAt(text: string, lineEnd: number): string {
  if (text.startsWith('\r\n', lineEnd)) return '\r\n';
  if (text[lineEnd] === '\n' || text[lineEnd] === '\r') return text[lineEnd];
  const m = /\r\n|\r|\n/.exec(text);
  return m ? m[0] : '\n';
}

/** The edit that silences `ruleId` on the line of `offset`. */
export function disableLineEdit(doc: SpeechDocument, offset: number, ruleId: string): TextEdit {
  const text = doc.text;
  const line = doc.lines.lineAt(offset);
  // a disable-next-line comment for other rules already above: add this rule to it
  const prev = doc.directives.find((d) => d.kind === 'disable-next-line' && d.line === line - 1 && d.rules.length > 0);
  if (prev) {
    let p = text.lastIndexOf('-->', prev.span.end);
    while (p > prev.span.start && /\s/.test(text[p - 1])) p--;
    return { start: p, end: p, newText: `, ${ruleId}` };
  }
  let start = doc.lines.lineStart(line);
  if (start === 0 && text.charCodeAt(0) === 0xfeff) start = 1; // stay after a BOM
  const contentEnd = doc.lines.contentEnd(line);
  let i = start;
  while (i < contentEnd && isIndentSpace(text.charCodeAt(i))) i++;
  const indent = text.slice(start, i);
  return { start, end: start, newText: `${indent}<!-- speechlint-disable-next-line ${ruleId} -->${lineBreakAt(text, contentEnd)}` };
}

/** Is `d`, one of the diagnostics the client sent (anything at all), the diagnostic `diag`? */
function sameDiagnostic(d: Diagnostic | null | undefined, diag: Diagnostic): boolean {
  const r = d?.range;
  return (
    !!d &&
    !!r?.start &&
    !!r.end &&
    d.code === diag.code &&
    (d.source === undefined || d.source === SOURCE) &&
    r.start.line === diag.range.start.line &&
    r.start.character === diag.range.start.character &&
    r.end.line === diag.range.end.line &&
    r.end.character === diag.range.end.character
  );
}

export function register(ctx: ServerContext): void {
  ctx.connection.onCodeAction(
    guard(ctx, 'textDocument/codeAction', async (params: CodeActionParams) => {
      const uri = textDocumentUri(params);
      const rev = uri === undefined ? undefined : ctx.store.get(uri)?.rev;
      if (uri === undefined || rev === undefined) return null;
      const cur = await ctx.checker.current(uri);
      if (!cur) return null;
      // the range is one of the text the request arrived with
      if (cur.st.rev !== rev) throw contentModified();
      const { st, doc, findings } = cur;
      const locale = ctx.locale;
      const only = Array.isArray(params.context?.only) ? params.context.only : [];
      const wants = (kind: string) => only.length === 0 || only.some((o) => kind === o || kind.startsWith(o + '.'));
      const sent = Array.isArray(params.context?.diagnostics) ? params.context.diagnostics : [];
      const diagOf = (f: Finding): Diagnostic => {
        const mine = toDiagnostic(st.uri, doc.lines, f, locale);
        return sent.find((d) => sameDiagnostic(d, mine)) ?? mine;
      };
      const actions: CodeAction[] = [];

      if (wants(CodeActionKind.QuickFix)) {
        const r = params.range;
        const span = r?.start && r.end ? toSpan(doc.lines, r) : undefined;
        const here = span ? findings.filter((f) => f.span.start <= span.end && span.start <= f.span.end) : [];
        for (const f of here) {
          let preferred = false;
          for (const fix of f.fixes) {
            const isPreferred = fix.safe && !preferred;
            if (isPreferred) preferred = true;
            actions.push({
              title: localize(fix.title, locale),
              kind: CodeActionKind.QuickFix,
              diagnostics: [diagOf(f)],
              isPreferred: isPreferred || undefined,
              edit: workspaceEdit(ctx, st, doc.lines, fix.edits),
            });
          }
        }
        const rules = [...new Set(here.map((f) => f.ruleId))];
        for (const rule of rules) {
          const fixable = findings.filter((f) => f.ruleId === rule && f.fixes.some((x) => x.safe));
          if (fixable.length < 2) continue;
          const edits = collectSafeEdits(findings, (f) => f.ruleId === rule);
          if (edits.length === 0) continue;
          actions.push({
            title: titles.fixAllOfRule(rule, locale),
            kind: CodeActionKind.QuickFix,
            diagnostics: here.filter((f) => f.ruleId === rule).map(diagOf),
            edit: workspaceEdit(ctx, st, doc.lines, edits),
          });
        }
        const done = new Set<string>();
        for (const f of here) {
          const key = `${f.ruleId}@${doc.lines.lineAt(f.span.start)}`;
          if (done.has(key)) continue;
          done.add(key);
          actions.push({
            title: titles.disableLine(f.ruleId, locale),
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagOf(f)],
            edit: workspaceEdit(ctx, st, doc.lines, [disableLineEdit(doc, f.span.start, f.ruleId)]),
          });
        }
      }

      if (wants(FIX_ALL_KIND)) {
        const edits = collectSafeEdits(findings);
        if (edits.length) actions.push({ title: titles.fixAll(locale), kind: FIX_ALL_KIND, edit: workspaceEdit(ctx, st, doc.lines, edits) });
      }
      return actions;
    }, null),
  );
}
