/**
 * Every request handler, one module per feature. To add one (e.g.
 * speechlint/outline), write handlers/<name>.ts exporting
 * `register(ctx: ServerContext)` and list it here; capabilities for standard
 * LSP features are declared in server.ts.
 */
import type { ServerContext } from '../context';
import * as codeActions from './code-actions';
import * as commands from './commands';
import * as folding from './folding';
import * as occurrences from './occurrences';
import * as outline from './outline';
import * as placeholders from './placeholders';
import * as exportDocx from './export-docx';
import * as stats from './stats';
import * as symbols from './symbols';

export const handlers: { register(ctx: ServerContext): void }[] = [symbols, folding, codeActions, commands, stats, placeholders, outline, occurrences, exportDocx];

export { COMMANDS } from './commands';
export { FIX_ALL_KIND } from './code-actions';

export function registerAll(ctx: ServerContext): void {
  for (const h of handlers) h.register(ctx);
}
