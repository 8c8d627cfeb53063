/**
 * Placeholder navigation and the list's labels. Pure (no `vscode` import):
 * positions are LSP-style {line, character}.
 */
import type { LspRange, PlaceholderItem } from '../../server/src/protocol';

export interface Pos {
  line: number;
  character: number;
}

export function comparePos(a: Pos, b: Pos): number {
  return a.line - b.line || a.character - b.character;
}

function sameRange(a: LspRange, b: LspRange): boolean {
  return comparePos(a.start, b.start) === 0 && comparePos(a.end, b.end) === 0;
}

/** Ranges sorted by start, duplicates removed. */
export function sortRanges<T extends { range: LspRange }>(items: readonly T[]): T[] {
  const sorted = [...items].sort((a, b) => comparePos(a.range.start, b.range.start) || comparePos(a.range.end, b.range.end));
  return sorted.filter((x, i) => i === 0 || !sameRange(x.range, sorted[i - 1].range));
}

/**
 * The placeholder to select for "next": the first one that starts after the
 * selection's start, or at it when the selection is not already that
 * placeholder (a caret right before XX selects that XX). Wraps to the first.
 * Returns the index into `items` (sorted by start), or -1 when there is none.
 */
export function nextIndex(items: readonly { range: LspRange }[], selection: LspRange): number {
  if (items.length === 0) return -1;
  for (let i = 0; i < items.length; i++) {
    const r = items[i].range;
    const c = comparePos(r.start, selection.start);
    if (c > 0 || (c === 0 && !sameRange(r, selection))) return i;
  }
  return 0;
}

/**
 * The placeholder to select for "previous": the last one that starts before
 * the selection's start. Wraps to the last.
 */
export function previousIndex(items: readonly { range: LspRange }[], selection: LspRange): number {
  if (items.length === 0) return -1;
  for (let i = items.length - 1; i >= 0; i--) {
    if (comparePos(items[i].range.start, selection.start) < 0) return i;
  }
  return items.length - 1;
}

/** The index of the placeholder that contains the position (start <= pos <= end), or -1. */
export function indexAt(items: readonly { range: LspRange }[], pos: Pos): number {
  for (let i = 0; i < items.length; i++) {
    const r = items[i].range;
    if (comparePos(r.start, pos) <= 0 && comparePos(pos, r.end) <= 0) return i;
  }
  return -1;
}

const CONTEXT_BREAK = /[\r\n]/;

/**
 * Up to `n` characters of the same line either side of [start, end) in
 * `text` (offsets), never splitting a surrogate pair.
 */
export function contextAround(text: string, start: number, end: number, n = 10): { before: string; after: string } {
  let b = start;
  while (b > 0 && start - b < n && !CONTEXT_BREAK.test(text[b - 1])) b--;
  if (b > 0 && b < text.length && isLow(text.charCodeAt(b)) && isHigh(text.charCodeAt(b - 1))) b++;
  let a = end;
  while (a < text.length && a - end < n && !CONTEXT_BREAK.test(text[a])) a++;
  if (a > 0 && a < text.length && isLow(text.charCodeAt(a)) && isHigh(text.charCodeAt(a - 1))) a--;
  return { before: text.slice(b, start).trimStart(), after: text.slice(end, a).trimEnd() };
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** One row of the placeholder list. */
export interface PlaceholderRow {
  label: string;
  description: string;
  item: PlaceholderItem;
}

/**
 * The list row: the placeholder in its words, marked with ⟪ ⟫
 * ("…预算收入⟪XX⟫亿元…"), and its line number (1-based).
 */
export function placeholderRow(item: PlaceholderItem, lineLabel: (line: number) => string): PlaceholderRow {
  const before = item.before ? `…${item.before}` : '';
  const after = item.after ? `${item.after}…` : '';
  return {
    label: `${before}⟪${item.text}⟫${after}`,
    description: lineLabel(item.range.start.line + 1),
    item,
  };
}

/** Does the document still hold `text` at `range`? `getText` reads the document. */
export function stillThere(item: { range: LspRange; text: string }, getText: (r: LspRange) => string): boolean {
  return item.text === '' || getText(item.range) === item.text;
}
