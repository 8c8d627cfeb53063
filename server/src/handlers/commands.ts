/**
 * workspace/executeCommand: the server commands of protocol.ts. Each computes
 * its edits from the current text (the fix-all commands wait for the check in
 * progress, so fixes of the segmented rules are included) and asks the client
 * to apply them with workspace/applyEdit, versioned: an edit computed for an
 * older version is refused by the client rather than applied to the wrong
 * text. A command given a position (fill, move) is refused with
 * ContentModified when the text changed while it waited. The reply is
 * `{ applied, edits }`.
 */
import type { ExecuteCommandParams } from 'vscode-languageserver';
import { collectSafeEdits } from '../core/lint';
import type { TextEdit } from '../core/rule';
import { fillEdits, moveSectionEdits, renumberEdits } from '../core/edits';
import { cleanPastedEdits, joinBrokenLinesEdits } from '../core/paste';
import { ServerCommands } from '../protocol';
import type { Current } from '../checker';
import type { ServerContext } from '../context';
import { contentModified, currentOf, guard, invalidParams, workspaceEdit } from '../context';

export const COMMANDS: string[] = Object.values(ServerCommands);

export interface CommandResult {
  applied: boolean;
  edits: number;
  failureReason?: string;
}

function str(v: unknown, what: string): string {
  if (typeof v !== 'string' || v.length === 0) throw invalidParams(`${what} must be a non-empty string`);
  return v;
}

function num(v: unknown, what: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw invalidParams(`${what} must be a number ≥ 0`);
  return Math.floor(v);
}

interface Command {
  /** The label of the edit (the client may show it in its undo history). */
  label: { zh: string; en: string };
  /** Fixes of the segmented rules belong in it: wait for the check in progress. */
  complete?: boolean;
  /** args[1], args[2]: a position (line, character) in the text as the client had it when it sent the command. */
  positional?: boolean;
  /** The edits of the current text; `offset` is the position's, for a positional command. */
  edits(cur: Current, args: unknown[], offset: number): TextEdit[];
}

const commands = new Map<string, Command>([
  [ServerCommands.fixAll, { label: { zh: '修复全部 speechlint 问题', en: 'Fix all speechlint problems' }, complete: true, edits: ({ findings }) => collectSafeEdits(findings) }],
  [
    ServerCommands.fixAllOfRule,
    {
      label: { zh: '修复全部同类问题', en: 'Fix all problems of a rule' },
      complete: true,
      edits: ({ findings }, args) => {
        const rule = str(args[1], 'the rule id');
        return collectSafeEdits(findings, (f) => f.ruleId === rule);
      },
    },
  ],
  [ServerCommands.renumber, { label: { zh: '重新编号', en: 'Renumber' }, edits: ({ doc }) => renumberEdits(doc) }],
  [ServerCommands.cleanPasted, { label: { zh: '清理网页残留', en: 'Clean pasted text' }, edits: ({ doc }) => cleanPastedEdits(doc) }],
  [ServerCommands.joinBrokenLines, { label: { zh: '合并断行', en: 'Join broken lines' }, edits: ({ doc }) => joinBrokenLinesEdits(doc) }],
  [
    ServerCommands.fillPlaceholder,
    {
      label: { zh: '填写占位符', en: 'Fill placeholder' },
      positional: true,
      edits: ({ doc, config }, args, offset) => {
        if (typeof args[3] !== 'string') throw invalidParams('the value to fill in must be a string');
        return fillEdits(doc, offset, args[3], { config: config.config });
      },
    },
  ],
  [
    ServerCommands.moveSection,
    {
      label: { zh: '移动小节', en: 'Move section' },
      positional: true,
      edits: ({ doc }, args, offset) => {
        const dir = args[3];
        if (dir !== 'up' && dir !== 'down') throw invalidParams('the direction must be "up" or "down"');
        return moveSectionEdits(doc, offset, dir);
      },
    },
  ],
]);

export function register(ctx: ServerContext): void {
  ctx.connection.onExecuteCommand(
    guard(ctx, 'workspace/executeCommand', async (params: ExecuteCommandParams): Promise<CommandResult | null> => {
      const cmd = commands.get(params?.command);
      if (!cmd) throw invalidParams(`unknown command ${String(params?.command)}`);
      const args = Array.isArray(params.arguments) ? params.arguments : [];
      const uri = str(args[0], 'the first argument (document uri)');
      const at = cmd.positional ? { line: num(args[1], 'line'), character: num(args[2], 'character') } : undefined;
      const rev = ctx.store.get(uri)?.rev;
      const cur = await currentOf(ctx, uri, cmd.complete);
      // typed meanwhile: the position may now be in another placeholder or section
      if (at && cur.st.rev !== rev) throw contentModified();
      const edits = cmd.edits(cur, args, at ? cur.doc.lines.offsetAt(at) : 0);
      if (edits.length === 0) return { applied: false, edits: 0 };
      const r = await ctx.connection.workspace.applyEdit({
        label: ctx.locale === 'en' ? cmd.label.en : cmd.label.zh,
        edit: workspaceEdit(ctx, cur.st, cur.doc.lines, edits),
      });
      return { applied: r.applied, edits: edits.length, failureReason: r.failureReason };
    }, null),
  );
}
