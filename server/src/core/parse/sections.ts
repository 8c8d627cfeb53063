/**
 * Pass 8, sections. Reads the paragraphs and headings; adds `sections` (the
 * roots) and `allSections` (document order, parents before children): each
 * heading opens a section that runs to the next heading of its rank or
 * higher, or to the closing; with its paragraphs and its spoken characters.
 */
import type { Heading, Paragraph, Section } from '../model';
import { countSpokenChars } from '../text';
import type { ParseState } from './state';

export function sectionsPass(st: ParseState): void {
  buildTree(st);
  countBodyChars(st.text, st.paragraphs, st.allSections);
}

function headingRank(h: Heading, numberedContext: number): number {
  if (h.style === 'unnumbered') return numberedContext + 0.5;
  if (h.style === 'markdown') return h.level;
  // 第一部分 stands above 一、 (long reports: 第一部分 … 一、 二、 … 第二部分 … 一、)
  if (h.style === 'cn-part') return 0.5;
  return h.level;
}

interface Open {
  rank: number;
  section: Section;
}

/** The rank of the innermost numbered section open on the stack (0 if none). */
function numberedContext(stack: Open[]): number {
  for (let k = stack.length - 1; k >= 0; k--) {
    if (stack[k].section.heading.style !== 'unnumbered') return stack[k].rank;
  }
  return 0;
}

function close(entry: Open, end: number): void {
  entry.section.span.end = Math.max(entry.section.heading.span.end, end);
  entry.section.bodySpan.end = Math.max(entry.section.bodySpan.start, entry.section.span.end);
}

function buildTree(st: ParseState): void {
  const { paragraphs, sections: roots, allSections: all } = st;
  const stack: Open[] = [];
  let lastContentEnd = 0;
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i];
    if (p.kind === 'heading' && p.heading !== undefined) {
      const h = st.headings[p.heading];
      const rank = headingRank(h, numberedContext(stack));
      if (h.style !== 'unnumbered') {
        while (stack.length && stack[stack.length - 1].section.heading.style === 'unnumbered') close(stack.pop()!, lastContentEnd);
      }
      while (stack.length && stack[stack.length - 1].rank >= rank) close(stack.pop()!, lastContentEnd);
      const parent = stack.length ? stack[stack.length - 1].section : undefined;
      const sec: Section = {
        heading: h,
        depth: stack.length + 1,
        span: { start: h.span.start, end: p.span.end },
        bodySpan: { start: h.span.end, end: p.span.end },
        children: [],
        parent,
        paragraphs: [],
        bodyChars: 0,
      };
      if (p.bodySpan.end > p.bodySpan.start) sec.paragraphs.push(i);
      (parent ? parent.children : roots).push(sec);
      all.push(sec);
      stack.push({ rank, section: sec });
      lastContentEnd = p.span.end;
    } else if (p.kind === 'body') {
      if (stack.length) stack[stack.length - 1].section.paragraphs.push(i);
      lastContentEnd = p.span.end;
    } else if (p.kind === 'closing') {
      while (stack.length) close(stack.pop()!, lastContentEnd);
    }
  }
  while (stack.length) close(stack.pop()!, lastContentEnd);
}

/** Body characters: every paragraph within the section span, the section's own heading text excluded. */
function countBodyChars(text: string, paragraphs: Paragraph[], all: Section[]): void {
  const prefix = new Array<number>(paragraphs.length + 1);
  prefix[0] = 0;
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i];
    const n = p.kind === 'body' || p.kind === 'heading' ? countSpokenChars(text, p.span.start, p.span.end) : 0;
    prefix[i + 1] = prefix[i] + n;
  }
  const firstAtOrAfter = (offset: number) => {
    let lo = 0;
    let hi = paragraphs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (paragraphs[mid].span.start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  for (const sec of all) {
    const a = firstAtOrAfter(sec.span.start);
    const b = firstAtOrAfter(sec.span.end);
    const own = countSpokenChars(text, sec.heading.span.start, sec.heading.span.end);
    sec.bodyChars = Math.max(0, prefix[b] - prefix[a] - own);
  }
}

/** For each paragraph, the innermost section that holds it (parents come before children in `all`). */
export function innermostSectionByParagraph(paragraphs: Paragraph[], all: Section[]): (Section | undefined)[] {
  const out = new Array<Section | undefined>(paragraphs.length).fill(undefined);
  let pi = 0;
  for (const sec of all) {
    // paragraphs are sorted by start; sections in document order, each starting at its heading paragraph
    pi = sec.heading.paragraph >= 0 ? sec.heading.paragraph : pi;
    for (let i = pi; i < paragraphs.length && paragraphs[i].span.start < sec.span.end; i++) out[i] = sec;
  }
  return out;
}
