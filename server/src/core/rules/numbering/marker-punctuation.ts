/**
 * numbering/marker-punctuation (GB/T 15834-2011 B.3): 一、 takes a 顿号;
 * （一） and （1） take nothing after the bracket; 1. takes a full stop, never
 * 、; 第一 and 首先 take a comma. One level does not mix "(一)" and "（二）".
 * The fix replaces the marker's punctuation or brackets only.
 */
import type { Heading, SpeechDocument } from '../../model';
import { defineRule } from '../../rule';
import type { Report } from '../../rule';
import type { Span } from '../../text';
import { draftComma, trimEnd } from './shared';

type Width = 'full' | 'half' | 'mixed';

interface Brackets {
  open: Span;
  close: Span;
  width: Width;
}

function bracketsOf(doc: SpeechDocument, h: Heading): Brackets | undefined {
  const m = h.marker;
  if (!m || (h.style !== 'cn-paren' && h.style !== 'num-paren')) return undefined;
  const t = doc.text;
  const o = t[m.span.start];
  if (o !== '（' && o !== '(') return undefined;
  let c = m.numberSpan.end;
  while (c < m.span.end && t[c] !== '）' && t[c] !== ')') c++;
  if (c >= m.span.end) return undefined;
  const openFull = o === '（';
  const closeFull = t[c] === '）';
  return {
    open: { start: m.span.start, end: m.span.start + 1 },
    close: { start: c, end: c + 1 },
    width: openFull && closeFull ? 'full' : !openFull && !closeFull ? 'half' : 'mixed',
  };
}

const fixTitle = (right: string) => ({ zh: `改为“${right}”`, en: `Change to "${right}"` });

export default defineRule({
  meta: {
    id: 'numbering/marker-punctuation',
    family: 'numbering',
    description: {
      zh: '序号后的标点不合规范（GB/T 15834 附录B.3）：“（一）、”“1、”“第一、”，或同级括号全角半角混用',
      en: 'Wrong punctuation after a number (GB/T 15834 B.3): "（一）、", "1、", "第一、", or one level mixing full- and half-width brackets',
    },
    defaultSeverity: 'info',
    fixable: true,
    defaultOptions: {},
    notes: {
      leavesAlone: "The punctuation inside quotations and document titles; markers that are not headings or series items (第一书记, 1、2、3 in a sentence).",
      limits: "1、 is the most common form in practice (agenda lists of 主持词); it is information, not a warning, because the standard is for official documents and many offices tolerate it.",
    },
    examples: {
      wrong: '（一）、成绩来之不易 …… 1、经济稳中有进 …… 第一、要抓项目',
      right: '（一）成绩来之不易 …… 1. 经济稳中有进 …… 第一，要抓项目',
    },
  },
  messages: {
    dun: {
      zh: '“一、”式序号后应用顿号：“{found}”应为“{right}”',
      en: 'A Chinese numeral takes 、: "{right}", not "{found}"',
    },
    bracketPunct: {
      zh: '括号序号后不再加标点：“{found}”应为“{right}”',
      en: 'No punctuation after a bracketed number: "{right}", not "{found}"',
    },
    dot: {
      zh: '阿拉伯数字序号后用下脚点，不用顿号：“{found}”应为“{right}”',
      en: 'An Arabic numeral takes a full stop, not 、: "{right}", not "{found}"',
    },
    width: {
      zh: '同级序号括号全角半角混用：本级多用“{majority}”，此处为“{found}”',
      en: 'Full- and half-width brackets mixed at one level: most markers read "{majority}", this one "{found}"',
    },
    seriesComma: {
      zh: '“{marker}”后应用逗号，不用顿号：“{found}”应为“{right}”',
      en: '"{marker}" takes a comma, not 、: "{right}", not "{found}"',
    },
  },
  check({ doc, report }) {
    const t = doc.text;
    const slice = (s: Span) => t.slice(s.start, s.end);
    const emit = (messageId: string, span: Span, found: string, right: string, edit: { start: number; end: number; newText: string }, extra: Record<string, string> = {}) => {
      const r: Report = {
        messageId,
        data: { found, right, ...extra },
        span: trimEnd(t, span),
        fixes: [{ title: fixTitle(right), edits: [edit], safe: true }],
      };
      report(r);
    };

    // 1. the punctuation right after each heading marker
    let fullStops = 0;
    let halfStops = 0;
    for (const h of doc.headings) {
      if (h.style === 'num-dot' && h.marker) {
        if (h.marker.punct === '．') fullStops++;
        else if (h.marker.punct === '.') halfStops++;
      }
    }
    for (const h of doc.headings) {
      const m = h.marker;
      if (!m) continue;
      const found = slice(m.span).trimEnd();
      const head = t.slice(m.span.start, m.punctSpan.start);
      if (h.style === 'cn-dun' && m.punct !== '、' && m.punct !== '') {
        emit('dun', m.span, found, head.trimEnd() + '、', { start: m.punctSpan.start, end: m.punctSpan.end, newText: '、' });
      } else if ((h.style === 'cn-paren' || h.style === 'num-paren') && m.punct !== '') {
        const br = bracketsOf(doc, h);
        const from = br ? br.close.end : m.punctSpan.start;
        emit('bracketPunct', m.span, found, t.slice(m.span.start, from), { start: from, end: m.punctSpan.end, newText: '' });
      } else if (h.style === 'num-dot' && m.punct === '、') {
        const num = slice(m.numberSpan);
        const fullDigits = /^[０-９]/.test(num);
        const dot = fullDigits || fullStops > halfStops ? '．' : '.';
        emit('dot', m.span, found, head.trimEnd() + dot, { start: m.punctSpan.start, end: m.punctSpan.end, newText: dot });
      }
    }

    // 2. bracket width per level (style), over the whole draft: flag the minority
    for (const style of ['cn-paren', 'num-paren'] as const) {
      const items: { h: Heading; b: Brackets }[] = [];
      for (const h of doc.headings) {
        if (h.style !== style) continue;
        const b = bracketsOf(doc, h);
        if (b) items.push({ h, b });
      }
      const full = items.filter((x) => x.b.width === 'full').length;
      const half = items.filter((x) => x.b.width === 'half').length;
      const majority: Width = half > full ? 'half' : 'full';
      for (const { h, b } of items) {
        if (b.width === majority) continue;
        const [o, c] = majority === 'full' ? ['（', '）'] : ['(', ')'];
        const m = h.marker!;
        const found = t.slice(m.span.start, b.close.end);
        const right = o + t.slice(b.open.end, b.close.start) + c;
        const edits = [];
        if (t[b.open.start] !== o) edits.push({ start: b.open.start, end: b.open.end, newText: o });
        if (t[b.close.start] !== c) edits.push({ start: b.close.start, end: b.close.end, newText: c });
        report({
          messageId: 'width',
          data: { found, majority: majority === 'full' ? '（）' : '()' },
          span: { start: m.span.start, end: b.close.end },
          fixes: [{ title: fixTitle(right), edits, safe: true }],
        });
      }
    }

    // 3. inline series: 第一、 / 首先、 take a comma
    let comma: string | undefined;
    for (const s of doc.series) {
      for (const it of s.items) {
        if ((it.kind !== 'di' && it.kind !== 'order') || it.punct !== '、') continue;
        comma ??= draftComma(doc);
        emit('seriesComma', { start: it.span.start, end: it.punctSpan.end }, it.text + it.punct, it.text + comma, { start: it.punctSpan.start, end: it.punctSpan.end, newText: comma }, { marker: it.text });
      }
    }
  },
});
