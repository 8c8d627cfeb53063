/**
 * Heading nodes: where an inline heading ends and the Heading a pass builds
 * from a marker and a title span. A helper of the front-matter and headings
 * passes, not a pass itself.
 */
import type { Heading, Marker, MarkerStyle } from '../model';
import { STYLE_LEVEL } from '../model';
import { isIndentSpace } from '../text';
import { CLOSERS, HEADING_END, OPENERS } from './punctuation';

/** A heading of `style` from `start` to `headingEnd`, its title from `titleStart` (trimmed). */
export function buildHeading(text: string, style: MarkerStyle, marker: Marker | undefined, start: number, titleStart: number, headingEnd: number): Heading {
  let ts = titleStart;
  while (ts < headingEnd && isIndentSpace(text.charCodeAt(ts))) ts++;
  let te = headingEnd;
  while (te > ts && (HEADING_END.has(text[te - 1]) || isIndentSpace(text.charCodeAt(te - 1)))) te--;
  return {
    style,
    level: STYLE_LEVEL[style],
    marker,
    span: { start, end: headingEnd },
    titleSpan: { start: ts, end: te },
    title: text.slice(ts, te),
    inline: false,
    paragraph: -1,
  };
}

/** End of an inline heading: its first sentence end (inclusive), or the line end. */
export function findHeadingEnd(text: string, from: number, lineEnd: number): number {
  let depth = 0;
  for (let i = from; i < lineEnd; i++) {
    const ch = text[i];
    if (ch in OPENERS) depth++;
    else if (CLOSERS.has(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && HEADING_END.has(ch)) {
      let j = i + 1;
      while (j < lineEnd && (HEADING_END.has(text[j]) || CLOSERS.has(text[j]))) j++;
      return j;
    }
  }
  return lineEnd;
}
