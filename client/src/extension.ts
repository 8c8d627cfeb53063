/**
 * The speechlint extension: starts the language client, the status bar and
 * the commands. Activated on the languages it checks (speech, plaintext,
 * markdown) and on its commands.
 */
import * as vscode from 'vscode';
import { ClientHost } from './client';
import { checkWorkspace, cleanPastedText, fixAll, joinBrokenLines, renumber, showBreakdown, showStructure, switchMode } from './commands';
import { fillPlaceholder, gotoPlaceholder, listPlaceholders } from './placeholders';
import { StatusBar } from './status';
import { StructureViews } from './structure';
import { exportWord, openWordDocument } from './word';
import type { SpeechlintApi } from './test-api';

let host: ClientHost | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<SpeechlintApi> {
  host = new ClientHost();
  const h = host;
  const status = new StatusBar(h);
  const views = new StructureViews(h);
  context.subscriptions.push(h, status, views);
  const register = (id: string, fn: (...args: unknown[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, fn));
  register('speechlint.checkWorkspace', () => checkWorkspace(h));
  register('speechlint.fixAll', () => fixAll(h));
  register('speechlint.renumber', () => renumber(h));
  register('speechlint.cleanPastedText', () => cleanPastedText(h));
  register('speechlint.joinBrokenLines', () => joinBrokenLines(h));
  register('speechlint.nextPlaceholder', () => gotoPlaceholder(h, true));
  register('speechlint.previousPlaceholder', () => gotoPlaceholder(h, false));
  register('speechlint.listPlaceholders', () => listPlaceholders(h));
  register('speechlint.fillPlaceholder', () => fillPlaceholder(h));
  register('speechlint.switchMode', () => switchMode(status));
  register('speechlint.showStructure', () => showStructure());
  register('speechlint.showBreakdown', () => showBreakdown(h));
  register('speechlint.showChart', () => views.showChart());
  register('speechlint.selectSection', (el) => views.selectSection(el));
  register('speechlint.moveSectionUp', (el) => views.moveSection(el, 'up'));
  register('speechlint.moveSectionDown', (el) => views.moveSection(el, 'down'));
  register('speechlint.copyOutline', (el) => views.copyOutline(el));
  register('speechlint.openWordDocument', (uri) => openWordDocument(uri));
  register('speechlint.exportWord', (uri, out) => exportWord(h, uri, out));
  register('speechlint.restartServer', () => h.restart());
  register('speechlint.showOutput', () => h.showOutput());
  void h.start();
  return { statusBar: () => status.snapshot(), structure: views.provider };
}

export async function deactivate(): Promise<void> {
  const h = host;
  host = undefined;
  await h?.stop();
}
