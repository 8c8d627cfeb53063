/**
 * Pass 9, quotations. Reads the paragraphs; adds `quotations`: the spans
 * inside “ ” ‘ ’ 「 」 『 』 and 《 》, nested, and which of them are quoted
 * instructions or remarks (an opening mark right after a colon: 要求：“……”).
 * A quotation may span paragraphs when each paragraph opens with “ and only
 * the last one closes (DOMAIN.md); otherwise a mark left open at the end of
 * its paragraph, or a closing mark with no opening, makes no quotation.
 * Later passes and rules ask `quotations.contains(offset)` or
 * `quotations.at(offset)` (numbering/hierarchy and the heading series of
 * renumber.ts leave the numbered points of a quotation alone).
 */
import type { Paragraph } from '../model';
import type { Span } from '../text';
import { CLOSERS, OPENERS } from './punctuation';
import type { ParseState } from './state';

export interface Quotation {
  /** From the opening mark to the closing mark, both included. */
  span: Span;
  /** Between the marks. */
  inner: Span;
  open: string;
  close: string;
  /** 'title' for 《》, 'instruction' for a quotation opened right after a colon, else 'quote'. */
  kind: 'quote' | 'instruction' | 'title';
  /** 0 for an outermost quotation. */
  depth: number;
  /** Index (in `Quotations.all`) of the quotation it is nested in. */
  parent?: number;
  /** The paragraphs it spans (first, last: equal unless it spans paragraphs). */
  paragraphs: [number, number];
}

/** The quotations of a draft, in document order (by start), with offset lookups. */
export class Quotations {
  static readonly EMPTY = new Quotations([]);
  /** Indices in `all` of the outermost quotations, by start (they do not overlap). */
  private readonly roots: number[] = [];

  constructor(readonly all: Quotation[]) {
    all.forEach((q, i) => q.depth === 0 && this.roots.push(i));
  }

  /** Is `offset` inside a quotation (its marks included)? */
  contains(offset: number): boolean {
    return this.rootAt(offset) !== undefined;
  }

  /** The innermost quotation that holds `offset` (its marks included). */
  at(offset: number): Quotation | undefined {
    const r = this.rootAt(offset);
    if (r === undefined) return undefined;
    const root = this.all[r];
    let best = root;
    // nested quotations follow their parent in `all`, before the next root
    for (let i = r + 1; i < this.all.length && this.all[i].span.start < root.span.end; i++) {
      const q = this.all[i];
      if (q.span.start <= offset && offset < q.span.end && q.depth > best.depth) best = q;
    }
    return best;
  }

  /** Index in `all` of the outermost quotation that holds `offset`. */
  private rootAt(offset: number): number | undefined {
    let lo = 0;
    let hi = this.roots.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.all[this.roots[mid]].span.end <= offset) lo = mid + 1;
      else hi = mid;
    }
    if (lo >= this.roots.length) return undefined;
    return this.all[this.roots[lo]].span.start <= offset ? this.roots[lo] : undefined;
  }
}

interface OpenMark {
  at: number;
  open: string;
  paragraph: number;
  afterColon: boolean;
}

/** 1 for an opening mark, 2 for a closing one. */
const MARKS = new Uint8Array(65536);
for (const ch of Object.keys(OPENERS)) MARKS[ch.charCodeAt(0)] = 1;
for (const ch of CLOSERS) MARKS[ch.charCodeAt(0)] = 2;

const QUOTED_KINDS = new Set<Paragraph['kind']>(['title', 'subtitle', 'body', 'heading', 'closing']);

export function quotationsPass(st: ParseState): void {
  const found: Quotation[] = [];
  let carried: OpenMark | undefined;
  for (let pi = 0; pi < st.paragraphs.length; pi++) {
    const p = st.paragraphs[pi];
    if (!QUOTED_KINDS.has(p.kind)) continue;
    // a quotation left open in the previous paragraph goes on if this one opens with the same mark
    const goesOn = carried !== undefined && st.text[p.span.start] === carried.open;
    const stack: OpenMark[] = goesOn ? [carried!] : [];
    const left = scanParagraph(st.text, p, pi, goesOn ? p.span.start + 1 : p.span.start, stack, found);
    carried = left.length > 0 && left[0].open === '“' ? left[0] : undefined;
  }
  found.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  setNesting(found);
  st.quotations = new Quotations(found);
}

/** Match the marks of one paragraph from `from`; returns the marks left open. */
function scanParagraph(text: string, p: Paragraph, pi: number, from: number, stack: OpenMark[], found: Quotation[]): OpenMark[] {
  for (let i = from; i < p.span.end; i++) {
    const mark = MARKS[text.charCodeAt(i)];
    if (mark === 0) continue;
    const ch = text[i];
    if (mark === 1) {
      stack.push({ at: i, open: ch, paragraph: pi, afterColon: afterColon(text, i, p.span.start) });
      continue;
    }
    // a closing mark closes the innermost opening mark of its pair; marks opened inside it and left open are dropped
    let k = stack.length - 1;
    while (k >= 0 && OPENERS[stack[k].open] !== ch) k--;
    if (k < 0) continue;
    const o = stack[k];
    stack.length = k;
    found.push({
      span: { start: o.at, end: i + 1 },
      inner: { start: o.at + 1, end: i },
      open: o.open,
      close: ch,
      kind: o.open === '《' ? 'title' : o.afterColon ? 'instruction' : 'quote',
      depth: 0,
      paragraphs: [o.paragraph, pi],
    });
  }
  return stack;
}

/** An opening mark right after a colon (spaces between allowed), in the same paragraph. */
function afterColon(text: string, at: number, paragraphStart: number): boolean {
  let j = at - 1;
  while (j >= paragraphStart && (text[j] === ' ' || text[j] === '\t' || text[j] === '　')) j--;
  return j >= paragraphStart && (text[j] === '：' || text[j] === ':');
}

/** Depth and parent of each quotation (sorted by start, outer before inner). */
function setNesting(all: Quotation[]): void {
  const stack: number[] = [];
  for (let i = 0; i < all.length; i++) {
    const q = all[i];
    while (stack.length && all[stack[stack.length - 1]].span.end <= q.span.start) stack.pop();
    if (stack.length) q.parent = stack[stack.length - 1];
    q.depth = stack.length;
    stack.push(i);
  }
}
