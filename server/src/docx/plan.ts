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

interface FontSpan {
  start: number;
  end: number;
  font: FontRole;
}

function runsFor(text: string, start: number, end: number, base: FontRole, fonts: readonly FontSpan[], marks: readonly Span[]): PlannedRun[] {
  const cuts = new Set<number>([start, end]);
  for (const m of [...fonts, ...marks]) {
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
    const font = fonts.find((f) => f.start <= a && f.end >= b)?.font ?? base;
    const prev = runs[runs.length - 1];
    if (prev && prev.font === font && prev.highlight === highlight) prev.text += text.slice(a, b);
    else runs.push({ text: text.slice(a, b), font, highlight });
  }
  return runs;
}

const isSpace = (c: string | undefined) => c !== undefined && /[\s\u3000]/.test(c);

/**
 * Plan the Word paragraphs of a parsed draft, one per non-blank line (a line
 * the parser splits, "……几点意见。一、提振激情。……", stays one paragraph,
 * its heading part in the heading's font); `highlights` are spans to mark.
 */
export function planExport(doc: SpeechDocument, highlights: readonly Span[] = []): PlannedParagraph[] {
  const out: PlannedParagraph[] = [];
  const text = doc.text;
  const marks = [...highlights].sort((a, b) => a.start - b.start);
  let k = 0;
  for (let li = 0; li < doc.lines.lineCount; li++) {
    let s = doc.lines.lineStart(li);
    let e = doc.lines.contentEnd(li);
    while (k < doc.paragraphs.length && doc.paragraphs[k].span.end <= s) k++;
    while (s < e && isSpace(text[s])) s++;
    while (e > s && isSpace(text[e - 1])) e--;
    if (e <= s) continue;
    const paras: Paragraph[] = [];
    for (let j = k; j < doc.paragraphs.length && doc.paragraphs[j].span.start < e; j++) if (doc.paragraphs[j].span.end > s) paras.push(doc.paragraphs[j]);
    const roles = paras.map(roleOf);
    if (paras.length > 0 && roles.every((r) => r === undefined)) continue; // comment lines
    const first = paras[0];
    const role = roles[0] ?? 'body';
    const firstHeading = first?.heading !== undefined ? doc.headings[first.heading] : undefined;
    // the Word heading style goes to the line where the heading starts (not to the title line under a lone "01")
    const level = firstHeading && firstHeading.span.start >= s && firstHeading.span.start < e ? headingFont(firstHeading).level : 0;
    // Markdown's "#" is not shown in Word: the heading style (or the title's layout) says it
    const hashes = /^#{1,6}[ \t\u3000]+/.exec(text.slice(s, Math.min(e, s + 12)));
    if (hashes && ((level > 0 && firstHeading!.style === 'markdown') || role === 'title')) s += hashes[0].length;
    const fonts: FontSpan[] = [];
    for (const p of paras) {
      const h = p.heading !== undefined ? doc.headings[p.heading] : undefined;
      if (h) fonts.push({ start: h.span.start, end: h.span.end, font: headingFont(h).font });
    }
    const base: FontRole = role === 'title' ? 'title' : role === 'subtitle' || role === 'date' ? 'date' : 'body';
    const planned: PlannedParagraph = { role, runs: runsFor(text, s, e, base, fonts, marks) };
    if (level > 0) planned.headingLevel = level;
    out.push(planned);
  }
  let last = -1;
  for (let i = 0; i < out.length && ['title', 'subtitle', 'date'].includes(out[i].role); i++) last = i;
  if (last >= 0) out[last].endsTitleBlock = true;
  return out;
}
