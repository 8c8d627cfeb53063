/**
 * Rows of the per-section breakdown (Quick Pick), from the server's
 * `speechlint/outline` or, when the server does not answer it, from document
 * symbols. Pure (no `vscode` import).
 */
import type { LspRange, OutlineNode } from '../../server/src/protocol';
import { joinMarker } from '../../server/src/core/outline-text';
import { comparePos } from './placeholder-nav';
import { lengthText, percent, secondsFor, type Translate } from './status-format';

export interface BreakdownRow {
  label: string;
  description: string;
  depth: number;
  range: LspRange;
  selectionRange: LspRange;
  chars: number;
}

/** Node kinds listed in the breakdown; series, their items and announcements live inside sections. */
const LISTED: ReadonlySet<OutlineNode['kind']> = new Set(['title', 'opening', 'section', 'closing']);

/** U+3000 per level: Quick Pick keeps it (it collapses ASCII spaces). */
function indent(depth: number): string {
  return '\u3000'.repeat(Math.max(0, depth));
}

function describe(chars: number, seconds: number, share: number | undefined, t: Translate, extra: string[] = []): string {
  const parts = [lengthText(chars, seconds, t)];
  if (share !== undefined) parts.push(percent(share));
  return [...parts, ...extra].join(' · ');
}

export function rowsFromOutline(nodes: readonly OutlineNode[], t: Translate): BreakdownRow[] {
  const rows: BreakdownRow[] = [];
  const walk = (list: readonly OutlineNode[], depth: number) => {
    for (const n of list) {
      if (LISTED.has(n.kind)) {
        const extra: string[] = [];
        if (n.placeholders > 0) extra.push(t('{0} placeholders', n.placeholders));
        if (n.problems > 0) extra.push(t('{0} problems', n.problems));
        rows.push({
          label: indent(depth) + joinMarker(n.marker, n.label),
          description: describe(n.chars, n.seconds, n.share, t, extra),
          depth,
          range: n.range,
          selectionRange: n.selectionRange,
          chars: n.chars,
        });
        walk(n.children, depth + 1);
      } else {
        walk(n.children, depth);
      }
    }
  };
  walk(nodes, 0);
  return rows;
}

export interface SymbolLike {
  name: string;
  range: LspRange;
  selectionRange: LspRange;
  children?: readonly SymbolLike[];
}

/**
 * Rows from document symbols: each symbol's characters are counted over its
 * whole range (heading and body); its share is of its parent's count (of the
 * whole draft for top-level symbols).
 */
export function rowsFromSymbols(
  symbols: readonly SymbolLike[],
  countChars: (r: LspRange) => number,
  totalChars: number,
  rate: number,
  t: Translate,
): BreakdownRow[] {
  const rows: BreakdownRow[] = [];
  const walk = (list: readonly SymbolLike[], depth: number, parentChars: number) => {
    const sorted = [...list].sort((a, b) => comparePos(a.range.start, b.range.start));
    for (const s of sorted) {
      const chars = countChars(s.range);
      rows.push({
        label: indent(depth) + s.name.trim(),
        description: describe(chars, secondsFor(chars, rate), parentChars > 0 ? chars / parentChars : undefined, t),
        depth,
        range: s.range,
        selectionRange: s.selectionRange,
        chars,
      });
      if (s.children?.length) walk(s.children, depth + 1, chars);
    }
  };
  walk(symbols, 0, totalChars);
  return rows;
}

/** The row whose range holds the line (the innermost), to preselect it; -1 when none. */
export function rowAtLine(rows: readonly BreakdownRow[], line: number): number {
  let best = -1;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i].range;
    if (r.start.line <= line && line <= r.end.line && (best < 0 || rows[i].depth >= rows[best].depth)) best = i;
  }
  return best;
}
