/**
 * typography/half-width-punctuation: half-width , : ; ? ! ( ) in Chinese text
 * (GB/T 15834-2011 §3 and §4: Chinese text takes the full-width marks ，：；？！（）;
 * the half-width forms belong to Latin text and numbers).
 *
 * A mark counts when a Chinese character or Chinese punctuation stands next to
 * it (one space between allowed: "第二, 我们"); brackets count when they hold
 * Chinese ("(扩大)", "(一)") or a short number before Chinese ("(1)加强").
 * Left alone: marks between Latin letters or digits (1,000; 10:30; a, b),
 * paragraphs that are mostly Latin (an English translation), URLs, e-mail
 * addresses and `code`.
 *
 * Drafts pasted from the web are often half-width throughout: one finding per
 * paragraph, and a single summary finding (with one fix for the whole draft)
 * once more than `maxParagraphs` paragraphs are affected.
 */
import type { SpeechDocument } from '../../model';
import type { RelatedInfo, TextEdit } from '../../rule';
import { defineRule } from '../../rule';
import { residueTest } from '../placeholder/scan';
import { isChinese, isDigit, isHan, latinZones, mostlyLatin, speechParagraphs, zoneCursor } from './shared';

export interface HalfWidthOptions {
  /** More affected paragraphs than this: one summary finding for the whole draft. */
  maxParagraphs: number;
}

const FULL: Record<string, string> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）' };

function isBlank(c: number): boolean {
  return c === 32 || c === 0xa0;
}

/** The neighbour before i (one blank skipped), -1 at the paragraph start. */
function before(text: string, i: number, start: number): number {
  let k = i - 1;
  if (k >= start && isBlank(text.charCodeAt(k))) k--;
  return k >= start ? text.charCodeAt(k) : -1;
}

/** The neighbour after i (one blank skipped), -1 at the paragraph end. */
function after(text: string, i: number, end: number): { c: number; blank: boolean } {
  let k = i + 1;
  let blank = false;
  if (k < end && isBlank(text.charCodeAt(k))) {
    k++;
    blank = true;
  }
  return { c: k < end ? text.charCodeAt(k) : -1, blank };
}

/** Edits for one paragraph's half-width marks in Chinese context. */
export function halfWidthEdits(text: string, start: number, end: number): TextEdit[] {
  if (mostlyLatin(text, start, end)) return [];
  const inZone = zoneCursor(latinZones(text, start, end));
  const edits: TextEdit[] = [];
  const open: number[] = [];
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    // , : ; ? ! ( ) — a fast test on the code before anything else
    if (!(c === 0x2c || c === 0x3a || c === 0x3b || c === 0x3f || c === 0x21 || c === 0x28 || c === 0x29) || inZone(i)) continue;
    const ch = text[i];
    if (ch === '(') {
      open.push(i);
      continue;
    }
    if (ch === ')') {
      const o = open.pop();
      if (o !== undefined && chineseBrackets(text, o, i, end)) {
        edits.push({ start: o, end: o + 1, newText: '（' }, { start: i, end: i + 1, newText: '）' });
      }
      continue;
    }
    const prev = before(text, i, start);
    const next = after(text, i, end);
    if (ch === ':' && next.c === 0x2f) continue; // scheme:// outside a recognised URL
    if (!isChinese(prev) && !isChinese(next.c)) continue;
    // a blank after the mark goes with it when Chinese follows ("第二, 我们" → "第二，我们")
    // and so does the blank after a salutation's colon that the parser split from its line ("同志们: 这次" → "同志们：这次")
    const runOn = i + 1 === end && isBlank(text.charCodeAt(end)) && isChinese(text.charCodeAt(end + 1));
    const drop = (next.blank && isChinese(next.c)) || runOn ? 2 : 1;
    edits.push({ start: i, end: i + drop, newText: FULL[ch] });
  }
  // a half-width opener closed by a full-width closer ("(一）"), or the reverse
  return edits.sort((a, b) => a.start - b.start);
}

