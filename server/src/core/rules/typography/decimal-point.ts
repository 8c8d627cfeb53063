/**
 * typography/decimal-point: "。" typed as a decimal point between digits
 * (88。2亿元 → 88.2亿元). GB/T 15835-2011 §5.1.2 writes decimals with the
 * point "."; "。" between digits is an input-method slip.
 *
 * Only a 1-2 digit fraction followed by a unit, a Han character or % counts:
 * "目标是8。2023年……" (a sentence ending in a number, the next opening with a
 * year) is left alone.
 */
import { defineRule } from '../../rule';
import { matchesInSpeech } from './matches';

const RE = /(?<![0-9０-９.])([0-9０-９]{1,4})。([0-9０-９]{1,2})(?=[%％\u4e00-\u9fff])/g;

export default defineRule({
  meta: {
    id: 'typography/decimal-point',
    family: 'typography',
    description: {
      zh: '数字间的小数点误用句号“。”（GB/T 15835—2011 第5.1.2条）',
      en: 'A full stop "。" typed as the decimal point between digits (GB/T 15835-2011 §5.1.2)',
    },
    defaultSeverity: 'warning',
    fixable: true,
    defaultOptions: {},
    examples: { wrong: '全年实现地区生产总值88。2亿元，增长6。5%。', right: '全年实现地区生产总值88.2亿元，增长6.5%。' },
  },
  messages: {
    decimal: { zh: '“{text}”中的句号应为小数点“.”', en: 'The "。" in "{text}" should be a decimal point "."' },
  },
  check({ doc, report }) {
    for (const m of matchesInSpeech(doc, RE)) {
      const dot = m.start + m.groups[0].length;
      report({
        messageId: 'decimal',
        data: { text: doc.text.slice(m.start, m.end) },
        span: { start: m.start, end: m.end },
        fixes: [{ title: { zh: '改为小数点', en: 'Use a decimal point' }, edits: [{ start: dot, end: dot + 1, newText: '.' }], safe: false }],
      });
    }
  },
});
