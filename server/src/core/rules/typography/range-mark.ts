/**
 * typography/range-mark: a span written with a hyphen. GB/T 15834-2011
 * §4.13.3.2 marks the start and end of a span of time with the 一字线 "—"
 * (2020—2025年, 1—6月, 7月23日—7月31日); §4.13.3.3 marks a range of values
 * with the 浪纹线 "～" (20～30人, 3～5年 as a duration, 10～15亿元). The short
 * hyphen belongs to codes, model numbers and standard numbers (GB/T
 * 15834-2011, 2024-01-12), which are left alone: only a number followed by a
 * date or a unit on the right counts, and nothing that follows Latin text, "/"
 * or another number with a hyphen.
 */
import { defineRule } from '../../rule';
import { matchesInSpeech } from './matches';

const RE = /(?<![A-Za-z0-9０-９/\-－.．])([0-9０-９]{1,4}[年月日号]?)[-－–‐−]((?:[0-9０-９]{1,4}[年月])?[0-9０-９]{1,4})(?=[年月日号人个家项名万亿元%％倍岁])/g;

/** "—" for a span of time (years written in full, months, days), "～" for a range of values (20～30人, 3～5年). */
function markFor(text: string, m: { start: number; end: number; groups: string[] }): string {
  const unit = text[m.end];
  if (!'年月日号'.includes(unit)) return '～';
  if (unit === '年' && !/^[0-9０-９]{4}/.test(m.groups[0])) return '～';
  return '—';
}

export default defineRule({
  meta: {
    id: 'typography/range-mark',
    family: 'typography',
    description: {
      zh: '起止用了短横线“-”：时间起止应为一字线“—”，数值范围应为浪纹线“～”（GB/T 15834—2011 第4.13.3条）',
      en: 'A span written with a hyphen "-": a span of time takes the 一字线 "—", a range of values the 浪纹线 "～" (GB/T 15834-2011 §4.13.3)',
    },
    defaultSeverity: 'info',
    fixable: true,
    defaultOptions: {},
    examples: { wrong: '《2021-2025年产业发展规划》，每组20-30人', right: '《2021—2025年产业发展规划》，每组20～30人' },
  },
  messages: {
    range: { zh: '“{text}”表示时间起止，应用一字线“—”', en: '"{text}" marks a span of time; it takes the 一字线 "—"' },
    values: { zh: '“{text}”表示数值范围，应用浪纹线“～”', en: '"{text}" marks a range of values; it takes the 浪纹线 "～"' },
  },
  check({ doc, report }) {
    for (const m of matchesInSpeech(doc, RE)) {
      const dash = m.start + m.groups[0].length;
      const mark = markFor(doc.text, m);
      const title = mark === '—' ? { zh: '改为一字线“—”', en: 'Use the 一字线 "—"' } : { zh: '改为浪纹线“～”', en: 'Use the 浪纹线 "～"' };
      report({
        messageId: mark === '—' ? 'range' : 'values',
        data: { text: doc.text.slice(m.start, m.end + 1) },
        span: { start: m.start, end: m.end },
        fixes: [{ title, edits: [{ start: dash, end: dash + 1, newText: mark }], safe: true }],
      });
    }
  },
});
