/**
 * typography/paired-marks: quotation marks, title marks and brackets that do
 * not pair within a paragraph (GB/T 15834-2011 §4.7 引号, §4.8 括号, §4.15 书名号),
 * and a quotation closed by the wrong mark (〞 ″ " instead of ”) or opened
 * with the closing mark (”六个关系”).
 *
 * A quotation may span paragraphs: each paragraph opens with “ and only the
 * last one closes (§4.7.3.3), so an unclosed “ is not reported when the next
 * paragraph opens with “. A line that stops mid-sentence (a PDF hard break,
 * no closing punctuation at its end) carries its open marks into the next
 * line. Apostrophes in Latin text (This province’s) and ")" after a list
 * number ("1)") are not marks to pair.
 */
import type { SpeechDocument } from '../../model';
import type { Report } from '../../rule';
import { defineRule } from '../../rule';
import { isLatin, mostlyLatin, speechParagraphs } from './shared';

type Kind = 'dquote' | 'squote' | 'title' | 'paren' | 'lenticular';

const OPENERS: Record<string, Kind> = { '“': 'dquote', '‘': 'squote', '《': 'title', '（': 'paren', '(': 'paren', '【': 'lenticular' };
const CLOSERS: Record<string, Kind> = { '”': 'dquote', '’': 'squote', '》': 'title', '）': 'paren', ')': 'paren', '】': 'lenticular' };
const CLOSE_OF: Record<Kind, string> = { dquote: '”', squote: '’', title: '》', paren: '）', lenticular: '】' };
const OPEN_OF: Record<Kind, string> = { dquote: '“', squote: '‘', title: '《', paren: '（', lenticular: '【' };
/** Marks that close a “ by mistake. */
const WRONG_CLOSE = new Set(['〞', '″', '"']);
const SENTENCE_END = new Set(['。', '！', '？', '!', '?', '…', '”', '；', '：', ';', ':']);

interface Open {
  kind: Kind;
  at: number;
}

function isApostrophe(text: string, i: number): boolean {
  const prev = i > 0 ? text.charCodeAt(i - 1) : -1;
  return isLatin(prev);
}

/** ")" or "）" right after a list number at the paragraph start: "1)", "a)", "一）". */
function isListCloser(text: string, i: number, start: number): boolean {
  let k = i - 1;
  while (k >= start && /[0-9A-Za-z一二三四五六七八九十]/.test(text[k])) k--;
  return k < i - 1 && i - 1 - k <= 3 && k < start;
}

/** Is the closing ” at i followed, before any “, by another ” in the paragraph? Then it opened the quotation. */
function closerOpens(text: string, i: number, end: number): boolean {
  for (let k = i + 1; k < end; k++) {
    if (text[k] === '“') return false;
    if (text[k] === '”') return true;
  }
  return false;
}

function lastChar(text: string, start: number, end: number): string {
  let k = end - 1;
  while (k >= start && /\s/.test(text[k])) k--;
  return k >= start ? text[k] : '';
}

function firstChar(text: string, start: number, end: number): string {
  let k = start;
  while (k < end && /\s/.test(text[k])) k++;
  return k < end ? text[k] : '';
}

export function pairReports(doc: SpeechDocument): Report[] {
  const text = doc.text;
  const out: Report[] = [];
  const paras = speechParagraphs(doc);
  let stack: Open[] = [];
  for (let pi = 0; pi < paras.length; pi++) {
    const { start, end } = paras[pi].span;
    if (mostlyLatin(text, start, end)) {
      stack = [];
      continue;
    }
    for (let i = start; i < end; i++) {
      const ch = text[i];
      if (WRONG_CLOSE.has(ch)) {
        if (stack.length && stack[stack.length - 1].kind === 'dquote') {
          stack.pop();
          out.push({ messageId: 'wrongClose', data: { mark: ch }, span: { start: i, end: i + 1 }, fixes: [fix(i, '”')] });
        }
        continue;
      }
      const ok = OPENERS[ch];
      if (ok) {
        stack.push({ kind: ok, at: i });
        continue;
      }
      const ck = CLOSERS[ch];
      if (!ck) continue;
      if (ck === 'squote' && isApostrophe(text, i)) continue;
      if (ck === 'paren' && isListCloser(text, i, start)) continue;
      let k = stack.length - 1;
      while (k >= 0 && stack[k].kind !== ck) k--;
      if (k >= 0) {
        for (const o of stack.slice(k + 1)) out.push(unclosed(o));
        stack = stack.slice(0, k);
      } else if (ck === 'dquote' && closerOpens(text, i, end)) {
        out.push({ messageId: 'wrongOpen', span: { start: i, end: i + 1 }, fixes: [fix(i, '“')] });
        stack.push({ kind: 'dquote', at: i });
      } else if (ch !== ')') {
        out.push({ messageId: 'unopened', data: { mark: ch, open: OPEN_OF[ck] }, span: { start: i, end: i + 1 } });
      }
    }
    if (stack.length === 0) continue;
    const next = paras[pi + 1];
    // a line broken mid-sentence carries its open marks on
    const broken = !SENTENCE_END.has(lastChar(text, start, end));
    if (next && next.line === paras[pi].line + 1 && broken) continue;
    // a draft cut off mid-sentence (an excerpt) leaves its last marks open
    if (!next && broken) {
      stack = [];
      continue;
    }
    // a quotation over several paragraphs: each opens with “, only the last closes
    if (next && stack.every((o) => o.kind === 'dquote') && firstChar(text, next.span.start, next.span.end) === '“') {
      stack = [];
      continue;
    }
    for (const o of stack) if (text[o.at] !== '(') out.push(unclosed(o));
    stack = [];
  }
  for (const o of stack) if (text[o.at] !== '(') out.push(unclosed(o));
  return out;
}

function unclosed(o: Open): Report {
  return { messageId: 'unclosed', data: { open: OPEN_OF[o.kind], close: CLOSE_OF[o.kind] }, span: { start: o.at, end: o.at + 1 } };
}

function fix(at: number, mark: string) {
  return { title: { zh: `改为“${mark}”`, en: `Use "${mark}"` }, edits: [{ start: at, end: at + 1, newText: mark }], safe: true };
}

export default defineRule({
  meta: {
    id: 'typography/paired-marks',
    family: 'typography',
    description: {
      zh: '引号、书名号、括号在段内不配对，或引号用错（以〞″"收尾、以”开头）（GB/T 15834—2011 第4.7、4.8、4.15条）',
      en: 'Quotation marks, title marks or brackets that do not pair within a paragraph, or a quotation closed with 〞 ″ " or opened with ” (GB/T 15834-2011 §4.7, §4.8, §4.15)',
    },
    defaultSeverity: 'warning',
    fixable: true,
    defaultOptions: {},
    examples: { wrong: '要正确处理”六个关系”、牢固树立“六个导向"。', right: '要正确处理“六个关系”、牢固树立“六个导向”。' },
  },
  messages: {
    unclosed: { zh: '“{open}”在本段内没有对应的“{close}”', en: '"{open}" has no matching "{close}" in this paragraph' },
    unopened: { zh: '“{mark}”前面没有对应的“{open}”', en: '"{mark}" has no matching "{open}" before it' },
    wrongClose: { zh: '引号以 {mark} 收尾，应为后引号 ”', en: 'The quotation closes with "{mark}"; it takes "”"' },
    wrongOpen: { zh: '引号以后引号 ” 开头，应为前引号 “', en: 'The quotation opens with "”"; it takes "“"' },
  },
  check({ doc, report }) {
    for (const r of pairReports(doc)) report(r);
  },
});
