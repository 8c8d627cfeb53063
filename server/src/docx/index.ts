/**
 * A Word document's parts → a draft: one line per paragraph, as Word shows
 * it (list numbers rendered as the marker: "一、", "（一）", "1."). A
 * paragraph styled as a Word heading that shows no number gets Markdown's
 * "# " (one # per level) so that it counts as a heading; those added
 * characters are reported so that columns can be given as Word shows them.
 * Pure: the caller unzips (server/src/node/docx-read.ts).
 */
import { matchMarker } from '../core/parse';
import { readBodyParagraphs } from './document';
import { ListCounter, parseNumbering } from './numbering';
import { parseStyles, resolveStyle } from './styles';

export { formatNumber } from './numbering';

export interface DocxParts {
  /** word/document.xml */
  document: string;
  /** word/numbering.xml, when present */
  numbering?: string;
  /** word/styles.xml, when present */
  styles?: string;
}

export interface DraftParagraph {
  /** The line in the draft: prefix + marker + text. */
  line: string;
  /** Characters added that Word does not show ("# " before an unnumbered heading). */
  prefixLength: number;
  /** The list number Word shows, when the paragraph is numbered by Word. */
  listMarker?: string;
  /** 1–9 when the paragraph has a Word heading style or outline level. */
  headingLevel?: number;
  inTable: boolean;
}

export interface DocxDraft {
  paragraphs: DraftParagraph[];
  /** The lines joined with "\n": what the checker reads. */
  text: string;
}

function startsWithMarker(s: string): boolean {
  const t = s.replace(/^[\s\u3000]+/, '');
  if (/^[0-9０-９]{1,3}[\s\u3000]*$/.test(t)) return true; // "01" alone, the heading on the next line
  const m = matchMarker(t, 0, t.length);
  return m !== undefined && m.style !== 'markdown';
}

/** Build the draft; throws when a part is not well-formed XML. */
export function docxToDraft(parts: DocxParts): DocxDraft {
  const styles = parseStyles(parts.styles);
  const counter = new ListCounter(parseNumbering(parts.numbering));
  const paragraphs: DraftParagraph[] = [];
  for (const raw of readBodyParagraphs(parts.document)) {
    const style = resolveStyle(styles, raw.styleId);
    const numId = raw.numId ?? style.numId;
    const ilvl = raw.ilvl ?? (raw.numId !== undefined ? 0 : style.ilvl ?? 0);
    let text = raw.text.replace(/[\r\n\u2028\u2029\u000b\u000c]/g, ' ');
    let listMarker: string | undefined;
    if (numId !== undefined && numId !== '0' && text.trim() !== '') {
      const n = counter.next(numId, ilvl);
      // bullets are not numbers: Word's bullet glyph (often a Symbol-font private-use character) is left out
      if (n.marker && !n.bullet) {
        listMarker = n.marker;
        const sep = n.suff === 'nothing' || /[、.．:：）)\]】]$/.test(n.marker) ? '' : ' ';
        text = n.marker + sep + text;
      }
    }
    const headingLevel = raw.outlineLvl !== undefined && raw.outlineLvl < 9 ? raw.outlineLvl + 1 : style.headingLevel;
    let prefix = '';
    if (headingLevel !== undefined && !style.title && text.trim() !== '' && !startsWithMarker(text)) prefix = '#'.repeat(headingLevel) + ' ';
    paragraphs.push({ line: prefix + text, prefixLength: prefix.length, listMarker, headingLevel, inTable: raw.inTable });
  }
  return { paragraphs, text: paragraphs.map((p) => p.line).join('\n') };
}

export type { ExportPlan } from './gate';
export { isLeftover, planDraftExport } from './gate';
export type { PlannedParagraph, PlannedRun } from './plan';
export { planExport } from './plan';
