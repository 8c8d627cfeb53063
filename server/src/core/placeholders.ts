/**
 * Placeholders for the editor features: the list (tree view / Quick Pick /
 * status bar count), navigation, and "fill placeholder". Pure: offsets in,
 * offsets and text edits out; the server converts them to LSP ranges.
 *
 * Fill context. Filling "XX" in "XX工业园区" must replace every "XX工业园区"
 * but not "XX亿元" nor "XX镇". Two placeholders are the SAME placeholder in
 * the SAME context when
 *   - their marker text is identical ("XX" ≠ "xx" ≠ "XXX"), and
 *   - the Han characters directly after the marker, up to 4 of them
 *     ("XX工业园区建设" → "工业园区", "XX亿元，" → "亿元"), are identical;
 *   - when no Han character follows the marker ("增长xx.x%", "XX。"), the Han
 *     characters directly before it, up to 4, are compared instead
 *     ("年均增长xx.x%" → "年均增长");
 *   - with Han on neither side ("（ ）", a line of its own) the marker text
 *     alone decides.
 * Only the marker spans are replaced, never the context characters. The
 * context is a heuristic without word segmentation: 4 characters are enough
 * to tell "XX工业园区" from "XX工业开票", yet "XX镇的" and "XX镇实行" differ
 * although both are the same town; the client shows the count before it
 * applies the edit.
 */
import type { ResolvedConfig } from './config';
import type { SpeechDocument } from './model';
import type { AnyRule, Finding, Report, Settings, TextEdit } from './rule';
import { DEFAULT_SETTINGS } from './rule';
import instruction from './rules/placeholder/instruction';
import marker from './rules/placeholder/marker';
import type { Span } from './text';
import { isHan, safeOffset, safeSpan } from './text';

export const PLACEHOLDER_RULE_IDS: readonly string[] = [marker.meta.id, instruction.meta.id];

export interface PlaceholderSpan {
  span: Span;
  /** The placeholder as written ("XX", "20xx", "【待补充】"). */
  text: string;
  /** A few characters either side on the same line, trimmed (for the list). */
  before: string;
  after: string;
  ruleId: string;
}

/** How many UTF-16 code units of surrounding text the list shows on each side. */
export const LIST_CONTEXT_CHARS = 12;
/** How many Han characters make the fill context. */
export const FILL_CONTEXT_CHARS = 4;

export function isPlaceholderRule(ruleId: string): boolean {
  return ruleId.startsWith('placeholder/');
}

/** The text around a span on its line: up to `n` code units each side, trimmed, never half a surrogate pair. */
export function surroundings(text: string, span: Span, n = LIST_CONTEXT_CHARS): { before: string; after: string } {
  const s = safeSpan(text, span);
  // look at most n code units either side (a 1 MB single line must not make this quadratic)
  let b = s.start;
  while (b > 0 && s.start - b < n) {
    const c = text.charCodeAt(b - 1);
    if (c === 10 || c === 13) break;
    b--;
  }
  // move forward off a low surrogate whose high half was cut
  if (b > 0 && b < s.start && (text.charCodeAt(b) & 0xfc00) === 0xdc00 && (text.charCodeAt(b - 1) & 0xfc00) === 0xd800) b++;
  let a = s.end;
  while (a < text.length && a - s.end < n) {
    const c = text.charCodeAt(a);
    if (c === 10 || c === 13) break;
    a++;
  }
  a = safeOffset(text, a);
  return { before: text.slice(b, s.start).trim(), after: text.slice(s.end, a).trim() };
}

function item(text: string, span: Span, ruleId: string): PlaceholderSpan {
  const s = safeSpan(text, span);
  return { span: s, text: text.slice(s.start, s.end), ...surroundings(text, s), ruleId };
}

/** Sorted by position; a placeholder inside another (XX in 【此处填写XX】) is left out. */
function outermost(items: PlaceholderSpan[]): PlaceholderSpan[] {
  const sorted = [...items].sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  const out: PlaceholderSpan[] = [];
  for (const it of sorted) {
    const last = out[out.length - 1];
    if (last && it.span.start >= last.span.start && it.span.end <= last.span.end) continue;
    out.push(it);
  }
  return out;
}

/** The placeholders among lint findings (what the editor shows as diagnostics). */
export function listPlaceholders(doc: SpeechDocument, findings: readonly Finding[]): PlaceholderSpan[] {
  return outermost(findings.filter((f) => isPlaceholderRule(f.ruleId)).map((f) => item(doc.text, f.span, f.ruleId)));
}

/**
 * The placeholders found by the placeholder rules with the options and allowed
 * words of `config` (defaults without one), whatever their severity: filling
 * works even when a rule is switched off. Suppression comments are ignored.
 */
