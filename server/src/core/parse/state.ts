/**
 * The state the parse passes share: the text, its lines, and each layer of the
 * model as the passes add it. Every pass reads what earlier passes put here and
 * adds one thing (see index.ts for the order).
 */
import type { Announcement, Directive, Heading, Paragraph, Section, Series } from '../model';
import { LineIndex, Span } from '../text';
import { Quotations } from './quotations';

/** A line with content: its content span (indentation and trailing spaces left out). */
export interface Line {
  start: number;
  end: number;
  index: number;
}

/** A paragraph before it becomes one: lines (or parts of a line) and their kind. */
export interface Block {
  kind: Paragraph['kind'];
  start: number;
  end: number;
  line: number;
  heading?: Heading;
}

export interface ParseState {
  text: string;
  lines: LineIndex;
  /** lines pass: the lines that hold something. */
  contentLines: Line[];
  /** directives pass. */
  directives: Directive[];
  /** directives pass: lines that hold only suppression comments. */
  commentLines: Set<number>;
  /** residue and front-matter passes: lines that are not part of the speech. */
  residueLines: Set<number>;
  /** residue pass: residue inside lines of the speech (a page counter glued to a word …). */
  inlineResidue: Span[];
  /** front-matter pass: the content lines that are neither comments nor residue. */
  usable: Line[];
  /** front-matter pass: index into `usable` where the body starts. */
  bodyFrom: number;
  /** front-matter, headings and closing passes: the paragraphs to be. */
  blocks: Block[];
  /** paragraphs pass. */
  paragraphs: Paragraph[];
  headings: Heading[];
  residue: Span[];
  spokenChars: number;
  /** sections pass. */
  sections: Section[];
  allSections: Section[];
  /** quotations pass. */
  quotations: Quotations;
  /** series pass. */
  series: Series[];
  /** announcements pass. */
  announcements: Announcement[];
}

export function createState(text: string): ParseState {
  return {
    text,
    lines: new LineIndex(text),
    contentLines: [],
    directives: [],
    commentLines: new Set(),
    residueLines: new Set(),
    inlineResidue: [],
    usable: [],
    bodyFrom: 0,
    blocks: [],
    paragraphs: [],
    headings: [],
    residue: [],
    spokenChars: 0,
    sections: [],
    allSections: [],
    quotations: Quotations.EMPTY,
    series: [],
    announcements: [],
  };
}

/** The first `max` characters of a line's content. */
export function lineText(text: string, ln: Line, max = 200): string {
  return text.slice(ln.start, Math.min(ln.end, ln.start + max));
}
