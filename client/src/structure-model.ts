/**
 * The data of the "讲稿结构 / Speech structure" view, from the server's
 * `speechlint/outline`: elements with stable ids, their labels, descriptions
 * (proportion bar, share, characters, speaking time, marks for problems and
 * placeholders), tooltips, icons and menu flags; the element under the
 * cursor; and the merge of a new outline into the shown one (what changed,
 * and whether the shape of the tree did). Pure (no `vscode` import): tested
 * without VS Code.
 *
 * Decisions:
 * - Ids are paths of markers ("一、/（三）"), or titles for unnumbered
 *   headings, so that typing in a section keeps every id (and the expanded
 *   state VS Code keeps per id); a duplicate among siblings gets "~2".
 * - The bar compares a node with its largest sibling (the largest is full):
 *   "which point is too long" is visible at a glance, even when the shares of
 *   the parent are all small; the percentage next to it is the share of the
 *   parent (of the whole speech at the top).
 * - Marks come first in the description (⚠ problems, ✎ placeholders), so a
 *   narrow Explorer still shows them.
 */
import type { LspRange, OutlineNode, OutlineResult } from '../../server/src/protocol';
import { joinMarker } from '../../server/src/core/outline-text';
import { comparePos, type Pos } from './placeholder-nav';
import { durationText, groupDigits, lengthText, percent, type Translate } from './status-format';

export interface StructureElement {
  /** Stable across edits that keep the markers and titles. */
  id: string;
  uri: string;
  node: OutlineNode;
  parent?: StructureElement;
  children: StructureElement[];
  /** 0 for top-level nodes. */
  depth: number;
  /** chars / the largest sibling's chars (0-1), for the bar; undefined when the node has no bar. */
  relative?: number;
  /** Sections: a section sibling before / after it (what "move up / down" swaps with). */
  canMoveUp: boolean;
  canMoveDown: boolean;
}

/** Node kinds with a bar, compared with each other among siblings. */
const BARRED: ReadonlySet<OutlineNode['kind']> = new Set(['section', 'opening', 'closing', 'seriesItem']);

const SHORT: Record<OutlineNode['kind'], string> = {
  title: 'title',
  announcement: 'ann',
  section: 's',
  series: 'series',
  seriesItem: 'item',
  opening: 'opening',
  closing: 'closing',
};

/** The id segment of a node among its siblings (before de-duplication). */
export function segmentOf(n: OutlineNode, seriesOrdinal: number): string {
  const kind = SHORT[n.kind] ?? n.kind;
  switch (n.kind) {
    case 'title':
    case 'opening':
    case 'closing':
      return kind;
    case 'series':
      // the first marker and the position: adding a sixth item keeps the id
      return `${kind}:${(n.marker ?? n.label.split('……')[0]).trim()}#${seriesOrdinal}`;
    default: {
      const key = (n.marker ?? '').replace(/\s+/g, '') || n.label.replace(/\s+/g, ' ').trim();
      return `${kind}:${key}`;
    }
  }
}

/** The elements of an outline result (top-level list). */
export function buildElements(result: OutlineResult): StructureElement[] {
  const uri = result.uri;
  const make = (nodes: readonly OutlineNode[], parent: StructureElement | undefined, depth: number): StructureElement[] => {
    const seen = new Map<string, number>();
    let seriesOrdinal = 0;
    const out: StructureElement[] = nodes.map((n) => {
      if (n.kind === 'series') seriesOrdinal++;
      let seg = segmentOf(n, seriesOrdinal);
      const k = (seen.get(seg) ?? 0) + 1;
      seen.set(seg, k);
      if (k > 1) seg += `~${k}`;
      const el: StructureElement = {
        id: `${parent ? parent.id : uri + '#'}/${seg}`,
        uri,
        node: n,
        parent,
        children: [],
        depth,
        canMoveUp: false,
        canMoveDown: false,
      };
      el.children = make(n.children ?? [], el, depth + 1);
      return el;
    });
    // bars: relative to the largest barred sibling
    const barred = out.filter((e) => BARRED.has(e.node.kind));
    const max = Math.max(0, ...barred.map((e) => e.node.chars));
    for (const e of barred) e.relative = max > 0 ? Math.max(0, Math.min(1, e.node.chars / max)) : 0;
    // move flags: among the section siblings only (what the server swaps)
    const sections = out.filter((e) => e.node.kind === 'section');
    sections.forEach((e, i) => {
      e.canMoveUp = i > 0;
      e.canMoveDown = i < sections.length - 1;
    });
    return out;
  };
  return make(result.nodes ?? [], undefined, 0);
}

