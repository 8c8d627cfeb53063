/**
 * Numbered markers (一、 （一） 1. （1）) and their regular expressions: a
 * helper of the front-matter and headings passes, not a pass itself.
 */
import type { Marker, MarkerStyle } from '../model';
import { parseArabic, parseCnNumeral } from '../numerals';
import { CN, DIGIT } from './punctuation';

// Markers at the start of a paragraph. Each captures: 1 open bracket, 2 numeral, 3 close, 4 punct.
const RE_CN_DUN = new RegExp(`^()(${CN}{1,4})()[ \\t]*([、.．])(?![零〇一二两三四五六七八九十0-9０-９])`);
const RE_CN_PAREN = new RegExp(`^([（(])[ \\t]*(${CN}{1,4})[ \\t]*([）)])[ \\t]*([、.．，,]?)`);
const RE_NUM_DOT = new RegExp(`^()(${DIGIT}{1,3})()[ \\t]*([.．、])(?![0-9０-９])`);
const RE_NUM_PAREN = new RegExp(`^([（(])[ \\t]*(${DIGIT}{1,3})[ \\t]*([）)])[ \\t]*([、.．，,]?)`);

/** A line that opens with a numbered marker or a Markdown heading mark. */
export function hasMarkerAtStart(head: string): boolean {
  return (
    RE_CN_DUN.test(head) ||
    RE_CN_PAREN.test(head) ||
    RE_NUM_DOT.test(head) ||
    RE_NUM_PAREN.test(head) ||
    /^#{1,6}[ \t]/.test(head)
  );
}

export function makeMarker(
  style: MarkerStyle,
  start: number,
  numberText: string,
  open: string,
  close: string,
  punct: string,
  numberStart: number,
  numberEnd: number,
  end: number,
): Marker {
  const arabic = parseArabic(numberText);
  const value = Number.isNaN(arabic) ? parseCnNumeral(numberText) : arabic;
  return {
    style,
    span: { start, end },
    text: '',
    numberSpan: { start: numberStart, end: numberEnd },
    numberText,
    value,
    numeral: Number.isNaN(arabic) ? 'cn' : 'arabic',
    open: open || undefined,
    close: close || undefined,
    punct,
    punctSpan: { start: end - punct.length, end },
  };
}

const TRIES: [RegExp, MarkerStyle][] = [
  [RE_CN_PAREN, 'cn-paren'],
  [RE_NUM_PAREN, 'num-paren'],
  [RE_CN_DUN, 'cn-dun'],
  [RE_NUM_DOT, 'num-dot'],
];

/** A numbered marker (一、 （一） 1. （1）) starting exactly at `start`. */
export function matchMarker(text: string, start: number, end: number): Marker | undefined {
  const head = text.slice(start, Math.min(end, start + 16));
  for (const [re, style] of TRIES) {
    const m = re.exec(head);
    if (!m) continue;
    const open = m[1] ?? '';
    const numberText = m[2];
    const close = m[3] ?? '';
    const punct = m[4] ?? '';
    const numberStart = start + head.indexOf(numberText, open.length);
    const mk = makeMarker(style, start, numberText, open, close, punct, numberStart, numberStart + numberText.length, start + m[0].length);
    if (Number.isNaN(mk.value) || mk.value <= 0) continue;
    // "1.5倍" and "一、二等奖" are not markers; a marker needs text after it
    if (mk.span.end >= end) return undefined;
    mk.text = text.slice(mk.span.start, mk.span.end);
    return mk;
  }
  return undefined;
}
