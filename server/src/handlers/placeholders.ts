/** speechlint/placeholders and speechlint/fillPreview: the placeholders of a document, from the current findings. */
import { fillTargets, listPlaceholders } from '../core/placeholders';
import type { FillPreviewParams, FillPreviewResult, PlaceholdersResult, UriParams } from '../protocol';
import { Requests } from '../protocol';
import type { ServerContext } from '../context';
import { contentModified, currentOf, guard, invalidParams, uriOf } from '../context';
import { isPosition, toRange } from '../lsp-convert';

export function register(ctx: ServerContext): void {
  ctx.connection.onRequest(
    Requests.placeholders,
    guard(ctx, Requests.placeholders, async (params: UriParams): Promise<PlaceholdersResult> => {
      const uri = uriOf(params);
      const cur = await currentOf(ctx, uri);
      const items = listPlaceholders(cur.doc, cur.findings).map((p) => ({
        range: toRange(cur.doc.lines, p.span),
        text: p.text,
        before: p.before,
        after: p.after,
        ruleId: p.ruleId,
      }));
      return { uri, version: cur.st.td.version, items };
    }, invalidParams('placeholders failed')),
  );

  ctx.connection.onRequest(
    Requests.fillPreview,
    guard(ctx, Requests.fillPreview, async (params: FillPreviewParams): Promise<FillPreviewResult> => {
      const uri = uriOf(params);
      const p = params.position;
      if (!isPosition(p)) throw invalidParams('missing or invalid position');
      const rev = ctx.store.get(uri)?.rev;
      const cur = await currentOf(ctx, uri);
      if (cur.st.rev !== rev) throw contentModified();
      const t = fillTargets(cur.doc, cur.doc.lines.offsetAt(p), { config: cur.config.config });
      return { text: t.target?.text, ranges: t.spans.map((s) => toRange(cur.doc.lines, s)) };
    }, invalidParams('fillPreview failed')),
  );
}