export function scanPlaceholders(doc: SpeechDocument, config?: ResolvedConfig): PlaceholderSpan[] {
  const settings: Settings = config?.settings ?? { ...DEFAULT_SETTINGS, allowWords: [] };
  const items: PlaceholderSpan[] = [];
  for (const rule of [marker, instruction] as AnyRule[]) {
    const options = config?.rules.get(rule.meta.id)?.options ?? { ...(rule.meta.defaultOptions as object) };
    const reports: Report[] = [];
    try {
      rule.check({ doc, options, settings, report: (r) => reports.push(r) });
    } catch {
      continue;
    }
    for (const r of reports) items.push(item(doc.text, r.span, rule.meta.id));
  }
  return outermost(items);
}

export interface FillContext {
  /** Which side's characters are compared: 'after' the marker, else 'before', else 'none'. */
  side: 'after' | 'before' | 'none';
  /** Those characters (up to FILL_CONTEXT_CHARS Han characters, adjacent to the marker). */
  chars: string;
}

/** The fill context of a placeholder span (see the module comment). */
export function fillContext(text: string, span: Span, n = FILL_CONTEXT_CHARS): FillContext {
  let e = span.end;
  while (e < text.length && e - span.end < n && isHan(text.charCodeAt(e))) e++;
  if (e > span.end) return { side: 'after', chars: text.slice(span.end, e) };
  let b = span.start;
  while (b > 0 && span.start - b < n && isHan(text.charCodeAt(b - 1))) b--;
  if (b < span.start) return { side: 'before', chars: text.slice(b, span.start) };
  return { side: 'none', chars: '' };
}

export interface FillTargets {
  /** The placeholder under or touching the offset; absent when there is none. */
  target?: PlaceholderSpan;
  context?: FillContext;
  /** Every span a fill replaces (the target and its twins), in document order. */
  spans: Span[];
}

export interface FillOptions {
  /** Options and allowed words of the placeholder rules. */
  config?: ResolvedConfig;
  /** Placeholders already known (e.g. from `listPlaceholders`); scanned when absent. */
  items?: readonly PlaceholderSpan[];
  /** Han characters of context (default 4). */
  contextChars?: number;
}

/** The placeholder at `offset`: one containing it, else one ending exactly at it. */
export function placeholderAt(items: readonly PlaceholderSpan[], offset: number): PlaceholderSpan | undefined {
  let touching: PlaceholderSpan | undefined;
  for (const it of items) {
    if (it.span.start <= offset && offset < it.span.end) return it;
    if (it.span.end === offset || (it.span.start === offset && it.span.end === offset)) touching = it;
  }
  return touching;
}

/** The placeholder at `offset` and every occurrence of the same placeholder in the same context. */
export function fillTargets(doc: SpeechDocument, offset: number, opts: FillOptions = {}): FillTargets {
  const text = doc.text;
  const items = opts.items ?? scanPlaceholders(doc, opts.config);
  const target = placeholderAt(items, offset);
  if (!target) return { spans: [] };
  const n = opts.contextChars ?? FILL_CONTEXT_CHARS;
  const ctx = fillContext(text, target.span, n);
  const spans: Span[] = [];
  for (const it of items) {
    if (it.text !== target.text) continue;
    const c = fillContext(text, it.span, n);
    if (c.side === ctx.side && c.chars === ctx.chars) spans.push({ start: it.span.start, end: it.span.end });
  }
  spans.sort((a, b) => a.start - b.start);
  return { target, context: ctx, spans };
}

/** The edits of "fill placeholder": each target span replaced by `value`, nothing else touched. */
export function fillEdits(doc: SpeechDocument, offset: number, value: string, opts: FillOptions = {}): TextEdit[] {
  return fillTargets(doc, offset, opts).spans.map((s) => ({ start: s.start, end: s.end, newText: value }));
}

/** The next placeholder after `offset` (wrapping to the first), for "Next placeholder". */
export function nextPlaceholder(items: readonly PlaceholderSpan[], offset: number): PlaceholderSpan | undefined {
  if (items.length === 0) return undefined;
  for (const it of items) if (it.span.start > offset) return it;
  return items[0];
}

/** The previous placeholder before `offset` (wrapping to the last), for "Previous placeholder". */
export function previousPlaceholder(items: readonly PlaceholderSpan[], offset: number): PlaceholderSpan | undefined {
  if (items.length === 0) return undefined;
  for (let k = items.length - 1; k >= 0; k--) if (items[k].span.start < offset) return items[k];
  return items[items.length - 1];
}