/** Every element, depth first, in document order. */
export function flatten(roots: readonly StructureElement[], out: StructureElement[] = []): StructureElement[] {
  for (const e of roots) {
    out.push(e);
    flatten(e.children, out);
  }
  return out;
}

/** "▇▇▇▇▁▁▁▁": `cells` cells, filled in proportion (at least one for a non-zero value). */
export function proportionBar(fraction: number, cells = 8): string {
  const f = Number.isFinite(fraction) ? Math.max(0, Math.min(1, fraction)) : 0;
  let filled = Math.round(f * cells);
  if (f > 0 && filled === 0) filled = 1;
  return '▇'.repeat(filled) + '▁'.repeat(cells - filled);
}

/** The label shown for a node: marker and heading for sections, the kind for the opening and the closing. */
export function elementLabel(n: OutlineNode, t: Translate): string {
  switch (n.kind) {
    case 'opening':
      return t('Opening');
    case 'closing':
      return t('Closing');
    case 'seriesItem':
      // a series marker is a word: 一是加强……
      return `${(n.marker ?? '').trim()}${n.label}`;
    case 'section':
      return joinMarker(n.marker, n.label) || '…';
    default:
      return n.label || '…';
  }
}

/** "⚠ 2 ✎ 3" (empty when the node carries neither). */
export function marks(n: OutlineNode): string {
  const out: string[] = [];
  if (n.problems > 0) out.push(`⚠ ${n.problems}`);
  if (n.placeholders > 0) out.push(`✎ ${n.placeholders}`);
  return out.join(' ');
}

/** The description: marks, bar and share, characters, speaking time. */
export function elementDescription(e: StructureElement, t: Translate): string {
  const n = e.node;
  const parts: string[] = [];
  const m = marks(n);
  if (m) parts.push(m);
  switch (n.kind) {
    case 'title':
      parts.push(lengthText(n.chars, n.seconds, t));
      break;
    case 'announcement': {
      const count = n.count ?? 0;
      parts.push(n.found !== undefined && n.found !== count ? `→ ${count} ≠ ${n.found}` : `→ ${count}`);
      break;
    }
    case 'series':
      parts.push(`${t('{0} items', n.children?.length ?? 0)} · ${percent(n.share)} · ${lengthText(n.chars, n.seconds, t)}`);
      break;
    default:
      parts.push(`${proportionBar(e.relative ?? n.share)} ${percent(n.share)} · ${lengthText(n.chars, n.seconds, t)}`);
  }
  return parts.join('  ');
}

/** The tooltip: the full heading, the numbers spelled out, what the bar means. */
export function elementTooltip(e: StructureElement, t: Translate, rate: number): string {
  const n = e.node;
  const lines: string[] = [n.kind === 'opening' || n.kind === 'closing' ? `${elementLabel(n, t)}: ${n.label}` : elementLabel(n, t)];
  if (n.kind === 'announcement') {
    lines.push(t('Announces {0}; {1} found.', n.count ?? 0, n.found ?? 0));
  } else {
    lines.push(t('{0} characters, about {1} at {2} characters a minute.', groupDigits(n.chars), durationText(n.seconds, t), rate));
    if (n.kind === 'title') lines.push(t('The whole speech.'));
    else if (e.depth === 0) lines.push(t('{0} of the speech.', percent(n.share)));
    else lines.push(t('{0} of the part above.', percent(n.share)));
    if (e.relative !== undefined) lines.push(t('The bar compares it with the longest part at the same level.'));
  }
  if (n.problems > 0) lines.push(t('{0} problems', n.problems));
  if (n.placeholders > 0) lines.push(t('{0} placeholders', n.placeholders));
  return lines.join('\n');
}

/** Codicon per kind and level, as in the Outline (一、 module, （一） class, 1. method, （1） property). */
export function elementIcon(e: StructureElement): string {
  const n = e.node;
  switch (n.kind) {
    case 'title':
      return 'book';
    case 'opening':
    case 'closing':
      return 'comment';
    case 'announcement':
      return 'megaphone';
    case 'series':
      return 'list-ordered';
    case 'seriesItem':
      return 'circle-small';
    default: {
      // unnumbered sub-headings: the level of their place in the tree
      const level = n.level > 0 ? n.level : sectionDepth(e);
      return ['symbol-module', 'symbol-class', 'symbol-method', 'symbol-property'][Math.min(4, Math.max(1, level)) - 1];
    }
  }
}

/** 1 for a top-level section, 2 for a section inside it … */
function sectionDepth(e: StructureElement): number {
  let d = 1;
  for (let p = e.parent; p; p = p.parent) if (p.node.kind === 'section') d++;
  return d;
}

