/**
 * Body lines, and the 一、 headings run into them. A helper of the
 * front-matter and headings passes: a body line becomes a `body` block, except
 * that a level-1 marker after a sentence end inside it starts a heading block
 * (drafts pasted from the web run "……几点意见。一、提振激情。春节前……" together).
 */
import type { Marker } from '../model';
import { isIndentSpace } from '../text';
import { buildHeading, findHeadingEnd } from './heading-node';
import { matchMarker } from './markers';
import { CN, HEADING_END } from './punctuation';
import type { Line, ParseState } from './state';

const SPLIT_SOURCE = `[。！？!?：:][ \\t　]*(${CN}{1,3})、`;

interface SplitPoint {
  start: number;
  marker: Marker;
  end: number;
}

/** The 一、 heading a SPLIT match starts, if it is one: short, closed with 。/！ or the line end. */
function splitPointAt(text: string, ln: Line, m: RegExpExecArray): SplitPoint | undefined {
  const start = ln.start + m.index + m[0].length - m[1].length - 1;
  const marker = matchMarker(text, start, ln.end);
  if (!marker || marker.style !== 'cn-dun') return undefined;
  const end = findHeadingEnd(text, marker.span.end, ln.end);
  const headLen = end - marker.span.end;
  // "一、……；二、……" is an enumeration
  if (headLen < 2 || headLen > 40 || !(end === ln.end || HEADING_END.has(text[end - 1]))) return undefined;
  return { start, marker, end };
}

/** Push `ln` as a body block, cut where an inline 一、 heading starts. */
export function pushBodyLine(st: ParseState, ln: Line): void {
  const { text, blocks } = st;
  const re = new RegExp(SPLIT_SOURCE, 'g');
  const seg = text.slice(ln.start, ln.end);
  let first = true;
  let m: RegExpExecArray | null;
  while ((m = re.exec(seg))) {
    const sp = splitPointAt(text, ln, m);
    if (!sp) continue;
    // the text before the split point: the body before the first, the previous heading paragraph after
    const prev: { start: number; end: number } = first ? { start: ln.start, end: sp.start } : blocks[blocks.length - 1];
    prev.end = sp.start;
    while (prev.end > prev.start && isIndentSpace(text.charCodeAt(prev.end - 1))) prev.end--;
    if (first) blocks.push({ kind: 'body', start: prev.start, end: prev.end, line: ln.index });
    const h = buildHeading(text, 'cn-dun', sp.marker, sp.start, sp.marker.span.end, sp.end);
    // the heading paragraph runs to the next split point or the line end
    blocks.push({ kind: 'heading', start: sp.start, end: ln.end, line: ln.index, heading: h });
    first = false;
    re.lastIndex = sp.end - ln.start;
  }
  if (first) blocks.push({ kind: 'body', start: ln.start, end: ln.end, line: ln.index });
}