function chineseBrackets(text: string, o: number, c: number, end: number): boolean {
  for (let k = o + 1; k < c; k++) if (isHan(text.charCodeAt(k))) return true;
  // "(1)加强" — a short number as a list marker before Chinese
  if (c - o - 1 >= 1 && c - o - 1 <= 2) {
    for (let k = o + 1; k < c; k++) if (!isDigit(text.charCodeAt(k))) return false;
    return c + 1 < end && isHan(text.charCodeAt(c + 1));
  }
  return false;
}

interface Affected {
  edits: TextEdit[];
  marks: string;
}

/** Affected paragraphs; paragraphs of one line ("同志们:今天,……") count as one. */
function affectedParagraphs(doc: SpeechDocument): Affected[] {
  const out: Affected[] = [];
  const residue = residueTest(doc);
  let lastLine = -1;
  for (const p of speechParagraphs(doc)) {
    // residue inside the line (原創:) is residue/inline's to delete, not a mark to fix
    const edits = halfWidthEdits(doc.text, p.span.start, p.span.end).filter((e) => !residue(e.start));
    if (edits.length === 0) continue;
    const line = doc.lines.lineAt(p.span.start);
    if (line === lastLine) out[out.length - 1].edits.push(...edits);
    else out.push({ edits, marks: '' });
    lastLine = line;
  }
  for (const a of out) a.marks = [...new Set(a.edits.map((e) => doc.text[e.start]))].join(' ');
  return out;
}

const FIX_TITLE = { zh: '改为全角标点', en: 'Use full-width punctuation' };

export default defineRule<HalfWidthOptions>({
  meta: {
    id: 'typography/half-width-punctuation',
    family: 'typography',
    description: {
      zh: '中文里用了半角标点 , : ; ? ! ( )，应为全角（GB/T 15834—2011 第3章、第4章）',
      en: 'Half-width , : ; ? ! ( ) in Chinese text, where the full-width marks belong (GB/T 15834-2011 §3, §4)',
    },
    defaultSeverity: 'warning',
    fixable: true,
    defaultOptions: { maxParagraphs: 5 },
    options: {
      maxParagraphs: {
        type: 'number',
        min: 0,
        description: {
          zh: '受影响的段落多于此数时，只报告一处全文汇总（一次修复全文）',
          en: 'more affected paragraphs than this: one summary finding for the whole draft (one fix for all)',
        },
      },
    },
    examples: { wrong: '同志们:今天,我们召开县委全委(扩大)会议。', right: '同志们：今天，我们召开县委全委（扩大）会议。' },
  },
  messages: {
    paragraph: {
      zh: '本段有 {count} 处半角标点（{marks}），中文里应为全角',
      en: 'Half-width marks in this paragraph ({count}: {marks}); Chinese text takes the full-width forms',
    },
    summary: {
      zh: '全文 {paragraphs} 段共 {count} 处半角标点（{marks}），中文里应为全角',
      en: 'Half-width marks in {paragraphs} paragraphs ({count}: {marks}); Chinese text takes the full-width forms',
    },
  },
  check({ doc, options, report }) {
    const affected = affectedParagraphs(doc);
    if (affected.length === 0) return;
    const max = Math.max(0, options.maxParagraphs ?? 5);
    if (affected.length > max) {
      const edits = affected.flatMap((a) => a.edits);
      const marks = [...new Set(affected.flatMap((a) => a.marks.split(' ')))].join(' ');
      const first = edits[0];
      const related: RelatedInfo[] = affected.slice(1, 51).map((a) => ({
        span: { start: a.edits[0].start, end: a.edits[0].start + 1 },
        message: { zh: `本段 ${a.edits.length} 处`, en: `this paragraph: ${a.edits.length}` },
      }));
      report({
        messageId: 'summary',
        data: { paragraphs: affected.length, count: edits.length, marks },
        span: { start: first.start, end: first.start + 1 },
        fixes: [{ title: { zh: '全文改为全角标点', en: 'Use full-width punctuation throughout' }, edits, safe: true }],
        related,
      });
      return;
    }
    for (const a of affected) {
      const first = a.edits[0];
      report({
        messageId: 'paragraph',
        data: { count: a.edits.length, marks: a.marks },
        span: { start: first.start, end: first.start + 1 },
        fixes: [{ title: FIX_TITLE, edits: a.edits, safe: true }],
      });
    }
  },
});
