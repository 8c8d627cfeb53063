/**
 * speechlint/exportDocx: Export to Word from the editor. The open draft's
 * current text, its configuration (mode, the `export` layout) and the same
 * gate as `speechlint export`: in final mode, placeholders and residue refuse
 * the export (each with where); in draft mode they are highlighted. The
 * client writes the bytes where the user chose.
 */
import type { Finding } from '../core/rule';
import { localize } from '../core/rule';
import type { SpeechDocument } from '../core/model';
import { planDraftExport } from '../docx';
import { writeDocx } from '../node/docx-write';
import type { ExportDocxResult, ExportLeftover, UriParams } from '../protocol';
import { Requests } from '../protocol';
import type { ServerContext } from '../context';
import { currentOf, guard, invalidParams, uriOf } from '../context';
import { MAX_DRAFT_BYTES } from '../node/textfile';

function leftovers(ctx: ServerContext, doc: SpeechDocument, findings: readonly Finding[]): ExportLeftover[] {
  return findings.map((f) => {
    const p = doc.lines.positionAt(f.span.start);
    return { line: p.line, character: p.character, ruleId: f.ruleId, message: localize(f.message, ctx.locale), excerpt: doc.text.slice(f.span.start, Math.min(f.span.end, f.span.start + 20)) };
  });
}

export function register(ctx: ServerContext): void {
  ctx.connection.onRequest(
    Requests.exportDocx,
    guard(ctx, Requests.exportDocx, async (params: UriParams): Promise<ExportDocxResult> => {
      const cur = await currentOf(ctx, uriOf(params));
      // a document over the size the engine checks has an empty model: exporting it would write an empty .docx
      if (ctx.store.tooLarge(cur.st)) throw invalidParams(`the draft is over ${MAX_DRAFT_BYTES / 1048576} MB and is not checked; it is not exported either`);
      const config = cur.config.config;
      const plan = planDraftExport(cur.doc.text, ctx.registry, config, (id, e) => ctx.log.error(`export: rule ${id} failed: ${e instanceof Error ? e.message : String(e)}`));
      if (!plan.ok) return { ok: false, blockers: leftovers(ctx, plan.doc, plan.blockers) };
      const bytes = await writeDocx(plan.paragraphs, config.exportLayout, plan.title);
      return { ok: true, base64: Buffer.from(bytes).toString('base64'), highlighted: leftovers(ctx, plan.doc, plan.highlighted) };
    }, invalidParams('export failed')),
  );
}
