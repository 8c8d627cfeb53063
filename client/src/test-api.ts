/**
 * What `activate()` returns: a small API for the end-to-end tests
 * (test/e2e), read through `vscode.extensions.getExtension(…).exports`.
 * Nothing here changes the extension's behaviour.
 */
import type * as vscode from 'vscode';

export interface StatusBarSnapshot {
  /** Length and speaking time ("$(book) 1,234 chars · 5 min 36 s"). */
  main: string;
  /** Placeholder count ("$(symbol-variable) 3 placeholders"). */
  placeholders: string;
  /** Mode ("$(edit) Draft" / "$(lock) Final"). */
  mode: string;
  /** Whether the items are shown (they hide when no checked draft is active). */
  visible: boolean;
}

export interface SpeechlintApi {
  /** The status bar items as the user sees them. */
  statusBar(): StatusBarSnapshot;
  /** The structure view's data, when the extension contributes that view. */
  structure?: vscode.TreeDataProvider<unknown>;
}
