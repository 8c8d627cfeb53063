/**
 * The document model of a speech draft. Built by `parse()` (parse.ts), read
 * by rules, the outline and the views. Every span is in UTF-16 code units of
 * the original text.
 */
import type { Quotations } from './parse/quotations';
import type { LineIndex, Span } from './text';

/**
 * How a heading is numbered.
 * - `cn-dun`     一、            (level 1)
 * - `cn-paren`   （一） / (一)    (level 2)
 * - `num-dot`    1. 1． 1、       (level 3)
 * - `num-paren`  （1） / (1)     (level 4)
 * - `num-alone`  "01" alone on a line, the heading on the next line
 * - `cn-part`    "第一部分" alone on a line (or followed by its title)
 * - `markdown`   "# 标题"
 * - `unnumbered` a short line without closing punctuation acting as a sub-heading
 */
export type MarkerStyle = 'cn-dun' | 'cn-paren' | 'num-dot' | 'num-paren' | 'num-alone' | 'cn-part' | 'markdown' | 'unnumbered';

/** The nominal level of each numbered style (GB/T 9704 §7.3.3). */
export const STYLE_LEVEL: Record<MarkerStyle, number> = {
  'cn-part': 1,
  'num-alone': 1,
  'cn-dun': 1,
  'cn-paren': 2,
  'num-dot': 3,
  'num-paren': 4,
  markdown: 1,
  unnumbered: 0,
};

export interface Marker {
  style: MarkerStyle;
  /** The whole marker as written, with brackets and trailing punctuation: "（一）、", "1.", "01". */
  span: Span;
  text: string;
  /** The numeral only: "一", "1", "01". */
  numberSpan: Span;
  numberText: string;
  /** The numeral's value (一 → 1). */
  value: number;
  /** 'cn' for 一二三, 'arabic' for 1 2 3 (including full-width digits). */
  numeral: 'cn' | 'arabic';
  /** Opening bracket as written ("（" or "("), for bracketed styles. */
  open?: string;
  /** Closing bracket as written. */
  close?: string;
  /** Punctuation written after the marker ("、", ".", "．", "，", ""), and where. */
  punct: string;
  punctSpan: Span;
}

export interface Heading {
  style: MarkerStyle;
  /** Nominal level: 1 一、, 2 （一）, 3 1., 4 （1）; Markdown: number of #; unnumbered: 0. */
  level: number;
  marker?: Marker;
  /** Marker plus heading text (for inline headings: up to and including the first sentence's end). */
  span: Span;
  /** The heading text without marker, Markdown #, surrounding spaces or closing punctuation. */
  titleSpan: Span;
  title: string;
  /** True when body text follows the heading in the same paragraph ("一、提振激情。春节前，……"). */
  inline: boolean;
  /** For `num-alone`/`cn-part` markers standing alone: the marker's own line. */
  markerLine?: Span;
  /** Index of the paragraph that holds the heading. */
  paragraph: number;
}

export interface Section {
  heading: Heading;
  /** Depth in the tree, 1 for top-level sections. */
  depth: number;
  /** From the heading's start to the end of the section's last content. */
  span: Span;
  /** Everything after the heading up to the section's end (body and sub-sections). */
  bodySpan: Span;
  children: Section[];
  parent?: Section;
  /** Indexes of the body paragraphs that belong directly to this section (not to sub-sections). */
  paragraphs: number[];
  /** Spoken characters of the body (including sub-sections), excluding the heading itself. */
  bodyChars: number;
}

export type ParagraphKind = 'title' | 'subtitle' | 'date' | 'salutation' | 'body' | 'heading' | 'closing' | 'residue' | 'comment';

export interface Sentence {
  span: Span;
}

export interface Paragraph {
  kind: ParagraphKind;
  /** The paragraph's content, without indentation or the line break. */
  span: Span;
  /** For a paragraph that opens with an inline heading: the body after the heading. Else same as span. */
  bodySpan: Span;
  /** Sentences of the body part (not of the heading). */
  sentences: Sentence[];
  /** Index into `SpeechDocument.headings` when kind is 'heading'. */
  heading?: number;
  /** 0-based line of the paragraph's start. */
  line: number;
}

/** Inline series markers: 一是/二是, 第一/第二, 首先/其次/再次/最后, 一方面/另一方面, 一要/二要. */
export type SeriesKind = 'shi' | 'di' | 'order' | 'fangmian' | 'yao';

export interface SeriesItem {
  kind: SeriesKind;
  /** The marker as written: "一是", "第二", "其次", "另一方面". */
  span: Span;
  text: string;
  /** Its position: 一是 → 1, 其次 → 2, 最后 → Infinity-like (see `last`), 另一方面 → 2. */
  value: number;
  /** "最后" closes an order series; "另一方面" closes a fangmian pair. */
  last: boolean;
  /** The numeral part when there is one ("一" of 一是, "二" of 第二). */
  numberSpan?: Span;
  numberText?: string;
  /** The punctuation right after the marker, if any ("，" after 第一). */
  punct: string;
  punctSpan: Span;
  paragraph: number;
}

export interface Series {
  items: SeriesItem[];
  span: Span;
  /** The innermost section that holds the series, if any. */
  section?: Section;
}

/** The items an announcement counts. */
export interface AnnouncedTarget {
  kind: 'sections' | 'series' | 'list';
  /** One span per item (the heading span, the series marker, or the 、-list item). */
  items: Span[];
}

export interface Announcement {
  /** The whole phrase: "讲三点意见", "五大体系", "以下四个方面". */
  span: Span;
  text: string;
  /** The number word and its value. */
  countSpan: Span;
  count: number;
  /** The counted noun, "点意见", "个方面", "大体系". */
  noun: string;
  /** What it announces, when the parser could link it; absent when it announces no list. */
  target?: AnnouncedTarget;
  paragraph: number;
}

/** `<!-- speechlint-… -->` comments in the draft. */
export interface Directive {
  kind: 'disable' | 'enable' | 'disable-next-line' | 'disable-line';
  /** Rule ids named; empty means all rules. */
  rules: string[];
  span: Span;
  line: number;
}

export interface SpeechDocument {
  text: string;
  lines: LineIndex;
  paragraphs: Paragraph[];
  /** Index of the title paragraph, if found. */
  title?: number;
  date?: number;
  salutation?: number;
  closing?: number;
  headings: Heading[];
  /** Top-level sections (children of the virtual root). */
  sections: Section[];
  /** All sections in document order. */
  allSections: Section[];
  series: Series[];
  announcements: Announcement[];
  directives: Directive[];
  /** Web residue and other text that is not part of the speech (excluded from checks). */
  residue: Span[];
  /** Spoken characters in the speech (title, body, headings; not residue). */
  spokenChars: number;
  /** Spans inside quotation marks and 《》, nested (parse/quotations.ts). */
  quotations: Quotations;
}
