/**
 * Helpers shared by the typography rules (a helper module, not a rule): the
 * paragraphs that are part of the speech, the zones where Latin conventions
 * rule (URLs, e-mail addresses, `code`), and character classes. Everything
 * here is linear in the text; no regular expression built from user input.
 */
import type { Paragraph, SpeechDocument } from '../../model';
import { residueLineKind } from '../../residue';
import type { Span } from '../../text';
import { isHan } from '../../text';
import { isCjkPunct, isDigit, isLatin } from '../placeholder/scan';

export { isCjkPunct, isDigit, isHan, isLatin };

/** Paragraphs that are part of the speech (not web residue, not speechlint comments). */
export function speechParagraphs(doc: SpeechDocument): Paragraph[] {
  return doc.paragraphs.filter((p) => {
    if (p.kind === 'residue' || p.kind === 'comment') return false;
    const line = doc.lines.lineAt(p.span.start);
    return residueLineKind(doc.text.slice(doc.lines.lineStart(line), doc.lines.contentEnd(line))) === undefined;
  });
}

// URLs, e-mail addresses and `code`: Latin conventions apply inside them.
const ZONE_RE = /(?:https?|ftp):\/\/[!-~]+|www\.[!-~]+|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+|`[^`\n]{0,200}`/g;

/** The URL, e-mail and code zones inside [start, end), in order. */
export function latinZones(text: string, start: number, end: number): Span[] {
  const out: Span[] = [];
  const slice = text.slice(start, end);
  // cheap pre-check: most paragraphs hold none of these
  if (!/[:@`]|www\./.test(slice)) return out;
  ZONE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ZONE_RE.exec(slice))) out.push({ start: start + m.index, end: start + m.index + m[0].length });
  return out;
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

/** Han characters in [start, end). */
export function hanCount(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) if (isHan(text.charCodeAt(i))) n++;
  return n;
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
