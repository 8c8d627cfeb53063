/**
 * speechlint/outline: the structure of the speech (title, opening, announced
 * points, sections at every level, inline series, closing) with lengths,
 * speaking time, shares and the problems and placeholders inside each node.
 * Built by core/outline.ts from the parsed document and the findings of the
 * current text (the ones published as diagnostics), converted here to LSP
 * ranges. Cached per document version, findings and speaking rate: the tree
 * view and the chart ask for it after every pause in typing.
 */
import type { DocState } from '../documents';
import type { Outline, OutlineItem } from '../core/outline';
import { buildOutline } from '../core/outline';
import type { LineIndex } from '../core/text';
import type { OutlineNode, OutlineResult, UriParams } from '../protocol';
import { Requests } from '../protocol';
import type { ServerContext } from '../context';
import { currentOf, guard, invalidParams, uriOf } from '../context';
import { toRange } from '../lsp-convert';

/** Seconds to the millisecond: a client that rounds to whole seconds rounds the true value. */
const ms = (s: number) => Math.round(s * 1000) / 1000;

/** A core outline node as the protocol sends it (LSP ranges). */
export function toOutlineNode(lines: LineIndex, n: OutlineItem, rate: number): OutlineNode {
  const out: OutlineNode = {
    kind: n.kind,
    label: n.label,
    level: n.level,
    range: toRange(lines, n.span),
    selectionRange: toRange(lines, n.selection),
    chars: n.chars,
    seconds: ms(n.seconds),
    share: Math.round(n.share * 10000) / 10000,
    problems: n.problems,
    placeholders: n.placeholders,
    startSeconds: rate > 0 ? ms((n.offsetChars * 60) / rate) : 0,
    children: n.children.map((c) => toOutlineNode(lines, c, rate)),
  };
  if (n.marker !== undefined) out.marker = n.marker;
  if (n.count !== undefined) out.count = n.count;
  if (n.found !== undefined) out.found = n.found;
  return out;
}

export function toOutlineResult(uri: string, version: number, lines: LineIndex, o: Outline): OutlineResult {
  return {
    uri,
    version,
    totalChars: o.totalChars,
    totalSeconds: ms(o.totalSeconds),
    speakingRate: o.speakingRate,
    nodes: o.nodes.map((n) => toOutlineNode(lines, n, o.speakingRate)),
  };
}

interface CacheEntry {
  /** What the result was computed from: compared by identity. */
  key: unknown[];
  result: OutlineResult;
}

const cache = new WeakMap<DocState, CacheEntry>();

function sameKey(a: unknown[], b: unknown[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

export function register(ctx: ServerContext): void {
  ctx.connection.onRequest(
    Requests.outline,
    guard(ctx, Requests.outline, async (params: UriParams): Promise<OutlineResult> => {
      const uri = uriOf(params);
      const cur = await currentOf(ctx, uri);
      const { st, doc } = cur;
      const rate = cur.config.config.settings.speakingRate;
      // the findings of `current` are rebuilt on every call; the states they come from are not
      const key = [st.rev, st.td.version, st.fast, st.segmented, st.carried, rate];
      const hit = cache.get(st);
      if (hit && sameKey(hit.key, key)) return hit.result;
      const t0 = Date.now();
      const result = toOutlineResult(uri, st.td.version, doc.lines, buildOutline(doc, cur.findings, rate));
      cache.set(st, { key, result });
      ctx.log.debug(`speechlint: outline ${uri} v${st.td.version}: ${Date.now() - t0} ms`);
      return result;
    }, invalidParams('outline failed')),
  );
}
