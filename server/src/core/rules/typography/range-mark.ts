/**
 * typography/range-mark: a span of time written with a hyphen (2020-2025年,
 * 1-6月份, 7月23日-7月31日). GB/T 15834-2011 §4.13.3.2 marks the start and
 * end of a time span with the 一字线 "—" (2020—2025年); the short hyphen
 * belongs to codes, model numbers and standard numbers (GB/T 15834-2011,
 * 2024-01-12), which are left alone: only a number followed by 年/月/日/号
 * on the right counts, and nothing that follows Latin text, "/" or another
 * number with a hyphen.
 */
import { defineRule } from '../../rule';
import { matchesInSpeech } from './numbers';

const RE = /(?<![A-Za-z0-9０-９/\-－.．])([0-9０-９]{1,4}[年月日号]?)[-－–‐−]((?:[0-9０-９]{1,4}[年月])?[0-9０-９]{1,4})(?=[年月日号])/g;

export default defineRule({
  meta: {
    id: 'typography/range-mark',
    family: 'typography',
    description: {
      zh: '表示时间起止用了短横线“-”，应为一字线“—”（GB/T 15834—2011 第4.13.3条）',
      en: 'A span of time written with a hyphen "-"; it takes the 一字线 "—" (GB/T 15834-2011 §4.13.3)',
    },
    defaultSeverity: 'info',
    fixable: true,
    defaultOptions: {},
    examples: { wrong: '《2021-2025年产业发展规划》', right: '《2021—2025年产业发展规划》' },
  },
  messages: {
    range: { zh: '“{text}”表示时间起止，应用一字线“—”', en: '"{text}" marks a span of time; it takes the 一字线 "—"' },
  },
  check({ doc, report }) {
    for (const m of matchesInSpeech(doc, RE)) {
      const dash = m.start + m.groups[0].length;
      report({
        messageId: 'range',
        data: { text: doc.text.slice(m.start, m.end + 1) },
        span: { start: m.start, end: m.end },
        fixes: [{ title: { zh: '改为一字线“—”', en: 'Use the 一字线 "—"' }, edits: [{ start: dash, end: dash + 1, newText: '—' }], safe: true }],
      });
    }
  },
});
