/**
 * workspace/executeCommand: the server commands of protocol.ts. Each computes
 * its edits from the current text (waiting for the check in progress, so
 * fixes of the segmented rules are included) and asks the client to apply
 * them with workspace/applyEdit, versioned: an edit computed for an older
 * version is refused by the client rather than applied to the wrong text.
 * The reply is `{ applied, edits }`.
 */
import type { ExecuteCommandParams } from 'vscode-languageserver';
import { collectSafeEdits } from '../core/lint';
import type { SpeechDocument } from '../core/model';
import type { DocConfig } from '../config-source';
import type { TextEdit } from '../core/rule';
import { fillEdits, moveSectionEdits, renumberEdits } from '../core/edits';
import { ServerCommands } from '../protocol';
import type { Current } from '../checker';
import type { ServerContext } from '../context';
import { currentOf, guard, invalidParams, workspaceEdit } from '../context';

export const COMMANDS: string[] = Object.values(ServerCommands);

export interface CommandResult {
  applied: boolean;
  edits: number;
  failureReason?: string;
}

const labels: Record<string, { zh: string; en: string }> = {
  [ServerCommands.fixAll]: { zh: '修复全部 speechlint 问题', en: 'Fix all speechlint problems' },
  [ServerCommands.fixAllOfRule]: { zh: '修复全部同类问题', en: 'Fix all problems of a rule' },
  [ServerCommands.renumber]: { zh: '重新编号', en: 'Renumber' },
  [ServerCommands.fillPlaceholder]: { zh: '填写占位符', en: 'Fill placeholder' },
  [ServerCommands.moveSection]: { zh: '移动小节', en: 'Move section' },
};

function str(v: unknown, what: string): string {
  if (typeof v !== 'string' || v.length === 0) throw invalidParams(`${what} must be a non-empty string`);
  return v;
}

function num(v: unknown, what: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw invalidParams(`${what} must be a number ≥ 0`);
  return Math.floor(v);
}

type EditsOf = (cur: Current, args: unknown[]) => TextEdit[];

function offsetArg(doc: SpeechDocument, args: unknown[]): number {
  return doc.lines.offsetAt({ line: num(args[1], 'line'), character: num(args[2], 'character') });
}

const editors: Record<string, EditsOf> = {
  [ServerCommands.fixAll]: ({ findings }) => collectSafeEdits(findings),
  [ServerCommands.fixAllOfRule]: ({ findings }, args) => {
    const rule = str(args[1], 'the rule id');
    return collectSafeEdits(findings, (f) => f.ruleId === rule);
  },
  [ServerCommands.renumber]: ({ doc }) => renumberEdits(doc),
  [ServerCommands.fillPlaceholder]: ({ doc, config }: { doc: SpeechDocument; config: DocConfig }, args) => {
    if (typeof args[3] !== 'string') throw invalidParams('the value to fill in must be a string');
    return fillEdits(doc, offsetArg(doc, args), args[3], { config: config.config });
  },
  [ServerCommands.moveSection]: ({ doc }, args) => {
    const dir = args[3];
    if (dir !== 'up' && dir !== 'down') throw invalidParams('the direction must be "up" or "down"');
    return moveSectionEdits(doc, offsetArg(doc, args), dir);
  },
};

export function register(ctx: ServerContext): void {
  ctx.connection.onExecuteCommand(
    guard(ctx, 'workspace/executeCommand', async (params: ExecuteCommandParams): Promise<CommandResult | null> => {
      const edit = editors[params.command];
      if (!edit) throw invalidParams(`unknown command ${String(params.command)}`);
      const args = Array.isArray(params.arguments) ? params.arguments : [];
      const cur = await currentOf(ctx, str(args[0], 'the first argument (document uri)'), true);
      const edits = edit(cur, args);
      if (edits.length === 0) return { applied: false, edits: 0 };
      const label = labels[params.command];
      const r = await ctx.connection.workspace.applyEdit({
        label: label ? (ctx.locale === 'en' ? label.en : label.zh) : undefined,
        edit: workspaceEdit(ctx, cur.st, cur.doc.lines, edits),
      });
      return { applied: r.applied, edits: edits.length, failureReason: r.failureReason };
    }, null),
  );
}
