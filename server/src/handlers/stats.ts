/**
 * speechlint/stats: spoken characters and speaking time of the speech (web
 * residue excluded) or of the given ranges (the selection), the number of
 * placeholders, the speaking rate and the mode.
 *
 * The placeholder count is the length of the placeholder list
 * (speechlint/placeholders): the findings of the placeholder/* rules, a
 * placeholder inside another (XX in 【此处填写XX】) counted once, so the status
 * bar and the list never disagree.
 */
import type { SpeechDocument } from '../core/model';
import type { Finding } from '../core/rule';
import type { Span } from '../core/text';
import { countSpokenChars } from '../core/text';
import { listPlaceholders } from '../core/placeholders';
import { speakingSeconds } from '../core/sections';
import type { StatsParams, StatsResult } from '../protocol';
import { Requests } from '../protocol';
import type { ServerContext } from '../context';
import { currentOf, guard, invalidParams, uriOf } from '../context';
import { isPosition, toSpan } from '../lsp-convert';

/** Spoken characters of `span` outside the residue. */
export function spokenCharsIn(doc: SpeechDocument, span: Span): number {
  let n = countSpokenChars(doc.text, span.start, span.end);
  for (const r of doc.residue) {
    const a = Math.max(r.start, span.start);
    const b = Math.min(r.end, span.end);
    if (a < b) n -= countSpokenChars(doc.text, a, b);
  }
  return n;
}

/** Merge overlapping spans so that a character is never counted twice. */
function merge(spans: Span[]): Span[] {
  const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

export function computeStats(doc: SpeechDocument, findings: readonly Finding[], spans: Span[] | undefined, speakingRate: number, mode: 'draft' | 'final'): StatsResult {
  const ranges = spans && spans.length ? merge(spans) : undefined;
  const chars = ranges ? ranges.reduce((n, s) => n + spokenCharsIn(doc, s), 0) : doc.spokenChars;
  const inRanges = (x: Span) => !ranges || ranges.some((s) => x.start < s.end && s.start < x.end);
  const placeholders = listPlaceholders(doc, findings).filter((p) => inRanges(p.span)).length;
  return { chars, seconds: Math.round(speakingSeconds(chars, speakingRate)), placeholders, speakingRate, mode };
}

export function register(ctx: ServerContext): void {
  ctx.connection.onRequest(
    Requests.stats,
    guard(ctx, Requests.stats, async (params: StatsParams): Promise<StatsResult> => {
      const cur = await currentOf(ctx, uriOf(params));
      const ranges = Array.isArray(params.ranges) ? params.ranges.filter((r) => r && isPosition(r.start) && isPosition(r.end)) : undefined;
      const spans = ranges?.map((r) => toSpan(cur.doc.lines, r)).filter((s) => s.end > s.start);
      const { speakingRate, mode } = cur.config.config.settings;
      return computeStats(cur.doc, cur.findings, spans, speakingRate, mode);
    }, invalidParams('stats failed')),
  );
}
