/**
 * Shared scan for the typography rules that match a regular expression in
 * the speech paragraphs (a helper module, not a rule): each match outside
 * URLs, e-mail addresses and `code`, with its absolute offset.
 */
import type { SpeechDocument } from '../../model';
import { latinZones, speechParagraphs, zoneCursor } from './shared';

export interface Match {
  start: number;
  end: number;
  groups: string[];
}

/** Every match of `re` (global, no backtracking blow-up: fixed-width pieces only) in the speech paragraphs. */
export function matchesInSpeech(doc: SpeechDocument, re: RegExp): Match[] {
  const out: Match[] = [];
  const text = doc.text;
  for (const p of speechParagraphs(doc)) {
    const slice = text.slice(p.span.start, p.span.end);
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    const found: Match[] = [];
    while ((m = re.exec(slice))) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      found.push({ start: p.span.start + m.index, end: p.span.start + m.index + m[0].length, groups: m.slice(1).map((g) => g ?? '') });
    }
    if (found.length === 0) continue;
    const inZone = zoneCursor(latinZones(text, p.span.start, p.span.end));
    for (const f of found) if (!inZone(f.start)) out.push(f);
  }
  return out;
}
