/**
 * Pass 5, headings of every form. Reads the body lines (`usable` from
 * `bodyFrom`); adds a heading block for each heading and a body block for the
 * rest: numbered headings 一、 （一） 1. （1） (inline or on a line of their
 * own), parts 01 and 第一部分 with their title on the next line or the same,
 * Markdown headings, 一、 headings run into a body line (body-lines.ts), and
 * unnumbered sub-headings (short unpunctuated lines before prose, kept only
 * when there are two or more).
 */
import type { Marker } from '../model';
import { isHan } from '../text';
import { pushBodyLine } from './body-lines';
import { buildHeading, findHeadingEnd } from './heading-node';
import { hasMarkerAtStart, makeMarker, matchMarker } from './markers';
import { CN, DIGIT, TERMINAL } from './punctuation';
import { Line, lineText, ParseState } from './state';

const RE_NUM_ALONE = new RegExp(`^(${DIGIT}{1,2})$`);
const RE_CN_PART = new RegExp(`^第(${CN}{1,4})(部分|篇|章)[ \\t　]*([、.．，,：:]?)`);
const RE_MD_HEADING = /^(#{1,6})[ \t]+/;

export function headingsPass(st: ParseState): void {
  const bodyLines = st.usable.slice(st.bodyFrom);
  // candidates for unnumbered headings, confirmed below when there are two or more
  const unnumbered: number[] = [];
  for (let k = 0; k < bodyLines.length; k++) {
    const ln = bodyLines[k];
    const head = lineText(st.text, ln, 40);
    const part = RE_CN_PART.exec(head);
    if (markerOnItsOwnLine(st, ln, head, part, bodyLines[k + 1])) k++;
    else if (partHeading(st, ln, part) || markdownHeading(st, ln, head) || numberedHeading(st, ln)) continue;
    else if (isUnnumberedCandidate(st.text, ln, bodyLines[k + 1], bodyLines[k - 1])) {
      unnumbered.push(st.blocks.length);
      const h = buildHeading(st.text, 'unnumbered', undefined, ln.start, ln.start, ln.end);
      st.blocks.push({ kind: 'heading', start: ln.start, end: ln.end, line: ln.index, heading: h });
    } else pushBodyLine(st, ln);
  }
  if (unnumbered.length < 2) {
    for (const b of unnumbered) {
      st.blocks[b].kind = 'body';
      st.blocks[b].heading = undefined;
    }
  }
}

function partMarker(text: string, ln: Line, part: RegExpExecArray): Marker {
  const marker = makeMarker('cn-part', ln.start, part[1], '', '', part[3] ?? '', ln.start + 1, ln.start + 1 + part[1].length, ln.start + part[0].length);
  marker.text = text.slice(marker.span.start, marker.span.end).trim();
  return marker;
}

/** A number or 第一部分 alone on its line, the heading text on the next line: one heading of two lines. */
function markerOnItsOwnLine(st: ParseState, ln: Line, head: string, part: RegExpExecArray | null, next: Line | undefined): boolean {
  const { text } = st;
  const alone = RE_NUM_ALONE.exec(head) && ln.end - ln.start <= 2 ? RE_NUM_ALONE.exec(head) : null;
  if (!(alone || (part && part.index === 0 && ln.start + part[0].length >= ln.end)) || !next) return false;
  if (hasMarkerAtStart(lineText(text, next, 40)) || next.end - next.start > 80) return false;
  let marker: Marker;
  if (alone) {
    marker = makeMarker('num-alone', ln.start, alone[1], '', '', '', ln.start, ln.start + alone[1].length, ln.end);
    marker.text = text.slice(marker.span.start, marker.span.end).trim();
  } else marker = partMarker(text, ln, part!);
  const h = buildHeading(text, marker.style, marker, ln.start, next.start, next.end);
  h.markerLine = { start: ln.start, end: ln.end };
  st.blocks.push({ kind: 'heading', start: ln.start, end: next.end, line: ln.index, heading: h });
  return true;
}

/** 第一部分 with its title on the same line. */
function partHeading(st: ParseState, ln: Line, part: RegExpExecArray | null): boolean {
  if (!(part && part.index === 0 && ln.start + part[0].length < ln.end)) return false;
  pushHeadingLine(st, ln, partMarker(st.text, ln, part), ln.start + part[0].length);
  return true;
}

/** # heading, or # 一、heading (the numbered marker wins). */
function markdownHeading(st: ParseState, ln: Line, head: string): boolean {
  const { text } = st;
  const md = RE_MD_HEADING.exec(head);
  if (!md) return false;
  const after = ln.start + md[0].length;
  const inner = matchMarker(text, after, ln.end);
  const h = inner
    ? buildHeading(text, inner.style, inner, ln.start, inner.span.end, ln.end)
    : buildHeading(text, 'markdown', undefined, ln.start, after, ln.end);
  if (!inner) h.level = md[1].length;
  st.blocks.push({ kind: 'heading', start: ln.start, end: ln.end, line: ln.index, heading: h });
  return true;
}

/** 一、 （一） 1. （1） at the line start: the heading runs to its first sentence end. */
function numberedHeading(st: ParseState, ln: Line): boolean {
  const marker = matchMarker(st.text, ln.start, ln.end);
  if (!marker) return false;
  pushHeadingLine(st, ln, marker, marker.span.end);
  return true;
}

function pushHeadingLine(st: ParseState, ln: Line, marker: Marker, textStart: number): void {
  const end = findHeadingEnd(st.text, textStart, ln.end);
  const h = buildHeading(st.text, marker.style, marker, ln.start, textStart, end);
  st.blocks.push({ kind: 'heading', start: ln.start, end: ln.end, line: ln.index, heading: h });
}

/** A short line of Han characters, unpunctuated, between two lines, before a line of prose. */
function isUnnumberedCandidate(text: string, ln: Line, next: Line | undefined, prev: Line | undefined): boolean {
  const len = ln.end - ln.start;
  if (len < 4 || len > 25 || !next || !prev) return false;
  if (TERMINAL.has(text[ln.end - 1])) return false;
  const t = text.slice(ln.start, ln.end);
  if (/[。！？；!?;]/.test(t)) return false;
  let han = 0;
  for (let i = 0; i < t.length; i++) if (isHan(t.charCodeAt(i))) han++;
  if (han < 4 || han < t.length * 0.8) return false;
  // the next line is prose: long, or closed with punctuation
  const nextLen = next.end - next.start;
  if (nextLen <= len || !TERMINAL.has(text[next.end - 1])) return false;
  return !hasMarkerAtStart(lineText(text, next, 20));
}
