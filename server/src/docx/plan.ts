/**
 * What Export to Word writes, decided on the parsed draft (pure): one Word
 * paragraph per line of the draft, each with its role in the layout (title,
 * date line, salutation, the four heading levels, body) and its runs (the
 * heading part of an inline heading in the heading's font, the rest in the
 * body font; spans to highlight marked). Blank lines and comment lines are
 * left out: spacing is the layout's business. Markdown's "#" is dropped.
 */
import type { FontRole } from '../core/export-layout';
import type { Heading, Paragraph, SpeechDocument } from '../core/model';
import type { Span } from '../core/text';

export type ParagraphRole = 'title' | 'subtitle' | 'date' | 'salutation' | 'heading' | 'body';

export interface PlannedRun {
  text: string;
  font: FontRole;
  highlight: boolean;
}

export interface PlannedParagraph {
  role: ParagraphRole;
  /** Word outline level 1–4 for numbered headings (Heading 1–4 styles). */
  headingLevel?: number;
  runs: PlannedRun[];
  /** The last paragraph of the title block (title, subtitle, date): a blank line follows. */
  endsTitleBlock?: boolean;
}

/** The font of a heading's own text: 一、 黑体, （一） 楷体, 1. and （1） the body font (GB/T 9704 §7.3.3). */
export function headingFont(h: Heading): { font: FontRole; level: number } {
  const level = h.style === 'markdown' ? Math.min(h.level, 4) : h.level;
  if (h.style === 'unnumbered' || level === 0) return { font: 'body', level: 0 };
  return { font: level === 1 ? 'heading1' : level === 2 ? 'heading2' : 'body', level };
}

function roleOf(p: Paragraph): ParagraphRole | undefined {
  switch (p.kind) {
    case 'title':
    case 'subtitle':
    case 'date':
    case 'salutation':
    case 'heading':
      return p.kind;
    case 'comment':
      return undefined;
    default:
      return 'body';
  }
}

function runsFor(text: string, start: number, end: number, split: { at: number; before: FontRole; after: FontRole }, marks: readonly Span[]): PlannedRun[] {
  const cuts = new Set<number>([start, end]);
  if (split.at > start && split.at < end) cuts.add(split.at);
  for (const m of marks) {
    if (m.end <= start || m.start >= end) continue;
    cuts.add(Math.max(start, m.start));
    cuts.add(Math.min(end, m.end));
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const runs: PlannedRun[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const a = sorted[i];
    const b = sorted[i + 1];
    if (b <= a) continue;
    const highlight = marks.some((m) => m.start < b && m.end > a);
    const font = a < split.at ? split.before : split.after;
    const prev = runs[runs.length - 1];
    if (prev && prev.font === font && prev.highlight === highlight) prev.text += text.slice(a, b);
    else runs.push({ text: text.slice(a, b), font, highlight });
  }
  return runs;
}

/** Plan the Word paragraphs of a parsed draft; `highlights` are spans to mark (placeholders, residue). */
export function planExport(doc: SpeechDocument, highlights: readonly Span[] = []): PlannedParagraph[] {
  const out: PlannedParagraph[] = [];
  const text = doc.text;
  const marks = [...highlights].sort((a, b) => a.start - b.start);
  for (const p of doc.paragraphs) {
    const role = roleOf(p);
    if (!role) continue;
    const heading = p.heading !== undefined ? doc.headings[p.heading] : undefined;
    const hf = heading ? headingFont(heading) : undefined;
    const base: FontRole = role === 'title' ? 'title' : role === 'subtitle' || role === 'date' ? 'date' : 'body';
    let lineStart = p.span.start;
    for (const rawLine of text.slice(p.span.start, p.span.end).split(/\r\n|\r|\n/)) {
      let s = lineStart;
      let e = lineStart + rawLine.length;
      lineStart = e + (text.startsWith('\r\n', e) ? 2 : 1);
      while (s < e && /[\s\u3000]/.test(text[s])) s++;
      while (e > s && /[\s\u3000]/.test(text[e - 1])) e--;
      if (heading?.style === 'markdown' && s === heading.span.start) {
        while (s < e && text[s] === '#') s++;
        while (s < e && /[\s\u3000]/.test(text[s])) s++;
      }
      if (e <= s) continue;
      const split = hf ? { at: heading!.span.end, before: hf.font, after: 'body' as FontRole } : { at: e, before: base, after: base };
      const planned: PlannedParagraph = { role, runs: runsFor(text, s, e, split, marks) };
      if (hf && hf.level > 0) planned.headingLevel = hf.level;
      out.push(planned);
    }
  }
  let last = -1;
  for (let i = 0; i < out.length && ['title', 'subtitle', 'date'].includes(out[i].role); i++) last = i;
  if (last >= 0) out[last].endsTitleBlock = true;
  return out;
}
