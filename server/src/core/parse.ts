/**
 * Text → SpeechDocument. Pure, linear in the text, never throws on any string
 * (see test/unit/robustness.test.ts). One line is one paragraph, except that a
 * level-1 marker after a sentence end inside a line starts a new paragraph
 * (drafts pasted from the web run "……几点意见。一、提振激情。春节前……" together).
 */
import type {
  AnnouncedTarget,
  Announcement,
  Directive,
  Heading,
  Marker,
  MarkerStyle,
  Paragraph,
  Section,
  Sentence,
  Series,
  SeriesItem,
  SeriesKind,
  SpeechDocument,
} from './model';
import { STYLE_LEVEL } from './model';
import { parseArabic, parseCnNumeral } from './numerals';
import { countSpokenChars, isHan, isIndentSpace, LineIndex, Span } from './text';

const CN = '[零〇一二两三四五六七八九十百]';
const DIGIT = '[0-9０-９]';

// Markers at the start of a paragraph. Each captures: 1 open bracket, 2 numeral, 3 close, 4 punct.
const RE_CN_DUN = new RegExp(`^()(${CN}{1,4})()[ \\t]*([、.．])(?![零〇一二两三四五六七八九十0-9０-９])`);
const RE_CN_PAREN = new RegExp(`^([（(])[ \\t]*(${CN}{1,4})[ \\t]*([）)])[ \\t]*([、.．，,]?)`);
const RE_NUM_DOT = new RegExp(`^()(${DIGIT}{1,3})()[ \\t]*([.．、])(?![0-9０-９])`);
const RE_NUM_PAREN = new RegExp(`^([（(])[ \\t]*(${DIGIT}{1,3})[ \\t]*([）)])[ \\t]*([、.．，,]?)`);
const RE_NUM_ALONE = new RegExp(`^(${DIGIT}{1,2})$`);
const RE_CN_PART = new RegExp(`^第(${CN}{1,4})(部分|篇|章)[ \\t　]*([、.．，,：:]?)`);
const RE_MD_HEADING = /^(#{1,6})[ \t]+/;
const RE_DIRECTIVE = /<!--\s*speechlint-(disable-next-line|disable-line|disable|enable)\b([^>]*?)-->/g;

const RE_SALUTATION = /^(同志们|同事们|朋友们|同学们|老师们、同学们|女士们、先生们|各位[\u4e00-\u9fff、，,]{1,20}|尊敬的[^：:。！\n]{1,40})[：:]/;
const RE_DATE = /^[（(]?\s*[0-9０-９〇零一二三四五六七八九十XxＸ×]{2,4}\s*年\s*[0-9０-９〇一二三四五六七八九十XxＸ×]{1,3}\s*月\s*[0-9０-９〇一二三四五六七八九十XxＸ×]{1,3}\s*日\s*[）)]?$/;
const RE_RESIDUE = /温馨提示|网站客服|推荐访问|由互联网用户分享整理|预览阅读已结束|本文档由用户上传|文章地址[:：]|原文地址[:：]|版权归属|免责声明|相关推荐|下载后无此问题|点击下载|https?:\/\/|www\./;
const RE_CLOSING = /^(同志们|同事们|朋友们|同学们|各位[\u4e00-\u9fff]{1,10})[，,！!]/;

const SENTENCE_END = new Set(['。', '！', '？', '；', '!', '?', ';', '…']);
const HEADING_END = new Set(['。', '！', '？', '!', '?']);
const OPENERS: Record<string, string> = { '“': '”', '《': '》', '「': '」', '『': '』', '‘': '’' };
const CLOSERS = new Set(Object.values(OPENERS));
/** Punctuation that closes a line of prose (a line ending otherwise may be a heading). */
const TERMINAL = new Set([...'。！？；，、：,.!?;:…—）)”’》」』'.split('')]);

interface Line {
  start: number; // content start (after indentation)
  end: number; // content end (before trailing spaces and line break)
  index: number;
}

interface Block {
  kind: Paragraph['kind'];
  start: number;
  end: number;
  line: number;
  heading?: Heading;
}

export interface ParseOptions {
  /** Skip inline-series and announcement detection (not used by rules; for tests of the outline only). */
  structureOnly?: boolean;
}

export function parse(input: string, _options: ParseOptions = {}): SpeechDocument {
  const text = typeof input === 'string' ? input : String(input ?? '');
  const lines = new LineIndex(text);
  const directives: Directive[] = [];
  const residue: Span[] = [];

  // 1. Lines with their content spans.
  const contentLines: Line[] = [];
  for (let i = 0; i < lines.lineCount; i++) {
    let s = lines.lineStart(i);
    let e = lines.contentEnd(i);
    while (s < e && isIndentSpace(text.charCodeAt(s))) s++;
    while (e > s && (isIndentSpace(text.charCodeAt(e - 1)) || text.charCodeAt(e - 1) === 0)) e--;
    if (e > s) contentLines.push({ start: s, end: e, index: i });
  }

  // 2. Directives; lines that hold only a directive are comments.
  const commentLines = new Set<number>();
  const hasComments = text.includes('<!--');
  for (const ln of hasComments ? contentLines : []) {
    const open = text.indexOf('<!--', ln.start);
    if (open < 0) break;
    if (open >= ln.end) continue;
    const seg = text.slice(ln.start, ln.end);
    RE_DIRECTIVE.lastIndex = 0;
    let m: RegExpExecArray | null;
    let covered = 0;
    while ((m = RE_DIRECTIVE.exec(seg))) {
      const rules = m[2]
        .split(/[\s,，]+/)
        .map((r) => r.trim())
        .filter((r) => r.length > 0 && r !== '--');
      directives.push({
        kind: m[1] as Directive['kind'],
        rules,
        span: { start: ln.start + m.index, end: ln.start + m.index + m[0].length },
        line: ln.index,
      });
      covered += m[0].length;
    }
    if (covered > 0 && seg.replace(RE_DIRECTIVE, '').trim() === '') commentLines.add(ln.index);
  }

  // 3. Web residue: lines with residue markers, a 温馨提示 block with its numbered lines.
  const residueLines = new Set<number>();
  for (let k = 0; k < contentLines.length; k++) {
    const ln = contentLines[k];
    if (commentLines.has(ln.index)) continue;
    const len = ln.end - ln.start;
    // Only test short-ish lines in full; a residue marker in a very long line is real prose.
    const head = text.slice(ln.start, Math.min(ln.end, ln.start + 400));
    if (RE_RESIDUE.test(head) && (len < 300 || /^温馨提示/.test(head))) {
      residueLines.add(ln.index);
      if (/^温馨提示/.test(head)) {
        for (let j = k + 1; j < contentLines.length; j++) {
          const t = text.slice(contentLines[j].start, Math.min(contentLines[j].end, contentLines[j].start + 8));
          if (new RegExp(`^${DIGIT}{1,2}[.．、]`).test(t)) residueLines.add(contentLines[j].index);
          else break;
        }
      }
    }
  }

  // 4. Front matter: salutation, title, date, subtitle. Lines before the title are residue.
  const lineText = (ln: Line, max = 200) => text.slice(ln.start, Math.min(ln.end, ln.start + max));
  const usable = contentLines.filter((ln) => !commentLines.has(ln.index) && !residueLines.has(ln.index));
  const blocks: Block[] = [];
  let bodyFrom = 0; // index into usable where the body starts
  let salIdx = -1;
  for (let k = 0; k < Math.min(usable.length, 40); k++) {
    if (RE_SALUTATION.test(lineText(usable[k], 60)) && !hasMarkerAtStart(lineText(usable[k], 20))) {
      salIdx = k;
      break;
    }
    // a numbered heading before any salutation: there is none
    if (k > 0 && hasMarkerAtStart(lineText(usable[k], 20))) break;
  }
  const isDate = (ln: Line) => ln.end - ln.start <= 30 && RE_DATE.test(lineText(ln, 30));
  const isSubtitle = (ln: Line) => /^[—–-]{1,2}/.test(lineText(ln, 4)) && ln.end - ln.start <= 80;
  let titleIdx = -1;
  if (salIdx >= 0) {
    let k = salIdx - 1;
    while (k >= 0 && (isDate(usable[k]) || isSubtitle(usable[k]))) k--;
    if (k >= 0) titleIdx = k;
  } else if (usable.length > 0) {
    const first = usable[0];
    const t = lineText(first, 100);
    const last = text[first.end - 1];
    if (first.end - first.start <= 80 && !TERMINAL.has(last) && !hasMarkerAtStart(t) && usable.length > 1) titleIdx = 0;
  }
  if (titleIdx >= 0) {
    for (let k = 0; k < titleIdx; k++) markResidue(usable[k]);
    const titleLine = usable[titleIdx];
    blocks.push({ kind: 'title', start: titleLine.start, end: titleLine.end, line: titleLine.index });
    const titleText = lineText(titleLine, 400);
    let k = titleIdx + 1;
    const stop = salIdx >= 0 ? salIdx : usable.length;
    for (; k < stop; k++) {
      const ln = usable[k];
      if (isDate(ln)) blocks.push({ kind: 'date', start: ln.start, end: ln.end, line: ln.index });
      else if (isSubtitle(ln)) blocks.push({ kind: 'subtitle', start: ln.start, end: ln.end, line: ln.index });
      else if (lineText(ln, 400) === titleText) markResidue(ln); // the title pasted twice
      else if (salIdx >= 0) blocks.push({ kind: 'subtitle', start: ln.start, end: ln.end, line: ln.index });
      else break;
    }
    bodyFrom = k;
  }
  if (salIdx >= 0) {
    const ln = usable[salIdx];
    const m = RE_SALUTATION.exec(lineText(ln, 60))!;
    const salEnd = ln.start + m[0].length;
    blocks.push({ kind: 'salutation', start: ln.start, end: salEnd, line: ln.index });
    bodyFrom = salIdx + 1;
    let restStart = salEnd;
    while (restStart < ln.end && isIndentSpace(text.charCodeAt(restStart))) restStart++;
    if (restStart < ln.end) pushBodyLine({ start: restStart, end: ln.end, index: ln.index });
  }

  function markResidue(ln: Line) {
    residueLines.add(ln.index);
  }

  // 5. Body lines: headings (all forms), body paragraphs.
  const bodyLines = usable.slice(bodyFrom);
  // candidates for unnumbered headings, confirmed below when there are two or more
  const unnumberedCandidates: number[] = [];
  for (let k = 0; k < bodyLines.length; k++) {
    const ln = bodyLines[k];
    const head = lineText(ln, 40);
    // A number or 第一部分 alone on its line: the heading text is on the next line.
    const alone = RE_NUM_ALONE.exec(head) && ln.end - ln.start <= 2 ? RE_NUM_ALONE.exec(head) : null;
    const part = RE_CN_PART.exec(head);
    if ((alone || (part && part.index === 0 && ln.start + part[0].length >= ln.end)) && k + 1 < bodyLines.length) {
      const next = bodyLines[k + 1];
      const nextHead = lineText(next, 40);
      if (!hasMarkerAtStart(nextHead) && next.end - next.start <= 80) {
        const marker = alone
          ? makeMarker('num-alone', ln.start, alone[1], '', '', '', ln.start, ln.start + alone[1].length, ln.end)
          : makeMarker('cn-part', ln.start, part![1], '', '', part![3] ?? '', ln.start + 1, ln.start + 1 + part![1].length, ln.start + part![0].length);
        marker.text = text.slice(marker.span.start, marker.span.end).trim();
        const h = buildHeading(marker.style, marker, ln.start, next.start, next.end, next.end);
        h.markerLine = { start: ln.start, end: ln.end };
        blocks.push({ kind: 'heading', start: ln.start, end: next.end, line: ln.index, heading: h });
        k++;
        continue;
      }
    }
    if (part && part.index === 0 && ln.start + part[0].length < ln.end) {
      const marker = makeMarker('cn-part', ln.start, part[1], '', '', part[3] ?? '', ln.start + 1, ln.start + 1 + part[1].length, ln.start + part[0].length);
      marker.text = text.slice(marker.span.start, marker.span.end).trim();
      pushHeadingLine(ln, marker, ln.start + part[0].length);
      continue;
    }
    const md = RE_MD_HEADING.exec(head);
    if (md) {
      const after = ln.start + md[0].length;
      const inner = matchMarker(text, after, ln.end);
      const h = inner
        ? buildHeading(inner.style, inner, ln.start, inner.span.end, ln.end, ln.end)
        : buildHeading('markdown', undefined, ln.start, after, ln.end, ln.end);
      if (!inner) h.level = md[1].length;
      blocks.push({ kind: 'heading', start: ln.start, end: ln.end, line: ln.index, heading: h });
      continue;
    }
    const marker = matchMarker(text, ln.start, ln.end);
    if (marker) {
      pushHeadingLine(ln, marker, marker.span.end);
      continue;
    }
    if (isUnnumberedCandidate(ln, bodyLines[k + 1], bodyLines[k - 1])) {
      unnumberedCandidates.push(blocks.length);
      const h = buildHeading('unnumbered', undefined, ln.start, ln.start, ln.end, ln.end);
      blocks.push({ kind: 'heading', start: ln.start, end: ln.end, line: ln.index, heading: h });
      continue;
    }
    pushBodyLine(ln);
  }
  if (unnumberedCandidates.length < 2) {
    for (const b of unnumberedCandidates) {
      blocks[b].kind = 'body';
      blocks[b].heading = undefined;
    }
  }

  function pushHeadingLine(ln: Line, marker: Marker, textStart: number) {
    const end = findHeadingEnd(text, textStart, ln.end);
    const h = buildHeading(marker.style, marker, ln.start, textStart, end, ln.end);
    blocks.push({ kind: 'heading', start: ln.start, end: ln.end, line: ln.index, heading: h });
  }

  /** A body line; a level-1 marker after a sentence end inside it starts a heading paragraph. */
  function pushBodyLine(ln: Line) {
    let start = ln.start;
    const re = new RegExp(`[。！？!?：:][ \\t　]*(${CN}{1,3})、`, 'g');
    const seg = text.slice(ln.start, ln.end);
    let m: RegExpExecArray | null;
    while ((m = re.exec(seg))) {
      const mStart = ln.start + m.index + m[0].length - m[1].length - 1;
      const marker = matchMarker(text, mStart, ln.end);
      if (!marker || marker.style !== 'cn-dun') continue;
      const end = findHeadingEnd(text, marker.span.end, ln.end);
      const headLen = end - marker.span.end;
      const endCh = text[end - 1];
      // a heading sentence is short and closes with 。/！ or the line end; "一、……；二、……" is an enumeration
      if (headLen < 2 || headLen > 40 || !(end === ln.end || HEADING_END.has(endCh))) continue;
      let bodyEnd = mStart;
      while (bodyEnd > start && isIndentSpace(text.charCodeAt(bodyEnd - 1))) bodyEnd--;
      blocks.push({ kind: 'body', start, end: bodyEnd, line: ln.index });
      const h = buildHeading('cn-dun', marker, mStart, marker.span.end, end, ln.end);
      // the heading paragraph runs to the next split point or the line end; fixed up below
      blocks.push({ kind: 'heading', start: mStart, end: ln.end, line: ln.index, heading: h });
      start = -1;
      re.lastIndex = end - ln.start;
      // subsequent splits cut the heading paragraph
      let m2: RegExpExecArray | null;
      while ((m2 = re.exec(seg))) {
        const s2 = ln.start + m2.index + m2[0].length - m2[1].length - 1;
        const mk2 = matchMarker(text, s2, ln.end);
        if (!mk2 || mk2.style !== 'cn-dun') continue;
        const e2 = findHeadingEnd(text, mk2.span.end, ln.end);
        const l2 = e2 - mk2.span.end;
        if (l2 < 2 || l2 > 40 || !(e2 === ln.end || HEADING_END.has(text[e2 - 1]))) continue;
        const prev = blocks[blocks.length - 1];
        prev.end = s2;
        while (prev.end > prev.start && isIndentSpace(text.charCodeAt(prev.end - 1))) prev.end--;
        const h2 = buildHeading('cn-dun', mk2, s2, mk2.span.end, e2, ln.end);
        blocks.push({ kind: 'heading', start: s2, end: ln.end, line: ln.index, heading: h2 });
        re.lastIndex = e2 - ln.start;
      }
      return;
    }
    if (start >= 0) blocks.push({ kind: 'body', start, end: ln.end, line: ln.index });
  }

  function isUnnumberedCandidate(ln: Line, next: Line | undefined, prev: Line | undefined): boolean {
    const len = ln.end - ln.start;
    if (len < 4 || len > 25 || !next || !prev) return false;
    if (TERMINAL.has(text[ln.end - 1])) return false;
    const t = text.slice(ln.start, ln.end);
    if (/[。！？；!?;]/.test(t)) return false;
    let han = 0;
    for (let i = 0; i < t.length; i++) if (isHan(t.charCodeAt(i))) han++;
    if (han < 4 || han < t.length * 0.8) return false;
    // the next line is prose: long, or closed with punctuation
    const nextLen = next.end - next.start;
    if (nextLen <= len || !TERMINAL.has(text[next.end - 1])) return false;
    if (hasMarkerAtStart(lineText(next, 20))) return false;
    return true;
  }

  // 6. Closing: the last body paragraph that opens with 同志们， after the last heading.
  let closingBlock = -1;
  for (let b = blocks.length - 1; b >= 0; b--) {
    const blk = blocks[b];
    if (blk.kind === 'heading') break;
    if (blk.kind === 'body' && RE_CLOSING.test(text.slice(blk.start, Math.min(blk.end, blk.start + 20)))) {
      closingBlock = b;
      break;
    }
  }
  if (closingBlock >= 0) blocks[closingBlock].kind = 'closing';

  // Residue and comment lines become paragraphs of their own kinds (kept for completeness).
  for (const ln of contentLines) {
    if (residueLines.has(ln.index)) {
      residue.push({ start: ln.start, end: ln.end });
      blocks.push({ kind: 'residue', start: ln.start, end: ln.end, line: ln.index });
    } else if (commentLines.has(ln.index)) {
      blocks.push({ kind: 'comment', start: ln.start, end: ln.end, line: ln.index });
    }
  }
  blocks.sort((a, b) => a.start - b.start);

  // 7. Paragraphs, headings, sentences.
  const paragraphs: Paragraph[] = [];
  const headings: Heading[] = [];
  for (const blk of blocks) {
    const p: Paragraph = {
      kind: blk.kind,
      span: { start: blk.start, end: blk.end },
      bodySpan: { start: blk.start, end: blk.end },
      sentences: [],
      line: blk.line,
    };
    if (blk.heading) {
      const h = blk.heading;
      h.paragraph = paragraphs.length;
      p.heading = headings.length;
      headings.push(h);
      let bs = h.span.end;
      while (bs < blk.end && isIndentSpace(text.charCodeAt(bs))) bs++;
      p.bodySpan = { start: Math.min(bs, blk.end), end: blk.end };
      h.inline = p.bodySpan.end > p.bodySpan.start;
    }
    if (p.kind === 'body' || p.kind === 'closing' || p.kind === 'heading') p.sentences = splitSentences(text, p.bodySpan.start, p.bodySpan.end);
    paragraphs.push(p);
  }
  const docParagraph = (kind: Paragraph['kind']) => {
    const i = paragraphs.findIndex((p) => p.kind === kind);
    return i >= 0 ? i : undefined;
  };

  // 8. Sections.
  const { sections, allSections } = buildSections(text, paragraphs, headings);

  // 9. Inline series and announcements.
  const series = findSeries(text, paragraphs, allSections);
  const announcements = findAnnouncements(text, paragraphs, sections, allSections, series);

  let spokenChars = 0;
  for (const p of paragraphs) {
    if (p.kind !== 'residue' && p.kind !== 'comment') spokenChars += countSpokenChars(text, p.span.start, p.span.end);
  }

  return {
    text,
    lines,
    paragraphs,
    title: docParagraph('title'),
    date: docParagraph('date'),
    salutation: docParagraph('salutation'),
    closing: docParagraph('closing'),
    headings,
    sections,
    allSections,
    series,
    announcements,
    directives,
    residue,
    spokenChars,
  };

  function buildHeading(style: MarkerStyle, marker: Marker | undefined, start: number, titleStart: number, headingEnd: number, _lineEnd: number): Heading {
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
}

function hasMarkerAtStart(head: string): boolean {
  return (
    RE_CN_DUN.test(head) ||
    RE_CN_PAREN.test(head) ||
    RE_NUM_DOT.test(head) ||
    RE_NUM_PAREN.test(head) ||
    /^#{1,6}[ \t]/.test(head)
  );
}

function makeMarker(
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

/** A numbered marker (一、 （一） 1. （1）) starting exactly at `start`. */
export function matchMarker(text: string, start: number, end: number): Marker | undefined {
  const head = text.slice(start, Math.min(end, start + 16));
  const tries: [RegExp, MarkerStyle][] = [
    [RE_CN_PAREN, 'cn-paren'],
    [RE_NUM_PAREN, 'num-paren'],
    [RE_CN_DUN, 'cn-dun'],
    [RE_NUM_DOT, 'num-dot'],
  ];
  for (const [re, style] of tries) {
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
    // don't count trailing spaces inside the marker's punctuation span
    return mk;
  }
  return undefined;
}

/** End of an inline heading: its first sentence end (inclusive), or the line end. */
function findHeadingEnd(text: string, from: number, lineEnd: number): number {
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

/** Character classes for the sentence splitter. */
const C_END = 1;
const C_OPEN = 2;
const C_CLOSE = 3;
const CHAR_CLASS = new Uint8Array(65536);
for (const ch of SENTENCE_END) CHAR_CLASS[ch.charCodeAt(0)] = C_END;
for (const ch of Object.keys(OPENERS)) CHAR_CLASS[ch.charCodeAt(0)] = C_OPEN;
for (const ch of CLOSERS) CHAR_CLASS[ch.charCodeAt(0)] = C_CLOSE;

/** Sentences of a span: split at 。！？；…… (and ! ? ;), not inside “” 《》 「」. */
export function splitSentences(text: string, start: number, end: number): Sentence[] {
  const out: Sentence[] = [];
  let depth = 0;
  let s = start;
  while (s < end && isIndentSpace(text.charCodeAt(s))) s++;
  for (let i = s; i < end; i++) {
    const cls = CHAR_CLASS[text.charCodeAt(i)];
    if (cls === 0) continue;
    if (cls === C_OPEN) {
      depth++;
      continue;
    }
    if (cls === C_CLOSE) {
      if (depth > 0) depth--;
      continue;
    }
    if (depth > 0) continue;
    let j = i + 1;
    while (j < end && CHAR_CLASS[text.charCodeAt(j)] === C_END) j++;
    if (j > s) out.push({ span: { start: s, end: j } });
    s = j;
    while (s < end && isIndentSpace(text.charCodeAt(s))) s++;
    i = s - 1;
  }
  if (s < end) out.push({ span: { start: s, end } });
  return out;
}

function headingRank(h: Heading, numberedContext: number): number {
  if (h.style === 'unnumbered') return numberedContext + 0.5;
  if (h.style === 'markdown') return h.level;
  // 第一部分 stands above 一、 (long reports: 第一部分 … 一、 二、 … 第二部分 … 一、)
  if (h.style === 'cn-part') return 0.5;
  return h.level;
}

function buildSections(text: string, paragraphs: Paragraph[], headings: Heading[]): { sections: Section[]; allSections: Section[] } {
  const roots: Section[] = [];
  const all: Section[] = [];
  const stack: { rank: number; section: Section }[] = [];
  let lastContentEnd = 0;
  const close = (entry: { section: Section }, end: number) => {
    entry.section.span.end = Math.max(entry.section.heading.span.end, end);
    entry.section.bodySpan.end = Math.max(entry.section.bodySpan.start, entry.section.span.end);
  };
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i];
    if (p.kind === 'heading' && p.heading !== undefined) {
      const h = headings[p.heading];
      let numbered = 0;
      for (let k = stack.length - 1; k >= 0; k--) {
        if (stack[k].section.heading.style !== 'unnumbered') {
          numbered = stack[k].rank;
          break;
        }
      }
      const rank = headingRank(h, numbered);
      if (h.style !== 'unnumbered') {
        while (stack.length && stack[stack.length - 1].section.heading.style === 'unnumbered') close(stack.pop()!, lastContentEnd);
      }
      while (stack.length && stack[stack.length - 1].rank >= rank) close(stack.pop()!, lastContentEnd);
      const parent = stack.length ? stack[stack.length - 1].section : undefined;
      const sec: Section = {
        heading: h,
        depth: stack.length + 1,
        span: { start: h.span.start, end: p.span.end },
        bodySpan: { start: h.span.end, end: p.span.end },
        children: [],
        parent,
        paragraphs: [],
        bodyChars: 0,
      };
      if (p.bodySpan.end > p.bodySpan.start) sec.paragraphs.push(i);
      (parent ? parent.children : roots).push(sec);
      all.push(sec);
      stack.push({ rank, section: sec });
      lastContentEnd = p.span.end;
    } else if (p.kind === 'body') {
      if (stack.length) stack[stack.length - 1].section.paragraphs.push(i);
      lastContentEnd = p.span.end;
    } else if (p.kind === 'closing') {
      while (stack.length) close(stack.pop()!, lastContentEnd);
    }
  }
  while (stack.length) close(stack.pop()!, lastContentEnd);
  // body characters: every paragraph within the section span, the section's own heading text excluded
  const prefix = new Array<number>(paragraphs.length + 1);
  prefix[0] = 0;
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i];
    const n = p.kind === 'body' || p.kind === 'heading' ? countSpokenChars(text, p.span.start, p.span.end) : 0;
    prefix[i + 1] = prefix[i] + n;
  }
  const firstAtOrAfter = (offset: number) => {
    let lo = 0;
    let hi = paragraphs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (paragraphs[mid].span.start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  for (const sec of all) {
    const a = firstAtOrAfter(sec.span.start);
    const b = firstAtOrAfter(sec.span.end);
    const own = countSpokenChars(text, sec.heading.span.start, sec.heading.span.end);
    sec.bodyChars = Math.max(0, prefix[b] - prefix[a] - own);
  }
  return { sections: roots, allSections: all };
}

/** For each paragraph, the innermost section that holds it (parents come before children in `all`). */
function innermostSectionByParagraph(paragraphs: Paragraph[], all: Section[]): (Section | undefined)[] {
  const out = new Array<Section | undefined>(paragraphs.length).fill(undefined);
  let pi = 0;
  for (const sec of all) {
    // paragraphs are sorted by start; sections in document order, each starting at its heading paragraph
    pi = sec.heading.paragraph >= 0 ? sec.heading.paragraph : pi;
    for (let i = pi; i < paragraphs.length && paragraphs[i].span.start < sec.span.end; i++) out[i] = sec;
  }
  return out;
}

// ---------------------------------------------------------------- series

const SERIES_RE = new RegExp(
  [
    `(另一方面|一方面)`, // 1
    `(首先|其次|再次|最后)(?=[，,、：:]|要|是|我们|必须|就是)`, // 2
    `第(${CN}{1,3})(?=[，,、：:])`, // 3
    `(${CN}{1,3})是`, // 4
    `(${CN}{1,3})要(?![求素件点])`, // 5
  ].join('|'),
  'y',
);
/** Characters a SERIES_RE match can start with. */
const SERIES_FIRST = firstChars('另首其再最第零〇一二两三四五六七八九十百');

function firstChars(chars: string): Uint8Array {
  const t = new Uint8Array(65536);
  for (let i = 0; i < chars.length; i++) t[chars.charCodeAt(i)] = 1;
  return t;
}

/**
 * The next match of the sticky `re` in `s` at or after `from`: what a global
 * regex's exec gives (the leftmost match), but the regex is run only where a
 * match can start (`first`), not at every character of a long draft.
 */
function execFrom(re: RegExp, first: Uint8Array, s: string, from: number): RegExpExecArray | null {
  for (let i = from; i < s.length; i++) {
    if (first[s.charCodeAt(i)] === 0) continue;
    re.lastIndex = i;
    const m = re.exec(s);
    if (m) return m;
  }
  return null;
}
/** Characters after which a series marker starts a clause. */
const CLAUSE_BREAK = new Set([...'。！？；：，、,;:!?“”"（()）《》【】…—'.split(''), ' ', '\t', '　']);
const LEAD_INS = ['要', '坚持', '必须', '还要', '就是', '我们要'];

function findSeries(text: string, paragraphs: Paragraph[], allSections: Section[]): Series[] {
  const items: SeriesItem[] = [];
  for (let pi = 0; pi < paragraphs.length; pi++) {
    const p = paragraphs[pi];
    if (p.kind !== 'body' && p.kind !== 'heading' && p.kind !== 'closing') continue;
    const { start, end } = p.bodySpan;
    if (end <= start) continue;
    const seg = text.slice(start, end);
    let m: RegExpExecArray | null;
    let from = 0;
    while ((m = execFrom(SERIES_RE, SERIES_FIRST, seg, from))) {
      from = m.index + m[0].length;
      const at = m.index;
      if (!atClauseStart(seg, at, m[1] !== undefined || m[2] !== undefined)) continue;
      const abs = start + at;
      let item: SeriesItem | undefined;
      if (m[1]) {
        const isSecond = m[1] === '另一方面';
        item = mkItem('fangmian', abs, m[0], isSecond ? 2 : 1, isSecond);
      } else if (m[2]) {
        const order: Record<string, number> = { 首先: 1, 其次: 2, 再次: 3, 最后: 0 };
        if (m[2] === '最后' && !/^[，,]/.test(seg.slice(at + 2, at + 3))) continue;
        item = mkItem('order', abs, m[0], order[m[2]], m[2] === '最后');
      } else {
        const num = m[3] ?? m[4] ?? m[5];
        const value = parseCnNumeral(num);
        if (Number.isNaN(value) || value < 1 || value > 20) continue;
        const kind: SeriesKind = m[3] ? 'di' : m[4] ? 'shi' : 'yao';
        // 两要/两是 are not ordinals; "第一、第二产业", "第一、二产业", "第二、第三产业" are lists of ordinals
        if (kind !== 'di' && num.includes('两')) continue;
        // the idiom 一是一，二是二 (call a spade a spade)
        if (kind === 'shi' && seg.startsWith(num, at + m[0].length)) continue;
        if (kind === 'di' && seg[at + m[0].length] === '、' && /^第?[零〇一二两三四五六七八九十]/.test(seg.slice(at + m[0].length + 1, at + m[0].length + 3))) continue;
        if (kind === 'di' && seg[at - 1] === '、' && /[零〇一二两三四五六七八九十]/.test(seg[at - 2] ?? '')) continue;
        // 一是一，二是二; 一要 only when 二要 also appears nearby is handled by grouping
        item = mkItem(kind, abs, m[0], value, false);
        const nStart = abs + (kind === 'di' ? 1 : 0);
        item.numberSpan = { start: nStart, end: nStart + num.length };
        item.numberText = num;
      }
      const after = item.span.end;
      const pc = text[after];
      if (pc === '，' || pc === ',' || pc === '、' || pc === '：' || pc === ':') {
        item.punct = pc;
        item.punctSpan = { start: after, end: after + 1 };
      }
      item.paragraph = pi;
      items.push(item);
    }
  }
  // group by kind within the innermost section, in order; a new group starts at a first item
  const out: Series[] = [];
  const paraSection = innermostSectionByParagraph(paragraphs, allSections);
  const sectionOf = (paragraph: number): Section | undefined => paraSection[paragraph];
  const open = new Map<string, Series>();
  let lastSection: Section | undefined | null = null;
  for (const it of items) {
    const sec = sectionOf(it.paragraph);
    if (sec !== lastSection) {
      open.clear();
      lastSection = sec;
    }
    const family = it.kind;
    const cur = open.get(family);
    if (it.kind === 'order' && it.text === '再次' && it.punct === '' && !(cur && cur.items[cur.items.length - 1].value === 2)) continue;
    const isFirst = it.kind === 'order' ? it.value === 1 : it.value === 1 && !it.last;
    if (!cur || isFirst || (cur.items[cur.items.length - 1].last && it.kind !== 'fangmian')) {
      // "一要" alone (一要……) without a second item is not a series: dropped below
      const s: Series = { items: [it], span: { ...it.span }, section: sec };
      open.set(family, s);
      out.push(s);
    } else {
      cur.items.push(it);
      cur.span.end = it.span.end;
    }
    if (it.kind === 'order' && it.last) it.value = (open.get(family)!.items.length > 1 ? open.get(family)!.items[open.get(family)!.items.length - 2].value : 0) + 1;
  }
  // a lone 一要/一是 … is usually prose ("一要……" as emphasis): keep only real series of 2+
  // items, or lone items whose value is not 1 (a series that lost its first item).
  return out.filter((s) => s.items.length > 1 || s.items[0].value !== 1 || s.items[0].kind === 'fangmian');

  function mkItem(kind: SeriesKind, abs: number, matched: string, value: number, last: boolean): SeriesItem {
    return {
      kind,
      span: { start: abs, end: abs + matched.length },
      text: matched,
      value,
      last,
      punct: '',
      punctSpan: { start: abs + matched.length, end: abs + matched.length },
      paragraph: -1,
    };
  }

  function atClauseStart(seg: string, at: number, allowLeadIn: boolean): boolean {
    if (at === 0) return true;
    if (CLAUSE_BREAK.has(seg[at - 1])) return true;
    if (!allowLeadIn) return false;
    for (const l of LEAD_INS) {
      const b = at - l.length;
      if (b >= 0 && seg.startsWith(l, b) && (b === 0 || CLAUSE_BREAK.has(seg[b - 1]))) return true;
    }
    return false;
  }
}

// ---------------------------------------------------------------- announcements

const ANNOUNCE_RE = new RegExp(
  [
    `(?:讲|谈|强调|提|说|提出|讲讲|谈谈)(?:以下)?(${CN}{1,3}|[2-9])(点)(意见|体会|要求|建议|看法|想法|认识|希望|感受)?`, // 1,2,3
    `(${CN}{1,3}|[2-9])(点)(意见|体会|要求|建议|看法|想法|认识|希望|感受)`, // 4,5,6
    `(${CN}{1,3}|[2-9])(个方面|方面|个问题|项工作|项任务|项措施|项举措|项要求|条意见|条措施|条建议)`, // 7,8
    `([两二三四五六七八九十2-9])(大)([\u4e00-\u9fff]{2,6}?)(?=[”"’」』，,。；;、：:！？\\s]|$)`, // 9,10,11
    `(${CN}{1,3}|[2-9])(个)(?=[“"‘])`, // 12,13
  ].join('|'),
  'y',
);
/** Characters an ANNOUNCE_RE match can start with. */
const ANNOUNCE_FIRST = firstChars('讲谈强提说零〇一二两三四五六七八九十百23456789');

function findAnnouncements(
  text: string,
  paragraphs: Paragraph[],
  roots: Section[],
  allSections: Section[],
  series: Series[],
): Announcement[] {
  const out: Announcement[] = [];
  const paraSection = innermostSectionByParagraph(paragraphs, allSections);
  for (let pi = 0; pi < paragraphs.length; pi++) {
    const p = paragraphs[pi];
    if (p.kind !== 'body' && p.kind !== 'heading' && p.kind !== 'closing') continue;
    const { start, end } = p.kind === 'heading' ? p.span : p.bodySpan;
    const seg = text.slice(start, end);
    let m: RegExpExecArray | null;
    let from = 0;
    while ((m = execFrom(ANNOUNCE_RE, ANNOUNCE_FIRST, seg, from))) {
      from = m.index + m[0].length;
      const num = m[1] ?? m[4] ?? m[7] ?? m[9] ?? m[12];
      const at = m.index;
      const numAt = at + m[0].indexOf(num, m[1] !== undefined ? 1 : 0);
      if (seg[numAt - 1] === '第' || seg[numAt - 1] === '十' || /[0-9]/.test(seg[numAt - 1] ?? '')) continue; // ordinals, 十四五
      let count = parseCnNumeral(num);
      if (Number.isNaN(count)) count = parseArabic(num);
      if (!(count >= 2 && count <= 20)) continue;
      let noun = (m[2] ?? '') + (m[3] ?? '') + (m[5] ?? '') + (m[6] ?? '') + (m[8] ?? '') + (m[10] ?? '') + (m[11] ?? '') + (m[13] ?? '');
      let phraseEnd = at + m[0].length;
      if (m[12] !== undefined) {
        // 三个“坚持”: include the quoted word
        const q = /^[“"‘]([^”"’]{1,12})[”"’]/.exec(seg.slice(phraseEnd));
        if (!q) continue;
        noun += q[0];
        phraseEnd += q[0].length;
      }
      const a: Announcement = {
        span: { start: start + at, end: start + phraseEnd },
        text: seg.slice(at, phraseEnd),
        countSpan: { start: start + numAt, end: start + numAt + num.length },
        count,
        noun,
        paragraph: pi,
      };
      a.target = linkAnnouncement(text, a, seg, start, at, phraseEnd, m[9] !== undefined || m[12] !== undefined);
      out.push(a);
    }
  }
  return out;

  function linkAnnouncement(
    text: string,
    a: Announcement,
    seg: string,
    segStart: number,
    at: number,
    phraseEnd: number,
    listOnly: boolean,
  ): AnnouncedTarget | undefined {
    // (a) a 、-list right before it in the same clause: 生物医药、高端制造、新材料三大主导产业
    let b = at;
    if (/[“"‘]/.test(seg[b - 1] ?? '')) b--;
    let c = b;
    while (c > 0 && !/[，,。；;：:！？!?（(）)]/.test(seg[c - 1]) && b - c < 200) c--;
    const before = seg.slice(c, b);
    let d = phraseEnd;
    if (/[”"’]/.test(seg[d] ?? '')) d++;
    // "A、B、“六大平台”、C": the phrase is itself an item of a longer list
    if (seg[d] === '、') return undefined;
    if (!before.includes('、') && a.count === 2) {
      const and = before.search(/[和与及]/);
      if (and > 0 && and < before.length - 1 && before.indexOf('和', and + 1) < 0) {
        const s0 = segStart + c;
        return { kind: 'list', items: [{ start: s0, end: s0 + and }, { start: s0 + and + 1, end: s0 + before.length }] };
      }
    }
    if (before.includes('、')) {
      const parts = before.split('、');
      const items: Span[] = [];
      let pos = segStart + c;
      for (const part of parts) {
        items.push({ start: pos, end: pos + part.length });
        pos += part.length + 1;
      }
      // "A、B和C" counts three
      const lastPart = parts[parts.length - 1];
      const and = lastPart.search(/[和及与]/);
      if (and > 0 && and < lastPart.length - 1) {
        const lp = items.pop()!;
        items.push({ start: lp.start, end: lp.start + and }, { start: lp.start + and + 1, end: lp.end });
      }
      return { kind: 'list', items };
    }
    // (b0) an inline series right after it in the same paragraph: 三个方面：一是A、B，二是C
    if (!listOnly) {
      const s = seriesRightAfter(a.paragraph);
      if (s) return { kind: 'series', items: s.items.map((it) => it.span) };
    }
    // (b) a list right after it: 三点要求：A、B、C。
    if (/[：:]/.test(seg[d] ?? '')) {
      let e = d + 1;
      while (e < seg.length && !/[。！？!?]/.test(seg[e]) && e - d < 400) e++;
      const after = seg.slice(d + 1, e);
      const sep = after.includes('；') || after.includes(';') ? /[；;]/ : /、/;
      const parts = after.split(sep).filter((x) => x.trim().length > 0);
      if (parts.length >= 2) {
        const items: Span[] = [];
        let pos = segStart + d + 1;
        for (const part of after.split(sep)) {
          if (part.trim().length > 0) items.push({ start: pos, end: pos + part.length });
          pos += part.length + 1;
        }
        return { kind: 'list', items };
      }
    }
    if (listOnly) return undefined;
    // (c) the sections that follow, when the announcement is in the intro of its scope
    const absAt = a.span.start;
    const scope = paraSection[a.paragraph];
    const kids = scope ? scope.children : roots;
    const following = kids.filter((k) => k.heading.span.start > absAt);
    const firstKid = kids.length ? kids[0] : undefined;
    if (following.length > 0 && firstKid && firstKid.heading.span.start > absAt && introduces(following[0].heading.span.start)) {
      // only the siblings of one style (the announced level)
      const style = following[0].heading.style;
      const items = following.filter((k) => k.heading.style === style).map((k) => k.heading.span);
      return { kind: 'sections', items };
    }
    // (d) an inline series that starts right after it (same or next paragraph)
    const s = seriesRightAfter(a.paragraph) ?? seriesRightAfter(a.paragraph + 1);
    if (s) return { kind: 'series', items: s.items.map((it) => it.span) };
    void text;
    return undefined;

    /** The first series after the phrase, starting in paragraph `pi` with little text between (……三点意见。一是……). */
    function seriesRightAfter(pi: number): Series | undefined {
      // series are in document order: binary search the first one after the phrase
      let lo = 0;
      let hi = series.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (series[mid].items[0].span.start < a.span.end) lo = mid + 1;
        else hi = mid;
      }
      for (let k = lo; k < series.length; k++) {
        const s = series[k];
        const first = s.items[0];
        if (first.paragraph !== pi || !(first.value === 1 || first.kind === 'order')) return undefined;
        let between = 0;
        if (pi === a.paragraph) between = countSpoken(a.span.end, first.span.start);
        else between = countSpoken(a.span.end, paragraphs[a.paragraph].span.end) + countSpoken(paragraphs[pi].bodySpan.start, first.span.start);
        return between <= 10 ? s : undefined;
      }
      return undefined;
    }

    /** The phrase introduces the sections that follow: nothing but headings between, and it closes its paragraph (last two sentences). */
    function introduces(firstHeadingStart: number): boolean {
      for (let k = a.paragraph + 1; k < paragraphs.length && paragraphs[k].span.start < firstHeadingStart; k++) {
        const kind = paragraphs[k].kind;
        if (kind === 'body' || kind === 'closing') return false;
      }
      const sentences = paragraphs[a.paragraph].sentences;
      const k = sentences.findIndex((x) => a.span.start >= x.span.start && a.span.start < x.span.end);
      return k < 0 || k >= sentences.length - 2;
    }

    function countSpoken(from: number, to: number): number {
      let n = 0;
      for (let i = from; i < to && n <= 10; i++) if (!/\s/.test(text[i])) n++;
      return n;
    }
  }
}
