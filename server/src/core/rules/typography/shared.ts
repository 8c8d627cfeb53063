/**
 * Helpers shared by the typography rules (a helper module, not a rule): the
 * paragraphs that are part of the speech, the zones where Latin conventions
 * rule (URLs, e-mail addresses, `code`), and character classes. Everything
 * here is linear in the text; no regular expression built from user input.
 */
import type { Paragraph, SpeechDocument } from '../../model';
import type { Span } from '../../text';
import { isHan } from '../../text';
import { isCjkPunct, isDigit, isLatin } from '../placeholder/scan';

export { isCjkPunct, isDigit, isHan, isLatin };

/** Paragraphs that are part of the speech (not web residue, not speechlint comments). */
export function speechParagraphs(doc: SpeechDocument): Paragraph[] {
  return doc.paragraphs.filter((p) => p.kind !== 'residue' && p.kind !== 'comment');
}

// URLs and `code` (each match starts at a fixed token, so the scan is linear)
const URL_RE = /(?:https?|ftp):\/\/[!-~]+|www\.[!-~]+|`[^`\n]{0,200}`/g;

function isEmailChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45;
}

/** The URL, e-mail and code zones inside [start, end), in order. */
export function latinZones(text: string, start: number, end: number): Span[] {
  const out: Span[] = [];
  const slice = text.slice(start, end);
  // cheap pre-check: most paragraphs hold none of these
  if (!/[:@`]|www\./.test(slice)) return out;
  URL_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = URL_RE.exec(slice))) out.push({ start: start + m.index, end: start + m.index + m[0].length });
  // e-mail addresses: expand around each @ (no regular expression to backtrack over long runs)
  for (let at = slice.indexOf('@'); at >= 0; at = slice.indexOf('@', at + 1)) {
    let a = at;
    while (a > 0 && isEmailChar(slice.charCodeAt(a - 1))) a--;
    let b = at + 1;
    while (b < slice.length && isEmailChar(slice.charCodeAt(b))) b++;
    if (a < at && slice.slice(at + 1, b).includes('.')) out.push({ start: start + a, end: start + b });
  }
  return out.sort((x, y) => x.start - y.start);
}

/** A sorted-span membership test that walks forward (offsets must be asked in increasing order). */
export function zoneCursor(zones: Span[]): (offset: number) => boolean {
  let k = 0;
  return (offset) => {
    while (k < zones.length && zones[k].end <= offset) k++;
    return k < zones.length && zones[k].start <= offset;
  };
}

/** A Han character or Chinese punctuation: the context that takes full-width marks. */
export function isChinese(c: number): boolean {
  return isHan(c) || isCjkPunct(c);
}

/** Is the paragraph mostly Latin text (an English passage)? Then Latin conventions rule it. */
export function mostlyLatin(text: string, start: number, end: number): boolean {
  let latin = 0;
  let han = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isHan(c)) han++;
    else if (isLatin(c)) latin++;
  }
  return latin > han * 2;
}