/** What colours the icon: problems first, then placeholders. */
export function elementMark(e: StructureElement): 'problem' | 'placeholder' | undefined {
  if (e.node.problems > 0) return 'problem';
  if (e.node.placeholders > 0) return 'placeholder';
  return undefined;
}

/** The `viewItem` context value the menus test ("section up down", "series", …). */
export function contextValue(e: StructureElement): string {
  const parts: string[] = [e.node.kind];
  if (e.node.kind === 'section') {
    if (e.canMoveUp) parts.push('up');
    if (e.canMoveDown) parts.push('down');
  }
  // copy outline: a section's own outline, or the whole speech's from the title
  if (e.node.kind === 'section' || e.node.kind === 'title') parts.push('outline');
  return parts.join(' ');
}

/** Expanded: sections with sub-sections and the title's level; collapsed: series and nodes with only series or announcements inside. */
export function initiallyExpanded(e: StructureElement): boolean | undefined {
  if (e.children.length === 0) return undefined;
  return e.node.kind === 'section' && e.children.some((c) => c.node.kind === 'section');
}

export function contains(r: LspRange, p: Pos): boolean {
  return comparePos(r.start, p) <= 0 && comparePos(p, r.end) <= 0;
}

/** Kinds the view follows the cursor to (not into series: that would open every series the cursor passes). */
const FOLLOWED: ReadonlySet<OutlineNode['kind']> = new Set(['title', 'opening', 'section', 'closing']);

/** The innermost followed element whose range holds the position. */
export function elementAt(roots: readonly StructureElement[], pos: Pos): StructureElement | undefined {
  let best: StructureElement | undefined;
  const walk = (list: readonly StructureElement[]) => {
    for (const e of list) {
      if (!FOLLOWED.has(e.node.kind) || !contains(e.node.range, pos)) continue;
      best = e;
      walk(e.children);
      return;
    }
  };
  walk(roots);
  return best;
}

/** Is `e` the element `ancestor` or inside it? */
export function isWithin(e: StructureElement, ancestor: StructureElement): boolean {
  for (let x: StructureElement | undefined = e; x; x = x.parent) if (x === ancestor) return true;
  return false;
}

/** Everything the tree shows for an element, to tell whether it changed. */
export function renderKey(e: StructureElement, t: Translate, rate: number): string {
  return [elementLabel(e.node, t), elementDescription(e, t), elementTooltip(e, t, rate), elementIcon(e), elementMark(e) ?? '', contextValue(e), String(initiallyExpanded(e))].join('\u0000');
}

export interface MergeResult {
  /** The ids or the parent-child shape changed: refresh the whole tree. */
  structural: boolean;
  /** Otherwise: the shown elements whose rendering changed (updated in place). */
  changed: StructureElement[];
  /** The elements to show from now on (the old objects when not structural). */
  roots: StructureElement[];
}

function shape(roots: readonly StructureElement[]): string {
  return flatten(roots)
    .map((e) => `${e.id}<${e.parent?.id ?? ''}`)
    .join('\n');
}

/**
 * Merge a new outline into the shown elements. When the shape is the same,
 * the old element objects take the new data (so that the tree view keeps
 * them) and only those whose rendering changed are reported.
 */
export function mergeElements(old: readonly StructureElement[], next: StructureElement[], t: Translate, oldRate: number, rate: number): MergeResult {
  if (old.length === 0 || shape(old) !== shape(next)) return { structural: true, changed: [], roots: next };
  const a = flatten(old);
  const b = flatten(next);
  const changed: StructureElement[] = [];
  for (let i = 0; i < a.length; i++) {
    const before = renderKey(a[i], t, oldRate);
    a[i].node = b[i].node;
    a[i].relative = b[i].relative;
    a[i].canMoveUp = b[i].canMoveUp;
    a[i].canMoveDown = b[i].canMoveDown;
    if (renderKey(a[i], t, rate) !== before) changed.push(a[i]);
  }
  return { structural: false, changed, roots: old as StructureElement[] };
}

/** The element with this id, if shown. */
export function findById(roots: readonly StructureElement[], id: string): StructureElement | undefined {
  return flatten(roots).find((e) => e.id === id);
}

/** After a move: the section with this heading text at this depth (its marker was renumbered). */
export function findSection(roots: readonly StructureElement[], label: string, depth: number): StructureElement | undefined {
  return flatten(roots).find((e) => e.node.kind === 'section' && e.node.label === label && e.depth === depth);
}
