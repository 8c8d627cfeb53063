/** LSP ranges ↔ vscode ranges. */
import * as vscode from 'vscode';
import type { LspRange } from '../../server/src/protocol';

export function toRange(r: LspRange): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

export function fromRange(r: vscode.Range): LspRange {
  return { start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } };
}

/** The active editor when it shows a document of a checked language. */
export function activeDraftEditor(isCheckedLanguage: (doc: vscode.TextDocument) => boolean): vscode.TextEditor | undefined {
  const e = vscode.window.activeTextEditor;
  return e && isCheckedLanguage(e.document) ? e : undefined;
}
